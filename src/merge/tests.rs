use chrono::{NaiveDate, NaiveDateTime};

use super::*;
use crate::export::{ExportInput, build_json, fixture};
use crate::lang::Lang;
use crate::store::Event;

fn d(m: u32, day: u32) -> NaiveDate {
    fixture::d(2026, m, day)
}

fn at() -> NaiveDateTime {
    d(4, 1).and_hms_opt(9, 0, 0).unwrap()
}

/// The fixture's model-2 plan and its rows as an action sheet gives them back, nothing marked.
fn plan_and_rows() -> (Plan, Vec<Row>) {
    let plan = fixture::plan(Model::Two);
    let list = fixture::list();
    let none = |_: &CitizenPlan, _: &Action| None;
    let dto = build_json(&ExportInput {
        plan: &plan,
        list: &list,
        show_cpr: false,
        lang: Lang::Da,
        generated_at: fixture::generated_at(),
        done: &none,
    });
    let rows = crate::review::read::from_json(&dto).rows;
    (plan, rows)
}

fn sheet(file: &str, rows: Vec<Row>) -> SheetMarks {
    SheetMarks {
        file: file.into(),
        model: Model::Two,
        switch_date: d(3, 31),
        written: Some(d(4, 5).and_hms_opt(10, 0, 0).unwrap()),
        rows,
        unknown: Vec::new(),
    }
}

fn done(row: &mut Row, date: Option<NaiveDate>, by: Option<&str>) {
    row.done = true;
    row.done_date = date;
    row.done_by = by.map(String::from);
}

fn nej(row: &mut Row) {
    row.not_done = true;
}

/// The step key of the plan's action a row was written from.
fn key_of(plan: &Plan, row: &Row) -> StepKey {
    let (c, a) = find(plan, &Index::of(plan), row).unwrap();
    StepKey::of(&c.cpr, a)
}

/// A store's progress with these steps ticked on these dates.
fn progress(ticks: &[(StepKey, NaiveDate)]) -> Progress {
    let events: Vec<Event> = ticks
        .iter()
        .enumerate()
        .map(|(i, (step, done))| Event {
            id: i as i64 + 1,
            at: at(),
            worker: "KO".into(),
            model: Some(Model::Two),
            switch_date: Some(d(3, 31)),
            change: Change::Tick {
                step: step.clone(),
                done: *done,
                by: None,
            },
        })
        .collect();
    Progress::fold(&events)
}

#[test]
fn every_row_of_the_plan_is_found_again() {
    let (plan, rows) = plan_and_rows();
    let n: usize = plan.citizens.iter().map(|c| c.actions.len()).sum();
    assert_eq!(rows.len(), n);
    let mut keys: Vec<StepKey> = rows.iter().map(|r| key_of(&plan, r)).collect();
    let expected: Vec<StepKey> = plan
        .citizens
        .iter()
        .flat_map(|c| c.actions.iter().map(|a| StepKey::of(&c.cpr, a)))
        .collect();
    assert_eq!(keys, expected);
    keys.dedup();
    assert!(keys.len() > 3);
    // Borger nr of another order (a sheet of an earlier list): found by masked CPR and name.
    let shifted: Vec<StepKey> = rows
        .iter()
        .map(|r| {
            let mut r = r.clone();
            r.citizen = r.citizen % plan.citizens.len() as u32 + 1;
            key_of(&plan, &r)
        })
        .collect();
    assert_eq!(shifted, expected);
}

#[test]
fn done_in_a_sheet_and_not_in_the_store_is_a_new_tick() {
    let (plan, mut rows) = plan_and_rows();
    done(&mut rows[0], Some(d(4, 2)), Some("AB"));
    done(&mut rows[1], None, None);
    let report = compare(
        &plan,
        &Progress::default(),
        &[sheet("a.xlsx", rows.clone())],
    );
    assert_eq!(report.ticks.len(), 2, "{report:#?}");
    assert!(report.unticks.is_empty() && !report.has_problems());
    assert_eq!(report.ticks[0].date, Some(d(4, 2)));
    assert_eq!(report.ticks[0].by.as_deref(), Some("AB"));
    assert_eq!(report.ticks[0].from[0].file, "a.xlsx");
    assert_eq!(report.ticks[0].from[0].at, rows[0].at);
    // "x" without a date: done on the day of the merge.
    let today = d(4, 7);
    assert_eq!(
        report.changes(today),
        vec![
            Change::Tick {
                step: key_of(&plan, &rows[0]),
                done: d(4, 2),
                by: Some("AB".into()),
            },
            Change::Tick {
                step: key_of(&plan, &rows[1]),
                done: today,
                by: None,
            },
        ]
    );
}

#[test]
fn the_same_done_date_is_no_change_and_another_date_changes_it() {
    let (plan, mut rows) = plan_and_rows();
    let store = progress(&[
        (key_of(&plan, &rows[0]), d(4, 2)),
        (key_of(&plan, &rows[1]), d(4, 2)),
        (key_of(&plan, &rows[2]), d(4, 2)),
    ]);
    done(&mut rows[0], Some(d(4, 2)), None);
    done(&mut rows[1], None, None);
    done(&mut rows[2], Some(d(4, 3)), None);
    let report = compare(&plan, &store, &[sheet("a.xlsx", rows)]);
    assert_eq!(report.unchanged, 2);
    assert_eq!(report.ticks.len(), 1);
    assert_eq!(report.ticks[0].date, Some(d(4, 3)));
    assert_eq!(report.ticks[0].was, Some((d(4, 2), "KO".to_string())));
}

#[test]
fn a_blank_cell_never_unticks_an_explicit_nej_does() {
    let (plan, mut rows) = plan_and_rows();
    let store = progress(&[
        (key_of(&plan, &rows[0]), d(4, 2)),
        (key_of(&plan, &rows[1]), d(4, 2)),
    ]);
    nej(&mut rows[1]);
    let report = compare(&plan, &store, &[sheet("a.xlsx", rows.clone())]);
    assert!(report.ticks.is_empty());
    assert_eq!(report.unticks.len(), 1);
    assert_eq!(report.unticks[0].step.key, key_of(&plan, &rows[1]));
    assert_eq!(report.unticks[0].was, (d(4, 2), "KO".to_string()));
    assert_eq!(
        report.changes(d(4, 7)),
        vec![Change::Untick {
            step: key_of(&plan, &rows[1])
        }]
    );
    // Not done and not ticked: nothing to do.
    let report = compare(&plan, &Progress::default(), &[sheet("a.xlsx", rows)]);
    assert!(!report.has_changes());
    assert_eq!(report.unchanged, 1);
}

#[test]
fn two_sheets_that_disagree_change_nothing_for_that_step() {
    let (plan, rows) = plan_and_rows();
    let (mut a, mut b) = (rows.clone(), rows);
    // Done in one, nej in the other.
    done(&mut a[0], Some(d(4, 2)), Some("AB"));
    nej(&mut b[0]);
    // Two different dates.
    done(&mut a[1], Some(d(4, 2)), None);
    done(&mut b[1], Some(d(4, 3)), None);
    // A date and an "x" agree: done on that date.
    done(&mut a[2], Some(d(4, 2)), None);
    done(&mut b[2], None, Some("CD"));
    let report = compare(
        &plan,
        &Progress::default(),
        &[sheet("a.xlsx", a), sheet("b.xlsx", b)],
    );
    assert_eq!(report.disagreements.len(), 2, "{report:#?}");
    let files: Vec<&str> = report.disagreements[0]
        .marks
        .iter()
        .map(|(p, _)| p.file.as_str())
        .collect();
    assert_eq!(files, ["a.xlsx", "b.xlsx"]);
    assert_eq!(report.disagreements[0].marks[1].1, Mark::NotDone);
    assert_eq!(report.ticks.len(), 1);
    assert_eq!(report.ticks[0].date, Some(d(4, 2)));
    assert_eq!(report.ticks[0].by.as_deref(), Some("CD"));
    assert_eq!(report.ticks[0].from.len(), 2);
    assert!(report.has_problems());
    assert_eq!(report.changes(d(4, 7)).len(), 1);
}

#[test]
fn a_row_of_no_action_of_the_current_plan_is_listed_never_moved() {
    let (plan, mut rows) = plan_and_rows();
    // Written for another D: the close date does not match.
    rows[0].date = Some(d(4, 30));
    done(&mut rows[0], Some(d(4, 2)), None);
    // A blank row of no action is counted, not listed.
    rows[1].date = Some(d(4, 30));
    // A citizen not in the plan.
    rows[2].cpr = "311299-xxxx".into();
    nej(&mut rows[2]);
    let report = compare(
        &plan,
        &Progress::default(),
        &[sheet("a.xlsx", rows.clone())],
    );
    assert_eq!(report.unmatched.len(), 2);
    assert_eq!(report.unmatched[0].place.at, rows[0].at);
    assert_eq!(report.unmatched[1].mark, Mark::NotDone);
    assert_eq!(report.unmatched_blank, 1);
    assert!(!report.has_changes());
}

#[test]
fn unknown_values_and_another_setup_are_reported() {
    let (plan, rows) = plan_and_rows();
    let mut s = sheet("a.xlsx", rows);
    s.switch_date = d(4, 30);
    s.unknown.push(UnknownMark {
        place: Place {
            file: "a.xlsx".into(),
            at: Location::row("Handlinger", 4),
        },
        cpr: Some("010190-xxxx".into()),
        value: "maybe".into(),
    });
    let report = compare(&plan, &Progress::default(), &[s]);
    assert_eq!(report.unknown.len(), 1);
    assert_eq!(report.other_setup[0].switch_date, d(4, 30));
    assert!(report.has_problems());
}

#[test]
fn a_step_changed_in_the_store_since_the_sheet_was_written_is_not_changed_from_it() {
    let (plan, mut rows) = plan_and_rows();
    // The store: step 0 unticked by a colleague at 11:00 on 04-05, an hour after the sheet was
    // written; step 1 ticked 04-03, never touched again.
    let store = progress(&[(key_of(&plan, &rows[1]), d(4, 3))]);
    done(&mut rows[0], Some(d(4, 2)), Some("AB"));
    rows[1].done = false;
    rows[1].not_done = true;
    let k0 = key_of(&plan, &rows[0]);
    let changed = |k: &StepKey| (*k == k0).then(|| d(4, 5).and_hms_opt(11, 0, 0).unwrap());
    let report = compare_since(
        &plan,
        &store,
        &[sheet("a.xlsx", rows.clone())],
        &changed,
        None,
    );
    assert_eq!(report.changed_since.len(), 1, "{report:#?}");
    assert_eq!(report.changed_since[0].step.key, k0);
    assert!(
        report.ticks.is_empty(),
        "the colleague's untick is not reversed"
    );
    assert_eq!(
        report.unticks.len(),
        1,
        "a step untouched since is taken back as the sheet says"
    );
    assert!(report.has_problems());
    // Changed before the sheet was written (the same day): the sheet saw it; its mark applies.
    let before = |k: &StepKey| (*k == k0).then(|| d(4, 5).and_hms_opt(9, 59, 0).unwrap());
    let report = compare_since(&plan, &store, &[sheet("a.xlsx", rows)], &before, None);
    assert!(report.changed_since.is_empty());
    assert_eq!(report.ticks.len(), 1);
}

#[test]
fn a_date_from_one_sheet_is_credited_to_that_sheets_initials() {
    let (plan, rows) = plan_and_rows();
    let mut a = rows.clone();
    let mut b = rows;
    done(&mut a[0], None, Some("IJ"));
    done(&mut b[0], Some(d(4, 2)), Some("KL"));
    let report = compare(
        &plan,
        &Progress::default(),
        &[sheet("ij.xlsx", a), sheet("kl.xlsx", b)],
    );
    assert_eq!(report.ticks.len(), 1, "{report:#?}");
    assert_eq!(report.ticks[0].date, Some(d(4, 2)));
    assert_eq!(report.ticks[0].by.as_deref(), Some("KL"));
}

#[test]
fn a_done_date_after_today_is_never_taken() {
    let (plan, mut rows) = plan_and_rows();
    done(&mut rows[0], Some(d(12, 24)), Some("WX"));
    done(&mut rows[1], Some(d(4, 2)), Some("WX"));
    let report = compare_since(
        &plan,
        &Progress::default(),
        &[sheet("a.xlsx", rows)],
        &|_| None,
        Some(d(4, 7)),
    );
    assert_eq!(report.ticks.len(), 1, "{report:#?}");
    assert_eq!(report.unknown.len(), 1);
    assert_eq!(report.unknown[0].value, "24-12-2026 > 07-04-2026");
}

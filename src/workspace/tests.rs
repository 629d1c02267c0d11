//! The workspace over the progress store: each case of losing or misstating work that the JSON
//! state file had, shown not to happen.

use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveDateTime};

use super::*;
use crate::aktivliste::{self, LoadOptions};
use crate::plan::{ActionKind, Model, System};
use crate::progress::{self, SavedSettings};

const HEADER: &str = "CPR;Navn;Anmodning ID;Anmodningsdato;Iværksættelsesdato\n";
const ROWS: [&str; 6] = [
    "171070-1632;Lars Semikolonsen;C-3001;03-03-2025;17-03-2025\n",
    "1406941503;Maja Kommasen;C-3002;12-05-2025;\n",
    "280376-1348;Niels Tekstfil;C-3003;01-09-2025;15-09-2025\n",
    "120888-2739;Olga Bomsen;C-3004;06-10-2025;20-10-2025\n",
    "190661-1208;Poul Prøvefil;C-3005;05-01-2026;19-01-2026\n",
    "070797-2599;Rita Rækkesen;C-3006;02-02-2026;\n",
];

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn now() -> NaiveDateTime {
    d(2026, 4, 2).and_hms_opt(9, 0, 0).unwrap()
}

fn write_list(dir: &Path, rows: &[&str]) -> PathBuf {
    let path = dir.join("aktivliste.csv");
    let mut text = HEADER.to_string();
    for r in rows {
        text.push_str(r);
    }
    std::fs::write(&path, text).unwrap();
    path
}

fn open_as(list: &Path, worker: &str) -> (Workspace, Vec<Notice>) {
    let l = aktivliste::load(list, &LoadOptions::default()).unwrap();
    let r = progress::list_ref(list).unwrap();
    Workspace::open_now(l, r, store_place(list, None, None), worker, now())
}

fn open(list: &Path) -> Workspace {
    open_as(list, "AB").0
}

/// The list opened by `worker`, set up for model 2 with D 31-03-2026 (what the tests start from).
fn planned(list: &Path, worker: &str) -> Workspace {
    let mut ws = open_as(list, worker).0;
    ws.set_settings(set_up(Model::Two, d(2026, 3, 31)), now())
        .unwrap();
    ws
}

fn set_up(model: Model, switch: NaiveDate) -> SavedSettings {
    SavedSettings {
        model,
        switch_date: switch,
        reason_text: "Systemskift".into(),
        kommune: "Fiktiv".into(),
        vendor: String::new(),
        system_name: String::new(),
        go_live: None,
        deadline: None,
    }
}

/// The index of a citizen by the first digits of its CPR.
fn citizen(ws: &Workspace, digits: &str) -> usize {
    let p = ws.plan().unwrap();
    (0..p.len())
        .find(|&i| p.citizen(i).cpr.digits().starts_with(digits))
        .unwrap()
}

fn done_total(ws: &Workspace) -> usize {
    ws.plan().unwrap().total_done()
}

#[test]
fn two_workers_on_one_list_lose_nothing_and_see_each_other() {
    let dir = tempfile::tempdir().unwrap();
    let list = write_list(dir.path(), &ROWS);
    let mut a = planned(&list, "AB");
    let mut b = open_as(&list, "CD").0;
    assert!(b.is_planned(), "the set-up is shared through the store");
    let (la, lb) = (citizen(&a, "171070"), citizen(&b, "140694"));
    a.toggle(la, 0, d(2026, 4, 1), now()).unwrap();
    b.toggle(lb, 0, d(2026, 4, 1), now()).unwrap();
    // b's write folded a's tick in; a sees b's on its next refresh.
    assert_eq!(done_total(&b), 2);
    assert!(a.refresh());
    assert_eq!(done_total(&a), 2);
    let m = a.plan().unwrap().done_of(lb)[0].clone().unwrap();
    assert_eq!(&*m.by, "CD");
    // The same step ticked by both is one tick.
    b.refresh();
    let cb = citizen(&b, "171070");
    b.mark(cb, 0, Some(d(2026, 4, 1)), now()).unwrap();
    a.refresh();
    assert_eq!(done_total(&a), 2);
    assert_eq!(done_total(&b), 2);
}

#[test]
fn a_change_of_d_leaves_old_ticks_as_done_under_the_earlier_plan() {
    let dir = tempfile::tempdir().unwrap();
    let list = write_list(dir.path(), &ROWS);
    let mut ws = planned(&list, "AB");
    let i = citizen(&ws, "171070");
    ws.toggle(i, 0, d(2026, 4, 1), now()).unwrap();
    assert_eq!(done_total(&ws), 1);
    let later = set_up(Model::Two, d(2026, 4, 30));
    let gone = ws.ticks_lost_by(&later);
    assert_eq!(
        gone.len(),
        1,
        "the close on 31-03 is not the close on 30-04"
    );
    assert_eq!(gone[0].step.date, Some(d(2026, 3, 31)));
    ws.set_settings(later, now()).unwrap();
    assert_eq!(
        done_total(&ws),
        0,
        "a close ticked for 31-03 does not count for 30-04"
    );
    let i = citizen(&ws, "171070");
    let earlier = ws.plan().unwrap().earlier_of(i);
    assert_eq!(earlier.len(), 1);
    assert_eq!(earlier[0].recorded.switch_date, Some(d(2026, 3, 31)));
    // Back to the old D: the same step, so the tick counts again.
    ws.set_settings(set_up(Model::Two, d(2026, 3, 31)), now())
        .unwrap();
    assert_eq!(done_total(&ws), 1);
}

#[test]
fn a_change_of_model_never_moves_a_tick_onto_another_action() {
    let dir = tempfile::tempdir().unwrap();
    let list = write_list(dir.path(), &ROWS);
    let mut ws = planned(&list, "AB");
    let i = citizen(&ws, "171070");
    let p = ws.plan().unwrap();
    let reg = (0..p.citizen(i).actions.len())
        .find(|&a| {
            let x = &p.citizen(i).actions[a];
            x.system == System::Nyt && x.action == ActionKind::Registrer
        })
        .unwrap();
    ws.toggle(i, reg, d(2026, 4, 1), now()).unwrap();
    ws.set_settings(set_up(Model::One, d(2026, 3, 31)), now())
        .unwrap();
    let i = citizen(&ws, "171070");
    assert_eq!(
        ws.plan().unwrap().done_count(i),
        0,
        "the registration at D+1 is not the registration at the original date"
    );
    assert_eq!(ws.plan().unwrap().earlier_of(i).len(), 1);
}

#[test]
fn a_newer_list_keeps_the_steps_of_citizens_gone_from_it() {
    let dir = tempfile::tempdir().unwrap();
    let list = write_list(dir.path(), &ROWS);
    let mut ws = planned(&list, "AB");
    let i = citizen(&ws, "070797");
    ws.toggle(i, 0, d(2026, 4, 1), now()).unwrap();
    let steps = ws.plan().unwrap().citizen(i).actions.len();
    drop(ws);
    // Rita is closed in SMDB and gone from the newer list; a new citizen appears.
    let mut rows: Vec<&str> = ROWS[..5].to_vec();
    rows.push("010203-1234;Ny Borger;C-3010;01-03-2026;\n");
    write_list(dir.path(), &rows);
    let (ws, notices) = open_as(&list, "AB");
    let changes = notices
        .iter()
        .find_map(|n| match n {
            Notice::Changes(c) => Some(c.clone()),
            _ => None,
        })
        .unwrap();
    assert_eq!(changes.gone, vec!["0707972599".to_string()]);
    assert_eq!(changes.new, vec!["0102031234".to_string()]);
    let p = ws.plan().unwrap();
    let i = citizen(&ws, "070797");
    assert!(p.is_gone(i));
    assert_eq!(
        p.citizen(i).actions.len(),
        steps,
        "every step is still there"
    );
    assert_eq!(p.done_count(i), 1, "and the tick with it");
    assert_eq!(ws.list_len(), 6);
    drop(ws);
    // The same list opened again: said once, not on every open; Rita is still there.
    let (ws, notices) = open_as(&list, "AB");
    assert!(notices.iter().all(|n| !matches!(n, Notice::Changes(_))));
    assert!(ws.plan().unwrap().is_gone(citizen(&ws, "070797")));
}

#[test]
fn a_half_copied_list_is_asked_about_and_deletes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let list = write_list(dir.path(), &ROWS);
    let mut ws = planned(&list, "AB");
    for digits in ["171070", "140694", "280376", "120888", "190661", "070797"] {
        let i = citizen(&ws, digits);
        ws.toggle(i, 0, d(2026, 4, 1), now()).unwrap();
    }
    drop(ws);
    write_list(dir.path(), &ROWS[..2]);
    let l = aktivliste::load(&list, &LoadOptions::default()).unwrap();
    let r = progress::list_ref(&list).unwrap();
    let prepared = Prepared::new(l, r, store_place(&list, None, None), "AB");
    assert_eq!(
        prepared.questions(),
        &[Question::ManyGone { gone: 4, known: 6 }]
    );
    // Answered no: nothing was written, and the full list still has all its ticks.
    drop(prepared);
    write_list(dir.path(), &ROWS);
    let ws = open(&list);
    assert_eq!(done_total(&ws), 6);
    assert_eq!(ws.plan().unwrap().gone_count(), 0);
}

#[test]
fn a_store_of_another_list_is_asked_about() {
    let dir = tempfile::tempdir().unwrap();
    let list = write_list(dir.path(), &ROWS);
    let ws = planned(&list, "AB");
    let store = ws.store_path().to_path_buf();
    drop(ws);
    let other = dir.path().join("anden.csv");
    std::fs::copy(&list, &other).unwrap();
    let l = aktivliste::load(&other, &LoadOptions::default()).unwrap();
    let r = progress::list_ref(&other).unwrap();
    let prepared = Prepared::new(l, r, store_place(&other, Some(&store), None), "AB");
    assert_eq!(
        prepared.questions(),
        &[Question::OtherList {
            store_list: "aktivliste.csv".into()
        }]
    );
}

#[test]
fn undo_takes_back_this_workers_changes_one_by_one() {
    let dir = tempfile::tempdir().unwrap();
    let list = write_list(dir.path(), &ROWS);
    let mut a = planned(&list, "AB");
    let mut b = open_as(&list, "CD").0;
    let i = citizen(&a, "171070");
    a.toggle(i, 0, d(2026, 4, 1), now()).unwrap();
    a.toggle(i, 1, d(2026, 4, 1), now()).unwrap();
    b.toggle(citizen(&b, "140694"), 0, d(2026, 4, 1), now())
        .unwrap();
    a.refresh();
    assert_eq!(done_total(&a), 3);
    assert!(matches!(
        a.undo(now()).unwrap(),
        Some((Change::Tick { .. }, false))
    ));
    assert_eq!(done_total(&a), 2);
    a.undo(now()).unwrap();
    assert_eq!(done_total(&a), 1, "only b's tick is left");
    // Untick leaves a trace: the history has both, the undone one marked.
    let h = a.history(i, 0).unwrap();
    assert_eq!(h.len(), 1);
    assert!(h[0].1, "the tick is in the history, undone");
}

#[test]
fn a_done_date_can_be_set_and_is_kept_with_the_initials() {
    let dir = tempfile::tempdir().unwrap();
    let list = write_list(dir.path(), &ROWS);
    let mut ws = planned(&list, "AB");
    let i = citizen(&ws, "171070");
    ws.mark(i, 0, Some(d(2026, 3, 27)), now()).unwrap();
    drop(ws);
    let ws = open_as(&list, "XY").0;
    let m = ws.plan().unwrap().done_of(i)[0].clone().unwrap();
    assert_eq!(m.date, d(2026, 3, 27));
    assert_eq!(&*m.by, "AB");
}

#[test]
fn a_read_only_place_keeps_changes_pending_until_a_place_is_chosen() {
    let dir = tempfile::tempdir().unwrap();
    let list = write_list(dir.path(), &ROWS);
    let (mut ws, notices) = open_as(&list, "AB");
    assert!(ws.all_saved());
    assert!(notices.is_empty());
    // The store cannot be opened at an impossible place: the work goes on unsaved.
    let l = aktivliste::load(&list, &LoadOptions::default()).unwrap();
    let r = progress::list_ref(&list).unwrap();
    let nowhere = dir.path().join("no-such-folder").join("x.db");
    let (mut unsaved, notices) =
        Workspace::open_now(l, r, (nowhere, dir.path().join("x.json")), "AB", now());
    assert!(matches!(notices[..], [Notice::ReadOnly]));
    assert!(
        unsaved
            .set_settings(set_up(Model::Two, d(2026, 3, 31)), now())
            .is_ok()
    );
    assert!(!unsaved.all_saved());
    let i = citizen(&unsaved, "171070");
    let _ = unsaved.toggle(i, 0, d(2026, 4, 1), now());
    assert_eq!(unsaved.unsaved(), 2);
    assert_eq!(
        done_total(&unsaved),
        1,
        "the tick shows while it is pending"
    );
    // A place with a store already there is opened, never replaced; what is pending goes in.
    ws.set_settings(set_up(Model::Two, d(2026, 3, 31)), now())
        .unwrap();
    ws.toggle(citizen(&ws, "140694"), 0, d(2026, 4, 1), now())
        .unwrap();
    let moved = unsaved.move_store(ws.store_path().to_path_buf()).unwrap();
    assert!(
        moved.setup_left_out,
        "the set-up made here is left out: the store has its own"
    );
    assert_eq!(moved.left_behind, None, "nothing was written before");
    assert!(unsaved.all_saved());
    assert_eq!(
        done_total(&unsaved),
        2,
        "both the store's tick and the pending one"
    );
    ws.refresh();
    assert_eq!(done_total(&ws), 2);
}

#[test]
fn an_earlier_progress_file_with_a_bad_tick_keeps_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let list = write_list(dir.path(), &ROWS);
    let l = aktivliste::load(&list, &LoadOptions::default()).unwrap();
    let mut state = progress::StateFile::new(progress::list_ref(&list).unwrap());
    state.settings = Some(set_up(Model::Two, d(2026, 3, 31)));
    let plan = crate::plan::plan(
        &l.citizens,
        &crate::plan::Settings::new(Model::Two, d(2026, 3, 31)),
    );
    let c = &plan.citizens[0];
    let tick = |done| progress::Tick {
        cpr: c.cpr.digits().to_string(),
        system: c.actions[0].system,
        form: c.actions[0].form,
        action: c.actions[0].action,
        case_id: c.actions[0].case_id.as_deref().map(String::from),
        detail: c.actions[0].detail.as_deref().map(String::from),
        done,
    };
    state.ticks = vec![tick(d(2026, 3, 30)), tick(d(2026, 3, 29))];
    let mut value = serde_json::to_value(&state).unwrap();
    value["ticks"][1]["action"] = "someday".into();
    let json = progress::default_path(&list);
    std::fs::write(&json, value.to_string()).unwrap();
    let (ws, notices) = open_as(&list, "AB");
    let unreadable = notices.iter().find_map(|n| match n {
        Notice::Imported { unreadable, .. } => Some(unreadable.clone()),
        _ => None,
    });
    assert_eq!(
        unreadable,
        Some(vec!["ticks[1]".to_string()]),
        "{notices:?}"
    );
    assert_eq!(done_total(&ws), 1, "the readable tick is imported");
    // The file is kept whole beside the store, its unreadable part included.
    let kept = std::fs::read_to_string(crate::store::json_backup_path(&json)).unwrap();
    assert!(kept.contains("someday"));
}

#[test]
fn an_earlier_progress_file_is_imported_once_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let list = write_list(dir.path(), &ROWS);
    let l = aktivliste::load(&list, &LoadOptions::default()).unwrap();
    let r = progress::list_ref(&list).unwrap();
    let mut state = progress::StateFile::new(r.clone());
    state.settings = Some(set_up(Model::Two, d(2026, 3, 31)));
    let settings = crate::plan::Settings::new(Model::Two, d(2026, 3, 31));
    let plan = crate::plan::plan(&l.citizens, &settings);
    let c = &plan.citizens[0];
    state.ticks.push(progress::Tick {
        cpr: c.cpr.digits().to_string(),
        system: c.actions[0].system,
        form: c.actions[0].form,
        action: c.actions[0].action,
        case_id: c.actions[0].case_id.as_deref().map(String::from),
        detail: c.actions[0].detail.as_deref().map(String::from),
        done: d(2026, 3, 30),
    });
    let json = progress::default_path(&list);
    progress::save(&json, &state).unwrap();
    let (ws, notices) = open_as(&list, "AB");
    assert!(
        notices
            .iter()
            .any(|n| matches!(n, Notice::Imported { events: 2, .. }))
    );
    assert_eq!(done_total(&ws), 1);
    assert!(!json.exists());
    assert!(crate::store::json_backup_path(&json).exists());
    drop(ws);
    let (ws, notices) = open_as(&list, "AB");
    assert!(
        notices
            .iter()
            .all(|n| !matches!(n, Notice::Imported { .. }))
    );
    assert_eq!(done_total(&ws), 1);
}

/// Marks, done counts and groups of a plan, to compare a plan kept up to date change by change
/// with one made afresh from the store.
type Marks = Vec<Vec<Option<(NaiveDate, String)>>>;

fn picture(ws: &Workspace) -> (Marks, Vec<StepGroup>, usize) {
    let p = ws.plan().unwrap();
    let marks = (0..p.len())
        .map(|i| {
            p.done_of(i)
                .iter()
                .map(|m| m.as_ref().map(|m| (m.date, m.by.to_string())))
                .collect()
        })
        .collect();
    (marks, p.groups().to_vec(), p.total_done())
}

#[test]
fn others_changes_applied_one_by_one_give_the_plan_a_fresh_open_gives() {
    let dir = tempfile::tempdir().unwrap();
    let list = write_list(dir.path(), &ROWS);
    let mut a = planned(&list, "AB");
    let mut b = open_as(&list, "CD").0;
    for (k, digits) in ["171070", "140694", "280376", "120888"].iter().enumerate() {
        let i = citizen(&b, digits);
        b.toggle(i, k % 2, d(2026, 4, 1), now()).unwrap();
    }
    let i = citizen(&b, "171070");
    b.toggle(i, 0, d(2026, 4, 1), now()).unwrap(); // unticked again
    b.mark(citizen(&b, "140694"), 1, Some(d(2026, 3, 30)), now())
        .unwrap();
    // a ticks in between: its write folds b's changes in.
    a.toggle(citizen(&a, "070797"), 0, d(2026, 4, 1), now())
        .unwrap();
    b.toggle(citizen(&b, "190661"), 0, d(2026, 4, 1), now())
        .unwrap();
    assert!(a.refresh());
    let fresh = open_as(&list, "EF").0;
    assert_eq!(picture(&a), picture(&fresh));
    assert_eq!(done_total(&a), 5);
    // A colleague's new D reaches the plan on refresh, re-planned.
    b.set_settings(set_up(Model::Two, d(2026, 4, 30)), now())
        .unwrap();
    assert!(a.refresh());
    assert_eq!(a.plan().unwrap().settings.switch_date, d(2026, 4, 30));
    assert_eq!(done_total(&a), 0);
}

#[test]
fn a_screen_open_on_a_list_hears_that_a_colleague_opened_a_newer_one() {
    let dir = tempfile::tempdir().unwrap();
    let list = write_list(dir.path(), &ROWS);
    let mut a = planned(&list, "AB");
    a.refresh();
    assert!(!a.list_replaced());
    write_list(dir.path(), &ROWS[1..]);
    let _b = open_as(&list, "CD").0;
    assert!(a.refresh(), "the screen changes: it says so");
    assert!(a.list_replaced());
}

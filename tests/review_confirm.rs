//! `confirm`: the confirmation list for DST. A model-1 plan is written by the product with some
//! registrations ticked off (the Udført column / `done`), the real binary writes the list, and
//! the list is read back: only citizens that are not forgotten and fully registered in the new
//! system, and no full CPR unless asked.
#![allow(clippy::unwrap_used, clippy::panic)] // a test, bench or dev tool: a failed expectation may stop it

#[path = "sheet_edit/mod.rs"]
mod sheet_edit;
mod util;

use std::path::{Path, PathBuf};

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use chrono::{Local, NaiveDate};
use skifteplan::aktivliste::{LoadOptions, load, load_decisions};
use skifteplan::domain::Form;
use skifteplan::domain::resolution::{Decided, Resolution, Topic};
use skifteplan::export::{DoneMark, ExportInput, write_json_to, xlsx_bytes};
use skifteplan::lang::Lang;
use skifteplan::plan::{self, Action, ActionKind, CitizenPlan, Model, Settings, System};
use skifteplan::review::confirm::{Exclusion, confirmation};
use skifteplan::review::read_plan;
use util::{has_full_cpr, skifteplan};

fn switch() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 31).unwrap()
}

fn done_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 4, 2).unwrap()
}

/// Forgotten: in `beslutninger.csv`, and 140771 in the list's own columns.
const FORGOTTEN: [&str; 3] = ["120379", "140771", "191265"];

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Xlsx,
    Json,
}

/// Which registrations are ticked off.
#[derive(Clone, Copy)]
enum Ticks {
    /// Every registration of every citizen (forgotten ones included: they must still be left
    /// off).
    All,
    /// 230468 and 171282 fully; 050590 all but its last registration; nobody else.
    Some,
}

fn ticked(ticks: Ticks, c: &CitizenPlan, a: &Action) -> Option<DoneMark> {
    if a.action != ActionKind::Registrer {
        return None;
    }
    let birth = &c.cpr.digits()[..6];
    let last_reg = c
        .actions
        .iter()
        .filter(|x| x.action == ActionKind::Registrer)
        .map(|x| x.step)
        .max();
    let yes = match ticks {
        Ticks::All => true,
        Ticks::Some => {
            birth == "230468"
                || birth == "171282"
                || (birth == "050590" && Some(a.step) != last_reg)
        }
    };
    yes.then(|| DoneMark::on(done_day()))
}

/// The product's plan of the small sample, as file bytes.
fn plan_file(model: Model, format: Format, ticks: Ticks, show_cpr: bool) -> Vec<u8> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    let list = load(&dir.join("aktivliste-lille.xlsx"), &LoadOptions::default()).unwrap();
    let mut settings = Settings::new(model, switch());
    settings.decisions = load_decisions(&dir.join("beslutninger.csv"))
        .unwrap()
        .by_cpr;
    // The sample's conflicts decided: a KvalHep without its date gets the date found in SMDB
    // (here the anmodning's own); of two anmodninger the first is the case, the other deleted.
    for c in plan::plan(&list.citizens, &settings).conflicts {
        let citizen = list.citizens.iter().find(|l| l.cpr == c.cpr).unwrap();
        let resolution = match c.topic.as_deref() {
            Some(Topic::MissingOriginalDate { case, .. }) => Resolution::OriginalDate {
                date: case.date.unwrap(),
            },
            Some(t @ Topic::TwoAnmodninger) => Resolution::Keep {
                keep: plan::decide::cases(citizen, t)[0].clone(),
                close_others_on: None,
            },
            _ => continue,
        };
        if let Some(topic) = c.topic.as_deref() {
            settings
                .resolutions
                .entry(c.cpr.digits().to_string())
                .or_default()
                .push(Decided {
                    topic: topic.clone(),
                    resolution,
                });
        }
    }
    let plan = plan::plan(&list.citizens, &settings);
    let done = move |c: &CitizenPlan, a: &Action| ticked(ticks, c, a);
    let input = ExportInput {
        plan: &plan,
        list: &list,
        show_cpr,
        lang: Lang::Da,
        generated_at: Local::now().naive_local(),
        done: &done,
    };
    match format {
        Format::Xlsx => xlsx_bytes(&input).unwrap(),
        Format::Json => {
            let mut out = Vec::new();
            write_json_to(&mut out, &input).unwrap();
            out
        }
    }
}

/// A run of `confirm` and the list it wrote, if any.
struct Confirmed {
    run: util::Run,
    list: Option<Vec<Vec<String>>>,
    _dir: tempfile::TempDir,
}

impl std::ops::Deref for Confirmed {
    type Target = util::Run;
    fn deref(&self) -> &util::Run {
        &self.run
    }
}

impl Confirmed {
    fn rows(&self) -> &[Vec<String>] {
        &self.list.as_ref().unwrap()[1..]
    }
    fn cprs(&self) -> Vec<&str> {
        self.rows().iter().map(|r| r[0].as_str()).collect()
    }
}

fn run_confirm(plan: &[u8], format: Format, extra: &[&str]) -> Confirmed {
    let dir = tempfile::tempdir().unwrap();
    let plan_path: PathBuf = dir.path().join(match format {
        Format::Xlsx => "handlinger.xlsx",
        Format::Json => "plan.json",
    });
    std::fs::write(&plan_path, plan).unwrap();
    let out_path = dir.path().join("bekraeftelse.xlsx");
    let run = skifteplan()
        .arg("confirm")
        .arg(&plan_path)
        .arg("--out")
        .arg(&out_path)
        .args(extra)
        .run();
    let list = std::fs::read(&out_path).ok().map(|b| read_list(&b));
    Confirmed {
        run,
        list,
        _dir: dir,
    }
}

/// Every cell as text; each cell must be a string cell.
fn read_list(bytes: &[u8]) -> Vec<Vec<String>> {
    let mut wb: Xlsx<_> = open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    let names = wb.sheet_names();
    assert_eq!(names.len(), 1);
    let range = wb.worksheet_range(&names[0]).unwrap();
    range
        .rows()
        .map(|r| {
            r.iter()
                .map(|c| match c {
                    Data::String(s) => s.clone(),
                    Data::Empty => String::new(),
                    other => panic!("not a text cell: {other:?}"),
                })
                .collect()
        })
        .collect()
}

#[test]
fn only_registered_citizens_that_are_not_forgotten_are_listed() {
    for format in [Format::Xlsx, Format::Json] {
        let plan = plan_file(Model::One, format, Ticks::Some, false);
        let run = run_confirm(&plan, format, &[]);
        run.assert_code(1);
        let list = run.list.as_ref().unwrap();
        assert_eq!(
            list[0],
            ["CPR", "Navn", "Skema", "ID", "Oprindelig dato", "Tilbud"]
        );
        let mut cprs = run.cprs();
        cprs.dedup();
        assert_eq!(cprs, ["230468-xxxx", "171282-xxxx"]);
        for r in run.rows() {
            assert!(r[2] == "Anmodning" || r[2] == "Indskrivning", "{r:?}");
            assert!(!r[3].is_empty(), "an ID on every row: {r:?}");
            assert!(!r[4].is_empty(), "an original date on every row: {r:?}");
        }
        let err = run.stderr();
        assert!(err.contains("Bekræftelsesliste: 2 borgere"), "{err}");
        assert!(
            err.contains("Udeladt 050590-xxxx: endnu ikke registreret i det nye system: 2 af 3"),
            "{err}"
        );
        for f in FORGOTTEN {
            assert!(
                err.contains(&format!("Udeladt {f}-xxxx: glemt sag")),
                "{err}"
            );
        }
        assert!(!has_full_cpr(err), "{err}");
        assert!(!err.contains("krypteret"), "{err}");
    }
}

#[test]
fn every_registered_citizen_listed_and_exit_zero() {
    for format in [Format::Xlsx, Format::Json] {
        let plan = plan_file(Model::One, format, Ticks::All, false);
        let run = run_confirm(&plan, format, &["--lang", "en"]);
        run.assert_code(0);
        let cprs = run.cprs();
        for f in FORGOTTEN {
            assert!(!cprs.iter().any(|c| c.starts_with(f)), "{cprs:?}");
        }
        // One row per SMDB deletion of an anmodning or indskrivning of a non-forgotten citizen.
        let rows = read_plan(&plan).unwrap();
        let expected = rows
            .rows
            .iter()
            .filter(|r| {
                !r.forgotten
                    && r.action == Some(ActionKind::Slet)
                    && r.system == Some(System::Smdb)
                    && matches!(r.form, Some(Form::Anmodning | Form::Indskrivning))
            })
            .count();
        assert_eq!(run.rows().len(), expected);
        assert!(expected > 0);
        // Indskrivninger name their offer.
        let indskr: Vec<_> = run
            .rows()
            .iter()
            .filter(|r| r[2] == "Indskrivning")
            .collect();
        assert!(!indskr.is_empty());
        assert!(indskr.iter().all(|r| !r[5].is_empty()), "{indskr:?}");
        let err = run.stderr();
        assert!(err.contains("Confirmation list: 9 citizens"), "{err}");
        assert!(err.contains("forgotten case"), "{err}");
        assert!(!err.contains("not yet registered"), "{err}");
    }
}

#[test]
fn full_cpr_only_when_asked_with_a_reminder() {
    let plan = plan_file(Model::One, Format::Xlsx, Ticks::All, true);
    let masked = run_confirm(&plan, Format::Xlsx, &[]);
    masked.assert_code(0);
    assert!(masked.cprs().iter().all(|c| c.ends_with("-xxxx")));
    assert!(!has_full_cpr(masked.stderr()));

    let full = run_confirm(&plan, Format::Xlsx, &["--show-cpr"]);
    full.assert_code(0);
    assert!(
        full.cprs().iter().all(|c| has_full_cpr(c)),
        "{:?}",
        full.cprs()
    );
    let err = full.stderr();
    assert!(err.contains("krypteret mail"), "{err}");
    assert!(!has_full_cpr(err), "never full CPR on stderr: {err}");
}

#[test]
fn other_models_are_refused_in_one_line() {
    for model in [Model::Two, Model::Mellem] {
        let plan = plan_file(model, Format::Json, Ticks::All, false);
        let run = run_confirm(&plan, Format::Json, &[]);
        assert_eq!(run.code(), 2);
        assert!(run.list.is_none(), "no list written");
        let err = run.stderr();
        assert_eq!(err.trim_end().lines().count(), 1, "{err}");
        assert!(err.contains("kun i model 1"), "{err}");
    }
}

#[test]
fn never_writes_over_the_plan_and_refuses_what_is_not_a_plan() {
    let dir = tempfile::tempdir().unwrap();
    let plan_path = dir.path().join("plan.xlsx");
    let plan = plan_file(Model::One, Format::Xlsx, Ticks::All, false);
    std::fs::write(&plan_path, &plan).unwrap();
    skifteplan()
        .arg("confirm")
        .arg(&plan_path)
        .arg("--out")
        .arg(&plan_path)
        .run()
        .assert_code(2);
    assert_eq!(std::fs::read(&plan_path).unwrap(), plan);

    let junk = dir.path().join("junk.xlsx");
    std::fs::write(&junk, b"not a workbook").unwrap();
    skifteplan()
        .arg("confirm")
        .arg(&junk)
        .arg("--out")
        .arg(dir.path().join("o.xlsx"))
        .run()
        .assert_code(2);
    assert!(!dir.path().join("o.xlsx").exists());
}

#[test]
fn library_reports_why_each_citizen_is_left_off() {
    let plan = plan_file(Model::One, Format::Json, Ticks::Some, false);
    let rows = read_plan(&plan).unwrap();
    let list = confirmation(&rows).unwrap();
    assert_eq!(list.included, 2);
    let forgotten = list
        .excluded
        .iter()
        .filter(|e| e.why == Exclusion::Forgotten)
        .count();
    assert_eq!(forgotten, 3);
    let partial = list
        .excluded
        .iter()
        .find(|e| e.cpr.starts_with("050590"))
        .unwrap();
    assert_eq!(partial.why, Exclusion::NotRegistered { done: 2, total: 3 });
    assert_eq!(list.pending(), list.excluded.len() - 3);
    assert!(
        confirmation(&read_plan(&plan_file(Model::Two, Format::Json, Ticks::All, false)).unwrap())
            .is_err()
    );
}

#[test]
fn the_action_sheet_and_the_json_give_the_same_offers_and_the_same_list() {
    let xlsx = read_plan(&plan_file(Model::One, Format::Xlsx, Ticks::Some, false)).unwrap();
    let json = read_plan(&plan_file(Model::One, Format::Json, Ticks::Some, false)).unwrap();
    let details = |p: &skifteplan::review::PlanRows| -> Vec<_> {
        p.rows
            .iter()
            .map(|r| (r.citizen, r.step, r.detail.clone()))
            .collect()
    };
    assert!(xlsx.rows.iter().any(|r| r.detail.is_some()));
    assert_eq!(details(&xlsx), details(&json));
    assert_eq!(confirmation(&xlsx).unwrap(), confirmation(&json).unwrap());
}

/// The action sheet with every registration ticked, then the Udført cells of the citizens born
/// `birth` set to `value` (as a person types it in Excel).
fn with_udfoert(values: &[(&str, &str)]) -> Vec<u8> {
    use sheet_edit::{col, read_sheets, sheet, write_sheets};
    let plan = plan_file(Model::One, Format::Xlsx, Ticks::All, false);
    let mut sheets = read_sheets(&plan);
    let grid = sheet(&mut sheets, "Handlinger");
    let (c_cpr, c_action, c_done) = (col(grid, "CPR"), col(grid, "Handling"), col(grid, "Udført"));
    for row in grid.iter_mut().skip(1) {
        let cpr = row[c_cpr].to_string();
        let Some((_, value)) = values.iter().find(|(b, _)| cpr.starts_with(b)) else {
            continue;
        };
        if row[c_action] == *"Registrér" {
            row[c_done] = Data::String((*value).to_string());
        }
    }
    write_sheets(&sheets)
}

#[test]
fn nej_0_and_ikke_endnu_are_not_done_and_maybe_is_reported_with_its_row() {
    let plan = with_udfoert(&[
        ("230468", "Nej"),
        ("171282", "0"),
        ("050590", "ikke endnu"),
        ("280293", "maybe"),
        ("091174", "FALSE"),
    ]);
    let rows = read_plan(&plan).unwrap();
    let list = confirmation(&rows).unwrap();
    let excluded = |birth: &str| {
        list.excluded
            .iter()
            .find(|e| e.cpr.starts_with(birth))
            .map(|e| e.why.clone())
    };
    for birth in ["230468", "171282", "050590", "091174"] {
        assert!(
            matches!(
                excluded(birth),
                Some(Exclusion::NotRegistered { done: 0, .. })
            ),
            "{birth}: {:?}",
            excluded(birth)
        );
    }
    let run = run_confirm(&plan, Format::Xlsx, &[]);
    run.assert_code(1).assert_no_full_cpr();
    let cprs = run.cprs();
    for birth in ["230468", "171282", "050590", "091174", "280293"] {
        assert!(!cprs.iter().any(|c| c.starts_with(birth)), "{cprs:?}");
    }
    let err = run.stderr();
    assert!(
        err.contains("Udeladt 230468-xxxx: endnu ikke registreret i det nye system: 0 af"),
        "{err}"
    );
    // "maybe" is not guessed: its citizen is left off, and the cell is named with its sheet
    // and row.
    let maybe: Vec<_> = rows
        .problems
        .iter()
        .filter(|f| f.cpr.as_deref() == Some("280293-xxxx"))
        .collect();
    assert!(!maybe.is_empty());
    for f in &maybe {
        assert_eq!(
            f.kind,
            skifteplan::review::FindingKind::Unreadable {
                column: skifteplan::review::check::Column::Done,
                value: "maybe".into()
            }
        );
    }
    let Some(Exclusion::UnclearDone { at, value }) = excluded("280293") else {
        panic!("{:?}", excluded("280293"));
    };
    assert_eq!((&at, value.as_str()), (&maybe[0].at, "maybe"));
    let line = format!(
        "Udeladt 280293-xxxx: Udført kan ikke læses som udført eller ikke udført \"maybe\" (Handlinger række {}",
        at.row.unwrap()
    );
    assert!(err.contains(&line), "{line}\n{err}");
}

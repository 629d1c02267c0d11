//! `verify`: a plan written by the product against a later Aktivliste (small CSV lists written
//! here), per model and on either side of go-live: all done, some still blocking, re-entered too
//! early or twice, re-entered as planned after go-live or the re-entry missing, new citizens; and
//! the interim model's old cases with the days they have been open.
#![allow(clippy::unwrap_used, clippy::panic)] // a test, bench or dev tool: a failed expectation may stop it

mod util;

use std::path::{Path, PathBuf};

use chrono::{Local, NaiveDate};
use skifteplan::aktivliste::{LoadOptions, load};
use skifteplan::export::{ExportInput, write_json_to};
use skifteplan::lang::Lang;
use skifteplan::plan::{self, Action, CitizenPlan, Model, Settings};
use skifteplan::review::read_plan_file;
use skifteplan::review::verify::{Early, State, verify};
use util::skifteplan;

const HEADER: &str = "CPR;Navn;Anmodning ID;Anmodningsdato;Iværksættelsesdato";

/// Fictitious citizens (from the sample data), each with one active anmodning before D.
const LARS: &str = "171070-1632;Lars Semikolonsen;C-3001;03-03-2025;17-03-2025";
const NIELS: &str = "280376-1348;Niels Tekstfil;C-3003;01-09-2025;15-09-2025";
const OLE: &str = "120888-2739;Ole Fiktivsen;C-3004;10-01-2026;";
/// Not in the plan.
const NEW_OLD: &str = "021079-2937;Pia Glemsom;C-3005;01-02-2026;";
const NEW_LATE: &str = "070797-2599;Rasmus Ny;C-3006;02-04-2026;";

fn switch() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 31).unwrap()
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 4, 30).unwrap()
}

fn csv(rows: &[&str]) -> String {
    let mut s = String::from(HEADER);
    for r in rows {
        s.push('\n');
        s.push_str(r);
    }
    s.push('\n');
    s
}

struct Case {
    dir: tempfile::TempDir,
    plan: PathBuf,
}

/// Plans the list LARS, NIELS, OLE in `model` with every step ticked off, as JSON.
fn planned(model: Model) -> Case {
    let dir = tempfile::tempdir().unwrap();
    let before = dir.path().join("foer.csv");
    std::fs::write(&before, csv(&[LARS, NIELS, OLE])).unwrap();
    let list = load(&before, &LoadOptions::default()).unwrap();
    assert_eq!(list.citizens.len(), 3);
    let plan = plan::plan(&list.citizens, &Settings::new(model, switch()));
    let done = |_: &CitizenPlan, _: &Action| Some(skifteplan::export::DoneMark::on(switch()));
    let mut bytes = Vec::new();
    write_json_to(
        &mut bytes,
        &ExportInput {
            plan: &plan,
            list: &list,
            show_cpr: false,
            lang: Lang::Da,
            generated_at: Local::now().naive_local(),
            done: &done,
        },
    )
    .unwrap();
    let path = dir.path().join("plan.json");
    std::fs::write(&path, bytes).unwrap();
    Case { dir, plan: path }
}

fn run(case: &Case, after: &[&str], extra: &[&str]) -> (i32, String, String) {
    let path = case.dir.path().join("efter.csv");
    std::fs::write(&path, csv(after)).unwrap();
    run_path(case, &path, extra)
}

fn run_path(case: &Case, after: &Path, extra: &[&str]) -> (i32, String, String) {
    let run = skifteplan()
        .arg("verify")
        .arg("--plan")
        .arg(&case.plan)
        .arg("--after")
        .arg(after)
        .args(["--today", "2026-04-30"])
        .args(extra)
        .run();
    run.assert_no_full_cpr();
    (
        run.code(),
        run.stdout().to_string(),
        run.stderr().to_string(),
    )
}

/// The report's section headed `heading`: its lines up to the next heading.
fn section<'a>(report: &'a str, heading: &str) -> Vec<&'a str> {
    let mut lines = report.lines().skip_while(|l| !l.starts_with(heading));
    if lines.next().is_none() {
        return Vec::new();
    }
    lines.take_while(|l| l.starts_with("  ")).collect()
}

/// A go-live after `--today`: the rules before go-live.
const LATER_GO_LIVE: [&str; 2] = ["--go-live", "2026-05-15"];

#[test]
fn all_done_before_go_live_in_both_models() {
    for model in [Model::One, Model::Two] {
        let case = planned(model);
        let (code, out, _) = run(&case, &[], &LATER_GO_LIVE);
        assert_eq!(code, 0, "{out}");
        assert_eq!(section(&out, "Færdig").len(), 3, "{out}");
        assert!(out.contains("intet blokerer"), "{out}");
    }
}

#[test]
fn still_blocking_names_the_citizen_and_the_steps_left() {
    // Model 1: Niels is still in SMDB although his steps are ticked off.
    let case = planned(Model::One);
    let (code, out, _) = run(&case, &[NIELS], &LATER_GO_LIVE);
    assert_eq!(code, 1, "{out}");
    assert_eq!(
        section(&out, "Blokerer stadig"),
        ["  280376-xxxx: alle planens trin er markeret udført, men borgeren er stadig aktiv"],
        "{out}"
    );
    assert_eq!(section(&out, "Færdig").len(), 2, "{out}");

    // Model 2, steps not ticked off in a plan written without ticks: the steps are listed.
    let case = planned(Model::Two);
    let plan = std::fs::read_to_string(&case.plan).unwrap();
    let untouched = plan.replace("\"done\": \"2026-03-31\"", "\"done\": null");
    assert_ne!(plan, untouched);
    std::fs::write(&case.plan, untouched).unwrap();
    let (code, out, _) = run(&case, &[LARS], &["--lang", "en", "--go-live", "2026-05-15"]);
    assert_eq!(code, 1, "{out}");
    let blocking = section(&out, "Still blocking");
    assert_eq!(blocking.len(), 1, "{out}");
    assert!(
        blocking[0].starts_with("  171070-xxxx: steps left: step 1 close"),
        "{out}"
    );
    assert!(
        blocking[0].contains("register anmodning (New system)"),
        "{out}"
    );
}

#[test]
fn re_entered_in_smdb_before_go_live_or_twice() {
    let case = planned(Model::Two);
    // Before go-live, Ole re-entered with start D + 1 in SMDB instead of waiting for the new
    // system; Niels has two.
    let ole_again = "120888-2739;Ole Fiktivsen;C-3104;01-04-2026;01-04-2026";
    let niels_twice = "280376-1348;Niels Tekstfil;C-3103;15-03-2026;";
    let (code, out, _) = run(&case, &[ole_again, NIELS, niels_twice], &LATER_GO_LIVE);
    assert_eq!(code, 1, "{out}");
    let early = section(&out, "Genindberettet for tidligt, dobbelt");
    assert_eq!(early.len(), 2, "{out}");
    assert!(
        early.iter().any(|l| l
            .starts_with("  120888-xxxx: anmodning C-3104 aktiv i SMDB med startdato 01-04-2026")),
        "{out}"
    );
    assert!(
        early
            .iter()
            .any(|l| l.starts_with("  280376-xxxx: 2 aktive anmodninger")),
        "{out}"
    );
    assert_eq!(section(&out, "Færdig"), ["  171070-xxxx"], "{out}");

    // The same through the library.
    let plan = read_plan_file(&case.plan).unwrap();
    let path = case.dir.path().join("efter.csv");
    let after = load(&path, &LoadOptions::default()).unwrap();
    let v = verify(
        &plan,
        &after.citizens,
        today(),
        NaiveDate::from_ymd_opt(2026, 5, 15),
    );
    let ole = v.citizens.iter().find(|c| c.cpr == "120888-xxxx").unwrap();
    assert_eq!(ole.state, State::Early);
    assert!(matches!(
        ole.early[..],
        [Early::StartsAfterSwitch { date, .. }] if date == NaiveDate::from_ymd_opt(2026, 4, 1).unwrap()
    ));
    assert!(v.blocks());
}

#[test]
fn after_go_live_model_two_re_entered_from_d_plus_one_missing_or_twice() {
    let case = planned(Model::Two);
    // Lars back from D + 1 under a new ID, as the new system re-enters him; Niels closed and
    // not back; Ole's old case still active beside the new one.
    let lars_new = "171070-1632;Lars Semikolonsen;N-4001;01-04-2026;01-04-2026";
    let ole_new = "120888-2739;Ole Fiktivsen;N-4004;01-04-2026;";
    let (code, out, _) = run(&case, &[lars_new, OLE, ole_new], &[]);
    assert_eq!(code, 1, "{out}");
    let mut lines = out.lines();
    assert!(
        lines.next().unwrap().contains("go-live 01-04-2026 (D + 1)"),
        "{out}"
    );
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("Go-live er ikke angivet: D + 1 er brugt."),
        "{out}"
    );
    assert_eq!(
        section(&out, "Genindberettet ("),
        ["  171070-xxxx: genindberettet: anmodning N-4001 med startdato 01-04-2026"],
        "{out}"
    );
    assert_eq!(
        section(&out, "Ikke genindberettet"),
        [
            "  280376-xxxx: lukket i SMDB, men ingen aktiv anmodning med startdato 01-04-2026 (D + 1) i listen; planens registreringer i det nye system er markeret udført"
        ],
        "{out}"
    );
    let twice = section(&out, "Genindberettet for tidligt, dobbelt");
    assert_eq!(twice.len(), 1, "{out}");
    assert!(
        twice[0].starts_with(
            "  120888-xxxx: den gamle anmodning C-3004 (10-01-2026) er stadig aktiv i SMDB ved siden af den nye anmodning N-4004 (01-04-2026): kun én må være aktiv"
        ),
        "{out}"
    );
    assert!(section(&out, "Færdig").is_empty(), "{out}");

    // Everyone back from D + 1: nothing left.
    let niels_new = "280376-1348;Niels Tekstfil;N-4003;01-04-2026;";
    let (code, out, _) = run(&case, &[lars_new, niels_new, ole_new], &["--lang", "en"]);
    assert_eq!(code, 0, "{out}");
    assert_eq!(section(&out, "Re-entered (").len(), 3, "{out}");
    assert!(out.contains("Result: nothing blocks"), "{out}");
}

#[test]
fn after_go_live_model_one_back_with_original_dates_missing_or_blocking() {
    let case = planned(Model::One);
    // Lars back with his original dates under a new ID; Niels's old ID still active; Ole
    // deleted and not back.
    let lars_new = "171070-1632;Lars Semikolonsen;N-4001;03-03-2025;17-03-2025";
    let (code, out, _) = run(&case, &[lars_new, NIELS], &["--lang", "en"]);
    assert_eq!(code, 1, "{out}");
    assert_eq!(
        section(&out, "Re-entered ("),
        ["  171070-xxxx: re-entered: anmodning N-4001 with start date 03-03-2025"],
        "{out}"
    );
    assert_eq!(section(&out, "Still blocking").len(), 1, "{out}");
    assert!(
        section(&out, "Still blocking")[0].starts_with("  280376-xxxx"),
        "{out}"
    );
    assert_eq!(
        section(&out, "Not re-entered"),
        [
            "  120888-xxxx: deleted in SMDB, but no active anmodning with the original date 10-01-2026 in the list; the plan's registrations in the new system are marked done"
        ],
        "{out}"
    );
}

#[test]
fn a_go_live_not_after_the_switch_date_is_refused() {
    let case = planned(Model::Two);
    let (code, out, err) = run(&case, &[], &["--go-live", "2026-03-31"]);
    assert_eq!(code, 2, "{out}{err}");
    assert!(err.contains("--go-live"), "{err}");
    assert!(out.is_empty(), "{out}");
}

#[test]
fn new_citizens_since_the_plan() {
    for model in [Model::One, Model::Two, Model::Mellem] {
        let case = planned(model);
        let (code, out, _) = run(&case, &[NEW_OLD, NEW_LATE], &[]);
        assert_eq!(code, 1, "{model:?}: {out}");
        let new = section(&out, "Nye borgere");
        assert_eq!(
            new,
            [
                "  021079-xxxx: startet 01-02-2026 før skiftedatoen: mangler i planen",
                "  070797-xxxx: startet 02-04-2026 i SMDB efter skiftedatoen (hører til i det nye system)",
            ],
            "{out}"
        );
    }
}

#[test]
fn a_new_citizen_born_the_same_day_as_a_planned_one_is_told_apart() {
    // Lars is planned; a new citizen born the same day (same masked CPR) comes after him.
    let twin = "171070-2000;Lone Samedag;C-3010;01-02-2026;";
    let case = planned(Model::Two);
    let plan = read_plan_file(&case.plan).unwrap();
    let after = case.dir.path().join("tvilling.csv");
    std::fs::write(&after, csv(&[LARS, twin])).unwrap();
    let list = load(&after, &LoadOptions::default()).unwrap();
    let v = verify(&plan, &list.citizens, today(), None);
    assert_eq!(v.new.len(), 1, "{v:?}");
    assert_eq!(v.new[0].cpr, "171070-xxxx");
    let new = &list.citizens[v.new[0].index];
    assert_eq!(new.name.as_deref(), Some("Lone Samedag"));
}

#[test]
fn interim_lists_old_cases_still_open_with_days() {
    let case = planned(Model::Mellem);
    let (code, out, _) = run(&case, &[LARS, OLE], &[]);
    assert_eq!(
        code, 0,
        "open old cases are the interim plan, not a block: {out}"
    );
    let open = section(&out, "Gamle sager stadig åbne");
    assert_eq!(
        open,
        [
            "  171070-xxxx: åben i 423 dage: anmodning C-3001 startet 03-03-2025",
            "  120888-xxxx: åben i 110 dage: anmodning C-3004 startet 10-01-2026",
        ],
        "{out}"
    );
    assert_eq!(section(&out, "Færdig"), ["  280376-xxxx"], "{out}");

    // A case begun in SMDB after go-live belongs in the new system.
    let (code, out, _) = run(
        &case,
        &[LARS, "120888-2739;Ole Fiktivsen;C-3104;02-04-2026;"],
        &[],
    );
    assert_eq!(code, 1, "{out}");
    assert_eq!(
        section(&out, "Genindberettet for tidligt, dobbelt").len(),
        1,
        "{out}"
    );
}

#[test]
fn unreadable_inputs_exit_two() {
    let case = planned(Model::One);
    let missing = case.dir.path().join("findes-ikke.csv");
    let (code, _, err) = run_path(&case, &missing, &[]);
    assert_eq!(code, 2, "{err}");
    let junk = case.dir.path().join("junk.xlsx");
    std::fs::write(&junk, b"PK not really").unwrap();
    let (code, _, err) = run_path(&case, &junk, &[]);
    assert_eq!(code, 2, "{err}");
    // A plan that is not a plan.
    let bad = Case {
        plan: case.dir.path().join("foer.csv"),
        dir: tempfile::tempdir().unwrap(),
    };
    let (code, _, err) = run(&bad, &[], &[]);
    assert_eq!(code, 2, "{err}");
}

//! `merge`: the Excel round trip. The real binary writes a plan's action sheet, two people fill
//! in its Udført / Udført af columns in two copies (disagreeing on one step), and `merge`
//! reports what would change, records it with `--apply`, and the store holds exactly that. And
//! `plan` writes the store's ticks back into Udført / Udført af.
#![allow(clippy::unwrap_used, clippy::panic)] // a test, bench or dev tool: a failed expectation may stop it

mod sheet_edit;
mod util;

use std::path::{Path, PathBuf};

use calamine::{Data, ExcelDateTime, ExcelDateTimeType};
use chrono::{Local, NaiveDate};
use sheet_edit::{Grid, col, read_sheets, sheet, write_sheets};
use skifteplan::plan::Model;
use skifteplan::progress::{SavedSettings, list_ref};
use skifteplan::store::{Change, Recorded, Store};
use util::{sample, skifteplan};

fn d(m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, day).unwrap()
}

struct Setup {
    dir: tempfile::TempDir,
}

impl Setup {
    fn list(&self) -> PathBuf {
        self.dir.path().join("liste.xlsx")
    }
    fn store(&self) -> PathBuf {
        self.dir.path().join("liste.skifteplan.db")
    }
    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }
    /// The store's ticks, by the Excel row of the action sheet `a.xlsx` they belong to.
    fn ticks(&self) -> Vec<Recorded> {
        let store = Store::open(&self.store(), &list_ref(&self.list()).unwrap(), "test").unwrap();
        let mut all: Vec<Recorded> = store.progress().ticks().values().cloned().collect();
        all.sort_by_key(|r| r.event);
        all
    }
}

/// The small sample as `liste.xlsx` with a store set up for model 2, D 31-03-2026, and its
/// action sheet as `a.xlsx`, written by the binary.
fn setup() -> Setup {
    let s = Setup {
        dir: tempfile::tempdir().unwrap(),
    };
    std::fs::copy(sample("aktivliste-lille.xlsx"), s.list()).unwrap();
    let mut store = Store::open(&s.store(), &list_ref(&s.list()).unwrap(), "KO").unwrap();
    let settings = SavedSettings {
        model: Model::Two,
        switch_date: d(3, 31),
        reason_text: "Systemskift".into(),
        kommune: String::new(),
        vendor: String::new(),
        system_name: String::new(),
        go_live: None,
        deadline: None,
    };
    store
        .record(
            Change::Settings { settings },
            Some((Model::Two, d(3, 31))),
            Local::now().naive_local(),
        )
        .unwrap();
    plan_sheet(&s, "2026-03-31", "a.xlsx")
        .assert_code(1) // the sample has conflicts
        .assert_stderr_has("  Udført: 0 afkrydsninger fra");
    s
}

/// A copy of `a.xlsx` with Udført (and Udført af) set on some Excel rows.
fn edited(s: &Setup, name: &str, marks: &[(usize, Data, &str)]) -> PathBuf {
    let mut sheets = read_sheets(&std::fs::read(s.path("a.xlsx")).unwrap());
    let grid: &mut Grid = sheet(&mut sheets, "Handlinger");
    let (c_done, c_by) = (col(grid, "Udført"), col(grid, "Udført af"));
    for (row, value, by) in marks {
        let cells = &mut grid[row - 1];
        cells.resize(c_by + 1, Data::Empty);
        cells[c_done] = value.clone();
        if !by.is_empty() {
            cells[c_by] = Data::String((*by).to_string());
        }
    }
    let path = s.path(name);
    std::fs::write(&path, write_sheets(&sheets)).unwrap();
    path
}

fn text(t: &str) -> Data {
    Data::String(t.into())
}

/// A real date cell, as Excel saves a typed date.
fn date_cell(date: NaiveDate) -> Data {
    let serial = (date - NaiveDate::from_ymd_opt(1899, 12, 30).unwrap()).num_days() as f64;
    Data::DateTime(ExcelDateTime::new(
        serial,
        ExcelDateTimeType::DateTime,
        false,
    ))
}

fn merge(s: &Setup, sheets: &[&Path], extra: &[&str]) -> util::Run {
    let run = skifteplan()
        .arg("merge")
        .arg(s.list())
        .args(sheets)
        .args(extra)
        .env("USER", "sys")
        .run();
    run.assert_no_full_cpr().assert_no_panic();
    run
}

/// `plan` of the list for model 2 with D `switch` (yyyy-mm-dd), writing the action sheet `name`.
fn plan_sheet(s: &Setup, switch: &str, name: &str) -> util::Run {
    skifteplan()
        .arg("plan")
        .arg(s.list())
        .args(["--model", "2", "--switch-date", switch, "--xlsx"])
        .arg(s.path(name))
        .run()
}

/// The rows of `a.xlsx`'s Handlinger as text, for looking up cells.
fn rows_of(path: &Path) -> Grid {
    let mut sheets = read_sheets(&std::fs::read(path).unwrap());
    sheet(&mut sheets, "Handlinger").clone()
}

#[test]
fn two_edited_sheets_are_reported_then_recorded_and_plan_writes_the_ticks_back() {
    let s = setup();
    let today = Local::now().date_naive();
    // The sheet's Genereret holds whole seconds: the merges below come in a later one.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    // Anne's copy: row 2 "x", row 3 a date cell, row 4 "nej" (not ticked: nothing to do),
    // row 5 "maybe", row 6 "x"; row 8 a date edited away from the plan's and marked done.
    let a = edited(
        &s,
        "anne.xlsx",
        &[
            (2, text("x"), "AB"),
            (3, date_cell(d(4, 2)), ""),
            (4, text("nej"), ""),
            (5, text("maybe"), ""),
            (6, text("x"), "AB"),
            (8, text("ja"), ""),
        ],
    );
    {
        let mut sheets = read_sheets(&std::fs::read(&a).unwrap());
        let grid = sheet(&mut sheets, "Handlinger");
        let c_date = col(grid, "Dato");
        grid[7][c_date] = text("30-04-2026");
        std::fs::write(&a, write_sheets(&sheets)).unwrap();
    }
    // Carl's copy: row 2 blank, row 6 "Nej" (disagrees with Anne), row 7 "ja" by CD.
    let c = edited(
        &s,
        "carl.xlsx",
        &[(6, text("Nej"), ""), (7, text("ja"), "CD")],
    );

    // Without --apply: the report, exit 1, nothing written.
    let before = std::fs::read(s.store()).unwrap();
    let run = merge(&s, &[&a, &c], &[]);
    run.assert_code(1)
        .assert_stdout_has("Flettet: anne.xlsx, carl.xlsx mod lagerets opsætning Model 2")
        .assert_stdout_has("Nye afkrydsninger (3):")
        .assert_stdout_has("udført 02-04-2026 [anne.xlsx Handlinger række 3]")
        .assert_stdout_has("af AB [anne.xlsx Handlinger række 2]")
        .assert_stdout_has("af CD [carl.xlsx Handlinger række 7]")
        .assert_stdout_has("Arkene er uenige – intet ændret for disse (1):")
        .assert_stdout_has(
            "anne.xlsx Handlinger række 6: udført (uden dato: dagen for fletningen) af AB; carl.xlsx Handlinger række 6: ikke udført",
        )
        .assert_stdout_has("Rækker uden handling i den nuværende plan – ikke brugt (1):")
        .assert_stdout_has("  anne.xlsx Handlinger række 8 ")
        .assert_stdout_has("Udført kan ikke læses – ikke brugt (1):")
        .assert_stdout_has("anne.xlsx Handlinger række 5")
        .assert_stdout_has("\"maybe\"")
        .assert_stdout_has("I alt: 3 nye, 0 ny dato, 0 tages tilbage, 1 uenige, 1 uden handling, 1 ulæselige; 1 allerede som i lageret.")
        .assert_stdout_has("kør igen med --apply");
    assert!(s.ticks().is_empty());
    assert_eq!(std::fs::read(s.store()).unwrap(), before, "nothing written");

    // With --apply: recorded, each tick under the Udført af its sheet gives, else --by.
    merge(&s, &[&a, &c], &["--apply", "--by", "KO"])
        .assert_code(1)
        .assert_stdout_has("Gemt i lageret: 3 ændringer");
    let ticks = s.ticks();
    let got: Vec<(NaiveDate, &str)> = ticks.iter().map(|t| (t.done, t.worker.as_str())).collect();
    let mut expected = vec![(today, "AB"), (d(4, 2), "KO"), (today, "CD")];
    got.iter()
        .for_each(|g| assert!(expected.contains(g), "{got:?}"));
    expected.retain(|e| !got.contains(e));
    assert!(expected.is_empty(), "{got:?}");
    assert!(
        ticks
            .iter()
            .all(|t| t.model == Some(Model::Two) && t.switch_date == Some(d(3, 31)))
    );

    // Again: nothing new; Carl's blank row 2 does not take Anne's tick back.
    merge(&s, &[&a, &c], &["--apply"])
        .assert_code(1)
        .assert_stdout_has("I alt: 0 nye, 0 ny dato, 0 tages tilbage, 1 uenige")
        .assert_stdout_has("Intet at gemme.");
    assert_eq!(s.ticks().len(), 3);

    // A copy of the sheet written before these merges has not seen them: a change it would
    // make to a step changed since is listed, never applied.
    let stale = edited(
        &s,
        "gammel.xlsx",
        &[(2, text("ikke endnu"), ""), (3, text("2026-04-03"), "")],
    );
    merge(&s, &[&stale], &["--apply"])
        .assert_code(1)
        .assert_stdout_has("Ændret i lageret efter arket blev skrevet – ikke brugt")
        .assert_stdout_has("0 tages tilbage")
        .assert_stdout_has("0 ulæselige, 2 ændret i lageret efter arket;");
    assert_eq!(s.ticks().len(), 3);

    // A sheet written now: an explicit "ikke endnu" takes a tick back; a date changes the done
    // date.
    plan_sheet(&s, "2026-03-31", "a.xlsx").assert_code(1);
    let b = edited(
        &s,
        "b.xlsx",
        &[(2, text("ikke endnu"), ""), (3, text("2026-04-03"), "")],
    );
    merge(&s, &[&b], &[])
        .assert_code(1)
        .assert_stdout_has("Ny udført-dato (1):")
        .assert_stdout_has("udført 03-04-2026 af KO (før 02-04-2026 af KO)")
        .assert_stdout_has("Afkrydsninger der tages tilbage (arket siger ikke udført) (1):")
        .assert_stdout_has(&format!(
            "stod som udført {} af AB [b.xlsx Handlinger række 2]",
            today.format("%d-%m-%Y")
        ));
    merge(&s, &[&b], &["--apply", "--lang", "en"])
        .assert_code(0)
        .assert_stdout_has("Recorded in the store: 2 changes");
    let ticks = s.ticks();
    assert_eq!(ticks.len(), 2);
    // The new date is KO's tick still: the sheet kept KO in Udført af.
    assert!(ticks.iter().any(|t| t.done == d(4, 3) && t.worker == "KO"));
    merge(&s, &[&b], &[])
        .assert_code(0)
        .assert_stdout_has("Intet at gemme.");

    // `plan` writes the ticks back: Udført on the row ticked, Udført af beside it.
    plan_sheet(&s, "2026-03-31", "igen.xlsx")
        .assert_code(1)
        .assert_stderr_has("Udført: 2 afkrydsninger fra");
    let grid = rows_of(&s.path("igen.xlsx"));
    let (c_done, c_by) = (col(&grid, "Udført"), col(&grid, "Udført af"));
    let marked: Vec<usize> = (1..grid.len())
        .filter(|i| !matches!(grid[*i].get(c_done), None | Some(Data::Empty)))
        .map(|i| i + 1)
        .collect();
    assert_eq!(marked, [3, 7]);
    assert!(
        matches!(grid[2][c_done], Data::DateTime(_)),
        "{:?}",
        grid[2]
    );
    assert_eq!(grid[2][c_by], Data::String("KO".into()));
    assert_eq!(grid[6][c_by], Data::String("CD".into()));
    // Under another D nothing matches: no tick is moved onto another action.
    plan_sheet(&s, "2026-04-30", "andet-d.xlsx").assert_code(1);
    let grid = rows_of(&s.path("andet-d.xlsx"));
    let c_done = col(&grid, "Udført");
    assert!((1..grid.len()).all(|i| matches!(grid[i].get(c_done), None | Some(Data::Empty))));
}

#[test]
fn no_store_another_lists_store_and_a_broken_store_are_said_in_one_line() {
    let s = setup();
    let sheet = s.path("a.xlsx");
    // No store at the path given: exit 2, and what to do.
    let run = skifteplan()
        .arg("merge")
        .arg(s.list())
        .arg(&sheet)
        .arg("--state")
        .arg(s.path("ingen.skifteplan.db"))
        .run();
    run.assert_code(2)
        .assert_stderr_lines(1)
        .assert_stderr_has("Intet lager med fremdrift")
        .assert_stderr_has("åbn listen i skifteplan først");
    assert!(!s.path("ingen.skifteplan.db").exists(), "no store is made");

    // Another list's store: refused unless --force.
    let other = s.path("anden.xlsx");
    std::fs::copy(s.list(), &other).unwrap();
    let run = skifteplan()
        .arg("merge")
        .arg(&other)
        .arg(&sheet)
        .arg("--state")
        .arg(s.store())
        .run();
    run.assert_code(2)
        .assert_stderr_lines(1)
        .assert_stderr_has("hører til listen liste.xlsx");
    skifteplan()
        .arg("merge")
        .arg(&other)
        .arg(&sheet)
        .arg("--state")
        .arg(s.store())
        .arg("--force")
        .run()
        .assert_code(0)
        .assert_stdout_has("Intet at gemme.");

    // A file that is not a store: merge refuses, plan warns once and writes without progress.
    let junk = s.path("junk.db");
    std::fs::write(&junk, b"not a database at all, just text").unwrap();
    skifteplan()
        .arg("merge")
        .arg(s.list())
        .arg(&sheet)
        .arg("--state")
        .arg(&junk)
        .run()
        .assert_code(2)
        .assert_stderr_lines(1);
    let run = skifteplan()
        .arg("plan")
        .arg(s.list())
        .args(["--model", "2", "--switch-date", "2026-03-31", "--xlsx"])
        .arg(s.path("uden.xlsx"))
        .arg("--state")
        .arg(&junk)
        .run();
    run.assert_code(1)
        .assert_stderr_has("skifteplan: planen skrives uden fremdrift");
    assert_eq!(
        run.stderr()
            .lines()
            .filter(|l| l.contains("fremdrift"))
            .count(),
        1
    );
    assert!(s.path("uden.xlsx").exists());
    // And no export is written over the store.
    skifteplan()
        .arg("plan")
        .arg(s.list())
        .args(["--model", "2", "--switch-date", "2026-03-31", "--json"])
        .arg(s.store())
        .run()
        .assert_code(2);
    assert!(Store::open(&s.store(), &list_ref(&s.list()).unwrap(), "t").is_ok());
}

#[test]
fn plan_keeps_the_steps_of_a_citizen_gone_from_a_newer_list() {
    let s = setup();
    // The store knows the list's citizens once the list is opened with it (here: a merge
    // recorded).
    let a = edited(&s, "anne.xlsx", &[(2, text("x"), "AB")]);
    merge(&s, &[&a], &["--apply"]).assert_code(0);
    // The newer list: the first citizen's rows gone from every sheet.
    let mut sheets = read_sheets(&std::fs::read(s.list()).unwrap());
    let first = {
        let grid = sheet(&mut sheets, "Anmodninger");
        let c = col(grid, "CPR");
        grid[1][c].to_string()
    };
    for (_, grid) in &mut sheets {
        if let Some(c) = grid
            .first()
            .and_then(|h| h.iter().position(|x| *x == "CPR"))
        {
            grid.retain(|r| r.get(c).map(ToString::to_string).as_deref() != Some(first.as_str()));
        }
    }
    std::fs::write(s.list(), write_sheets(&sheets)).unwrap();
    let run = skifteplan()
        .arg("plan")
        .arg(s.list())
        .args(["--model", "2", "--switch-date", "2026-03-31", "--json", "-"])
        .run();
    run.assert_stderr_has("Ikke længere på listen: 1 borgere fra lageret er med i planen");
    let plan: serde_json::Value = serde_json::from_str(run.stdout()).unwrap();
    let digits: String = first.chars().filter(char::is_ascii_digit).collect();
    let kept = plan["citizens"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| {
            c["cpr"]
                .as_str()
                .is_some_and(|x| x.starts_with(&digits[..6]))
        })
        .expect("the citizen gone from the list is still planned");
    assert!(!kept["actions"].as_array().unwrap().is_empty());
    run.assert_no_full_cpr();
}

#[test]
fn merge_apply_without_initials_is_refused_and_records_nothing() {
    let s = setup();
    let a = edited(&s, "anne.xlsx", &[(2, text("x"), "")]);
    let home = tempfile::tempdir().unwrap();
    skifteplan()
        .arg("merge")
        .arg(s.list())
        .arg(&a)
        .arg("--apply")
        .env_remove("USER")
        .env_remove("USERNAME")
        .env_remove("LOGNAME")
        .env("HOME", home.path())
        .env("XDG_CONFIG_HOME", home.path())
        .run()
        .assert_code(2)
        .assert_stderr_has("--by INITIALER");
    assert!(s.ticks().is_empty());
}

//! Round trips: the action sheet is written, read back with calamine and checked cell by cell.

use std::path::Path;

use calamine::{Data, Range, Reader, Xlsx, open_workbook};

use super::*;
use crate::domain::date::{DateSystem, from_excel_serial};
use crate::export::fixture::{self, CPR_A, CPR_B, CPR_C};
use crate::export::{DoneMark, write_xlsx};
use crate::plan::{Action, CitizenPlan, Model, Plan};

struct Book {
    xlsx: Xlsx<std::io::BufReader<std::fs::File>>,
}

impl Book {
    fn range(&mut self, sheet: &str) -> Range<Data> {
        self.xlsx.worksheet_range(sheet).unwrap()
    }
    /// The sheet's rows as display text (dates as `dd-mm-yyyy`).
    fn rows(&mut self, sheet: &str) -> Vec<Vec<String>> {
        self.range(sheet)
            .rows()
            .map(|r| r.iter().map(cell_text).collect())
            .collect()
    }
}

fn cell_text(c: &Data) -> String {
    match c {
        Data::DateTime(x) => from_excel_serial(x.as_f64(), DateSystem::Excel1900)
            .map(fmt_dk)
            .unwrap_or_default(),
        other => other.to_string(),
    }
}

fn as_date(c: &Data) -> Option<NaiveDate> {
    match c {
        Data::DateTime(x) => from_excel_serial(x.as_f64(), DateSystem::Excel1900).ok(),
        _ => None,
    }
}

/// Writes the fixture's plan with the first action of citizen A ticked, and opens it again.
fn write(dir: &Path, model: Model, show_cpr: bool, lang: Lang) -> (Plan, Book) {
    let plan = fixture::plan(model);
    let list = fixture::list();
    let done = |c: &CitizenPlan, a: &Action| {
        (c.cpr.full() == CPR_A && a.step == 1).then(|| DoneMark {
            date: fixture::d(2026, 3, 20),
            by: Some("AB".into()),
        })
    };
    let input = ExportInput {
        plan: &plan,
        list: &list,
        show_cpr,
        lang,
        generated_at: fixture::generated_at(),
        done: &done,
    };
    let path = dir.join("handlinger.xlsx");
    write_xlsx(&path, &input).unwrap();
    let xlsx: Xlsx<_> = open_workbook(&path).unwrap();
    (plan, Book { xlsx })
}

#[test]
fn sheets_headers_and_one_row_per_action() {
    let dir = tempfile::tempdir().unwrap();
    let (plan, mut book) = write(dir.path(), Model::Two, false, Lang::Da);
    assert_eq!(book.xlsx.sheet_names(), SHEET_NAMES.to_vec());

    let rows = book.rows("Handlinger");
    let header: Vec<&str> = ACTION_HEADERS.iter().map(|h| h.0).collect();
    assert_eq!(rows[0], header);
    assert_eq!(rows.len() - 1, plan.action_count());

    // Rows follow the plan: citizens in order, actions by step.
    let mut expected = Vec::new();
    for (i, c) in plan.citizens.iter().enumerate() {
        for a in &c.actions {
            expected.push(((i + 1).to_string(), a.step.to_string()));
        }
    }
    let got: Vec<(String, String)> = rows[1..]
        .iter()
        .map(|r| (r[0].clone(), r[3].clone()))
        .collect();
    assert_eq!(got, expected);
    // Source as sheet:row.
    assert_eq!(rows[1][15], "Indskrivninger:2");
}

#[test]
fn dates_are_real_dates_and_done_is_filled_where_ticked() {
    let dir = tempfile::tempdir().unwrap();
    let (plan, mut book) = write(dir.path(), Model::Two, false, Lang::Da);
    let range = book.range("Handlinger");
    let first = &plan.citizens[0].actions[0];
    // Model 2: the first action closes on D.
    assert_eq!(as_date(&range[(1, 8)]), Some(fixture::d(2026, 3, 31)));
    assert_eq!(as_date(&range[(1, 9)]), first.original_date);
    assert_eq!(as_date(&range[(1, 16)]), Some(fixture::d(2026, 3, 20)));
    // Who did it, right after.
    assert_eq!(range[(1, 17)], Data::String("AB".into()));
    // Only the ticked action has a done date and a name.
    for col in [16, 17] {
        let ticked = (1..range.height())
            .filter(|r| !matches!(range[(*r, col)], Data::Empty))
            .count();
        assert_eq!(ticked, 1);
    }
    // Re-registrations in model 2 start on D + 1.
    let reentry = (1..range.height())
        .filter(|r| as_date(&range[(*r, 8)]) == Some(fixture::d(2026, 4, 1)))
        .count();
    let registrations = plan
        .citizens
        .iter()
        .flat_map(|c| &c.actions)
        .filter(|a| a.action == ActionKind::Registrer)
        .count();
    assert_eq!(reentry, registrations);

    let overview = book.range("Oversigt");
    let switch = (0..overview.height())
        .find(|r| overview[(*r, 0)] == Data::String(L_SWITCH.0.into()))
        .unwrap();
    assert_eq!(
        as_date(&overview[(switch, 1)]),
        Some(fixture::d(2026, 3, 31))
    );
    assert_eq!(
        as_date(&overview[(switch + 1, 1)]),
        Some(fixture::d(2026, 4, 1))
    );
}

fn all_cells(book: &mut Book) -> Vec<String> {
    SHEET_NAMES
        .iter()
        .flat_map(|s| book.rows(s).into_iter().flatten())
        .collect()
}

#[test]
fn cpr_is_masked_everywhere_unless_chosen() {
    let dir = tempfile::tempdir().unwrap();
    let (_, mut book) = write(dir.path(), Model::One, false, Lang::Da);
    let cells = all_cells(&mut book);
    for cpr in [CPR_A, CPR_B, CPR_C] {
        for cell in &cells {
            assert!(!cell.contains(cpr), "full CPR in a cell");
            assert!(!cell.contains(&cpr.replace('-', "")), "full CPR in a cell");
        }
        let masked = format!("{}-xxxx", &cpr[..6]);
        assert!(cells.contains(&masked), "{masked} missing");
    }

    let dir = tempfile::tempdir().unwrap();
    let (_, mut book) = write(dir.path(), Model::One, true, Lang::Da);
    let cells = all_cells(&mut book);
    assert!(cells.iter().any(|c| c == CPR_A));
}

#[test]
fn text_that_looks_like_a_formula_stays_text() {
    let dir = tempfile::tempdir().unwrap();
    let (_, mut book) = write(dir.path(), Model::Two, false, Lang::Da);
    for sheet in SHEET_NAMES {
        let formulas = book.xlsx.worksheet_formula(sheet).unwrap();
        assert!(
            formulas.used_cells().all(|(_, _, f)| f.is_empty()),
            "formula in {sheet}"
        );
    }
    let cells = all_cells(&mut book);
    for s in [
        "=Fiktiv Formel",
        "+A-1002",
        "@Tilbud Syd",
        "-Ambulant",
        "=HYPERLINK(\"x\")",
    ] {
        assert!(cells.iter().any(|c| c == s), "{s} not read back as text");
    }
    let range = book.range("Handlinger");
    let row = (1..range.height())
        .find(|r| range[(*r, 2)] == Data::String("=Fiktiv Formel".into()))
        .unwrap();
    assert!(matches!(range[(row, 2)], Data::String(_)));
}

#[test]
fn conflicts_rejected_rows_and_forgotten_cases() {
    let dir = tempfile::tempdir().unwrap();
    let (plan, mut book) = write(dir.path(), Model::Two, false, Lang::Da);

    let rows = book.rows("Konflikter");
    assert_eq!(rows.len() - 1, plan.conflicts.len());
    assert!(!plan.conflicts.is_empty());
    assert_eq!(
        rows[0],
        [
            "Borger nr",
            "CPR",
            "Navn",
            "Konflikt",
            "Tilstand",
            "Besked",
            "Afgørelse",
            "Afgørelseskode",
            "Ark",
            "Række"
        ]
    );
    let after_switch = rows[1..]
        .iter()
        .find(|r| r[3] == "form_after_switch" && r[2] == "=Fiktiv Formel")
        .expect("the form after D is listed");
    assert_eq!(after_switch[1], "020285-xxxx");
    assert_eq!(after_switch[4], "ikke afgjort");
    // Borger nr: the same number as the citizen's rows in Handlinger, which say the conflict
    // is open.
    let no = &after_switch[0];
    let handlinger = book.rows("Handlinger");
    let conflict_col = handlinger[0].iter().position(|h| h == "Konflikt").unwrap();
    assert!(
        handlinger
            .iter()
            .any(|r| &r[0] == no && r[1] == "020285-xxxx" && r[conflict_col] == "ikke afgjort")
    );

    let rows = book.rows("Afviste rækker");
    assert_eq!(rows[0][..4], ["Ark", "Række", "Årsag", "Værdi 1"]);
    assert_eq!(rows.len(), 3);
    let reason = fixture::list().rejected[0].reason.message(Lang::Da);
    assert_eq!(rows[1][..4], ["Anmodninger", "5", reason.as_str(), "12345"]);

    let range = book.range("Glemte sager");
    assert_eq!(range.height(), 2);
    // Borger nr: the same number as the citizen's rows in Handlinger.
    let no = cell_text(&range[(1, 0)]);
    assert!(
        book.rows("Handlinger")
            .iter()
            .any(|r| r[0] == no && r[1] == "750372-xxxx"),
        "Borger nr {no}"
    );
    assert_eq!(range[(1, 1)], Data::String("750372-xxxx".into()));
    assert_eq!(as_date(&range[(1, 3)]), Some(fixture::d(2025, 6, 30)));
    // Tilbudstilknytning is absent: one close, Afslut behandling.
    assert_eq!(cell_text(&range[(1, 4)]), "1");
    assert_eq!(range[(1, 5)], Data::String("Nej".into()));
}

#[test]
fn english_headers_keep_danish_sheet_names() {
    let dir = tempfile::tempdir().unwrap();
    let (_, mut book) = write(dir.path(), Model::Mellem, false, Lang::En);
    assert_eq!(book.xlsx.sheet_names(), SHEET_NAMES.to_vec());
    let rows = book.rows("Handlinger");
    let header: Vec<&str> = ACTION_HEADERS.iter().map(|h| h.1).collect();
    assert_eq!(rows[0], header);
    assert_eq!(rows[1][7], "Follow up");
    let overview = book.rows("Oversigt");
    assert_eq!(overview[1], ["Model", "Interim"]);
    let generated = overview.last().unwrap();
    assert_eq!(generated[0], "Generated");
}

#[test]
fn an_empty_plan_still_makes_every_sheet() {
    let plan = crate::plan::plan(
        &[],
        &crate::plan::Settings::new(Model::One, fixture::d(2025, 12, 31)),
    );
    let mut list = fixture::list();
    list.citizens.clear();
    list.rejected.clear();
    let none = |_: &CitizenPlan, _: &Action| None;
    let input = ExportInput {
        plan: &plan,
        list: &list,
        show_cpr: false,
        lang: Lang::Da,
        generated_at: fixture::generated_at(),
        done: &none,
    };
    let bytes = xlsx_bytes(&input).unwrap();
    let mut xlsx: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    assert_eq!(xlsx.sheet_names(), SHEET_NAMES.to_vec());
    assert_eq!(xlsx.worksheet_range("Handlinger").unwrap().height(), 1);
}

#[test]
fn an_over_long_cell_is_cut_to_the_excel_limit() {
    let plan = fixture::plan(Model::One);
    let mut list = fixture::list();
    list.rejected[0].values.push("x".repeat(40_000));
    let none = |_: &CitizenPlan, _: &Action| None;
    let input = ExportInput {
        plan: &plan,
        list: &list,
        show_cpr: false,
        lang: Lang::Da,
        generated_at: fixture::generated_at(),
        done: &none,
    };
    // An over-long cell is cut to Excel's limit rather than failing the export.
    let bytes = xlsx_bytes(&input).unwrap();
    let mut xlsx: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    let range = xlsx.worksheet_range("Afviste rækker").unwrap();
    assert_eq!(range[(1, 6)].to_string().len(), MAX_CELL_CHARS);
}

#[test]
fn a_large_plan_is_written_row_by_row_and_reads_back() {
    // Copies of the fixture's citizens until the plan is above the constant-memory threshold.
    let small = fixture::plan(Model::Two);
    let mut plan = small.clone();
    while plan.action_count() <= CONSTANT_MEMORY_ABOVE {
        plan.citizens.extend(small.citizens.iter().cloned());
    }
    let list = fixture::list();
    let none = |_: &CitizenPlan, _: &Action| None;
    let input = |plan| ExportInput {
        plan,
        list: &list,
        show_cpr: false,
        lang: Lang::Da,
        generated_at: fixture::generated_at(),
        done: &none,
    };
    let dir = tempfile::tempdir().unwrap();
    let (small_path, large_path) = (dir.path().join("small.xlsx"), dir.path().join("large.xlsx"));
    write_xlsx(&small_path, &input(&small)).unwrap();
    write_xlsx(&large_path, &input(&plan)).unwrap();

    let mut small_book = Book {
        xlsx: open_workbook(&small_path).unwrap(),
    };
    let mut large_book = Book {
        xlsx: open_workbook(&large_path).unwrap(),
    };
    assert_eq!(large_book.xlsx.sheet_names(), SHEET_NAMES.to_vec());
    let small_rows = small_book.rows("Handlinger");
    let large_rows = large_book.rows("Handlinger");
    assert_eq!(large_rows.len() - 1, plan.action_count());
    // The first copy reads back exactly as the normal-mode sheet of the small plan, text that
    // looks like a formula included; dates are real date cells.
    assert_eq!(large_rows[..small_rows.len()], small_rows[..]);
    let range = large_book.range("Handlinger");
    assert!(range.rows().skip(1).any(|r| as_date(&r[8]).is_some()));
    assert!(large_rows.iter().any(|r| r[2].starts_with('=')));
    assert!(
        large_book
            .xlsx
            .worksheet_formula("Handlinger")
            .unwrap()
            .used_cells()
            .next()
            .is_none()
    );
}

#[test]
fn a_plan_with_more_rows_than_a_sheet_holds_is_refused_before_a_row_is_written() {
    // An outline plan (as `plan --xlsx` makes for a national list) of copies of the fixture's
    // citizens, one action more than Handlinger holds; each citizen is planned again as its
    // rows would be written.
    let small = fixture::plan(Model::Two);
    let per_copy = small.action_count();
    let copies = (MAX_ROWS - 1) / per_copy + 1;
    let mut plan = small.clone();
    plan.citizens = (0..copies)
        .flat_map(|_| small.citizens.iter().cloned())
        .map(|mut c| {
            c.actions.clear();
            c
        })
        .collect();
    plan.outline = Some(crate::plan::Outline {
        actions: copies * per_copy,
        counts: small.counts(),
    });
    let replan = |i: usize| small.citizens[i % small.citizens.len()].actions.clone();
    let list = fixture::list();
    let none = |_: &CitizenPlan, _: &Action| None;
    let input = ExportInput {
        plan: &plan,
        list: &list,
        show_cpr: false,
        lang: Lang::En,
        generated_at: fixture::generated_at(),
        done: &none,
    };
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("handlinger.xlsx");
    let started = std::time::Instant::now();
    let e = crate::export::write_xlsx_with(&path, &input, Some(&replan), None).unwrap_err();
    assert!(
        started.elapsed() < std::time::Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
    match &e {
        ExportError::TooManyRows { sheet, rows } => {
            assert_eq!(*sheet, "Handlinger");
            assert_eq!(*rows, copies * per_copy);
        }
        other => panic!("{other:?}"),
    }
    let m = e.message(Lang::En);
    assert!(m.contains("1,048,575") && m.contains("--json"), "{m}");
    assert!(e.message(Lang::Da).contains("1.048.575"));
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    // One row fewer fits.
    let mut fits = plan.clone();
    fits.outline = Some(crate::plan::Outline {
        actions: MAX_ROWS - 1,
        counts: small.counts(),
    });
    assert!(
        check_rows(&ExportInput {
            plan: &fits,
            ..input
        })
        .is_ok()
    );
}

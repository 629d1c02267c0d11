//! The reader on CSV files, broken or missing files, decisions files, and its speed.

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

use super::{B, D, E, N, S, d, xlsx};
use crate::aktivliste::{
    IgnoreReason, LoadError, LoadOptions, RejectReason, SheetKind, SpreadsheetProblem, load,
    load_decisions,
};
use crate::lang::Lang;

#[test]
fn csv_with_semicolon_bom_and_title_rows() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("liste.csv");
    let text = "\u{feff}Aktivliste for Prøve Kommune, udtrukket 01-03-2025\n\nCPR-nr.;Navn;Anmodningsdato;Glemt;Faktisk slutdato\n010190-2000;Søren Ærø;01-02-2025;Ja;15-02-2025\n;;;;\n0201903000;Bo;2025-02-02;;\n0301904000;Cille;01-13-2025;;\n";
    std::fs::write(&path, text).unwrap();
    let list = load(&path, &LoadOptions::default()).unwrap();
    assert_eq!(list.sheets[0].name, "liste");
    assert_eq!(list.sheets[0].header_row, 3);
    assert_eq!(list.citizens.len(), 2);
    assert_eq!(list.citizens[0].name.as_deref(), Some("Søren Ærø"));
    assert!(list.citizens[0].decision.glemt);
    assert_eq!(list.citizens[0].decision.slutdato, Some(d(2025, 2, 15)));
    assert!(!list.citizens[1].decision.glemt);
    assert_eq!(list.rejected.len(), 1);
    assert_eq!(list.rejected[0].source.row, 7);
}

#[test]
fn forgotten_cases_in_full_and_an_end_date_without_glemt_is_said_at_its_row() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("liste.csv");
    let text = "CPR;Navn;Anmodningsdato;Glemt;Udskrivningsdato;Afslutningsdato;Afslutningsårsag\n010190-2000;Søren;01-02-2025;Ja;01-10-2025;15-10-2025;Flyttet\n0201903000;Bo;02-02-2025;;;20-12-2025;\n";
    std::fs::write(&path, text).unwrap();
    let list = load(&path, &LoadOptions::default()).unwrap();
    let decision = &list.citizens[0].decision;
    assert!(decision.glemt);
    assert_eq!(decision.udskrivningsdato(), Some(d(2025, 10, 1)));
    assert_eq!(decision.afslutningsdato(), Some(d(2025, 10, 15)));
    assert_eq!(decision.afslutningsaarsag(), Some("Flyttet"));
    assert!(!list.citizens[1].decision.glemt);
    let warning = list
        .warnings
        .iter()
        .find(|w| w.kind == crate::aktivliste::WarningKind::EndDateWithoutGlemt)
        .expect("the end date without Glemt is said");
    assert_eq!(warning.source.row, 3);
}

#[test]
fn csv_with_comma() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("liste.csv");
    let text =
        "CPR,Navn,Indskrivningsdato,Ydelser\r\n010190-2000,\"Ærø, Søren\",01-02-2025,\"A; B\"\r\n";
    std::fs::write(&path, text).unwrap();
    let list = load(&path, &LoadOptions::default()).unwrap();
    assert_eq!(list.sheets[0].kind, SheetKind::Indskrivninger);
    let c = &list.citizens[0];
    assert_eq!(c.name.as_deref(), Some("Ærø, Søren"));
    assert_eq!(c.indskrivninger[0].ydelser.len(), 2);
}

#[test]
fn csv_in_windows_1252() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("liste.csv");
    let (bytes, _, _) = encoding_rs::WINDOWS_1252
        .encode("CPR;Navn;Anmodningsdato;Iværksættelsesdato\n010190-2000;Søren Åge Ærø;01-02-2025;03-02-2025\n");
    std::fs::write(&path, &bytes).unwrap();
    assert!(std::str::from_utf8(&bytes).is_err());
    let list = load(&path, &LoadOptions::default()).unwrap();
    let c = &list.citizens[0];
    assert_eq!(c.name.as_deref(), Some("Søren Åge Ærø"));
    assert_eq!(c.anmodninger[0].ivaerksaettelsesdato, Some(d(2025, 2, 3)));
}

#[test]
fn a_text_file_renamed_xlsx_is_not_a_spreadsheet() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("liste.xlsx");
    std::fs::write(&path, "CPR;Navn\n010190-2000;A\n").unwrap();
    match load(&path, &LoadOptions::default()) {
        Err(LoadError::NotASpreadsheet { detail, .. }) => {
            assert_eq!(detail, SpreadsheetProblem::TextFile)
        }
        other => panic!("{other:?}"),
    }
    // A damaged zip is reported, not a panic.
    std::fs::write(&path, b"PK\x03\x04garbage").unwrap();
    let e = load(&path, &LoadOptions::default()).unwrap_err();
    assert!(matches!(e, LoadError::NotASpreadsheet { .. }), "{e:?}");
    assert!(!e.message(Lang::Da).is_empty());
}

#[test]
fn file_errors() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("findes-ikke.xlsx");
    assert!(matches!(
        load(&missing, &LoadOptions::default()),
        Err(LoadError::NotFound(_))
    ));
    let pdf = dir.path().join("liste.pdf");
    std::fs::write(&pdf, "x").unwrap();
    assert!(matches!(
        load(&pdf, &LoadOptions::default()),
        Err(LoadError::UnsupportedType(_))
    ));
    let empty_file = dir.path().join("tom.csv");
    std::fs::write(&empty_file, "").unwrap();
    assert!(matches!(
        load(&empty_file, &LoadOptions::default()),
        Err(LoadError::Empty(_))
    ));
}

#[test]
fn workbook_without_header_or_data() {
    let dir = tempfile::tempdir().unwrap();
    let no_header = xlsx(
        dir.path(),
        "a.xlsx",
        &[("Ark1", vec![vec![S("Hej")], vec![S("a"), S("b")]])],
    );
    let e = load(&no_header, &LoadOptions::default()).unwrap_err();
    assert!(matches!(e, LoadError::NoHeader(_)), "{e:?}");
    let empty = xlsx(dir.path(), "b.xlsx", &[("Ark1", vec![]), ("Ark2", vec![])]);
    let e = load(&empty, &LoadOptions::default()).unwrap_err();
    assert!(matches!(e, LoadError::Empty(_)), "{e:?}");
}

#[test]
fn header_without_cpr_column() {
    let dir = tempfile::tempdir().unwrap();
    let only = xlsx(
        dir.path(),
        "a.xlsx",
        &[(
            "Ark1",
            vec![
                vec![S("Navn"), S("Anmodningsdato")],
                vec![S("A"), S("01-01-2025")],
            ],
        )],
    );
    match load(&only, &LoadOptions::default()) {
        Err(LoadError::NoCprColumn { sheet }) => assert_eq!(sheet, "Ark1"),
        other => panic!("{other:?}"),
    }
    let with_other = xlsx(
        dir.path(),
        "b.xlsx",
        &[
            ("Ark1", vec![vec![S("Navn"), S("Anmodningsdato")]]),
            (
                "Ark2",
                vec![
                    vec![S("CPR"), S("Anmodningsdato"), S("Glemt")],
                    vec![S("010190-2000"), D(2025, 1, 1), B(true)],
                ],
            ),
        ],
    );
    let list = load(&with_other, &LoadOptions::default()).unwrap();
    assert_eq!(list.ignored_sheets[0].reason, IgnoreReason::NoCprColumn);
    assert!(list.citizens[0].decision.glemt);
}

#[test]
fn decisions_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("beslutninger.csv");
    std::fs::write(
        &path,
        "CPR;Glemt;Faktisk slutdato\n010190-2000;Ja;01-02-2025\n020190-3000;Nej;\n",
    )
    .unwrap();
    let map = load_decisions(&path).unwrap().by_cpr;
    assert_eq!(map.len(), 2);
    let a = &map["0101902000"];
    assert!(a.glemt);
    assert_eq!(a.slutdato, Some(d(2025, 2, 1)));
    assert!(!map["0201903000"].glemt);

    std::fs::write(
        &path,
        "CPR;Glemt;Slutdato\n010190-2000;Ja;01-02-2025\n020190-3000;måske;\n",
    )
    .unwrap();
    match load_decisions(&path) {
        Err(LoadError::BadDecision { sheet, row, reason }) => {
            assert_eq!((sheet.as_str(), row), ("beslutninger", 3));
            assert_eq!(reason.key(), "bad_value");
        }
        other => panic!("{other:?}"),
    }
    std::fs::write(&path, "CPR;Glemt\n010190-2000;Ja\n0101902000;Nej\n").unwrap();
    match load_decisions(&path) {
        Err(LoadError::BadDecision { row, reason, .. }) => {
            assert_eq!(row, 3);
            assert_eq!(reason, RejectReason::DuplicateCpr { first_row: 2 });
        }
        other => panic!("{other:?}"),
    }
    std::fs::write(&path, "CPR;Navn\n010190-2000;A\n").unwrap();
    assert!(matches!(
        load_decisions(&path),
        Err(LoadError::NoDecisionColumns(_))
    ));
}

#[test]
fn decisions_from_a_workbook() {
    let dir = tempfile::tempdir().unwrap();
    let path = xlsx(
        dir.path(),
        "b.xlsx",
        &[(
            "Beslutninger",
            vec![
                vec![S("Beslutninger om glemte sager")],
                vec![S("CPR-nummer"), S("Glemt sag"), S("Slutdato")],
                vec![N(101902000.0), S("x"), D(2025, 1, 31)],
            ],
        )],
    );
    let map = load_decisions(&path).unwrap().by_cpr;
    assert_eq!(map["0101902000"].slutdato, Some(d(2025, 1, 31)));
}

#[test]
fn a_workbook_renamed_xls_is_read_for_what_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let path = xlsx(
        dir.path(),
        "liste.xlsx",
        &[(
            "Ark1",
            vec![
                vec![S("CPR"), S("Anmodningsdato")],
                vec![S("010190-2000"), D(2025, 1, 1)],
            ],
        )],
    );
    let renamed = dir.path().join("liste.xls");
    std::fs::rename(&path, &renamed).unwrap();
    let list = load(&renamed, &LoadOptions::default()).unwrap();
    assert_eq!(list.citizens.len(), 1);
}

/// The range path (used for .xls, .xlsb and .ods) gives the same rows as the streamed .xlsx
/// path, with row numbers counted from the range's start.
#[test]
fn range_path_and_streamed_path_agree() {
    use crate::aktivliste::source::Workbook;
    let dir = tempfile::tempdir().unwrap();
    let path = xlsx(
        dir.path(),
        "liste.xlsx",
        &[(
            "Ark1",
            vec![
                vec![],
                vec![],
                vec![E, S("CPR"), S("Anmodningsdato"), S("KvalHep")],
                vec![E, N(101902000.0), D(2025, 1, 1), B(true)],
                vec![],
                vec![E, S("020190-3000"), N(45717.0), S("x")],
            ],
        )],
    );
    let collect = |wb: &mut Workbook| {
        let mut rows = Vec::new();
        wb.read_sheet("Ark1", &mut |n, cells| {
            if cells.iter().any(|c| !c.is_empty()) {
                rows.push((n, cells.iter().map(|c| c.display()).collect::<Vec<_>>()));
            }
            true
        })
        .unwrap();
        rows
    };
    let mut streamed =
        Workbook::open(&path, &crate::aktivliste::header::Matcher::default()).unwrap();
    let reader = std::io::BufReader::new(std::fs::File::open(&path).unwrap());
    let sheets = calamine::Sheets::Xlsx(calamine::Reader::new(reader).unwrap());
    let mut ranged = Workbook::Other(Box::new(sheets));
    let a = collect(&mut streamed);
    let b = collect(&mut ranged);
    assert_eq!(a, b);
    assert_eq!(a[0].0, 3);
    assert_eq!(a[1].1, ["", "101902000", "01-01-2025", "TRUE"]);
    assert_eq!(a[2].0, 6);
}

/// 100,000 rows must load within 1.25× of a bare calamine read of the same workbook. Run it in
/// release mode: `cargo test --release --lib aktivliste::tests::speed -- --ignored --nocapture`.
#[test]
#[ignore]
fn speed_of_100k_rows_against_a_bare_calamine_read() {
    use calamine::Reader;
    use std::time::Instant;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("stor.xlsx");
    let mut wb = Workbook::new();
    let date = Format::new().set_num_format("dd-mm-yyyy");
    let ws = wb.add_worksheet();
    ws.set_name("Anmodninger").unwrap();
    for (c, h) in [
        "CPR",
        "Navn",
        "Anmodning ID",
        "Anmodningsdato",
        "Iværksat",
        "Tilbud",
        "KvalHep",
    ]
    .iter()
    .enumerate()
    {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    let dt = ExcelDateTime::from_ymd(2025, 3, 1).unwrap();
    for r in 1..=100_000u32 {
        let day = r % 28 + 1;
        let month = r / 28 % 12 + 1;
        ws.write_string(r, 0, format!("{day:02}{month:02}90-{:04}", r % 10_000))
            .unwrap();
        ws.write_string(r, 1, format!("Borger {r}")).unwrap();
        ws.write_number(r, 2, f64::from(r)).unwrap();
        ws.write_datetime_with_format(r, 3, &dt, &date).unwrap();
        ws.write_string(r, 4, "02-03-2025").unwrap();
        ws.write_string(r, 5, "Rusmiddelcenter").unwrap();
        ws.write_string(r, 6, "Ja").unwrap();
    }
    wb.save(&path).unwrap();

    let best = |f: &dyn Fn()| {
        (0..3)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed()
            })
            .min()
            .unwrap()
    };
    let bare = best(&|| {
        let mut w: calamine::Xlsx<_> = calamine::open_workbook(&path).unwrap();
        let range = w.worksheet_range("Anmodninger").unwrap();
        assert_eq!(range.height(), 100_001);
    });
    let ours = best(&|| {
        let list = load(&path, &LoadOptions::default()).unwrap();
        assert_eq!(list.sheets[0].rows_used + list.rejected.len(), 100_000);
    });
    let ratio = ours.as_secs_f64() / bare.as_secs_f64();
    println!("bare calamine {bare:?}, load {ours:?}, ratio {ratio:.2}");
    if !cfg!(debug_assertions) {
        assert!(ratio <= 1.25, "ratio {ratio:.2}");
    }
}

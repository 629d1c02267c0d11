//! Hidden rows and hidden or very hidden sheets: read like the others (nothing is lost), and
//! said in the load summary, naming the sheet and the hidden rows.

use super::*;

#[test]
fn hidden_sheets_and_rows_are_read_and_said() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("skjult.xlsx");
    let mut visible = text_row(1, &["CPR", "Navn", "Anmodningsdato"]);
    for r in 2..=14 {
        let row = text_row(r, &[&format!("{r:02}0190-2000"), "A", "01-02-2025"]);
        // Rows 3 to 14 but 4 hidden (a filter): twelve rows hidden, one of them empty.
        if r != 2 && r != 4 {
            visible.push_str(&row.replacen("<row ", r#"<row hidden="1" "#, 1));
        } else {
            visible.push_str(&row);
        }
    }
    visible.push_str(r#"<row r="20" hidden="1"/>"#);
    let hidden = [
        text_row(1, &["CPR", "Navn", "Indskrivningsdato"]),
        text_row(2, &["150190-2000", "Bo", "01-02-2025"]),
    ]
    .concat();
    let very = text_row(1, &["Noter"]);
    raw_xlsx_sheets(
        &path,
        &[
            ("Anmodninger", "", sheet_xml(&visible)),
            ("Indskrivninger", "hidden", sheet_xml(&hidden)),
            ("Noter", "veryHidden", sheet_xml(&very)),
        ],
    );
    let list = load_bounded(&path).unwrap();
    // Nothing lost: 13 rows of the visible sheet, 1 of the hidden one.
    assert_eq!(list.citizens.len(), 14);
    assert_eq!(
        list.notes,
        [
            LoadNote::HiddenRows {
                sheet: "Anmodninger".into(),
                rows: HiddenRows {
                    count: 11,
                    first: vec![3, 5, 6, 7, 8, 9, 10, 11, 12, 13]
                }
            },
            LoadNote::HiddenSheet {
                sheet: "Indskrivninger".into(),
                very: false
            },
            LoadNote::HiddenSheet {
                sheet: "Noter".into(),
                very: true
            },
        ]
    );
    let run = plan_with_peak(&path, &[]);
    // The notes alone need nobody: exit 0 (an anmodning without iværksættelse is an ordinary
    // case with a note, guide §4 d).
    run.assert_code(0);
    let err = run.stderr();
    assert!(
        err.contains(
            "Note: sheet 'Anmodninger' has 11 hidden rows (rows 3, 5, 6, 7, 8, 9, 10, 11, 12, 13, …); they were read like the others"
        ),
        "{err}"
    );
    assert!(
        err.contains("Note: sheet 'Indskrivninger' is hidden in the workbook"),
        "{err}"
    );
    assert!(err.contains("Note: sheet 'Noter' is very hidden"), "{err}");
    let run = skifteplan()
        .args(["plan", path.to_str().unwrap(), "--model", "2"])
        .args(["--switch-date", "2026-03-31"])
        .run();
    assert!(
        run.stderr()
            .contains("Bemærk: arket 'Indskrivninger' er skjult i projektmappen"),
        "{}",
        run.stderr()
    );
}

#[test]
fn a_sheet_hidden_by_rust_xlsxwriter_is_said_too() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("skjult-ark.xlsx");
    xlsx_rows(
        &path,
        &[
            (
                "Anmodninger",
                false,
                vec![
                    vec![Some("CPR"), Some("Anmodningsdato")],
                    vec![Some("010190-2000"), Some("01-02-2025")],
                ],
            ),
            (
                "Gemt",
                true,
                vec![
                    vec![Some("CPR"), Some("Anmodningsdato")],
                    vec![Some("020190-3000"), Some("01-02-2025")],
                ],
            ),
        ],
    );
    let list = load_bounded(&path).unwrap();
    assert_eq!(list.citizens.len(), 2);
    assert_eq!(
        list.notes,
        [LoadNote::HiddenSheet {
            sheet: "Gemt".into(),
            very: false
        }]
    );
}

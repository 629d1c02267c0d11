//! Sheets and headers: merged cells over the header, hidden sheets, duplicate and two-row
//! headers.

use super::*;

#[test]
fn merged_cells_over_the_header() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("flettet.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Anmodninger").unwrap();
    let f = Format::new();
    ws.merge_range(0, 0, 0, 4, "Aktivliste for Eksempel Kommune", &f)
        .unwrap();
    ws.write_string(1, 0, "CPR").unwrap();
    ws.write_string(1, 1, "Navn").unwrap();
    // "Anmodningsdato" over C and D, with the dates in C.
    ws.merge_range(1, 2, 1, 3, "Anmodningsdato", &f).unwrap();
    ws.write_string(1, 4, "Tilbud").unwrap();
    for (r, cpr) in [(2, "010190-2000"), (3, "020190-3000")] {
        ws.write_string(r, 0, cpr).unwrap();
        ws.write_string(r, 1, "Navn").unwrap();
        ws.write_string(r, 2, "01-02-2025").unwrap();
        ws.write_string(r, 4, "Tilbud A").unwrap();
    }
    wb.save(&path).unwrap();
    let list = load_bounded(&path).expect("the list loads");
    assert_eq!(list.citizens.len(), 2);
    assert_eq!(list.sheets[0].header_row, 2);
    assert!(
        list.sheets[0]
            .mapping
            .iter()
            .any(|(f, h)| *f == Field::Anmodningsdato && h == "Anmodningsdato")
    );
    assert!(list.rejected.is_empty(), "{:?}", list.rejected);
}

#[test]
fn hidden_sheets_are_read_like_any_other() {
    // A hidden sheet is still part of the list: its rows are read, and a hidden helper sheet
    // is listed as ignored, never dropped silently.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("skjult.xlsx");
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
                "Indskrivninger",
                true,
                vec![
                    vec![Some("CPR"), Some("Tilbud"), Some("Indskrivningsdato")],
                    vec![Some("020190-3000"), Some("Tilbud A"), Some("01-03-2025")],
                ],
            ),
            ("Opslag", true, vec![vec![Some("a"), Some("b")]]),
        ],
    );
    let list = load_bounded(&path).expect("the list loads");
    assert_eq!(list.citizens.len(), 2);
    assert_eq!(list.sheets.len(), 2);
    assert_eq!(list.ignored_sheets.len(), 1);
    assert_eq!(list.ignored_sheets[0].name, "Opslag");
}

#[test]
fn duplicate_header_names() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dubletter.xlsx");
    xlsx_rows(
        &path,
        &[(
            "Anmodninger",
            false,
            vec![
                vec![
                    Some("CPR"),
                    Some("Navn"),
                    Some("Anmodningsdato"),
                    Some("Navn"),
                ],
                vec![
                    Some("010190-2000"),
                    Some("Anna"),
                    Some("01-02-2025"),
                    Some("X"),
                ],
            ],
        )],
    );
    let list = load_bounded(&path).expect("the list loads");
    assert_eq!(list.citizens[0].name.as_deref(), Some("Anna"));
    assert_eq!(list.sheets[0].unused_headers, ["Navn"]);
}

#[test]
fn two_header_rows() {
    let dir = tempfile::tempdir().unwrap();
    // A group row above the real header.
    let path = dir.path().join("grupper.xlsx");
    xlsx_rows(
        &path,
        &[(
            "Anmodninger",
            false,
            vec![
                vec![Some("Person"), None, Some("Anmodning"), None],
                vec![
                    Some("CPR"),
                    Some("Navn"),
                    Some("Anmodningsdato"),
                    Some("Iværksat"),
                ],
                vec![
                    Some("010190-2000"),
                    Some("Anna"),
                    Some("01-02-2025"),
                    Some("03-02-2025"),
                ],
            ],
        )],
    );
    let list = load_bounded(&path).expect("the list loads");
    assert_eq!(list.sheets[0].header_row, 2);
    assert_eq!(list.citizens.len(), 1);
    // The header twice: the second is a repeated header, reported, not a citizen.
    let path = dir.path().join("to-gange.xlsx");
    let header = vec![Some("CPR"), Some("Navn"), Some("Anmodningsdato")];
    xlsx_rows(
        &path,
        &[(
            "Anmodninger",
            false,
            vec![
                header.clone(),
                header,
                vec![Some("010190-2000"), Some("Anna"), Some("01-02-2025")],
            ],
        )],
    );
    let list = load_bounded(&path).expect("the list loads");
    assert_eq!(list.sheets[0].header_row, 1);
    assert_eq!(list.citizens.len(), 1);
    assert_eq!(list.rejected.len(), 1);
    assert_eq!(list.rejected[0].reason, RejectReason::RepeatedHeader);
}

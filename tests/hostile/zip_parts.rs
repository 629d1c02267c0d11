//! A zip with two parts of the same name: which one a reader takes is a guess, so the file is
//! refused, naming the part.

use super::*;

/// A one-sheet workbook whose zip holds `xl/worksheets/sheet1.xml` twice (the second named
/// `second`, same length, before it is renamed in place).
fn duplicated(path: &Path, second: &str) {
    let one = sheet_xml(&header_and_two_rows());
    let other = sheet_xml(&text_row(1, &["CPR", "Navn", "Anmodningsdato"]));
    let placeholder = "xl/worksheets/sheetZ.xml";
    zip_file(
        path,
        &[
            ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
            ("_rels/.rels", ROOT_RELS.as_bytes()),
            ("xl/workbook.xml", WORKBOOK.as_bytes()),
            ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS.as_bytes()),
            ("xl/worksheets/sheet1.xml", one.as_bytes()),
            (placeholder, other.as_bytes()),
        ],
    );
    assert_eq!(second.len(), placeholder.len());
    let mut bytes = std::fs::read(path).unwrap();
    let mut i = 0;
    while let Some(at) = bytes[i..]
        .windows(placeholder.len())
        .position(|w| w == placeholder.as_bytes())
    {
        bytes[i + at..i + at + placeholder.len()].copy_from_slice(second.as_bytes());
        i += at + placeholder.len();
    }
    std::fs::write(path, bytes).unwrap();
}

#[test]
fn a_part_twice_in_the_zip_refuses_the_file() {
    let dir = tempfile::tempdir().unwrap();
    for (file, second) in [
        ("dobbelt.xlsx", "xl/worksheets/sheet1.xml"),
        // Calamine finds parts without regard to case.
        ("dobbelt-store.xlsx", "XL/Worksheets/Sheet1.xml"),
    ] {
        let path = dir.path().join(file);
        duplicated(&path, second);
        let e = load_error(&path);
        assert_eq!(
            problem(&e),
            &SpreadsheetProblem::DuplicatePart {
                part: "xl/worksheets/sheet1.xml".into()
            }
        );
        assert!(e.message(Lang::En).contains("is in the file twice"));
        let run = plan_with_peak(&path, &[]);
        run.assert_code(2);
        assert!(run.stderr().contains("xl/worksheets/sheet1.xml"));
    }
}

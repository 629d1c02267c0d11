//! Rows stored out of order in a sheet's XML: a data row before the header, or a cell of an
//! earlier row after a later one, would be dropped or split without a word. The workbook is
//! refused instead, naming the sheet; nothing is planned from half a list.

use super::*;

const HEADER: [&str; 3] = ["CPR", "Navn", "Anmodningsdato"];

fn refused(path: &Path, row: u32, after: u32) {
    let e = load_error(path);
    assert_eq!(
        problem(&e),
        &SpreadsheetProblem::RowsOutOfOrder {
            sheet: "Anmodninger".into(),
            row,
            after
        }
    );
    let m = e.message(Lang::En);
    assert!(m.contains("'Anmodninger'") && m.contains("order"), "{m}");
    let run = plan_with_peak(path, &[]);
    run.assert_code(2);
    assert!(run.stderr().contains("'Anmodninger'"), "{}", run.stderr());
}

#[test]
fn data_rows_stored_before_the_header_refuse_the_workbook() {
    let dir = tempfile::tempdir().unwrap();
    // Every data row before the header: read in stored order, no citizen at all.
    let path = dir.path().join("bagvendt.xlsx");
    let rows = [
        text_row(2, &["010190-2000", "Anna", "01-02-2025"]),
        text_row(3, &["020190-3000", "Bo", "01-02-2025"]),
        text_row(1, &HEADER),
    ]
    .concat();
    raw_xlsx(&path, sheet_xml(&rows).as_bytes(), None);
    refused(&path, 1, 3);

    // One data row before the header, one after.
    let path = dir.path().join("en-foer.xlsx");
    let rows = [
        text_row(3, &["020190-3000", "Bo", "01-02-2025"]),
        text_row(1, &HEADER),
        text_row(2, &["010190-2000", "Anna", "01-02-2025"]),
    ]
    .concat();
    raw_xlsx(&path, sheet_xml(&rows).as_bytes(), None);
    refused(&path, 1, 3);

    // Two data rows swapped after the header.
    let path = dir.path().join("byttet.xlsx");
    let rows = [
        text_row(1, &HEADER),
        text_row(5, &["010190-2000", "Anna", "01-02-2025"]),
        text_row(3, &["020190-3000", "Bo", "01-02-2025"]),
    ]
    .concat();
    raw_xlsx(&path, sheet_xml(&rows).as_bytes(), None);
    refused(&path, 3, 5);
}

#[test]
fn a_cell_of_an_earlier_row_after_a_later_one_refuses_the_workbook() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("celle-tilbage.xlsx");
    // Row 3's date cell says it is in row 2.
    let rows = format!(
        r#"{}{}<row r="3">{}{}{}</row>"#,
        text_row(1, &HEADER),
        text_row(2, &["010190-2000", "Anna", "01-02-2025"]),
        s("A3", "020190-3000"),
        s("B3", "Bo"),
        s("C2", "01-02-2025"),
    );
    raw_xlsx(&path, sheet_xml(&rows).as_bytes(), None);
    refused(&path, 2, 3);
}

#[test]
fn a_column_stored_twice_or_backwards_in_a_row_refuses_the_workbook() {
    let dir = tempfile::tempdir().unwrap();
    for (file, second, after) in [("to-gange.xlsx", "C2", "C2"), ("baglaens.xlsx", "B2", "C2")] {
        let path = dir.path().join(file);
        // Two values for one column (one would be lost), or a column to the left.
        let rows = format!(
            r#"{}<row r="2">{}{}{}</row>"#,
            text_row(1, &HEADER),
            s("A2", "010190-2000"),
            s("C2", "01-02-2025"),
            s(second, "05-05-2025"),
        );
        raw_xlsx(&path, sheet_xml(&rows).as_bytes(), None);
        let e = load_error(&path);
        assert_eq!(
            problem(&e),
            &SpreadsheetProblem::CellsOutOfOrder {
                sheet: "Anmodninger".into(),
                cell: second.into(),
                after: after.into(),
            }
        );
        plan_with_peak(&path, &[]).assert_code(2);
    }
}

#[test]
fn rows_in_order_with_gaps_and_without_numbers_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huller.xlsx");
    // Rows without `r` follow the one before; gaps are fine.
    let rows = format!(
        "{}<row>{}{}{}</row>{}",
        text_row(1, &HEADER),
        r#"<c t="inlineStr"><is><t>010190-2000</t></is></c>"#,
        r#"<c t="inlineStr"><is><t>Anna</t></is></c>"#,
        r#"<c t="inlineStr"><is><t>01-02-2025</t></is></c>"#,
        text_row(7, &["020190-3000", "Bo", "01-02-2025"]),
    );
    raw_xlsx(&path, sheet_xml(&rows).as_bytes(), None);
    let list = load_bounded(&path).unwrap();
    let rows: Vec<u32> = list
        .citizens
        .iter()
        .map(|c| c.anmodninger[0].source.row)
        .collect();
    assert_eq!(rows, [2, 7]);
    assert!(list.rejected.is_empty());
}

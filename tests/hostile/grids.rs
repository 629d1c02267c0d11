//! Dense grids and many rows: one stray cell far out, and a million empty formatted rows.

use super::*;

#[test]
fn a_stray_cell_at_xfd1048576_under_a_full_dimension() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("langt-ude.xlsx");
    let sheet = format!(
        r#"{SHEET_START}<dimension ref="A1:XFD1048576"/><sheetData>{}<row r="1048576">{}</row></sheetData></worksheet>"#,
        header_and_two_rows(),
        s("XFD1048576", "x")
    );
    raw_xlsx(&path, sheet.as_bytes(), None);
    let list = load_bounded(&path).expect("the list loads");
    assert_eq!(list.citizens.len(), 2);
    // The stray cell is a row without a CPR: kept and reported, not dropped.
    assert_eq!(list.rejected.len(), 1, "{:?}", list.rejected);
    assert_eq!(list.rejected[0].source.row, 1_048_576);
    assert_eq!(list.rejected[0].reason, RejectReason::NoteLine);
    let run = plan_with_peak(&path, &[]);
    run.assert_code(1);
}

/// An `.ods` with the header and two rows, then repeated empty rows and a cell in the last
/// column (XFD) of the last row.
fn far_ods(path: &Path, last_row_repeats: u32) {
    far_ods_at(path, last_row_repeats, 16_384);
}

/// An `.ods` with the header and two rows, then `last_row_repeats` empty rows and a cell in
/// column number `last_column` of the last row.
fn far_ods_at(path: &Path, last_row_repeats: u32, last_column: u32) {
    let cell = |t: &str| {
        format!(
            r#"<table:table-cell office:value-type="string"><text:p>{t}</text:p></table:table-cell>"#
        )
    };
    let row = |cells: &[&str]| {
        let c: String = cells.iter().map(|t| cell(t)).collect();
        format!("<table:table-row>{c}</table:table-row>")
    };
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Anmodninger">{}{}{}<table:table-row table:number-rows-repeated="{last_row_repeats}"><table:table-cell/></table:table-row><table:table-row><table:table-cell table:number-columns-repeated="{}"/>{}</table:table-row></table:table></office:spreadsheet></office:body></office:document-content>"#,
        row(&["CPR", "Navn", "Anmodningsdato"]),
        row(&["010190-2000", "Anna", "01-02-2025"]),
        row(&["020190-3000", "Bo", "2025-02-03"]),
        last_column - 1,
        cell("x"),
    );
    let manifest = r#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;
    zip_file(
        path,
        &[
            (
                "mimetype",
                b"application/vnd.oasis.opendocument.spreadsheet".as_slice(),
            ),
            ("META-INF/manifest.xml", manifest.as_bytes()),
            ("content.xml", content.as_bytes()),
        ],
    );
}

#[test]
fn a_stray_cell_far_out_in_an_ods_makes_no_dense_grid() {
    let dir = tempfile::tempdir().unwrap();
    // At XFD1048576: 17 billion cells.
    let path = dir.path().join("langt-ude.ods");
    far_ods(&path, 1_048_572);
    match load_bounded(&path) {
        Ok(list) => assert_eq!(list.citizens.len(), 2),
        Err(e) => {
            let m = e.message(Lang::En);
            assert!(!m.contains('\n') && m.contains("langt-ude.ods"), "{m}");
            eprintln!("{m}");
        }
    }
    plan_with_peak(&path, &[]);
}

#[test]
fn a_stray_cell_at_xfd5000_in_an_ods_is_refused_before_the_reader_builds_its_grid() {
    let dir = tempfile::tempdir().unwrap();
    // At XFD4999: 80 million cells, under the ods reader's own cap of 100 million, so only our
    // count of content.xml stops it (the reader alone would take gigabytes).
    let path = dir.path().join("noget-ude.ods");
    far_ods(&path, 4995);
    let e = load_error(&path);
    assert!(
        matches!(problem(&e), SpreadsheetProblem::TooManyCells { sheet, rows, columns }
            if sheet == "Anmodninger" && *rows == 4999 && *columns == 16_384),
        "{e:?}"
    );
    let m = e.message(Lang::En);
    assert!(
        m.contains("sheet 'Anmodninger' spans 4999 rows × 16384 columns, 82 million cells"),
        "{m}"
    );
    eprintln!("{m}");
    let run = plan_with_peak(&path, &[]);
    run.assert_code(2);
}

#[test]
fn an_ods_list_of_ordinary_size_still_loads() {
    let dir = tempfile::tempdir().unwrap();
    // Two real rows, then a few hundred empty rows and a last cell in column 100: about 30,000
    // cells, well within what the reader may build.
    let path = dir.path().join("lidt-ude.ods");
    far_ods_at(&path, 300, 100);
    let list = load_bounded(&path).expect("the list loads");
    assert_eq!(list.citizens.len(), 2);
}

#[test]
fn a_million_empty_formatted_rows() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("million.xlsx");
    let mut sheet = String::with_capacity(60 << 20);
    sheet.push_str(SHEET_START);
    sheet.push_str(r#"<dimension ref="A1:F1000003"/><sheetData>"#);
    sheet.push_str(&header_and_two_rows());
    for r in 4..=1_000_003u32 {
        use std::fmt::Write;
        write!(
            sheet,
            r#"<row r="{r}" s="1" customFormat="1"><c r="A{r}" s="1"/><c r="F{r}" s="1"/></row>"#
        )
        .unwrap();
    }
    sheet.push_str("</sheetData></worksheet>");
    raw_xlsx(&path, sheet.as_bytes(), None);
    drop(sheet);
    // Through the binary only (one read of a million rows is slow enough in a debug build).
    let run = plan_with_peak(&path, &[]);
    assert_ne!(run.code(), 2, "{}", run.stderr());
    assert!(run.stderr().contains("Citizens: 2"), "{}", run.stderr());
    assert!(
        run.stderr().contains("Rejected rows: 0"),
        "{}",
        run.stderr()
    );
}

//! Dates past the range a case can have, whatever the cell type: a date cell typed as year
//! 2204, Excel's largest date, a date cell past it, NaN, the serial of 29-02-1900 (a day that
//! never existed), and plain serial numbers in a workbook saved in the 1904 date system.

use super::*;

/// The rejected rows of a list, by row number, with their English reason.
fn rejected(list: &Aktivliste) -> Vec<(u32, String)> {
    list.rejected
        .iter()
        .map(|r| (r.source.row, r.reason.message(Lang::En)))
        .collect()
}

#[test]
fn date_cells_outside_the_years_of_a_case_are_rejected_at_their_row() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("datoer.xlsx");
    let mut wb = Workbook::new();
    let date = Format::new().set_num_format("dd-mm-yyyy");
    let ws = wb.add_worksheet();
    ws.set_name("Anmodninger").unwrap();
    for (c, h) in ["CPR", "Navn", "Anmodningsdato", "KvalHep"]
        .iter()
        .enumerate()
    {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    // Row 2 is a good one; 3 to 7 hold a date no case can have; 8 a bad KvalHep date.
    let serials: [(&str, f64); 7] = [
        ("010190-2000", 45717.0),     // 01-03-2025
        ("020190-3000", 111_158.0),   // 01-05-2204
        ("030190-4000", 2_958_465.0), // 31-12-9999, Excel's last day
        ("040190-5000", 3_000_000.0), // past it
        ("050190-6000", f64::NAN),
        ("060190-7000", 60.0), // 29-02-1900
        ("070190-8000", 45717.0),
    ];
    for (i, (cpr, serial)) in serials.iter().enumerate() {
        let r = i as u32 + 1;
        ws.write_string(r, 0, *cpr).unwrap();
        ws.write_string(r, 1, "Navn").unwrap();
        ws.write_number_with_format(r, 2, *serial, &date).unwrap();
    }
    ws.write_number_with_format(7, 3, 111_158.0, &date).unwrap();
    wb.save(&path).unwrap();

    let list = load_bounded(&path).expect("the list loads");
    let got = rejected(&list);
    let rows: Vec<u32> = got.iter().map(|(r, _)| *r).collect();
    assert_eq!(rows, [3, 4, 5, 6, 7, 8], "{got:#?}");
    assert_eq!(list.citizens.len(), 1, "{got:#?}");
    assert_eq!(
        list.citizens[0].anmodninger[0].anmodningsdato,
        chrono::NaiveDate::from_ymd_opt(2025, 3, 1).unwrap()
    );
    for (row, m) in &got {
        assert!(
            m.contains("Anmodningsdato") || m.contains("KvalHep"),
            "row {row}: {m}"
        );
    }
    // 2204, 9999 and past Excel's last day name the range; NaN (which the writer stores as
    // text) is not a date; 29-02-1900 never existed.
    for i in [0, 1, 2, 5] {
        assert!(
            got[i].1.contains("1900-2100"),
            "row {}: {}",
            got[i].0,
            got[i].1
        );
    }
    assert!(got[3].1.contains("not a date"), "NaN: {}", got[3].1);
    assert!(got[4].1.contains("impossible"), "29-02-1900: {}", got[4].1);
}

#[test]
fn plain_serials_in_a_1904_workbook_count_from_1904() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mac.xlsx");
    // A workbook saved in the 1904 date system; the dates lost their format and are plain
    // numbers: 44255 is 01-03-2025 there (45717 in the 1900 system).
    let workbook = WORKBOOK.replace("<sheets>", r#"<workbookPr date1904="1"/><sheets>"#);
    let sheet = format!(
        r#"{SHEET_START}<sheetData><row r="1">{}{}{}</row><row r="2">{}{}<c r="C2"><v>44255</v></c></row></sheetData></worksheet>"#,
        s("A1", "CPR"),
        s("B1", "Navn"),
        s("C1", "Anmodningsdato"),
        s("A2", "010190-2000"),
        s("B2", "Anna"),
    );
    zip_file(
        &path,
        &[
            ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
            ("_rels/.rels", ROOT_RELS.as_bytes()),
            ("xl/workbook.xml", workbook.as_bytes()),
            ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS.as_bytes()),
            ("xl/worksheets/sheet1.xml", sheet.as_bytes()),
        ],
    );
    let list = load_bounded(&path).expect("the list loads");
    assert!(list.rejected.is_empty(), "{:#?}", rejected(&list));
    assert_eq!(
        list.citizens[0].anmodninger[0].anmodningsdato,
        chrono::NaiveDate::from_ymd_opt(2025, 3, 1).unwrap()
    );
}

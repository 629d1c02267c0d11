//! Cells whose value cannot be had: a formula saved without its value (written by a program
//! that does not calculate), a cell the reader refuses (an unknown type, a number that is not
//! one), and the newer Excel error values. Each rejects its own row with a reason naming the
//! column and cell; the rest of the sheet is read.

use super::*;

fn reasons(list: &Aktivliste) -> Vec<(u32, &'static str, String)> {
    list.rejected
        .iter()
        .map(|r| (r.source.row, r.reason.key(), r.reason.message(Lang::En)))
        .collect()
}

#[test]
fn a_formula_without_its_value_rejects_its_row_and_says_to_save_it_in_excel() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("uberegnet.xlsx");
    let rows = format!(
        r#"{}
<row r="2">{}{}<c r="C2"><f>DATE(2025,1,2)</f></c></row>
<row r="3">{}{}{}<c r="D3"><f>TODAY()</f></c></row>
<row r="4">{}{}{}</row>
<row r="5">{}{}{}<c r="E5"><f>A5</f></c></row>
<row r="6">{}{}<c r="C6"><f>DATE(2025,1,2)</f><v>45659</v></c></row>"#,
        text_row(1, &["CPR", "Navn", "Anmodningsdato", "Slutdato"]),
        s("A2", "010190-2000"),
        s("B2", "Anna"),
        s("A3", "020190-3000"),
        s("B3", "Bo"),
        s("C3", "01-02-2025"),
        s("A4", "030190-4000"),
        s("B4", "Cille"),
        s("C4", "01-02-2025"),
        s("A5", "040190-5000"),
        s("B5", "Dan"),
        s("C5", "01-02-2025"),
        s("A6", "050190-6000"),
        s("B6", "Eva"),
    );
    raw_xlsx(&path, sheet_xml(&rows).as_bytes(), None);
    let list = load_bounded(&path).unwrap();
    // The formula in a column that is not used does not matter; one with its value is read.
    assert_eq!(list.citizens.len(), 3, "{:?}", reasons(&list));
    let got = reasons(&list);
    assert_eq!(
        got.iter().map(|(r, k, _)| (*r, *k)).collect::<Vec<_>>(),
        [(2, "formula_without_value"), (3, "formula_without_value")]
    );
    assert!(got[0].2.contains("Anmodningsdato (C2)"), "{}", got[0].2);
    assert!(got[1].2.contains("Slutdato (D3)"), "{}", got[1].2);
    assert!(got[0].2.contains("open the workbook in Excel and save it"));
    assert!(
        list.rejected[0]
            .reason
            .message(Lang::Da)
            .contains("åbn projektmappen i Excel og gem den")
    );
}

#[test]
fn a_cell_the_reader_refuses_rejects_only_its_row() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ulaeselig.xlsx");
    let sst = br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>Anna</t></si></sst>"#;
    let rows = format!(
        r#"{}
<row r="2">{}<c r="B2" t="s"><v>0</v></c>{}</row>
<row r="3">{}{}<c r="C3" t="x"><v>1</v></c></row>
<row r="4">{}{}<c r="C4" t="n"><v>abc</v></c></row>
<row r="5">{}{}<c r="C5" t="b"><v>måske</v></c></row>
<row r="6">{}<c r="B6" t="s"><v>99</v></c>{}</row>
<row r="7">{}{}{}</row>"#,
        text_row(1, &["CPR", "Navn", "Anmodningsdato"]),
        s("A2", "010190-2000"),
        s("C2", "01-02-2025"),
        s("A3", "020190-3000"),
        s("B3", "Bo"),
        s("A4", "030190-4000"),
        s("B4", "Cille"),
        s("A5", "040190-5000"),
        s("B5", "Dan"),
        s("A6", "050190-6000"),
        s("C6", "01-02-2025"),
        s("A7", "060190-7000"),
        s("B7", "Eva"),
        s("C7", "01-02-2025"),
    );
    raw_xlsx(&path, sheet_xml(&rows).as_bytes(), Some(sst));
    let list = load_bounded(&path).expect("one bad cell does not refuse the workbook");
    let names: Vec<_> = list.citizens.iter().map(|c| c.name.as_deref()).collect();
    assert_eq!(names, [Some("Anna"), Some("Eva")]);
    let got = reasons(&list);
    assert_eq!(
        got.iter().map(|(r, k, _)| (*r, *k)).collect::<Vec<_>>(),
        [
            (3, "unreadable_cell"),
            (4, "unreadable_cell"),
            (5, "unreadable_cell"),
            (6, "unreadable_cell")
        ]
    );
    for (cell, (_, _, m)) in [
        "Anmodningsdato (C3)",
        "Anmodningsdato (C4)",
        "Anmodningsdato (C5)",
        "Navn (B6)",
    ]
    .iter()
    .zip(&got)
    {
        assert!(m.contains(cell) && m.contains("cannot be read"), "{m}");
    }
    // The plan says sheet, row, column and why.
    let run = plan_with_peak(&path, &[]);
    run.assert_code(1);
    assert!(
        run.stderr()
            .contains("'Anmodninger' row 3: Anmodningsdato (C3): the cell cannot be read"),
        "{}",
        run.stderr()
    );
}

#[test]
fn the_newer_excel_error_values_are_error_cells() {
    const NEWER: [&str; 9] = [
        "#SPILL!",
        "#CALC!",
        "#GETTING_DATA",
        "#FIELD!",
        "#BLOCKED!",
        "#CONNECT!",
        "#BUSY!",
        "#UNKNOWN!",
        "#PYTHON!",
    ];
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nye-fejl.xlsx");
    let mut rows = text_row(1, &["CPR", "Navn", "Anmodningsdato"]);
    for (i, e) in NEWER.iter().enumerate() {
        let r = i + 2;
        rows.push_str(&format!(
            r#"<row r="{r}">{}{}<c r="C{r}" t="e"><f>SEQUENCE(3)</f><v>{e}</v></c></row>"#,
            s(&format!("A{r}"), "010190-2000"),
            s(&format!("B{r}"), "Anna"),
        ));
    }
    rows.push_str(&text_row(11, &["020190-3000", "Bo", "01-02-2025"]));
    raw_xlsx(&path, sheet_xml(&rows).as_bytes(), None);
    let list = load_bounded(&path).expect("error cells do not refuse the workbook");
    assert_eq!(list.citizens.len(), 1);
    assert_eq!(list.rejected.len(), NEWER.len());
    for (r, e) in list.rejected.iter().zip(NEWER) {
        assert!(
            matches!(&r.reason, RejectReason::BadDate { text, .. } if text == e),
            "{r:?}"
        );
    }
}

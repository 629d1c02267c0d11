//! Cell contents: cells of 32,000 characters, formulas and error cells where dates belong.

use super::*;

#[test]
fn cells_of_32000_characters() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lange.xlsx");
    let long_name = "Å".repeat(32_000);
    let long_date = "1".repeat(32_000);
    let long_cpr = "0".repeat(32_000);
    xlsx_rows(
        &path,
        &[(
            "Anmodninger",
            false,
            vec![
                vec![Some("CPR"), Some("Navn"), Some("Anmodningsdato")],
                vec![Some("010190-2000"), Some(&long_name), Some("01-02-2025")],
                vec![Some("020190-3000"), Some("Bo"), Some(&long_date)],
                vec![Some(&long_cpr), Some("Cille"), Some("01-02-2025")],
            ],
        )],
    );
    let list = load_bounded(&path).expect("the list loads");
    assert_eq!(list.citizens.len(), 1);
    assert_eq!(list.citizens[0].name.as_deref(), Some(long_name.as_str()));
    assert_eq!(list.rejected.len(), 2);
    for r in &list.rejected {
        let m = r.reason.message(Lang::En);
        assert!(!m.contains('\n'));
        eprintln!("row {}: {} chars: {}…", r.source.row, m.len(), {
            let mut s: String = m.chars().take(80).collect();
            s.push('…');
            s
        });
    }
    assert!(matches!(
        &list.rejected[0].reason,
        RejectReason::BadDate { column, .. } if column == "Anmodningsdato"
    ));
    assert!(matches!(
        list.rejected[1].reason,
        RejectReason::InvalidCpr(_)
    ));
}

#[test]
fn formulas_and_error_cells_where_dates_belong() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("formler.xlsx");
    let sheet = format!(
        r#"{SHEET_START}<sheetData><row r="1">{}{}{}</row>
<row r="2">{}<c r="C2" t="e"><f>NA()</f><v>#N/A</v></c></row>
<row r="3">{}<c r="C3" t="e"><f>#REF!+1</f><v>#REF!</v></c></row>
<row r="4">{}<c r="C4" t="str"><f>A1</f><v>CPR</v></c></row>
<row r="5">{}<c r="C5"><f>DATE(2025,1,2)</f><v>45659</v></c></row>
</sheetData></worksheet>"#,
        s("A1", "CPR"),
        s("B1", "Navn"),
        s("C1", "Anmodningsdato"),
        s("A2", "010190-2000"),
        s("A3", "020190-3000"),
        s("A4", "030190-4000"),
        s("A5", "040190-5000"),
    );
    raw_xlsx(&path, sheet.as_bytes(), None);
    let list = load_bounded(&path).expect("the list loads");
    // The formula whose value is a date serial is a date.
    assert_eq!(list.citizens.len(), 1);
    let rows: Vec<u32> = list.rejected.iter().map(|r| r.source.row).collect();
    assert_eq!(rows, [2, 3, 4]);
    for r in &list.rejected {
        let m = r.reason.message(Lang::En);
        assert!(m.contains("Anmodningsdato"), "row {}: {m}", r.source.row);
    }
    assert!(
        list.rejected[0].reason.message(Lang::En).contains("#N/A"),
        "{:?}",
        list.rejected[0]
    );
    assert!(list.rejected[1].reason.message(Lang::En).contains("#REF!"));
}

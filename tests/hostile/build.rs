//! Building files: zips and workbooks written by hand or with the zip crate, for the other
//! sections.

use super::*;

/// A zip written with the zip crate, parts in order, deflated at the lowest level.
pub(crate) fn zip_file(path: &Path, parts: &[(&str, &[u8])]) {
    let file = std::fs::File::create(path).unwrap();
    let mut z = zip::ZipWriter::new(std::io::BufWriter::new(file));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1));
    for (name, bytes) in parts {
        z.start_file(*name, options).unwrap();
        z.write_all(bytes).unwrap();
    }
    z.finish().unwrap();
}

pub(crate) const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>"#;
pub(crate) const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;
pub(crate) const WORKBOOK: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Anmodninger" sheetId="1" r:id="rId1"/></sheets></workbook>"#;
pub(crate) const WORKBOOK_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#;
pub(crate) const SHEET_START: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#;

/// Inline-string cell XML.
pub(crate) fn s(cell: &str, text: &str) -> String {
    format!(r#"<c r="{cell}" t="inlineStr"><is><t>{text}</t></is></c>"#)
}

/// The header and two citizens as sheet rows 1 to 3.
pub(crate) fn header_and_two_rows() -> String {
    format!(
        r#"<row r="1">{}{}{}</row><row r="2">{}{}{}</row><row r="3">{}{}{}</row>"#,
        s("A1", "CPR"),
        s("B1", "Navn"),
        s("C1", "Anmodningsdato"),
        s("A2", "010190-2000"),
        s("B2", "Anna"),
        s("C2", "01-02-2025"),
        s("A3", "020190-3000"),
        s("B3", "Bo"),
        s("C3", "2025-02-03"),
    )
}

/// A one-sheet `.xlsx` from raw sheet XML (and shared strings, when given).
pub(crate) fn raw_xlsx(path: &Path, sheet_xml: &[u8], shared_strings: Option<&[u8]>) {
    let mut parts: Vec<(&str, &[u8])> = vec![
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        ("_rels/.rels", ROOT_RELS.as_bytes()),
        ("xl/workbook.xml", WORKBOOK.as_bytes()),
        ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS.as_bytes()),
    ];
    if let Some(sst) = shared_strings {
        parts.push(("xl/sharedStrings.xml", sst));
    }
    parts.push(("xl/worksheets/sheet1.xml", sheet_xml));
    zip_file(path, &parts);
}

/// A workbook written with rust_xlsxwriter: rows of text cells per sheet, `None` for a gap.
pub(crate) type Rows<'a> = Vec<Vec<Option<&'a str>>>;

pub(crate) fn xlsx_rows(path: &Path, sheets: &[(&str, bool, Rows<'_>)]) {
    let mut wb = Workbook::new();
    for (name, hidden, rows) in sheets {
        let ws = wb.add_worksheet();
        ws.set_name(*name).unwrap();
        for (r, row) in rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                if let Some(v) = v {
                    ws.write_string(r as u32, c as u16, *v).unwrap();
                }
            }
        }
        if *hidden {
            ws.set_hidden(true);
        }
    }
    wb.save(path).unwrap();
}

/// A `.xlsx` of raw sheets, each `(name, state, sheet XML)`: `state` is the `<sheet state>`
/// attribute (`hidden`, `veryHidden`) or empty.
pub(crate) fn raw_xlsx_sheets(path: &Path, sheets: &[(&str, &str, String)]) {
    let mut book = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>"#,
    );
    let mut rels = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    );
    let mut names = Vec::new();
    for (i, (name, state, _)) in sheets.iter().enumerate() {
        let n = i + 1;
        let state = if state.is_empty() {
            String::new()
        } else {
            format!(r#" state="{state}""#)
        };
        book.push_str(&format!(
            r#"<sheet name="{name}" sheetId="{n}"{state} r:id="rId{n}"/>"#
        ));
        rels.push_str(&format!(
            r#"<Relationship Id="rId{n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{n}.xml"/>"#
        ));
        names.push(format!("xl/worksheets/sheet{n}.xml"));
    }
    book.push_str("</sheets></workbook>");
    rels.push_str("</Relationships>");
    let mut parts: Vec<(&str, &[u8])> = vec![
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        ("_rels/.rels", ROOT_RELS.as_bytes()),
        ("xl/workbook.xml", book.as_bytes()),
        ("xl/_rels/workbook.xml.rels", rels.as_bytes()),
    ];
    for (name, (_, _, xml)) in names.iter().zip(sheets) {
        parts.push((name.as_str(), xml.as_bytes()));
    }
    zip_file(path, &parts);
}

/// A sheet's XML from its rows' XML.
pub(crate) fn sheet_xml(rows: &str) -> String {
    format!("{SHEET_START}<sheetData>{rows}</sheetData></worksheet>")
}

/// A row of inline-string cells from column A, `r` as given.
pub(crate) fn text_row(r: u32, texts: &[&str]) -> String {
    let cells: String = texts
        .iter()
        .enumerate()
        .filter(|(_, t)| !t.is_empty())
        .map(|(i, t)| s(&format!("{}{r}", (b'A' + i as u8) as char), t))
        .collect();
    format!(r#"<row r="{r}">{cells}</row>"#)
}

//! An action sheet as a spreadsheet program sees it: read into grids of cells, edited, and
//! saved again (text, numbers and dates), for the tests that tamper with a plan.
#![allow(dead_code)]

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use rust_xlsxwriter::{Format, Workbook};

pub type Grid = Vec<Vec<Data>>;
pub type Sheets = Vec<(String, Grid)>;

pub fn read_sheets(bytes: &[u8]) -> Sheets {
    let mut wb: Xlsx<_> = open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    wb.sheet_names()
        .into_iter()
        .map(|name| {
            let range = wb.worksheet_range(&name).unwrap();
            assert_eq!(range.start().unwrap_or((0, 0)), (0, 0));
            let grid = range.rows().map(|r| r.to_vec()).collect();
            (name, grid)
        })
        .collect()
}

/// Writes the sheets again, as a spreadsheet program saves them: text, numbers and dates.
pub fn write_sheets(sheets: &Sheets) -> Vec<u8> {
    let mut wb = Workbook::new();
    let date = Format::new().set_num_format("dd-mm-yyyy");
    for (name, grid) in sheets {
        let ws = wb.add_worksheet();
        ws.set_name(name).unwrap();
        for (r, row) in grid.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                match cell {
                    Data::String(s) => {
                        ws.write_string(r, c, s).unwrap();
                    }
                    Data::Float(f) => {
                        ws.write_number(r, c, *f).unwrap();
                    }
                    Data::Int(i) => {
                        ws.write_number(r, c, *i as f64).unwrap();
                    }
                    Data::DateTime(x) => {
                        ws.write_number_with_format(r, c, x.as_f64(), &date)
                            .unwrap();
                    }
                    Data::Empty => {}
                    other => {
                        ws.write_string(r, c, other.to_string()).unwrap();
                    }
                }
            }
        }
    }
    wb.save_to_buffer().unwrap()
}

pub fn sheet<'a>(sheets: &'a mut Sheets, name: &str) -> &'a mut Grid {
    &mut sheets.iter_mut().find(|(n, _)| n == name).unwrap().1
}

pub fn col(grid: &Grid, header: &str) -> usize {
    grid[0]
        .iter()
        .position(|c| *c == header)
        .unwrap_or_else(|| panic!("no column {header}"))
}

/// Days between the 1900 and the 1904 date systems' day 0.
const DAYS_1900_TO_1904: f64 = 1462.0;

/// The workbook as a spreadsheet program set to the 1904 date system saves it: every date cell
/// holds its serial counted from 1904, and the workbook says `date1904="1"`.
pub fn write_sheets_1904(sheets: &Sheets) -> Vec<u8> {
    use calamine::{ExcelDateTime, ExcelDateTimeType};
    let shifted: Sheets = sheets
        .iter()
        .map(|(name, grid)| {
            let grid = grid
                .iter()
                .map(|row| {
                    row.iter()
                        .map(|c| match c {
                            Data::DateTime(x) => Data::DateTime(ExcelDateTime::new(
                                x.as_f64() - DAYS_1900_TO_1904,
                                ExcelDateTimeType::DateTime,
                                true,
                            )),
                            other => other.clone(),
                        })
                        .collect()
                })
                .collect();
            (name.clone(), grid)
        })
        .collect();
    set_1904(&write_sheets(&shifted))
}

/// The zip again with `<workbookPr date1904="1"/>` in `xl/workbook.xml`.
fn set_1904(xlsx: &[u8]) -> Vec<u8> {
    use std::io::{Read, Write};
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(xlsx)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for i in 0..archive.len() {
        let mut part = archive.by_index(i).unwrap();
        let name = part.name().unwrap().to_string();
        let mut bytes = Vec::new();
        part.read_to_end(&mut bytes).unwrap();
        if name == "xl/workbook.xml" {
            let xml = String::from_utf8(bytes).unwrap();
            let edited = if xml.contains("<workbookPr") {
                xml.replacen("<workbookPr", r#"<workbookPr date1904="1""#, 1)
            } else {
                xml.replacen("<sheets>", r#"<workbookPr date1904="1"/><sheets>"#, 1)
            };
            assert!(
                edited.contains(r#"date1904="1""#),
                "the workbook takes the flag"
            );
            bytes = edited.into_bytes();
        }
        out.start_file(name, options).unwrap();
        out.write_all(&bytes).unwrap();
    }
    out.finish().unwrap().into_inner()
}

//! Where rows come from: calamine workbooks (`.xlsx` streamed cell by cell; `.xls`, `.xlsb`,
//! `.ods` through a range) and CSV text. Every source hands the same thing to the row loop: a
//! row number as the spreadsheet shows it and the row's cells as our [`Cell`] type.

use std::fs::File;
use std::io::{BufReader, Read, Seek, SeekFrom};
use std::path::Path;

use calamine::{DataRef, Ods, Reader, Sheets, Xls, Xlsb, Xlsx};

use crate::domain::cpr::mask_in_text;
use crate::domain::date::DateSystem;

use super::calamine_cell::{from_data, from_data_ref};
use super::cell::Cell;
use super::csv_source::{CsvEncoding, head_lines, read_csv, sniff_delimiter};
use super::error::{LoadError, SpreadsheetProblem};
use super::header::Matcher;
use super::zip_guard::check_zip_sizes;

/// The file formats read, decided by extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Format {
    Xlsx,
    Xls,
    Xlsb,
    Ods,
    Csv,
}

impl Format {
    pub(crate) fn of(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "xlsx" | "xlsm" => Format::Xlsx,
            "xls" => Format::Xls,
            "xlsb" => Format::Xlsb,
            "ods" => Format::Ods,
            "csv" | "tsv" | "txt" => Format::Csv,
            _ => return None,
        })
    }

    fn label(self) -> &'static str {
        match self {
            Format::Xlsx => ".xlsx",
            Format::Xls => ".xls",
            Format::Xlsb => ".xlsb",
            Format::Ods => ".ods",
            Format::Csv => ".csv",
        }
    }
}

/// An open workbook or CSV text.
pub(crate) enum Workbook {
    Xlsx(Box<Xlsx<BufReader<File>>>),
    Other(Box<Sheets<BufReader<File>>>),
    /// A CSV file, read from its start (decoded as it is read) each time its rows are wanted:
    /// never held whole.
    Csv {
        sheet: String,
        file: File,
        encoding: CsvEncoding,
        delimiter: u8,
    },
}

const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
const OLE_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// A reader's error as a short detail without anything CPR-like.
pub(super) fn detail(e: impl std::fmt::Display) -> String {
    let text = mask_in_text(&e.to_string());
    const MAX: usize = 120;
    if text.chars().count() > MAX {
        let mut s: String = text.chars().take(MAX).collect();
        s.push('…');
        s
    } else {
        text
    }
}

/// The same opened file again, from its start, for one more reader: never the path opened a
/// second time (it could be another file by then).
fn again(path: &Path, file: &File) -> Result<File, LoadError> {
    let mut f = file.try_clone().map_err(|e| LoadError::from_io(path, &e))?;
    f.seek(SeekFrom::Start(0))
        .map_err(|e| LoadError::from_io(path, &e))?;
    Ok(f)
}

fn open_as(
    format: Format,
    path: &Path,
    file: &File,
) -> Result<Result<Workbook, String>, LoadError> {
    let reader = BufReader::new(again(path, file)?);
    Ok(match format {
        Format::Xlsx => Xlsx::new(reader)
            .map(|w| Workbook::Xlsx(Box::new(w)))
            .map_err(detail),
        Format::Xls => Xls::new(reader)
            .map(|w| Workbook::Other(Box::new(Sheets::Xls(w))))
            .map_err(detail),
        Format::Xlsb => Xlsb::new(reader)
            .map(|w| Workbook::Other(Box::new(Sheets::Xlsb(w))))
            .map_err(detail),
        Format::Ods => Ods::new(reader)
            .map(|w| Workbook::Other(Box::new(Sheets::Ods(w))))
            .map_err(detail),
        Format::Csv => Err("not a workbook format".to_string()),
    })
}

/// Whether the start of a file looks like text rather than a binary workbook.
fn looks_like_text(head: &[u8]) -> bool {
    if head.is_empty() || head.contains(&0) && encoding_rs::Encoding::for_bom(head).is_none() {
        return false;
    }
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    control * 20 < head.len()
}

impl Workbook {
    /// Opens a file, its type decided by extension and checked against the content. The path
    /// is opened once ([`crate::input::open`]: a regular file of at most 200 MB); every reader
    /// after reads that same opened file.
    pub(crate) fn open(path: &Path, matcher: &Matcher) -> Result<Workbook, LoadError> {
        let mut file = crate::input::open(path).map_err(|e| LoadError::from_open(path, &e))?;
        let format = Format::of(path).ok_or_else(|| LoadError::UnsupportedType(path.into()))?;
        let mut head = [0u8; 512];
        let mut n = 0;
        while n < head.len() {
            match file.read(&mut head[n..]) {
                Ok(0) => break,
                Ok(k) => n += k,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => return Err(LoadError::from_io(path, &e)),
            }
        }
        let head = &head[..n];
        if head.is_empty() {
            return Err(LoadError::Empty(path.into()));
        }
        let not_sheet = |detail| LoadError::NotASpreadsheet {
            path: path.into(),
            detail,
        };
        let is_zip = head.starts_with(ZIP_MAGIC);
        let is_ole = head.starts_with(OLE_MAGIC);
        if is_zip {
            check_zip_sizes(path, &mut again(path, &file)?)?;
        }
        if format == Format::Csv && !is_zip && !is_ole {
            let encoding =
                crate::input::read_chunks(again(path, &file)?, |read| CsvEncoding::detect(read))
                    .map_err(|e| LoadError::from_open(path, &e))?;
            let head = head_lines(encoding.reader(again(path, &file)?))
                .map_err(|e| LoadError::from_io(path, &e))?;
            let delimiter = sniff_delimiter(&head, matcher);
            let sheet = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_else(|| "CSV".to_string());
            return Ok(Workbook::Csv {
                sheet,
                file,
                encoding,
                delimiter,
            });
        }
        // The formats to try, the extension's first: exports are often renamed (.xls holding
        // .xlsx, a workbook saved as .csv).
        let candidates: &[Format] = if is_zip {
            match format {
                Format::Xlsb => &[Format::Xlsb, Format::Xlsx, Format::Ods],
                Format::Ods => &[Format::Ods, Format::Xlsx, Format::Xlsb],
                _ => &[Format::Xlsx, Format::Xlsb, Format::Ods],
            }
        } else if is_ole {
            &[Format::Xls]
        } else if looks_like_text(head) {
            return Err(not_sheet(SpreadsheetProblem::TextFile));
        } else {
            return Err(not_sheet(SpreadsheetProblem::WrongContent {
                expected: format.label(),
            }));
        };
        let mut first_error = None;
        for &f in candidates {
            if f == Format::Ods {
                super::ods_guard::check(path, again(path, &file)?)?;
            }
            match open_as(f, path, &file)? {
                Ok(w) => return Ok(w),
                Err(e) => {
                    first_error.get_or_insert(e);
                }
            }
        }
        if is_ole && matches!(format, Format::Xlsx | Format::Xlsb) {
            // An encrypted .xlsx is an OLE container holding the encrypted package.
            return Err(not_sheet(SpreadsheetProblem::Encrypted));
        }
        Err(not_sheet(SpreadsheetProblem::Damaged(
            first_error.unwrap_or_default(),
        )))
    }

    /// The workbook's date system: plain serial numbers in a date column count from it.
    pub(crate) fn date_system(&self) -> DateSystem {
        let is_1904 = match self {
            Workbook::Xlsx(w) => w.has_1904_epoch(),
            Workbook::Other(w) => match w.as_ref() {
                Sheets::Xls(x) => x.has_1904_epoch(),
                Sheets::Xlsb(x) => x.has_1904_epoch(),
                // OpenDocument stores dates as dates; a CSV has text.
                Sheets::Xlsx(x) => x.has_1904_epoch(),
                Sheets::Ods(_) => false,
            },
            Workbook::Csv { .. } => false,
        };
        if is_1904 {
            DateSystem::Excel1904
        } else {
            DateSystem::Excel1900
        }
    }

    pub(crate) fn sheet_names(&self) -> Vec<String> {
        match self {
            Workbook::Xlsx(w) => w.sheet_names(),
            Workbook::Other(w) => w.sheet_names(),
            Workbook::Csv { sheet, .. } => vec![sheet.clone()],
        }
    }

    /// Hands every row of a sheet to `f` (row number as the spreadsheet shows it, cells from
    /// column A) until `f` returns false. An error is a short detail, masked.
    pub(crate) fn read_sheet(
        &mut self,
        name: &str,
        f: &mut dyn FnMut(u32, &[Cell<'_>]) -> bool,
    ) -> Result<(), String> {
        match self {
            Workbook::Xlsx(w) => read_xlsx(w, name, f),
            Workbook::Other(w) => {
                if let Sheets::Xlsb(x) = w.as_mut() {
                    return read_xlsb(x, name, f);
                }
                // .xls and .ods build their ranges when opened.
                let range = w.worksheet_range(name).map_err(detail)?;
                let Some((row0, col0)) = range.start() else {
                    return Ok(());
                };
                let mut cells = Vec::with_capacity(range.width() + col0 as usize);
                for (i, row) in range.rows().enumerate() {
                    cells.clear();
                    cells.resize(col0 as usize, Cell::Empty);
                    cells.extend(row.iter().map(from_data));
                    let number = row0.saturating_add(i as u32).saturating_add(1);
                    if !f(number, &cells) {
                        break;
                    }
                }
                Ok(())
            }
            Workbook::Csv {
                file,
                encoding,
                delimiter,
                ..
            } => {
                let mut text = file.try_clone().map_err(detail)?;
                text.seek(SeekFrom::Start(0)).map_err(detail)?;
                // Never more than a list may hold, even from a file that grew since.
                let text = encoding.reader(text.take(crate::input::MAX_BYTES));
                read_csv(text, *delimiter, None, f)
            }
        }
    }
}

/// The largest column index Excel has (XFD).
const MAX_COLUMNS: usize = 16_384;

/// Streams an `.xlsx` sheet cell by cell, without building the whole range.
fn read_xlsx(
    w: &mut Xlsx<BufReader<File>>,
    name: &str,
    f: &mut dyn FnMut(u32, &[Cell<'_>]) -> bool,
) -> Result<(), String> {
    let mut reader = match w.worksheet_cells_reader(name) {
        Ok(r) => r,
        // A chart sheet or a dialog sheet: no cells.
        Err(calamine::XlsxError::NotAWorksheet(_)) => return Ok(()),
        Err(e) => return Err(detail(e)),
    };
    stream_cells(&mut || reader.next_cell().map_err(detail), f)
}

/// Streams an `.xlsb` sheet cell by cell: its range would be a dense grid from the first to the
/// last cell, billions of cells for one stray cell far out.
fn read_xlsb(
    w: &mut Xlsb<BufReader<File>>,
    name: &str,
    f: &mut dyn FnMut(u32, &[Cell<'_>]) -> bool,
) -> Result<(), String> {
    let mut reader = w.worksheet_cells_reader(name).map_err(detail)?;
    stream_cells(&mut || reader.next_cell().map_err(detail), f)
}

/// Gathers streamed cells (in row order) into rows and hands each to `f`.
fn stream_cells<'a>(
    next: &mut dyn FnMut() -> Result<Option<calamine::Cell<DataRef<'a>>>, String>,
    f: &mut dyn FnMut(u32, &[Cell<'_>]) -> bool,
) -> Result<(), String> {
    // The row's non-empty cells as read (moved, not copied), in column order as stored.
    let mut raw: Vec<calamine::Cell<DataRef<'a>>> = Vec::new();
    let mut current: Option<u32> = None;
    // One row buffer for the whole sheet.
    let mut buffer: Vec<Cell<'static>> = Vec::new();
    let mut emit = |row: u32,
                    raw: &[calamine::Cell<DataRef<'a>>],
                    f: &mut dyn FnMut(u32, &[Cell<'_>]) -> bool| {
        let width = raw.iter().map(|c| c.get_position().1 as usize + 1).max();
        let mut cells = reuse(std::mem::take(&mut buffer));
        cells.resize(width.unwrap_or(0), Cell::Empty);
        // A column stored twice keeps its last value.
        for c in raw {
            cells[c.get_position().1 as usize] = from_data_ref(c.get_value());
        }
        let go_on = f(row.saturating_add(1), &cells);
        buffer = reuse(cells);
        go_on
    };
    loop {
        match next()? {
            Some(cell) => {
                let (r, c) = cell.get_position();
                if current != Some(r) {
                    if let Some(row) = current
                        && !emit(row, &raw, f)
                    {
                        return Ok(());
                    }
                    raw.clear();
                    current = Some(r);
                }
                if c as usize >= MAX_COLUMNS || matches!(cell.get_value(), DataRef::Empty) {
                    continue;
                }
                raw.push(cell);
            }
            None => {
                if let Some(row) = current {
                    emit(row, &raw, f);
                }
                return Ok(());
            }
        }
    }
}

/// An emptied row buffer, free of the borrows of the row it held; the collect keeps the
/// allocation (same element layout).
fn reuse<'x>(mut cells: Vec<Cell<'_>>) -> Vec<Cell<'x>> {
    cells.clear();
    cells.into_iter().map(|_| Cell::Empty).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_extension() {
        assert_eq!(Format::of(Path::new("a.XLSX")), Some(Format::Xlsx));
        assert_eq!(Format::of(Path::new("a.csv")), Some(Format::Csv));
        assert_eq!(Format::of(Path::new("a.pdf")), None);
        assert_eq!(Format::of(Path::new("a")), None);
    }

    #[test]
    fn text_detection() {
        assert!(looks_like_text(b"CPR;Navn\n010190-2000;A\n"));
        assert!(!looks_like_text(&[0, 1, 2, 3, 200, 0, 0]));
    }
}

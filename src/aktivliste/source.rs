//! Where rows come from: calamine workbooks (`.xlsx` streamed cell by cell; `.xls`, `.xlsb`,
//! `.ods` through a range) and CSV text. Every source hands the same thing to the row loop: a
//! row number as the spreadsheet shows it and the row's cells as our [`Cell`] type.

use std::fs::File;
use std::io::{BufReader, Read};
use std::path::Path;

use calamine::{CellErrorType, Data, DataRef, ExcelDateTime, Ods, Reader, Sheets, Xls, Xlsb, Xlsx};
use chrono::NaiveDate;

use crate::domain::cpr::mask_in_text;
use crate::domain::date::parse_date_text;

use super::cell::Cell;
use super::error::{LoadError, SpreadsheetProblem};
use super::header::{HEADER_SEARCH_ROWS, Matcher};

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
    Csv {
        sheet: String,
        text: String,
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

fn open_file(path: &Path) -> Result<File, LoadError> {
    File::open(path).map_err(|e| LoadError::from_io(path, &e))
}

fn open_as(format: Format, path: &Path) -> Result<Result<Workbook, String>, LoadError> {
    let reader = BufReader::new(open_file(path)?);
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
    /// Opens a file, its type decided by extension and checked against the content.
    pub(crate) fn open(path: &Path, matcher: &Matcher) -> Result<Workbook, LoadError> {
        let mut file = open_file(path)?;
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
        drop(file);
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
            check_zip_sizes(path)?;
        }
        if format == Format::Csv && !is_zip && !is_ole {
            let bytes = std::fs::read(path).map_err(|e| LoadError::from_io(path, &e))?;
            let text = decode_text(&bytes);
            let delimiter = sniff_delimiter(&text, matcher);
            let sheet = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_else(|| "CSV".to_string());
            return Ok(Workbook::Csv {
                sheet,
                text,
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
                super::ods_guard::check(path)?;
            }
            match open_as(f, path)? {
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
                text, delimiter, ..
            } => read_csv(text, *delimiter, None, f),
        }
    }
}

/// The most a zip part read whole into memory (shared strings, styles, an `.ods` sheet) may
/// unpack to, and the most a streamed worksheet part may unpack to (time, not memory).
const MAX_WHOLE_PART: u64 = 64 << 20;
const MAX_STREAMED_PART: u64 = 512 << 20;

/// What a zip's central directory shows to be wrong, before anything is unpacked.
#[derive(Debug)]
pub enum ZipProblem {
    Io(std::io::Error),
    Damaged(&'static str),
    /// A part declares more unpacked bytes than allowed (`u64::MAX`: zip64, beyond 4 GiB).
    TooLarge {
        part: String,
        size: u64,
    },
}

/// Refuses a zip whose parts declare unpacked sizes no real file has (a zip bomb), before any
/// part is unpacked: a worksheet may unpack to `max_sheet` bytes, any other part (shared
/// strings, styles, an `.ods` sheet) to 64 MiB. The zip reader enforces the declared sizes
/// while unpacking, so a part cannot unpack to more than it declares here. Reads only the
/// central directory.
pub fn check_zip_parts<R: Read + std::io::Seek>(
    r: &mut R,
    max_sheet: u64,
) -> Result<(), ZipProblem> {
    use std::io::SeekFrom;
    let len = r.seek(SeekFrom::End(0)).map_err(ZipProblem::Io)?;
    // The end-of-central-directory record: 22 bytes plus a comment of up to 64 KiB.
    let tail_len = len.min(22 + 0xFFFF);
    r.seek(SeekFrom::Start(len - tail_len))
        .map_err(ZipProblem::Io)?;
    let mut tail = vec![0u8; tail_len as usize];
    r.read_exact(&mut tail).map_err(ZipProblem::Io)?;
    let Some(eocd) = (0..tail.len().saturating_sub(21))
        .rev()
        .find(|&i| tail[i..].starts_with(b"PK\x05\x06"))
    else {
        return Err(ZipProblem::Damaged(
            "no zip central directory (the file is cut short)",
        ));
    };
    let u16_at = |b: &[u8], i: usize| u16::from_le_bytes([b[i], b[i + 1]]);
    let u32_at = |b: &[u8], i: usize| u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]);
    let entries = u16_at(&tail, eocd + 10);
    let dir_size = u32_at(&tail, eocd + 12);
    let dir_start = u32_at(&tail, eocd + 16);
    if entries == 0xFFFF || dir_size == u32::MAX || dir_start == u32::MAX {
        // Zip64: only needed for parts beyond 4 GiB, which no list or plan has.
        return Err(ZipProblem::TooLarge {
            part: "zip64".to_string(),
            size: u64::MAX,
        });
    }
    if u64::from(dir_start) + u64::from(dir_size) > len || dir_size > 64 << 20 {
        return Err(ZipProblem::Damaged(
            "the zip central directory lies outside the file",
        ));
    }
    r.seek(SeekFrom::Start(u64::from(dir_start)))
        .map_err(ZipProblem::Io)?;
    let mut dir = vec![0u8; dir_size as usize];
    r.read_exact(&mut dir).map_err(ZipProblem::Io)?;
    let mut i = 0;
    while i + 46 <= dir.len() && dir[i..].starts_with(b"PK\x01\x02") {
        let size = u32_at(&dir, i + 24);
        let name_len = usize::from(u16_at(&dir, i + 28));
        let skip = name_len + usize::from(u16_at(&dir, i + 30)) + usize::from(u16_at(&dir, i + 32));
        let name = dir.get(i + 46..i + 46 + name_len).unwrap_or_default();
        let name = String::from_utf8_lossy(name).to_ascii_lowercase();
        let sheet = name.starts_with("xl/worksheets/") && !name.contains("_rels");
        let max = if sheet { max_sheet } else { MAX_WHOLE_PART };
        // 0xFFFFFFFF means the size is in a zip64 field: beyond 4 GiB.
        let size = if size == u32::MAX {
            u64::MAX
        } else {
            u64::from(size)
        };
        if size > max {
            return Err(ZipProblem::TooLarge { part: name, size });
        }
        i += 46 + skip;
    }
    Ok(())
}

/// [`check_zip_parts`] for a list file; worksheets are streamed, so their limit is time.
fn check_zip_sizes(path: &Path) -> Result<(), LoadError> {
    let mut file = open_file(path)?;
    check_zip_parts(&mut file, MAX_STREAMED_PART).map_err(|p| match p {
        ZipProblem::Io(e) => LoadError::from_io(path, &e),
        ZipProblem::Damaged(what) => LoadError::NotASpreadsheet {
            path: path.into(),
            detail: SpreadsheetProblem::Damaged(what.to_string()),
        },
        ZipProblem::TooLarge { part, size } => too_large(path, part, size),
    })
}

fn too_large(path: &Path, part: String, size: u64) -> LoadError {
    LoadError::NotASpreadsheet {
        path: path.into(),
        detail: SpreadsheetProblem::TooLarge {
            part: detail(part),
            mib: size >> 20,
        },
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

fn error_text(e: &CellErrorType) -> &'static str {
    match e {
        CellErrorType::Div0 => "#DIV/0!",
        CellErrorType::NA => "#N/A",
        CellErrorType::Name => "#NAME?",
        CellErrorType::Null => "#NULL!",
        CellErrorType::Num => "#NUM!",
        CellErrorType::Ref => "#REF!",
        CellErrorType::Value => "#VALUE!",
        CellErrorType::GettingData => "#DATA!",
    }
}

/// A date cell: its date, or its number when it is a time or duration only.
fn date_time(dt: &ExcelDateTime) -> Cell<'static> {
    let v = dt.as_f64();
    if dt.is_duration() || v < 1.0 {
        return Cell::Number(v);
    }
    let (y, m, d, ..) = dt.to_ymd_hms_milli();
    NaiveDate::from_ymd_opt(i32::from(y), u32::from(m), u32::from(d))
        .map_or(Cell::Number(v), Cell::Date)
}

fn iso(s: &str) -> Cell<'_> {
    parse_date_text(s).map_or_else(|_| Cell::text(s), Cell::Date)
}

pub(crate) fn from_data(d: &Data) -> Cell<'_> {
    match d {
        Data::Empty => Cell::Empty,
        Data::String(s) => Cell::text(s),
        Data::Float(n) => Cell::Number(*n),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(dt) => date_time(dt),
        Data::DateTimeIso(s) => iso(s),
        Data::DurationIso(s) => Cell::text(s),
        Data::Error(e) => Cell::Error(error_text(e)),
    }
}

fn from_data_ref<'a>(d: &'a DataRef<'_>) -> Cell<'a> {
    match d {
        DataRef::Empty => Cell::Empty,
        DataRef::String(s) => Cell::text(s),
        DataRef::SharedString(s) => Cell::text(s),
        DataRef::Float(n) => Cell::Number(*n),
        DataRef::Int(i) => Cell::Number(*i as f64),
        DataRef::Bool(b) => Cell::Bool(*b),
        DataRef::DateTime(dt) => date_time(dt),
        DataRef::DateTimeIso(s) => iso(s),
        DataRef::DurationIso(s) => Cell::text(s),
        DataRef::Error(e) => Cell::Error(error_text(e)),
    }
}

/// CSV bytes as text: a BOM (UTF-8 or UTF-16) decides; otherwise UTF-8 when valid, else
/// Windows-1252, which is what Danish Excel writes.
pub(crate) fn decode_text(bytes: &[u8]) -> String {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom..]);
        return text.into_owned();
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => {
            let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
            text.into_owned()
        }
    }
}

/// Picks the delimiter (`;`, `,` or tab) whose reading of the first rows finds the best header;
/// failing that, the one used most in those rows.
pub(crate) fn sniff_delimiter(text: &str, matcher: &Matcher) -> u8 {
    const CANDIDATES: [u8; 3] = [b';', b',', b'\t'];
    let region: String = text
        .lines()
        .take(HEADER_SEARCH_ROWS as usize)
        .collect::<Vec<_>>()
        .join("\n");
    let mut best = (0usize, 0usize, b';');
    for d in CANDIDATES {
        let mut score = 0;
        let _ = read_csv(&region, d, Some(HEADER_SEARCH_ROWS), &mut |_, cells| {
            score = score.max(matcher.score(cells));
            true
        });
        let count = region.bytes().filter(|&b| b == d).count();
        if (score, count) > (best.0, best.1) {
            best = (score, count, d);
        }
    }
    best.2
}

/// Reads CSV records, numbering them as a spreadsheet program shows them when it opens the file
/// (blank lines are rows; a quoted field with line breaks stays in one row).
fn read_csv(
    text: &str,
    delimiter: u8,
    limit: Option<u32>,
    f: &mut dyn FnMut(u32, &[Cell<'_>]) -> bool,
) -> Result<(), String> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut record = csv::StringRecord::new();
    let mut row: u64 = 0;
    let mut count = 0u32;
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => return Ok(()),
            Ok(true) => {}
            Err(e) => return Err(detail(e)),
        }
        // The reader skips blank lines; the record's position is where the previous record
        // ended, so the blank lines it skipped are the line breaks right after that position.
        let bytes = text.as_bytes();
        let mut start = record.position().map_or(0, |p| p.byte() as usize);
        // After `\r\n` the position may sit on the `\n` of the previous record's line break.
        if start > 0 && bytes.get(start - 1) == Some(&b'\r') && bytes.get(start) == Some(&b'\n') {
            start += 1;
        }
        row += 1 + blank_lines(bytes.get(start..).unwrap_or_default());
        let number = u32::try_from(row).unwrap_or(u32::MAX);
        let cells: Vec<Cell<'_>> = record.iter().map(Cell::text).collect();
        let keep_going = f(number, &cells);
        count += 1;
        if !keep_going || limit.is_some_and(|l| count >= l) {
            return Ok(());
        }
    }
}

/// The number of line breaks (`\n`, `\r\n` or `\r`) at the start of `bytes`.
fn blank_lines(bytes: &[u8]) -> u64 {
    let mut n = 0;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => i += 2,
            b'\r' | b'\n' => i += 1,
            _ => break,
        }
        n += 1;
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str, d: u8) -> Vec<(u32, Vec<String>)> {
        let mut out = Vec::new();
        read_csv(text, d, None, &mut |n, cells| {
            out.push((n, cells.iter().map(Cell::display).collect()));
            true
        })
        .unwrap();
        out
    }

    #[test]
    fn csv_rows_are_numbered_as_a_spreadsheet_shows_them() {
        let r = rows("a;b\n\nc;\"d\nd\"\ne;f\n", b';');
        let numbers: Vec<u32> = r.iter().map(|(n, _)| *n).collect();
        assert_eq!(numbers, [1, 3, 4]);
        assert_eq!(r[1].1, ["c", "d\nd"]);
        let r = rows("a,b\r\nc,d\r\n", b',');
        assert_eq!(r.iter().map(|(n, _)| *n).collect::<Vec<_>>(), [1, 2]);
        let r = rows("\r\n\r\na;b\r\n\r\n\r\nc;d\r\n", b';');
        assert_eq!(r.iter().map(|(n, _)| *n).collect::<Vec<_>>(), [3, 6]);
    }

    #[test]
    fn decoding() {
        assert_eq!(decode_text("\u{feff}Søren".as_bytes()), "Søren");
        assert_eq!(decode_text("Søren".as_bytes()), "Søren");
        assert_eq!(decode_text(b"S\xF8ren \xC6bel\xF8 \xE5"), "Søren Æbelø å");
        assert_eq!(decode_text(b"\xFF\xFEa\x00\xF8\x00"), "aø");
    }

    #[test]
    fn delimiter_sniffing_prefers_the_header() {
        let m = Matcher::default();
        let text =
            "Aktivliste for Kommune, udtrukket 01-03-2025, side 1\nCPR;Navn;Anmodningsdato\n";
        assert_eq!(sniff_delimiter(text, &m), b';');
        let text = "CPR,Navn,Anmodningsdato\n010190-2000,\"A; B\",01-01-2025\n";
        assert_eq!(sniff_delimiter(text, &m), b',');
        assert_eq!(sniff_delimiter("CPR\tNavn\tIndskrevet\n", &m), b'\t');
        assert_eq!(sniff_delimiter("a,b,c\n", &m), b',');
    }

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

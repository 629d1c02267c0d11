//! Where rows come from: calamine workbooks (`.xlsx` streamed cell by cell; `.xls`, `.xlsb`,
//! `.ods` through a range) and CSV text. Every source hands the same thing to the row loop: a
//! row number as the spreadsheet shows it and the row's cells as our [`Cell`] type.

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufReader, Read, Seek, SeekFrom};
use std::path::Path;
use std::sync::Arc;

use calamine::{DataRef, Ods, Reader, Sheets, Xls, Xlsb, Xlsx};

use crate::domain::cpr::mask_in_text;
use crate::domain::date::DateSystem;

use super::calamine_cell::{from_data, from_data_ref};
use super::cell::Cell;
use super::csv_source::{
    CsvEncoding, EncodingNote, head_lines, note_replaced_rows, read_csv, sniff_delimiter,
};
use super::error::{LoadError, SpreadsheetProblem};
use super::header::Matcher;
use super::sheet_xml::{HiddenRows, Seen, SheetScan, column_letters, sheet_parts};
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

/// One opened file read by more than one reader at a time, each at its own place: every read
/// says where it reads, so no reader moves another's place.
#[derive(Clone, Debug)]
pub(crate) struct SharedFile {
    file: Arc<File>,
    pos: u64,
    len: u64,
}

impl SharedFile {
    fn new(file: File) -> std::io::Result<SharedFile> {
        let len = file.metadata()?.len();
        Ok(SharedFile {
            file: Arc::new(file),
            pos: 0,
            len,
        })
    }

    /// The same file from its start, for one more reader.
    fn again(&self) -> SharedFile {
        SharedFile {
            pos: 0,
            ..self.clone()
        }
    }
}

impl Read for SharedFile {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        #[cfg(unix)]
        let n = std::os::unix::fs::FileExt::read_at(&*self.file, buf, self.pos)?;
        #[cfg(windows)]
        let n = std::os::windows::fs::FileExt::seek_read(&*self.file, buf, self.pos)?;
        self.pos += n as u64;
        Ok(n)
    }
}

impl Seek for SharedFile {
    fn seek(&mut self, to: SeekFrom) -> std::io::Result<u64> {
        let pos = match to {
            SeekFrom::Start(n) => Some(n),
            SeekFrom::End(d) => self.len.checked_add_signed(d),
            SeekFrom::Current(d) => self.pos.checked_add_signed(d),
        };
        self.pos = pos.ok_or_else(|| std::io::Error::from(std::io::ErrorKind::InvalidInput))?;
        Ok(self.pos)
    }
}

/// An `.xlsx` workbook: calamine's reader, the file for the second reading of its sheets, and
/// each sheet's part in the zip.
pub(crate) struct XlsxBook {
    book: Xlsx<BufReader<SharedFile>>,
    file: SharedFile,
    parts: HashMap<String, String>,
}

/// Why a sheet could not be read to its end.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum SheetError {
    /// The reader failed; a short detail, masked.
    Damaged(String),
    /// A row (as the spreadsheet shows it) came after a later one.
    OutOfOrder { row: u32, after: u32 },
    /// A cell came after one of the same row at or right of its column (`C2` after `D2`, or
    /// twice): one of them would be lost.
    CellOutOfOrder { cell: String, after: String },
}

/// What reading a sheet noted besides its rows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct SheetNotes {
    pub(crate) hidden_rows: HiddenRows,
}

/// An open workbook or CSV text.
pub(crate) enum Workbook {
    Xlsx(Box<XlsxBook>),
    Other(Box<Sheets<BufReader<File>>>),
    /// A CSV file, read from its start (decoded as it is read) each time its rows are wanted:
    /// never held whole.
    Csv {
        sheet: String,
        file: File,
        encoding: CsvEncoding,
        delimiter: u8,
        /// How the bytes became text, when they were not all valid UTF-8.
        note: Option<EncodingNote>,
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
    if format == Format::Xlsx {
        let shared =
            SharedFile::new(again(path, file)?).map_err(|e| LoadError::from_io(path, &e))?;
        let opened = Xlsx::new(BufReader::new(shared.again())).map_err(detail);
        return Ok(opened.map(|book| {
            let parts = zip::ZipArchive::new(BufReader::new(shared.again()))
                .map(|mut z| sheet_parts(&mut z))
                .unwrap_or_default();
            Workbook::Xlsx(Box::new(XlsxBook {
                book,
                file: shared,
                parts,
            }))
        }));
    }
    let reader = BufReader::new(again(path, file)?);
    Ok(match format {
        Format::Xlsx => unreachable!("read above"),
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
            let (encoding, mut note) =
                crate::input::read_chunks(again(path, &file)?, |read| CsvEncoding::detect(read))
                    .map_err(|e| LoadError::from_open(path, &e))?;
            let head = head_lines(encoding.reader(again(path, &file)?))
                .map_err(|e| LoadError::from_io(path, &e))?;
            let delimiter = sniff_delimiter(&head, matcher);
            if let Some(n) = &mut note {
                let text = encoding.reader(again(path, &file)?.take(crate::input::MAX_BYTES));
                note_replaced_rows(text, delimiter, n);
            }
            let sheet = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_else(|| "CSV".to_string());
            return Ok(Workbook::Csv {
                sheet,
                file,
                encoding,
                delimiter,
                note,
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
            Workbook::Xlsx(w) => w.book.has_1904_epoch(),
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
            Workbook::Xlsx(w) => w.book.sheet_names(),
            Workbook::Other(w) => w.sheet_names(),
            Workbook::Csv { sheet, .. } => vec![sheet.clone()],
        }
    }

    /// What a person should know of how the file was read before any sheet is: a CSV's
    /// encoding.
    pub(crate) fn notes(&self) -> Vec<super::LoadNote> {
        match self {
            Workbook::Csv {
                note: Some(note), ..
            } => vec![super::LoadNote::Encoding(note.clone())],
            _ => Vec::new(),
        }
    }

    /// The sheets the workbook hides, each with whether it is very hidden (shown again only
    /// with a macro).
    pub(crate) fn hidden_sheets(&self) -> Vec<(String, bool)> {
        let meta = match self {
            Workbook::Xlsx(w) => w.book.sheets_metadata(),
            Workbook::Other(w) => w.sheets_metadata(),
            Workbook::Csv { .. } => return Vec::new(),
        };
        meta.iter()
            .filter_map(|s| match s.visible {
                calamine::SheetVisible::Visible => None,
                calamine::SheetVisible::Hidden => Some((s.name.clone(), false)),
                calamine::SheetVisible::VeryHidden => Some((s.name.clone(), true)),
            })
            .collect()
    }

    /// Hands every row of a sheet to `f` (row number as the spreadsheet shows it, cells from
    /// column A) until `f` returns false, in order: a row stored after a later one is an error.
    pub(crate) fn read_sheet(
        &mut self,
        name: &str,
        f: &mut dyn FnMut(u32, &[Cell<'_>]) -> bool,
    ) -> Result<SheetNotes, SheetError> {
        match self {
            Workbook::Xlsx(w) => read_xlsx(w, name, f),
            Workbook::Other(w) => {
                if let Sheets::Xlsb(x) = w.as_mut() {
                    read_xlsb(x, name, f)?;
                    return Ok(SheetNotes::default());
                }
                // .xls and .ods build their ranges when opened.
                let range = w
                    .worksheet_range(name)
                    .map_err(|e| SheetError::Damaged(detail(e)))?;
                let Some((row0, col0)) = range.start() else {
                    return Ok(SheetNotes::default());
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
                Ok(SheetNotes::default())
            }
            Workbook::Csv {
                file,
                encoding,
                delimiter,
                ..
            } => {
                let damaged = |e: std::io::Error| SheetError::Damaged(detail(e));
                let mut text = file.try_clone().map_err(damaged)?;
                text.seek(SeekFrom::Start(0)).map_err(damaged)?;
                // Never more than a list may hold, even from a file that grew since.
                let text = encoding.reader(text.take(crate::input::MAX_BYTES));
                read_csv(text, *delimiter, None, f)
                    .map(|()| SheetNotes::default())
                    .map_err(SheetError::Damaged)
            }
        }
    }
}

/// The largest column index Excel has (XFD).
const MAX_COLUMNS: usize = 16_384;

/// Whether calamine's error is about one cell's value (the rest of the sheet can still be
/// read), not about the XML or the zip.
fn cell_level(e: &calamine::XlsxError) -> bool {
    use calamine::XlsxError as E;
    !matches!(
        e,
        E::Io(_) | E::Zip(_) | E::Xml(_) | E::XmlAttr(_) | E::XmlEof(_) | E::FileNotFound(_)
    )
}

/// Whether a worksheet part may hold what only the second reading sees: a formula (`<f>`,
/// perhaps without its value) or a hidden row (`hidden=`). A fast look at the bytes that may say
/// yes when the answer is no (the word in a text), never the other way.
fn may_need_second_reading(mut part: impl Read) -> std::io::Result<bool> {
    let mut buf = vec![0u8; 64 << 10];
    // The last bytes of the chunk before, so that no word is missed across chunks.
    const KEEP: usize = 8;
    let mut kept = 0;
    loop {
        let n = match part.read(&mut buf[kept..]) {
            Ok(0) => return Ok(false),
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        let bytes = &buf[..kept + n];
        let found = bytes.iter().enumerate().any(|(i, &b)| match b {
            b'f' => {
                i > 0
                    && matches!(bytes[i - 1], b'<' | b':')
                    && matches!(
                        bytes.get(i + 1),
                        Some(b'>' | b' ' | b'/' | b'\t' | b'\n' | b'\r')
                    )
            }
            b'h' => bytes[i..].starts_with(b"hidden"),
            _ => false,
        });
        if found {
            return Ok(true);
        }
        kept = bytes.len().min(KEEP);
        let from = bytes.len() - kept;
        buf.copy_within(from..from + kept, 0);
    }
}

/// Streams an `.xlsx` sheet cell by cell, without building the whole range, with the second
/// reading of its XML ([`super::sheet_xml`]) in step where it is needed: from the start when the
/// part may hold a formula or a hidden row, else from the first cell calamine refuses (read up
/// to it then). A cell calamine cannot read, or a formula saved without its value, becomes a
/// cell that rejects its row; hidden rows are counted.
fn read_xlsx(
    w: &mut XlsxBook,
    name: &str,
    f: &mut dyn FnMut(u32, &[Cell<'_>]) -> bool,
) -> Result<SheetNotes, SheetError> {
    let damaged = |e: calamine::XlsxError| SheetError::Damaged(detail(e));
    let zip_damaged = |e: zip::result::ZipError| SheetError::Damaged(detail(e));
    let mut reader = match w.book.worksheet_cells_reader(name) {
        Ok(r) => r,
        // A chart sheet or a dialog sheet: no cells.
        Err(calamine::XlsxError::NotAWorksheet(_)) => return Ok(SheetNotes::default()),
        Err(e) => return Err(damaged(e)),
    };
    let part = w
        .parts
        .get(name)
        .ok_or_else(|| SheetError::Damaged("the sheet's part is not in the file".to_string()))?;
    let mut zip = zip::ZipArchive::new(BufReader::new(w.file.again())).map_err(zip_damaged)?;
    let from_start = may_need_second_reading(zip.by_name(part).map_err(zip_damaged)?)
        .map_err(|e| SheetError::Damaged(detail(e)))?;
    // The archive, until the second reading takes it (once).
    let mut archive = Some(&mut zip);
    let mut open = move || -> Result<_, SheetError> {
        let z = archive.take().ok_or_else(|| {
            SheetError::Damaged("the sheet's part cannot be read again".to_string())
        })?;
        let entry = zip::ZipArchive::by_name(z, part).map_err(zip_damaged)?;
        SheetScan::new(BufReader::with_capacity(64 << 10, entry)).map_err(SheetError::Damaged)
    };
    let mut scan = if from_start { Some(open()?) } else { None };
    // How many `<c>` calamine has read: every one is one the second reading reads, so it says
    // where a cell calamine refuses is.
    let mut read: u64 = 0;
    stream_cells(
        &mut || {
            let got = reader.next_cell();
            read += 1;
            if scan.is_none() && matches!(&got, Err(e) if cell_level(e)) {
                let mut s = open()?;
                for _ in 1..read {
                    s.next_cell().map_err(SheetError::Damaged)?;
                }
                scan = Some(s);
            }
            let Some(scan) = scan.as_mut() else {
                return Ok(got.map_err(damaged)?.map(Streamed::Value));
            };
            let seen = scan.next_cell().map_err(SheetError::Damaged)?;
            Ok(match (got, seen) {
                (Ok(None), None) => None,
                (Ok(Some(cell)), Some(s)) => Some(match s.seen {
                    Seen::FormulaWithoutValue if matches!(cell.get_value(), DataRef::Empty) => {
                        Streamed::Special(cell.get_position(), Special::NoValue)
                    }
                    _ => Streamed::Value(cell),
                }),
                (Err(e), Some(s)) if cell_level(&e) => Some(Streamed::Special(
                    (s.row, s.col),
                    match s.seen {
                        Seen::Error(text) => Special::Error(text),
                        _ => Special::Unreadable(detail(e)),
                    },
                )),
                (Err(e), _) => return Err(damaged(e)),
                (Ok(_), _) => {
                    return Err(SheetError::Damaged(
                        "the sheet's cells could not be read the same way twice".to_string(),
                    ));
                }
            })
        },
        f,
    )?;
    Ok(SheetNotes {
        hidden_rows: scan.map(|s| s.hidden).unwrap_or_default(),
    })
}

/// Streams an `.xlsb` sheet cell by cell: its range would be a dense grid from the first to the
/// last cell, billions of cells for one stray cell far out.
fn read_xlsb(
    w: &mut Xlsb<BufReader<File>>,
    name: &str,
    f: &mut dyn FnMut(u32, &[Cell<'_>]) -> bool,
) -> Result<(), SheetError> {
    let damaged = |e: calamine::XlsbError| SheetError::Damaged(detail(e));
    let mut reader = w.worksheet_cells_reader(name).map_err(damaged)?;
    stream_cells(
        &mut || Ok(reader.next_cell().map_err(damaged)?.map(Streamed::Value)),
        f,
    )
}

/// What the cell stream gives: calamine's cell, or a cell its value cannot be had of.
enum Streamed<'a> {
    Value(calamine::Cell<DataRef<'a>>),
    Special((u32, u32), Special),
}

enum Special {
    /// A formula saved without its value.
    NoValue,
    /// An error value calamine does not know (`#SPILL!`).
    Error(&'static str),
    /// Calamine's detail, masked.
    Unreadable(String),
}

impl Streamed<'_> {
    fn position(&self) -> (u32, u32) {
        match self {
            Streamed::Value(c) => c.get_position(),
            Streamed::Special(p, _) => *p,
        }
    }

    fn cell(&self) -> Cell<'_> {
        match self {
            Streamed::Value(c) => from_data_ref(c.get_value()),
            Streamed::Special(_, Special::NoValue) => Cell::NoValue,
            Streamed::Special(_, Special::Error(e)) => Cell::Error(e),
            Streamed::Special(_, Special::Unreadable(d)) => Cell::Unreadable(d),
        }
    }
}

/// Gathers streamed cells (in row order) into rows and hands each to `f`. A cell of a row above
/// the current one is refused: its row was handed on already, or would be handed on twice; so is
/// a cell at or left of the row's cell before it: one of two values for a column would be lost.
fn stream_cells<'a>(
    next: &mut dyn FnMut() -> Result<Option<Streamed<'a>>, SheetError>,
    f: &mut dyn FnMut(u32, &[Cell<'_>]) -> bool,
) -> Result<(), SheetError> {
    // The row's non-empty cells as read (moved, not copied), in column order as stored.
    let mut raw: Vec<Streamed<'a>> = Vec::new();
    let mut current: Option<u32> = None;
    // The column of the row's last cell.
    let mut last_col: Option<u32> = None;
    // One row buffer for the whole sheet.
    let mut buffer: Vec<Cell<'static>> = Vec::new();
    let mut emit = |row: u32, raw: &[Streamed<'a>], f: &mut dyn FnMut(u32, &[Cell<'_>]) -> bool| {
        let width = raw.iter().map(|c| c.position().1 as usize + 1).max();
        let mut cells = reuse(std::mem::take(&mut buffer));
        cells.resize(width.unwrap_or(0), Cell::Empty);
        for c in raw {
            cells[c.position().1 as usize] = c.cell();
        }
        let go_on = f(row.saturating_add(1), &cells);
        buffer = reuse(cells);
        go_on
    };
    loop {
        match next()? {
            Some(cell) => {
                let (r, c) = cell.position();
                if current != Some(r) {
                    if let Some(row) = current {
                        if r < row {
                            return Err(SheetError::OutOfOrder {
                                row: r.saturating_add(1),
                                after: row.saturating_add(1),
                            });
                        }
                        if !emit(row, &raw, f) {
                            return Ok(());
                        }
                    }
                    raw.clear();
                    current = Some(r);
                } else if let Some(last) = last_col
                    && c <= last
                {
                    let place = |col: u32| format!("{}{}", column_letters(col), r + 1);
                    return Err(SheetError::CellOutOfOrder {
                        cell: place(c),
                        after: place(last),
                    });
                }
                last_col = Some(c);
                if c as usize >= MAX_COLUMNS
                    || matches!(&cell, Streamed::Value(v) if matches!(v.get_value(), DataRef::Empty))
                {
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
    fn a_second_reading_is_needed_for_formulas_and_hidden_rows() {
        let needs = |xml: &[u8]| may_need_second_reading(xml).unwrap();
        assert!(needs(
            br#"<row r="2"><c r="A2"><f>A1</f><v>1</v></c></row>"#
        ));
        assert!(needs(br#"<x:c r="A2"><x:f t="shared" si="0"/></x:c>"#));
        assert!(needs(br#"<row r="2" hidden="1">"#));
        assert!(!needs(br#"<row r="2" s="1"><c r="F2" s="1"/><c r="A2" t="inlineStr"><is><t>fo f</t></is></c></row>"#));
        // Across the chunks read.
        let mut long = vec![b' '; (64 << 10) - 3];
        long.extend_from_slice(b"<row hidden=\"1\">");
        assert!(needs(&long));
        let mut long = vec![b' '; (64 << 10) - 1];
        long.extend_from_slice(b"<f>A1</f>");
        assert!(needs(&long));
    }

    #[test]
    fn text_detection() {
        assert!(looks_like_text(b"CPR;Navn\n010190-2000;A\n"));
        assert!(!looks_like_text(&[0, 1, 2, 3, 200, 0, 0]));
    }
}

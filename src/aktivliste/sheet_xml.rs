//! A second, light reading of an `.xlsx` worksheet's XML, in step with calamine's cell stream:
//! for each `<c>` calamine reads, this reads the same element and says where it is and what
//! calamine cannot say (a formula saved without its value, an error value calamine does not
//! know), so that a cell calamine refuses rejects its row instead of the workbook. It also
//! notes hidden rows (`<row hidden="1">`). The worksheet's part is found as calamine finds it
//! (`_rels/.rels`, the workbook's relationships, `<sheet r:id>`).

use std::collections::HashMap;
use std::io::{BufRead, Read, Seek};

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use zip::ZipArchive;

/// A zip name as calamine looks it up: `\` as `/`, case ignored.
fn zip_key(name: &str) -> String {
    name.replace('\\', "/").to_ascii_lowercase()
}

/// A small XML part, whole (`None` when it is not there or cannot be read).
fn part_text<R: Read + Seek>(
    zip: &mut ZipArchive<R>,
    names: &HashMap<String, String>,
    path: &str,
) -> Option<String> {
    let name = names.get(&zip_key(path))?;
    let mut f = zip.by_name(name).ok()?;
    let mut text = String::new();
    f.read_to_string(&mut text).ok()?;
    Some(text)
}

/// The value of the attribute whose local name is `key` (`r:id` is `id`).
fn attr(e: &BytesStart<'_>, key: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find_map(|a| (a.key.local_name().as_ref() == key).then(|| a.value.into_owned()))
}

/// The `(element, attributes)` of every start tag of a small XML text whose local name is in
/// `wanted`.
fn starts(text: &str, wanted: &[&str]) -> Vec<(String, BytesStart<'static>)> {
    let mut r = Reader::from_str(text);
    let mut out = Vec::new();
    loop {
        match r.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) => {
                let name = e.local_name().as_ref().to_string();
                if wanted.contains(&name.as_str()) {
                    out.push((name, e.into_owned()));
                }
            }
            Ok(Event::Eof) | Err(_) => return out,
            _ => {}
        }
    }
}

/// Each sheet's part (its name in the zip), by sheet name, found the way calamine finds it.
pub(super) fn sheet_parts<R: Read + Seek>(zip: &mut ZipArchive<R>) -> HashMap<String, String> {
    let names: HashMap<String, String> = zip
        .file_names()
        .flatten()
        .map(|n| (zip_key(&n), n.into_owned()))
        .collect();
    let mut out = HashMap::new();
    let Some(root) = part_text(zip, &names, "_rels/.rels") else {
        return out;
    };
    let target = starts(&root, &["Relationship"])
        .into_iter()
        .find(|(_, e)| {
            attr(e, "Type").is_some_and(|t| t.ends_with("/relationships/officeDocument"))
        })
        .and_then(|(_, e)| attr(&e, "Target"))
        .unwrap_or_else(|| "xl/workbook.xml".to_string());
    let (dir, book) = match target.rfind('/') {
        Some(i) => target.split_at(i + 1),
        None => ("", target.as_str()),
    };
    let dir = dir.strip_prefix('/').unwrap_or(dir);
    let book = if book.is_empty() {
        "workbook.xml"
    } else {
        book
    };
    let rels: HashMap<String, String> = part_text(zip, &names, &format!("{dir}_rels/{book}.rels"))
        .map(|t| {
            starts(&t, &["Relationship"])
                .into_iter()
                .filter_map(|(_, e)| Some((attr(&e, "Id")?, attr(&e, "Target")?)))
                .collect()
        })
        .unwrap_or_default();
    let Some(workbook) = part_text(zip, &names, &format!("{dir}{book}")) else {
        return out;
    };
    for (_, e) in starts(&workbook, &["sheet"]) {
        let (Some(name), Some(id)) = (attr(&e, "name"), attr(&e, "id")) else {
            continue;
        };
        let Some(target) = rels.get(&id) else {
            continue;
        };
        let path = match target.strip_prefix('/') {
            Some(abs) => abs.to_string(),
            None => format!("{dir}{target}"),
        };
        let name = quick_xml::escape::unescape(&name)
            .map(|n| n.into_owned())
            .unwrap_or(name);
        if let Some(part) = names.get(&zip_key(&path)) {
            out.insert(name, part.clone());
        }
    }
    out
}

/// What the second reading says of one cell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Seen {
    /// Nothing calamine does not say itself.
    Plain,
    /// A formula (`<f>`) without a value (`<v>` or `<is>`).
    FormulaWithoutValue,
    /// An error cell (`t="e"`) with this value, one Excel writes.
    Error(&'static str),
}

/// One `<c>` element: its place (0-based, as calamine counts it) and what was seen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Scanned {
    pub(super) row: u32,
    pub(super) col: u32,
    pub(super) seen: Seen,
}

/// Every error value Excel writes, the newer ones (dynamic arrays, data types, Python) too.
const ERROR_VALUES: [&str; 16] = [
    "#NULL!",
    "#DIV/0!",
    "#VALUE!",
    "#REF!",
    "#NAME?",
    "#NUM!",
    "#N/A",
    "#GETTING_DATA",
    "#SPILL!",
    "#CALC!",
    "#FIELD!",
    "#BLOCKED!",
    "#CONNECT!",
    "#BUSY!",
    "#UNKNOWN!",
    "#PYTHON!",
];

/// An error value as Excel writes it, if `text` is one.
pub(crate) fn error_value(text: &str) -> Option<&'static str> {
    let t = text.trim();
    ERROR_VALUES
        .iter()
        .copied()
        .find(|e| e.eq_ignore_ascii_case(t))
}

/// `A1`-style reference to 0-based `(row, column)`; the row is `None` without digits.
fn reference(r: &str) -> Option<(Option<u32>, u32)> {
    let r = r.as_bytes();
    let letters = r.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    if letters == 0 || letters > 3 {
        return None;
    }
    let col = r[..letters].iter().fold(0u32, |acc, b| {
        acc * 26 + u32::from(b.to_ascii_uppercase() - b'A') + 1
    });
    let digits = &r[letters..];
    let row = if digits.is_empty() {
        None
    } else {
        Some(row_number(std::str::from_utf8(digits).ok()?)?.checked_sub(1)?)
    };
    Some((row, col - 1))
}

/// A 1-based row number of at most seven digits.
fn row_number(digits: &str) -> Option<u32> {
    if digits.is_empty() || digits.len() > 7 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok().filter(|&n| n > 0)
}

/// The column letters of a 0-based column (`0` is `A`).
pub(crate) fn column_letters(col: u32) -> String {
    let mut n = col + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        out.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// Hidden rows that hold cells: how many, and the first few (1-based, as the spreadsheet shows
/// them).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HiddenRows {
    pub count: usize,
    pub first: Vec<u32>,
}

impl HiddenRows {
    /// How many row numbers are kept to name.
    pub const NAMED: usize = 10;

    fn add(&mut self, row: u32) {
        self.count += 1;
        if self.first.len() < Self::NAMED {
            self.first.push(row);
        }
    }
}

/// The second reading of one worksheet part, one `<c>` at a time.
pub(super) struct SheetScan<R: BufRead> {
    xml: Reader<R>,
    buf: Vec<u8>,
    inner: Vec<u8>,
    /// Calamine's counters: the row of cells without `r`, the next column.
    row_index: u32,
    col_index: u32,
    /// The current `<row>` is hidden and has not been counted yet.
    row_hidden: bool,
    pub(super) hidden: HiddenRows,
}

impl<R: BufRead> SheetScan<R> {
    /// Reads up to the sheet's data (`<sheetData>`), with calamine's XML settings.
    pub(super) fn new(input: R) -> Result<SheetScan<R>, String> {
        let mut xml = Reader::from_reader(input);
        let config = xml.config_mut();
        config.check_end_names = false;
        config.trim_text(false);
        config.check_comments = false;
        config.expand_empty_elements = true;
        let mut buf = Vec::new();
        loop {
            buf.clear();
            match xml.read_event_into(&mut buf) {
                Ok(Event::Start(e)) if e.local_name().as_ref() == "sheetData" => break,
                Ok(Event::Eof) => return Err("the sheet has no data part".to_string()),
                Err(e) => return Err(super::source::detail(e)),
                _ => {}
            }
        }
        Ok(SheetScan {
            xml,
            buf,
            inner: Vec::new(),
            row_index: 0,
            col_index: 0,
            row_hidden: false,
            hidden: HiddenRows::default(),
        })
    }

    /// The next `<c>` element, or `None` at the end of the sheet's data.
    pub(super) fn next_cell(&mut self) -> Result<Option<Scanned>, String> {
        let fail = |e: quick_xml::Error| super::source::detail(e);
        loop {
            self.buf.clear();
            let event = self.xml.read_event_into(&mut self.buf).map_err(fail)?;
            match event {
                Event::Start(e) if e.local_name().as_ref() == "row" => {
                    let mut hidden = false;
                    for a in e.attributes().flatten() {
                        match a.key.local_name().as_ref() {
                            "r" => {
                                let n = row_number(&a.value).ok_or_else(|| {
                                    format!("row number '{}' cannot be read", a.value)
                                })?;
                                self.row_index = n - 1;
                            }
                            "hidden" => hidden = matches!(&*a.value, "1" | "true"),
                            _ => {}
                        }
                    }
                    self.row_hidden = hidden;
                }
                Event::End(e) if e.local_name().as_ref() == "row" => {
                    self.row_index = self.row_index.saturating_add(1);
                    self.col_index = 0;
                    self.row_hidden = false;
                }
                Event::Start(e) if e.local_name().as_ref() == "c" => {
                    let mut place = None;
                    let mut is_error = false;
                    for a in e.attributes().flatten() {
                        match a.key.local_name().as_ref() {
                            "r" => place = reference(&a.value),
                            "t" => is_error = a.value == "e",
                            _ => {}
                        }
                    }
                    let (row, col) = match place {
                        Some((row, col)) => {
                            self.col_index = col;
                            (row.unwrap_or(self.row_index), col)
                        }
                        None => (self.row_index, self.col_index),
                    };
                    let seen = self.cell_body(is_error)?;
                    self.col_index = self.col_index.saturating_add(1);
                    if self.row_hidden {
                        self.row_hidden = false;
                        self.hidden.add(self.row_index.saturating_add(1));
                    }
                    return Ok(Some(Scanned { row, col, seen }));
                }
                Event::End(e) if e.local_name().as_ref() == "sheetData" => return Ok(None),
                Event::Eof => return Err("the sheet's data is cut short".to_string()),
                _ => {}
            }
        }
    }

    /// Reads a `<c>`'s children up to its end.
    fn cell_body(&mut self, is_error: bool) -> Result<Seen, String> {
        let fail = |e: quick_xml::Error| super::source::detail(e);
        let mut formula = false;
        let mut value = false;
        let mut error = None;
        // In an error cell's `<v>`: its text so far (nothing nests in `<v>`).
        let mut error_text: Option<String> = None;
        // The children are only looked at, not read to their ends: nothing in them is a `<c>`,
        // and no allocation is made but for an error cell's value.
        loop {
            self.inner.clear();
            match self.xml.read_event_into(&mut self.inner).map_err(fail)? {
                Event::Start(e) => match e.local_name().as_ref() {
                    "f" => formula = true,
                    "v" => {
                        value = true;
                        if is_error {
                            error_text = Some(String::new());
                        }
                    }
                    "is" => value = true,
                    _ => {}
                },
                Event::Text(t) => {
                    if let Some(text) = &mut error_text {
                        text.push_str(&t);
                    }
                }
                Event::End(e) => match e.local_name().as_ref() {
                    "c" => break,
                    "v" => {
                        if let Some(text) = error_text.take() {
                            error = error_value(&text);
                        }
                    }
                    _ => {}
                },
                Event::Eof => return Err("a cell is cut short".to_string()),
                _ => {}
            }
        }
        Ok(match error {
            Some(e) => Seen::Error(e),
            None if formula && !value => Seen::FormulaWithoutValue,
            None => Seen::Plain,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(xml: &str) -> (Vec<Scanned>, HiddenRows) {
        let mut s = SheetScan::new(xml.as_bytes()).unwrap();
        let mut out = Vec::new();
        while let Some(c) = s.next_cell().unwrap() {
            out.push(c);
        }
        (out, s.hidden)
    }

    #[test]
    fn cells_are_placed_as_calamine_places_them() {
        let (cells, hidden) = scan(
            r#"<worksheet><sheetData><row r="2" hidden="1"><c r="B2"><v>1</v></c><c><f>A1</f></c></row>
<row><c t="e"><f>X</f><v>#SPILL!</v></c><c r="D3" t="e"><v>#N/A</v></c><c r="E3"/></row>
<row r="9" hidden="1"/></sheetData></worksheet>"#,
        );
        let places: Vec<(u32, u32, Seen)> =
            cells.into_iter().map(|c| (c.row, c.col, c.seen)).collect();
        assert_eq!(
            places,
            [
                (1, 1, Seen::Plain),
                (1, 2, Seen::FormulaWithoutValue),
                (2, 0, Seen::Error("#SPILL!")),
                (2, 3, Seen::Error("#N/A")),
                (2, 4, Seen::Plain),
            ]
        );
        // Row 9 is hidden but holds no cell.
        assert_eq!(
            hidden,
            HiddenRows {
                count: 1,
                first: vec![2]
            }
        );
    }

    #[test]
    fn references_and_letters() {
        assert_eq!(reference("A1"), Some((Some(0), 0)));
        assert_eq!(reference("xfd1048576"), Some((Some(1_048_575), 16_383)));
        assert_eq!(reference("C"), Some((None, 2)));
        assert_eq!(reference("1"), None);
        assert_eq!(reference("A0"), None);
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(16_383), "XFD");
        assert_eq!(error_value(" #spill! "), Some("#SPILL!"));
        assert_eq!(error_value("SPILL"), None);
    }

    #[test]
    fn an_unreadable_row_number_is_an_error() {
        let mut s = SheetScan::new(&br#"<worksheet><sheetData><row r="x"><c/></row>"#[..]).unwrap();
        assert!(s.next_cell().is_err());
    }
}

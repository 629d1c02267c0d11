//! A guard before the `.ods` reader. calamine builds every sheet of an `.ods` file as a dense
//! grid when the workbook is opened: a stray cell far out (say at XFD5000 below a few real rows)
//! makes it allocate tens of millions of cells, gigabytes, before a single row reaches us. This
//! scans `content.xml` as a stream first, counting the cells the reader would build, and
//! refuses a file that would take more than any real list does.
//!
//! The count follows calamine's `read_table`/`read_row`/`get_range`: per row it keeps the cells
//! up to the last non-empty one (empty cells before it included, column repeats expanded, at
//! most 16,384); per sheet it then builds the smallest rectangle around the non-empty cells
//! with row repeats expanded (at most 1,048,576 rows), once for values and once for formulas.

use std::fs::File;
use std::io::BufReader;
use std::path::Path;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::error::{LoadError, SpreadsheetProblem};

/// Excel's and calamine's largest row and column counts.
const MAX_ROWS: u64 = 1_048_576;
const MAX_COLUMNS: u64 = 16_384;

/// The most cells (kept per row plus the dense rectangles, over all sheets) an `.ods` may make
/// the reader build. Each costs about 56 bytes (a value and a formula), so this keeps the
/// reader near 200 MiB; a list of 150,000 rows × 10 columns needs 3 million.
pub(super) const MAX_CELLS: u64 = 3_500_000;

/// What the reader would build for one sheet.
#[derive(Debug, Default, PartialEq, Eq)]
struct SheetCount {
    name: String,
    /// Cells kept row by row while reading.
    kept: u64,
    /// Rows so far, repeats expanded (capped like the reader).
    rows: u64,
    /// First and last (exclusive) expanded row holding a non-empty cell.
    first_row: Option<u64>,
    end_row: u64,
    /// Leftmost and rightmost (exclusive) non-empty column.
    first_col: u64,
    end_col: u64,
}

impl SheetCount {
    /// Rows and columns of the smallest rectangle around the non-empty cells.
    fn extent(&self) -> (u64, u64) {
        match self.first_row {
            Some(first) => (self.end_row - first, self.end_col - self.first_col),
            None => (0, 0),
        }
    }

    fn dense(&self) -> u64 {
        let (rows, columns) = self.extent();
        rows.saturating_mul(columns)
    }

    /// Cells the reader builds: those kept per row, and the rectangle for values and formulas.
    fn cost(&self) -> u64 {
        self.kept.saturating_add(self.dense().saturating_mul(2))
    }
}

/// The state of the row and cell being read.
#[derive(Default)]
struct RowCount {
    repeats: u64,
    /// The next column's index.
    col: u64,
    first_col: Option<u64>,
    end_col: u64,
    /// The cell being read: its column repeats and whether it holds anything.
    cell: Option<(u64, bool)>,
}

impl RowCount {
    fn end_cell(&mut self, repeats: u64, filled: bool) {
        let repeats = repeats.min(MAX_COLUMNS.saturating_sub(self.col));
        if filled && repeats > 0 {
            self.first_col.get_or_insert(self.col);
            self.end_col = self.col + repeats;
        }
        self.col += repeats;
    }
}

fn attr_number(e: &BytesStart<'_>, name: &str) -> u64 {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .and_then(|a| a.value.trim().parse().ok())
        .unwrap_or(1)
}

/// Whether a cell's own attributes give it a value (a type or a formula); text inside it is
/// seen as the cell is read.
fn has_value(e: &BytesStart<'_>) -> bool {
    e.attributes().flatten().any(|a| {
        matches!(
            a.key.as_ref(),
            "office:value-type" | "table:formula" | "calcext:value-type"
        )
    })
}

fn is_cell(name: &str) -> bool {
    name == "table:table-cell" || name == "table:covered-table-cell"
}

/// Counts the cells the `.ods` reader would build for every sheet of a `content.xml`.
fn count_sheets(xml: impl std::io::BufRead) -> Result<Vec<SheetCount>, quick_xml::Error> {
    let mut reader = Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut sheets: Vec<SheetCount> = Vec::new();
    let mut sheet: Option<SheetCount> = None;
    let mut row: Option<RowCount> = None;
    // Elements open inside the cell being read. The reader takes a cell's content as its value
    // and never looks inside it for rows or tables (a table nested in a cell included).
    let mut inside = 0usize;
    loop {
        let event = reader.read_event_into(&mut buf)?;
        if let Some(r) = row.as_mut()
            && let Some((repeats, filled)) = r.cell.as_mut()
        {
            match &event {
                Event::Eof => break,
                Event::Start(e) | Event::Empty(e) => {
                    if matches!(event, Event::Start(_)) {
                        inside += 1;
                    }
                    // A space element is text too.
                    *filled |= e.name().as_ref() == "text:s";
                }
                Event::Text(t) => *filled |= !t.trim().is_empty(),
                Event::GeneralRef(_) | Event::CData(_) => *filled = true,
                Event::End(_) if inside > 0 => inside -= 1,
                Event::End(_) => {
                    let (repeats, filled) = (*repeats, *filled);
                    r.cell = None;
                    r.end_cell(repeats, filled);
                }
                _ => {}
            }
            buf.clear();
            continue;
        }
        match &event {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) => {
                let empty = matches!(event, Event::Empty(_));
                let name = e.name();
                let name = name.as_ref();
                if name == "table:table" && sheet.is_none() {
                    let title = e
                        .attributes()
                        .flatten()
                        .find(|a| a.key.as_ref() == "table:name")
                        .map(|a| a.value.into_owned())
                        .unwrap_or_default();
                    sheet = Some(SheetCount {
                        name: title,
                        first_col: u64::MAX,
                        ..SheetCount::default()
                    });
                    if empty {
                        sheets.extend(sheet.take());
                    }
                } else if name == "table:table-row" && sheet.is_some() {
                    let r = RowCount {
                        repeats: attr_number(e, "table:number-rows-repeated"),
                        ..RowCount::default()
                    };
                    if empty {
                        end_row(sheet.as_mut(), r);
                    } else {
                        row = Some(r);
                    }
                } else if is_cell(name)
                    && let Some(r) = row.as_mut()
                {
                    let repeats = attr_number(e, "table:number-columns-repeated");
                    if empty {
                        r.end_cell(repeats, has_value(e));
                    } else {
                        r.cell = Some((repeats, has_value(e)));
                        inside = 0;
                    }
                }
            }
            Event::End(e) => {
                let name = e.name();
                let name = name.as_ref();
                if name == "table:table-row" {
                    if let Some(r) = row.take() {
                        end_row(sheet.as_mut(), r);
                    }
                } else if name == "table:table" {
                    sheets.extend(sheet.take());
                }
            }
            _ => {}
        }
        buf.clear();
    }
    sheets.extend(sheet);
    Ok(sheets)
}

fn end_row(sheet: Option<&mut SheetCount>, r: RowCount) {
    let Some(s) = sheet else { return };
    let repeats = r.repeats.min(MAX_ROWS.saturating_sub(s.rows));
    let start = s.rows;
    s.rows += repeats;
    if let Some(first_col) = r.first_col {
        s.kept += r.end_col;
        s.first_row.get_or_insert(start);
        s.end_row = s.rows;
        s.first_col = s.first_col.min(first_col);
        s.end_col = s.end_col.max(r.end_col);
    }
}

/// Refuses an `.ods` whose sheets would make the reader build more than [`MAX_CELLS`] cells.
/// A file that is not an `.ods` (no `content.xml`) passes: the readers decide what it is.
/// `file` is `path` opened, at its start.
pub(super) fn check(path: &Path, file: File) -> Result<(), LoadError> {
    let Ok(mut zip) = zip::ZipArchive::new(BufReader::new(file)) else {
        return Ok(());
    };
    let Ok(content) = zip.by_name("content.xml") else {
        return Ok(());
    };
    let sheets = count_sheets(BufReader::new(content)).map_err(|e| LoadError::NotASpreadsheet {
        path: path.into(),
        detail: SpreadsheetProblem::Damaged(format!("content.xml: {}", super::source::detail(e))),
    })?;
    let total = sheets
        .iter()
        .map(SheetCount::cost)
        .fold(0, u64::saturating_add);
    let Some(worst) = sheets.iter().max_by_key(|s| s.cost()) else {
        return Ok(());
    };
    if total <= MAX_CELLS {
        return Ok(());
    }
    let (rows, columns) = worst.extent();
    Err(LoadError::NotASpreadsheet {
        path: path.into(),
        detail: SpreadsheetProblem::TooManyCells {
            sheet: super::source::detail(&worst.name),
            rows,
            columns,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(body: &str) -> String {
        format!(
            r#"<?xml version="1.0"?><office:document-content><office:body><office:spreadsheet>{body}</office:spreadsheet></office:body></office:document-content>"#
        )
    }

    fn counted(body: &str) -> Vec<SheetCount> {
        count_sheets(doc(body).as_bytes()).expect("the XML reads")
    }

    const FILLED: &str =
        r#"<table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell>"#;

    #[test]
    fn a_small_sheet_counts_its_rectangle() {
        let row = format!("<table:table-row>{FILLED}{FILLED}{FILLED}</table:table-row>");
        let s = counted(&format!(
            r#"<table:table table:name="A">{row}{row}<table:table-row table:number-rows-repeated="1000"><table:table-cell table:number-columns-repeated="1024"/></table:table-row></table:table>"#
        ));
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].name, "A");
        assert_eq!((s[0].kept, s[0].dense()), (6, 6));
    }

    #[test]
    fn a_stray_cell_far_out_counts_the_whole_grid() {
        let s = counted(&format!(
            r#"<table:table table:name="B"><table:table-row>{FILLED}</table:table-row><table:table-row table:number-rows-repeated="4998"><table:table-cell/></table:table-row><table:table-row><table:table-cell table:number-columns-repeated="16383"/>{FILLED}</table:table-row></table:table>"#
        ));
        assert_eq!(s[0].kept, 1 + 16_384);
        assert_eq!(s[0].dense(), 5000 * 16_384);
    }

    #[test]
    fn repeats_are_capped_like_the_reader() {
        let s = counted(
            r#"<table:table table:name="C"><table:table-row table:number-rows-repeated="9000000"><table:table-cell office:value-type="float" office:value="1" table:number-columns-repeated="99999"/></table:table-row></table:table>"#,
        );
        assert_eq!(s[0].kept, MAX_COLUMNS);
        assert_eq!(s[0].dense(), MAX_ROWS * MAX_COLUMNS);
    }

    #[test]
    fn a_table_nested_in_a_cell_neither_ends_the_sheet_nor_adds_rows() {
        let nested = r#"<table:table-cell><table:table table:name="inde"><table:table-row table:number-rows-repeated="999999"><table:table-cell office:value-type="string"><text:p>y</text:p></table:table-cell></table:table-row></table:table></table:table-cell>"#;
        let s = counted(&format!(
            r#"<table:table table:name="G"><table:table-row>{FILLED}{nested}</table:table-row><table:table-row table:number-rows-repeated="398"><table:table-cell/></table:table-row><table:table-row><table:table-cell table:number-columns-repeated="16383"/>{FILLED}</table:table-row></table:table>"#
        ));
        assert_eq!(s.len(), 1, "{s:?}");
        assert_eq!(s[0].name, "G");
        assert_eq!(s[0].extent(), (400, 16_384));
    }

    #[test]
    fn empty_and_whitespace_cells_do_not_count() {
        let s = counted(
            r#"<table:table table:name="D"><table:table-row><table:table-cell><text:p> </text:p></table:table-cell><table:table-cell/></table:table-row></table:table><table:table table:name="E"/>"#,
        );
        assert_eq!(s.len(), 2);
        assert_eq!((s[0].kept, s[0].dense()), (0, 0));
    }

    #[test]
    fn columns_before_the_first_filled_cell_are_kept_but_not_in_the_rectangle() {
        let s = counted(&format!(
            r#"<table:table table:name="F"><table:table-row><table:table-cell table:number-columns-repeated="3"/>{FILLED}</table:table-row><table:table-row><table:table-cell table:number-columns-repeated="2"/>{FILLED}{FILLED}</table:table-row></table:table>"#
        ));
        assert_eq!(s[0].kept, 8);
        assert_eq!(s[0].dense(), 2 * 2);
    }
}

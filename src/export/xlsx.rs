//! The xlsx action sheet: an overview, every action in the order to perform it, conflicts,
//! rejected rows and forgotten cases.
//!
//! Sheet names stay Danish in every language (people and scripts refer to them); headers follow
//! the language. Every text from the input is written with `write_string`, so a value starting
//! with `=`, `+`, `-` or `@` is never a formula. Dates are real Excel dates (`dd-mm-yyyy`).
//! Column widths are computed from the written text rather than with `autofit()`, so the same
//! code serves large plans written row by row.

use std::collections::HashMap;
use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use crate::domain::cpr::mask_cpr_like;
use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};
use rust_xlsxwriter::{ColNum, ExcelDateTime, Format, RowNum, Workbook, Worksheet, XlsxError};

use super::{ExportError, ExportInput, ignore_reason, reject_reason};
use crate::domain::Cpr;
use crate::domain::date::fmt_dk;
use crate::i18n::domain;
use crate::i18n::export::*;
use crate::lang::Lang;
use crate::plan::ConflictState;
use crate::plan::{Action, ActionKind, Status};

/// Plans with more actions than this are written row by row to keep memory flat.
pub const CONSTANT_MEMORY_ABOVE: usize = 20_000;

/// The most rows an Excel sheet has, its header row included.
pub const MAX_ROWS: usize = 1_048_576;

const MAX_WIDTH: usize = 60;
const MIN_WIDTH: usize = 6;
/// Excel's limit on the characters in one cell.
const MAX_CELL_CHARS: usize = 32_767;
const DATE_FORMAT: &str = "dd-mm-yyyy";
const DATETIME_FORMAT: &str = "dd-mm-yyyy hh:mm";

fn t(text: Da2En, lang: Lang) -> &'static str {
    crate::i18n::export::label(text, lang)
}

fn xlsx_err(e: XlsxError) -> ExportError {
    ExportError::Xlsx(e.to_string())
}

/// Zip level for large plans: level 3 deflates about twice as fast as the default (6) for a file
/// only slightly larger.
const LARGE_ZIP_LEVEL: u8 = 3;

/// A citizen's actions planned again, by the citizen's position in the plan: for a plan made by
/// [`crate::plan::plan_outline`], which holds the counts but not every action.
pub type Replan<'a> = dyn Fn(usize) -> Vec<Action> + 'a;

/// Builds the workbook and returns its bytes.
pub fn xlsx_bytes(input: &ExportInput<'_>) -> Result<Vec<u8>, ExportError> {
    workbook(input, None, None)?
        .save_to_buffer()
        .map_err(xlsx_err)
}

/// [`xlsx_bytes`] for an outline plan, its actions planned again citizen by citizen.
pub fn xlsx_bytes_replanned(
    input: &ExportInput<'_>,
    replan: &Replan<'_>,
) -> Result<Vec<u8>, ExportError> {
    workbook(input, Some(replan), None)?
        .save_to_buffer()
        .map_err(xlsx_err)
}

/// Counts the action sheet's rows as they are written, and stops the writing with an error once
/// `cancel` is set (checked before each citizen).
#[derive(Clone, Copy)]
pub struct RowProgress<'a> {
    pub rows: &'a AtomicUsize,
    pub cancel: &'a AtomicBool,
}

/// Builds the workbook and streams it to `w` (large plans never hold the whole file in memory).
pub fn write_xlsx_to(
    w: &mut (dyn Write + Send),
    input: &ExportInput<'_>,
    replan: Option<&Replan<'_>>,
    progress: Option<RowProgress<'_>>,
) -> io::Result<()> {
    let mut wb = workbook(input, replan, progress).map_err(io::Error::other)?;
    wb.save_to_writer(w).map_err(io::Error::other)
}

/// Fills every sheet. Large plans are written in constant-memory mode: each row goes to a
/// temporary file as soon as the next one starts, and strings are stored inline. With `replan`,
/// each citizen's actions are planned again as its rows are written, and dropped after.
fn workbook(
    input: &ExportInput<'_>,
    replan: Option<&Replan<'_>>,
    progress: Option<RowProgress<'_>>,
) -> Result<Workbook, ExportError> {
    check_rows(input)?;
    let mut wb = Workbook::new();
    let formats = Formats {
        header: Format::new().set_bold(),
        date: Format::new().set_num_format(DATE_FORMAT),
        datetime: Format::new().set_num_format(DATETIME_FORMAT),
    };
    let large = input.plan.action_count() > CONSTANT_MEMORY_ABOVE;
    if large {
        wb.set_zip_compression_level(LARGE_ZIP_LEVEL);
    }
    overview(add_sheet(&mut wb, large)?, &formats, input)?;
    actions(
        add_sheet(&mut wb, large)?,
        &formats,
        input,
        replan,
        progress,
    )?;
    conflicts(add_sheet(&mut wb, large)?, &formats, input)?;
    rejected(add_sheet(&mut wb, large)?, &formats, input)?;
    forgotten(add_sheet(&mut wb, large)?, &formats, input)?;
    Ok(wb)
}

/// Refuses, before a row is written, a plan with more rows for a sheet than Excel holds (a
/// sheet would otherwise fail only at its 1,048,577th row, after most of the work).
pub fn check_rows(input: &ExportInput<'_>) -> Result<(), ExportError> {
    let plan = input.plan;
    let list = input.list;
    let forgotten = plan
        .citizens
        .iter()
        .filter(|c| c.status == Status::Glemt)
        .count();
    // Each sheet's rows below its header; the overview's are 14 labels, the counts per kind,
    // and one for each ignored sheet and note.
    let overview = 14 + plan.counts().len() + list.ignored_sheets.len() + plan.notes.len();
    let sheets = [
        (SHEET_NAMES[0], overview),
        (SHEET_NAMES[1], plan.action_count()),
        (SHEET_NAMES[2], plan.conflicts.len()),
        (SHEET_NAMES[3], list.rejected.len()),
        (SHEET_NAMES[4], forgotten),
    ];
    match sheets.into_iter().find(|(_, rows)| *rows >= MAX_ROWS) {
        Some((sheet, rows)) => Err(ExportError::TooManyRows { sheet, rows }),
        None => Ok(()),
    }
}

/// Adds a worksheet: row by row in constant memory for large plans (the sheet code writes rows
/// in order and computes widths itself), the normal mode otherwise.
fn add_sheet(wb: &mut Workbook, large: bool) -> Result<&mut Worksheet, ExportError> {
    if large {
        wb.add_worksheet_with_constant_memory().map_err(xlsx_err)
    } else {
        Ok(wb.add_worksheet())
    }
}

struct Formats {
    header: Format,
    date: Format,
    datetime: Format,
}

/// A worksheet being filled row by row, tracking each column's widest text.
struct Sheet<'a> {
    ws: &'a mut Worksheet,
    formats: &'a Formats,
    widths: Vec<usize>,
    row: RowNum,
    /// Mask anything CPR-like in every text cell (a name, an ID, an offer, a sheet or file
    /// name), unless full CPR was chosen.
    mask: bool,
}

impl<'a> Sheet<'a> {
    fn new(
        ws: &'a mut Worksheet,
        formats: &'a Formats,
        input: &ExportInput<'_>,
        name: &str,
        headers: &[&str],
    ) -> Result<Sheet<'a>, ExportError> {
        ws.set_name(name).map_err(xlsx_err)?;
        let mut sheet = Sheet {
            ws,
            formats,
            widths: Vec::new(),
            row: 0,
            mask: !input.show_cpr,
        };
        for (col, h) in headers.iter().enumerate() {
            let col = to_col(col)?;
            sheet
                .ws
                .write_string_with_format(0, col, *h, &sheet.formats.header)
                .map_err(xlsx_err)?;
            sheet.measure(col, h.chars().count());
        }
        sheet.row = 1;
        Ok(sheet)
    }

    fn measure(&mut self, col: ColNum, chars: usize) {
        let i = usize::from(col);
        if self.widths.len() <= i {
            self.widths.resize(i + 1, 0);
        }
        self.widths[i] = self.widths[i].max(chars);
    }

    /// Text as a string cell, never a formula, anything CPR-like masked unless full CPR was
    /// chosen; nothing for an empty text.
    fn text(&mut self, col: ColNum, s: &str) -> Result<(), ExportError> {
        if s.is_empty() {
            return Ok(());
        }
        let s = if self.mask {
            mask_cpr_like(s)
        } else {
            std::borrow::Cow::Borrowed(s)
        };
        let s: String = if s.chars().count() > MAX_CELL_CHARS {
            s.chars().take(MAX_CELL_CHARS).collect()
        } else {
            s.into_owned()
        };
        let widest = s.lines().map(|l| l.chars().count()).max().unwrap_or(0);
        self.ws.write_string(self.row, col, s).map_err(xlsx_err)?;
        self.measure(col, widest);
        Ok(())
    }

    fn opt_text(&mut self, col: ColNum, s: Option<&str>) -> Result<(), ExportError> {
        self.text(col, s.unwrap_or(""))
    }

    fn number(&mut self, col: ColNum, n: usize) -> Result<(), ExportError> {
        self.ws
            .write_number(self.row, col, n as f64)
            .map_err(xlsx_err)?;
        self.measure(col, n.to_string().len());
        Ok(())
    }

    /// A real date cell; nothing for none. A date Excel cannot hold is written as text.
    fn date(&mut self, col: ColNum, d: Option<NaiveDate>) -> Result<(), ExportError> {
        let Some(d) = d else { return Ok(()) };
        match excel_date(d) {
            Some(x) => {
                self.ws
                    .write_date_with_format(self.row, col, &x, &self.formats.date)
                    .map_err(xlsx_err)?;
                self.measure(col, DATE_FORMAT.len());
                Ok(())
            }
            None => self.text(col, &fmt_dk(d)),
        }
    }

    fn datetime(&mut self, col: ColNum, dt: NaiveDateTime) -> Result<(), ExportError> {
        let x = excel_date(dt.date()).and_then(|x| {
            x.and_hms(dt.hour() as u16, dt.minute() as u8, dt.second())
                .ok()
        });
        match x {
            Some(x) => {
                self.ws
                    .write_datetime_with_format(self.row, col, &x, &self.formats.datetime)
                    .map_err(xlsx_err)?;
                self.measure(col, DATETIME_FORMAT.len());
                Ok(())
            }
            None => self.text(col, &dt.format("%d-%m-%Y %H:%M").to_string()),
        }
    }

    fn next_row(&mut self) {
        self.row = self.row.saturating_add(1);
    }

    /// Frozen header row, an autofilter over the table, and widths fitted to the text.
    fn finish(self) -> Result<(), ExportError> {
        let cols = self.widths.len();
        for (col, w) in self.widths.iter().enumerate() {
            let width = (*w + 2).clamp(MIN_WIDTH, MAX_WIDTH);
            self.ws
                .set_column_width(to_col(col)?, width as f64)
                .map_err(xlsx_err)?;
        }
        self.ws.set_freeze_panes(1, 0).map_err(xlsx_err)?;
        if cols > 0 {
            let last_row = self.row.saturating_sub(1);
            self.ws
                .autofilter(0, 0, last_row, to_col(cols - 1)?)
                .map_err(xlsx_err)?;
        }
        Ok(())
    }
}

fn to_col(i: usize) -> Result<ColNum, ExportError> {
    ColNum::try_from(i).map_err(|_| xlsx_err(XlsxError::RowColumnLimitError))
}

fn excel_date(d: NaiveDate) -> Option<ExcelDateTime> {
    let year = u16::try_from(d.year()).ok()?;
    ExcelDateTime::from_ymd(year, d.month() as u8, d.day() as u8).ok()
}

fn headers(table: &[Da2En], lang: Lang) -> Vec<&'static str> {
    table.iter().map(|h| t(*h, lang)).collect()
}

fn overview(ws: &mut Worksheet, f: &Formats, input: &ExportInput<'_>) -> Result<(), ExportError> {
    let lang = input.lang;
    let plan = input.plan;
    let list = input.list;
    let mut s = Sheet::new(
        ws,
        f,
        input,
        SHEET_NAMES[0],
        &headers(&OVERVIEW_HEADERS, lang),
    )?;

    let text_row = |s: &mut Sheet, label: &str, value: &str| -> Result<(), ExportError> {
        s.text(0, label)?;
        s.text(1, value)?;
        s.next_row();
        Ok(())
    };
    let count_row = |s: &mut Sheet, label: &str, n: usize| -> Result<(), ExportError> {
        s.text(0, label)?;
        s.number(1, n)?;
        s.next_row();
        Ok(())
    };

    text_row(
        &mut s,
        t(L_MODEL, lang),
        domain::model_label(plan.model, lang),
    )?;
    s.text(0, t(L_SWITCH, lang))?;
    s.date(1, Some(plan.switch_date))?;
    s.next_row();
    if let Some(d1) = plan.reentry_date {
        s.text(0, t(L_REENTRY, lang))?;
        s.date(1, Some(d1))?;
        s.next_row();
    }
    text_row(&mut s, t(L_REASON_TEXT, lang), &plan.reason_text)?;
    text_row(&mut s, t(L_SOURCE, lang), &input.source_file())?;
    let cpr_mode = if input.show_cpr {
        L_CPR_FULL
    } else {
        L_CPR_MASKED
    };
    text_row(&mut s, t(L_CPR, lang), t(cpr_mode, lang))?;

    let forgotten = plan
        .citizens
        .iter()
        .filter(|c| c.status == Status::Glemt)
        .count();
    count_row(&mut s, t(L_CITIZENS, lang), plan.citizens.len())?;
    count_row(&mut s, t(L_FORGOTTEN, lang), forgotten)?;
    count_row(&mut s, t(L_ACTIONS, lang), plan.action_count())?;
    for (kind, form, n) in plan.counts() {
        let label = format!(
            "{}: {}",
            domain::action_label(kind, lang),
            domain::form_label(form, lang)
        );
        count_row(&mut s, &label, n)?;
    }
    count_row(&mut s, t(L_CONFLICTS, lang), plan.conflicts.len())?;
    count_row(&mut s, t(L_REJECTED, lang), list.rejected.len())?;
    count_row(&mut s, t(L_WARNINGS, lang), list.warnings.len())?;
    count_row(&mut s, t(L_IGNORED, lang), list.ignored_sheets.len())?;
    for sheet in &list.ignored_sheets {
        let label = format!("{}: {}", t(L_IGNORED, lang), sheet.name);
        text_row(&mut s, &label, &ignore_reason(sheet, lang))?;
    }
    for note in &plan.notes {
        text_row(
            &mut s,
            t(L_NOTE, lang),
            &domain::note_text(*note, &plan.reason_text, lang),
        )?;
    }
    s.text(0, t(L_GENERATED, lang))?;
    s.datetime(1, input.generated_at)?;
    s.next_row();
    s.finish()
}

fn actions(
    ws: &mut Worksheet,
    f: &Formats,
    input: &ExportInput<'_>,
    replan: Option<&Replan<'_>>,
    progress: Option<RowProgress<'_>>,
) -> Result<(), ExportError> {
    let lang = input.lang;
    let mut s = Sheet::new(
        ws,
        f,
        input,
        SHEET_NAMES[1],
        &headers(&ACTION_HEADERS, lang),
    )?;
    let states = conflict_states(input.plan);
    for (i, c) in input.plan.citizens.iter().enumerate() {
        if progress.is_some_and(|p| p.cancel.load(Ordering::Relaxed)) {
            let stop = io::Error::new(io::ErrorKind::Interrupted, "the export was cancelled");
            return Err(ExportError::Io(stop));
        }
        let cpr = c.cpr.display(input.show_cpr);
        let planned_again = replan.map(|r| r(i));
        let actions = planned_again.as_deref().unwrap_or(&c.actions);
        let citizen_status = domain::status_label(c.status, lang);
        let conflict = states.get(&c.cpr).map(|s| domain::state_label(*s, lang));
        for a in actions {
            s.number(0, i + 1)?;
            s.text(1, &cpr)?;
            s.opt_text(2, c.name.as_deref())?;
            s.number(3, a.step as usize)?;
            s.text(4, domain::system_label(a.system, lang))?;
            s.text(5, domain::part_label(a.part, lang))?;
            s.text(6, domain::form_label(a.form, lang))?;
            s.text(7, domain::action_label(a.action, lang))?;
            s.date(8, a.date)?;
            s.date(9, a.original_date)?;
            s.opt_text(10, a.reason.as_deref())?;
            s.opt_text(11, a.reason_text.as_deref())?;
            s.text(12, a.privilege.label())?;
            s.opt_text(13, a.case_id.as_deref())?;
            s.opt_text(14, a.detail.as_deref())?;
            s.text(15, &format!("{}:{}", a.source.sheet, a.source.row))?;
            let done = (input.done)(c, a);
            s.date(16, done.as_ref().map(|d| d.date))?;
            s.opt_text(17, done.as_ref().and_then(|d| d.by.as_deref()))?;
            s.text(18, citizen_status)?;
            s.number(19, actions.len())?;
            s.opt_text(20, conflict)?;
            s.opt_text(21, a.by_decision.then(|| t(YES, lang)))?;
            s.next_row();
            if let Some(p) = progress {
                p.rows.fetch_add(1, Ordering::Relaxed);
            }
        }
    }
    s.finish()
}

/// Per citizen with a conflict (notes aside): open while any is open, else decided.
fn conflict_states(plan: &crate::plan::Plan) -> HashMap<Cpr, ConflictState> {
    let mut out = HashMap::new();
    for c in plan.conflicts.iter().filter(|c| c.kind.needs_decision()) {
        let e = out.entry(c.cpr).or_insert(c.state());
        *e = (*e).max(c.state());
    }
    out
}

fn conflicts(ws: &mut Worksheet, f: &Formats, input: &ExportInput<'_>) -> Result<(), ExportError> {
    let lang = input.lang;
    let numbers = input.plan.conflict_citizens();
    let mut s = Sheet::new(
        ws,
        f,
        input,
        SHEET_NAMES[2],
        &headers(&CONFLICT_HEADERS, lang),
    )?;
    for (c, no) in input.plan.conflicts.iter().zip(numbers) {
        let no = (no > 0).then_some(no as usize);
        if let Some(no) = no {
            s.number(0, no)?;
        }
        s.text(1, &c.cpr.display(input.show_cpr))?;
        let name = no.and_then(|n| input.plan.citizens.get(n - 1));
        s.opt_text(2, name.and_then(|c| c.name.as_deref()))?;
        s.text(3, c.kind.key())?;
        s.text(4, domain::conflict_state(c, lang))?;
        s.text(5, &domain::conflict_message(&c.kind, lang))?;
        if let Some(r) = &c.resolution {
            s.text(6, &domain::resolution_text(r, lang))?;
            s.text(7, r.choice().key())?;
        }
        if let Some(src) = &c.source {
            s.text(8, &src.sheet)?;
            s.number(9, src.row as usize)?;
        }
        s.next_row();
    }
    s.finish()
}

fn rejected(ws: &mut Worksheet, f: &Formats, input: &ExportInput<'_>) -> Result<(), ExportError> {
    let lang = input.lang;
    let rows = &input.list.rejected;
    let value_cols = rows.iter().map(|r| r.values.len()).max().unwrap_or(0);
    let value_label = t(REJECTED_VALUE, lang);
    let value_headers: Vec<String> = (1..=value_cols)
        .map(|n| format!("{value_label} {n}"))
        .collect();
    let mut all: Vec<&str> = headers(&REJECTED_HEADERS, lang);
    all.extend(value_headers.iter().map(String::as_str));
    let mut s = Sheet::new(ws, f, input, SHEET_NAMES[3], &all)?;
    for r in rows {
        s.text(0, &r.source.sheet)?;
        s.number(1, r.source.row as usize)?;
        s.text(2, &reject_reason(r, lang))?;
        for (i, v) in r.values.iter().enumerate() {
            s.text(to_col(i + REJECTED_HEADERS.len())?, v)?;
        }
        s.next_row();
    }
    s.finish()
}

fn forgotten(ws: &mut Worksheet, f: &Formats, input: &ExportInput<'_>) -> Result<(), ExportError> {
    let lang = input.lang;
    let plan = input.plan;
    let mut s = Sheet::new(
        ws,
        f,
        input,
        SHEET_NAMES[4],
        &headers(&FORGOTTEN_HEADERS, lang),
    )?;
    // Borger nr is the citizen's number in Handlinger: it ties each forgotten case to its rows
    // even where two citizens share a masked CPR and a name.
    let forgotten = plan
        .citizens
        .iter()
        .enumerate()
        .filter(|(_, c)| c.status == Status::Glemt);
    for (i, c) in forgotten {
        let closes = c
            .actions
            .iter()
            .filter(|a| a.action == ActionKind::Afslut)
            .count();
        let has_conflict = plan.conflicts_of(&c.cpr).any(|c| c.is_open());
        s.number(0, i + 1)?;
        s.text(1, &c.cpr.display(input.show_cpr))?;
        s.opt_text(2, c.name.as_deref())?;
        s.date(3, c.slutdato)?;
        s.number(4, closes)?;
        s.text(5, t(if has_conflict { YES } else { NO }, lang))?;
        s.next_row();
    }
    s.finish()
}

#[cfg(test)]
#[path = "xlsx_tests.rs"]
mod tests;

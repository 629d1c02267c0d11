//! Exports: the JSON plan and the xlsx action sheet, both written atomically.
//!
//! Both take an [`ExportInput`]: the plan, the list it came from, whether to show full CPR, the
//! language, a timestamp for the sheet, and the dates actions were ticked off (if any).

mod atomic;
pub mod bundle;
mod json;
pub mod temp;
mod xlsx;

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveDateTime};

pub use crate::i18n::export::SHEET_NAMES;
pub use atomic::{ExportError, check_output, refuse_input, write_atomic, write_bytes_atomic};
pub use json::{
    ActionJson, CitizenJson, ConflictJson, CountsJson, FORMAT, IgnoredSheetJson, PlanJson,
    RejectedRowJson, SourceJson, VERSION, WarningJson, build_json, from_reader, from_slice,
    to_writer, write_plan,
};
pub use xlsx::{
    CONSTANT_MEMORY_ABOVE, MAX_ROWS, Replan, RowProgress, check_rows, xlsx_bytes,
    xlsx_bytes_replanned,
};

use crate::aktivliste::{Aktivliste, IgnoredSheet, RejectedRow, Warning};
use crate::lang::Lang;
use crate::plan::{Action, CitizenPlan, Plan};

/// An action ticked off as done: the day it was done, and who did it when that is known.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DoneMark {
    pub date: NaiveDate,
    /// The worker's initials.
    pub by: Option<String>,
}

impl DoneMark {
    /// Done on `date`, by someone not named.
    pub fn on(date: NaiveDate) -> DoneMark {
        DoneMark { date, by: None }
    }
}

/// Whether, when and by whom actions were ticked off as done, looked up per citizen and action.
pub type DoneFn<'a> = dyn Fn(&CitizenPlan, &Action) -> Option<DoneMark> + 'a;

/// Everything an export needs.
#[derive(Clone, Copy)]
pub struct ExportInput<'a> {
    pub plan: &'a Plan,
    pub list: &'a Aktivliste,
    /// Show full CPR numbers instead of `DDMMYY-xxxx` (an explicit choice).
    pub show_cpr: bool,
    pub lang: Lang,
    /// Shown on the xlsx overview ("genereret"); not part of the JSON, so the same input gives
    /// the same JSON bytes.
    pub generated_at: NaiveDateTime,
    /// When and by whom an action was ticked off, or none.
    pub done: &'a DoneFn<'a>,
}

impl ExportInput<'_> {
    /// The input list's file name (no folders).
    pub fn source_file(&self) -> String {
        self.list
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    }
}

// The reader's reasons and warnings, in the chosen language and as machine keys. The only
// place the exports look inside them.

/// Why a row was rejected, in the chosen language.
fn reject_reason(row: &RejectedRow, lang: Lang) -> String {
    row.reason.message(lang)
}

/// The machine key of why a row was rejected.
fn reject_reason_key(row: &RejectedRow) -> &'static str {
    row.reason.key()
}

/// Why a sheet was not used, in the chosen language.
fn ignore_reason(sheet: &IgnoredSheet, lang: Lang) -> String {
    sheet.reason.message(lang)
}

/// The machine key of why a sheet was not used.
fn ignore_reason_key(sheet: &IgnoredSheet) -> &'static str {
    sheet.reason.key()
}

/// A warning about a used row, in the chosen language.
fn warning_message(warning: &Warning, lang: Lang) -> String {
    warning.message(lang)
}

/// The machine key of a warning.
fn warning_key(warning: &Warning) -> &'static str {
    warning.kind.key()
}

/// Writes the JSON plan to `path` atomically.
pub fn write_json(path: &Path, input: &ExportInput<'_>) -> Result<(), ExportError> {
    write_json_with(path, input, None)
}

/// Writes the JSON plan to `path` atomically, citizen by citizen ([`write_plan`]). With
/// `replan`, the plan is an outline ([`crate::plan::plan_outline`]) and each citizen's actions
/// are planned again as they are written.
pub fn write_json_with(
    path: &Path,
    input: &ExportInput<'_>,
    replan: Option<&Replan<'_>>,
) -> Result<(), ExportError> {
    write_atomic(path, |w| write_plan(w, input, replan))
}

/// Writes the JSON plan to a writer (standard output), pretty-printed, ending in a newline.
pub fn write_json_to(w: &mut dyn Write, input: &ExportInput<'_>) -> Result<(), ExportError> {
    write_json_to_with(w, input, None)
}

/// [`write_json_to`], with each citizen's actions planned again for an outline plan.
pub fn write_json_to_with(
    w: &mut dyn Write,
    input: &ExportInput<'_>,
    replan: Option<&Replan<'_>>,
) -> Result<(), ExportError> {
    // Buffered here: standard output is line-buffered, and a pretty plan has many lines.
    let mut w = std::io::BufWriter::with_capacity(64 * 1024, w);
    write_plan(&mut w, input, replan)
        .and_then(|()| w.flush())
        .map_err(ExportError::Io)
}

/// Writes the xlsx action sheet to `path` atomically.
pub fn write_xlsx(path: &Path, input: &ExportInput<'_>) -> Result<(), ExportError> {
    write_xlsx_with(path, input, None, None)
}

/// Writes the action sheet to `path` atomically. With `replan`, the plan is an outline
/// ([`crate::plan::plan_outline`]) and each citizen's actions are planned again as its rows are
/// written: the whole plan is never in memory. With `progress`, the action rows are counted as
/// they are written, and a cancel leaves `path` as it was.
pub fn write_xlsx_with(
    path: &Path,
    input: &ExportInput<'_>,
    replan: Option<&Replan<'_>>,
    progress: Option<RowProgress<'_>>,
) -> Result<(), ExportError> {
    // A plan too large for a sheet is told before the temporary file is made.
    check_rows(input)?;
    write_atomic(path, |w| xlsx::write_xlsx_to(w, input, replan, progress))
}

/// Where the e-mail text to DST is written beside an export: `handlinger.xlsx` →
/// `handlinger.mail-til-dst.txt`.
pub fn mail_path(export: &Path) -> PathBuf {
    export.with_extension("mail-til-dst.txt")
}

/// Writes the e-mail text to DST to `path` atomically.
pub fn write_mail(path: &Path, text: &str) -> Result<(), ExportError> {
    write_atomic(path, |w| w.write_all(text.as_bytes()))
}

#[cfg(test)]
pub(crate) mod fixture;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_mail_goes_beside_the_export() {
        assert_eq!(
            mail_path(Path::new("ud/handlinger.xlsx")),
            Path::new("ud/handlinger.mail-til-dst.txt")
        );
        assert_eq!(
            mail_path(Path::new("plan.json")),
            Path::new("plan.mail-til-dst.txt")
        );
    }
}

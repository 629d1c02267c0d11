//! The words of review shared by its parts: the plan's columns, where a finding is, and why a
//! plan file cannot be read at all. Findings are in [`super::review_check`], the e-mail in
//! [`super::review_mail`], confirm and verify in [`super::review_followup`].

use chrono::NaiveDate;

use crate::domain::date::fmt_dk;
use crate::lang::Lang;
use crate::review::check::Column;
use crate::review::read::ReadError;

use super::Localize;

pub(super) fn date_or_empty(d: Option<NaiveDate>, lang: Lang) -> String {
    d.map(fmt_dk)
        .unwrap_or_else(|| lang.pick("(tom)", "(empty)").to_string())
}

pub(super) fn text_or_empty(t: &Option<String>, lang: Lang) -> String {
    match t.as_deref().map(str::trim) {
        Some(t) if !t.is_empty() => format!("\"{t}\""),
        _ => lang.pick("(tom)", "(empty)").to_string(),
    }
}

pub fn column_label(c: Column, lang: Lang) -> &'static str {
    match c {
        Column::CitizenNo => lang.pick("Borger nr", "Citizen no"),
        Column::Step => lang.pick("Trin", "Step"),
        Column::System => "System",
        Column::Form => lang.pick("Skema", "Form"),
        Column::Action => lang.pick("Handling", "Action"),
        Column::Date => lang.pick("Dato", "Date"),
        Column::OriginalDate => lang.pick("Oprindelig dato", "Original date"),
        Column::Done => lang.pick("Udført", "Done"),
    }
}

/// Why a plan file cannot be read at all.
pub fn read_error(e: &ReadError, lang: Lang) -> String {
    match e {
        ReadError::Io(d) => format!("{}: {d}", lang.pick("Filen kan ikke læses", "Cannot read the file")),
        ReadError::File(problem) => format!(
            "{}: {}",
            lang.pick("Filen kan ikke læses", "Cannot read the file"),
            super::Localize::localize(problem, lang)
        ),
        ReadError::NotAPlan => lang
            .pick(
                "Filen er ikke en plan fra skifteplan (hverken handlingsark .xlsx eller JSON-plan).",
                "The file is not a skifteplan plan (neither an .xlsx action sheet nor a JSON plan).",
            )
            .to_string(),
        ReadError::Damaged(d) => format!(
            "{}: {d}",
            lang.pick("Regnearket kan ikke åbnes", "The workbook cannot be opened")
        ),
        ReadError::MissingSheet(s) => format!(
            "{} \"{s}\"",
            lang.pick("Handlingsarket mangler arket", "The action sheet lacks the sheet")
        ),
        ReadError::MissingColumn(c) => format!(
            "{} \"{c}\"",
            lang.pick(
                "Arket Handlinger mangler kolonnen",
                "The sheet Handlinger lacks the column"
            )
        ),
        ReadError::MissingSetup(what) => {
            let what = match *what {
                "model" => lang.pick("modellen", "the model"),
                _ => lang.pick("skiftedatoen (D)", "the switch date (D)"),
            };
            format!(
                "{} {what}",
                lang.pick("Oversigten angiver ikke", "The overview does not state")
            )
        }
        ReadError::Json(e) => format!(
            "{}: {}",
            lang.pick("JSON-planen", "The JSON plan"),
            e.message(lang)
        ),
        ReadError::TooLarge { part, mib } => {
            let size = crate::aktivliste::unpacked_size(*mib);
            format!(
                "{} '{part}' {} {size}: {}",
                lang.pick("Regnearkets del", "The workbook's part"),
                lang.pick("pakkes ud til", "unpacks to"),
                lang.pick(
                    "mere end en plan kan fylde (er filen beskadiget?)",
                    "more than a plan can hold (is the file damaged?)"
                )
            )
        }
    }
}

/// "Handlinger række 12" / "citizens[0].actions[3]".
pub fn location(at: &crate::review::Location, lang: Lang) -> String {
    match at.row {
        Some(r) => format!("{} {} {r}", at.sheet, lang.pick("række", "row")),
        None => at.sheet.clone(),
    }
}

pub fn expected_label(lang: Lang) -> &'static str {
    lang.pick("forventet", "expected")
}

impl Localize for ReadError {
    fn localize(&self, lang: Lang) -> String {
        read_error(self, lang)
    }
}

/// English, from the same texts.
impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&read_error(self, Lang::En))
    }
}

impl std::error::Error for ReadError {}

//! Why a row was rejected, why a sheet was not used, and what a person should look at: typed.
//! Their Danish (default) and English words are in [`crate::i18n::list`]; `Display` is the
//! default language's.
//! No message holds CPR digits beyond the masked form; quoted cell text is masked.

use std::fmt;

use crate::domain::date::DateError;
use crate::domain::{Cpr, CprError};
use crate::i18n::Localize;
use crate::lang::Lang;

use super::Field;

/// What a yes/no-like column accepts, for messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    /// Ja/Nej or x.
    YesNo,
    /// A date, or Ja/Nej or x (KvalHep).
    DateOrYesNo,
}

/// Why a row could not be used. `column` is the header text as the file writes it; `text` is the
/// cell's text, masked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RejectReason {
    /// The CPR cell is empty.
    MissingCpr,
    /// The CPR cell is not a CPR number.
    InvalidCpr(CprError),
    /// A required date (anmodningsdato, indskrivningsdato) is empty.
    MissingDate { column: String },
    /// A date cell could not be read.
    BadDate {
        column: String,
        text: String,
        problem: DateError,
    },
    /// A yes/no (or KvalHep) cell is neither.
    BadValue {
        column: String,
        text: String,
        expected: Expected,
    },
    /// The row repeats the column headers.
    RepeatedHeader,
    /// The row is a note, a title or a total line ("I alt: 12"), not a citizen.
    NoteLine,
    /// The CPR is already in an earlier row (decisions file).
    DuplicateCpr { first_row: u32 },
    /// A decisions file's row whose CPR is no citizen of the list.
    DecisionMatchesNobody,
    /// A used column's cell is a formula saved without its value (`cell` is its reference,
    /// e.g. `C5`).
    FormulaWithoutValue { column: String, cell: String },
    /// A used column's cell could not be read; `detail` is the reader's, masked.
    UnreadableCell {
        column: String,
        cell: String,
        detail: String,
    },
}

impl RejectReason {
    /// A stable machine key (JSON, tests).
    pub fn key(&self) -> &'static str {
        match self {
            RejectReason::MissingCpr => "missing_cpr",
            RejectReason::InvalidCpr(_) => "invalid_cpr",
            RejectReason::MissingDate { .. } => "missing_date",
            RejectReason::BadDate { .. } => "bad_date",
            RejectReason::BadValue { .. } => "bad_value",
            RejectReason::RepeatedHeader => "repeated_header",
            RejectReason::NoteLine => "note_line",
            RejectReason::DuplicateCpr { .. } => "duplicate_cpr",
            RejectReason::DecisionMatchesNobody => "decision_matches_nobody",
            RejectReason::FormulaWithoutValue { .. } => "formula_without_value",
            RejectReason::UnreadableCell { .. } => "unreadable_cell",
        }
    }

    /// One line for a caseworker; the words are in [`crate::i18n::list`].
    pub fn message(&self, lang: Lang) -> String {
        self.localize(lang)
    }
}

/// The default language's message, from the same texts as `message`.
impl fmt::Display for RejectReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.localize(Lang::default()))
    }
}

/// Why a sheet was not used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IgnoreReason {
    /// The sheet holds no data.
    Empty,
    /// No row within the first 30 names two known columns.
    NoHeader,
    /// The header has no CPR column (map one with `--column cpr=...`).
    NoCprColumn,
    /// The header has neither an anmodningsdato nor an indskrivningsdato column.
    NoDateColumn,
    /// A decisions file's first usable sheet has been read; later sheets are not.
    NotFirstSheet,
    /// The sheet could not be read (a chart sheet, a damaged part); the detail is masked.
    Unreadable(String),
}

impl IgnoreReason {
    /// Whether the sheet may hold citizens that were not read: it could not be read, or its
    /// header names list columns but not the CPR or a date column. An empty sheet, a sheet
    /// without any list header (a cover note) and a decisions file's later sheets do not.
    pub fn needs_a_person(&self) -> bool {
        matches!(
            self,
            IgnoreReason::Unreadable(_) | IgnoreReason::NoCprColumn | IgnoreReason::NoDateColumn
        )
    }

    pub fn key(&self) -> &'static str {
        match self {
            IgnoreReason::Empty => "empty",
            IgnoreReason::NoHeader => "no_header",
            IgnoreReason::NoCprColumn => "no_cpr_column",
            IgnoreReason::NoDateColumn => "no_date_column",
            IgnoreReason::NotFirstSheet => "not_first_sheet",
            IgnoreReason::Unreadable(_) => "unreadable",
        }
    }

    /// Why the sheet was not used; the words are in [`crate::i18n::list`].
    pub fn message(&self, lang: Lang) -> String {
        self.localize(lang)
    }
}

/// The default language's message, from the same texts as `message`.
impl fmt::Display for IgnoreReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.localize(Lang::default()))
    }
}

/// How a list was read, for a person to know (nothing here is lost: hidden sheets and rows are
/// read like the others).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadNote {
    /// A sheet the workbook hides; `very` when it is very hidden (shown again only with a
    /// macro).
    HiddenSheet { sheet: String, very: bool },
    /// Rows of a sheet that the workbook hides (a filter, or rows hidden by hand).
    HiddenRows {
        sheet: String,
        rows: super::HiddenRows,
    },
    /// The encoding a CSV file was read in, and why.
    Encoding(super::csv_source::EncodingNote),
}

impl LoadNote {
    pub fn key(&self) -> &'static str {
        match self {
            LoadNote::HiddenSheet { .. } => "hidden_sheet",
            LoadNote::HiddenRows { .. } => "hidden_rows",
            LoadNote::Encoding(_) => "encoding",
        }
    }

    /// Whether a person must look at the list because of it: characters of a CSV read as
    /// UTF-8 were replaced. Hidden sheets and rows were read like the others.
    pub fn needs_a_person(&self) -> bool {
        matches!(self, LoadNote::Encoding(n)
            if n.encoding == super::TextEncoding::Utf8 && n.invalid_bytes > 0)
    }

    /// The note in words; they are in [`crate::i18n::list`].
    pub fn message(&self, lang: Lang) -> String {
        self.localize(lang)
    }
}

/// What a person should look at in a row that was used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WarningKind {
    /// The CPR fails the modulus-11 check (issued since 2007, so allowed).
    Mod11Failed { cpr: Cpr },
    /// A replacement number (erstatningspersonnummer).
    Replacement { cpr: Cpr },
    /// Ydelser on a row without an indskrivning cannot be placed and are not used.
    YdelseWithoutIndskrivning,
    /// An explicit column mapping matched no header in any sheet that was used.
    MappingNotFound { field: Field, header: String },
    /// A row repeats a case of an earlier row (its ID, or without IDs its date) with another
    /// date for `form`: the earlier row's date is used.
    SameCaseOtherDate {
        form: crate::domain::Form,
        first_row: u32,
    },
    /// The row gives an end date (Slutdato, Udskrivningsdato, Afslutningsdato) but does not mark
    /// the case forgotten (Glemt): the date is not used.
    EndDateWithoutGlemt,
}

impl WarningKind {
    pub fn key(&self) -> &'static str {
        match self {
            WarningKind::Mod11Failed { .. } => "cpr_mod11_failed",
            WarningKind::Replacement { .. } => "cpr_replacement",
            WarningKind::YdelseWithoutIndskrivning => "ydelse_without_indskrivning",
            WarningKind::MappingNotFound { .. } => "mapping_not_found",
            WarningKind::SameCaseOtherDate { .. } => "same_case_other_date",
            WarningKind::EndDateWithoutGlemt => "end_date_without_glemt",
        }
    }

    /// What to look at; the words are in [`crate::i18n::list`].
    pub fn message(&self, lang: Lang) -> String {
        self.localize(lang)
    }
}

/// The default language's message, from the same texts as `message`.
impl fmt::Display for WarningKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.localize(Lang::default()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_in_both_languages() {
        let r = RejectReason::BadDate {
            column: "Anmodningsdato".into(),
            text: "31-02-2025".into(),
            problem: DateError::Impossible {
                day: 31,
                month: 2,
                year: 2025,
            },
        };
        assert_eq!(
            r.message(Lang::En),
            "Anmodningsdato '31-02-2025': impossible date"
        );
        assert_eq!(
            r.message(Lang::Da),
            "Anmodningsdato '31-02-2025': umulig dato"
        );
        assert_eq!(r.to_string(), r.message(Lang::Da));
        assert_eq!(r.key(), "bad_date");
        assert_eq!(
            RejectReason::InvalidCpr(CprError::InvalidDate).message(Lang::En),
            "Invalid CPR: does not start with a valid date"
        );
        assert_eq!(IgnoreReason::Empty.message(Lang::En), "the sheet is empty");
    }

    #[test]
    fn cpr_warnings_show_only_the_masked_form() {
        let (cpr, _) = Cpr::parse("010190-2000").unwrap();
        for lang in [Lang::Da, Lang::En] {
            let m = WarningKind::Mod11Failed { cpr }.message(lang);
            assert!(m.contains("010190-xxxx"));
            assert!(!m.contains("2000"));
        }
    }
}

//! Why a row was rejected, why a sheet was not used, and what a person should look at: typed,
//! with Danish (default) and English messages. No message holds CPR digits beyond the masked
//! form; quoted cell text is masked.

use std::fmt;

use crate::domain::date::DateError;
use crate::domain::{Cpr, CprError};
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
        }
    }

    /// One line for a caseworker.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            RejectReason::MissingCpr => lang.pick("CPR mangler", "CPR is missing").to_string(),
            RejectReason::InvalidCpr(e) => format!(
                "{}: {}",
                lang.pick("Ugyldigt CPR", "Invalid CPR"),
                cpr_problem(*e, lang)
            ),
            RejectReason::MissingDate { column } => {
                format!("{column} {}", lang.pick("mangler", "is missing"))
            }
            RejectReason::BadDate {
                column,
                text,
                problem,
            } => format!("{column} '{text}': {}", date_problem(problem, lang)),
            RejectReason::BadValue {
                column,
                text,
                expected,
            } => format!(
                "{column} '{text}': {}",
                match expected {
                    Expected::YesNo =>
                        lang.pick("forventet Ja/Nej eller x", "expected Ja/Nej or x"),
                    Expected::DateOrYesNo => lang.pick(
                        "forventet en dato, Ja/Nej eller x",
                        "expected a date, Ja/Nej or x"
                    ),
                }
            ),
            RejectReason::RepeatedHeader => lang
                .pick(
                    "rækken gentager kolonneoverskrifterne",
                    "the row repeats the column headers",
                )
                .to_string(),
            RejectReason::NoteLine => lang
                .pick(
                    "rækken er en note eller sumlinje, ikke en borger",
                    "the row is a note or a total line, not a citizen",
                )
                .to_string(),
            RejectReason::DuplicateCpr { first_row } => format!(
                "{} {first_row}",
                lang.pick("samme CPR står også i række", "the same CPR is also in row")
            ),
        }
    }
}

/// The default language's message.
impl fmt::Display for RejectReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::default()))
    }
}

fn cpr_problem(e: CprError, lang: Lang) -> &'static str {
    match e {
        CprError::Empty => lang.pick("tomt", "empty"),
        CprError::WrongLength => lang.pick("skal have 10 cifre", "must have 10 digits"),
        CprError::NotDigits => lang.pick(
            "indeholder andet end cifre og én bindestreg",
            "holds characters other than digits and one hyphen",
        ),
        CprError::InvalidDate => lang.pick(
            "begynder ikke med en gyldig dato",
            "does not start with a valid date",
        ),
    }
}

/// A date problem in words, Danish or English.
pub(crate) fn date_problem(e: &DateError, lang: Lang) -> &'static str {
    match e {
        DateError::Unrecognised => lang.pick(
            "ikke en dato (forventet dd-mm-åååå eller åååå-mm-dd)",
            "not a date (expected dd-mm-yyyy or yyyy-mm-dd)",
        ),
        DateError::TwoDigitYear => lang.pick(
            "tocifret årstal gættes ikke (skriv året med fire cifre)",
            "two-digit year is not guessed (write the year with four digits)",
        ),
        DateError::Impossible { .. } => lang.pick("umulig dato", "impossible date"),
        DateError::SerialOutOfRange => lang.pick(
            "Excel-datotal uden for gyldigt område",
            "Excel date number out of range",
        ),
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

    pub fn message(&self, lang: Lang) -> String {
        match self {
            IgnoreReason::Empty => lang.pick("arket er tomt", "the sheet is empty").to_string(),
            IgnoreReason::NoHeader => lang
                .pick(
                    "ingen kolonneoverskrifter genkendt i de første 30 rækker",
                    "no column headers recognised in the first 30 rows",
                )
                .to_string(),
            IgnoreReason::NoCprColumn => lang
                .pick(
                    "ingen CPR-kolonne (angiv den med --column cpr=\"...\")",
                    "no CPR column (name it with --column cpr=\"...\")",
                )
                .to_string(),
            IgnoreReason::NoDateColumn => lang
                .pick(
                    "hverken en anmodningsdato- eller en indskrivningsdato-kolonne",
                    "neither an anmodningsdato nor an indskrivningsdato column",
                )
                .to_string(),
            IgnoreReason::NotFirstSheet => lang
                .pick(
                    "kun det første ark med beslutninger læses",
                    "only the first sheet with decisions is read",
                )
                .to_string(),
            IgnoreReason::Unreadable(detail) => format!(
                "{}: {detail}",
                lang.pick("arket kan ikke læses", "the sheet cannot be read")
            ),
        }
    }
}

/// The default language's message.
impl fmt::Display for IgnoreReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::default()))
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
}

impl WarningKind {
    pub fn key(&self) -> &'static str {
        match self {
            WarningKind::Mod11Failed { .. } => "cpr_mod11_failed",
            WarningKind::Replacement { .. } => "cpr_replacement",
            WarningKind::YdelseWithoutIndskrivning => "ydelse_without_indskrivning",
            WarningKind::MappingNotFound { .. } => "mapping_not_found",
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        match self {
            WarningKind::Mod11Failed { cpr } => format!(
                "CPR {} {}",
                cpr.masked(),
                lang.pick(
                    "består ikke modulus 11-kontrollen (tilladt siden 2007; kontrollér nummeret)",
                    "fails the modulus-11 check (allowed since 2007; check the number)"
                )
            ),
            WarningKind::Replacement { cpr } => format!(
                "CPR {} {}",
                cpr.masked(),
                lang.pick(
                    "er et erstatningspersonnummer",
                    "is a replacement number (erstatningspersonnummer)"
                )
            ),
            WarningKind::YdelseWithoutIndskrivning => lang
                .pick(
                    "ydelser uden indskrivningsdato er ikke brugt",
                    "ydelser without an indskrivningsdato are not used",
                )
                .to_string(),
            WarningKind::MappingNotFound { field, header } => format!(
                "{} '{header}' ({}) {}",
                lang.pick("Kolonnen", "The column"),
                field.key(),
                lang.pick(
                    "findes ikke i noget brugt ark",
                    "is not in any sheet that was used"
                )
            ),
        }
    }
}

/// The default language's message.
impl fmt::Display for WarningKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::default()))
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

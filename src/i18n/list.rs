//! The words of reading an Aktivliste (or a decisions file): why a row was rejected, why a sheet
//! was not used, what a person should look at, and why a file could not be read at all. No text
//! holds CPR digits beyond the masked form; quoted cell text is masked before it gets here.

use std::path::Path;

use crate::aktivliste::{
    Expected, IgnoreReason, LoadError, RejectReason, SpreadsheetProblem, WarningKind,
};
use crate::domain::CprError;
use crate::domain::date::DateError;
use crate::lang::Lang;

use super::Localize;

/// The size a zip part declares, for a message: "512 MiB", or "over 4 GiB" for a zip64 part.
pub fn unpacked_size(mib: u64) -> String {
    if mib == u64::MAX >> 20 {
        "over 4 GiB".to_string()
    } else {
        format!("{mib} MiB")
    }
}

/// What is wrong with a CPR cell, without "CPR" (the caller names it).
pub fn cpr_problem(e: CprError, lang: Lang) -> &'static str {
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
pub fn date_problem(e: &DateError, lang: Lang) -> &'static str {
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
            "Excel-datotal uden for gyldigt område (1900-2100)",
            "Excel date number out of range (1900-2100)",
        ),
        DateError::YearOutOfRange { .. } => lang.pick(
            "årstallet ligger uden for 1900-2100",
            "the year is outside 1900-2100",
        ),
    }
}

impl Localize for CprError {
    fn localize(&self, lang: Lang) -> String {
        cpr_problem(*self, lang).to_string()
    }
}

impl Localize for DateError {
    fn localize(&self, lang: Lang) -> String {
        date_problem(self, lang).to_string()
    }
}

impl Localize for Expected {
    fn localize(&self, lang: Lang) -> String {
        match self {
            Expected::YesNo => lang.pick("forventet Ja/Nej eller x", "expected Ja/Nej or x"),
            Expected::DateOrYesNo => lang.pick(
                "forventet en dato, Ja/Nej eller x",
                "expected a date, Ja/Nej or x",
            ),
        }
        .to_string()
    }
}

/// One line for a caseworker on a row that could not be used.
impl Localize for RejectReason {
    fn localize(&self, lang: Lang) -> String {
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
            } => format!("{column} '{text}': {}", expected.localize(lang)),
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
            RejectReason::DecisionMatchesNobody => lang
                .pick(
                    "beslutningsfilens CPR er ingen borger på listen (ret CPR, eller fjern rækken); beslutningen er ikke brugt",
                    "the decisions file's CPR is no citizen on the list (correct the CPR, or remove the row); the decision is not used",
                )
                .to_string(),
        }
    }
}

/// Why a sheet was not used.
impl Localize for IgnoreReason {
    fn localize(&self, lang: Lang) -> String {
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

/// What a person should look at in a row that was used.
impl Localize for WarningKind {
    fn localize(&self, lang: Lang) -> String {
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
            WarningKind::SameCaseOtherDate { form, first_row } => match lang {
                Lang::Da => format!(
                    "rækken gentager sagen fra række {first_row} (samme ID eller dato) med en anden dato for {}: datoen fra række {first_row} er brugt; tjek sagen i SMDB",
                    super::domain::form_label(*form, lang)
                ),
                Lang::En => format!(
                    "the row repeats the case of row {first_row} (the same ID or date) with another date for {}: row {first_row}'s date is used; check the case in SMDB",
                    super::domain::form_label(*form, lang)
                ),
            },
        }
    }
}

/// Why the content of a file is not a spreadsheet this program reads.
impl Localize for SpreadsheetProblem {
    fn localize(&self, lang: Lang) -> String {
        match self {
            SpreadsheetProblem::TextFile => lang
                .pick(
                    "filen indeholder tekst, ikke et Excel-regneark (er det en CSV-fil? giv den endelsen .csv)",
                    "the file holds text, not an Excel workbook (is it a CSV file? give it the .csv extension)",
                )
                .to_string(),
            SpreadsheetProblem::WrongContent { expected } => format!(
                "{} {expected}",
                lang.pick(
                    "indholdet er ikke et regneark af typen",
                    "the content is not a workbook of type"
                )
            ),
            SpreadsheetProblem::Encrypted => lang
                .pick(
                    "regnearket er beskyttet med adgangskode; gem det uden adgangskode",
                    "the workbook is password-protected; save it without a password",
                )
                .to_string(),
            SpreadsheetProblem::Damaged(detail) => format!(
                "{}: {detail}",
                lang.pick(
                    "filen er beskadiget eller ufuldstændig",
                    "the file is damaged or incomplete"
                )
            ),
            SpreadsheetProblem::TooLarge { part, mib } => {
                let size = unpacked_size(*mib);
                format!(
                    "{} '{part}' {} {size}: {}",
                    lang.pick("delen", "the part"),
                    lang.pick("pakkes ud til", "unpacks to"),
                    lang.pick(
                        "mere end en aktivliste kan fylde (er filen beskadiget?)",
                        "more than an active-case list can hold (is the file damaged?)"
                    )
                )
            }
            SpreadsheetProblem::TooManyCells {
                sheet,
                rows,
                columns,
            } => {
                let millions = rows.saturating_mul(*columns).div_ceil(1_000_000);
                match lang {
                    Lang::Da => format!(
                        "arket '{sheet}' spænder over {rows} rækker × {columns} kolonner, {millions} mio. celler at læse (står der noget langt under eller til højre for listen?); slet de tomme rækker og kolonner efter listen, eller gem filen som .xlsx"
                    ),
                    Lang::En => format!(
                        "sheet '{sheet}' spans {rows} rows × {columns} columns, {millions} million cells to read (is there something far below or right of the list?); delete the empty rows and columns after the list, or save the file as .xlsx"
                    ),
                }
            }
        }
    }
}

fn shown(path: &Path) -> String {
    path.display().to_string()
}

/// Why a list could not be read at all: one line a caseworker understands, naming the file.
impl Localize for LoadError {
    fn localize(&self, lang: Lang) -> String {
        match self {
            LoadError::NotFound(p) => crate::error::FileProblem::Missing.at(p, lang),
            LoadError::File { path, problem } => problem.at(path, lang),
            LoadError::Locked(p) => format!(
                "{}: {}",
                lang.pick(
                    "Filen kan ikke åbnes (er den åben i Excel eller låst?)",
                    "The file cannot be opened (is it open in Excel, or locked?)"
                ),
                shown(p)
            ),
            LoadError::UnsupportedType(p) => format!(
                "{}: {}",
                lang.pick(
                    "Filtypen kan ikke læses (brug .xlsx, .xls, .xlsb, .ods eller .csv)",
                    "This file type cannot be read (use .xlsx, .xls, .xlsb, .ods or .csv)"
                ),
                shown(p)
            ),
            LoadError::NotASpreadsheet { path, detail } => format!(
                "{} {}: {}",
                shown(path),
                lang.pick(
                    "kan ikke læses som regneark",
                    "cannot be read as a spreadsheet"
                ),
                detail.localize(lang)
            ),
            LoadError::Empty(p) => format!(
                "{} {}",
                shown(p),
                lang.pick(
                    "indeholder ingen ark med data",
                    "holds no sheets with data"
                )
            ),
            LoadError::NoHeader(p) => format!(
                "{} {}",
                shown(p),
                lang.pick(
                    "har ingen genkendelige kolonneoverskrifter: intet ark har en række med en CPR-kolonne og en anmodningsdato- eller indskrivningsdato-kolonne blandt de første 30 rækker (angiv kolonner med --column)",
                    "has no recognisable header: no sheet has a row with a CPR column and an anmodningsdato or indskrivningsdato column in its first 30 rows (name columns with --column)"
                )
            ),
            LoadError::NoCprColumn { sheet } => format!(
                "{} '{sheet}' {}",
                lang.pick("Arket", "Sheet"),
                lang.pick(
                    "har kolonneoverskrifter, men ingen CPR-kolonne (angiv den med --column cpr=\"...\")",
                    "has a header but no CPR column (name it with --column cpr=\"...\")"
                )
            ),
            LoadError::NoDecisionColumns(p) => format!(
                "{} {}",
                shown(p),
                lang.pick(
                    "har intet ark med en CPR-kolonne og en Glemt- eller Slutdato-kolonne",
                    "has no sheet with a CPR column and a Glemt or Slutdato column"
                )
            ),
            LoadError::BadDecision { sheet, row, reason } => format!(
                "{} '{sheet}' {} {row}: {}",
                lang.pick("Beslutningsfilen, ark", "Decisions file, sheet"),
                lang.pick("række", "row"),
                reason.localize(lang)
            ),
            LoadError::Io(detail) => format!(
                "{}: {detail}",
                lang.pick("Filen kunne ikke læses", "The file could not be read")
            ),
        }
    }
}

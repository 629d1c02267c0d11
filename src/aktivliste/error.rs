//! Why a list (or a decisions file) could not be read at all. `Display` is English for logs and
//! `{:#}` chains; [`LoadError::message`] gives the caseworker's line in Danish or English. No
//! message holds a CPR number or cell text that may be one.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::lang::Lang;

use super::reason::RejectReason;

/// Why the content of a file is not a spreadsheet this program reads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SpreadsheetProblem {
    /// The file holds text (a CSV renamed, an HTML export) under a spreadsheet extension.
    TextFile,
    /// The content is not the format the extension says, nor another format we read.
    WrongContent { expected: &'static str },
    /// A password-protected (encrypted) workbook.
    Encrypted,
    /// The reader failed inside the file; the detail is masked and short.
    Damaged(String),
    /// A part of the workbook unpacks to more than any real list (a zip bomb, or damage).
    TooLarge { part: String, mib: u64 },
    /// An `.ods` sheet that the reader would have to build as a grid of more cells than any
    /// real list has (usually a stray cell far below or right of the list).
    TooManyCells {
        sheet: String,
        rows: u64,
        columns: u64,
    },
}

impl SpreadsheetProblem {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            SpreadsheetProblem::TextFile => lang
                .pick(
                    "filen indeholder tekst, ikke et Excel-regneark (er det en CSV-fil? giv den endelsen .csv)",
                    "the file holds text, not an Excel workbook (is it a CSV file? give it the .csv extension)",
                )
                .to_string(),
            SpreadsheetProblem::WrongContent { expected } => format!(
                "{} {expected}",
                lang.pick("indholdet er ikke et regneark af typen", "the content is not a workbook of type")
            ),
            SpreadsheetProblem::Encrypted => lang
                .pick(
                    "regnearket er beskyttet med adgangskode; gem det uden adgangskode",
                    "the workbook is password-protected; save it without a password",
                )
                .to_string(),
            SpreadsheetProblem::Damaged(detail) => format!(
                "{}: {detail}",
                lang.pick("filen er beskadiget eller ufuldstændig", "the file is damaged or incomplete")
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
            SpreadsheetProblem::TooManyCells { sheet, rows, columns } => {
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

/// The size a zip part declares, for a message: "512 MiB", or "over 4 GiB" for a zip64 part.
pub fn unpacked_size(mib: u64) -> String {
    if mib == u64::MAX >> 20 {
        "over 4 GiB".to_string()
    } else {
        format!("{mib} MiB")
    }
}

/// English, like [`LoadError`]'s `Display`.
impl fmt::Display for SpreadsheetProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

/// Why a list could not be read at all. Every message is one line a caseworker understands, and
/// never holds a CPR number.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("no such file: {0}")]
    NotFound(PathBuf),
    #[error("the file cannot be opened (is it open in Excel, or locked?): {0}")]
    Locked(PathBuf),
    #[error("not a spreadsheet this program reads (.xlsx, .xls, .xlsb, .ods or .csv): {0}")]
    UnsupportedType(PathBuf),
    #[error("{path} is not a readable spreadsheet: {detail}")]
    NotASpreadsheet {
        path: PathBuf,
        detail: SpreadsheetProblem,
    },
    #[error("{0} holds no sheets with data")]
    Empty(PathBuf),
    #[error(
        "no recognisable header in {0}: no sheet has a row with a CPR column and an anmodningsdato or indskrivningsdato column in its first 30 rows"
    )]
    NoHeader(PathBuf),
    #[error("no sheet in {0} has a CPR column together with a Glemt or Slutdato column")]
    NoDecisionColumns(PathBuf),
    #[error("sheet '{sheet}' has a header but no CPR column (map one with --column cpr=\"...\")")]
    NoCprColumn { sheet: String },
    #[error("decisions file, sheet '{sheet}' row {row}: {}", .reason.message(Lang::En))]
    BadDecision {
        sheet: String,
        row: u32,
        reason: RejectReason,
    },
    #[error("{0}")]
    Io(String),
}

fn shown(path: &Path) -> String {
    path.display().to_string()
}

impl LoadError {
    /// One line for a caseworker, Danish (default) or English.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            LoadError::NotFound(p) => {
                format!("{}: {}", lang.pick("Filen findes ikke", "No such file"), shown(p))
            }
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
                lang.pick("kan ikke læses som regneark", "cannot be read as a spreadsheet"),
                detail.message(lang)
            ),
            LoadError::Empty(p) => format!(
                "{} {}",
                shown(p),
                lang.pick("indeholder ingen ark med data", "holds no sheets with data")
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
                reason.message(lang)
            ),
            LoadError::Io(detail) => format!(
                "{}: {detail}",
                lang.pick("Filen kunne ikke læses", "The file could not be read")
            ),
        }
    }

    /// Maps an I/O error on opening or reading `path`.
    pub(crate) fn from_io(path: &Path, e: &std::io::Error) -> LoadError {
        use std::io::ErrorKind;
        // Windows: ERROR_SHARING_VIOLATION (32) and ERROR_LOCK_VIOLATION (33) when Excel has the
        // file open.
        let locked_os = cfg!(windows) && matches!(e.raw_os_error(), Some(32 | 33));
        match e.kind() {
            ErrorKind::NotFound => LoadError::NotFound(path.to_path_buf()),
            ErrorKind::PermissionDenied => LoadError::Locked(path.to_path_buf()),
            _ if locked_os => LoadError::Locked(path.to_path_buf()),
            _ => LoadError::Io(format!("{}: {e}", shown(path))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_file_in_both_languages() {
        let e = LoadError::NotFound(PathBuf::from("liste.xlsx"));
        assert_eq!(e.message(Lang::Da), "Filen findes ikke: liste.xlsx");
        assert_eq!(e.message(Lang::En), "No such file: liste.xlsx");
        let e = LoadError::NotASpreadsheet {
            path: PathBuf::from("x.xlsx"),
            detail: SpreadsheetProblem::TextFile,
        };
        assert!(e.to_string().contains("holds text"));
        assert!(e.message(Lang::Da).contains("indeholder tekst"));
        let e = LoadError::BadDecision {
            sheet: "b".into(),
            row: 3,
            reason: RejectReason::MissingCpr,
        };
        assert_eq!(
            e.to_string(),
            "decisions file, sheet 'b' row 3: CPR is missing"
        );
        assert_eq!(
            e.message(Lang::Da),
            "Beslutningsfilen, ark 'b' række 3: CPR mangler"
        );
    }

    #[test]
    fn io_errors_map_to_kinds() {
        let p = Path::new("a.xlsx");
        let nf = std::io::Error::from(std::io::ErrorKind::NotFound);
        assert!(matches!(LoadError::from_io(p, &nf), LoadError::NotFound(_)));
        let pd = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        assert!(matches!(LoadError::from_io(p, &pd), LoadError::Locked(_)));
    }
}

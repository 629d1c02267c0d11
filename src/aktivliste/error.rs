//! Why a list (or a decisions file) could not be read at all. [`LoadError::message`] gives the
//! caseworker's line in Danish or English from the language layer; `Display` is the English one.
//! No message holds a CPR number or cell text that may be one.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::i18n::Localize;
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
    /// A sheet's rows are not stored in order (`row` comes after `after`, both as the
    /// spreadsheet shows them): a program that is not Excel wrote it, and rows read in that order
    /// could be lost.
    RowsOutOfOrder { sheet: String, row: u32, after: u32 },
    /// A sheet's cells of one row are not stored left to right (`cell` after `after`, e.g. `C2`
    /// after `D2`, or a cell twice): one of two values for a column would be lost.
    CellsOutOfOrder {
        sheet: String,
        cell: String,
        after: String,
    },
    /// The zip holds two parts of the same name (which one a reader takes is a guess).
    DuplicatePart { part: String },
}

impl SpreadsheetProblem {
    /// The problem in `lang`; the words are in [`crate::i18n::list`].
    pub fn message(&self, lang: Lang) -> String {
        self.localize(lang)
    }
}

pub use crate::i18n::list::unpacked_size;

/// English, from the same texts as [`SpreadsheetProblem::message`].
impl fmt::Display for SpreadsheetProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.localize(Lang::En))
    }
}

/// Why a list could not be read at all. Every message is one line a caseworker understands, and
/// never holds a CPR number.
#[derive(Debug)]
pub enum LoadError {
    NotFound(PathBuf),
    Locked(PathBuf),
    UnsupportedType(PathBuf),
    NotASpreadsheet {
        path: PathBuf,
        detail: SpreadsheetProblem,
    },
    Empty(PathBuf),
    NoHeader(PathBuf),
    NoDecisionColumns(PathBuf),
    NoCprColumn {
        sheet: String,
    },
    BadDecision {
        sheet: String,
        row: u32,
        reason: RejectReason,
    },
    /// Not something to read: a FIFO, a device, a folder, a file larger than any list (see
    /// [`crate::input`]).
    File {
        path: PathBuf,
        problem: crate::error::FileProblem,
    },
    Io(String),
}

/// English, from the same texts as [`LoadError::message`].
impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.localize(Lang::En))
    }
}

impl std::error::Error for LoadError {}

fn shown(path: &Path) -> String {
    path.display().to_string()
}

impl LoadError {
    /// One line for a caseworker, Danish (default) or English; the words are in
    /// [`crate::i18n::list`].
    pub fn message(&self, lang: Lang) -> String {
        self.localize(lang)
    }

    /// Maps a failed [`crate::input::open`] of `path`.
    pub(crate) fn from_open(path: &Path, e: &crate::input::OpenError) -> LoadError {
        match e {
            crate::input::OpenError::Io(e) => LoadError::from_io(path, e),
            crate::input::OpenError::Refused(problem) => LoadError::File {
                path: path.to_path_buf(),
                problem: *problem,
            },
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
            "Decisions file, sheet 'b' row 3: CPR is missing"
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

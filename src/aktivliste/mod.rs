//! Reading DST's Aktivliste (and the web list "Borgere med igangværende kontaktforløb"):
//! `.xlsx`, `.xls`, `.xlsb`, `.ods` and CSV, tolerant of title rows, header aliases and cells
//! typed every which way; every unusable row is kept with sheet, row and reason.
//! The contract is `shared/AKTIVLISTE.md`, documented for users in README.

use std::path::{Path, PathBuf};

use crate::domain::{Citizen, CprClass, SourceRef};

/// A field the reader knows, with its column aliases.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    Cpr,
    Name,
    AnmodningId,
    Anmodningsdato,
    Ivaerksaettelsesdato,
    Tilbud,
    Tilknytningsdato,
    KvalHep,
    IndskrivningId,
    Indskrivningsdato,
    Ydelse,
    YdelseStartdato,
    Glemt,
    Slutdato,
}

/// What kind of rows a sheet holds, decided by its header.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SheetKind {
    Anmodninger,
    Indskrivninger,
}

/// Options for reading a list.
#[derive(Clone, Debug, Default)]
pub struct LoadOptions {
    /// Explicit mappings `field = header text`, overriding the aliases (`--column`).
    pub columns: Vec<(Field, String)>,
}

/// What was read from one sheet that was used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SheetSummary {
    pub name: String,
    pub kind: SheetKind,
    /// The header's row number as the spreadsheet shows it (1-based).
    pub header_row: u32,
    /// Which header became which field, in column order.
    pub mapping: Vec<(Field, String)>,
    /// Header cells that were not used (unknown names, or a second column for a field).
    pub unused_headers: Vec<String>,
    /// Rows that became part of a citizen.
    pub rows_used: usize,
}

/// A sheet that was not used, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IgnoredSheet {
    pub name: String,
    pub reason: String,
}

/// A row that could not be used. `values` are the row's cells as text, with anything that looks
/// like a CPR number masked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RejectedRow {
    pub source: SourceRef,
    pub reason: String,
    pub values: Vec<String>,
}

/// A row that was used but that a person should look at (a CPR that fails modulus 11, a
/// replacement number, an unreadable optional cell that was left out).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    pub source: SourceRef,
    pub message: String,
}

/// Everything read from one list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Aktivliste {
    pub path: PathBuf,
    /// Citizens in order of their first row in the list.
    pub citizens: Vec<Citizen>,
    pub sheets: Vec<SheetSummary>,
    pub ignored_sheets: Vec<IgnoredSheet>,
    pub rejected: Vec<RejectedRow>,
    pub warnings: Vec<Warning>,
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
    NotASpreadsheet { path: PathBuf, detail: String },
    #[error("{0} holds no sheets with data")]
    Empty(PathBuf),
    #[error(
        "no recognisable header in {0}: no sheet has a row with a CPR column and an anmodningsdato or indskrivningsdato column in its first 30 rows"
    )]
    NoHeader(PathBuf),
    #[error("sheet '{sheet}' has a header but no CPR column (map one with --column cpr=\"...\")")]
    NoCprColumn { sheet: String },
    #[error("{0}")]
    Io(String),
}

/// Reads a list. See the module docs and README for what is accepted.
pub fn load(path: &Path, options: &LoadOptions) -> Result<Aktivliste, LoadError> {
    let _ = (path, options, CprClass::Valid);
    Err(LoadError::Io("reading is not built yet".into()))
}

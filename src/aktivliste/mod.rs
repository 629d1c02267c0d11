//! Reading DST's Aktivliste (and the web list "Borgere med igangværende kontaktforløb"):
//! `.xlsx`, `.xls`, `.xlsb`, `.ods` and CSV, tolerant of title rows, header aliases and cells
//! typed every which way; every unusable row is kept with sheet, row and reason.
//! The contract is `docs/AKTIVLISTE.md`, documented for users in README.
//!
//! Layers: `source` turns a file into rows of our own cell type (calamine's cells through
//! `calamine_cell`, CSV text through `csv_source`, zip bombs refused first by `zip_guard`);
//! `sheet` finds the header and turns rows into records or rejected rows, whatever the source;
//! `join` makes citizens.

mod calamine_cell;
pub(crate) mod cell;
mod csv_source;
mod error;
mod field;
mod header;
mod join;
mod ods_guard;
mod reason;
mod sheet;
mod sheet_xml;
mod source;
#[cfg(test)]
mod tests;
mod zip_guard;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::domain::{Citizen, Decision, SourceRef};
use crate::lang::Lang;

/// The one way a calamine cell becomes our cell (1904 date system included), for the plan
/// reader too.
pub(crate) use calamine_cell::{datetime_of, from_data};
pub use csv_source::{EncodingNote, TextEncoding};
pub use error::{LoadError, SpreadsheetProblem, unpacked_size};
pub use field::Field;
pub use header::normalise;
pub use reason::{Expected, IgnoreReason, LoadNote, RejectReason, WarningKind};
pub use sheet_xml::HiddenRows;
pub use zip_guard::{ZipProblem, check_zip_parts};

use header::Matcher;
use join::Joiner;
use sheet::{Fed, Purpose, SheetParser, State};
use source::{SheetError, SheetNotes, Workbook};

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
    /// Rows that could not be used (listed in [`Aktivliste::rejected`]).
    pub rows_rejected: usize,
}

/// A sheet that was not used, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IgnoredSheet {
    pub name: String,
    pub reason: IgnoreReason,
}

/// A row that could not be used. `values` are the row's cells as text, with anything that looks
/// like a CPR number masked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RejectedRow {
    pub source: SourceRef,
    pub reason: RejectReason,
    pub values: Vec<String>,
}

/// A row that was used but that a person should look at (a CPR that fails modulus 11, a
/// replacement number, ydelser without an indskrivning).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    pub source: SourceRef,
    pub kind: WarningKind,
}

impl Warning {
    pub fn message(&self, lang: Lang) -> String {
        self.kind.message(lang)
    }
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
    /// How the list was read, for a person to know: hidden sheets and rows (read like the
    /// others), the encoding a CSV was read in.
    pub notes: Vec<LoadNote>,
}

/// What became of reading one sheet.
struct SheetOutcome {
    had_data: bool,
    state: State,
    notes: SheetNotes,
}

/// Reads one sheet through the parser, handing each fed row to `on_row`, which returns false to
/// stop. A reader error after the header is fatal (rows would be lost without a trace); before
/// it, the sheet is merely unreadable. Rows stored out of order are fatal wherever they are.
fn read_sheet(
    path: &Path,
    workbook: &mut Workbook,
    name: &str,
    matcher: &Matcher,
    purpose: Purpose,
    on_row: &mut dyn FnMut(Fed) -> bool,
) -> Result<SheetOutcome, LoadError> {
    let mut parser = SheetParser::new(name, matcher, purpose).with_dates(workbook.date_system());
    let result = workbook.read_sheet(name, &mut |row, cells| match parser.feed(row, cells) {
        Fed::Stop => false,
        fed => on_row(fed),
    });
    let had_data = parser.had_data();
    let (state, notes) = match result {
        Ok(notes) => (parser.state, notes),
        Err(SheetError::OutOfOrder { row, after }) => {
            return Err(LoadError::NotASpreadsheet {
                path: path.to_path_buf(),
                detail: SpreadsheetProblem::RowsOutOfOrder {
                    sheet: name.to_string(),
                    row,
                    after,
                },
            });
        }
        Err(SheetError::CellOutOfOrder { cell, after }) => {
            return Err(LoadError::NotASpreadsheet {
                path: path.to_path_buf(),
                detail: SpreadsheetProblem::CellsOutOfOrder {
                    sheet: name.to_string(),
                    cell,
                    after,
                },
            });
        }
        Err(SheetError::Damaged(detail)) => match parser.state {
            State::Reading { .. } => {
                return Err(LoadError::NotASpreadsheet {
                    path: path.to_path_buf(),
                    detail: SpreadsheetProblem::Damaged(detail),
                });
            }
            _ => (
                State::Unusable(IgnoreReason::Unreadable(detail)),
                SheetNotes::default(),
            ),
        },
    };
    Ok(SheetOutcome {
        had_data,
        state,
        notes,
    })
}

/// Why nothing usable was found, once every sheet has been tried.
fn nothing_usable(path: &Path, ignored: &[IgnoredSheet], any_data: bool) -> LoadError {
    if let Some(s) = ignored
        .iter()
        .find(|s| s.reason == IgnoreReason::NoCprColumn)
    {
        return LoadError::NoCprColumn {
            sheet: s.name.clone(),
        };
    }
    if !any_data {
        if let Some(IgnoreReason::Unreadable(detail)) = ignored
            .iter()
            .map(|s| &s.reason)
            .find(|r| matches!(r, IgnoreReason::Unreadable(_)))
        {
            return LoadError::NotASpreadsheet {
                path: path.to_path_buf(),
                detail: SpreadsheetProblem::Damaged(detail.clone()),
            };
        }
        return LoadError::Empty(path.to_path_buf());
    }
    LoadError::NoHeader(path.to_path_buf())
}

fn ignore_reason(outcome: &SheetOutcome) -> IgnoreReason {
    match &outcome.state {
        State::Unusable(reason) => reason.clone(),
        _ if outcome.had_data => IgnoreReason::NoHeader,
        _ => IgnoreReason::Empty,
    }
}

/// Reads a list. See the module docs and README for what is accepted.
pub fn load(path: &Path, options: &LoadOptions) -> Result<Aktivliste, LoadError> {
    let matcher = Matcher::new(&options.columns);
    let mut workbook = Workbook::open(path, &matcher)?;
    let mut joiner = Joiner::default();
    let mut sheets = Vec::new();
    let mut ignored_sheets = Vec::new();
    let mut rejected = Vec::new();
    let mut any_data = false;
    let mut notes = workbook.notes();
    let hidden: HashMap<String, bool> = workbook.hidden_sheets().into_iter().collect();

    for name in workbook.sheet_names() {
        if let Some(&very) = hidden.get(&name) {
            notes.push(LoadNote::HiddenSheet {
                sheet: name.clone(),
                very,
            });
        }
        let mut rows_used = 0;
        let mut rows_rejected = 0;
        let outcome = read_sheet(
            path,
            &mut workbook,
            &name,
            &matcher,
            Purpose::List,
            &mut |fed| {
                match fed {
                    Fed::Row(record) => {
                        joiner.add(*record);
                        rows_used += 1;
                    }
                    Fed::Rejected(row) => {
                        rejected.push(row);
                        rows_rejected += 1;
                    }
                    Fed::Nothing | Fed::Header | Fed::Stop | Fed::Decision { .. } => {}
                }
                true
            },
        )?;
        any_data |= outcome.had_data;
        let hidden_rows = &outcome.notes.hidden_rows;
        if hidden_rows.count > 0 {
            notes.push(LoadNote::HiddenRows {
                sheet: name.clone(),
                rows: hidden_rows.clone(),
            });
        }
        match outcome.state {
            State::Reading { header, kind } => sheets.push(SheetSummary {
                name,
                kind,
                header_row: header.row,
                mapping: header.mapping,
                unused_headers: header.unused,
                rows_used,
                rows_rejected,
            }),
            _ => ignored_sheets.push(IgnoredSheet {
                name,
                reason: ignore_reason(&outcome),
            }),
        }
    }

    if sheets.is_empty() {
        return Err(nothing_usable(path, &ignored_sheets, any_data));
    }
    // An explicit mapping that matched nothing is most likely a typo: say so.
    for (field, header) in &options.columns {
        if !sheets
            .iter()
            .any(|s| s.mapping.iter().any(|(f, _)| f == field))
        {
            joiner.warn(Warning {
                source: SourceRef {
                    sheet: sheets[0].name.as_str().into(),
                    row: sheets[0].header_row,
                },
                kind: WarningKind::MappingNotFound {
                    field: *field,
                    header: header.clone(),
                },
            });
        }
    }
    let (citizens, warnings) = joiner.finish();
    Ok(Aktivliste {
        path: path.to_path_buf(),
        citizens,
        sheets,
        ignored_sheets,
        rejected,
        warnings,
        notes,
    })
}

/// A decisions file as read: each citizen's decision, and the row it came from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Decisions {
    /// Keyed by [`crate::domain::Cpr::digits`].
    pub by_cpr: HashMap<String, Decision>,
    /// Where each decision stands in the file, with the row's cells (CPR masked).
    rows: HashMap<String, (SourceRef, Vec<String>)>,
}

impl Decisions {
    /// The decisions whose CPR is none of `citizens`', as rejected rows at their sheet and row
    /// in file order: a case meant as forgotten under a mistyped CPR must not pass unseen.
    pub fn matching_nobody(&self, citizens: &[Citizen]) -> Vec<RejectedRow> {
        let known: std::collections::HashSet<&str> =
            citizens.iter().map(|c| c.cpr.digits()).collect();
        let mut out: Vec<RejectedRow> = self
            .rows
            .iter()
            .filter(|(cpr, _)| !known.contains(cpr.as_str()))
            .map(|(_, (source, values))| RejectedRow {
                source: source.clone(),
                reason: RejectReason::DecisionMatchesNobody,
                values: values.clone(),
            })
            .collect();
        out.sort_by(|a, b| (&a.source.sheet, a.source.row).cmp(&(&b.source.sheet, b.source.row)));
        out
    }
}

/// Reads a decisions file (CSV or any spreadsheet) with columns CPR, Glemt and/or Slutdato
/// (same aliases and header detection as a list). The first sheet with such a header is read;
/// any row that cannot be read is an error naming the sheet and row, since a decision must never
/// be dropped silently.
pub fn load_decisions(path: &Path) -> Result<Decisions, LoadError> {
    let matcher = Matcher::default();
    let mut workbook = Workbook::open(path, &matcher)?;
    let mut decisions: HashMap<String, (Decision, u32)> = HashMap::new();
    let mut rows: HashMap<String, (SourceRef, Vec<String>)> = HashMap::new();
    let mut ignored = Vec::new();
    let mut any_data = false;

    for name in workbook.sheet_names() {
        let mut failure: Option<LoadError> = None;
        let outcome = read_sheet(
            path,
            &mut workbook,
            &name,
            &matcher,
            Purpose::Decisions,
            &mut |fed| match fed {
                Fed::Decision {
                    cpr,
                    decision,
                    row,
                    values,
                } => match decisions.get(cpr.digits()) {
                    Some((_, first_row)) => {
                        failure = Some(LoadError::BadDecision {
                            sheet: name.clone(),
                            row,
                            reason: RejectReason::DuplicateCpr {
                                first_row: *first_row,
                            },
                        });
                        false
                    }
                    None => {
                        decisions.insert(cpr.digits().to_string(), (decision, row));
                        let source = SourceRef {
                            sheet: name.as_str().into(),
                            row,
                        };
                        rows.insert(cpr.digits().to_string(), (source, values));
                        true
                    }
                },
                Fed::Rejected(row) => {
                    failure = Some(LoadError::BadDecision {
                        sheet: row.source.sheet.to_string(),
                        row: row.source.row,
                        reason: row.reason,
                    });
                    false
                }
                _ => true,
            },
        )?;
        if let Some(e) = failure {
            return Err(e);
        }
        any_data |= outcome.had_data;
        if matches!(outcome.state, State::Reading { .. }) {
            return Ok(Decisions {
                by_cpr: decisions.into_iter().map(|(k, (d, _))| (k, d)).collect(),
                rows,
            });
        }
        ignored.push(IgnoredSheet {
            name,
            reason: ignore_reason(&outcome),
        });
    }
    if any_data
        && ignored
            .iter()
            .any(|s| s.reason == IgnoreReason::NoDateColumn)
    {
        return Err(LoadError::NoDecisionColumns(path.to_path_buf()));
    }
    Err(nothing_usable(path, &ignored, any_data))
}

//! Review and follow-up of a written plan: a neutral model of the plan's rows read back from the
//! action sheet (`.xlsx`, possibly edited in a spreadsheet program) or the JSON plan, and the
//! pure checks over it.
//!
//! Reading lives in [`read`] (bytes in, rows out); [`check`] is pure. Every human text of
//! this module is in [`words`].

pub mod check;
pub mod confirm;
pub mod done;
mod finding;
pub mod read;
mod read_json;
mod summary;
pub mod verify;
pub mod words;

use chrono::NaiveDate;

use crate::domain::Form;
use crate::plan::{ActionKind, Model, System};

pub use check::{Finding, FindingKind, check};
pub use done::Done;
pub use read::{ReadError, read_plan, read_plan_file};

/// Where something is in the plan a person opened: a sheet and an Excel row number, or a place
/// in the JSON (`citizens[2].actions[4]`) with no row.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Location {
    pub sheet: String,
    pub row: Option<u32>,
}

impl Location {
    pub fn row(sheet: &str, row: u32) -> Location {
        Location {
            sheet: sheet.to_string(),
            row: Some(row),
        }
    }
    pub fn sheet(sheet: &str) -> Location {
        Location {
            sheet: sheet.to_string(),
            row: None,
        }
    }
}

/// Which kind of file the plan was read from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlanFormat {
    Xlsx,
    Json,
}

/// A count the plan's summary states, and where it says so.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Counted {
    pub n: usize,
    pub at: Location,
}

/// The plan's set-up and summary (the Oversigt sheet or the JSON header).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Header {
    pub model: Model,
    pub switch_date: NaiveDate,
    pub reentry_date: Option<NaiveDate>,
    /// Where the re-entry date is stated (for a finding about it).
    pub reentry_at: Location,
    /// Where the model and D are stated: a changed cell is one finding there.
    pub model_at: Location,
    pub switch_at: Location,
    /// The description every model-2 close carries, as the plan states it.
    pub reason_text: Option<String>,
    pub source_file: Option<String>,
    pub citizens: Option<Counted>,
    pub forgotten: Option<Counted>,
    pub actions: Option<Counted>,
    /// Per (action, form): the stated count.
    pub per_kind: Vec<(ActionKind, Form, Counted)>,
    /// When the action sheet was written (its Genereret cell); JSON plans carry none.
    pub generated: Option<chrono::NaiveDateTime>,
}

/// One action row of the plan, as read (cells that could not be read are `None`, and the reader
/// reports them as findings).
#[derive(Clone, Debug, PartialEq, Eq)]
#[allow(clippy::struct_excessive_bools)] // each is a column of the sheet, read as it stands
pub struct Row {
    pub at: Location,
    /// The citizen's number in the plan (Borger nr; 1-based position in JSON).
    pub citizen: u32,
    /// As shown in the plan: masked unless the plan was written with full CPR.
    pub cpr: String,
    pub name: Option<String>,
    pub step: Option<u32>,
    pub system: Option<System>,
    pub form: Option<Form>,
    pub action: Option<ActionKind>,
    pub date: Option<NaiveDate>,
    pub original_date: Option<NaiveDate>,
    pub reason: Option<String>,
    pub reason_text: Option<String>,
    pub case_id: Option<String>,
    /// The Detalje column (JSON `detail`): the offer or ydelse the row is about, trimmed, when
    /// the plan names one.
    pub detail: Option<String>,
    /// The Udført cell says done ([`Done::Yes`]: a date, "x", "ja", …), or `done` is set in
    /// JSON. A value that is neither done nor not done is false here and a finding of the
    /// reader ([`FindingKind::Unreadable`] in [`Column::Done`](check::Column::Done)).
    pub done: bool,
    /// The day it was done, when the cell gives one.
    pub done_date: Option<NaiveDate>,
    /// The Udført cell says explicitly not done ([`Done::No`]: "nej", "0", "ikke endnu", …); a
    /// blank cell does not.
    pub not_done: bool,
    /// The Udført af cell (JSON `done_by`): who did it, as written, anything CPR-like masked.
    pub done_by: Option<String>,
    /// The citizen is a forgotten case: its rows say so (Status "Glemt"; JSON `status`), or
    /// Glemte sager lists it. Either is enough, so one removed row never turns a forgotten case
    /// into one closed with "Systemskift".
    pub forgotten: bool,
    /// The row's own Status cell: forgotten or not; None where the sheet has no Status column.
    pub status_forgotten: Option<bool>,
    /// Whether Glemte sager lists the citizen; None where the plan has no such sheet.
    pub listed_forgotten: Option<bool>,
    /// The citizen's number of steps, as the row states it (Trin i alt).
    pub steps_total: Option<u32>,
    /// The step departs from its model's rule by a decision (Efter afgørelse; JSON
    /// `by_decision`).
    pub by_decision: bool,
}

/// A conflict the plan itself lists for a person to decide.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanConflict {
    pub cpr: String,
    /// The citizen's number (Borger nr), where the plan states it.
    pub citizen: Option<u32>,
    /// The machine key, e.g. `forgotten_without_end_date`.
    pub kind: String,
    /// Still to be decided. A plan that states no state: every kind but a note is open.
    pub open: bool,
    /// Where the plan lists it.
    pub at: Location,
}

impl PlanConflict {
    /// Whether a conflict of this kind, stated as `state` (open, decided or note, in either
    /// language or as JSON's key, or nothing), is still to be decided. A plan that states no
    /// state: every kind but a note is open.
    pub fn is_open(kind: &str, state: Option<&str>) -> bool {
        use crate::i18n::export::{CONFLICT_DECIDED, CONFLICT_NOTE};
        let note = kind.trim() == crate::plan::ConflictKind::AnmodningWithoutIvaerksaettelse.key();
        let is = |s: &str, label: (&str, &str), key: &str| {
            let s = s.trim().to_lowercase();
            s == label.0.to_lowercase() || s == label.1.to_lowercase() || s == key
        };
        match state {
            _ if note => false,
            None => true,
            Some(s) => !(is(s, CONFLICT_DECIDED, "decided") || is(s, CONFLICT_NOTE, "note")),
        }
    }
}

/// A plan read back: set-up, rows in file order, listed conflicts, and the problems met while
/// reading cells (reported as findings).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanRows {
    pub format: PlanFormat,
    pub header: Header,
    pub rows: Vec<Row>,
    pub conflicts: Vec<PlanConflict>,
    pub problems: Vec<Finding>,
}

impl PlanRows {
    /// The Udført cells the reader could read as neither done nor not done: each finding, with
    /// the value as written.
    pub fn unclear_done(&self) -> impl Iterator<Item = (&check::Finding, &str)> {
        self.problems.iter().filter_map(|f| match &f.kind {
            check::FindingKind::Unreadable {
                column: check::Column::Done,
                value,
            } => Some((f, value.as_str())),
            _ => None,
        })
    }

    /// The rows grouped by citizen number, each group in file order.
    pub fn by_citizen(&self) -> std::collections::BTreeMap<u32, Vec<&Row>> {
        let mut out: std::collections::BTreeMap<u32, Vec<&Row>> = Default::default();
        for r in &self.rows {
            out.entry(r.citizen).or_default().push(r);
        }
        out
    }
}

//! What the store records: every change to the progress of a switch, as one event with who made
//! it, when, and under which model and switch date D.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use crate::domain::resolution::{Resolution, Topic};
use crate::domain::{Cpr, Decision, Form};
use crate::plan::{Action, ActionKind, Model, System};
use crate::progress::SavedSettings;

/// A step as it is performed: the citizen, the system, the form, the kind of action, the case
/// (ID and offer or ydelse) and the date written in SMDB or the new system. A tick belongs to
/// exactly this: when D or the model changes the date or the action, the tick does not move
/// onto the new step.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct StepKey {
    /// The CPR number's ten digits.
    pub cpr: String,
    pub system: System,
    pub form: Form,
    pub action: ActionKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub case_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// The date to enter; None where the plan has no usable date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
}

impl StepKey {
    /// The key of a planned action of a citizen.
    pub fn of(cpr: &Cpr, action: &Action) -> StepKey {
        StepKey {
            cpr: cpr.digits().to_string(),
            system: action.system,
            form: action.form,
            action: action.action,
            case_id: action.case_id.as_deref().map(String::from),
            detail: action.detail.as_deref().map(String::from),
            date: action.date,
        }
    }

    /// The key without its date: what an earlier progress file kept of a step.
    pub fn undated(mut self) -> StepKey {
        self.date = None;
        self
    }

    /// Whether this is the key of `action` (of the key's citizen), without building a key.
    pub fn is(&self, action: &Action) -> bool {
        self.system == action.system
            && self.form == action.form
            && self.action == action.action
            && self.date == action.date
            && self.case_id.as_deref() == action.case_id.as_deref()
            && self.detail.as_deref() == action.detail.as_deref()
    }
}

/// One change to the progress.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Change {
    /// A step was done, on `done` (the day it was done, not the day it was ticked), by `by`
    /// when that is another than the one recording it (the Udført af of a returned sheet).
    Tick {
        step: StepKey,
        done: NaiveDate,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        by: Option<String>,
    },
    /// A tick was taken back.
    Untick { step: StepKey },
    /// The set-up: model, D, reason text and the switch's facts.
    Settings { settings: SavedSettings },
    /// A forgotten-case decision for a citizen (CPR digits); None: the decision was removed.
    Decision {
        cpr: String,
        decision: Option<Decision>,
    },
    /// A decision about one conflict of a citizen (CPR digits); None: the decision was taken
    /// back and the conflict is open again.
    Resolve {
        cpr: String,
        topic: Topic,
        resolution: Option<Resolution>,
    },
    /// The column mappings chosen for the list (field key → header).
    Columns { columns: Vec<(String, String)> },
    /// An earlier event of the same worker no longer counts.
    Undo { target: i64 },
}

impl Change {
    /// The machine word stored beside the event, for queries and for people reading the file.
    pub fn kind(&self) -> &'static str {
        match self {
            Change::Tick { .. } => "tick",
            Change::Untick { .. } => "untick",
            Change::Settings { .. } => "settings",
            Change::Decision { .. } => "decision",
            Change::Resolve { .. } => "resolve",
            Change::Columns { .. } => "columns",
            Change::Undo { .. } => "undo",
        }
    }

    /// The step the change concerns, if any.
    pub fn step(&self) -> Option<&StepKey> {
        match self {
            Change::Tick { step, .. } | Change::Untick { step } => Some(step),
            _ => None,
        }
    }

    /// The CPR digits of the citizen the change concerns (a step or a decision), if any: kept
    /// in its own column, so a citizen's events are found without reading every body.
    pub fn cpr(&self) -> Option<&str> {
        match self {
            Change::Tick { step, .. } | Change::Untick { step } => Some(&step.cpr),
            Change::Decision { cpr, .. } | Change::Resolve { cpr, .. } => Some(cpr),
            _ => None,
        }
    }

    /// The event an undo takes back.
    pub fn undoes(&self) -> Option<i64> {
        match self {
            Change::Undo { target } => Some(*target),
            _ => None,
        }
    }

    /// Whether a later change `self` is about the same thing as `earlier`: the same step, the
    /// same citizen's decision, the same conflict, the set-up, the column mappings.
    pub fn same_subject(&self, earlier: &Change) -> bool {
        match (self, earlier) {
            (Change::Decision { cpr: a, .. }, Change::Decision { cpr: b, .. }) => a == b,
            (
                Change::Resolve {
                    cpr: a, topic: x, ..
                },
                Change::Resolve {
                    cpr: b, topic: y, ..
                },
            ) => a == b && x == y,
            (a, b) if a.step().is_some() => a.step() == b.step(),
            (a, b) => a.kind() == b.kind(),
        }
    }
}

/// An event as stored: the change, who made it, when, and the plan it was made under.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    /// Its place in the store's order (ascending, never reused).
    pub id: i64,
    pub at: NaiveDateTime,
    /// The worker's initials.
    pub worker: String,
    /// The model and switch date in force when the change was made.
    pub model: Option<Model>,
    pub switch_date: Option<NaiveDate>,
    pub change: Change,
}

//! The progress derived from the store's events: which steps are done (by whom, when, under
//! which plan), the set-up, the decisions and the column mappings.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{NaiveDate, NaiveDateTime};

use super::event::{Change, Event, StepKey};
use crate::domain::Decision;
use crate::domain::resolution::{Decided, Resolution, Topic};
use crate::plan::Model;
use crate::progress::SavedSettings;

/// A done step: when it was done, who ticked it, when they did, and the plan it was ticked
/// under.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recorded {
    pub done: NaiveDate,
    pub worker: String,
    pub at: NaiveDateTime,
    pub event: i64,
    pub model: Option<Model>,
    pub switch_date: Option<NaiveDate>,
}

/// The events that an undo among `events` took back.
pub(super) fn undone_ids(events: &[Event]) -> HashSet<i64> {
    events.iter().filter_map(|e| e.change.undoes()).collect()
}

/// The current progress.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    ticks: HashMap<StepKey, Recorded>,
    settings: Option<SavedSettings>,
    decisions: BTreeMap<String, Decision>,
    resolutions: BTreeMap<(String, Topic), Resolved>,
    columns: Vec<(String, String)>,
    last_id: i64,
}

/// A decided conflict: the decision, who took it and when.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Resolved {
    pub resolution: Resolution,
    pub worker: String,
    pub at: NaiveDateTime,
}

impl Progress {
    /// The progress after `events` (in the store's order), leaving out every event an undo
    /// took back.
    pub fn fold(events: &[Event]) -> Progress {
        let undone = undone_ids(events);
        let mut p = Progress::default();
        for e in events {
            if undone.contains(&e.id) {
                p.last_id = p.last_id.max(e.id);
            } else {
                p.apply(e);
            }
        }
        p
    }

    /// Applies one event that follows the ones applied so far. The same step ticked twice is
    /// one tick (the later done date counts).
    pub fn apply(&mut self, e: &Event) {
        self.last_id = self.last_id.max(e.id);
        match &e.change {
            Change::Tick { step, done, by } => {
                self.ticks.insert(
                    step.clone(),
                    Recorded {
                        done: *done,
                        worker: by.clone().unwrap_or_else(|| e.worker.clone()),
                        at: e.at,
                        event: e.id,
                        model: e.model,
                        switch_date: e.switch_date,
                    },
                );
            }
            Change::Untick { step } => {
                self.ticks.remove(step);
            }
            Change::Settings { settings } => self.settings = Some(settings.clone()),
            Change::Decision { cpr, decision } => match decision {
                Some(d) => {
                    self.decisions.insert(cpr.clone(), d.clone());
                }
                None => {
                    self.decisions.remove(cpr);
                }
            },
            Change::Resolve {
                cpr,
                topic,
                resolution,
            } => {
                let key = (cpr.clone(), topic.clone());
                match resolution {
                    Some(r) => {
                        let resolved = Resolved {
                            resolution: r.clone(),
                            worker: e.worker.clone(),
                            at: e.at,
                        };
                        self.resolutions.insert(key, resolved);
                    }
                    None => {
                        self.resolutions.remove(&key);
                    }
                }
            }
            Change::Columns { columns } => self.columns.clone_from(columns),
            // Undos are handled by folding again (see [`Progress::fold`]).
            Change::Undo { .. } => {}
        }
    }

    /// The id of the last event applied (0: none).
    pub fn last_id(&self) -> i64 {
        self.last_id
    }

    /// Whether the step is done, and how.
    pub fn tick(&self, step: &StepKey) -> Option<&Recorded> {
        self.ticks.get(step)
    }

    /// Every done step.
    pub fn ticks(&self) -> &HashMap<StepKey, Recorded> {
        &self.ticks
    }

    pub fn settings(&self) -> Option<&SavedSettings> {
        self.settings.as_ref()
    }

    pub fn decisions(&self) -> &BTreeMap<String, Decision> {
        &self.decisions
    }

    /// Every decided conflict, by citizen (CPR digits) and topic.
    pub fn resolutions(&self) -> &BTreeMap<(String, Topic), Resolved> {
        &self.resolutions
    }

    /// The decided conflicts as the plan engine takes them: per citizen.
    pub fn decided_by_cpr(&self) -> HashMap<String, Vec<Decided>> {
        let mut out: HashMap<String, Vec<Decided>> = HashMap::new();
        for ((cpr, topic), r) in &self.resolutions {
            out.entry(cpr.clone()).or_default().push(Decided {
                topic: topic.clone(),
                resolution: r.resolution.clone(),
            });
        }
        out
    }

    pub fn columns(&self) -> &[(String, String)] {
        &self.columns
    }
}

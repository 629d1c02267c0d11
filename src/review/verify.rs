//! Follow-up after (or during) the switch: a plan read back against a newer Aktivliste. Per
//! citizen of the plan: done (no longer active in SMDB), still blocking (active, with the plan's
//! steps not yet done), re-entered too early or twice (an active form that starts after the
//! switch date, or two active anmodninger), and in the interim model the old cases still open in
//! the web form with how long each has been open. Citizens of the later list that the plan does
//! not hold are reported as new.
//!
//! Pure: the plan's rows and the later list's citizens in, a [`Verification`] out.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::{Location, PlanRows, Row};
use crate::domain::cpr::{Cpr, mask_cpr_like};
use crate::domain::{Citizen, Form};
use crate::plan::{ActionKind, Model, System};

/// Where a planned citizen stands in the later list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum State {
    /// No longer active in SMDB.
    Done,
    /// Still active, with steps of the plan left.
    Blocking,
    /// Active with a start date the model does not allow, or two active anmodninger.
    Early,
    /// Interim model: an old case still open in the web form, as planned (not blocking).
    Open,
}

/// A step of the plan not ticked off.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StepLeft {
    pub at: Location,
    pub step: Option<u32>,
    pub system: Option<System>,
    pub action: Option<ActionKind>,
    pub form: Option<Form>,
}

/// Why an active citizen counts as re-entered too early or twice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Early {
    /// An active form in SMDB that starts after the switch date: entered into SMDB instead of
    /// the new system.
    StartsAfterSwitch {
        form: Form,
        id: Option<String>,
        date: NaiveDate,
    },
    /// More than one active anmodning (only one may be active).
    TwoAnmodninger(usize),
}

/// An old case still open in SMDB (interim model), with days since its start.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpenCase {
    pub form: Form,
    pub id: Option<String>,
    pub start: NaiveDate,
    pub days: i64,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CitizenReport {
    pub citizen: u32,
    /// Masked `DDMMYY-xxxx`.
    pub cpr: String,
    pub state: State,
    pub steps_left: Vec<StepLeft>,
    pub early: Vec<Early>,
    pub open: Vec<OpenCase>,
}

/// A citizen active in the later list that the plan does not hold.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewCitizen {
    /// The citizen's position among the later list's citizens.
    pub index: usize,
    /// Masked `DDMMYY-xxxx`.
    pub cpr: String,
    /// The earliest start date of the citizen's active forms.
    pub start: Option<NaiveDate>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verification {
    pub model: Model,
    pub switch_date: NaiveDate,
    pub today: NaiveDate,
    pub citizens: Vec<CitizenReport>,
    pub new: Vec<NewCitizen>,
}

impl Verification {
    pub fn count(&self, state: State) -> usize {
        self.citizens.iter().filter(|c| c.state == state).count()
    }
    /// Something keeps the new system from reporting, or needs a person: a citizen still
    /// blocking, re-entered too early or twice, or new since the plan.
    pub fn blocks(&self) -> bool {
        !self.new.is_empty()
            || self
                .citizens
                .iter()
                .any(|c| matches!(c.state, State::Blocking | State::Early))
    }
}

/// How a citizen of the plan is recognised in a list: the full CPR when the plan holds it,
/// else the masked CPR and, when both sides have one, the name (as the plan shows it: anything
/// CPR-like in a name is masked in a masked plan).
fn matches(plan_cpr: &str, full: Option<&Cpr>, plan_name: Option<&str>, c: &Citizen) -> bool {
    let same_number = match full {
        Some(cpr) => cpr.digits() == c.cpr.digits(),
        None => plan_cpr.trim() == c.cpr.masked(),
    };
    let same_name = match (plan_name, c.name.as_deref()) {
        (Some(a), Some(b)) if full.is_none() => {
            let shown = |t: &str| mask_cpr_like(t.trim()).to_lowercase();
            shown(a) == shown(b)
        }
        _ => true,
    };
    same_number && same_name
}

fn starts(c: &Citizen) -> Vec<(Form, Option<String>, NaiveDate)> {
    let mut out: Vec<(Form, Option<String>, NaiveDate)> = c
        .anmodninger
        .iter()
        .map(|a| {
            (
                Form::Anmodning,
                a.id.as_deref().map(String::from),
                a.anmodningsdato,
            )
        })
        .collect();
    out.extend(c.indskrivninger.iter().map(|i| {
        (
            Form::Indskrivning,
            i.id.as_deref().map(String::from),
            i.indskrivningsdato,
        )
    }));
    out
}

fn mask(plan_cpr: &str) -> String {
    crate::domain::cpr::mask_cpr_value(plan_cpr)
}

/// The later list `after` against the plan, as of `today`.
pub fn verify(plan: &PlanRows, after: &[Citizen], today: NaiveDate) -> Verification {
    let h = &plan.header;
    let d = h.switch_date;
    let mut used = vec![false; after.len()];
    // The later list's citizens by masked CPR, in list order: a plan's CPR (full or masked)
    // is looked up among the few that share its masked form, not the whole list.
    let mut by_masked: HashMap<String, Vec<usize>> = HashMap::with_capacity(after.len());
    for (i, c) in after.iter().enumerate() {
        by_masked.entry(c.cpr.masked()).or_default().push(i);
    }
    let mut citizens = Vec::new();
    for (citizen, rows) in plan.by_citizen() {
        let first: &Row = rows[0];
        let full = Cpr::parse(&first.cpr).ok().map(|(cpr, _)| cpr);
        let key = match &full {
            Some(cpr) => cpr.masked(),
            None => first.cpr.trim().to_string(),
        };
        let found = by_masked
            .get(&key)
            .into_iter()
            .flatten()
            .copied()
            .find(|&i| {
                !used[i] && matches(&first.cpr, full.as_ref(), first.name.as_deref(), &after[i])
            })
            .map(|i| (i, &after[i]));
        let mut report = CitizenReport {
            citizen,
            cpr: mask(&first.cpr),
            state: State::Done,
            steps_left: Vec::new(),
            early: Vec::new(),
            open: Vec::new(),
        };
        if let Some((i, c)) = found {
            used[i] = true;
            for (form, id, date) in starts(c) {
                if date > d {
                    report
                        .early
                        .push(Early::StartsAfterSwitch { form, id, date });
                } else if h.model == Model::Mellem {
                    report.open.push(OpenCase {
                        form,
                        id,
                        start: date,
                        days: (today - date).num_days(),
                    });
                }
            }
            if c.anmodninger.len() > 1 {
                report
                    .early
                    .push(Early::TwoAnmodninger(c.anmodninger.len()));
            }
            report.state = if !report.early.is_empty() {
                State::Early
            } else if h.model == Model::Mellem {
                State::Open
            } else {
                State::Blocking
            };
            if h.model != Model::Mellem {
                report.steps_left = rows
                    .iter()
                    .filter(|r| !r.done)
                    .map(|r| StepLeft {
                        at: r.at.clone(),
                        step: r.step,
                        system: r.system,
                        action: r.action,
                        form: r.form,
                    })
                    .collect();
            }
        }
        citizens.push(report);
    }
    let new = after
        .iter()
        .enumerate()
        .zip(&used)
        .filter(|(_, u)| !**u)
        .map(|((index, c), _)| NewCitizen {
            index,
            cpr: c.cpr.masked(),
            start: starts(c).into_iter().map(|(_, _, d)| d).min(),
        })
        .collect();
    Verification {
        model: h.model,
        switch_date: d,
        today,
        citizens,
        new,
    }
}

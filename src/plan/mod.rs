//! The plan engine: pure functions from citizens and settings to an ordered plan per citizen,
//! conflicts for a person to decide, and notes. No I/O.

pub mod decide;
mod engine;

pub use engine::{plan, plan_citizen, plan_outline};

use arcstr::ArcStr;
use std::collections::HashMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::resolution::{Decided, Resolution, Topic};
use crate::domain::{Cpr, CprClass, Decision, Form, Part, Privilege, SourceRef, date};

/// The reason (Afslutningsårsag) every model-2 close carries.
pub const REASON_ANDEN: &str = "Anden";
/// The default description (Beskriv afslutningsårsag) of a model-2 close.
pub const DEFAULT_REASON_TEXT: &str = "Systemskift";
/// The guide's own spellings of the description: "Systemskift" (§1 and §6, where DST says its
/// counting depends on it) and "Systemskifte" (§4).
pub const GUIDE_REASON_TEXTS: [&str; 2] = [DEFAULT_REASON_TEXT, "Systemskifte"];
/// The guide's own spellings of the reason: "Anden" (§1, §6) and "Anden årsag" (§4).
pub const GUIDE_REASONS: [&str; 2] = [REASON_ANDEN, "Anden årsag"];

/// The guide's spelling `text` is, if it is one of `spellings` (trimmed, any case).
pub fn guide_spelling(text: &str, spellings: &[&'static str]) -> Option<&'static str> {
    let t = text.trim().to_lowercase();
    spellings.iter().copied().find(|s| s.to_lowercase() == t)
}

/// Whether `text` is one of the guide's spellings of the description.
pub fn is_guide_reason_text(text: &str) -> bool {
    guide_spelling(text, &GUIDE_REASON_TEXTS).is_some()
}

/// The description as the plan carries it: the guide's spelling as the guide writes it, any
/// other text (taken with the override) as typed, trimmed.
pub fn reason_text_as_written(text: &str) -> String {
    guide_spelling(text, &GUIDE_REASON_TEXTS)
        .map_or_else(|| text.trim().to_string(), str::to_string)
}

/// Why a description for the model-2 closes cannot be used as given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReasonTextProblem {
    /// Nothing: every close needs the description DST counts by (guide §1, §6).
    Empty,
    /// Not one of the guide's spellings, and no explicit override: DST may count the citizens
    /// as new cases (guide §6).
    NotTheGuides(String),
}

/// Whether `text` may be the description of the model-2 closes: one of the guide's spellings,
/// or with `any` (an explicit override) any text but an empty one.
pub fn reason_text_problem(text: &str, any: bool) -> Option<ReasonTextProblem> {
    if text.trim().is_empty() {
        Some(ReasonTextProblem::Empty)
    } else if any || is_guide_reason_text(text) {
        None
    } else {
        Some(ReasonTextProblem::NotTheGuides(text.trim().to_string()))
    }
}

/// The switch model (guide §1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Model {
    /// Model 1: keep history. Re-register with original dates, delete backwards in SMDB.
    #[serde(rename = "1")]
    One,
    /// Model 2: no history. Close on D with "Anden"/"Systemskift", re-register at D + 1.
    #[serde(rename = "2")]
    Two,
    /// Interim (mellemløsning): old cases stay in the SMDB web form until they end.
    #[serde(rename = "mellem")]
    Mellem,
}

impl Model {
    pub const ALL: [Model; 3] = [Model::One, Model::Two, Model::Mellem];

    pub fn key(self) -> &'static str {
        match self {
            Model::One => "1",
            Model::Two => "2",
            Model::Mellem => "mellem",
        }
    }

    /// Accepts `1`, `2`, `mellem` and a few spellings people use (`model1`, `interim`).
    pub fn parse(text: &str) -> Option<Model> {
        match text
            .trim()
            .to_lowercase()
            .replace([' ', '-', '_'], "")
            .as_str()
        {
            "1" | "model1" | "m1" => Some(Model::One),
            "2" | "model2" | "m2" => Some(Model::Two),
            "mellem" | "mellemloesning" | "mellemløsning" | "interim" | "m" => Some(Model::Mellem),
            _ => None,
        }
    }

    /// The kinds of step of the model's plan, in the order they are done: model 1 registers in
    /// the new system, then deletes in SMDB; model 2 closes in SMDB, then registers; the interim
    /// model follows up in SMDB. Last, in every model, a forgotten case's close in SMDB. Within a
    /// kind, the forms follow [`Form::REGISTER_ORDER`], [`Form::DELETE_ORDER`] or
    /// [`Form::CLOSE_ORDER`].
    pub fn steps(self) -> &'static [(System, ActionKind)] {
        match self {
            Model::One => &[
                (System::Nyt, ActionKind::Registrer),
                (System::Smdb, ActionKind::Slet),
                (System::Smdb, ActionKind::Afslut),
            ],
            Model::Two => &[
                (System::Smdb, ActionKind::Afslut),
                (System::Nyt, ActionKind::Registrer),
            ],
            Model::Mellem => &[
                (System::Smdb, ActionKind::FoelgOp),
                (System::Smdb, ActionKind::Afslut),
            ],
        }
    }
}

/// Where an action happens.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum System {
    /// The old reporting: SMDB (web form or the old system).
    Smdb,
    /// The new system.
    Nyt,
}

/// What to do with a form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActionKind {
    Slet,
    Afslut,
    Registrer,
    FoelgOp,
}

impl ActionKind {
    pub const ALL: [ActionKind; 4] = [
        ActionKind::Registrer,
        ActionKind::Slet,
        ActionKind::Afslut,
        ActionKind::FoelgOp,
    ];
    pub fn key(self) -> &'static str {
        match self {
            ActionKind::Slet => "slet",
            ActionKind::Afslut => "afslut",
            ActionKind::Registrer => "registrer",
            ActionKind::FoelgOp => "foelg_op",
        }
    }
    pub fn from_key(key: &str) -> Option<ActionKind> {
        ActionKind::ALL.into_iter().find(|a| a.key() == key)
    }
}

/// A citizen's status in the plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Aktiv,
    Glemt,
}

impl Status {
    pub fn key(self) -> &'static str {
        match self {
            Status::Aktiv => "aktiv",
            Status::Glemt => "glemt",
        }
    }
}

/// The plan's settings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    pub model: Model,
    /// D, the switch date (systemskiftedato).
    pub switch_date: NaiveDate,
    /// The description every model-2 close carries (default "Systemskift").
    pub reason_text: String,
    /// Decisions per citizen, keyed by the CPR's ten digits; they override the decision read
    /// from the list's own columns.
    pub decisions: HashMap<String, Decision>,
    /// Decided conflicts per citizen, keyed by the CPR's ten digits.
    pub resolutions: HashMap<String, Vec<Decided>>,
}

impl Settings {
    pub fn new(model: Model, switch_date: NaiveDate) -> Settings {
        Settings {
            model,
            switch_date,
            reason_text: DEFAULT_REASON_TEXT.to_string(),
            decisions: HashMap::new(),
            resolutions: HashMap::new(),
        }
    }

    /// D + 1 for model 2, where cases are re-entered; none otherwise.
    pub fn reentry_date(&self) -> Option<NaiveDate> {
        (self.model == Model::Two).then(|| date::next_day(self.switch_date))
    }
}

/// One step of a citizen's plan. A plan holds several actions per citizen (hundreds of
/// thousands for a large list), so its texts are shared with the list and across the plan
/// (`ArcStr`, one pointer each), never copied per action; the whole action fits in 72 bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Action {
    /// 1-based position in the citizen's plan: the order to perform the actions in.
    pub step: u32,
    pub system: System,
    pub part: Part,
    pub form: Form,
    pub action: ActionKind,
    /// The date to enter: the close date, the (re-)registration start date, or for a deletion or
    /// a follow-up the form's own date. None when no usable date is known (see conflicts).
    pub date: Option<NaiveDate>,
    /// The form's date in the list (its start date), kept so that nothing is lost by a deletion.
    pub original_date: Option<NaiveDate>,
    /// Afslutningsårsag, for closes.
    pub reason: Option<ArcStr>,
    /// Beskriv afslutningsårsag, for closes.
    pub reason_text: Option<ArcStr>,
    pub privilege: Privilege,
    /// The SMDB ID of the case the form belongs to (anmodning or indskrivning ID), if known.
    pub case_id: Option<ArcStr>,
    /// The offer or the ydelse the action concerns, if known.
    pub detail: Option<ArcStr>,
    /// The list row the form was read from.
    pub source: SourceRef,
    /// The step departs from its model's rule because a person decided a conflict so (a case
    /// kept apart, a form deleted or re-dated, a date found in SMDB).
    pub by_decision: bool,
}

/// A citizen's part of the plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CitizenPlan {
    pub cpr: Cpr,
    pub cpr_class: CprClass,
    pub name: Option<ArcStr>,
    pub status: Status,
    /// The real end date of a forgotten case, as decided.
    pub slutdato: Option<NaiveDate>,
    pub actions: Vec<Action>,
}

/// Something in the plan a person must decide before acting on it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    pub cpr: Cpr,
    pub kind: ConflictKind,
    pub source: Option<SourceRef>,
    /// What a decision is about, for the kinds a person decides in the tool; None for the
    /// kinds decided by entering a forgotten case's dates, and for notes.
    pub topic: Option<Box<Topic>>,
    /// The decision taken, when one is.
    pub resolution: Option<Box<Resolution>>,
}

/// Where a conflict stands: a note (nothing to decide), decided, or still open. Ordered so that
/// a citizen's state is the greatest of its conflicts'.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum ConflictState {
    Note,
    Decided,
    Open,
}

impl ConflictState {
    /// The stable machine key used in JSON.
    pub fn key(self) -> &'static str {
        match self {
            ConflictState::Note => "note",
            ConflictState::Decided => "decided",
            ConflictState::Open => "open",
        }
    }
}

impl Conflict {
    pub fn state(&self) -> ConflictState {
        if !self.kind.needs_decision() {
            ConflictState::Note
        } else if self.resolution.is_some() {
            ConflictState::Decided
        } else {
            ConflictState::Open
        }
    }

    /// Still to be decided: a conflict (not a note) without a decision.
    pub fn is_open(&self) -> bool {
        self.state() == ConflictState::Open
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConflictKind {
    /// Model 2: a form starts after D, so it cannot be closed on D.
    FormAfterSwitch { form: Form, date: NaiveDate },
    /// Two or more active anmodninger for one citizen: only one may be active.
    TwoAnmodninger { count: usize },
    /// Two or more active indskrivninger at one offer for one citizen.
    TwoIndskrivninger {
        tilbud: Option<String>,
        count: usize,
    },
    /// Marked forgotten, but no end date is known.
    ForgottenWithoutEndDate,
    /// A forgotten case's end date lies after D.
    ForgottenEndAfterSwitch { slutdato: NaiveDate },
    /// A forgotten case's end date lies before one of its start dates.
    ForgottenEndBeforeStart {
        slutdato: NaiveDate,
        form: Form,
        start: NaiveDate,
    },
    /// An anmodning not yet iværksat (a waiting list): an ordinary case, planned like any
    /// other of its model (guide §4 d, §3.2). A note, nothing to decide.
    AnmodningWithoutIvaerksaettelse,
    /// Model 1: a form to re-register has no date in the list; its original date must be found
    /// in SMDB before the form is deleted (guide §3.2: "alle de oprindelige oplysninger").
    MissingOriginalDate { form: Form },
}

impl ConflictKind {
    /// The stable machine key used in JSON.
    pub fn key(&self) -> &'static str {
        match self {
            ConflictKind::FormAfterSwitch { .. } => "form_after_switch",
            ConflictKind::TwoAnmodninger { .. } => "two_anmodninger",
            ConflictKind::TwoIndskrivninger { .. } => "two_indskrivninger",
            ConflictKind::ForgottenWithoutEndDate => "forgotten_without_end_date",
            ConflictKind::ForgottenEndAfterSwitch { .. } => "forgotten_end_after_switch",
            ConflictKind::ForgottenEndBeforeStart { .. } => "forgotten_end_before_start",
            ConflictKind::AnmodningWithoutIvaerksaettelse => "anmodning_without_ivaerksaettelse",
            ConflictKind::MissingOriginalDate { .. } => "missing_original_date",
        }
    }

    /// Whether a person must decide something; false for a note.
    pub fn needs_decision(&self) -> bool {
        !matches!(self, ConflictKind::AnmodningWithoutIvaerksaettelse)
    }
}

/// A plan-wide remark for the people doing the switch.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Note {
    /// Model 1: DST needs the deadline and cannot publish the kommune's figures before every
    /// active citizen is re-reported (guide §6).
    DeadlineNeeded,
    /// Model 1: DST can delete in bulk when the kommune confirms anmodninger and indskrivninger
    /// (guide §3); never forgotten cases or cases not yet re-entered.
    BulkDeletionNeedsConfirmation,
    /// Since 2025 DST receives no new Indskrivning/Ydelse/Udskrivning forms and KvalHep is being
    /// dropped: re-registering them in the new system may no longer apply (inference).
    TilbudFormsMayNotApply,
    /// Interim: the kommune must document that it maintains data in two places (guide §1.3).
    TwoPlacesToMaintain,
    /// Model 2: DST counts the original start dates only when the close reason is
    /// "Anden"/"Systemskift" (guide §6).
    ReasonTextMatters,
}

/// The whole plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    pub model: Model,
    pub switch_date: NaiveDate,
    pub reentry_date: Option<NaiveDate>,
    pub reason_text: String,
    pub citizens: Vec<CitizenPlan>,
    pub conflicts: Vec<Conflict>,
    pub notes: Vec<Note>,
    /// Set by [`plan_outline`]: the plan holds the actions of forgotten cases only, and these
    /// are the counts of all.
    pub outline: Option<Outline>,
}

/// The counts of a plan whose actions are not all held (see [`plan_outline`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outline {
    pub actions: usize,
    pub counts: Vec<(ActionKind, Form, usize)>,
}

/// Actions counted per (action kind, form).
#[derive(Default)]
pub(crate) struct Tally {
    n: [usize; ActionKind::ALL.len() * Form::ALL.len()],
    total: usize,
}

impl Tally {
    pub(crate) fn add<'a>(&mut self, actions: impl IntoIterator<Item = &'a Action>) {
        for a in actions {
            let k = ActionKind::ALL.iter().position(|k| *k == a.action);
            let f = Form::ALL.iter().position(|f| *f == a.form);
            if let (Some(k), Some(f)) = (k, f) {
                self.n[k * Form::ALL.len() + f] += 1;
            }
            self.total += 1;
        }
    }

    pub(crate) fn outline(&self) -> Outline {
        let mut counts = Vec::new();
        for (ki, kind) in ActionKind::ALL.into_iter().enumerate() {
            for (fi, form) in Form::ALL.into_iter().enumerate() {
                let count = self.n[ki * Form::ALL.len() + fi];
                if count > 0 {
                    counts.push((kind, form, count));
                }
            }
        }
        Outline {
            actions: self.total,
            counts,
        }
    }
}

impl Plan {
    /// Number of actions per (action kind, form), in a fixed order, only those that occur.
    pub fn counts(&self) -> Vec<(ActionKind, Form, usize)> {
        if let Some(o) = &self.outline {
            return o.counts.clone();
        }
        // One pass over the actions (a plan may hold hundreds of thousands).
        let mut tally = Tally::default();
        tally.add(self.citizens.iter().flat_map(|c| &c.actions));
        tally.outline().counts
    }

    pub fn action_count(&self) -> usize {
        match &self.outline {
            Some(o) => o.actions,
            None => self.citizens.iter().map(|c| c.actions.len()).sum(),
        }
    }

    pub fn conflicts_of<'a>(&'a self, cpr: &'a Cpr) -> impl Iterator<Item = &'a Conflict> + 'a {
        self.conflicts.iter().filter(move |c| &c.cpr == cpr)
    }

    /// Each conflict's citizen: its 1-based position in the plan, in the conflicts' order (what
    /// the exports name a conflict's citizen by). The engine lists conflicts in the citizens'
    /// order, so one walk finds them without a table of a national list's every citizen; a
    /// conflict out of that order (a citizen planned again alone) is looked up. 0: none (a
    /// conflict of no citizen of the plan).
    pub fn conflict_citizens(&self) -> Vec<u32> {
        let mut out = Vec::with_capacity(self.conflicts.len());
        let mut j = 0;
        let mut lookup: Option<HashMap<&Cpr, usize>> = None;
        for c in &self.conflicts {
            while j < self.citizens.len() && self.citizens[j].cpr != c.cpr {
                j += 1;
            }
            if j < self.citizens.len() {
                out.push(u32::try_from(j + 1).unwrap_or(u32::MAX));
                continue;
            }
            let table = lookup.get_or_insert_with(|| {
                let wanted: std::collections::HashSet<&Cpr> =
                    self.conflicts.iter().map(|c| &c.cpr).collect();
                self.citizens
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| wanted.contains(&c.cpr))
                    .map(|(i, c)| (&c.cpr, i + 1))
                    .collect()
            });
            let n = table.get(&c.cpr).copied().unwrap_or(0);
            out.push(u32::try_from(n).unwrap_or(u32::MAX));
        }
        out
    }

    /// The conflicts still to be decided.
    pub fn open_conflicts(&self) -> usize {
        self.conflicts.iter().filter(|c| c.is_open()).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A large plan holds close to a million actions: keep each one small.
    #[test]
    fn an_action_stays_small() {
        assert!(std::mem::size_of::<Action>() <= 72);
    }
}

//! The follow-up's work: the plan's side taken from the workspace, a later Aktivliste checked
//! against it through the same [`crate::review::verify::verify`] as the `verify` command, and
//! the citizens grouped by where they stand.

use std::path::PathBuf;

use chrono::{NaiveDate, NaiveDateTime};

use crate::aktivliste::{self, Aktivliste, LoadOptions};
use crate::domain::Cpr;
use crate::export::{self, DoneMark, ExportInput};
use crate::i18n::ui::T;
use crate::lang::Lang;
use crate::plan::{Action, CitizenPlan};
use crate::review::PlanRows;
use crate::review::verify::{self, State, Verification};
use crate::review::words;
use crate::store::StepKey;
use crate::workspace::Workspace;

/// Where a citizen stands, in the order the screen lists them: a state of the plan's citizens
/// (the report's groups, the same words), or new since the plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Group {
    Blocking,
    Early,
    ReentryMissing,
    New,
    Open,
    ReEntered,
    Done,
}

impl Group {
    pub const ALL: [Group; 7] = [
        Group::Blocking,
        Group::Early,
        Group::ReentryMissing,
        Group::New,
        Group::Open,
        Group::ReEntered,
        Group::Done,
    ];

    pub fn label(self, lang: Lang) -> &'static str {
        match self.state() {
            Some(state) => words::verify_label(state, lang),
            None => T::VerifyNew.get(lang),
        }
    }

    /// The group's heading in the report, for the selected citizen.
    pub fn heading(self, lang: Lang) -> &'static str {
        match self.state() {
            Some(state) => words::verify_heading(state, lang),
            None => words::verify_new_heading(lang),
        }
    }

    /// Needs a person: still blocking, re-entered too early or twice, the re-entry missing, or
    /// new.
    pub fn needs_action(self) -> bool {
        self.state().is_none_or(State::needs_action)
    }

    /// Done, with or without a re-entry to show.
    pub fn is_done(self) -> bool {
        matches!(self, Group::Done | Group::ReEntered)
    }

    fn state(self) -> Option<State> {
        Some(match self {
            Group::Blocking => State::Blocking,
            Group::Early => State::Early,
            Group::ReentryMissing => State::ReentryMissing,
            Group::Open => State::Open,
            Group::ReEntered => State::ReEntered,
            Group::Done => State::Done,
            Group::New => return None,
        })
    }

    fn of(state: State) -> Group {
        match state {
            State::Blocking => Group::Blocking,
            State::Early => Group::Early,
            State::ReentryMissing => Group::ReentryMissing,
            State::Open => Group::Open,
            State::ReEntered => Group::ReEntered,
            State::Done => Group::Done,
        }
    }
}

/// One line of the verification.
#[derive(Clone, Debug)]
pub struct Entry {
    pub group: Group,
    /// Masked `DDMMYY-xxxx`.
    pub masked: String,
    /// The full number, shown only while the plan screen shows full CPR.
    pub cpr: Option<Cpr>,
    pub name: String,
    /// The steps left, the reason, or the days open.
    pub detail: String,
}

impl Entry {
    pub fn cpr_text(&self, show_full: bool) -> String {
        match (&self.cpr, show_full) {
            (Some(c), true) => c.display(true),
            _ => self.masked.clone(),
        }
    }
}

/// The later list checked against the plan.
pub struct Checked {
    pub path: PathBuf,
    pub verification: Verification,
    /// Rows of the later list that could not be read.
    pub rejected: usize,
    /// Every citizen, grouped in [`Group`] order.
    pub entries: Vec<Entry>,
}

impl Checked {
    pub fn count(&self, g: Group) -> usize {
        self.entries.iter().filter(|e| e.group == g).count()
    }

    pub fn blocks(&self) -> bool {
        self.verification.blocks() || self.rejected > 0
    }
}

/// A later list checked, or why it could not be.
pub(super) type ReadResult = Result<Checked, String>;

/// The plan's side of a check, taken on the UI thread: the plan and its ticks as the rows of a
/// written plan (ticks count as done steps), and each planned citizen's CPR and name. The rows
/// hold the full CPR for matching only; what is shown is masked unless chosen otherwise.
pub struct PlanSide {
    rows: PlanRows,
    /// The set-up's go-live (None: D + 1).
    go_live: Option<NaiveDate>,
    planned: Vec<(Cpr, String)>,
}

pub fn plan_side(ws: &Workspace, lang: Lang, now: NaiveDateTime) -> Option<PlanSide> {
    let tracked = ws.plan()?;
    let done = |c: &CitizenPlan, a: &Action| -> Option<DoneMark> {
        ws.progress()
            .tick(&StepKey::of(&c.cpr, a))
            .map(|r| DoneMark {
                date: r.done,
                by: Some(r.worker.clone()),
            })
    };
    let input = ExportInput {
        plan: &tracked.plan,
        list: &ws.list,
        show_cpr: true,
        lang,
        generated_at: now,
        done: &done,
    };
    Some(PlanSide {
        rows: crate::review::read::from_json(&export::build_json(&input)),
        go_live: crate::tui::popups::mail::facts(ws).and_then(|f| f.go_live),
        planned: tracked
            .plan
            .citizens
            .iter()
            .map(|c| (c.cpr, c.name.as_deref().unwrap_or_default().to_string()))
            .collect(),
    })
}

/// The later list against the plan (off the UI thread: a long list takes a while).
pub fn check(side: &PlanSide, after: &Aktivliste, lang: Lang, today: NaiveDate) -> Checked {
    let v = verify::verify(&side.rows, &after.citizens, today, side.go_live);
    let mut entries = Vec::new();
    for r in &v.citizens {
        let planned = (r.citizen as usize)
            .checked_sub(1)
            .and_then(|i| side.planned.get(i));
        entries.push(Entry {
            group: Group::of(r.state),
            masked: r.cpr.clone(),
            cpr: planned.map(|p| p.0),
            name: planned.map(|p| p.1.clone()).unwrap_or_default(),
            detail: words::verify_detail(r, &v, lang),
        });
    }
    // New citizens: the later list's own, in its order.
    for n in &v.new {
        let c = after.citizens.get(n.index);
        let detail = words::verify_new_detail(n, v.switch_date, lang);
        entries.push(Entry {
            group: Group::New,
            masked: n.cpr.clone(),
            cpr: c.map(|c| c.cpr),
            name: c
                .and_then(|c| c.name.as_deref())
                .unwrap_or_default()
                .to_string(),
            detail,
        });
    }
    entries.sort_by_key(|e| e.group);
    Checked {
        path: after.path.clone(),
        verification: v,
        rejected: after.rejected.len(),
        entries,
    }
}

/// Reads a later list with the plan's column mappings and checks it against the plan; the error
/// is one line for a person.
pub(super) fn read_and_check(
    path: &std::path::Path,
    options: &LoadOptions,
    side: &PlanSide,
    lang: Lang,
    today: NaiveDate,
) -> ReadResult {
    let after = aktivliste::load(path, options).map_err(|e| e.message(lang))?;
    Ok(check(side, &after, lang, today))
}

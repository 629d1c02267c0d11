//! The checks of a plan read back: every rule under "Rules a plan must satisfy" that can be seen
//! in the plan's rows. Pure: rows in, findings out.

use std::collections::{BTreeMap, HashSet};

use chrono::NaiveDate;

use super::{Location, PlanRows, Row};
use crate::domain::{Form, date::next_day};
use crate::plan::{ActionKind, DEFAULT_REASON_TEXT, Model, REASON_ANDEN, System};

/// One thing wrong in a plan, where it is, and whose it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub at: Location,
    /// The citizen's CPR as the plan shows it (masked unless the plan holds full CPR; the
    /// command masks it again before printing).
    pub cpr: Option<String>,
    pub kind: FindingKind,
}

/// What is wrong. Every variant carries what was found and what is expected; the texts are in
/// [`super::words`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FindingKind {
    /// A cell could not be read as what its column holds.
    Unreadable { column: Column, value: String },
    /// A step number is missing: the citizen's steps jump from `after` to `found`.
    StepGap { after: u32, found: u32 },
    /// The same step number twice for one citizen.
    StepDuplicate { step: u32 },
    /// A row shows a step before a lower one of the same citizen (rows moved).
    StepOutOfRowOrder { step: u32, after: u32 },
    /// An action the model does not have for this citizen.
    WrongAction {
        action: ActionKind,
        system: Option<System>,
        form: Form,
        model: Model,
        forgotten: bool,
    },
    /// Model 1: a registration after a deletion in SMDB.
    RegisterAfterDelete { form: Form },
    /// Model 2: a close in SMDB after a registration in the new system.
    CloseAfterRegister { form: Form },
    /// Model 1: deletions out of [`Form::DELETE_ORDER`] (a→f).
    DeleteOrder { form: Form, after: Form },
    /// Closes out of [`Form::CLOSE_ORDER`].
    CloseOrder { form: Form, after: Form },
    /// Registrations out of the reporting order, [`Form::REGISTER_ORDER`].
    RegisterOrder { form: Form, after: Form },
    /// Model 1 registration or interim follow-up not on the form's original date.
    DateNotOriginal {
        found: Option<NaiveDate>,
        expected: Option<NaiveDate>,
    },
    /// Model 2: a close not on D.
    CloseDateNotD {
        found: Option<NaiveDate>,
        expected: NaiveDate,
    },
    /// Model 2: a close without reason "Anden".
    ReasonNotAnden { found: Option<String> },
    /// Model 2: a close without the plan's reason text.
    ReasonTextWrong {
        found: Option<String>,
        expected: String,
    },
    /// Model 2: a registration not on D + 1.
    ReentryDateWrong {
        found: Option<NaiveDate>,
        expected: NaiveDate,
    },
    /// The plan's stated re-entry date is not D + 1.
    HeaderReentryWrong {
        found: Option<NaiveDate>,
        expected: NaiveDate,
    },
    /// A forgotten case's close without a date.
    ForgottenNoDate,
    /// A forgotten case closed after D.
    ForgottenAfterSwitch { found: NaiveDate, switch: NaiveDate },
    /// A forgotten case closed before the form started.
    ForgottenBeforeStart { found: NaiveDate, start: NaiveDate },
    /// A forgotten case closed with the switch reason text.
    ForgottenSystemskift { found: String },
    /// A form acted on once but not the other (registered, never deleted; closed, never
    /// re-entered, ...).
    Unpaired {
        form: Form,
        have: ActionKind,
        missing: ActionKind,
        have_n: usize,
        missing_n: usize,
    },
    /// A citizen the summary counts has no rows.
    CitizenMissing { citizen: u32 },
    /// A count of the summary differs from the rows.
    CountMismatch {
        what: Counting,
        stated: usize,
        found: usize,
    },
}

/// The columns of the action sheet the checks read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    CitizenNo,
    Step,
    System,
    Form,
    Action,
    Date,
    OriginalDate,
    Done,
}

/// What a stated count counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Counting {
    Citizens,
    Forgotten,
    Actions,
    Kind(ActionKind, Form),
}

/// The conflict keys that already tell a person about a finding of this kind.
fn covering_conflict(kind: &FindingKind) -> Option<&'static str> {
    match kind {
        FindingKind::ForgottenNoDate => Some("forgotten_without_end_date"),
        FindingKind::ForgottenAfterSwitch { .. } => Some("forgotten_end_after_switch"),
        FindingKind::ForgottenBeforeStart { .. } => Some("forgotten_end_before_start"),
        _ => None,
    }
}

/// Checks every rule and returns the findings, in the order of the plan's rows (summary
/// findings last). A finding the plan itself lists as a conflict for a person to decide is not
/// repeated.
pub fn check(plan: &PlanRows) -> Vec<Finding> {
    let mut out: Vec<Finding> = plan.problems.clone();
    let h = &plan.header;
    let d = h.switch_date;
    let d1 = next_day(d);

    if h.model == Model::Two && h.reentry_date != Some(d1) {
        out.push(Finding {
            at: h.reentry_at.clone(),
            cpr: None,
            kind: FindingKind::HeaderReentryWrong {
                found: h.reentry_date,
                expected: d1,
            },
        });
    }
    let reason_text = h
        .reason_text
        .clone()
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| DEFAULT_REASON_TEXT.to_string());
    let rules = Rules {
        model: h.model,
        switch: d,
        reentry: d1,
        reason_text: reason_text.trim().to_string(),
    };

    let groups = plan.by_citizen();
    let listed: HashSet<(&str, &str)> = plan
        .conflicts
        .iter()
        .map(|c| (c.cpr.as_str(), c.kind.as_str()))
        .collect();
    for rows in groups.values() {
        let mut found = Vec::new();
        rules.citizen(rows, &mut found);
        found.retain(|f| {
            let Some(key) = covering_conflict(&f.kind) else {
                return true;
            };
            let cpr = f.cpr.as_deref().unwrap_or("");
            !listed.contains(&(cpr, key))
        });
        out.extend(found);
    }

    summary(plan, &groups, &mut out);
    out
}

struct Rules {
    model: Model,
    switch: NaiveDate,
    reentry: NaiveDate,
    reason_text: String,
}

impl Rules {
    fn citizen(&self, rows: &[&Row], out: &mut Vec<Finding>) {
        let push = |out: &mut Vec<Finding>, r: &Row, kind| {
            out.push(Finding {
                at: r.at.clone(),
                cpr: Some(r.cpr.clone()),
                kind,
            })
        };

        // Rows as they stand: a step shown after a higher one was moved.
        let mut highest: Option<u32> = None;
        for r in rows {
            if let Some(s) = r.step {
                if let Some(h) = highest
                    && s < h
                {
                    push(out, r, FindingKind::StepOutOfRowOrder { step: s, after: h });
                }
                highest = Some(highest.map_or(s, |h| h.max(s)));
            }
        }

        // In step order: numbers 1, 2, 3, ... without gaps or repeats.
        let mut sorted: Vec<&Row> = rows.iter().copied().filter(|r| r.step.is_some()).collect();
        sorted.sort_by_key(|r| r.step);
        let mut prev = 0u32;
        for r in &sorted {
            let s = r.step.unwrap_or(0);
            if s == prev {
                push(out, r, FindingKind::StepDuplicate { step: s });
            } else if s > prev + 1 {
                push(
                    out,
                    r,
                    FindingKind::StepGap {
                        after: prev,
                        found: s,
                    },
                );
            }
            prev = s;
        }

        let forgotten = rows.iter().any(|r| r.forgotten);
        let usable: Vec<&Row> = sorted
            .iter()
            .copied()
            .filter(|r| r.action.is_some() && r.form.is_some())
            .collect();
        if forgotten {
            self.forgotten(&usable, out);
        } else {
            match self.model {
                Model::One => self.model_one(&usable, out),
                Model::Two => self.model_two(&usable, out),
                Model::Mellem => self.interim(&usable, out),
            }
        }
    }

    fn wrong(&self, r: &Row, forgotten: bool, out: &mut Vec<Finding>) {
        let (Some(action), Some(form)) = (r.action, r.form) else {
            return;
        };
        out.push(Finding {
            at: r.at.clone(),
            cpr: Some(r.cpr.clone()),
            kind: FindingKind::WrongAction {
                action,
                system: r.system,
                form,
                model: self.model,
                forgotten,
            },
        });
    }

    fn model_one(&self, rows: &[&Row], out: &mut Vec<Finding>) {
        let mut deleted = false;
        let mut last_delete: Option<Form> = None;
        let mut last_register: Option<Form> = None;
        let mut pairs = Pairs::default();
        for r in rows {
            let (Some(action), Some(form)) = (r.action, r.form) else {
                continue;
            };
            let at = |kind| Finding {
                at: r.at.clone(),
                cpr: Some(r.cpr.clone()),
                kind,
            };
            match (action, r.system) {
                (ActionKind::Registrer, Some(System::Nyt)) if form.register_rank().is_some() => {
                    if deleted {
                        out.push(at(FindingKind::RegisterAfterDelete { form }));
                    }
                    order(
                        &mut last_register,
                        form,
                        Form::register_rank,
                        out,
                        |after| at(FindingKind::RegisterOrder { form, after }),
                    );
                    if r.date != r.original_date {
                        out.push(at(FindingKind::DateNotOriginal {
                            found: r.date,
                            expected: r.original_date,
                        }));
                    }
                    pairs.add(form, 0);
                }
                (ActionKind::Slet, Some(System::Smdb)) if form.delete_rank().is_some() => {
                    deleted = true;
                    order(&mut last_delete, form, Form::delete_rank, out, |after| {
                        at(FindingKind::DeleteOrder { form, after })
                    });
                    pairs.add(form, 1);
                }
                _ => self.wrong(r, false, out),
            }
        }
        pairs.report(rows, [ActionKind::Registrer, ActionKind::Slet], out);
    }

    fn model_two(&self, rows: &[&Row], out: &mut Vec<Finding>) {
        let mut registered = false;
        let mut last_close: Option<Form> = None;
        let mut last_register: Option<Form> = None;
        let mut pairs = Pairs::default();
        for r in rows {
            let (Some(action), Some(form)) = (r.action, r.form) else {
                continue;
            };
            let at = |kind| Finding {
                at: r.at.clone(),
                cpr: Some(r.cpr.clone()),
                kind,
            };
            match (action, r.system) {
                (ActionKind::Afslut, Some(System::Smdb)) if form.close_rank().is_some() => {
                    if registered {
                        out.push(at(FindingKind::CloseAfterRegister { form }));
                    }
                    order(&mut last_close, form, Form::close_rank, out, |after| {
                        at(FindingKind::CloseOrder { form, after })
                    });
                    if r.date != Some(self.switch) {
                        out.push(at(FindingKind::CloseDateNotD {
                            found: r.date,
                            expected: self.switch,
                        }));
                    }
                    if r.reason.as_deref().map(str::trim) != Some(REASON_ANDEN) {
                        out.push(at(FindingKind::ReasonNotAnden {
                            found: r.reason.clone(),
                        }));
                    }
                    if r.reason_text.as_deref().map(str::trim) != Some(self.reason_text.as_str()) {
                        out.push(at(FindingKind::ReasonTextWrong {
                            found: r.reason_text.clone(),
                            expected: self.reason_text.clone(),
                        }));
                    }
                    pairs.add(form.closes(), 0);
                }
                (ActionKind::Registrer, Some(System::Nyt)) if form.register_rank().is_some() => {
                    registered = true;
                    order(
                        &mut last_register,
                        form,
                        Form::register_rank,
                        out,
                        |after| at(FindingKind::RegisterOrder { form, after }),
                    );
                    if r.date != Some(self.reentry) {
                        out.push(at(FindingKind::ReentryDateWrong {
                            found: r.date,
                            expected: self.reentry,
                        }));
                    }
                    // Iværksættelse and KvalHep are registered again but never closed alone.
                    if form.is_closed() {
                        pairs.add(form, 1);
                    }
                }
                _ => self.wrong(r, false, out),
            }
        }
        pairs.report(rows, [ActionKind::Afslut, ActionKind::Registrer], out);
    }

    fn interim(&self, rows: &[&Row], out: &mut Vec<Finding>) {
        for r in rows {
            match (r.action, r.system, r.form) {
                (
                    Some(ActionKind::FoelgOp),
                    Some(System::Smdb),
                    Some(Form::Anmodning | Form::Indskrivning),
                ) => {
                    if r.date != r.original_date {
                        out.push(Finding {
                            at: r.at.clone(),
                            cpr: Some(r.cpr.clone()),
                            kind: FindingKind::DateNotOriginal {
                                found: r.date,
                                expected: r.original_date,
                            },
                        });
                    }
                }
                _ => self.wrong(r, false, out),
            }
        }
    }

    fn forgotten(&self, rows: &[&Row], out: &mut Vec<Finding>) {
        let mut last_close: Option<Form> = None;
        for r in rows {
            let (Some(action), Some(form)) = (r.action, r.form) else {
                continue;
            };
            let at = |kind| Finding {
                at: r.at.clone(),
                cpr: Some(r.cpr.clone()),
                kind,
            };
            if !(action == ActionKind::Afslut
                && r.system == Some(System::Smdb)
                && form.close_rank().is_some())
            {
                self.wrong(r, true, out);
                continue;
            }
            order(&mut last_close, form, Form::close_rank, out, |after| {
                at(FindingKind::CloseOrder { form, after })
            });
            match r.date {
                None => out.push(at(FindingKind::ForgottenNoDate)),
                Some(end) => {
                    if end > self.switch {
                        out.push(at(FindingKind::ForgottenAfterSwitch {
                            found: end,
                            switch: self.switch,
                        }));
                    }
                    if let Some(start) = r.original_date
                        && end < start
                    {
                        out.push(at(FindingKind::ForgottenBeforeStart { found: end, start }));
                    }
                }
            }
            for text in [&r.reason, &r.reason_text].into_iter().flatten() {
                let t = text.trim().to_lowercase();
                if t.starts_with("systemskift") || t == self.reason_text.to_lowercase() {
                    out.push(at(FindingKind::ForgottenSystemskift {
                        found: text.trim().to_string(),
                    }));
                    break;
                }
            }
        }
    }
}

/// Reports `form` when it comes before the last one in `rank` order; remembers the latest.
fn order(
    last: &mut Option<Form>,
    form: Form,
    rank: fn(Form) -> Option<usize>,
    out: &mut Vec<Finding>,
    finding: impl FnOnce(Form) -> Finding,
) {
    if let Some(prev) = *last
        && rank(form) < rank(prev)
    {
        out.push(finding(prev));
        return;
    }
    *last = Some(form);
}

/// Counts of one form on either side of a pair of actions (registered / deleted, closed /
/// re-entered).
#[derive(Default)]
struct Pairs(BTreeMap<Form, [usize; 2]>);

impl Pairs {
    fn add(&mut self, form: Form, side: usize) {
        self.0.entry(form).or_default()[side] += 1;
    }

    fn report(&self, rows: &[&Row], actions: [ActionKind; 2], out: &mut Vec<Finding>) {
        let Some(last) = rows.last() else { return };
        for (form, [a, b]) in &self.0 {
            if a == b {
                continue;
            }
            let (have, missing, have_n, missing_n) = if a > b {
                (actions[0], actions[1], *a, *b)
            } else {
                (actions[1], actions[0], *b, *a)
            };
            out.push(Finding {
                at: last.at.clone(),
                cpr: Some(last.cpr.clone()),
                kind: FindingKind::Unpaired {
                    form: *form,
                    have,
                    missing,
                    have_n,
                    missing_n,
                },
            });
        }
    }
}

/// The summary's counts against the rows; every citizen number the summary counts has rows.
fn summary(plan: &PlanRows, groups: &BTreeMap<u32, Vec<&Row>>, out: &mut Vec<Finding>) {
    let h = &plan.header;
    let mismatch = |out: &mut Vec<Finding>, c: &super::Counted, what, found: usize| {
        if c.n != found {
            out.push(Finding {
                at: c.at.clone(),
                cpr: None,
                kind: FindingKind::CountMismatch {
                    what,
                    stated: c.n,
                    found,
                },
            });
        }
    };
    if let Some(c) = &h.citizens {
        let n = u32::try_from(c.n).unwrap_or(u32::MAX);
        let mut where_next: Option<Location> = None;
        for k in 1..=n.min(1_000_000) {
            match groups.get(&k) {
                Some(rows) => {
                    where_next = rows.last().map(|r| next_row(&r.at));
                }
                None => {
                    let at = where_next.clone().unwrap_or_else(|| first_row(plan));
                    out.push(Finding {
                        at,
                        cpr: None,
                        kind: FindingKind::CitizenMissing { citizen: k },
                    });
                }
            }
        }
        mismatch(out, c, Counting::Citizens, groups.len());
    }
    if let Some(c) = &h.forgotten {
        let found = groups
            .values()
            .filter(|rows| rows.iter().any(|r| r.forgotten))
            .count();
        mismatch(out, c, Counting::Forgotten, found);
    }
    if let Some(c) = &h.actions {
        mismatch(out, c, Counting::Actions, plan.rows.len());
    }
    for (kind, form, c) in &h.per_kind {
        let found = plan
            .rows
            .iter()
            .filter(|r| r.action == Some(*kind) && r.form == Some(*form))
            .count();
        mismatch(out, c, Counting::Kind(*kind, *form), found);
    }
    // Kinds the summary does not state, but rows hold.
    let stated: HashSet<(ActionKind, Form)> = h.per_kind.iter().map(|(k, f, _)| (*k, *f)).collect();
    if !h.per_kind.is_empty() {
        let mut extra: BTreeMap<(ActionKind, Form), usize> = BTreeMap::new();
        for r in &plan.rows {
            if let (Some(k), Some(f)) = (r.action, r.form)
                && !stated.contains(&(k, f))
            {
                *extra.entry((k, f)).or_default() += 1;
            }
        }
        let at = h
            .actions
            .as_ref()
            .map(|c| c.at.clone())
            .unwrap_or_else(|| first_row(plan));
        for ((k, f), n) in extra {
            out.push(Finding {
                at: at.clone(),
                cpr: None,
                kind: FindingKind::CountMismatch {
                    what: Counting::Kind(k, f),
                    stated: 0,
                    found: n,
                },
            });
        }
    }
}

fn next_row(at: &Location) -> Location {
    Location {
        sheet: at.sheet.clone(),
        row: at.row.map(|r| r.saturating_add(1)),
    }
}

fn first_row(plan: &PlanRows) -> Location {
    plan.rows
        .first()
        .map(|r| r.at.clone())
        .unwrap_or_else(|| Location::sheet(super::read::ACTIONS_SHEET))
}

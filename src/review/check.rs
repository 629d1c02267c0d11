//! The checks of a plan read back: every rule under "Rules a plan must satisfy" that can be seen
//! in the plan's rows. Pure: rows in, findings out. What a finding is lives in
//! `review/finding.rs`; the summary's counts are checked in `review/summary.rs`.

use std::collections::{BTreeMap, HashSet};

use chrono::NaiveDate;

use super::summary::summary;
use super::{Location, PlanRows, Row};
use crate::domain::{Form, date::next_day};
use crate::plan::{
    ActionKind, DEFAULT_REASON_TEXT, GUIDE_REASONS, Model, System, guide_spelling,
    is_guide_reason_text,
};

pub use super::finding::{Column, Counting, Finding, FindingKind};

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
    let groups = plan.by_citizen();
    // The model and D the rows follow: a changed Oversigt cell is one finding at that cell,
    // and the rows are checked by what they follow.
    let (model, d) = as_the_rows_say(plan, &groups, &mut out);
    let d1 = next_day(d);

    if model == Model::Two && h.reentry_date != Some(d1) {
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
    // A plan written with another description than the guide's (an explicit override): DST
    // may count its citizens as new cases.
    if model == Model::Two && !is_guide_reason_text(&reason_text) {
        out.push(Finding {
            at: Location::sheet(&h.reentry_at.sheet),
            cpr: None,
            kind: FindingKind::ReasonTextNotGuide {
                found: reason_text.trim().to_string(),
            },
        });
    }
    let rules = Rules {
        model,
        switch: d,
        reentry: d1,
        reason_text: reason_text.trim().to_string(),
    };

    let listed: HashSet<(&str, &str)> = plan
        .conflicts
        .iter()
        .map(|c| (c.cpr.as_str(), c.kind.as_str()))
        .collect();
    for (&citizen, rows) in &groups {
        let mut found = Vec::new();
        // Rows a decision changed follow the decision, not the model: checked only for a
        // decided conflict of their citizen.
        let (by_decision, by_rule): (Vec<&Row>, Vec<&Row>) =
            rows.iter().partition(|r| r.by_decision);
        if let Some(first) = by_decision.first()
            && !plan
                .conflicts
                .iter()
                .any(|c| !c.open && c.citizen.map_or(c.cpr == first.cpr, |n| n == citizen))
        {
            found.push(Finding {
                at: first.at.clone(),
                cpr: Some(first.cpr.clone()),
                kind: FindingKind::DecisionWithoutConflict,
            });
        }
        Rules::steps(rows, &mut found);
        step_count(rows, &mut found);
        forgotten_agrees(rows, &mut found);
        rules.citizen(&by_rule, &mut found);
        found.retain(|f| {
            let Some(key) = covering_conflict(&f.kind) else {
                return true;
            };
            let cpr = f.cpr.as_deref().unwrap_or("");
            !listed.contains(&(cpr, key))
        });
        out.extend(found);
    }

    let open: Vec<_> = plan.conflicts.iter().filter(|c| c.open).collect();
    if let Some(first) = open.first() {
        out.push(Finding {
            at: first.at.clone(),
            cpr: None,
            kind: FindingKind::ConflictsOpen { n: open.len() },
        });
    }

    summary(plan, &groups, &mut out);
    out
}

/// The model and D the rows follow. Where the stated model does not fit a quarter of the rows
/// or more and another model fits them all, or (model 2) every close of two or more is on one
/// other day than the stated D, the Oversigt cell was changed: one finding at it, and the rows
/// are checked by what they follow.
fn as_the_rows_say(
    plan: &PlanRows,
    groups: &std::collections::BTreeMap<u32, Vec<&Row>>,
    out: &mut Vec<Finding>,
) -> (Model, NaiveDate) {
    let h = &plan.header;
    let ruled: Vec<&Row> = groups
        .values()
        .filter(|rows| !rows.iter().any(|r| r.forgotten))
        .flatten()
        .copied()
        .filter(|r| !r.by_decision && r.action.is_some())
        .collect();
    // The steps of a citizen who is not forgotten (a close in model 1 or the interim is one of
    // a forgotten case's only).
    let active_steps = |m: Model| -> &'static [(System, ActionKind)] {
        match m {
            Model::One => &[
                (System::Nyt, ActionKind::Registrer),
                (System::Smdb, ActionKind::Slet),
            ],
            Model::Two => &[
                (System::Smdb, ActionKind::Afslut),
                (System::Nyt, ActionKind::Registrer),
            ],
            Model::Mellem => &[(System::Smdb, ActionKind::FoelgOp)],
        }
    };
    let misfits = |m: Model| {
        ruled
            .iter()
            .filter(|r| {
                !active_steps(m)
                    .iter()
                    .any(|(sys, act)| r.system == Some(*sys) && r.action == Some(*act))
            })
            .count()
    };
    let mut model = h.model;
    let stated_misfits = misfits(h.model);
    if stated_misfits > 0
        && stated_misfits * 4 >= ruled.len()
        && let Some(fits) = Model::ALL
            .into_iter()
            .find(|m| *m != h.model && misfits(*m) == 0)
    {
        out.push(Finding {
            at: h.model_at.clone(),
            cpr: None,
            kind: FindingKind::HeaderModelWrong {
                stated: h.model,
                rows: fits,
            },
        });
        model = fits;
    }
    let mut d = h.switch_date;
    if model == Model::Two {
        let mut closes = ruled
            .iter()
            .filter(|r| r.action == Some(ActionKind::Afslut) && r.system == Some(System::Smdb))
            .map(|r| r.date);
        if let Some(Some(first)) = closes.next() {
            let mut n = 1;
            let all_same = closes.all(|x| {
                n += 1;
                x == Some(first)
            });
            if all_same && n >= 2 && first != d {
                out.push(Finding {
                    at: h.switch_at.clone(),
                    cpr: None,
                    kind: FindingKind::HeaderSwitchWrong {
                        stated: d,
                        rows: first,
                    },
                });
                d = first;
            }
        }
    }
    (model, d)
}

/// A citizen's rows against the number of steps they state (Trin i alt).
fn step_count(rows: &[&Row], out: &mut Vec<Finding>) {
    let Some(stated) = rows.iter().find_map(|r| r.steps_total) else {
        return;
    };
    if rows.len() != stated as usize
        && let Some(last) = rows.last()
    {
        out.push(Finding {
            at: last.at.clone(),
            cpr: Some(last.cpr.clone()),
            kind: FindingKind::StepCount {
                stated,
                found: rows.len(),
            },
        });
    }
}

/// A citizen's rows agree whether it is a forgotten case, and with Glemte sager.
fn forgotten_agrees(rows: &[&Row], out: &mut Vec<Finding>) {
    let said: Vec<(&Row, bool)> = rows
        .iter()
        .filter_map(|r| r.status_forgotten.map(|s| (*r, s)))
        .collect();
    let Some(&(first, _)) = said.first() else {
        return;
    };
    // What most of the rows say; the first row that says otherwise is the one changed.
    let forgotten_rows = said.iter().filter(|(_, s)| *s).count();
    let says = forgotten_rows * 2 >= said.len();
    let finding = |r: &Row, row_says, other_says| Finding {
        at: r.at.clone(),
        cpr: Some(r.cpr.clone()),
        kind: FindingKind::ForgottenDiffers {
            row_says,
            other_says,
        },
    };
    if let Some(&(r, other)) = said.iter().find(|(_, s)| *s != says) {
        out.push(finding(r, other, says));
    } else if let Some(listed) = first.listed_forgotten
        && listed != says
    {
        out.push(finding(first, says, listed));
    }
}

struct Rules {
    model: Model,
    switch: NaiveDate,
    reentry: NaiveDate,
    reason_text: String,
}

impl Rules {
    /// A close's description holds when it is the plan's own, or when both are spellings of the
    /// guide's ("Systemskift" in §1 and §6, "Systemskifte" in §4).
    fn reason_text_holds(&self, found: Option<&str>) -> bool {
        let found = found.unwrap_or("").trim();
        let guide = is_guide_reason_text;
        found.to_lowercase() == self.reason_text.to_lowercase()
            || (guide(found) && guide(&self.reason_text))
    }

    /// The step numbers of all of a citizen's rows: in row order, without gaps or repeats.
    fn steps(rows: &[&Row], out: &mut Vec<Finding>) {
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
    }

    /// The model's rules over a citizen's rows (those no decision changed).
    fn citizen(&self, rows: &[&Row], out: &mut Vec<Finding>) {
        let mut sorted: Vec<&Row> = rows.iter().copied().filter(|r| r.step.is_some()).collect();
        sorted.sort_by_key(|r| r.step);
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
                    let reason = r.reason.as_deref().unwrap_or("");
                    if guide_spelling(reason, &GUIDE_REASONS).is_none() {
                        out.push(at(FindingKind::ReasonNotAnden {
                            found: r.reason.clone(),
                        }));
                    }
                    if !self.reason_text_holds(r.reason_text.as_deref()) {
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

//! The Excel round trip: the *Udført* / *Udført af* columns of action sheets that people
//! filled in, compared with the list's progress store. Pure: the plan, the store's progress and
//! the sheets' marks in, a [`MergeReport`] out; the report turns into the store's changes
//! ([`MergeReport::changes`]). Reading the sheets is [`read::read_sheets`]; the words are
//! [`crate::i18n::merge::report_lines`].
//!
//! A row counts for the action of the current plan it names exactly (the citizen, the system,
//! the form, the action, the date, the case), never for another one: a sheet written for another
//! D or model matches nothing and says so. A blank cell changes nothing; only an explicit "nej",
//! "0", "ikke endnu" takes a tick back. Two sheets that disagree on a step change nothing for it.

pub mod read;

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime, SubsecRound};

use crate::domain::Cpr;
use crate::domain::cpr::{mask_cpr_value, shows_as};
use crate::domain::date::fmt_dk;
use crate::plan::{Action, CitizenPlan, Model, Plan};
use crate::review::{Location, Row};
use crate::store::{Change, Progress, StepKey};

pub use read::read_sheets;

/// What one sheet says: its file's name, the set-up it was written for, its action rows (with
/// their Udført marks) and the Udført values it holds that are neither done nor not done.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SheetMarks {
    /// The file's name, as the report names it.
    pub file: String,
    pub model: Model,
    pub switch_date: NaiveDate,
    /// When the sheet was written (None for a JSON plan): a step changed in the store after it
    /// is not changed from the sheet, which has not seen that change.
    pub written: Option<NaiveDateTime>,
    pub rows: Vec<Row>,
    pub unknown: Vec<UnknownMark>,
}

/// A place in one of the sheets: the file, and the sheet and row in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    pub file: String,
    pub at: Location,
}

/// What a row's Udført cells say.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Mark {
    /// Done, on the date given (none: "x", "ja"), by whom when Udført af says.
    Done {
        date: Option<NaiveDate>,
        by: Option<String>,
    },
    /// Said explicitly not done ("nej", "0", "ikke endnu").
    NotDone,
}

impl Mark {
    /// The mark of a row; None for a blank cell (and for a value that could not be read, which
    /// the reader reports apart).
    pub fn of(row: &Row) -> Option<Mark> {
        if row.done {
            Some(Mark::Done {
                date: row.done_date,
                by: row.done_by.clone(),
            })
        } else if row.not_done {
            Some(Mark::NotDone)
        } else {
            None
        }
    }
}

/// A step of the current plan: whose, and which.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanStep {
    pub cpr: Cpr,
    pub name: Option<String>,
    pub key: StepKey,
}

/// A step to tick (or whose done date changes).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewTick {
    pub step: PlanStep,
    /// The day it was done; None: the sheet says done without a date ("x"), and it is ticked as
    /// done on the day of the merge.
    pub date: Option<NaiveDate>,
    /// Udført af, when the sheet says.
    pub by: Option<String>,
    /// The store's done date and worker when it is ticked already (then only the date changes).
    pub was: Option<(NaiveDate, String)>,
    pub from: Vec<Place>,
}

/// A tick to take back: the store has it, a sheet says not done.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Untick {
    pub step: PlanStep,
    /// The store's done date and worker.
    pub was: (NaiveDate, String),
    pub from: Vec<Place>,
}

/// Two sheets (or two rows) say different things about one step: nothing is changed for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Disagreement {
    pub step: PlanStep,
    pub marks: Vec<(Place, Mark)>,
}

/// A step the store changed after a sheet that would change it was written: the sheet has not
/// seen that change (a colleague's untick, a done date corrected), so it is not applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChangedSince {
    pub step: PlanStep,
    /// The store's done date and worker now (None: not done in the store).
    pub store: Option<(NaiveDate, String)>,
    /// When the store last changed the step.
    pub changed: NaiveDateTime,
    pub marks: Vec<(Place, Mark)>,
}

/// A marked row that names no action of the current plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unmatched {
    pub place: Place,
    /// As the sheet shows it, anything CPR-like masked.
    pub cpr: String,
    pub mark: Mark,
}

/// An Udført value that is neither done nor not done ("maybe"): never guessed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownMark {
    pub place: Place,
    /// As the sheet shows it, anything CPR-like masked.
    pub cpr: Option<String>,
    pub value: String,
}

/// A sheet written for another set-up than the store's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OtherSetup {
    pub file: String,
    pub model: Model,
    pub switch_date: NaiveDate,
}

/// What merging the sheets into the store would change, and what it cannot decide.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MergeReport {
    /// The store's set-up the sheets are compared under.
    pub setup: Option<(Model, NaiveDate)>,
    /// The sheets read, by file name.
    pub files: Vec<String>,
    pub ticks: Vec<NewTick>,
    pub unticks: Vec<Untick>,
    pub disagreements: Vec<Disagreement>,
    pub changed_since: Vec<ChangedSince>,
    pub unmatched: Vec<Unmatched>,
    pub unknown: Vec<UnknownMark>,
    pub other_setup: Vec<OtherSetup>,
    /// Marked steps the store already has as the sheets say.
    pub unchanged: usize,
    /// Blank rows that name no action of the current plan (not listed one by one).
    pub unmatched_blank: usize,
}

impl MergeReport {
    /// Whether anything would be recorded.
    pub fn has_changes(&self) -> bool {
        !self.ticks.is_empty() || !self.unticks.is_empty()
    }

    /// Whether something needs a person: disagreements, rows of no action, unreadable values.
    pub fn has_problems(&self) -> bool {
        !self.disagreements.is_empty()
            || !self.changed_since.is_empty()
            || !self.unmatched.is_empty()
            || !self.unknown.is_empty()
    }

    /// The changes to record, all under the one merging: a tick on its date (on `today` where
    /// the sheet gives none) and by the Udført af the sheet gives; the unticks.
    pub fn changes(&self, today: NaiveDate) -> Vec<Change> {
        let ticks = self.ticks.iter().map(|t| Change::Tick {
            step: t.step.key.clone(),
            done: t.date.unwrap_or(today),
            by: t.by.clone(),
        });
        let unticks = self.unticks.iter().map(|u| Change::Untick {
            step: u.step.key.clone(),
        });
        ticks.chain(unticks).collect()
    }
}

/// Finds the action of the plan a row names: the citizen by full CPR, or by masked CPR (and
/// name) preferring the one at the row's Borger nr; then the action with the same system, form,
/// kind, date, case and detail.
/// The plan's citizens by full CPR and by masked CPR, to find a row's citizen at once.
struct Index {
    by_cpr: HashMap<Cpr, usize>,
    by_masked: HashMap<String, Vec<usize>>,
}

impl Index {
    fn of(plan: &Plan) -> Index {
        let mut by_masked: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, c) in plan.citizens.iter().enumerate() {
            by_masked.entry(c.cpr.masked()).or_default().push(i);
        }
        Index {
            by_cpr: plan
                .citizens
                .iter()
                .enumerate()
                .map(|(i, c)| (c.cpr, i))
                .collect(),
            by_masked,
        }
    }
}

fn find<'p>(plan: &'p Plan, index: &Index, row: &Row) -> Option<(&'p CitizenPlan, &'p Action)> {
    let shown = row.cpr.trim();
    let citizen = match Cpr::parse(shown) {
        Ok((cpr, _)) if !shown.contains('x') => index.by_cpr.get(&cpr).map(|&i| &plan.citizens[i]),
        _ => {
            let fits = |c: &&CitizenPlan| {
                c.cpr.masked() == shown
                    && match (&row.name, &c.name) {
                        (Some(a), Some(b)) => shows_as(a.trim(), b.trim()),
                        _ => true,
                    }
            };
            let at_number = (row.citizen as usize)
                .checked_sub(1)
                .and_then(|i| plan.citizens.get(i))
                .filter(fits);
            at_number.or_else(|| {
                let same_masked = index.by_masked.get(shown).map_or(&[][..], Vec::as_slice);
                let mut all = same_masked.iter().map(|&i| &plan.citizens[i]).filter(fits);
                let one = all.next();
                // Two citizens with the same masked CPR and name: the row is not guessed.
                if all.next().is_some() { None } else { one }
            })
        }
    }?;
    // A sheet written with CPR masked shows an ID or a detail that looks like a CPR masked.
    let same = |a: Option<&str>, b: Option<&str>| match (
        a.map(str::trim).filter(|t| !t.is_empty()),
        b.map(str::trim).filter(|t| !t.is_empty()),
    ) {
        (Some(shown), Some(planned)) => shows_as(shown, planned),
        (a, b) => a == b,
    };
    let action = citizen.actions.iter().find(|a| {
        row.system == Some(a.system)
            && row.form == Some(a.form)
            && row.action == Some(a.action)
            && row.date == a.date
            && same(row.case_id.as_deref(), a.case_id.as_deref())
            && same(row.detail.as_deref(), a.detail.as_deref())
    })?;
    Some((citizen, action))
}

/// Compares the sheets' marks with the store's progress under the current plan.
pub fn compare(plan: &Plan, progress: &Progress, sheets: &[SheetMarks]) -> MergeReport {
    compare_since(plan, progress, sheets, &|_| None, None)
}

/// [`compare`], with when the store last changed each step (`changed`): a change a sheet would
/// make to a step the store changed after the sheet was written is listed in
/// [`MergeReport::changed_since`] instead of applied. With `today`, a done date after it is
/// never taken: it is listed with the values that cannot be read ("date > today").
pub fn compare_since(
    plan: &Plan,
    progress: &Progress,
    sheets: &[SheetMarks],
    changed: &dyn Fn(&StepKey) -> Option<NaiveDateTime>,
    today: Option<NaiveDate>,
) -> MergeReport {
    // Each row's citizen is found at once, by full or masked CPR (a national plan has 100,000
    // citizens and 650,000 rows; a newer list orders them otherwise).
    let index = Index::of(plan);
    let written: HashMap<&str, NaiveDateTime> = sheets
        .iter()
        .filter_map(|s| Some((s.file.as_str(), s.written?)))
        .collect();
    let mut report = MergeReport {
        setup: Some((plan.model, plan.switch_date)),
        files: sheets.iter().map(|s| s.file.clone()).collect(),
        ..MergeReport::default()
    };
    // Every mark per step, in sheet and row order.
    let mut order: Vec<StepKey> = Vec::new();
    let mut marks: HashMap<StepKey, (PlanStep, Vec<(Place, Mark)>)> = HashMap::new();
    for sheet in sheets {
        if (sheet.model, sheet.switch_date) != (plan.model, plan.switch_date) {
            report.other_setup.push(OtherSetup {
                file: sheet.file.clone(),
                model: sheet.model,
                switch_date: sheet.switch_date,
            });
        }
        report.unknown.extend(sheet.unknown.iter().cloned());
        for row in &sheet.rows {
            let place = Place {
                file: sheet.file.clone(),
                at: row.at.clone(),
            };
            let mark = Mark::of(row);
            let Some((citizen, action)) = find(plan, &index, row) else {
                match mark {
                    Some(mark) => report.unmatched.push(Unmatched {
                        place,
                        cpr: mask_cpr_value(&row.cpr),
                        mark,
                    }),
                    None => report.unmatched_blank += 1,
                }
                continue;
            };
            let Some(mark) = mark else { continue };
            if let (Mark::Done { date: Some(d), .. }, Some(t)) = (&mark, today)
                && *d > t
            {
                report.unknown.push(UnknownMark {
                    place,
                    cpr: Some(mask_cpr_value(&row.cpr)),
                    value: format!("{} > {}", fmt_dk(*d), fmt_dk(t)),
                });
                continue;
            }
            let key = StepKey::of(&citizen.cpr, action);
            let entry = marks.entry(key.clone()).or_insert_with(|| {
                order.push(key.clone());
                let step = PlanStep {
                    cpr: citizen.cpr,
                    name: citizen.name.as_deref().map(String::from),
                    key,
                };
                (step, Vec::new())
            });
            entry.1.push((place, mark));
        }
    }
    for key in order {
        let Some((step, found)) = marks.remove(&key) else {
            continue;
        };
        let Some(agreed) = agree(&found) else {
            report
                .disagreements
                .push(Disagreement { step, marks: found });
            continue;
        };
        let stored = progress.tick(&key).map(|r| (r.done, r.worker.clone()));
        let would_change = match (&agreed, &stored) {
            (Mark::Done { .. }, None) | (Mark::NotDone, Some(_)) => true,
            (Mark::Done { date: Some(d), .. }, Some(was)) => *d != was.0,
            _ => false,
        };
        // The oldest sheet among those marking the step: what it could have seen.
        let oldest = found
            .iter()
            .filter_map(|(p, _)| written.get(p.file.as_str()).copied())
            .min();
        if would_change
            && let (Some(w), Some(c)) = (oldest, changed(&key))
            // To the second: the sheet's Genereret cell holds no finer time. A change in the
            // very second of the export counts as seen.
            && c.trunc_subsecs(0) > w.trunc_subsecs(0)
        {
            report.changed_since.push(ChangedSince {
                step,
                store: stored,
                changed: c,
                marks: found,
            });
            continue;
        }
        let from: Vec<Place> = found.into_iter().map(|(p, _)| p).collect();
        match (agreed, stored) {
            (Mark::Done { date, by }, None) => report.ticks.push(NewTick {
                step,
                date,
                by,
                was: None,
                from,
            }),
            (Mark::Done { date: Some(d), by }, Some(was)) if d != was.0 => {
                report.ticks.push(NewTick {
                    step,
                    date: Some(d),
                    by,
                    was: Some(was),
                    from,
                });
            }
            (Mark::NotDone, Some(was)) => report.unticks.push(Untick { step, was, from }),
            // Done as the store has it, or not done and not ticked.
            _ => report.unchanged += 1,
        }
    }
    report
}

/// What the marks of one step agree on: all done (on one date, where any gives one; the first
/// Udført af given), or all not done. None when they disagree.
fn agree(marks: &[(Place, Mark)]) -> Option<Mark> {
    let mut done_date: Option<NaiveDate> = None;
    // Udført af of the mark that gave the date (the one the tick is recorded as) when it names
    // one, else the first given: a date from one sheet is never credited to another sheet's
    // initials.
    let mut by: Option<String> = None;
    let mut by_dated: Option<String> = None;
    let mut done = false;
    let mut not_done = false;
    for (_, m) in marks {
        match m {
            Mark::Done { date, by: who } => {
                done = true;
                if let Some(d) = date {
                    if done_date.is_some_and(|x| x != *d) {
                        return None;
                    }
                    done_date = Some(*d);
                    if by_dated.is_none() {
                        by_dated.clone_from(who);
                    }
                }
                if by.is_none() {
                    by.clone_from(who);
                }
            }
            Mark::NotDone => not_done = true,
        }
    }
    match (done, not_done) {
        (true, false) => Some(Mark::Done {
            date: done_date,
            by: by_dated.or(by),
        }),
        (false, true) => Some(Mark::NotDone),
        _ => None,
    }
}

#[cfg(test)]
mod tests;

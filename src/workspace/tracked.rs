//! The plan while it is worked through: the plan itself, what is done per action, and the
//! per-citizen facts the screens and the exports read (counts of done actions and conflicts,
//! the search key). Built for lists of 100,000 citizens: counts are kept up to date on each
//! tick instead of being recounted.
//!
//! A tick counts for an action only when it was made for exactly that action (system, form,
//! action, case and date: [`StepKey`]). A tick that matches no action of the plan (made before
//! D or the model changed) is kept aside per citizen as done under an earlier plan.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::{NaiveDate, NaiveDateTime};

use crate::domain::{Citizen, Cpr};
use crate::plan::{self, ActionKind, CitizenPlan, Model, Plan, Settings, Status, System};
use crate::store::{Progress, Recorded, StepKey};

/// A done action: the day it was done, who ticked it and when.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mark {
    pub date: NaiveDate,
    pub by: Arc<str>,
    pub at: NaiveDateTime,
}

impl Mark {
    fn of(r: &Recorded, workers: &mut HashMap<String, Arc<str>>) -> Mark {
        let by = match workers.get(&r.worker) {
            Some(w) => w.clone(),
            None => {
                let w: Arc<str> = Arc::from(r.worker.as_str());
                workers.insert(r.worker.clone(), w.clone());
                w
            }
        };
        Mark {
            date: r.done,
            by,
            at: r.at,
        }
    }
}

/// A tick that matches no action of the current plan: done under an earlier plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EarlierTick {
    pub step: StepKey,
    pub recorded: Recorded,
}

/// A group of steps on the progress line: one kind of action in one system.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StepGroup {
    pub system: System,
    pub action: ActionKind,
    pub done: usize,
    pub total: usize,
}

pub struct TrackedPlan {
    /// Shared, so work off the UI thread (an export) can read it while the screen draws.
    pub plan: Arc<Plan>,
    pub settings: Settings,
    /// Per citizen, per action: whether it is done, when and by whom.
    done: Vec<Vec<Option<Mark>>>,
    /// Per citizen (by index): ticks that match none of its actions now.
    earlier: HashMap<usize, Vec<EarlierTick>>,
    /// Citizens from this index on are no longer on the list (kept for the steps left).
    gone_from: usize,
    by_cpr: HashMap<Cpr, usize>,
    done_count: Vec<u32>,
    conflict_count: Vec<u32>,
    /// Lower-case name, a space and the CPR digits, per citizen, for search.
    search_keys: Vec<String>,
    groups: Vec<StepGroup>,
    total_done: usize,
    total_actions: usize,
}

impl TrackedPlan {
    /// Plans every citizen and applies the ticks that still apply. Citizens from `gone_from`
    /// on are no longer on the list.
    pub fn new(
        citizens: &[Citizen],
        gone_from: usize,
        settings: Settings,
        progress: &Progress,
    ) -> TrackedPlan {
        let plan = plan::plan(citizens, &settings);
        let mut index: HashMap<Cpr, usize> = HashMap::new();
        for (i, c) in plan.citizens.iter().enumerate() {
            index.insert(c.cpr, i);
        }
        let mut conflict_count = vec![0u32; plan.citizens.len()];
        for c in plan.conflicts.iter().filter(|c| c.is_open()) {
            if let Some(&i) = index.get(&c.cpr) {
                conflict_count[i] += 1;
            }
        }
        let search_keys = plan
            .citizens
            .iter()
            .map(|c| {
                let mut s = c.name.as_deref().unwrap_or("").to_lowercase();
                s.push(' ');
                s.push_str(c.cpr.digits());
                s
            })
            .collect();
        let mut tracked = TrackedPlan {
            done: Vec::new(),
            earlier: HashMap::new(),
            gone_from,
            by_cpr: index,
            done_count: Vec::new(),
            conflict_count,
            search_keys,
            groups: Vec::new(),
            total_done: 0,
            total_actions: 0,
            plan: Arc::new(plan),
            settings,
        };
        tracked.apply_ticks(progress);
        tracked
    }

    /// Sets every action's done mark from the progress (after others' changes came in).
    pub fn apply_ticks(&mut self, progress: &Progress) {
        self.done = self
            .plan
            .citizens
            .iter()
            .map(|c| vec![None; c.actions.len()])
            .collect();
        self.earlier.clear();
        let mut workers = HashMap::new();
        for (step, r) in progress.ticks() {
            // A tick of a citizen not in the plan at all stays in the store, shown nowhere.
            let Some(i) = self.citizen_index(&step.cpr) else {
                continue;
            };
            let cp = &self.plan.citizens[i];
            match cp.actions.iter().position(|a| step.is(a)) {
                Some(a) => self.done[i][a] = Some(Mark::of(r, &mut workers)),
                None => self.earlier.entry(i).or_default().push(EarlierTick {
                    step: step.clone(),
                    recorded: r.clone(),
                }),
            }
        }
        for list in self.earlier.values_mut() {
            list.sort_by_key(|t| t.recorded.event);
        }
        self.done_count = self
            .done
            .iter()
            .map(|d| d.iter().filter(|x| x.is_some()).count() as u32)
            .collect();
        self.recount();
    }

    /// Sets one step's mark from the progress, in place (a tick or untick read from the
    /// store); false when the step is no action of the plan: then the marks must be set again
    /// from the whole progress.
    pub fn apply_step(&mut self, step: &StepKey, progress: &Progress) -> bool {
        let Some(i) = self.citizen_index(&step.cpr) else {
            return false;
        };
        let Some(a) = self.plan.citizens[i]
            .actions
            .iter()
            .position(|a| step.is(a))
        else {
            return false;
        };
        let mark = progress
            .tick(step)
            .map(|r| Mark::of(r, &mut HashMap::new()));
        self.set_mark(i, a, mark);
        true
    }

    /// The index of the citizen with these CPR digits.
    pub fn citizen_index(&self, digits: &str) -> Option<usize> {
        let (cpr, _) = Cpr::parse(digits).ok()?;
        self.by_cpr.get(&cpr).copied()
    }

    /// The ticks in `progress` that count for this plan but would not count under `settings`
    /// (a change of D or of the model gives the steps other dates or other actions), in the
    /// order of the plan's citizens.
    pub fn ticks_lost_under(
        &self,
        citizens: &[Citizen],
        settings: &Settings,
        progress: &Progress,
    ) -> Vec<EarlierTick> {
        let mut lost = Vec::new();
        for (i, (c, done)) in self.plan.citizens.iter().zip(&self.done).enumerate() {
            if done.iter().all(Option::is_none) {
                continue;
            }
            let Some(citizen) = citizens.get(i) else {
                continue;
            };
            let (new, _) = plan::plan_citizen(citizen, settings);
            for (a, d) in c.actions.iter().zip(done) {
                if d.is_none() {
                    continue;
                }
                let step = StepKey::of(&c.cpr, a);
                if !new.actions.iter().any(|n| step.is(n))
                    && let Some(r) = progress.tick(&step)
                {
                    lost.push(EarlierTick {
                        step,
                        recorded: r.clone(),
                    });
                }
            }
        }
        lost
    }

    /// Recomputes the progress line's totals (after a re-plan; ticks update them in place).
    fn recount(&mut self) {
        let order = self.plan.model.steps();
        let mut groups: Vec<StepGroup> = order
            .iter()
            .map(|&(system, action)| StepGroup {
                system,
                action,
                done: 0,
                total: 0,
            })
            .collect();
        for (c, done) in self.plan.citizens.iter().zip(&self.done) {
            for (a, d) in c.actions.iter().zip(done) {
                let g = match groups
                    .iter_mut()
                    .position(|g| g.system == a.system && g.action == a.action)
                {
                    Some(p) => p,
                    None => {
                        groups.push(StepGroup {
                            system: a.system,
                            action: a.action,
                            done: 0,
                            total: 0,
                        });
                        groups.len() - 1
                    }
                };
                groups[g].total += 1;
                if d.is_some() {
                    groups[g].done += 1;
                }
            }
        }
        groups.retain(|g| g.total > 0);
        self.total_actions = groups.iter().map(|g| g.total).sum();
        self.total_done = groups.iter().map(|g| g.done).sum();
        self.groups = groups;
    }

    pub fn len(&self) -> usize {
        self.plan.citizens.len()
    }

    pub fn is_empty(&self) -> bool {
        self.plan.citizens.is_empty()
    }

    /// One citizen's plan by index.
    pub fn citizen(&self, citizen: usize) -> &CitizenPlan {
        &self.plan.citizens[citizen]
    }

    pub fn done_of(&self, citizen: usize) -> &[Option<Mark>] {
        &self.done[citizen]
    }

    /// The citizen's ticks that match none of its actions now (done under an earlier plan).
    pub fn earlier_of(&self, citizen: usize) -> &[EarlierTick] {
        self.earlier.get(&citizen).map_or(&[], Vec::as_slice)
    }

    /// Whether the citizen is no longer on the list (kept for the steps not yet done).
    pub fn is_gone(&self, citizen: usize) -> bool {
        citizen >= self.gone_from
    }

    /// Citizens no longer on the list.
    pub fn gone_count(&self) -> usize {
        self.len().saturating_sub(self.gone_from)
    }

    /// The key a tick of this action is recorded under.
    pub fn step_key(&self, citizen: usize, action: usize) -> Option<StepKey> {
        let cp = self.plan.citizens.get(citizen)?;
        Some(StepKey::of(&cp.cpr, cp.actions.get(action)?))
    }

    pub fn done_count(&self, citizen: usize) -> usize {
        self.done_count[citizen] as usize
    }

    /// The citizen's conflicts still to be decided.
    pub fn conflict_count(&self, citizen: usize) -> usize {
        self.conflict_count[citizen] as usize
    }

    /// Lower-case name, a space and the CPR digits: what a search matches against.
    pub fn search_key(&self, citizen: usize) -> &str {
        &self.search_keys[citizen]
    }

    /// The progress line's groups, in the model's order.
    pub fn groups(&self) -> &[StepGroup] {
        &self.groups
    }

    /// Actions ticked done, over the whole plan.
    pub fn total_done(&self) -> usize {
        self.total_done
    }

    /// Actions in the whole plan.
    pub fn total_actions(&self) -> usize {
        self.total_actions
    }

    /// Citizens with at least one conflict still to be decided.
    pub fn citizens_with_conflicts(&self) -> usize {
        self.conflict_count.iter().filter(|&&n| n > 0).count()
    }

    pub fn forgotten_count(&self) -> usize {
        self.plan
            .citizens
            .iter()
            .filter(|c| c.status == Status::Glemt)
            .count()
    }

    /// The first action not yet done: the next to do.
    pub fn next_action(&self, citizen: usize) -> Option<usize> {
        self.done[citizen].iter().position(|d| d.is_none())
    }

    /// Sets one action's done mark (a tick made here: the counts follow in place).
    pub fn set_mark(&mut self, citizen: usize, action: usize, mark: Option<Mark>) {
        let Some(cp) = self.plan.citizens.get(citizen) else {
            return;
        };
        let Some(a) = cp.actions.get(action) else {
            return;
        };
        let slot = &mut self.done[citizen][action];
        let was = slot.is_some();
        let now = mark.is_some();
        *slot = mark;
        if was == now {
            return;
        }
        let g = self
            .groups
            .iter_mut()
            .find(|g| g.system == a.system && g.action == a.action);
        if now {
            self.done_count[citizen] += 1;
            self.total_done += 1;
            if let Some(g) = g {
                g.done += 1;
            }
        } else {
            self.done_count[citizen] -= 1;
            self.total_done -= 1;
            if let Some(g) = g {
                g.done -= 1;
            }
        }
    }

    /// Re-plans one citizen (after a decision) and keeps the ticks that still apply.
    pub fn replan_one(&mut self, index: usize, citizen: &Citizen, progress: &Progress) {
        let (cp, conflicts) = plan::plan_citizen(citizen, &self.settings);
        // A copy only while an export still reads the plan.
        let whole = Arc::make_mut(&mut self.plan);
        whole.conflicts.retain(|c| c.cpr != cp.cpr);
        self.conflict_count[index] = conflicts.iter().filter(|c| c.is_open()).count() as u32;
        whole.conflicts.extend(conflicts);
        whole.citizens[index] = cp;
        self.apply_ticks(progress);
    }

    pub fn model(&self) -> Model {
        self.plan.model
    }
}

//! The plan while it is worked through: the plan itself, what is done per action, and the
//! per-citizen facts the screens and the exports read (counts of done actions and conflicts,
//! the search key). Built for lists of 100,000 citizens: counts are kept up to date on each
//! tick instead of being recounted.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::NaiveDate;

use crate::domain::Citizen;
use crate::plan::{self, ActionKind, CitizenPlan, Model, Plan, Settings, Status, System};
use crate::progress::TickKey;

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
    /// Per citizen, per action: the date it was ticked done.
    done: Vec<Vec<Option<NaiveDate>>>,
    done_count: Vec<u32>,
    conflict_count: Vec<u32>,
    /// Lower-case name, a space and the CPR digits, per citizen, for search.
    search_keys: Vec<String>,
    groups: Vec<StepGroup>,
    total_done: usize,
    total_actions: usize,
}

impl TrackedPlan {
    /// Plans every citizen and applies the ticks that still apply.
    pub fn new(
        citizens: &[Citizen],
        settings: Settings,
        ticks: &HashMap<TickKey, NaiveDate>,
    ) -> TrackedPlan {
        let plan = plan::plan(citizens, &settings);
        let mut index: HashMap<crate::domain::Cpr, usize> = HashMap::new();
        for (i, c) in plan.citizens.iter().enumerate() {
            index.insert(c.cpr, i);
        }
        let mut conflict_count = vec![0u32; plan.citizens.len()];
        for c in &plan.conflicts {
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
            done_count: Vec::new(),
            conflict_count,
            search_keys,
            groups: Vec::new(),
            total_done: 0,
            total_actions: 0,
            plan: Arc::new(plan),
            settings,
        };
        tracked.apply_ticks(ticks);
        tracked
    }

    fn apply_ticks(&mut self, ticks: &HashMap<TickKey, NaiveDate>) {
        self.done = self
            .plan
            .citizens
            .iter()
            .map(|c| done_of(c, ticks))
            .collect();
        self.done_count = self
            .done
            .iter()
            .map(|d| d.iter().filter(|x| x.is_some()).count() as u32)
            .collect();
        self.recount();
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

    pub fn done_of(&self, citizen: usize) -> &[Option<NaiveDate>] {
        &self.done[citizen]
    }

    pub fn done_count(&self, citizen: usize) -> usize {
        self.done_count[citizen] as usize
    }

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

    /// Citizens with at least one conflict.
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

    /// Ticks or unticks an action; returns the key and the new date (None when unticked).
    pub fn toggle(
        &mut self,
        citizen: usize,
        action: usize,
        today: NaiveDate,
    ) -> Option<(TickKey, Option<NaiveDate>)> {
        let cp = self.plan.citizens.get(citizen)?;
        let a = cp.actions.get(action)?;
        let key = TickKey::of(&cp.cpr, a);
        let slot = &mut self.done[citizen][action];
        let now = if slot.is_some() { None } else { Some(today) };
        *slot = now;
        let g = self
            .groups
            .iter_mut()
            .find(|g| g.system == a.system && g.action == a.action);
        if now.is_some() {
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
        Some((key, now))
    }

    /// Re-plans one citizen (after a decision) and keeps the ticks that still apply.
    pub fn replan_one(
        &mut self,
        index: usize,
        citizen: &Citizen,
        ticks: &HashMap<TickKey, NaiveDate>,
    ) {
        let (cp, conflicts) = plan::plan_citizen(citizen, &self.settings);
        // A copy only while an export still reads the plan.
        let whole = Arc::make_mut(&mut self.plan);
        whole.conflicts.retain(|c| c.cpr != cp.cpr);
        self.conflict_count[index] = conflicts.len() as u32;
        whole.conflicts.extend(conflicts);
        self.done[index] = done_of(&cp, ticks);
        self.done_count[index] = self.done[index].iter().filter(|d| d.is_some()).count() as u32;
        whole.citizens[index] = cp;
        self.recount();
    }

    pub fn model(&self) -> Model {
        self.plan.model
    }
}

fn done_of(c: &CitizenPlan, ticks: &HashMap<TickKey, NaiveDate>) -> Vec<Option<NaiveDate>> {
    if ticks.is_empty() {
        return vec![None; c.actions.len()];
    }
    c.actions
        .iter()
        .map(|a| ticks.get(&TickKey::of(&c.cpr, a)).copied())
        .collect()
}

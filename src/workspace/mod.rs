//! A switch while someone works on it: the opened list with its progress store, what is read,
//! what is decided, what is ticked, and the plan built from them. Nothing here knows of a
//! screen.
//!
//! Every change is written to the store at once, as one transaction; it counts as saved only
//! once that has committed. A change that cannot be written (no writable place yet, a full
//! disk, a colleague's lock held too long) is kept here, in order, shown as not saved, and
//! written with the next change or [`Workspace::refresh`]; nothing is dropped. Opening a list
//! never deletes anything recorded: citizens gone from a newer list keep the steps not yet done.

mod open;
mod tracked;

pub use open::{Prepared, Question, compare_with, store_place};
pub use tracked::{EarlierTick, Mark, StepGroup, TrackedPlan};

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{NaiveDate, NaiveDateTime};

use crate::aktivliste::Aktivliste;
use crate::domain::Decision;
use crate::domain::resolution::{Decided, Resolution, Topic};
use crate::plan::decide::DecisionProblem;
use crate::plan::{Model, Settings};
use crate::progress::{ListChanges, ListRef, SavedSettings};
use crate::store::Resolved;
use crate::store::{self, Change, Event, Progress, StepKey, Store, StoreError};

/// Something the user must be told after opening a list.
#[derive(Debug)]
pub enum Notice {
    /// The store was opened and holds earlier progress.
    Restored(PathBuf),
    /// An earlier progress file was imported into a new store and kept under another name.
    /// `unreadable` names the parts of the file that could not be read (kept in the file).
    Imported {
        kept: PathBuf,
        events: usize,
        unreadable: Vec<String>,
    },
    /// The list differs from the one the store last saw: citizens new, and gone (kept).
    Changes(ListChanges),
    /// The store cannot be used: work goes on unsaved until a place is chosen.
    StoreProblem(StoreError),
    /// The store's folder cannot be written and there is no store yet: a place must be chosen.
    ReadOnly,
}

/// What moving the progress to another store did besides.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Moved {
    /// A set-up made here was not written: the store there has its own, which applies.
    pub setup_left_out: bool,
    /// The store used until now holds changes that stay in it (the store there already had
    /// its own progress, which is never replaced).
    pub left_behind: Option<PathBuf>,
}

/// A change not yet written, with what it was made under.
#[derive(Clone, Debug)]
struct Pending {
    worker: String,
    change: Change,
    plan: Option<(Model, NaiveDate)>,
    at: NaiveDateTime,
}

impl Pending {
    /// The change as an event not yet in the store (id 0: it has no place in its order yet).
    fn event(&self) -> Event {
        Event {
            id: 0,
            at: self.at,
            worker: self.worker.clone(),
            model: self.plan.map(|(m, _)| m),
            switch_date: self.plan.map(|(_, d)| d),
            change: self.change.clone(),
        }
    }
}

pub struct Workspace {
    /// Shared, so work off the UI thread (an export) can read it while the screen draws. Its
    /// citizens are the list's, then those gone from it since an earlier list (see
    /// [`Workspace::list_len`]).
    pub list: Arc<Aktivliste>,
    pub list_ref: ListRef,
    list_len: usize,
    store_path: PathBuf,
    store: Option<Store>,
    worker: String,
    pending: Vec<Pending>,
    /// The store's progress with the pending changes on top, while there are any.
    overlay: Option<Progress>,
    empty: Progress,
    /// Why the last write failed, while changes are pending.
    problem: Option<StoreError>,
    plan: Option<TrackedPlan>,
    /// Citizens new on this list and gone from it, compared with the list the store last saw.
    changes: Option<ListChanges>,
    /// Someone opened another (newer) list with this store since this one was opened.
    list_replaced: bool,
    /// The list the store kept the citizens of when this one was opened.
    store_list_at_open: Option<String>,
}

impl Workspace {
    /// The progress: as stored, with changes not yet written on top.
    pub fn progress(&self) -> &Progress {
        current(&self.overlay, self.store.as_ref(), &self.empty)
    }

    pub fn saved_settings(&self) -> Option<&SavedSettings> {
        self.progress().settings()
    }

    /// The plan, once the set-up is known.
    pub fn plan(&self) -> Option<&TrackedPlan> {
        self.plan.as_ref()
    }

    pub fn is_planned(&self) -> bool {
        self.plan.is_some()
    }

    /// Whether someone has opened another (newer) list with this store since this one was
    /// opened: this screen shows the list as it was read.
    pub fn list_replaced(&self) -> bool {
        self.list_replaced
    }

    /// Citizens new on this list and gone from it since the list the store last saw.
    pub fn list_changes(&self) -> Option<&ListChanges> {
        self.changes.as_ref()
    }

    /// Citizens read from the list itself (the rest of `list.citizens` are gone from it).
    pub fn list_len(&self) -> usize {
        self.list_len
    }

    pub fn list_path(&self) -> &Path {
        &self.list.path
    }

    /// Where the progress is kept.
    pub fn store_path(&self) -> &Path {
        &self.store_path
    }

    /// The initials changes are recorded with.
    pub fn worker(&self) -> &str {
        &self.worker
    }

    /// The initials later changes are recorded with.
    pub fn set_worker(&mut self, initials: &str) {
        initials.clone_into(&mut self.worker);
        if let Some(s) = self.store.as_mut() {
            s.set_worker(initials);
        }
    }

    /// Changes made but not yet written.
    pub fn unsaved(&self) -> usize {
        self.pending.len()
    }

    /// Whether everything made so far is written (there is a store and nothing is pending).
    pub fn all_saved(&self) -> bool {
        self.pending.is_empty() && self.store.is_some()
    }

    /// Why changes are not saved, while they are not.
    pub fn problem(&self) -> Option<&StoreError> {
        self.problem.as_ref()
    }

    fn plan_key(&self) -> Option<(Model, NaiveDate)> {
        self.saved_settings().map(|s| (s.model, s.switch_date))
    }

    /// Re-plans every citizen (after a change of model, D or a decision), keeping the ticks.
    pub fn replan(&mut self) {
        let gone_from = self.list_len;
        self.plan = settings_of(self.progress()).map(|settings| {
            TrackedPlan::new(&self.list.citizens, gone_from, settings, self.progress())
        });
    }

    /// Records changes: written at once when possible, else kept pending (and the error
    /// returned). Either way the progress and the plan show them.
    fn record(&mut self, changes: Vec<Change>, now: NaiveDateTime) -> Result<(), StoreError> {
        let plan = self.plan_key();
        let before = self.store.as_ref().map(|s| s.progress().last_id());
        if self.pending.is_empty()
            && let Some(store) = self.store.as_mut()
        {
            match store.record_all(changes.clone(), plan, now) {
                Ok(ids) => {
                    self.problem = None;
                    // Others' changes came in with ours: the plan is read again.
                    let alone = before.is_some_and(|b| {
                        ids.first() == Some(&(b + 1))
                            && store.progress().last_id() == b + ids.len() as i64
                    });
                    if !alone {
                        self.after_store_change();
                    }
                    return Ok(());
                }
                Err(e) => self.problem = Some(e),
            }
        }
        let mut overlay = self
            .overlay
            .take()
            .unwrap_or_else(|| self.progress().clone());
        for change in changes {
            let p = Pending {
                worker: self.worker.clone(),
                change,
                plan,
                at: now,
            };
            overlay.apply(&p.event());
            self.pending.push(p);
        }
        self.overlay = Some(overlay);
        self.flush();
        match &self.problem {
            Some(e) if !self.pending.is_empty() => Err(e.clone()),
            _ => Ok(()),
        }
    }

    /// The store's progress with the pending changes on top (none while nothing is pending).
    fn rebuild_overlay(&mut self) {
        if self.pending.is_empty() {
            self.overlay = None;
            return;
        }
        let mut overlay = self
            .store
            .as_ref()
            .map(Store::progress)
            .cloned()
            .unwrap_or_default();
        for q in &self.pending {
            overlay.apply(&q.event());
        }
        self.overlay = Some(overlay);
    }

    /// Writes the pending changes, in order; stops at the first that fails. Returns whether
    /// everything is written now.
    pub fn flush(&mut self) -> bool {
        if self.pending.is_empty() {
            return self.store.is_some();
        }
        let Some(store) = self.store.as_mut() else {
            return false;
        };
        while let Some(p) = self.pending.first() {
            match store.record_by(vec![(p.worker.clone(), p.change.clone())], p.plan, p.at) {
                Ok(_) => {
                    self.pending.remove(0);
                }
                Err(e) => {
                    self.problem = Some(e);
                    return false;
                }
            }
        }
        self.problem = None;
        self.overlay = None;
        self.after_outside_change();
        true
    }

    /// Reads what others wrote since (and writes what is pending); returns whether the plan
    /// changed.
    pub fn refresh(&mut self) -> bool {
        let had_pending = !self.pending.is_empty();
        if had_pending {
            self.flush();
            if !self.pending.is_empty() {
                return false;
            }
        }
        let replaced = self
            .store_list()
            .is_some_and(|f| Some(&f) != self.store_list_at_open.as_ref());
        let newly_replaced = replaced && !self.list_replaced;
        self.list_replaced = replaced;
        let Some(store) = self.store.as_mut() else {
            return false;
        };
        match store.refresh() {
            Ok(0) => had_pending || newly_replaced,
            Ok(_) => {
                self.after_store_change();
                true
            }
            Err(e) => {
                self.problem = Some(e);
                false
            }
        }
    }

    /// The store's last refresh folded in changes: ticks and unticks are applied to the plan
    /// one by one (a list of 100,000 citizens is not gone through for a colleague's tick);
    /// anything else, or a tick of no current step, sets the plan again from the progress.
    fn after_store_change(&mut self) {
        if self.overlay.is_none()
            && let (Some(store), Some(plan)) = (self.store.as_ref(), self.plan.as_mut())
            && let store::Folded::Events(events) = store.last_folded()
            && events.iter().all(|e| {
                e.change
                    .step()
                    .is_some_and(|step| plan.apply_step(step, store.progress()))
            })
        {
            return;
        }
        self.after_outside_change();
    }

    /// The progress changed other than by a tick made here: the plan follows (planned again
    /// when the set-up or a decision changed, else only its ticks).
    fn after_outside_change(&mut self) {
        let settings = settings_of(self.progress());
        if self.plan.as_ref().map(|p| &p.settings) == settings.as_ref() {
            let progress = current(&self.overlay, self.store.as_ref(), &self.empty);
            if let Some(plan) = self.plan.as_mut() {
                plan.apply_ticks(progress);
            }
        } else {
            self.replan();
        }
    }

    /// The ticks that count now and would not under a new set-up (D or the model changed).
    pub fn ticks_lost_by(&self, saved: &SavedSettings) -> Vec<EarlierTick> {
        let Some(plan) = &self.plan else {
            return Vec::new();
        };
        let settings = settings_under(saved, self.progress());
        plan.ticks_lost_under(&self.list.citizens, &settings, self.progress())
    }

    /// Stores a new set-up and re-plans. Ticks that no longer match a step stay in the
    /// history, as done under the earlier plan.
    pub fn set_settings(
        &mut self,
        saved: SavedSettings,
        now: NaiveDateTime,
    ) -> Result<(), StoreError> {
        let r = self.record(vec![Change::Settings { settings: saved }], now);
        self.replan();
        r
    }

    /// Stores the column mappings chosen for the list, when they differ from the stored ones.
    pub fn set_columns(
        &mut self,
        columns: Vec<(String, String)>,
        now: NaiveDateTime,
    ) -> Result<(), StoreError> {
        if self.progress().columns() == columns.as_slice() {
            return Ok(());
        }
        self.record(vec![Change::Columns { columns }], now)
    }

    /// Ticks an action done on `date` (or sets the date of a tick), or unticks a done one when
    /// `date` is None.
    pub fn mark(
        &mut self,
        citizen: usize,
        action: usize,
        date: Option<NaiveDate>,
        now: NaiveDateTime,
    ) -> Result<(), StoreError> {
        let Some(step) = self.plan.as_ref().and_then(|p| p.step_key(citizen, action)) else {
            return Ok(());
        };
        let change = match date {
            Some(done) => Change::Tick {
                step,
                done,
                by: None,
            },
            None => Change::Untick { step },
        };
        let r = self.record(vec![change], now);
        let mark = date.map(|d| Mark {
            date: d,
            by: Arc::from(self.worker.as_str()),
            at: now,
        });
        if let Some(plan) = self.plan.as_mut() {
            plan.set_mark(citizen, action, mark);
        }
        r
    }

    /// Ticks an action done today, or unticks it when it is done.
    pub fn toggle(
        &mut self,
        citizen: usize,
        action: usize,
        today: NaiveDate,
        now: NaiveDateTime,
    ) -> Result<(), StoreError> {
        let done = self
            .plan
            .as_ref()
            .and_then(|p| p.done_of(citizen).get(action).cloned())
            .flatten();
        let date = if done.is_some() { None } else { Some(today) };
        self.mark(citizen, action, date, now)
    }

    /// Marks a citizen's case forgotten with its real end date (or undoes it) and re-plans.
    pub fn set_forgotten(
        &mut self,
        citizen: usize,
        slutdato: Option<NaiveDate>,
        now: NaiveDateTime,
    ) -> Result<(), StoreError> {
        let Some(c) = self.list.citizens.get(citizen) else {
            return Ok(());
        };
        let cpr = c.cpr.digits().to_string();
        let decision = Decision {
            glemt: slutdato.is_some(),
            slutdato,
            ..Decision::default()
        };
        let r = self.record(
            vec![Change::Decision {
                cpr: cpr.clone(),
                decision: Some(decision.clone()),
            }],
            now,
        );
        let list = self.list.clone();
        let progress = current(&self.overlay, self.store.as_ref(), &self.empty);
        if let Some(plan) = self.plan.as_mut() {
            plan.settings.decisions.insert(cpr, decision);
            plan.replan_one(citizen, &list.citizens[citizen], progress);
        }
        r
    }

    /// Decides one conflict of a citizen (or, with None, takes the decision back) and re-plans
    /// the citizen. A decision the conflict does not allow is refused before anything is
    /// recorded.
    pub fn resolve(
        &mut self,
        citizen: usize,
        topic: Topic,
        resolution: Option<Resolution>,
        now: NaiveDateTime,
    ) -> Result<Result<(), DecisionProblem>, StoreError> {
        let Some(c) = self.list.citizens.get(citizen) else {
            return Ok(Ok(()));
        };
        if let (Some(r), Some(plan)) = (&resolution, self.plan.as_ref())
            && let Some(problem) = crate::plan::decide::problem(c, &plan.settings, &topic, r)
        {
            return Ok(Err(problem));
        }
        let one = c.clone();
        let cpr = c.cpr.digits().to_string();
        let r = self.record(
            vec![Change::Resolve {
                cpr: cpr.clone(),
                topic: topic.clone(),
                resolution: resolution.clone(),
            }],
            now,
        );
        let progress = current(&self.overlay, self.store.as_ref(), &self.empty);
        if let Some(plan) = self.plan.as_mut() {
            let decided = plan.settings.resolutions.entry(cpr).or_default();
            decided.retain(|d| d.topic != topic);
            if let Some(resolution) = resolution {
                decided.push(Decided { topic, resolution });
            }
            plan.replan_one(citizen, &one, progress);
        }
        r.map(Ok)
    }

    /// Who decided a citizen's conflict, and when, as the store holds it.
    pub fn resolved_by(&self, citizen: usize, topic: &Topic) -> Option<&Resolved> {
        let c = self.list.citizens.get(citizen)?;
        self.progress()
            .resolutions()
            .get(&(c.cpr.digits().to_string(), topic.clone()))
    }

    /// Takes back this worker's last change (repeatable). A change not yet written is taken
    /// back here; a written one by an undo event. Returns what was taken back.
    pub fn undo(&mut self, now: NaiveDateTime) -> Result<Option<(Change, bool)>, StoreError> {
        if let Some(p) = self.pending.pop() {
            if self.pending.is_empty() {
                self.problem = None;
            }
            self.rebuild_overlay();
            self.after_outside_change();
            return Ok(Some((p.change, false)));
        }
        let Some(store) = self.store.as_mut() else {
            return Ok(None);
        };
        let undone = store.undo_last(now)?;
        self.after_outside_change();
        Ok(undone.map(|(e, made_over)| (e.change, made_over)))
    }

    /// Every tick and untick of a step, oldest first, each with whether it was undone; and
    /// the changes not yet written.
    pub fn history(&self, citizen: usize, action: usize) -> Result<Vec<(Event, bool)>, StoreError> {
        let Some(step) = self.plan.as_ref().and_then(|p| p.step_key(citizen, action)) else {
            return Ok(Vec::new());
        };
        self.history_of(&step)
    }

    pub fn history_of(&self, step: &StepKey) -> Result<Vec<(Event, bool)>, StoreError> {
        let mut out = match &self.store {
            Some(s) => s.history(step)?,
            None => Vec::new(),
        };
        for p in &self.pending {
            if p.change.step() == Some(step) {
                out.push((p.event(), false));
            }
        }
        Ok(out)
    }

    /// Records changes read from elsewhere (returned action sheets) in one transaction.
    pub fn record_changes(
        &mut self,
        changes: Vec<Change>,
        now: NaiveDateTime,
    ) -> Result<(), StoreError> {
        if changes.is_empty() {
            return Ok(());
        }
        let r = self.record(changes, now);
        self.after_outside_change();
        r
    }

    /// Moves the progress to another place (the list's folder cannot be written): a store
    /// already there is opened, never replaced; else the current one is copied there (or a new
    /// one made). What is pending is then written to it — except a set-up (or column choice)
    /// made here while a store already there has its own: the team's set-up wins, and nothing
    /// changes D for everyone without the question a change of D asks. Returns whether a set-up
    /// made here was left out for that reason.
    pub fn move_store(&mut self, path: PathBuf) -> Result<Moved, StoreError> {
        let fresh = !path.exists();
        if fresh
            && self.store.is_some()
            && self.store_path.exists()
            && let Err(e) = copy_private(&self.store_path, &path)
        {
            return Err(StoreError::Database {
                path,
                detail: e.kind().to_string(),
            });
        }
        let store = Store::open(&path, &self.list_ref, &self.worker)?;
        if !fresh && store.list().file_name != self.list_ref.file_name {
            return Err(StoreError::OtherList {
                path,
                list: store.list().file_name.clone(),
            });
        }
        // A store of this person's own already in use is left as it is: what was written to
        // it stays there (said, so it is not thought moved).
        let left_behind = if fresh {
            None
        } else {
            self.store
                .as_ref()
                .filter(|s| s.progress().last_id() > 0 && s.path() != path.as_path())
                .map(|s| s.path().to_path_buf())
        };
        let mut setup_left_out = false;
        if store.progress().settings().is_some() {
            let before = self.pending.len();
            self.pending
                .retain(|p| !matches!(p.change, Change::Settings { .. } | Change::Columns { .. }));
            setup_left_out = self.pending.len() < before;
        }
        self.store = Some(store);
        self.store_path = path;
        self.remember_list_in_store();
        // The pending changes are what this person did; they go on top of the store's own.
        self.rebuild_overlay();
        if self.pending.is_empty() {
            self.after_outside_change();
        } else {
            self.flush();
        }
        if let Some(e) = &self.problem
            && !self.pending.is_empty()
        {
            return Err(e.clone());
        }
        Ok(Moved {
            setup_left_out,
            left_behind,
        })
    }

    /// When a step last changed (a tick, an untick, an undo of one; a change not yet written
    /// too), for a merge to tell whether a returned sheet could have seen it.
    pub fn last_change(&self, step: &StepKey) -> Option<NaiveDateTime> {
        let stored = self
            .store
            .as_ref()
            .and_then(|s| s.last_change(step).ok().flatten());
        let pending = self
            .pending
            .iter()
            .filter(|p| p.change.step() == Some(step))
            .map(|p| p.at)
            .max();
        stored.max(pending)
    }
}

/// The progress shown: the overlay of changes not yet written, else the store's, else none. A
/// function of the fields, so the plan can be changed while it is read.
fn current<'a>(
    overlay: &'a Option<Progress>,
    store: Option<&'a Store>,
    empty: &'a Progress,
) -> &'a Progress {
    overlay
        .as_ref()
        .or(store.map(Store::progress))
        .unwrap_or(empty)
}

/// The plan settings of a progress: its set-up, forgotten-case decisions and decided conflicts.
fn settings_of(progress: &Progress) -> Option<Settings> {
    Some(settings_under(progress.settings()?, progress))
}

/// The plan settings of a set-up with a progress's decisions and decided conflicts.
fn settings_under(saved: &SavedSettings, progress: &Progress) -> Settings {
    let mut settings = saved.plan_settings(progress.decisions());
    settings.resolutions = progress.decided_by_cpr();
    settings
}

/// Copies a store to a new place, owner-only.
fn copy_private(from: &Path, to: &Path) -> std::io::Result<()> {
    let bytes = std::fs::read(from)?;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut f = options.open(to)?;
    std::io::Write::write_all(&mut f, &bytes)?;
    f.sync_all()
}

#[cfg(test)]
mod tests;

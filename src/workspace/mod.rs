//! A switch while someone works on it: the opened list with its state file, what is read, what
//! is decided, what is ticked, and the plan built from them. Every change is saved at once by
//! whoever holds it. Nothing here knows of a screen.

mod tracked;

pub use tracked::{StepGroup, TrackedPlan};

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{NaiveDate, NaiveDateTime};

use crate::aktivliste::Aktivliste;
use crate::domain::Decision;
use crate::plan::Settings;
use crate::progress::{
    self, ListChanges, ListRef, ReadOutcome, SavedSettings, StateFile, TickKey, Unusable,
};

/// Something the user must be told after opening a list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// A state file was found and applied.
    Restored(PathBuf),
    /// The state file was not ours or was damaged; it was moved here.
    SetAside(Unusable, PathBuf),
    /// The state file could not be read or moved aside: nothing will be saved over it.
    Unreadable(String),
    /// The list differs from the one the state was saved for.
    Changes(ListChanges),
    /// The state file's folder cannot be written.
    ReadOnly,
}

pub struct Workspace {
    /// Shared, so work off the UI thread (an export) can read it while the screen draws.
    pub list: Arc<Aktivliste>,
    pub list_ref: ListRef,
    pub state_path: PathBuf,
    pub state: StateFile,
    pub ticks: HashMap<TickKey, NaiveDate>,
    /// The plan, once the set-up is known.
    plan: Option<TrackedPlan>,
    /// False while the state file must not be written (unreadable, or no writable place yet).
    pub can_save: bool,
}

impl Workspace {
    /// Opens a list: reads its state file (keeping an unusable one aside), compares the list
    /// with the one the state was saved for, and plans when the set-up is known.
    pub fn open(
        list: Aktivliste,
        list_ref: ListRef,
        state_path: PathBuf,
        now: NaiveDateTime,
    ) -> (Workspace, Vec<Notice>) {
        let mut notices = Vec::new();
        let mut can_save = true;
        let mut state = StateFile::new(list_ref.clone());
        match progress::read(&state_path) {
            Ok(ReadOutcome::Missing) => {}
            Ok(ReadOutcome::Loaded(s)) => {
                state = *s;
                notices.push(Notice::Restored(state_path.clone()));
            }
            Ok(ReadOutcome::Unusable(why)) => match progress::set_aside(&state_path, now) {
                Ok(kept) => notices.push(Notice::SetAside(why, kept)),
                Err(e) => {
                    can_save = false;
                    notices.push(Notice::Unreadable(e.to_string()));
                }
            },
            Err(e) => {
                can_save = false;
                notices.push(Notice::Unreadable(e.to_string()));
            }
        }
        let current: Vec<String> = list
            .citizens
            .iter()
            .map(|c| c.cpr.digits().to_string())
            .collect();
        if !state.citizens.is_empty() && state.list.fingerprint != list_ref.fingerprint {
            let changes = ListChanges::between(&state.citizens, &current);
            if !changes.is_empty() {
                // Citizens gone from the list are done in SMDB: their ticks and decisions go.
                let gone: std::collections::HashSet<&str> =
                    changes.gone.iter().map(String::as_str).collect();
                state.ticks.retain(|t| !gone.contains(t.cpr.as_str()));
                state.decisions.retain(|k, _| !gone.contains(k.as_str()));
                notices.push(Notice::Changes(changes));
            }
        }
        state.citizens = current;
        state.list = list_ref.clone();
        if can_save && !progress::folder_writable(&state_path) {
            can_save = false;
            notices.push(Notice::ReadOnly);
        }
        let ticks = state.tick_map();
        let mut ws = Workspace {
            list: Arc::new(list),
            list_ref,
            state_path,
            state,
            ticks,
            plan: None,
            can_save,
        };
        ws.replan();
        (ws, notices)
    }

    /// The plan settings from the saved set-up and decisions.
    pub fn settings(&self) -> Option<Settings> {
        let s = self.state.settings.as_ref()?;
        let mut settings = Settings::new(s.model, s.switch_date);
        settings.reason_text = s.reason_text.clone();
        settings.decisions = self
            .state
            .decisions
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        Some(settings)
    }

    /// Re-plans every citizen (after a change of model or D), keeping the ticks.
    pub fn replan(&mut self) {
        self.plan = self
            .settings()
            .map(|settings| TrackedPlan::new(&self.list.citizens, settings, &self.ticks));
    }

    /// The plan, once the set-up is known.
    pub fn plan(&self) -> Option<&TrackedPlan> {
        self.plan.as_ref()
    }

    pub fn is_planned(&self) -> bool {
        self.plan.is_some()
    }

    /// Stores a new set-up and re-plans.
    pub fn set_settings(&mut self, saved: SavedSettings) {
        self.state.settings = Some(saved);
        self.replan();
    }

    /// Ticks or unticks an action.
    pub fn toggle(&mut self, citizen: usize, action: usize, today: NaiveDate) {
        let Some(plan) = self.plan.as_mut() else {
            return;
        };
        if let Some((key, done)) = plan.toggle(citizen, action, today) {
            match done {
                Some(d) => self.ticks.insert(key, d),
                None => self.ticks.remove(&key),
            };
        }
    }

    /// Marks a citizen's case forgotten with its real end date (or undoes it) and re-plans
    /// that citizen.
    pub fn set_forgotten(&mut self, citizen: usize, slutdato: Option<NaiveDate>) {
        let Some(c) = self.list.citizens.get(citizen) else {
            return;
        };
        let digits = c.cpr.digits().to_string();
        let decision = Decision {
            glemt: slutdato.is_some(),
            slutdato,
        };
        self.state
            .decisions
            .insert(digits.clone(), decision.clone());
        if let Some(plan) = self.plan.as_mut() {
            plan.settings.decisions.insert(digits, decision);
            plan.replan_one(citizen, c, &self.ticks);
        }
    }

    /// Writes the state file (atomically). Does nothing while saving is not allowed.
    pub fn save(&mut self, now: NaiveDateTime) -> std::io::Result<()> {
        if !self.can_save {
            return Ok(());
        }
        self.state.set_ticks(&self.ticks);
        self.state.saved_at = Some(now);
        progress::save(&self.state_path, &self.state)
    }

    /// Moves saving to another path (after the list's folder turned out to be read-only).
    pub fn move_state(&mut self, path: PathBuf, now: NaiveDateTime) -> std::io::Result<()> {
        let old = std::mem::replace(&mut self.state_path, path);
        let was = self.can_save;
        self.can_save = true;
        if let Err(e) = self.save(now) {
            self.state_path = old;
            self.can_save = was;
            return Err(e);
        }
        Ok(())
    }

    pub fn list_path(&self) -> &Path {
        &self.list.path
    }
}

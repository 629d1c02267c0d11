//! Opening a list with its progress store, in two steps: [`Prepared::new`] opens the store and
//! finds what must be asked first (a store made for another list, a list that lost many
//! citizens at once) without writing anything; [`Prepared::open`] then makes the workspace.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDateTime;

use super::{Notice, Workspace};
use crate::aktivliste::Aktivliste;
use crate::progress::{self, ListChanges, ListRef, ReadOutcome, StateFile};
use crate::store::{self, Progress, StepKey, Store};

/// Where a list's progress is kept, and the earlier progress file to import into it when there
/// is no store yet: `--state PATH` (a `.json` path names the earlier file, the store goes beside
/// it as `.db`), else the place chosen earlier for the list, else beside the list.
pub fn store_place(list: &Path, state: Option<&Path>, chosen: Option<&Path>) -> (PathBuf, PathBuf) {
    match state {
        Some(p)
            if p.extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("json")) =>
        {
            (p.with_extension("db"), p.to_path_buf())
        }
        Some(p) => (p.to_path_buf(), progress::default_path(list)),
        None => (
            chosen.map_or_else(|| store::default_path(list), Path::to_path_buf),
            progress::default_path(list),
        ),
    }
}

/// What is asked before a list is opened with a store.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Question {
    /// The store was made for a list of another name.
    OtherList { store_list: String },
    /// Many citizens the store has seen are not on this list (a half-copied list, a renamed
    /// header, a sheet that could not be read).
    ManyGone { gone: usize, known: usize },
}

/// A list and its store, before the workspace is made.
pub struct Prepared {
    list: Aktivliste,
    list_ref: ListRef,
    store_path: PathBuf,
    json_path: PathBuf,
    store: Option<Store>,
    worker: String,
    notices: Vec<Notice>,
    /// The store has seen citizens on earlier lists.
    knows_citizens: bool,
    /// Compared with the citizens the store has seen: CPR digits of those new on this list,
    /// and of those no longer on it.
    changes: ListChanges,
    questions: Vec<Question>,
    had_events: bool,
    /// The list differs from the one the store last kept the citizens of: new and gone
    /// citizens are told (once, not on every later open of the same list).
    newly_seen: bool,
}

impl Prepared {
    /// Opens (or creates) the store; nothing is written to an existing one yet.
    pub fn new(
        list: Aktivliste,
        list_ref: ListRef,
        (store_path, json_path): (PathBuf, PathBuf),
        worker: &str,
    ) -> Prepared {
        let mut notices = Vec::new();
        let mut questions = Vec::new();
        let mut known = Vec::new();
        let mut changes = ListChanges::default();
        let existed = store_path.exists();
        let store = if !existed && !progress::folder_writable(&store_path) {
            notices.push(Notice::ReadOnly);
            None
        } else {
            match Store::open(&store_path, &list_ref, worker) {
                Ok(s) => Some(s),
                Err(e) => {
                    notices.push(Notice::StoreProblem(e));
                    None
                }
            }
        };
        let mut had_events = false;
        let mut newly_seen = false;
        if let Some(s) = &store
            && existed
        {
            had_events = s.progress().last_id() > 0;
            newly_seen = s.citizens_of().ok().flatten().as_deref() != Some(&list_ref.fingerprint);
            match s.known_citizens() {
                Ok(k) => known = k,
                Err(e) => notices.push(Notice::StoreProblem(e)),
            }
            let other = &s.list().file_name;
            if !other.is_empty()
                && *other != list_ref.file_name
                && (had_events || !known.is_empty())
            {
                questions.push(Question::OtherList {
                    store_list: other.clone(),
                });
            }
            changes = compare_with(&list, &known);
            let gone = changes.gone.len();
            if newly_seen && gone >= 3 && gone * 4 >= known.len() {
                questions.push(Question::ManyGone {
                    gone,
                    known: known.len(),
                });
            }
        }
        Prepared {
            list,
            list_ref,
            store_path,
            json_path,
            store,
            worker: worker.to_string(),
            notices,
            knows_citizens: !known.is_empty(),
            changes,
            questions,
            had_events,
            newly_seen,
        }
    }

    /// What must be answered before [`Prepared::open`]; nothing has been written yet.
    pub fn questions(&self) -> &[Question] {
        &self.questions
    }

    /// Makes the workspace: imports an earlier progress file into a new store, keeps the
    /// list's citizens in the store, and plans the citizens gone from it along with the rest.
    pub fn open(self, now: NaiveDateTime) -> (Workspace, Vec<Notice>) {
        self.open_with(now, true)
    }

    /// Makes the workspace without writing anything: no import, the list's citizens not kept
    /// (the command line's merge before `--apply`, which plans as the UI does, gone citizens
    /// included).
    pub fn open_as_is(self, now: NaiveDateTime) -> (Workspace, Vec<Notice>) {
        self.open_with(now, false)
    }

    fn open_with(self, now: NaiveDateTime, write: bool) -> (Workspace, Vec<Notice>) {
        let Prepared {
            mut list,
            list_ref,
            store_path,
            json_path,
            mut store,
            worker,
            mut notices,
            knows_citizens,
            changes: list_changes,
            questions: _,
            had_events,
            newly_seen,
        } = self;
        if let Some(s) = store.as_mut()
            && write
            && !had_events
            && !knows_citizens
            && let Ok(ReadOutcome::Loaded(state)) = progress::read(&json_path)
        {
            let dates = step_dates(&list, &state);
            match s.import_json(&json_path, &state, &|k| dates(k), now) {
                Ok(events) => notices.push(Notice::Imported {
                    kept: store::json_backup_path(&json_path),
                    events,
                    unreadable: state.unreadable.clone(),
                }),
                Err(e) => notices.push(Notice::StoreProblem(e)),
            }
        } else if had_events {
            notices.push(Notice::Restored(store_path.clone()));
        }
        let list_len = list.citizens.len();
        let mut changes = None;
        if let Some(s) = store.as_mut() {
            match s.citizens(&list_changes.gone) {
                Ok(kept) => list.citizens.extend(kept),
                Err(e) => notices.push(Notice::StoreProblem(e)),
            }
            if write && let Err(e) = s.remember_list(&list_ref, &list.citizens[..list_len]) {
                notices.push(Notice::StoreProblem(e));
            }
            if newly_seen && !list_changes.is_empty() {
                changes = Some(list_changes.clone());
                notices.push(Notice::Changes(list_changes));
            }
        }
        let mut ws = Workspace {
            list: Arc::new(list),
            list_ref,
            list_len,
            store_path,
            store,
            worker,
            pending: Vec::new(),
            overlay: None,
            empty: Progress::default(),
            problem: None,
            plan: None,
            changes,
            list_replaced: false,
            store_list_at_open: None,
        };
        ws.store_list_at_open = ws.store_list();
        ws.replan();
        (ws, notices)
    }
}

/// The citizens of `list` new to the store, and those the store knows (`known`, CPR digits)
/// that are not on it. Nothing is new to a store that knows no citizens yet.
pub fn compare_with(list: &Aktivliste, known: &[String]) -> ListChanges {
    let current: Vec<String> = list
        .citizens
        .iter()
        .map(|c| c.cpr.digits().to_string())
        .collect();
    let mut changes = ListChanges::between(known, &current);
    if known.is_empty() {
        changes.new.clear();
    }
    changes
}

/// The date of the step each tick of an earlier progress file belongs to, under the file's own
/// set-up (its ticks carried no date).
fn step_dates(
    list: &Aktivliste,
    state: &StateFile,
) -> impl Fn(&StepKey) -> Option<chrono::NaiveDate> + use<> {
    let mut dates = std::collections::HashMap::new();
    if let Some(s) = &state.settings {
        let plan = crate::plan::plan(&list.citizens, &s.plan_settings(&state.decisions));
        for c in &plan.citizens {
            for a in &c.actions {
                dates.insert(StepKey::of(&c.cpr, a).undated(), a.date);
            }
        }
    }
    move |k: &StepKey| dates.get(k).copied().flatten()
}

impl Workspace {
    /// Opens a list with no questions asked (tests, and the command line).
    pub fn open_now(
        list: Aktivliste,
        list_ref: ListRef,
        place: (PathBuf, PathBuf),
        worker: &str,
        now: NaiveDateTime,
    ) -> (Workspace, Vec<Notice>) {
        Prepared::new(list, list_ref, place, worker).open(now)
    }

    /// After a move to a new store: the store keeps the list's citizens too.
    pub(super) fn remember_list_in_store(&mut self) {
        let n = self.list_len;
        if let Some(s) = self.store.as_mut()
            && let Err(e) = s.remember_list(&self.list_ref, &self.list.citizens[..n])
        {
            self.problem = Some(e);
        }
        self.store_list_at_open = self.store_list();
        self.list_replaced = false;
    }

    /// The list the store now keeps the citizens of (its fingerprint).
    pub(super) fn store_list(&self) -> Option<String> {
        self.store
            .as_ref()
            .and_then(|s| s.citizens_of().ok().flatten())
    }
}

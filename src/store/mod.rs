//! The progress store: one SQLite database per list (by default beside it as
//! `<name>.skifteplan.db`, owner-only), holding every change to the progress as an event — a
//! tick, an untick, a decision, the set-up — with who made it, when, and under which model and
//! switch date. The current progress is derived from the events; nothing is ever overwritten.
//!
//! Several people may work on one store at once, on one machine or on a shared folder: each
//! change is one short write transaction (the database's own lock orders them, a busy database
//! is waited for), and [`Store::refresh`] folds in what others wrote since. A change is
//! acknowledged only once its transaction has committed, so a crash or `kill -9` afterwards
//! loses nothing. The rollback journal is used rather than WAL, which needs shared memory and is
//! unsafe on network folders.

mod event;
mod import;
mod progress;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};

pub use event::{Change, Event, StepKey};
pub use import::json_backup_path;
pub use progress::{Progress, Recorded, Resolved};

use crate::domain::Citizen;
use crate::plan::Model;
use crate::progress::ListRef;

/// The value of `meta.format`: anything else is not our database.
pub const FORMAT: &str = "skifteplan-store";
/// The newest schema version this build writes and reads.
pub const VERSION: u32 = 1;
/// How long a change waits for another person's write to finish before it is reported.
pub const BUSY_WAIT: Duration = Duration::from_secs(5);

/// Where the store of a list goes by default: `liste.xlsx` → `liste.skifteplan.db`.
pub fn default_path(list: &Path) -> PathBuf {
    list.with_extension("skifteplan.db")
}

/// The column mappings kept in the store at `path`, read without changing it (they are needed
/// before the list is read); None when there is no readable store there.
pub fn read_columns(path: &Path) -> Option<Vec<(String, String)>> {
    if !path.is_file() {
        return None;
    }
    let conn =
        Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).ok()?;
    let bodies: Vec<(i64, String)> = {
        let mut stmt = conn
            .prepare("SELECT id, body FROM events WHERE kind IN ('columns', 'undo') ORDER BY id")
            .ok()?;
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .ok()?
            .filter_map(Result::ok)
            .collect()
    };
    let changes: Vec<(i64, Change)> = bodies
        .into_iter()
        .filter_map(|(id, b)| serde_json::from_str(&b).ok().map(|c| (id, c)))
        .collect();
    let undone: HashSet<i64> = changes.iter().filter_map(|(_, c)| c.undoes()).collect();
    changes.into_iter().rev().find_map(|(id, c)| match c {
        Change::Columns { columns } if !undone.contains(&id) => Some(columns),
        _ => None,
    })
}

/// Why the store cannot be used. Never holds a CPR number.
#[derive(Clone, Debug)]
pub enum StoreError {
    /// The file exists but is not a skifteplan store.
    NotAStore(PathBuf),
    /// A store written by a newer skifteplan.
    Newer { path: PathBuf, version: u32 },
    /// Another person's write held the database longer than [`BUSY_WAIT`].
    Busy(PathBuf),
    /// The store at the chosen place belongs to a list of another name.
    OtherList { path: PathBuf, list: String },
    /// The database cannot be opened or written (permissions, disk full, a damaged file).
    Database { path: PathBuf, detail: String },
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use crate::i18n::Localize;
        f.write_str(&self.localize(crate::lang::Lang::En))
    }
}

impl std::error::Error for StoreError {}

impl StoreError {
    fn of(path: &Path, e: &rusqlite::Error) -> StoreError {
        use rusqlite::ErrorCode;
        match e.sqlite_error_code() {
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => {
                StoreError::Busy(path.to_path_buf())
            }
            Some(ErrorCode::NotADatabase) => StoreError::NotAStore(path.to_path_buf()),
            _ => StoreError::Database {
                path: path.to_path_buf(),
                detail: crate::domain::cpr::mask_in_text(&e.to_string()),
            },
        }
    }
}

/// What a refresh folded into the progress.
#[derive(Clone, Debug, Default)]
pub enum Folded {
    /// These events, in order, each applied on top of the progress before.
    Events(Vec<Event>),
    /// The progress was derived again from every event (an undo changes earlier ones).
    #[default]
    Reloaded,
}

/// An open store and the progress derived from it.
pub struct Store {
    folded: Folded,
    conn: Connection,
    path: PathBuf,
    worker: String,
    list: ListRef,
    progress: Progress,
}

/// Creates the file owner-only before SQLite opens it, so the database (which holds CPR numbers,
/// as the list does) and its journal are never readable by others.
fn create_private(path: &Path) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path).map(drop)
}

impl Store {
    /// Opens the store at `path`, creating it for `list` when there is none. `worker` is the
    /// initials every change made through this handle is recorded with.
    pub fn open(path: &Path, list: &ListRef, worker: &str) -> Result<Store, StoreError> {
        let db_err = |e: rusqlite::Error| StoreError::of(path, &e);
        let fresh = !path.exists();
        if fresh {
            // Another person may create it at the same moment: theirs is as good as ours.
            match create_private(path) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
                Err(e) => {
                    return Err(StoreError::Database {
                        path: path.to_path_buf(),
                        detail: e.kind().to_string(),
                    });
                }
            }
        }
        let conn = Connection::open(path).map_err(db_err)?;
        conn.busy_handler(Some(wait_briefly)).map_err(db_err)?;
        conn.pragma_update(None, "journal_mode", "DELETE")
            .map_err(db_err)?;
        conn.pragma_update(None, "synchronous", "FULL")
            .map_err(db_err)?;
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
            worker: worker.to_string(),
            list: list.clone(),
            progress: Progress::default(),
            folded: Folded::Reloaded,
        };
        store.init(list)?;
        store.reload()?;
        Ok(store)
    }

    /// Creates the schema in an empty database, or checks that it is ours and of a version this
    /// build reads; reads which list the store belongs to.
    fn init(&mut self, list: &ListRef) -> Result<(), StoreError> {
        let path = self.path.clone();
        let db_err = |e: rusqlite::Error| StoreError::of(&path, &e);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(db_err)?;
        let tables: i64 = tx
            .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
            .map_err(db_err)?;
        if tables == 0 {
            tx.execute_batch(
                "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                 CREATE TABLE events (
                     id INTEGER PRIMARY KEY AUTOINCREMENT,
                     at TEXT NOT NULL,
                     worker TEXT NOT NULL,
                     kind TEXT NOT NULL,
                     model TEXT,
                     switch_date TEXT,
                     cpr TEXT,
                     body TEXT NOT NULL
                 );
                 CREATE INDEX events_cpr ON events (cpr);
                 CREATE TABLE citizens (cpr TEXT PRIMARY KEY, body TEXT NOT NULL);",
            )
            .map_err(db_err)?;
            let list_json = serde_json::to_string(list).map_err(|e| StoreError::Database {
                path: path.clone(),
                detail: e.to_string(),
            })?;
            for (k, v) in [
                ("format", FORMAT.to_string()),
                ("version", VERSION.to_string()),
                ("list", list_json),
            ] {
                tx.execute(
                    "INSERT INTO meta (key, value) VALUES (?1, ?2)",
                    params![k, v],
                )
                .map_err(db_err)?;
            }
        } else {
            let meta = |key: &str| -> Result<Option<String>, StoreError> {
                tx.query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
                    .optional()
                    .map_err(|_| StoreError::NotAStore(path.clone()))
            };
            if meta("format")?.as_deref() != Some(FORMAT) {
                return Err(StoreError::NotAStore(path.clone()));
            }
            let version: u32 = meta("version")?
                .and_then(|v| v.parse().ok())
                .ok_or_else(|| StoreError::NotAStore(path.clone()))?;
            if version > VERSION {
                return Err(StoreError::Newer {
                    path: path.clone(),
                    version,
                });
            }
            if let Some(stored) = meta("list")?.and_then(|j| serde_json::from_str(&j).ok()) {
                self.list = stored;
            }
            tx.execute_batch(
                "CREATE TABLE IF NOT EXISTS citizens (cpr TEXT PRIMARY KEY, body TEXT NOT NULL);",
            )
            .map_err(db_err)?;
        }
        tx.commit().map_err(db_err)
    }

    /// The list the store was made for (the UI asks before another list uses it).
    pub fn list(&self) -> &ListRef {
        &self.list
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn worker(&self) -> &str {
        &self.worker
    }

    /// The initials later changes through this handle are recorded with.
    pub fn set_worker(&mut self, initials: &str) {
        initials.clone_into(&mut self.worker);
    }

    /// The progress as of the last change made or read.
    pub fn progress(&self) -> &Progress {
        &self.progress
    }

    /// Records one change, made under `model` and switch date `d`, at `now`; returns its id once
    /// it has committed. Others' changes written before it are folded in too.
    pub fn record(
        &mut self,
        change: Change,
        plan: Option<(Model, NaiveDate)>,
        now: NaiveDateTime,
    ) -> Result<i64, StoreError> {
        let ids = self.record_all(vec![change], plan, now)?;
        Ok(ids.first().copied().unwrap_or_default())
    }

    /// Records several changes in one transaction: all of them or none.
    pub fn record_all(
        &mut self,
        changes: Vec<Change>,
        plan: Option<(Model, NaiveDate)>,
        now: NaiveDateTime,
    ) -> Result<Vec<i64>, StoreError> {
        let worker = self.worker.clone();
        let changes = changes.into_iter().map(|c| (worker.clone(), c)).collect();
        self.record_by(changes, plan, now)
    }

    /// Records several changes, each under the initials given with it (ticks read back from
    /// action sheets carry the initials of whoever filled in Udført af), in one transaction.
    pub fn record_by(
        &mut self,
        changes: Vec<(String, Change)>,
        plan: Option<(Model, NaiveDate)>,
        now: NaiveDateTime,
    ) -> Result<Vec<i64>, StoreError> {
        let path = self.path.clone();
        let db_err = |e: rusqlite::Error| StoreError::of(&path, &e);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(db_err)?;
        let mut ids = Vec::with_capacity(changes.len());
        {
            let mut insert = tx
                .prepare_cached(
                    "INSERT INTO events (at, worker, kind, model, switch_date, cpr, body)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                )
                .map_err(db_err)?;
            for (worker, change) in &changes {
                let body = serde_json::to_string(change).map_err(|e| StoreError::Database {
                    path: path.clone(),
                    detail: e.to_string(),
                })?;
                let cpr = change.cpr();
                insert
                    .execute(params![
                        fmt_at(now),
                        worker,
                        change.kind(),
                        plan.map(|(m, _)| model_word(m)),
                        plan.map(|(_, d)| d.to_string()),
                        cpr,
                        body
                    ])
                    .map_err(db_err)?;
                ids.push(tx.last_insert_rowid());
            }
        }
        tx.commit().map_err(db_err)?;
        self.refresh()?;
        Ok(ids)
    }

    /// Folds in every change written since the last one read (by this handle or any other);
    /// returns how many there were.
    pub fn refresh(&mut self) -> Result<usize, StoreError> {
        let events = self.events_after(self.progress.last_id())?;
        let n = events.len();
        if events
            .iter()
            .any(|e| matches!(e.change, Change::Undo { .. }))
        {
            // An undo changes what earlier events mean: derive the progress again.
            self.reload()?;
            self.folded = Folded::Reloaded;
            return Ok(n);
        }
        for e in &events {
            self.progress.apply(e);
        }
        self.folded = Folded::Events(events);
        Ok(n)
    }

    /// What the last refresh folded in (also the one after a change recorded here): the events
    /// in order, or that the progress was derived again.
    pub fn last_folded(&self) -> &Folded {
        &self.folded
    }

    /// Derives the progress again from every event.
    fn reload(&mut self) -> Result<(), StoreError> {
        let events = self.events_after(0)?;
        self.progress = Progress::fold(&events);
        Ok(())
    }

    fn events_after(&self, after: i64) -> Result<Vec<Event>, StoreError> {
        self.events_where("id > ?1 ORDER BY id", params![after])
    }

    /// The events `condition` (an SQL `WHERE` clause with its `ORDER BY`) selects.
    fn events_where(
        &self,
        condition: &str,
        args: impl rusqlite::Params,
    ) -> Result<Vec<Event>, StoreError> {
        let db_err = |e: rusqlite::Error| StoreError::of(&self.path, &e);
        let sql = format!(
            "SELECT id, at, worker, model, switch_date, body FROM events WHERE {condition}"
        );
        let mut stmt = self.conn.prepare_cached(&sql).map_err(db_err)?;
        let rows = stmt
            .query_map(args, |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, Option<String>>(3)?,
                    r.get::<_, Option<String>>(4)?,
                    r.get::<_, String>(5)?,
                ))
            })
            .map_err(db_err)?;
        let mut out = Vec::new();
        for row in rows {
            let (id, at, worker, model, d, body) = row.map_err(db_err)?;
            // An event this build cannot read (a newer kind) is skipped, never guessed.
            let Ok(change) = serde_json::from_str::<Change>(&body) else {
                continue;
            };
            out.push(Event {
                id,
                at: parse_at(&at).unwrap_or_default(),
                worker,
                model: model.as_deref().and_then(parse_model),
                switch_date: d.and_then(|d| d.parse().ok()),
                change,
            });
        }
        Ok(out)
    }

    /// Takes back this worker's last change (repeatable: each call goes one further back).
    /// Returns the change taken back and whether a later change by someone else had already
    /// made it over (then taking it back changes nothing, and is said so), or None when there
    /// is nothing left.
    pub fn undo_last(&mut self, now: NaiveDateTime) -> Result<Option<(Event, bool)>, StoreError> {
        self.refresh()?;
        let mine = self.events_where("worker = ?1 ORDER BY id DESC", params![self.worker])?;
        let undos = self.events_where("kind = 'undo' ORDER BY id", [])?;
        let undone = progress::undone_ids(&undos);
        let Some(target) = mine
            .into_iter()
            .find(|e| !matches!(e.change, Change::Undo { .. }) && !undone.contains(&e.id))
        else {
            return Ok(None);
        };
        // A change someone made over since (a colleague unticked what was ticked here): taking
        // it back changes nothing now, and the caller says so; the next undo goes further back.
        let made_over = self.superseded(&target, &undone)?;
        let plan = target.model.zip(target.switch_date);
        self.record(Change::Undo { target: target.id }, plan, now)?;
        Ok(Some((target, made_over)))
    }

    /// The fingerprint of the list whose citizens the store last kept (None: none yet).
    pub fn citizens_of(&self) -> Result<Option<String>, StoreError> {
        self.conn
            .query_row(
                "SELECT value FROM meta WHERE key = 'citizens_of'",
                [],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| StoreError::of(&self.path, &e))
    }

    /// CPR digits of every citizen seen on a list opened with this store.
    pub fn known_citizens(&self) -> Result<Vec<String>, StoreError> {
        let db_err = |e: rusqlite::Error| StoreError::of(&self.path, &e);
        let mut stmt = self
            .conn
            .prepare_cached("SELECT cpr FROM citizens ORDER BY rowid")
            .map_err(db_err)?;
        let rows = stmt
            .query_map([], |r| r.get::<_, String>(0))
            .map_err(db_err)?;
        rows.collect::<Result<_, _>>().map_err(db_err)
    }

    /// The citizens with these CPR digits as they were last seen on a list (a citizen gone from
    /// a newer list still has steps to do). One that cannot be read back is left out.
    pub fn citizens(&self, digits: &[String]) -> Result<Vec<Citizen>, StoreError> {
        let db_err = |e: rusqlite::Error| StoreError::of(&self.path, &e);
        let mut stmt = self
            .conn
            .prepare_cached("SELECT body FROM citizens WHERE cpr = ?1")
            .map_err(db_err)?;
        let mut out = Vec::with_capacity(digits.len());
        for d in digits {
            let body: Option<String> = stmt
                .query_row([d], |r| r.get(0))
                .optional()
                .map_err(db_err)?;
            if let Some(c) = body.and_then(|b| serde_json::from_str(&b).ok()) {
                out.push(c);
            }
        }
        Ok(out)
    }

    /// Makes `list` the store's list and keeps its citizens (replacing what was kept of the
    /// same citizens; citizens of earlier lists are kept too). Nothing is written when the
    /// list is the one last kept.
    pub fn remember_list(
        &mut self,
        list: &ListRef,
        citizens: &[Citizen],
    ) -> Result<(), StoreError> {
        let path = self.path.clone();
        let db_err = |e: rusqlite::Error| StoreError::of(&path, &e);
        let json_err = |e: serde_json::Error| StoreError::Database {
            path: path.clone(),
            detail: e.to_string(),
        };
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(db_err)?;
        let kept: Option<String> = tx
            .query_row(
                "SELECT value FROM meta WHERE key = 'citizens_of'",
                [],
                |r| r.get(0),
            )
            .optional()
            .map_err(db_err)?;
        if kept.as_deref() == Some(list.fingerprint.as_str()) && self.list == *list {
            return Ok(());
        }
        {
            let mut insert = tx
                .prepare_cached("INSERT OR REPLACE INTO citizens (cpr, body) VALUES (?1, ?2)")
                .map_err(db_err)?;
            for c in citizens {
                let body = serde_json::to_string(c).map_err(json_err)?;
                insert
                    .execute(params![c.cpr.digits(), body])
                    .map_err(db_err)?;
            }
        }
        let list_json = serde_json::to_string(list).map_err(json_err)?;
        for (k, v) in [
            ("list", list_json),
            ("citizens_of", list.fingerprint.clone()),
        ] {
            tx.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)",
                params![k, v],
            )
            .map_err(db_err)?;
        }
        tx.commit().map_err(db_err)?;
        self.list = list.clone();
        Ok(())
    }

    /// Whether a later change that still counts (by anyone) is about the same thing as `e`: the
    /// same step, the same citizen's decision, the set-up, the column mappings.
    fn superseded(&self, e: &Event, undone: &HashSet<i64>) -> Result<bool, StoreError> {
        let later = match (&e.change, e.change.cpr()) {
            (Change::Undo { .. }, _) => return Ok(false),
            (_, Some(cpr)) => {
                self.events_where("id > ?1 AND cpr = ?2 ORDER BY id", params![e.id, cpr])?
            }
            (c, None) => {
                self.events_where("id > ?1 AND kind = ?2 ORDER BY id", params![e.id, c.kind()])?
            }
        };
        Ok(later
            .iter()
            .any(|l| !undone.contains(&l.id) && l.change.same_subject(&e.change)))
    }

    /// The ticks and unticks of one step, oldest first, and every undo (which may take one of
    /// them back).
    fn step_events(&self, step: &StepKey) -> Result<(Vec<Event>, Vec<Event>), StoreError> {
        let events =
            self.events_where("cpr = ?1 OR kind = 'undo' ORDER BY id", params![step.cpr])?;
        Ok(events
            .into_iter()
            .filter(|e| e.change.step() == Some(step) || e.change.undoes().is_some())
            .partition(|e| e.change.undoes().is_none()))
    }

    /// When the step last changed: its latest tick or untick, or the latest undo of one of
    /// them (an undo changes the step as much as an untick does).
    pub fn last_change(&self, step: &StepKey) -> Result<Option<NaiveDateTime>, StoreError> {
        let (events, undos) = self.step_events(step)?;
        let ids: HashSet<i64> = events.iter().map(|e| e.id).collect();
        let undone_at = undos
            .iter()
            .filter(|u| u.change.undoes().is_some_and(|t| ids.contains(&t)));
        Ok(events.iter().chain(undone_at).map(|e| e.at).max())
    }

    /// Every tick and untick of one step, oldest first, each with whether it was undone.
    pub fn history(&self, step: &StepKey) -> Result<Vec<(Event, bool)>, StoreError> {
        let (events, undos) = self.step_events(step)?;
        let undone = progress::undone_ids(&undos);
        Ok(events
            .into_iter()
            .map(|e| {
                let was_undone = undone.contains(&e.id);
                (e, was_undone)
            })
            .collect())
    }
}

/// While another person's write holds the database: try again every millisecond, up to
/// [`BUSY_WAIT`]. SQLite's own timeout backs off to 100 ms between tries, so a colleague who
/// ticks quickly in a row can keep the lock from a waiting writer for the whole timeout; short,
/// even tries find the moments between their writes.
fn wait_briefly(tries: i32) -> bool {
    let tries = u64::try_from(tries).unwrap_or(0);
    if Duration::from_millis(tries) >= BUSY_WAIT {
        return false;
    }
    std::thread::sleep(Duration::from_millis(1));
    true
}

fn fmt_at(at: NaiveDateTime) -> String {
    at.format("%Y-%m-%dT%H:%M:%S%.3f").to_string()
}

fn parse_at(s: &str) -> Option<NaiveDateTime> {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S%.f").ok()
}

fn model_word(m: Model) -> &'static str {
    match m {
        Model::One => "1",
        Model::Two => "2",
        Model::Mellem => "mellem",
    }
}

fn parse_model(s: &str) -> Option<Model> {
    match s {
        "1" => Some(Model::One),
        "2" => Some(Model::Two),
        "mellem" => Some(Model::Mellem),
        _ => None,
    }
}

#[cfg(test)]
mod tests;

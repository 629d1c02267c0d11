use super::*;
use crate::domain::{Decision, Form};
use crate::plan::{ActionKind, System};
use crate::progress::{SavedSettings, StateFile, Tick};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a real date")
}

fn at(h: u32, min: u32) -> NaiveDateTime {
    day(2026, 4, 2).and_hms_opt(h, min, 0).expect("a real time")
}

fn list() -> ListRef {
    ListRef {
        file_name: "liste.xlsx".into(),
        path: PathBuf::from("liste.xlsx"),
        size: 10,
        fingerprint: "abc".into(),
    }
}

fn step(cpr: &str, date: NaiveDate) -> StepKey {
    StepKey {
        cpr: cpr.into(),
        system: System::Smdb,
        form: Form::Indskrivning,
        action: ActionKind::Afslut,
        case_id: Some("I-1".into()),
        detail: None,
        date: Some(date),
    }
}

const PLAN: Option<(Model, NaiveDate)> =
    Some((Model::Two, NaiveDate::from_ymd_opt(2026, 3, 31).unwrap()));

fn tick(s: &StepKey, done: NaiveDate) -> Change {
    Change::Tick {
        step: s.clone(),
        done,
        by: None,
    }
}

#[test]
fn a_new_store_is_owner_only_and_knows_its_list() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("liste.skifteplan.db");
    let store = Store::open(&path, &list(), "AB").expect("opens");
    assert_eq!(store.list(), &list());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path)
            .expect("exists")
            .permissions()
            .mode();
        assert_eq!(mode & 0o077, 0, "{mode:o}");
    }
    drop(store);
    let mut other = list();
    other.fingerprint = "def".into();
    let again = Store::open(&path, &other, "CD").expect("opens again");
    assert_eq!(
        again.list(),
        &list(),
        "the store keeps the list it was made for"
    );
}

#[test]
fn a_tick_records_who_when_and_under_which_plan_and_survives_reopening() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("s.db");
    let s = step("0101901234", day(2026, 3, 31));
    {
        let mut store = Store::open(&path, &list(), "AB").expect("opens");
        store
            .record(tick(&s, day(2026, 3, 27)), PLAN, at(9, 0))
            .expect("ticks");
    }
    let store = Store::open(&path, &list(), "CD").expect("opens");
    let r = store.progress().tick(&s).expect("the tick is there");
    assert_eq!(
        r.done,
        day(2026, 3, 27),
        "the day it was done, not the day it was ticked"
    );
    assert_eq!(r.worker, "AB");
    assert_eq!(r.at, at(9, 0));
    assert_eq!(r.model, Some(Model::Two));
    assert_eq!(r.switch_date, Some(day(2026, 3, 31)));
}

#[test]
fn a_tick_belongs_to_its_date_and_does_not_move_to_another_step() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(&dir.path().join("s.db"), &list(), "AB").expect("opens");
    let old = step("0101901234", day(2026, 3, 31));
    store
        .record(tick(&old, day(2026, 3, 31)), PLAN, at(9, 0))
        .expect("ticks");
    // D moves to 30-04: the step of the new plan closes on another date.
    let new = step("0101901234", day(2026, 4, 30));
    assert!(store.progress().tick(&new).is_none());
    assert!(store.progress().tick(&old).is_some());
}

#[test]
fn two_handles_see_each_others_changes_and_the_same_step_twice_is_one_tick() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("s.db");
    let mut a = Store::open(&path, &list(), "AB").expect("opens");
    let mut b = Store::open(&path, &list(), "CD").expect("opens");
    let s1 = step("0101901234", day(2026, 3, 31));
    let s2 = step("0202902345", day(2026, 3, 31));
    a.record(tick(&s1, day(2026, 4, 1)), PLAN, at(9, 0))
        .expect("a ticks");
    b.record(tick(&s2, day(2026, 4, 1)), PLAN, at(9, 1))
        .expect("b ticks");
    b.record(tick(&s1, day(2026, 4, 2)), PLAN, at(9, 2))
        .expect("b ticks a's step too");
    assert_eq!(a.refresh().expect("refresh"), 2);
    for store in [&a, &b] {
        assert_eq!(store.progress().ticks().len(), 2);
        assert_eq!(store.progress().tick(&s1).expect("done").worker, "CD");
    }
}

#[test]
fn undo_takes_back_only_this_workers_last_change_and_repeats() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("s.db");
    let mut a = Store::open(&path, &list(), "AB").expect("opens");
    let mut b = Store::open(&path, &list(), "CD").expect("opens");
    let s1 = step("0101901234", day(2026, 3, 31));
    let s2 = step("0202902345", day(2026, 3, 31));
    let s3 = step("0303903456", day(2026, 3, 31));
    a.record(tick(&s1, day(2026, 4, 1)), PLAN, at(9, 0))
        .expect("ticks");
    a.record(tick(&s2, day(2026, 4, 1)), PLAN, at(9, 1))
        .expect("ticks");
    b.record(tick(&s3, day(2026, 4, 1)), PLAN, at(9, 2))
        .expect("ticks");
    let undone = a
        .undo_last(at(9, 3))
        .expect("undo")
        .expect("something to undo");
    assert_eq!(undone.0.change.step(), Some(&s2));
    let undone = a
        .undo_last(at(9, 4))
        .expect("undo")
        .expect("something to undo");
    assert_eq!(undone.0.change.step(), Some(&s1));
    assert!(
        a.undo_last(at(9, 5)).expect("undo").is_none(),
        "nothing of AB's left"
    );
    b.refresh().expect("refresh");
    for store in [&a, &b] {
        let done: Vec<&StepKey> = store.progress().ticks().keys().collect();
        assert_eq!(done, vec![&s3], "CD's tick stays");
    }
    let history = a.history(&s1).expect("history");
    assert_eq!(history.len(), 1);
    assert!(history[0].1, "the tick shows as undone in the history");
}

#[test]
fn an_untick_is_kept_in_the_history() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(&dir.path().join("s.db"), &list(), "AB").expect("opens");
    let s = step("0101901234", day(2026, 3, 31));
    store
        .record(tick(&s, day(2026, 4, 1)), PLAN, at(9, 0))
        .expect("ticks");
    store
        .record(Change::Untick { step: s.clone() }, PLAN, at(9, 5))
        .expect("unticks");
    assert!(store.progress().tick(&s).is_none());
    let kinds: Vec<&str> = store
        .history(&s)
        .expect("history")
        .iter()
        .map(|(e, _)| e.change.kind())
        .collect();
    assert_eq!(kinds, vec!["tick", "untick"]);
}

#[test]
fn settings_and_decisions_are_events_too() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(&dir.path().join("s.db"), &list(), "AB").expect("opens");
    let settings = SavedSettings {
        model: Model::Two,
        switch_date: day(2026, 3, 31),
        reason_text: "Systemskift".into(),
        kommune: "Fiktiv Kommune".into(),
        vendor: String::new(),
        system_name: String::new(),
        go_live: None,
        deadline: None,
    };
    store
        .record(
            Change::Settings {
                settings: settings.clone(),
            },
            None,
            at(8, 0),
        )
        .expect("set-up");
    let forgotten = Decision {
        glemt: true,
        slutdato: Some(day(2025, 6, 1)),
        ..Decision::default()
    };
    store
        .record(
            Change::Decision {
                cpr: "0101901234".into(),
                decision: Some(forgotten.clone()),
            },
            PLAN,
            at(8, 1),
        )
        .expect("decides");
    assert_eq!(store.progress().settings(), Some(&settings));
    assert_eq!(
        store.progress().decisions().get("0101901234"),
        Some(&forgotten)
    );
    store
        .record(
            Change::Decision {
                cpr: "0101901234".into(),
                decision: None,
            },
            PLAN,
            at(8, 2),
        )
        .expect("takes the decision back");
    assert!(store.progress().decisions().is_empty());
}

#[test]
fn a_foreign_file_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("s.db");
    std::fs::write(&path, b"not a database at all, just some text in a file").expect("write");
    assert!(matches!(
        Store::open(&path, &list(), "AB"),
        Err(StoreError::NotAStore(_))
    ));
    assert_eq!(
        std::fs::read(&path).expect("still there"),
        b"not a database at all, just some text in a file"
    );
    // Another program's SQLite database.
    let other = dir.path().join("other.db");
    let conn = Connection::open(&other).expect("sqlite");
    conn.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        .expect("table");
    drop(conn);
    assert!(matches!(
        Store::open(&other, &list(), "AB"),
        Err(StoreError::NotAStore(_))
    ));
}

#[test]
fn an_earlier_progress_file_is_imported_once_and_kept_as_a_backup() {
    let dir = tempfile::tempdir().expect("temp dir");
    let json = dir.path().join("liste.skifteplan.json");
    std::fs::write(&json, b"{}").expect("write");
    let mut state = StateFile::new(list());
    state.settings = Some(SavedSettings {
        model: Model::Two,
        switch_date: day(2026, 3, 31),
        reason_text: "Systemskift".into(),
        kommune: String::new(),
        vendor: String::new(),
        system_name: String::new(),
        go_live: None,
        deadline: None,
    });
    state.decisions.insert(
        "0202902345".into(),
        Decision {
            glemt: true,
            slutdato: None,
            ..Decision::default()
        },
    );
    state.ticks.push(Tick {
        cpr: "0101901234".into(),
        system: System::Smdb,
        form: Form::Indskrivning,
        action: ActionKind::Afslut,
        case_id: Some("I-1".into()),
        detail: None,
        done: day(2026, 4, 1),
    });
    let mut store = Store::open(&dir.path().join("s.db"), &list(), "AB").expect("opens");
    let n = store
        .import_json(&json, &state, &|_| Some(day(2026, 3, 31)), at(8, 0))
        .expect("imports");
    assert_eq!(n, 3);
    assert!(!json.exists());
    assert!(json_backup_path(&json).exists());
    let s = step("0101901234", day(2026, 3, 31));
    assert_eq!(
        store.progress().tick(&s).expect("imported").done,
        day(2026, 4, 1)
    );
    assert!(store.progress().settings().is_some());
    assert_eq!(store.progress().decisions().len(), 1);
}

#[test]
fn a_busy_store_is_reported_not_waited_for_forever() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("s.db");
    let mut store = Store::open(&path, &list(), "AB").expect("opens");
    // A colleague's program holds the write lock.
    let other = Connection::open(&path).expect("sqlite");
    other.execute_batch("BEGIN IMMEDIATE;").expect("lock");
    store
        .conn
        .busy_timeout(Duration::from_millis(50))
        .expect("short wait");
    let s = step("0101901234", day(2026, 3, 31));
    assert!(matches!(
        store.record(tick(&s, day(2026, 4, 1)), PLAN, at(9, 0)),
        Err(StoreError::Busy(_))
    ));
    assert!(store.progress().tick(&s).is_none(), "nothing acknowledged");
    other.execute_batch("COMMIT;").expect("unlock");
    store
        .record(tick(&s, day(2026, 4, 1)), PLAN, at(9, 1))
        .expect("ticks now");
    assert!(store.progress().tick(&s).is_some());
}

#[test]
fn undo_of_a_change_a_colleague_made_over_says_it_changes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("liste.skifteplan.db");
    let mut ab = Store::open(&path, &list(), "AB").expect("opens");
    let mut cd = Store::open(&path, &list(), "CD").expect("opens");
    let (x, y) = (
        step("0101901234", day(2026, 3, 31)),
        step("0202851234", day(2026, 3, 31)),
    );
    ab.record(tick(&x, day(2026, 4, 1)), PLAN, at(9, 0))
        .expect("ticks");
    ab.record(tick(&y, day(2026, 4, 1)), PLAN, at(9, 1))
        .expect("ticks");
    cd.record(Change::Untick { step: y.clone() }, PLAN, at(9, 2))
        .expect("unticks");
    // AB's last change, the tick of y, was made over by CD: taking it back changes nothing,
    // and says so; the next undo takes back the tick of x.
    let (undone, made_over) = ab.undo_last(at(9, 3)).expect("undoes").expect("something");
    assert_eq!(undone.change.step(), Some(&y));
    assert!(made_over);
    assert!(ab.progress().tick(&x).is_some());
    let (undone, made_over) = ab.undo_last(at(9, 4)).expect("undoes").expect("something");
    assert_eq!(undone.change.step(), Some(&x));
    assert!(!made_over);
    assert!(ab.progress().ticks().is_empty());
    assert_eq!(ab.undo_last(at(9, 5)).expect("undoes"), None);
    // A tick CD recorded for EF (a merged sheet): CD takes it back with undo.
    cd.record(
        Change::Tick {
            step: x.clone(),
            done: day(2026, 4, 1),
            by: Some("EF".into()),
        },
        PLAN,
        at(9, 5),
    )
    .expect("ticks");
    assert_eq!(cd.progress().tick(&x).expect("ticked").worker, "EF");
    assert!(cd.undo_last(at(9, 6)).expect("undoes").is_some());
    assert!(cd.progress().tick(&x).is_none());
}

#[test]
fn a_step_changes_when_its_tick_is_undone() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("liste.skifteplan.db");
    let mut ab = Store::open(&path, &list(), "AB").expect("opens");
    let x = step("0101901234", day(2026, 3, 31));
    assert_eq!(ab.last_change(&x).expect("reads"), None);
    ab.record(tick(&x, day(2026, 4, 1)), PLAN, at(9, 0))
        .expect("ticks");
    assert_eq!(ab.last_change(&x).expect("reads"), Some(at(9, 0)));
    ab.undo_last(at(10, 30)).expect("undoes");
    assert_eq!(ab.last_change(&x).expect("reads"), Some(at(10, 30)));
}

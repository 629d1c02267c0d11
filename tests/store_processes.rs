//! The progress store with several processes at once: two people ticking interleaved lose no
//! tick, and a process killed with SIGKILL in the middle of ticking loses none it acknowledged.
//!
//! The ticking processes are this test binary itself, started again with `STORE_CHILD` set:
//! the test `child` then ticks instead of being a no-op.
#![allow(clippy::unwrap_used, clippy::panic)] // a test, bench or dev tool: a failed expectation may stop it

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use chrono::{Local, NaiveDate};
use skifteplan::domain::Form;
use skifteplan::plan::{ActionKind, Model, System};
use skifteplan::progress::ListRef;
use skifteplan::store::{Change, StepKey, Store};

fn list() -> ListRef {
    ListRef {
        file_name: "liste.xlsx".into(),
        path: PathBuf::from("liste.xlsx"),
        size: 1,
        fingerprint: "f".into(),
    }
}

fn d() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 31).expect("a real date")
}

/// The step of fictitious citizen `i` (CPR digits made from `i`, never a real person's).
fn step(worker: &str, i: usize) -> StepKey {
    StepKey {
        cpr: format!("{:04}{:06}", worker.len(), i),
        system: System::Smdb,
        form: Form::Anmodning,
        action: ActionKind::Afslut,
        case_id: Some(format!("{worker}-{i}")),
        detail: None,
        date: Some(d()),
    }
}

/// Starts this binary as a ticking child.
fn spawn_child(store: &Path, worker: &str, ticks: usize) -> std::process::Child {
    Command::new(std::env::current_exe().expect("the test binary"))
        .args(["--exact", "child", "--nocapture", "--test-threads", "1"])
        .env("STORE_CHILD", store)
        .env("STORE_WORKER", worker)
        .env("STORE_TICKS", ticks.to_string())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the child starts")
}

/// The child: ticks `STORE_TICKS` steps, printing each one's id once it has committed.
#[test]
fn child() {
    let Some(path) = std::env::var_os("STORE_CHILD") else {
        return;
    };
    let worker = std::env::var("STORE_WORKER").expect("worker");
    let ticks: usize = std::env::var("STORE_TICKS")
        .expect("ticks")
        .parse()
        .expect("a number");
    let mut store = Store::open(Path::new(&path), &list(), &worker).expect("the store opens");
    for i in 0..ticks {
        let change = Change::Tick {
            step: step(&worker, i),
            done: d(),
            by: None,
        };
        let id = store
            .record(change, Some((Model::Two, d())), Local::now().naive_local())
            .expect("the tick is written");
        println!("ack {i} {id}");
    }
}

fn acknowledged(child: &mut std::process::Child, stop_after: Option<usize>) -> Vec<usize> {
    let out = child.stdout.take().expect("stdout");
    let mut acks = Vec::new();
    for line in BufReader::new(out).lines() {
        let Ok(line) = line else { break };
        // The test harness may print its own words before the first line on the same line.
        if let Some(rest) = line.find("ack ").map(|at| &line[at + 4..]) {
            let i: usize = rest
                .split(' ')
                .next()
                .and_then(|n| n.parse().ok())
                .expect("an index");
            acks.push(i);
            if stop_after.is_some_and(|n| acks.len() >= n) {
                break;
            }
        }
    }
    acks
}

#[test]
fn two_processes_ticking_interleaved_lose_nothing() {
    const TICKS: usize = 600;
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("liste.skifteplan.db");
    // Created first, so both children open an existing store.
    drop(Store::open(&path, &list(), "setup").expect("creates"));
    let mut a = spawn_child(&path, "AB", TICKS);
    let mut b = spawn_child(&path, "CDE", TICKS);
    let acks_a = acknowledged(&mut a, None);
    let acks_b = acknowledged(&mut b, None);
    assert!(a.wait().expect("a ends").success());
    assert!(b.wait().expect("b ends").success());
    assert_eq!(acks_a.len(), TICKS);
    assert_eq!(acks_b.len(), TICKS);
    let store = Store::open(&path, &list(), "check").expect("opens");
    let ticks = store.progress().ticks();
    assert_eq!(ticks.len(), 2 * TICKS, "every tick of both is there, once");
    for i in 0..TICKS {
        assert_eq!(ticks[&step("AB", i)].worker, "AB");
        assert_eq!(ticks[&step("CDE", i)].worker, "CDE");
    }
}

#[cfg(unix)]
#[test]
fn a_process_killed_while_ticking_loses_no_acknowledged_tick() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("liste.skifteplan.db");
    for round in 0..3 {
        let mut child = spawn_child(&path, "AB", 100_000);
        // Kill it mid-stream, after a varying number of acknowledged ticks.
        let acks = acknowledged(&mut child, Some(50 + 70 * round));
        let killed = Command::new("kill")
            .args(["-KILL", &child.id().to_string()])
            .status()
            .expect("kill runs");
        assert!(killed.success());
        let _ = child.wait();
        let store = Store::open(&path, &list(), "check").expect("the store opens after a kill");
        for i in acks {
            assert!(
                store.progress().tick(&step("AB", i)).is_some(),
                "round {round}: acknowledged tick {i} is lost"
            );
        }
    }
}

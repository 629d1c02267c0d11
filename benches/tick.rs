//! Tick latency of the progress store: `cargo bench --bench tick`.
//!
//! For a switch of 500 and of 100,000 fictitious citizens, the store first holds three done
//! steps per citizen (written in one transaction), then 1,000 ticks are recorded one by one as
//! the UI records them: one committed transaction each, the progress folded forward after it.
//! Prints the median and the worst latency, and how long opening the full store takes (every
//! event folded). Then the same through the workspace, as the UI's Space does: a list of that
//! many citizens (CSV, fictitious CPR numbers) opened with its store and planned (model 2), and
//! 1,000 steps ticked with [`Workspace::toggle`] — the store's transaction, the plan's marks and
//! counts. Environment: `TICK_SIZES=500,100000`, `TICK_COUNT=1000`.
#![allow(clippy::unwrap_used, clippy::panic)] // a test, bench or dev tool: a failed expectation may stop it

use std::time::{Duration, Instant};

use chrono::{NaiveDate, NaiveDateTime};
use skifteplan::domain::Form;
use skifteplan::plan::{ActionKind, Model, System};
use skifteplan::progress::ListRef;
use skifteplan::store::{Change, StepKey, Store};
use skifteplan::workspace::{Workspace, store_place};

fn d() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 31).expect("a real date")
}

fn now() -> NaiveDateTime {
    d().and_hms_opt(9, 0, 0).expect("a real time")
}

/// Step `k` of fictitious citizen `i` (digits made from `i`, never a real person's).
fn step(i: usize, k: usize) -> StepKey {
    const FORMS: [Form; 4] = [
        Form::Anmodning,
        Form::Ivaerksaettelse,
        Form::Tilbudstilknytning,
        Form::Indskrivning,
    ];
    StepKey {
        cpr: format!("99{i:08}"),
        system: if k < 4 { System::Smdb } else { System::Nyt },
        form: FORMS[k % 4],
        action: if k < 4 {
            ActionKind::Afslut
        } else {
            ActionKind::Registrer
        },
        case_id: Some(format!("A-{i}")),
        detail: None,
        date: Some(d()),
    }
}

fn list() -> ListRef {
    ListRef {
        file_name: "liste.xlsx".into(),
        path: "liste.xlsx".into(),
        size: 1,
        fingerprint: "bench".into(),
    }
}

fn env_list(name: &str, default: &[usize]) -> Vec<usize> {
    std::env::var(name)
        .ok()
        .map(|v| v.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| default.to_vec())
}

/// A CSV Aktivliste of `n` fictitious citizens, one anmodning each; the CPR numbers have valid
/// date parts (so they are read) and are made up from `i`.
fn csv_list(path: &std::path::Path, n: usize) {
    use std::fmt::Write;
    let mut text = String::from("CPR;Navn;Anmodning ID;Anmodningsdato;Iværksættelsesdato\n");
    for i in 0..n {
        let (day, month, year, serial) = (
            1 + i % 28,
            1 + (i / 28) % 12,
            (i / 336) % 100,
            1000 + i / 33_600,
        );
        writeln!(
            text,
            "{day:02}{month:02}{year:02}-{serial:04};Borger {i};A-{i};05-01-2025;19-01-2025"
        )
        .expect("a string takes it");
    }
    std::fs::write(path, text).expect("writes the list");
}

/// Median, 99th percentile and worst of `count` ticks through the workspace, and how long
/// opening took.
fn through_workspace(n: usize, count: usize) -> (Duration, Duration, Duration, Duration) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("liste.csv");
    csv_list(&path, n);
    let start = Instant::now();
    let list = skifteplan::aktivliste::load(&path, &Default::default()).expect("reads");
    assert_eq!(list.citizens.len(), n, "every fictitious citizen is read");
    let list_ref = skifteplan::progress::list_ref(&path).expect("fingerprints");
    let (mut ws, _) =
        Workspace::open_now(list, list_ref, store_place(&path, None, None), "AB", now());
    let settings = skifteplan::progress::SavedSettings {
        model: Model::Two,
        switch_date: d(),
        reason_text: "Systemskift".into(),
        kommune: "Fiktiv".into(),
        vendor: String::new(),
        system_name: String::new(),
        go_live: None,
        deadline: None,
    };
    ws.set_settings(settings, now()).expect("set up");
    let opened = start.elapsed();
    let steps = ws.plan().expect("planned").citizen(0).actions.len();
    let mut times = Vec::with_capacity(count);
    for t in 0..count {
        let start = Instant::now();
        ws.toggle((t * 7919) % n, (t / n) % steps, d(), now())
            .expect("ticks");
        times.push(start.elapsed());
    }
    assert_eq!(
        ws.plan().expect("planned").total_done(),
        count.min(n * steps)
    );
    times.sort();
    (
        times[times.len() / 2],
        times[times.len() * 99 / 100],
        times[times.len() - 1],
        opened,
    )
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn main() {
    let sizes = env_list("TICK_SIZES", &[500, 100_000]);
    let count = env_list("TICK_COUNT", &[1000])[0];
    let plan = Some((Model::Two, d()));
    println!("| citizens | events before | median | 99th | worst | open (fold all) |");
    println!("|---:|---:|---:|---:|---:|---:|");
    for n in sizes {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("liste.skifteplan.db");
        let mut store = Store::open(&path, &list(), "AB").expect("opens");
        let before: Vec<Change> = (0..n)
            .flat_map(|i| (0..3).map(move |k| (i, k)))
            .map(|(i, k)| Change::Tick {
                step: step(i, k),
                done: d(),
                by: None,
            })
            .collect();
        let events = before.len();
        store.record_all(before, plan, now()).expect("fills");
        let mut times = Vec::with_capacity(count);
        for t in 0..count {
            let change = Change::Tick {
                step: step(t % n, 3 + t / n),
                done: d(),
                by: None,
            };
            let start = Instant::now();
            store.record(change, plan, now()).expect("ticks");
            times.push(start.elapsed());
        }
        times.sort();
        let median = times[times.len() / 2];
        let p99 = times[times.len() * 99 / 100];
        let worst = times[times.len() - 1];
        drop(store);
        let start = Instant::now();
        let reopened = Store::open(&path, &list(), "CD").expect("opens");
        let open = start.elapsed();
        assert_eq!(reopened.progress().ticks().len(), events + count);
        println!(
            "| {n} | {events} | {:.2} ms | {:.2} ms | {:.2} ms | {:.0} ms |",
            ms(median),
            ms(p99),
            ms(worst),
            ms(open)
        );
    }
    println!();
    println!("Through the workspace (as Space in the UI):");
    println!();
    println!("| citizens | median | 99th | worst | open, plan (load included) |");
    println!("|---:|---:|---:|---:|---:|");
    for n in env_list("TICK_SIZES", &[500, 100_000]) {
        let (median, p99, worst, opened) = through_workspace(n, count);
        println!(
            "| {n} | {:.2} ms | {:.2} ms | {:.2} ms | {:.0} ms |",
            ms(median),
            ms(p99),
            ms(worst),
            ms(opened)
        );
    }
}

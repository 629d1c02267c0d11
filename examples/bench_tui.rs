//! Keystroke-to-frame and search timings of the terminal UI with a large list.
//!
//! `cargo run --release --example bench_tui [CITIZENS]` (default 100,000).
#![allow(clippy::unwrap_used, clippy::panic)] // a test, bench or dev tool: a failed expectation may stop it

use std::time::{Duration, Instant};

use chrono::NaiveDate;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use skifteplan::aktivliste::Aktivliste;
use skifteplan::domain::{Anmodning, Citizen, Cpr, SourceRef, Tilbudstilknytning};
use skifteplan::lang::Lang;
use skifteplan::progress::ListRef;
use skifteplan::tui::{App, AppConfig};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn citizens(n: usize) -> Vec<Citizen> {
    (0..n)
        .map(|i| {
            // Fictitious numbers: day 01-28, month 01-12, year, serial.
            let text = format!(
                "{:02}{:02}{:02}-{:04}",
                i % 28 + 1,
                (i / 28) % 12 + 1,
                (i / 336) % 100,
                i % 10_000
            );
            let (cpr, class) = Cpr::parse(&text).unwrap();
            let mut c = Citizen::new(cpr, class);
            c.name = Some(format!("Borger {i:06} Fiktivsen").into());
            c.anmodninger.push(Anmodning {
                id: Some(format!("A-{i}").into()),
                anmodningsdato: d(2024, 1, 10),
                ivaerksaettelsesdato: Some(d(2024, 1, 20)),
                tilbudstilknytning: Some(Tilbudstilknytning {
                    tilbud: Some("Center".into()),
                    dato: Some(d(2024, 2, 1)),
                }),
                kvalhep: None,
                source: SourceRef {
                    sheet: "Anmodninger".into(),
                    row: i as u32 + 2,
                },
            });
            c
        })
        .collect()
}

fn key(app: &mut App, code: KeyCode) {
    app.handle_event(&Event::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

fn stats(name: &str, mut v: Vec<Duration>) {
    v.sort();
    let p = |q: f64| v[((v.len() - 1) as f64 * q) as usize];
    println!(
        "{name:<36} n={:<5} median {:>8.3} ms  p95 {:>8.3} ms  max {:>8.3} ms",
        v.len(),
        p(0.5).as_secs_f64() * 1e3,
        p(0.95).as_secs_f64() * 1e3,
        v[v.len() - 1].as_secs_f64() * 1e3
    );
}

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(100_000);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("stor-liste.xlsx");
    let list = Aktivliste {
        path: path.clone(),
        citizens: citizens(n),
        sheets: Vec::new(),
        ignored_sheets: Vec::new(),
        rejected: Vec::new(),
        warnings: Vec::new(),
        notes: Vec::new(),
    };
    let list_ref = ListRef {
        file_name: "stor-liste.xlsx".into(),
        path,
        size: 0,
        fingerprint: "bench".into(),
    };
    let mut app = App::new(AppConfig::fixed(
        Lang::Da,
        d(2026, 3, 31),
        dir.path().to_path_buf(),
    ));
    let t = Instant::now();
    app.finish_load(Ok((list, list_ref)));
    key(&mut app, KeyCode::Enter);
    // The set-up by keys: past kommune, vendor and system to D, then model 2.
    for _ in 0..3 {
        key(&mut app, KeyCode::Tab);
    }
    for c in "31-03-2026".chars() {
        key(&mut app, KeyCode::Char(c));
    }
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Right);
    key(&mut app, KeyCode::Right);
    key(&mut app, KeyCode::Enter);
    println!(
        "{n} citizens: open + plan {:.0} ms",
        t.elapsed().as_secs_f64() * 1e3
    );
    let mut term = Terminal::new(TestBackend::new(100, 30)).unwrap();
    term.draw(|f| skifteplan::tui::draw(f, &mut app)).unwrap();

    let mut frame = |app: &mut App, code: KeyCode| {
        let t = Instant::now();
        key(app, code);
        term.draw(|f| skifteplan::tui::draw(f, app)).unwrap();
        t.elapsed()
    };
    let down: Vec<_> = (0..500).map(|_| frame(&mut app, KeyCode::Down)).collect();
    stats("key ↓ → frame", down);
    let pg: Vec<_> = (0..200)
        .map(|_| frame(&mut app, KeyCode::PageDown))
        .collect();
    stats("key PgDn → frame", pg);
    let end: Vec<_> = (0..50)
        .map(|i| {
            frame(
                &mut app,
                if i % 2 == 0 {
                    KeyCode::End
                } else {
                    KeyCode::Home
                },
            )
        })
        .collect();
    stats("key End/Home → frame", end);
    let tab: Vec<_> = (0..50).map(|_| frame(&mut app, KeyCode::Tab)).collect();
    stats("key Tab (pane) → frame", tab);
    // Ticking includes writing the state file atomically.
    let tick: Vec<_> = (0..20)
        .map(|_| {
            let r = frame(&mut app, KeyCode::Char(' '));
            frame(&mut app, KeyCode::Down);
            r
        })
        .collect();
    stats("key Space (tick + save) → frame", tick);
    // Search: each typed character narrows the whole list.
    frame(&mut app, KeyCode::Char('/'));
    let mut search = Vec::new();
    for c in "borger 0421".chars() {
        search.push(frame(&mut app, KeyCode::Char(c)));
    }
    let shown = app.plan_view().unwrap().rows.len();
    stats("search keystroke → frame", search);
    println!("search \"borger 0421\" leaves {shown} citizens");
    frame(&mut app, KeyCode::Esc);
    let filt: Vec<_> = (0..12)
        .map(|_| frame(&mut app, KeyCode::Char('f')))
        .collect();
    stats("filter cycle → frame", filt);
    let sort: Vec<_> = (0..10)
        .map(|_| frame(&mut app, KeyCode::Char('s')))
        .collect();
    stats("sort cycle → frame", sort);
    // The export runs as a job: the screen keeps drawing, with the rows written so far.
    frame(&mut app, KeyCode::Char('e'));
    let t = Instant::now();
    let mut redraws = vec![frame(&mut app, KeyCode::Enter)];
    while app.export_busy() {
        std::thread::sleep(Duration::from_millis(100));
        let f = Instant::now();
        app.poll_export();
        term.draw(|f| skifteplan::tui::draw(f, &mut app)).unwrap();
        redraws.push(f.elapsed());
    }
    let took = t.elapsed();
    let n = redraws.len();
    stats("frame during the export", redraws);
    println!(
        "export (action sheet, JSON, e-mail) {:.1} s, {n} frames drawn meanwhile",
        took.as_secs_f64()
    );
}

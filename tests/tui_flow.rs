//! Key-driven flows: set-up, ticking, quitting and reopening, re-planning, newer lists, a state
//! file that is not ours, export and reading the sheet back.
#![allow(clippy::unwrap_used, clippy::panic)] // a test, bench or dev tool: a failed expectation may stop it

mod tui_common;

use std::path::Path;

use calamine::{Data, Reader, Xlsx, open_workbook};
use ratatui::crossterm::event::KeyCode;
use skifteplan::lang::Lang;
use skifteplan::progress::{self, ReadOutcome};
use skifteplan::tui::{App, Popup, Screen};
use tui_common::*;

fn done_cells(path: &Path) -> usize {
    let mut wb: Xlsx<_> = open_workbook(path).unwrap();
    let range = wb.worksheet_range("Handlinger").unwrap();
    let header: Vec<String> = range
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    let col = header
        .iter()
        .position(|h| h == "Udført")
        .expect("Udført column");
    range
        .rows()
        .skip(1)
        .filter(|r| !matches!(r.get(col), None | Some(Data::Empty)))
        .count()
}

fn total_done(app: &App) -> usize {
    app.workspace().unwrap().plan().unwrap().total_done()
}

#[test]
fn set_up_tick_quit_reopen_export() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = opened(dir.path(), Lang::Da, citizens());
    assert_eq!(app.screen(), Screen::Summary);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.screen(), Screen::Setup);
    setup_model_two(&mut app, "31-03-2026");
    assert_eq!(app.screen(), Screen::Plan);
    // Three ticks: the next action of the first citizen twice, then one of the second.
    ch(&mut app, ' ');
    ch(&mut app, ' ');
    ch(&mut app, 'j');
    ch(&mut app, ' ');
    assert_eq!(total_done(&app), 3);
    ch(&mut app, 'q');
    assert!(app.should_quit());
    drop(app);

    // The state file is there, with the ticks keyed by form, not by step.
    let ReadOutcome::Loaded(state) = progress::read(&state_file(dir.path())).unwrap() else {
        panic!("state file not written");
    };
    assert_eq!(state.ticks.len(), 3);
    assert_eq!(state.settings.as_ref().unwrap().kommune, "Testkommune");

    // Reopen: straight to the plan, everything as left.
    let mut app = opened(dir.path(), Lang::Da, citizens());
    assert_eq!(app.screen(), Screen::Plan);
    assert_eq!(total_done(&app), 3);
    let view = app.workspace().unwrap().plan().unwrap();
    assert_eq!(view.done_count(0), 2);
    assert_eq!(view.done_count(1), 1);

    // Export with the defaults beside the list; the sheet shows the three ticks.
    ch(&mut app, 'e');
    press(&mut app, KeyCode::Enter);
    app.wait_for_export();
    let xlsx = dir.path().join("aktivliste-handlinger.xlsx");
    assert!(xlsx.exists(), "{:?}", app.popups());
    assert!(dir.path().join("aktivliste-plan.json").exists());
    assert!(matches!(
        app.popups().last(),
        Some(Popup::Message { error: false, .. })
    ));
    assert_eq!(done_cells(&xlsx), 3);

    // A second export asks before replacing; "n" keeps the old file.
    press(&mut app, KeyCode::Esc);
    ch(&mut app, ' ');
    ch(&mut app, 'e');
    press(&mut app, KeyCode::Enter);
    assert!(matches!(
        app.popups().last(),
        Some(Popup::ConfirmReplace { .. })
    ));
    ch(&mut app, 'n');
    assert_eq!(done_cells(&xlsx), 3);
    ch(&mut app, 'e');
    press(&mut app, KeyCode::Enter);
    ch(&mut app, 'y');
    app.wait_for_export();
    assert_eq!(done_cells(&xlsx), 4);
}

#[test]
fn export_never_writes_over_the_list() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("aktivliste.xlsx"), "the list").unwrap();
    let mut app = opened(dir.path(), Lang::Da, citizens());
    press(&mut app, KeyCode::Enter);
    setup_model_two(&mut app, "31-03-2026");
    ch(&mut app, 'e');
    // The action sheet's field, typed over with the list's own path.
    for _ in 0..300 {
        press(&mut app, KeyCode::Backspace);
    }
    typ(
        &mut app,
        &dir.path().join("aktivliste.xlsx").display().to_string(),
    );
    press(&mut app, KeyCode::Enter);
    assert!(matches!(
        app.popups().last(),
        Some(Popup::Export { error: Some(_), .. })
    ));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("aktivliste.xlsx")).unwrap(),
        "the list"
    );
}

#[test]
fn changing_model_or_date_keeps_ticks_that_still_apply() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = opened(dir.path(), Lang::Da, citizens());
    press(&mut app, KeyCode::Enter);
    setup_model_two(&mut app, "31-03-2026");
    // Tick the last citizen's three actions: two closes and one registration of the anmodning.
    press(&mut app, KeyCode::End);
    ch(&mut app, ' ');
    ch(&mut app, ' ');
    ch(&mut app, ' ');
    ch(&mut app, ' ');
    assert_eq!(total_done(&app), 3);
    // A new D: same actions, other dates: all ticks stay.
    ch(&mut app, 'o');
    for _ in 0..10 {
        press(&mut app, KeyCode::Backspace);
    }
    typ(&mut app, "30-04-2026");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.screen(), Screen::Plan);
    assert_eq!(total_done(&app), 3);
    // Model 1: the registrations in the new system are the same actions; the closes are not.
    ch(&mut app, 'o');
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Left);
    press(&mut app, KeyCode::Enter);
    let view = app.workspace().unwrap().plan().unwrap();
    assert_eq!(view.model(), skifteplan::plan::Model::One);
    assert_eq!(total_done(&app), 2);
    // Back to model 2: the closes' ticks come back (they were kept in the state).
    ch(&mut app, 'o');
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Enter);
    assert_eq!(total_done(&app), 3);
}

#[test]
fn forgotten_case_asks_for_the_end_date_and_replans() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = opened(dir.path(), Lang::Da, citizens());
    press(&mut app, KeyCode::Enter);
    setup_model_two(&mut app, "31-03-2026");
    ch(&mut app, 'g');
    typ(&mut app, "32-01-2026");
    press(&mut app, KeyCode::Enter);
    assert!(matches!(
        app.popups().last(),
        Some(Popup::Forgotten { error: Some(_), .. })
    ));
    for _ in 0..10 {
        press(&mut app, KeyCode::Backspace);
    }
    typ(&mut app, "15-01-2026");
    press(&mut app, KeyCode::Enter);
    assert!(app.popups().is_empty());
    let view = app.workspace().unwrap().plan().unwrap();
    let c = &view.plan.citizens[0];
    assert_eq!(c.status, skifteplan::plan::Status::Glemt);
    assert!(c.actions.iter().all(|a| a.date == Some(d(2026, 1, 15))));
    assert!(c.actions.iter().all(|a| a.reason_text.is_none()));
    // Saved, and undone with g + y.
    let ReadOutcome::Loaded(state) = progress::read(&state_file(dir.path())).unwrap() else {
        panic!()
    };
    assert!(state.decisions["0101902000"].glemt);
    ch(&mut app, 'g');
    ch(&mut app, 'y');
    let view = app.workspace().unwrap().plan().unwrap();
    assert_eq!(
        view.plan.citizens[0].status,
        skifteplan::plan::Status::Aktiv
    );
}

#[test]
fn a_newer_list_shows_new_and_gone_citizens_and_keeps_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = opened(dir.path(), Lang::Da, citizens());
    press(&mut app, KeyCode::Enter);
    setup_model_two(&mut app, "31-03-2026");
    ch(&mut app, ' '); // Anna
    ch(&mut app, 'j');
    ch(&mut app, ' '); // Bo
    drop(app);
    // The newer list: Anna gone, a new citizen added.
    let mut newer = citizens();
    newer.remove(0);
    let mut extra = newer[0].clone();
    extra.cpr = skifteplan::domain::Cpr::parse("060666-7000").unwrap().0;
    extra.name = Some("Frida Friis".into());
    newer.push(extra);
    let path = dir.path().join("aktivliste.xlsx");
    let mut app = App::new(config(dir.path(), Lang::Da));
    app.finish_load(Ok((list(&path, newer), list_ref(&path, "f2"))));
    let Some(Popup::Message { lines, .. }) = app.popups().last() else {
        panic!("no changes shown")
    };
    let text = lines.join("\n");
    assert!(text.contains("060666-xxxx  Frida Friis"), "{text}");
    assert!(text.contains("010190-xxxx"), "{text}");
    assert!(!text.contains("0101902000"));
    assert_eq!(total_done(&app), 1, "Bo's tick is kept");
}

#[test]
fn a_foreign_state_file_is_kept_aside_and_told() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(state_file(dir.path()), "{\"some\": \"other program\"}").unwrap();
    let app = opened(dir.path(), Lang::En, citizens());
    let Some(Popup::Message { lines, .. }) = app.popups().last() else {
        panic!("not told")
    };
    assert!(lines.join(" ").contains("not from skifteplan"));
    let kept: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().contains(".kept-"))
        .collect();
    assert_eq!(kept.len(), 1);
    assert_eq!(
        std::fs::read_to_string(kept[0].path()).unwrap(),
        "{\"some\": \"other program\"}"
    );
}

#[test]
fn search_filter_and_reveal() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = opened(dir.path(), Lang::Da, citizens());
    press(&mut app, KeyCode::Enter);
    setup_model_two(&mut app, "31-03-2026");
    ch(&mut app, '/');
    typ(&mut app, "carla");
    assert_eq!(app.plan_view().unwrap().rows, vec![2]);
    press(&mut app, KeyCode::Esc);
    ch(&mut app, '/');
    typ(&mut app, "0404");
    assert_eq!(app.plan_view().unwrap().rows, vec![3]);
    press(&mut app, KeyCode::Esc);
    ch(&mut app, 'f'); // conflicts
    assert_eq!(app.plan_view().unwrap().rows, vec![1, 2, 3]);
    let masked = screen_text(&mut app, 80, 24);
    assert!(!masked.contains("020285-3000"));
    ch(&mut app, 'c');
    let full = screen_text(&mut app, 80, 24);
    assert!(full.contains("020285-3000") && full.contains("FULDT CPR VIST"));
}

#[test]
fn opens_the_bundled_sample_off_the_ui_thread() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let sample = root.join("sample-data/aktivliste-lille.xlsx");
    if !sample.exists() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("aktivliste-lille.xlsx");
    std::fs::copy(&sample, &copy).unwrap();
    let mut app = App::new(config(dir.path(), Lang::Da));
    app.open_path(copy.clone());
    assert_eq!(app.screen(), Screen::Loading);
    app.wait_for_load();
    assert_eq!(app.screen(), Screen::Summary, "{:?}", app.popups());
    let n = app.workspace().unwrap().list.citizens.len();
    assert!(n > 0);
    press(&mut app, KeyCode::Enter);
    setup_model_two(&mut app, "31-03-2026");
    for key in [' ', 'j', ' ', 'j', ' ', 'q'] {
        ch(&mut app, key);
    }
    let mut again = App::new(config(dir.path(), Lang::Da));
    again.open_path(copy);
    again.wait_for_load();
    assert_eq!(again.screen(), Screen::Plan);
    assert_eq!(total_done(&again), 3);
}

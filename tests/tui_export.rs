//! The export from the UI: it runs off the UI thread (the screen keeps drawing and shows the rows
//! written), Esc cancels it without touching any file, and it refuses to write the action sheet
//! and the JSON to one path.
#![allow(clippy::unwrap_used, clippy::panic)] // a test, bench or dev tool: a failed expectation may stop it

mod tui_common;

use std::path::Path;

use ratatui::crossterm::event::KeyCode;
use skifteplan::domain::{Anmodning, Citizen, Cpr, SourceRef};
use skifteplan::lang::Lang;
use skifteplan::tui::{App, Popup};
use tui_common::*;

/// `n` fictitious citizens, each with one anmodning before D.
fn many(n: usize) -> Vec<Citizen> {
    (0..n)
        .map(|i| {
            let cpr = format!(
                "{:02}{:02}{:02}-{:04}",
                1 + i % 28,
                1 + (i / 28) % 12,
                40 + (i / 336) % 50,
                1000 + i % 9000
            );
            let (cpr, class) = Cpr::parse(&cpr).unwrap();
            let mut c = Citizen::new(cpr, class);
            c.name = Some(format!("Borger {i}").into());
            c.anmodninger.push(Anmodning {
                id: Some(format!("A-{i}").into()),
                anmodningsdato: d(2024, 1, 10),
                ivaerksaettelsesdato: Some(d(2024, 1, 20)),
                tilbudstilknytning: None,
                kvalhep: None,
                source: SourceRef {
                    sheet: "Anmodninger".into(),
                    row: 2 + i as u32,
                },
            });
            c
        })
        .collect()
}

fn planned(dir: &Path, citizens: Vec<Citizen>) -> App {
    let mut app = opened(dir, Lang::Da, citizens);
    press(&mut app, KeyCode::Enter);
    setup_model_two(&mut app, "31-03-2026");
    app
}

/// Clears the focused field of the export prompt and types `text`.
fn retype(app: &mut App, text: &str) {
    for _ in 0..300 {
        press(app, KeyCode::Backspace);
    }
    typ(app, text);
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn the_screen_draws_the_rows_written_while_the_export_runs() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = planned(dir.path(), many(3000));
    ch(&mut app, 'e');
    press(&mut app, KeyCode::Enter);
    // The key returned at once: the export runs, and the frame shows its progress.
    let first = screen_text(&mut app, 100, 30);
    assert!(first.contains("Eksporterer"), "{first}");
    assert!(first.contains("Rækker skrevet: "), "{first}");
    let rows = app.workspace().unwrap().plan().unwrap().total_actions();
    assert!(first.contains(&format!(" / {rows}")), "{first}");
    assert!(app.export_busy());
    // Step and draw until it ends, as the event loop does.
    let mut frames = 1;
    while app.export_busy() {
        app.poll_export();
        let text = screen_text(&mut app, 100, 30);
        if app.export_busy() {
            assert!(text.contains("Rækker skrevet: "), "{text}");
        }
        frames += 1;
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    assert!(frames >= 2);
    assert!(matches!(
        app.popups().last(),
        Some(Popup::Message { error: false, .. })
    ));
    assert!(dir.path().join("aktivliste-handlinger.xlsx").is_file());
    // The JSON plan is written only when asked for.
    assert!(!dir.path().join("aktivliste-plan.json").exists());
}

#[test]
fn the_json_plan_is_off_until_space_asks_for_it_and_is_then_the_plan() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = planned(dir.path(), many(50));
    ch(&mut app, 'e');
    let text = screen_text(&mut app, 100, 30);
    assert!(
        text.contains("ingen · mellemrum: skriv også JSON-planen"),
        "{text}"
    );
    press(&mut app, KeyCode::Tab);
    ch(&mut app, ' ');
    let json = dir.path().join("aktivliste-plan.json");
    let text = screen_text(&mut app, 100, 30);
    assert!(text.contains("aktivliste-plan.json"), "{text}");
    // A space in a path being typed stays a space.
    ch(&mut app, ' ');
    press(&mut app, KeyCode::Backspace);
    press(&mut app, KeyCode::Enter);
    app.wait_for_export();
    assert!(matches!(
        app.popups().last(),
        Some(Popup::Message { error: false, .. })
    ));
    let plan = skifteplan::export::from_slice(&std::fs::read(&json).unwrap()).unwrap();
    assert_eq!(plan.counts.citizens, 50);
    let actions = app.workspace().unwrap().plan().unwrap().total_actions();
    assert_eq!(plan.counts.actions, actions);
    assert_eq!(
        plan.citizens.iter().map(|c| c.actions.len()).sum::<usize>(),
        actions
    );
}

#[test]
fn the_progress_is_drawn_in_english_too() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = opened(dir.path(), Lang::En, citizens());
    press(&mut app, KeyCode::Enter);
    setup_model_two(&mut app, "31-03-2026");
    ch(&mut app, 'e');
    press(&mut app, KeyCode::Enter);
    let text = screen_text(&mut app, 100, 30);
    assert!(text.contains("Exporting"), "{text}");
    assert!(text.contains("Rows written: "), "{text}");
    assert!(text.contains("Esc: cancel"), "{text}");
    app.wait_for_export();
    assert!(!app.export_busy());
}

#[test]
fn esc_cancels_the_export_and_leaves_the_old_files_as_they_were() {
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("aktivliste-handlinger.xlsx");
    let json = dir.path().join("aktivliste-plan.json");
    std::fs::write(&xlsx, "old sheet").unwrap();
    std::fs::write(&json, "old json").unwrap();
    let mut app = planned(dir.path(), many(4000));
    let before = files_in(dir.path());
    ch(&mut app, 'e');
    // The JSON plan too.
    press(&mut app, KeyCode::Tab);
    ch(&mut app, ' ');
    press(&mut app, KeyCode::Enter);
    assert!(matches!(
        app.popups().last(),
        Some(Popup::ConfirmReplace { .. })
    ));
    ch(&mut app, 'y');
    assert!(app.export_busy());
    press(&mut app, KeyCode::Esc);
    let text = screen_text(&mut app, 100, 30);
    assert!(text.contains("Afbryder"), "{text}");
    app.wait_for_export();
    assert!(!app.export_busy());
    assert_eq!(std::fs::read_to_string(&xlsx).unwrap(), "old sheet");
    assert_eq!(std::fs::read_to_string(&json).unwrap(), "old json");
    // No temporary file left, no e-mail written.
    assert_eq!(files_in(dir.path()), before);
    let status = screen_text(&mut app, 100, 30);
    assert!(status.contains("Eksporten er afbrudt"), "{status}");
}

#[test]
fn quitting_during_the_export_stops_it_and_leaves_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = planned(dir.path(), many(4000));
    let before = files_in(dir.path());
    ch(&mut app, 'e');
    press(&mut app, KeyCode::Enter);
    assert!(app.export_busy());
    ch(&mut app, 'q');
    assert!(app.should_quit());
    assert!(!app.export_busy());
    assert_eq!(files_in(dir.path()), before);
}

#[test]
fn the_action_sheet_and_the_json_may_not_share_a_path() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = planned(dir.path(), citizens());
    let before = files_in(dir.path());
    let same = dir.path().join("ud.xlsx").display().to_string();
    ch(&mut app, 'e');
    retype(&mut app, &same);
    press(&mut app, KeyCode::Tab);
    retype(&mut app, &same);
    press(&mut app, KeyCode::Enter);
    assert!(!app.export_busy());
    assert!(matches!(
        app.popups().last(),
        Some(Popup::Export { error: Some(_), .. })
    ));
    let text = screen_text(&mut app, 100, 30);
    assert!(
        text.contains("Handlingsarket og JSON-filen kan ikke have samme sti."),
        "{text}"
    );
    assert_eq!(files_in(dir.path()), before);
}

#[test]
fn the_json_may_not_take_the_mails_place() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = planned(dir.path(), citizens());
    let before = files_in(dir.path());
    ch(&mut app, 'e');
    retype(&mut app, &dir.path().join("ud.xlsx").display().to_string());
    press(&mut app, KeyCode::Tab);
    let mail = dir.path().join("ud.mail-til-dst.txt");
    retype(&mut app, &mail.display().to_string());
    press(&mut app, KeyCode::Enter);
    assert!(!app.export_busy());
    let text = screen_text(&mut app, 120, 30);
    assert!(
        text.contains("To af filerne ville skrive samme fil:"),
        "{text}"
    );
    assert_eq!(files_in(dir.path()), before);
}

#[test]
fn an_existing_mail_beside_the_sheet_is_named_and_asked_about_first() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = planned(dir.path(), citizens());
    let mail = dir.path().join("ud.mail-til-dst.txt");
    std::fs::write(&mail, "edited by hand").unwrap();
    ch(&mut app, 'e');
    retype(&mut app, &dir.path().join("ud.xlsx").display().to_string());
    press(&mut app, KeyCode::Tab);
    retype(&mut app, "");
    press(&mut app, KeyCode::Enter);
    assert!(!app.export_busy(), "nothing is written before the question");
    let text = screen_text(&mut app, 120, 30);
    assert!(text.contains("ud.mail-til-dst.txt"), "{text}");
    assert!(
        matches!(app.popups().last(), Some(Popup::ConfirmReplace { .. })),
        "{text}"
    );
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(std::fs::read_to_string(&mail).unwrap(), "edited by hand");
}

#[test]
fn the_json_may_not_be_written_over_the_progress_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = planned(dir.path(), citizens());
    let state = app.workspace().unwrap().store_path().to_path_buf();
    let saved = std::fs::read(&state).unwrap();
    ch(&mut app, 'e');
    retype(&mut app, "");
    press(&mut app, KeyCode::Tab);
    retype(&mut app, &state.display().to_string());
    press(&mut app, KeyCode::Enter);
    assert!(!app.export_busy());
    assert!(matches!(
        app.popups().last(),
        Some(Popup::Export { error: Some(_), .. })
    ));
    assert_eq!(std::fs::read(&state).unwrap(), saved);
}

//! Snapshots of every screen at 100×30 and 80×24 (text only; colours are in the theme).
#![allow(clippy::unwrap_used, clippy::panic)] // a test, bench or dev tool: a failed expectation may stop it

mod tui_common;

use ratatui::crossterm::event::KeyCode;
use skifteplan::lang::Lang;
use skifteplan::tui::App;
use tui_common::*;

fn snap(name: &str, app: &mut App) {
    for (w, h) in [(100, 30), (80, 24)] {
        let t = render(app, w, h);
        snapshot_settings().bind(|| {
            insta::assert_snapshot!(format!("tui_{name}_{w}x{h}"), t.backend());
        });
    }
}

fn planned(dir: &std::path::Path, lang: Lang) -> App {
    let mut app = opened(dir, lang, citizens());
    press(&mut app, KeyCode::Enter); // summary → set-up
    setup_model_two(&mut app, "31-03-2026");
    app
}

#[test]
fn start_screen() {
    let dir = tempfile::tempdir().unwrap();
    let samples = dir.path().join("sample-data");
    std::fs::create_dir(&samples).unwrap();
    std::fs::write(samples.join("aktivliste-lille.xlsx"), "x").unwrap();
    std::fs::write(samples.join("aktivliste-rodet.xlsx"), "x").unwrap();
    let mut app = App::new(config(dir.path(), Lang::Da));
    snap("start", &mut app);
}

#[test]
fn start_screen_error_for_a_missing_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::new(config(dir.path(), Lang::Da));
    press(&mut app, KeyCode::Enter); // "Åbn anden fil …" → path field
    typ(&mut app, "findes-ikke.xlsx");
    press(&mut app, KeyCode::Enter);
    let text = screen_text(&mut app, 80, 24);
    assert!(text.contains("Filen findes ikke"), "{text}");
    assert!(
        !text.contains("Ingen sådan fil"),
        "one wording for a missing file: {text}"
    );
    // The path shown is in a temporary folder: snapshot with a fixed folder instead, the path
    // typed but not yet opened, and the error shown.
    let mut app = App::new(config(dir.path(), Lang::Da));
    press(&mut app, KeyCode::Enter);
    typ(&mut app, "findes-ikke.xlsx");
    app.error(
        skifteplan::tui::T::ErrorTitle,
        vec!["Filen findes ikke: /data/findes-ikke.xlsx".into()],
    );
    snap("error", &mut app);
}

#[test]
fn start_screen_calls_a_folder_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("lister")).unwrap();
    let mut app = App::new(config(dir.path(), Lang::Da));
    press(&mut app, KeyCode::Enter);
    typ(&mut app, "lister");
    press(&mut app, KeyCode::Enter);
    let text = screen_text(&mut app, 80, 24);
    assert!(text.contains("Det er en mappe, ikke en fil"), "{text}");
    assert!(!text.contains("findes ikke"), "{text}");
}

#[test]
fn load_summary() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = opened(dir.path(), Lang::Da, citizens());
    snap("summary", &mut app);
}

#[test]
fn setup_screen() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = opened(dir.path(), Lang::Da, citizens());
    press(&mut app, KeyCode::Enter);
    typ(&mut app, "Testkommune");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    typ(&mut app, "31-12-2026");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Right);
    snap("setup", &mut app);
}

#[test]
fn plan_with_conflicts() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = planned(dir.path(), Lang::Da);
    // Tick two actions of the first citizen.
    ch(&mut app, ' ');
    ch(&mut app, ' ');
    snap("plan", &mut app);
    press(&mut app, KeyCode::Tab);
    ch(&mut app, 'j');
    ch(&mut app, 'j');
    snap("plan_actions", &mut app);
}

#[test]
fn plan_in_english() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = planned(dir.path(), Lang::En);
    snap("plan_en", &mut app);
}

#[test]
fn empty_list() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = opened(dir.path(), Lang::Da, Vec::new());
    press(&mut app, KeyCode::Enter);
    setup_model_two(&mut app, "31-03-2026");
    snap("empty", &mut app);
}

#[test]
fn help_overlay() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = planned(dir.path(), Lang::Da);
    ch(&mut app, '?');
    snap("help", &mut app);
}

#[test]
fn forgotten_prompt_and_export_dialog() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = planned(dir.path(), Lang::Da);
    ch(&mut app, 'g');
    typ(&mut app, "15-01-2026");
    snap("forgotten", &mut app);
    press(&mut app, KeyCode::Enter);
    snap("plan_forgotten", &mut app);
}

#[test]
fn load_summary_says_how_the_list_was_read() {
    use skifteplan::aktivliste::{HiddenRows, LoadNote};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("aktivliste.xlsx");
    let mut list = list(&path, citizens());
    list.notes = vec![
        LoadNote::HiddenSheet {
            sheet: "Indskrivninger".into(),
            very: false,
        },
        LoadNote::HiddenRows {
            sheet: "Anmodninger".into(),
            rows: HiddenRows {
                count: 2,
                first: vec![4, 9],
            },
        },
    ];
    let mut app = App::new(config(dir.path(), Lang::Da));
    app.finish_load(Ok((list, list_ref(&path, "f1"))));
    let text = screen_text(&mut app, 120, 40);
    assert!(text.contains("Sådan er listen læst"), "{text}");
    assert!(
        text.contains("arket 'Indskrivninger' er skjult i projektmappen"),
        "{text}"
    );
    assert!(
        text.contains("arket 'Anmodninger' har 2 skjulte rækker (række 4, 9)"),
        "{text}"
    );
}

//! The e-mail to DST in the UI: snapshots of it, and the flows around it (the set-up's go-live
//! and deadline survive a restart, the e-mail is written beside the export and never holds a
//! CPR).

mod tui_common;

use std::path::{Path, PathBuf};

use ratatui::crossterm::event::KeyCode;
use skifteplan::lang::Lang;
use skifteplan::tui::{App, Popup, Screen};
use tui_common::*;

fn snap(name: &str, app: &mut App) {
    for (w, h) in [(100, 30), (80, 24)] {
        let t = render(app, w, h);
        snapshot_settings().bind(|| {
            insta::assert_snapshot!(format!("tui_{name}_{w}x{h}"), t.backend());
        });
    }
}

/// The bundled sample list (six fictitious citizens, `;`-separated) copied into `dir`.
fn sample_list(dir: &Path) -> PathBuf {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/sample-data/aktivliste.csv"
    ))
    .unwrap();
    let path = dir.join("aktivliste.csv");
    std::fs::write(&path, text).unwrap();
    path
}

/// The sample list opened in `dir` (the working folder), planned with model 2 and D 31-03-2026.
fn planned_sample(dir: &Path, lang: Lang) -> App {
    let list = sample_list(dir);
    let mut app = App::new(config(dir, lang));
    app.open_blocking(&list).unwrap();
    press(&mut app, KeyCode::Enter); // summary → set-up
    setup_model_two(&mut app, "31-03-2026");
    assert_eq!(app.screen, Screen::Plan);
    app
}

/// Every CPR of the sample (and one more), full and masked, and its first six digits.
const CPRS: [&str; 7] = [
    "1710701632",
    "1406941503",
    "2803761348",
    "1208882739",
    "1906611208",
    "0707972599",
    "1505902806",
];

fn assert_no_cpr(text: &str) {
    for c in CPRS {
        for form in [
            c.to_string(),
            format!("{}-{}", &c[..6], &c[6..]),
            c[..6].to_string(),
        ] {
            assert!(!text.contains(&form), "{form} in:\n{text}");
        }
    }
}

fn popup_mail(app: &App) -> String {
    match app.popups.last() {
        Some(Popup::Mail { text, .. }) => text.clone(),
        other => panic!("no mail popup: {other:?}"),
    }
}

// ---- the e-mail to DST ------------------------------------------------------------------

#[test]
fn mail_popup_copies_and_writes() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = opened(dir.path(), Lang::Da, citizens());
    press(&mut app, KeyCode::Enter);
    setup_model_two(&mut app, "31-03-2026");
    ch(&mut app, 'm');
    let text = popup_mail(&app);
    assert!(
        text.contains("SMDB@dst.dk") && text.contains("Testkommune"),
        "{text}"
    );
    assert!(
        text.contains("Leverandør A/S") && text.contains("NytSystem"),
        "{text}"
    );
    assert!(text.contains("01-04-2026"), "go-live D + 1: {text}");
    snap("mail", &mut app);

    ch(&mut app, 'c');
    snap("mail_copied", &mut app);
    let out = std::mem::take(&mut app.to_terminal);
    assert!(out.starts_with(b"\x1b]52;c;") && out.ends_with(b"\x07"));
    let payload = std::str::from_utf8(&out[7..out.len() - 1]).unwrap();
    assert_eq!(base64_decode(payload), text.as_bytes());

    ch(&mut app, 'w');
    let written = dir.path().join("aktivliste-handlinger.mail-til-dst.txt");
    assert_eq!(std::fs::read_to_string(&written).unwrap(), text);
    snap("mail_written_path_hidden", &mut hide_path(app));
}

/// The app with the written path in the popup's note replaced (the folder is temporary).
fn hide_path(mut app: App) -> App {
    if let Some(Popup::Mail {
        note: Some((n, _)), ..
    }) = app.popups.last_mut()
    {
        *n = "Skrevet: /data/aktivliste-handlinger.mail-til-dst.txt".into();
    }
    app.status = None;
    app
}

fn base64_decode(s: &str) -> Vec<u8> {
    const ABC: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut bits = 0u32;
    let mut n = 0;
    let mut out = Vec::new();
    for c in s.chars().filter(|c| *c != '=') {
        bits = (bits << 6) | ABC.find(c).unwrap() as u32;
        n += 6;
        if n >= 8 {
            n -= 8;
            out.push((bits >> n) as u8);
            bits &= (1 << n) - 1;
        }
    }
    out
}

#[test]
fn mail_popup_in_english() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = opened(dir.path(), Lang::En, citizens());
    press(&mut app, KeyCode::Enter);
    setup_model_two(&mut app, "31-03-2026");
    ch(&mut app, 'm');
    snap("mail_en", &mut app);
    press(&mut app, KeyCode::Esc);
    assert!(app.popups.is_empty());
    assert_eq!(app.screen, Screen::Plan);
}

#[test]
fn the_mail_holds_no_cpr_even_when_full_cpr_is_shown() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = planned_sample(dir.path(), Lang::Da);
    ch(&mut app, 'c');
    assert!(app.show_cpr);
    assert!(screen_text(&mut app, 100, 30).contains("171070-1632"));
    ch(&mut app, 'm');
    let text = popup_mail(&app);
    assert_no_cpr(&text);
    assert!(!text.contains("xxxx"), "{text}");
    press(&mut app, KeyCode::Esc);
    // The export with full CPR: the sheet holds them, the e-mail beside it does not.
    ch(&mut app, 'e');
    press(&mut app, KeyCode::Enter);
    let mail = dir.path().join("aktivliste-handlinger.mail-til-dst.txt");
    let written = std::fs::read_to_string(&mail).unwrap();
    assert_no_cpr(&written);
    assert_eq!(written, text);
}

#[test]
fn the_ui_export_writes_the_mail_beside_the_action_sheet() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = opened(dir.path(), Lang::Da, citizens());
    press(&mut app, KeyCode::Enter);
    setup_model_two(&mut app, "31-03-2026");
    ch(&mut app, 'e');
    press(&mut app, KeyCode::Enter);
    let xlsx = dir.path().join("aktivliste-handlinger.xlsx");
    let mail = dir.path().join("aktivliste-handlinger.mail-til-dst.txt");
    assert!(xlsx.is_file());
    let text = std::fs::read_to_string(&mail).unwrap();
    assert!(text.starts_with("Til: SMDB@dst.dk"), "{text}");
    match app.popups.last() {
        Some(Popup::Message { lines, .. }) => {
            assert!(
                lines
                    .iter()
                    .any(|l| l.ends_with("aktivliste-handlinger.mail-til-dst.txt")),
                "{lines:?}"
            );
        }
        other => panic!("no message: {other:?}"),
    }
    app.popups.clear();

    // JSON only: the e-mail goes beside the JSON file.
    ch(&mut app, 'e');
    for _ in 0..200 {
        press(&mut app, KeyCode::Backspace);
    }
    press(&mut app, KeyCode::Tab);
    for _ in 0..200 {
        press(&mut app, KeyCode::Backspace);
    }
    typ(&mut app, &dir.path().join("ud.json").display().to_string());
    press(&mut app, KeyCode::Enter);
    assert!(dir.path().join("ud.json").is_file());
    assert!(dir.path().join("ud.mail-til-dst.txt").is_file());
}

// ---- set-up: go-live and deadline ------------------------------------------------------

#[test]
fn go_live_and_deadline_survive_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = opened(dir.path(), Lang::Da, citizens());
    press(&mut app, KeyCode::Enter);
    typ(&mut app, "Testkommune");
    for _ in 0..3 {
        press(&mut app, KeyCode::Tab);
    }
    typ(&mut app, "31-03-2026");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Right); // model 1
    press(&mut app, KeyCode::Tab); // reason
    press(&mut app, KeyCode::Tab); // go-live
    typ(&mut app, "15-04-2026");
    press(&mut app, KeyCode::Tab); // deadline (model 1)
    typ(&mut app, "30-06-2026");
    snap("mail_setup_model_1", &mut app);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.screen, Screen::Plan);
    ch(&mut app, 'q');
    drop(app);

    let state = std::fs::read_to_string(state_file(dir.path())).unwrap();
    assert!(state.contains("\"go_live\": \"2026-04-15\""), "{state}");
    assert!(state.contains("\"deadline\": \"2026-06-30\""), "{state}");

    let mut app = opened(dir.path(), Lang::Da, citizens());
    assert_eq!(app.screen, Screen::Plan);
    assert_eq!(app.setup.go_live, "15-04-2026");
    assert_eq!(app.setup.deadline, "30-06-2026");
    ch(&mut app, 'm');
    let text = popup_mail(&app);
    assert!(text.contains("Planlagt go-live: 15-04-2026"), "{text}");
    assert!(text.contains("alle aktive borgere: 30-06-2026"), "{text}");
}

#[test]
fn an_old_state_file_without_go_live_and_deadline_loads() {
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("aktivliste.xlsx");
    let old = format!(
        r#"{{
  "format": "skifteplan-state",
  "version": 1,
  "list": {{"file_name": "aktivliste.xlsx", "path": {path:?}, "size": 1, "fingerprint": "f1"}},
  "settings": {{"model": "1", "switch_date": "2026-03-31", "reason_text": "Systemskift",
               "kommune": "Testkommune", "vendor": "", "system_name": ""}},
  "columns": [],
  "citizens": [],
  "ticks": []
}}
"#,
        path = list.display().to_string()
    );
    std::fs::write(state_file(dir.path()), old).unwrap();
    let mut app = opened(dir.path(), Lang::Da, citizens());
    assert_eq!(app.screen, Screen::Plan, "the old state applies");
    assert_eq!(app.setup.go_live, "");
    assert_eq!(app.setup.deadline, "");
    ch(&mut app, 'm');
    let text = popup_mail(&app);
    assert!(text.contains("Planlagt go-live: 01-04-2026"), "{text}");
    assert!(text.contains("[angiv deadline]"), "{text}");
}

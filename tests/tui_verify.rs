//! The follow-up against a later list and the e-mail to DST in the UI: snapshots of both
//! screens, and the flows around them (ticks count as done, the set-up's go-live and deadline
//! survive a restart, the e-mail is written beside the export and never holds a CPR).
#![allow(clippy::unwrap_used, clippy::panic)] // a test, bench or dev tool: a failed expectation may stop it

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

/// The sample list some weeks on: Maja, Niels and Rita are done (gone), Lars and Olga still
/// active, Poul re-entered in SMDB after D, and Sofie new.
fn later_list(dir: &Path) -> PathBuf {
    let text = "\u{feff}Aktivliste for Fiktiv Kommune (fiktive data);;;;;;;\n\
        CPR;Navn;Anmodning ID;Anmodningsdato;Iværksættelsesdato;Tilbud;Tilknytningsdato;KvalHep\n\
        171070-1632;Lars Semikolonsen;C-3001;03-03-2025;17-03-2025;Rusmiddelcenter Fiktiv By;24-03-2025;\n\
        120888-2739;Olga Bomsen;C-3004;06.10.2025;20.10.2025;Fiktiv Dagbehandling;27.10.2025;03-11-2025\n\
        190661-1208;Poul Prøvefil;C-3105;06-04-2026;;;;\n\
        150590-2806;Sofie Nysen;C-3107;07-04-2026;;;;\n";
    let path = dir.join("senere.csv");
    std::fs::write(&path, text).unwrap();
    path
}

/// The sample list opened in `dir` (the working folder), planned with model 2 and D 31-03-2026.
fn planned_sample(dir: &Path, lang: Lang) -> App {
    planned_sample_with(dir, config(dir, lang))
}

fn planned_sample_with(dir: &Path, cfg: skifteplan::tui::AppConfig) -> App {
    let list = sample_list(dir);
    let mut app = App::new(cfg);
    app.open_blocking(&list).unwrap();
    press(&mut app, KeyCode::Enter); // summary → set-up
    setup_model_two(&mut app, "31-03-2026");
    assert_eq!(app.screen(), Screen::Plan);
    app
}

/// From the plan: `v`, the later list's name completed with Tab, Enter, and the read awaited.
fn verify_later(app: &mut App) {
    ch(app, 'v');
    assert_eq!(app.screen(), Screen::Verify);
    // A second visit offers the last later list: type it again all the same.
    let typed = app.verify().unwrap().field.path.chars().count();
    for _ in 0..typed {
        press(app, KeyCode::Backspace);
    }
    typ(app, "sen");
    press(app, KeyCode::Tab);
    assert_eq!(app.verify().unwrap().field.path, "senere.csv");
    press(app, KeyCode::Enter);
    app.wait_for_verify();
}

/// A listed citizen's group (as `Blocking`, `Done`, …) and what is left.
fn entry(app: &App, name: &str) -> (String, String) {
    let e = app
        .verify()
        .unwrap()
        .checked
        .as_ref()
        .unwrap()
        .entries
        .iter()
        .find(|e| e.name == name)
        .unwrap_or_else(|| panic!("{name} not listed"));
    (format!("{:?}", e.group), e.detail.clone())
}

/// Every CPR of the sample and the later list, full and masked, and its first six digits.
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
    match app.popups().last() {
        Some(Popup::Mail { text, .. }) => text.clone(),
        other => panic!("no mail popup: {other:?}"),
    }
}

// ---- verify -----------------------------------------------------------------------------

#[test]
fn verify_screen_groups_blocking_first() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = planned_sample(dir.path(), Lang::Da);
    later_list(dir.path());
    ch(&mut app, 'v');
    typ(&mut app, "sen");
    press(&mut app, KeyCode::Tab);
    snap("verify_prompt", &mut app);
    press(&mut app, KeyCode::Enter);
    app.wait_for_verify();
    assert!(!app.verify().unwrap().editing);
    snap("verify", &mut app);
    // The filter shows one group at a time, blocking first.
    ch(&mut app, 'f');
    let text = screen_text(&mut app, 80, 24);
    assert!(text.contains("Filter: Blokerer"), "{text}");
    assert!(!text.contains("Færdig  "), "{text}");
    // Esc goes back to the plan.
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.screen(), Screen::Plan);
}

#[test]
fn a_click_selects_a_citizen_of_the_follow_up() {
    use ratatui::crossterm::event::{Event, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
    let dir = tempfile::tempdir().unwrap();
    let mut app = planned_sample(dir.path(), Lang::Da);
    later_list(dir.path());
    verify_later(&mut app);
    screen_text(&mut app, 100, 30);
    let a = app.areas().citizens;
    let click = |row| {
        Event::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column: a.x + 5,
            row,
            modifiers: KeyModifiers::NONE,
        })
    };
    assert_eq!(app.verify().unwrap().selected, 0);
    app.handle_event(&click(a.y + 2));
    assert_eq!(app.verify().unwrap().selected, 2);
    // Below the list or outside it: nothing changes.
    app.handle_event(&click(a.y + a.height + 1));
    assert_eq!(app.verify().unwrap().selected, 2);
}

#[test]
fn verify_screen_in_english() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = planned_sample(dir.path(), Lang::En);
    later_list(dir.path());
    verify_later(&mut app);
    ch(&mut app, 'j');
    snap("verify_en", &mut app);
}

#[test]
fn ticks_count_as_done_steps() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = planned_sample(dir.path(), Lang::En);
    later_list(dir.path());
    verify_later(&mut app);
    let (group, before) = entry(&app, "Lars Semikolonsen");
    assert_eq!(group, "Blocking");
    let steps_before = before.matches("step ").count();
    assert!(steps_before > 1, "{before}");
    assert_eq!(entry(&app, "Maja Kommasen").0, "Done");
    assert_eq!(entry(&app, "Niels Tekstfil").0, "Done");
    assert_eq!(entry(&app, "Rita Rækkesen").0, "Done");
    assert_eq!(entry(&app, "Olga Bomsen").0, "Blocking");
    let (group, why) = entry(&app, "Poul Prøvefil");
    assert_eq!(group, "Early");
    assert!(why.contains("06-04-2026"), "{why}");
    let (group, why) = entry(&app, "Sofie Nysen");
    assert_eq!(group, "New");
    assert!(why.contains("07-04-2026"), "{why}");

    // Back on the plan, tick Lars's next two steps: two fewer left.
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.screen(), Screen::Plan);
    ch(&mut app, ' ');
    ch(&mut app, ' ');
    verify_later(&mut app);
    let (_, after) = entry(&app, "Lars Semikolonsen");
    assert_eq!(after.matches("step ").count(), steps_before - 2, "{after}");
}

/// The sample list after go-live: Lars re-entered from D + 1, Olga's old case still active,
/// Poul back on another date than D + 1; Maja, Niels and Rita gone.
fn after_go_live_list(dir: &Path) -> PathBuf {
    let text = "CPR;Navn;Anmodning ID;Anmodningsdato;Iværksættelsesdato\n\
        171070-1632;Lars Semikolonsen;N-4001;01-04-2026;01-04-2026\n\
        120888-2739;Olga Bomsen;C-3004;06.10.2025;20.10.2025\n\
        190661-1208;Poul Prøvefil;N-4005;06-04-2026;\n";
    let path = dir.join("senere.csv");
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn after_the_set_ups_go_live_re_entered_and_missing_are_told_apart() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = skifteplan::tui::AppConfig::fixed(Lang::Da, d(2026, 4, 30), dir.path().to_path_buf());
    let mut app = planned_sample_with(dir.path(), cfg);
    after_go_live_list(dir.path());
    verify_later(&mut app);
    let (group, what) = entry(&app, "Lars Semikolonsen");
    assert_eq!(group, "ReEntered", "{what}");
    assert_eq!(
        what,
        "genindberettet: anmodning N-4001 med startdato 01-04-2026"
    );
    let (group, what) = entry(&app, "Maja Kommasen");
    assert_eq!(group, "ReentryMissing", "{what}");
    assert!(
        what.starts_with(
            "lukket i SMDB, men ingen aktiv anmodning med startdato 01-04-2026 (D + 1) i listen; mangler: "
        ),
        "{what}"
    );
    assert_eq!(entry(&app, "Niels Tekstfil").0, "ReentryMissing");
    assert_eq!(entry(&app, "Olga Bomsen").0, "Blocking");
    let (group, what) = entry(&app, "Poul Prøvefil");
    assert_eq!(group, "Early");
    assert!(what.contains("planen giver 01-04-2026"), "{what}");
    let text = screen_text(&mut app, 100, 30);
    assert!(text.contains("Ikke genindberettet 3"), "{text}");
    assert!(text.contains("Genindberettet 1"), "{text}");
    assert!(text.contains("go-live 01-04-2026 (D + 1)"), "{text}");

    // The same list with go-live set to 15-05-2026 in the set-up: still before go-live, so
    // Lars from D + 1 is too early and the citizens gone are done.
    let dir = tempfile::tempdir().unwrap();
    let list = sample_list(dir.path());
    let cfg = skifteplan::tui::AppConfig::fixed(Lang::Da, d(2026, 4, 30), dir.path().to_path_buf());
    let mut app = App::new(cfg);
    app.open_blocking(&list).unwrap();
    press(&mut app, KeyCode::Enter);
    for _ in 0..3 {
        press(&mut app, KeyCode::Tab);
    }
    typ(&mut app, "31-03-2026");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Right); // model 2
    press(&mut app, KeyCode::Tab); // reason
    press(&mut app, KeyCode::Tab); // go-live
    typ(&mut app, "15-05-2026");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.screen(), Screen::Plan);
    assert_eq!(app.setup().go_live, "15-05-2026");
    after_go_live_list(dir.path());
    verify_later(&mut app);
    assert_eq!(entry(&app, "Lars Semikolonsen").0, "Early");
    assert_eq!(entry(&app, "Maja Kommasen").0, "Done");
    let text = screen_text(&mut app, 100, 30);
    assert!(text.contains("go-live 15-05-2026 "), "{text}");
    assert!(!text.contains("(D + 1)"), "{text}");
}

#[test]
fn an_unreadable_later_list_is_told_not_fatal() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = planned_sample(dir.path(), Lang::En);
    std::fs::write(dir.path().join("broken.xlsx"), "not a spreadsheet").unwrap();
    ch(&mut app, 'v');
    typ(&mut app, "findes-ikke.csv");
    press(&mut app, KeyCode::Enter);
    let text = screen_text(&mut app, 80, 24);
    assert!(text.contains("No such file"), "{text}");
    for _ in 0.."findes-ikke.csv".len() {
        press(&mut app, KeyCode::Backspace);
    }
    typ(&mut app, "broken.xlsx");
    press(&mut app, KeyCode::Enter);
    app.wait_for_verify();
    let v = app.verify().unwrap();
    assert!(v.editing && v.checked.is_none());
    assert!(v.error.is_some());
    // Esc without a result goes back to the plan.
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.screen(), Screen::Plan);
}

#[test]
fn verify_shows_full_cpr_only_when_the_plan_does() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = planned_sample(dir.path(), Lang::Da);
    later_list(dir.path());
    verify_later(&mut app);
    let text = screen_text(&mut app, 100, 30);
    assert!(text.contains("171070-xxxx"), "{text}");
    assert!(!text.contains("171070-1632"), "{text}");
    press(&mut app, KeyCode::Esc);
    ch(&mut app, 'c'); // full CPR on the plan screen, by choice
    verify_later(&mut app);
    let text = screen_text(&mut app, 100, 30);
    assert!(text.contains("171070-1632"), "{text}");
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
    let out = app.take_terminal_output();
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
    }) = app.top_popup_mut_for_tests()
    {
        *n = "Skrevet: /data/aktivliste-handlinger.mail-til-dst.txt".into();
    }
    app.clear_status_for_tests();
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
    assert!(app.popups().is_empty());
    assert_eq!(app.screen(), Screen::Plan);
}

#[test]
fn the_mail_holds_no_cpr_even_when_full_cpr_is_shown() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = planned_sample(dir.path(), Lang::Da);
    ch(&mut app, 'c');
    assert!(app.shows_cpr());
    assert!(screen_text(&mut app, 100, 30).contains("171070-1632"));
    ch(&mut app, 'm');
    let text = popup_mail(&app);
    assert_no_cpr(&text);
    assert!(!text.contains("xxxx"), "{text}");
    press(&mut app, KeyCode::Esc);
    // The export with full CPR: the sheet holds them, the e-mail beside it does not.
    ch(&mut app, 'e');
    press(&mut app, KeyCode::Enter);
    app.wait_for_export();
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
    app.wait_for_export();
    let xlsx = dir.path().join("aktivliste-handlinger.xlsx");
    let mail = dir.path().join("aktivliste-handlinger.mail-til-dst.txt");
    assert!(xlsx.is_file());
    let text = std::fs::read_to_string(&mail).unwrap();
    assert!(text.starts_with("Til: SMDB@dst.dk"), "{text}");
    match app.popups().last() {
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
    press(&mut app, KeyCode::Esc);
    assert!(app.popups().is_empty(), "{:?}", app.popups());

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
    app.wait_for_export();
    assert!(dir.path().join("ud.json").is_file());
    assert!(dir.path().join("ud.mail-til-dst.txt").is_file());
}

#[test]
fn a_folder_where_the_mail_goes_is_refused_before_anything_is_written() {
    let dir = tempfile::tempdir().unwrap();
    // A folder where the e-mail should go: outputs replace only regular files, so the export
    // dialog says so at once and writes nothing (it used to fail after the action sheet).
    std::fs::create_dir(dir.path().join("aktivliste-handlinger.mail-til-dst.txt")).unwrap();
    let mut app = opened(dir.path(), Lang::Da, citizens());
    press(&mut app, KeyCode::Enter);
    setup_model_two(&mut app, "31-03-2026");
    ch(&mut app, 'e');
    press(&mut app, KeyCode::Enter);
    app.wait_for_export();
    let shown = format!("{:?}", app.popups());
    assert!(
        shown.contains("Det er en mappe, ikke en fil") && shown.contains("mail-til-dst.txt"),
        "{shown}"
    );
    assert!(!dir.path().join("aktivliste-handlinger.xlsx").exists());
    assert!(!dir.path().join("aktivliste-plan.json").exists());
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
    assert_eq!(app.screen(), Screen::Plan);
    ch(&mut app, 'q');
    drop(app);

    let progress = stored(dir.path());
    let settings = progress.settings().unwrap();
    assert_eq!(settings.go_live, Some(d(2026, 4, 15)));
    assert_eq!(settings.deadline, Some(d(2026, 6, 30)));

    let mut app = opened(dir.path(), Lang::Da, citizens());
    assert_eq!(app.screen(), Screen::Plan);
    assert_eq!(app.setup().go_live, "15-04-2026");
    assert_eq!(app.setup().deadline, "30-06-2026");
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
    assert_eq!(app.screen(), Screen::Plan, "the old state applies");
    // Imported into the store once, and said so; the old file is kept under another name.
    assert!(
        matches!(app.popups().last(), Some(Popup::Message { lines, .. })
            if lines[0].contains("flyttet ind i lageret")),
        "{:?}",
        app.popups()
    );
    assert!(!state_file(dir.path()).exists());
    assert!(
        dir.path()
            .join("aktivliste.skifteplan.imported.json")
            .exists()
    );
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.setup().go_live, "");
    assert_eq!(app.setup().deadline, "");
    ch(&mut app, 'm');
    let text = popup_mail(&app);
    assert!(text.contains("Planlagt go-live: 01-04-2026"), "{text}");
    assert!(text.contains("[angiv deadline]"), "{text}");
}

#[test]
fn interim_model_shows_the_old_cases_still_open_with_days() {
    let dir = tempfile::tempdir().unwrap();
    let list = sample_list(dir.path());
    let mut app = App::new(config(dir.path(), Lang::Da));
    app.open_blocking(&list).unwrap();
    press(&mut app, KeyCode::Enter);
    typ(&mut app, "Testkommune");
    for _ in 0..3 {
        press(&mut app, KeyCode::Tab);
    }
    typ(&mut app, "31-03-2026");
    press(&mut app, KeyCode::Tab);
    for _ in 0..3 {
        press(&mut app, KeyCode::Right); // 1, 2, mellem
    }
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.screen(), Screen::Plan);
    later_list(dir.path());
    verify_later(&mut app);
    // Lars's anmodning of 03-03-2025 has been open 393 days on 31-03-2026.
    let (group, what) = entry(&app, "Lars Semikolonsen");
    assert_eq!(group, "Open");
    assert!(
        what.contains("03-03-2025") && what.contains("åben i 393 dage"),
        "{what}"
    );
    assert_eq!(entry(&app, "Poul Prøvefil").0, "Early");
    assert_eq!(entry(&app, "Maja Kommasen").0, "Done");
    snap("verify_mellem", &mut app);
}

#[test]
fn light_theme_and_no_color_show_the_same_screens() {
    let mut seen: Vec<(String, String)> = Vec::new();
    for (light, no_color) in [(false, false), (true, false), (false, true)] {
        let dir = tempfile::tempdir().unwrap();
        let mut cfg = config(dir.path(), Lang::Da);
        cfg.light = light;
        cfg.no_color = no_color;
        let mut app = planned_sample_with(dir.path(), cfg);
        ch(&mut app, 'm');
        let mail = screen_text(&mut app, 80, 24);
        // `?` over the e-mail shows its keys, and Esc goes back to it.
        ch(&mut app, '?');
        let help = screen_text(&mut app, 80, 24);
        assert!(
            help.contains("kopiér") && help.contains("gem som fil"),
            "{help}"
        );
        press(&mut app, KeyCode::Esc);
        assert!(matches!(app.popups().last(), Some(Popup::Mail { .. })));
        press(&mut app, KeyCode::Esc);
        later_list(dir.path());
        verify_later(&mut app);
        let verify = screen_text(&mut app, 80, 24);
        if no_color {
            let t = render(&mut app, 80, 24);
            let buf = t.backend().buffer();
            let plain = buf.content().iter().all(|c| {
                c.fg == ratatui::style::Color::Reset && c.bg == ratatui::style::Color::Reset
            });
            assert!(plain, "NO_COLOR: no colours on the follow-up screen");
        }
        seen.push((mail, verify));
    }
    assert!(
        seen.windows(2).all(|w| w[0] == w[1]),
        "the text does not depend on the theme"
    );
}

//! Review mode: a plan exported from the messy sample, read back read-only, clean and tampered
//! (cells changed the way a person in a spreadsheet program would), with the check's findings
//! beside the rows they concern. Snapshots of the screen, and key-driven flows.
#![allow(clippy::unwrap_used, clippy::panic)] // a test, bench or dev tool: a failed expectation may stop it

mod sheet_edit;
mod tui_common;

use std::path::{Path, PathBuf};

use calamine::Data;
use ratatui::crossterm::event::KeyCode;
use sheet_edit::{Grid, col, read_sheets, sheet, write_sheets};
use skifteplan::aktivliste::{LoadOptions, load};
use skifteplan::export::{ExportInput, write_json_to, xlsx_bytes};
use skifteplan::lang::Lang;
use skifteplan::plan::{self, Action, CitizenPlan, Model, Settings};
use skifteplan::review::FindingKind;
use skifteplan::tui::{App, Popup, Screen};
use tui_common::*;

fn export(model: Model, json: bool) -> Vec<u8> {
    export_with(model, json, false)
}

fn export_with(model: Model, json: bool, show_cpr: bool) -> Vec<u8> {
    export_of(model, json, show_cpr, false)
}

/// The messy sample's plan, with its conflicts open, or all of them decided.
fn export_of(model: Model, json: bool, show_cpr: bool, decided: bool) -> Vec<u8> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    let list = load(&dir.join("aktivliste-rodet.xlsx"), &LoadOptions::default()).unwrap();
    let mut settings = Settings::new(model, d(2026, 3, 31));
    if decided {
        decide_all(&list.citizens, &mut settings);
    }
    let plan = plan::plan(&list.citizens, &settings);
    let none = |_: &CitizenPlan, _: &Action| None;
    let input = ExportInput {
        plan: &plan,
        list: &list,
        show_cpr,
        lang: Lang::Da,
        generated_at: d(2026, 3, 1).and_hms_opt(9, 0, 0).unwrap(),
        done: &none,
    };
    if json {
        let mut out = Vec::new();
        write_json_to(&mut out, &input).unwrap();
        out
    } else {
        xlsx_bytes(&input).unwrap()
    }
}

/// The 0-based index of the first row of Handlinger after `after` matching (Handling, Skema).
fn find_row(grid: &Grid, after: usize, action: &str, form: &str) -> usize {
    let (a, f) = (col(grid, "Handling"), col(grid, "Skema"));
    (after + 1..grid.len())
        .find(|&i| grid[i][a] == action && grid[i][f] == form)
        .expect("a matching row")
}

/// The tampered plan: three cells of Handlinger and one count of Oversigt changed. Returns the
/// bytes and the Excel rows of the changed action cells.
fn tampered() -> (Vec<u8>, [u32; 3]) {
    let mut sheets = read_sheets(&export(Model::Two, false));
    let g = sheet(&mut sheets, "Handlinger");
    // A close moved to the day before D (row of the second citizen's Behandling close).
    let first = find_row(g, 0, "Afslut", "Behandling");
    let i = find_row(g, first, "Afslut", "Behandling");
    let c = col(g, "Dato");
    g[i][c] = Data::String("30-03-2026".into());
    // Another close described as something other than "Systemskift".
    let j = find_row(g, i, "Afslut", "Tilbudstilknytning");
    let t = col(g, "Beskrivelse");
    g[j][t] = Data::String("Flytning".into());
    // A re-entry a day early.
    let k = find_row(g, j, "Registrér", "Anmodning");
    g[k][c] = Data::String("31-03-2026".into());
    // The first action ticked done in the spreadsheet.
    let u = col(g, "Udført");
    g[1][u] = Data::String("02-04-2026".into());
    // The overview counts one citizen too many.
    let o = sheet(&mut sheets, "Oversigt");
    let n = o
        .iter()
        .position(|r| r.first().is_some_and(|c| *c == "Borgere"))
        .expect("a Borgere row");
    let was = match &o[n][1] {
        Data::Float(f) => *f,
        Data::Int(i) => *i as f64,
        other => panic!("count {other:?}"),
    };
    o[n][1] = Data::Float(was + 1.0);
    let rows = [i as u32 + 1, j as u32 + 1, k as u32 + 1];
    (write_sheets(&sheets), rows)
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

fn review_app(dir: &Path, path: &Path, lang: Lang) -> App {
    let mut app = App::new(config(dir, lang));
    app.open_review_blocking(path).expect("the plan opens");
    assert_eq!(app.screen(), Screen::Review);
    app
}

fn listing(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

fn snap(name: &str, app: &mut App, sizes: &[(u16, u16)]) {
    for &(w, h) in sizes {
        let t = render(app, w, h);
        snapshot_settings().bind(|| {
            insta::assert_snapshot!(format!("tui_review_{name}_{w}x{h}"), t.backend());
        });
    }
}

const BOTH: &[(u16, u16)] = &[(100, 30), (80, 24)];

/// The Excel row of the selected row.
fn selected_row(app: &App) -> Option<u32> {
    let v = app.review().unwrap();
    v.current().and_then(|i| v.row(i).at.row)
}

#[test]
fn tampered_plan_shows_findings_beside_their_rows() {
    let dir = tempfile::tempdir().unwrap();
    let (bytes, rows) = tampered();
    let p = write(dir.path(), "plan.xlsx", &bytes);
    let mut app = review_app(dir.path(), &p, Lang::Da);
    let v = app.review().unwrap();
    // Exactly the tampered rows carry findings, and the counts land in the general panel.
    let marked: Vec<u32> = (0..v.plan.rows.len())
        .filter(|&i| v.finding_count(i) > 0)
        .map(|i| v.row(i).at.row.unwrap())
        .collect();
    assert_eq!(marked, rows.to_vec());
    assert!(v.general.iter().all(|&f| matches!(
        v.findings[f as usize].kind,
        FindingKind::CitizenMissing { .. }
            | FindingKind::CountMismatch { .. }
            | FindingKind::ConflictsOpen { .. }
    )));
    assert_eq!(v.general.len(), 3);
    snap("tampered_start", &mut app, BOTH);
    ch(&mut app, 'n');
    assert_eq!(selected_row(&app), Some(rows[0]));
    snap("tampered_finding", &mut app, BOTH);
    let text = screen_text(&mut app, 80, 24);
    assert!(text.contains("SKRIVEBESKYTTET"), "{text}");
    assert!(
        text.contains("forventet: skiftedatoen (D) 31-03-2026"),
        "{text}"
    );
    assert!(text.contains("070380-xxxx"), "{text}");
    assert_eq!(
        skifteplan::domain::cpr::mask_in_text(&text),
        text,
        "a CPR shown unmasked"
    );
}

#[test]
fn next_and_previous_finding_and_the_filter() {
    let dir = tempfile::tempdir().unwrap();
    let (bytes, rows) = tampered();
    let p = write(dir.path(), "plan.xlsx", &bytes);
    let mut app = review_app(dir.path(), &p, Lang::Da);
    assert_eq!(selected_row(&app), Some(2));
    for want in rows {
        ch(&mut app, 'n');
        assert_eq!(selected_row(&app), Some(want));
        assert_eq!(app.status(), None);
    }
    // Past the last one it starts from the top again, and says so.
    ch(&mut app, 'n');
    assert_eq!(selected_row(&app), Some(rows[0]));
    assert!(app.status().unwrap().0.contains("toppen"));
    // Backwards from the first wraps to the last.
    ch(&mut app, 'N');
    assert_eq!(selected_row(&app), Some(rows[2]));
    assert!(app.status().unwrap().0.contains("bunden"));
    ch(&mut app, 'N');
    assert_eq!(selected_row(&app), Some(rows[1]));

    // Only rows with findings: the selected row stays selected, moving stays among them.
    ch(&mut app, 'f');
    let v = app.review().unwrap();
    assert!(v.only_findings);
    assert_eq!(v.shown(), 3);
    assert_eq!(selected_row(&app), Some(rows[1]));
    press(&mut app, KeyCode::End);
    assert_eq!(selected_row(&app), Some(rows[2]));
    press(&mut app, KeyCode::Down);
    assert_eq!(selected_row(&app), Some(rows[2]));
    press(&mut app, KeyCode::Home);
    assert_eq!(selected_row(&app), Some(rows[0]));
    ch(&mut app, 'n');
    assert_eq!(selected_row(&app), Some(rows[1]));
    snap("filter", &mut app, &[(80, 24)]);
    let text = screen_text(&mut app, 80, 24);
    assert!(text.contains("Filter: kun rækker med fund"), "{text}");

    // Back to all rows: still on the same row, and paging moves by the table's height.
    ch(&mut app, 'f');
    assert_eq!(selected_row(&app), Some(rows[1]));
    press(&mut app, KeyCode::Home);
    screen_text(&mut app, 80, 24);
    press(&mut app, KeyCode::PageDown);
    let page = app.review().unwrap().table_area.height as u32;
    assert!(page >= 5, "{page}");
    assert_eq!(selected_row(&app), Some(2 + page));
    press(&mut app, KeyCode::PageUp);
    assert_eq!(selected_row(&app), Some(2));
    ch(&mut app, 'j');
    ch(&mut app, 'j');
    ch(&mut app, 'k');
    assert_eq!(selected_row(&app), Some(3));
}

#[test]
fn read_only_quits_and_writes_nothing_beside_the_plan() {
    let dir = tempfile::tempdir().unwrap();
    let (bytes, _) = tampered();
    let p = write(dir.path(), "plan.xlsx", &bytes);
    let before = listing(dir.path());
    let mut app = review_app(dir.path(), &p, Lang::Da);
    // Keys that tick, export, set up or search elsewhere do nothing here.
    for c in [' ', 'e', 'g', 'o', '/', 'x', 'm', 'v', 'c'] {
        ch(&mut app, c);
    }
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.screen(), Screen::Review);
    assert!(app.popups().is_empty(), "{:?}", app.popups());
    assert!(app.workspace().is_none());
    ch(&mut app, 'q');
    assert!(app.should_quit());
    drop(app);
    assert_eq!(listing(dir.path()), before);
    assert_eq!(std::fs::read(&p).unwrap(), bytes, "the plan is unchanged");

    let mut app = review_app(dir.path(), &p, Lang::Da);
    press(&mut app, KeyCode::Esc);
    assert!(app.should_quit(), "Esc quits too");
    drop(app);
    assert_eq!(listing(dir.path()), before);
}

#[test]
fn help_and_the_findings_without_a_row() {
    let dir = tempfile::tempdir().unwrap();
    let (bytes, _) = tampered();
    let p = write(dir.path(), "plan.xlsx", &bytes);
    let mut app = review_app(dir.path(), &p, Lang::Da);
    ch(&mut app, '?');
    assert!(matches!(app.popups().last(), Some(Popup::Help { .. })));
    snap("help", &mut app, &[(80, 24)]);
    ch(&mut app, 'q');
    assert!(app.popups().is_empty());
    assert!(!app.should_quit(), "q closes the help first");
    ch(&mut app, 'a');
    let Some(Popup::Message { lines, .. }) = app.popups().last() else {
        panic!("{:?}", app.popups());
    };
    // The sample's conflicts nobody decided, the deleted citizen, the count it changed.
    assert_eq!(lines.len(), 3, "{lines:?}");
    assert!(lines[0].contains("konflikter er ikke afgjort"), "{lines:?}");
    assert!(lines[2].starts_with("Oversigt række"), "{lines:?}");
    snap("general", &mut app, &[(80, 24)]);
    press(&mut app, KeyCode::Esc);
    assert!(app.popups().is_empty());
    assert!(!app.should_quit());
}

#[test]
fn every_review_hint_is_in_the_help_and_no_quit_promises_a_save() {
    use skifteplan::tui::keys::{Ctx, help_rows, hints};
    for lang in [Lang::Da, Lang::En] {
        let (screen, global) = help_rows(Ctx::Review, lang);
        for (_, desc, _) in hints(Ctx::Review, lang) {
            assert!(
                screen.iter().chain(&global).any(|(_, d)| *d == desc),
                "{desc}"
            );
        }
        for (_, d) in screen.iter().chain(&global) {
            assert!(!d.contains("gemt") && !d.contains("saved"), "{d}");
        }
    }
}

#[test]
fn popups_over_the_review_promise_no_save_either() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "plan.xlsx", &export(Model::Two, false));
    for lang in [Lang::Da, Lang::En] {
        let mut app = review_app(dir.path(), &p, lang);
        // The row popup, the findings without a row, and help over the review.
        for key in [KeyCode::Enter, KeyCode::Char('a'), KeyCode::Char('?')] {
            press(&mut app, key);
            assert!(!app.popups().is_empty(), "{key:?}");
            for (w, h) in [(80, 24), (140, 50)] {
                let text = screen_text(&mut app, w, h);
                assert!(
                    !text.contains("alt er gemt") && !text.contains("all is saved"),
                    "{key:?} {w}x{h}:\n{text}"
                );
            }
            press(&mut app, KeyCode::Esc);
        }
    }
}

#[test]
fn clean_json_plan_in_english() {
    let dir = tempfile::tempdir().unwrap();
    // Every conflict of the sample decided: a plan with nothing left to find.
    let p = write(
        dir.path(),
        "plan.json",
        &export_of(Model::Two, true, false, true),
    );
    let mut app = review_app(dir.path(), &p, Lang::En);
    let v = app.review().unwrap();
    assert!(v.findings.is_empty(), "{:?}", v.findings);
    assert_eq!(v.citizens, 20);
    ch(&mut app, 'n');
    assert!(app.status().unwrap().0.contains("no findings"));
    snap("json_en", &mut app, &[(100, 30)]);
    let text = screen_text(&mut app, 100, 30);
    assert!(text.contains("READ-ONLY"), "{text}");
    assert!(
        text.contains("No findings: the plan follows the rules."),
        "{text}"
    );
}

#[test]
fn a_plan_opened_from_the_start_screen_or_as_file_is_reviewed() {
    let dir = tempfile::tempdir().unwrap();
    let (bytes, rows) = tampered();
    let xlsx = write(dir.path(), "handlinger.xlsx", &bytes);
    write(dir.path(), "plan.json", &export(Model::One, true));
    let before = listing(dir.path());

    // Typed on the start screen: read in the background, then the review screen.
    for (name, model) in [("handlinger.xlsx", Model::Two), ("plan.json", Model::One)] {
        let mut app = App::new(config(dir.path(), Lang::Da));
        press(&mut app, KeyCode::Enter); // "Åbn anden fil …" → the path field
        typ(&mut app, name);
        press(&mut app, KeyCode::Enter);
        app.wait_for_load();
        assert_eq!(app.screen(), Screen::Review, "{name}: {:?}", app.popups());
        let v = app.review().unwrap();
        assert_eq!(v.plan.header.model, model);
        assert!(app.workspace().is_none());
    }

    // The command line's FILE (`skifteplan FILE`).
    let mut app = App::new(config(dir.path(), Lang::Da));
    app.open_blocking(&xlsx).unwrap();
    assert_eq!(app.screen(), Screen::Review);
    ch(&mut app, 'n');
    assert_eq!(selected_row(&app), Some(rows[0]));
    assert_eq!(
        listing(dir.path()),
        before,
        "nothing written beside the plans"
    );

    // A real Aktivliste still opens as a list.
    let list = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data/aktivliste-lille.xlsx");
    let state = dir.path().join("lille.skifteplan.json");
    let mut app = App::new(skifteplan::tui::AppConfig {
        state_path: Some(state),
        ..config(dir.path(), Lang::Da)
    });
    app.open_blocking(&list).unwrap();
    assert_eq!(app.screen(), Screen::Summary);
    assert!(app.review().is_none());
}

#[test]
fn a_file_that_is_neither_list_nor_plan_keeps_the_list_error_and_a_broken_plan_says_why() {
    let dir = tempfile::tempdir().unwrap();
    // Not a workbook at all: the list reader's message.
    let junk = write(dir.path(), "noter.csv", b"");
    let mut app = App::new(config(dir.path(), Lang::Da));
    let err = app.open_blocking(&junk).unwrap_err();
    assert!(!err.contains("plan"), "{err}");
    // A plan whose action sheet lost a column: the plan reader's message.
    let mut sheets = read_sheets(&export(Model::Two, false));
    let g = sheet(&mut sheets, "Handlinger");
    let c = col(g, "Skema");
    for row in g.iter_mut() {
        row[c] = Data::Empty;
    }
    let broken = write(dir.path(), "broken.xlsx", &write_sheets(&sheets));
    let err = app.open_blocking(&broken).unwrap_err();
    assert!(err.contains("Skema"), "{err}");
    let err = app.open_review_blocking(&junk).unwrap_err();
    assert!(err.contains("ikke en plan"), "{err}");
    assert_eq!(app.screen(), Screen::Start);
}

#[test]
fn light_theme_and_no_color_mark_the_selected_row_and_the_finding() {
    use ratatui::style::Modifier;
    let dir = tempfile::tempdir().unwrap();
    let (bytes, rows) = tampered();
    let p = write(dir.path(), "plan.xlsx", &bytes);
    for (light, no_color) in [(true, false), (false, true)] {
        let mut cfg = config(dir.path(), Lang::Da);
        cfg.light = light;
        cfg.no_color = no_color;
        let mut app = App::new(cfg);
        app.open_review_blocking(&p).unwrap();
        ch(&mut app, 'n');
        assert_eq!(selected_row(&app), Some(rows[0]));
        let t = render(&mut app, 80, 24);
        let buf = t.backend().buffer();
        let y = (0..24)
            .find(|&y| buf[(0, y)].symbol() == "▶")
            .expect("a selected row");
        assert_eq!(buf[(1, y)].symbol(), "⚠");
        let style = buf[(5, y)].style();
        if no_color {
            assert!(style.add_modifier.contains(Modifier::REVERSED), "{style:?}");
            assert!(
                matches!(style.fg, None | Some(ratatui::style::Color::Reset)),
                "{style:?}"
            );
        } else {
            assert!(style.bg.is_some(), "{style:?}");
        }
    }
}

/// 600,000 rows: opening indexes once, and a frame, a page and a jump stay quick because only
/// the visible rows are built.
#[test]
fn a_large_plan_stays_responsive() {
    use skifteplan::review::{Location, Row};
    use skifteplan::tui::ReviewView;
    let dir = tempfile::tempdir().unwrap();
    let small = skifteplan::review::read_plan(&export(Model::Two, false)).unwrap();
    let mut plan = small.clone();
    let per = small.by_citizen().len() as u32;
    let n_target = 600_000;
    plan.rows.clear();
    let mut k = 0u32;
    'fill: loop {
        for r in &small.rows {
            if plan.rows.len() >= n_target {
                break 'fill;
            }
            let mut r: Row = r.clone();
            r.citizen += k * per;
            r.at = Location::row("Handlinger", plan.rows.len() as u32 + 2);
            plan.rows.push(r);
        }
        k += 1;
    }
    plan.header.citizens = None;
    plan.header.actions = None;
    plan.header.forgotten = None;
    plan.header.per_kind.clear();
    // One tampered date far down.
    let far = 599_000;
    plan.rows[far].date = Some(d(2026, 3, 1));
    let view = ReviewView::new(&dir.path().join("stor.xlsx"), plan);
    let mut app = App::new(config(dir.path(), Lang::Da));
    app.show_review(view);
    let started = std::time::Instant::now();
    screen_text(&mut app, 100, 30);
    ch(&mut app, 'n');
    screen_text(&mut app, 100, 30);
    press(&mut app, KeyCode::PageDown);
    ch(&mut app, 'f');
    screen_text(&mut app, 100, 30);
    press(&mut app, KeyCode::End);
    ch(&mut app, 'f');
    screen_text(&mut app, 100, 30);
    let took = started.elapsed();
    assert!(took < std::time::Duration::from_secs(3), "{took:?}");
    let v = app.review().unwrap();
    assert!(v.finding_count(v.current().unwrap()) > 0);
    assert!(v.current().unwrap() >= far - 10, "{:?}", v.current());
}

#[test]
fn a_plan_written_with_full_cpr_is_still_shown_masked() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(
        dir.path(),
        "fuld.xlsx",
        &export_with(Model::One, false, true),
    );
    let mut app = review_app(dir.path(), &p, Lang::Da);
    assert!(app.review().unwrap().full_cpr);
    for (w, h) in [(100, 30), (80, 24)] {
        let text = screen_text(&mut app, w, h);
        assert!(text.contains("planen indeholder fuldt CPR"), "{text}");
        assert!(text.contains("010185-xxxx"), "{text}");
        assert_eq!(skifteplan::domain::cpr::mask_in_text(&text), text);
    }
}

#[test]
fn the_mouse_selects_and_scrolls_rows() {
    use ratatui::crossterm::event::{Event, KeyModifiers, MouseEvent, MouseEventKind};
    let dir = tempfile::tempdir().unwrap();
    let (bytes, _) = tampered();
    let p = write(dir.path(), "plan.xlsx", &bytes);
    let mut app = review_app(dir.path(), &p, Lang::Da);
    screen_text(&mut app, 80, 24);
    let a = app.review().unwrap().table_area;
    let mouse = |kind, row| {
        Event::Mouse(MouseEvent {
            kind,
            column: a.x + 20,
            row,
            modifiers: KeyModifiers::NONE,
        })
    };
    app.handle_event(&mouse(
        MouseEventKind::Down(ratatui::crossterm::event::MouseButton::Left),
        a.y + 3,
    ));
    assert_eq!(selected_row(&app), Some(5));
    app.handle_event(&mouse(MouseEventKind::ScrollDown, a.y));
    assert_eq!(selected_row(&app), Some(8));
    // A click below the last row or outside the table changes nothing.
    app.handle_event(&mouse(
        MouseEventKind::Down(ratatui::crossterm::event::MouseButton::Left),
        a.y + a.height + 2,
    ));
    assert_eq!(selected_row(&app), Some(8));
}

#[test]
fn enter_shows_the_row_and_its_findings_in_full() {
    let dir = tempfile::tempdir().unwrap();
    let (bytes, rows) = tampered();
    let p = write(dir.path(), "plan.xlsx", &bytes);
    let mut app = review_app(dir.path(), &p, Lang::Da);
    ch(&mut app, 'n');
    ch(&mut app, 'n');
    assert_eq!(selected_row(&app), Some(rows[1]));
    press(&mut app, KeyCode::Enter);
    let Some(Popup::Message { title, lines, .. }) = app.popups().last() else {
        panic!("{:?}", app.popups());
    };
    assert_eq!(title, &format!("Handlinger række {}", rows[1]));
    assert!(lines[0].starts_with("Borger 3 250458-xxxx"), "{lines:?}");
    assert!(
        lines
            .iter()
            .any(|l| l
                == "  forventet: beskrivelsen \"Systemskift\" (eller \"Systemskifte\", vejledningens stavemåde i afsnit 4)"),
        "{lines:?}"
    );
    snap("row", &mut app, &[(80, 24)]);
    press(&mut app, KeyCode::Enter);
    assert!(app.popups().is_empty());
    assert!(!app.should_quit());
}

/// No terminal size and no plan shape makes the screen panic: tiny terminals, a plan without
/// action rows, filters and jumps with nothing to show.
#[test]
fn tiny_terminals_and_an_empty_plan_do_not_panic() {
    use skifteplan::tui::ReviewView;
    let dir = tempfile::tempdir().unwrap();
    let (bytes, _) = tampered();
    let p = write(dir.path(), "plan.xlsx", &bytes);
    let mut app = review_app(dir.path(), &p, Lang::Da);
    for (w, h) in [(1, 1), (10, 3), (20, 6), (40, 10), (60, 12)] {
        screen_text(&mut app, w, h);
        ch(&mut app, 'n');
        press(&mut app, KeyCode::PageDown);
        screen_text(&mut app, w, h);
    }
    let mut empty = skifteplan::review::read_plan(&export(Model::Two, false)).unwrap();
    empty.rows.clear();
    let mut app = App::new(config(dir.path(), Lang::En));
    app.show_review(ReviewView::new(&p, empty));
    for c in ['n', 'N', 'f', 'j', 'f'] {
        ch(&mut app, c);
    }
    press(&mut app, KeyCode::End);
    press(&mut app, KeyCode::Enter);
    assert!(app.popups().is_empty());
    let text = screen_text(&mut app, 80, 24);
    assert!(text.contains("No rows to show."), "{text}");
    // The summary still counts 20 citizens: every one of them is missing.
    assert!(text.contains("without a row"), "{text}");
}

//! Shared helpers of the TUI tests: a fictitious list built in code, key presses, rendering.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use skifteplan::aktivliste::{Aktivliste, Field, SheetKind, SheetSummary, Warning, WarningKind};
use skifteplan::domain::{
    Anmodning, Citizen, Cpr, CprClass, Indskrivning, KvalHep, SourceRef, Tilbudstilknytning, Ydelse,
};
use skifteplan::lang::Lang;
use skifteplan::progress::ListRef;
use skifteplan::tui::{App, AppConfig};

pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn src(row: u32) -> SourceRef {
    SourceRef {
        sheet: "Anmodninger".into(),
        row,
    }
}

fn anm(id: &str, date: NaiveDate, iv: Option<NaiveDate>, row: u32) -> Anmodning {
    Anmodning {
        id: Some(id.into()),
        anmodningsdato: date,
        ivaerksaettelsesdato: iv,
        tilbudstilknytning: None,
        kvalhep: None,
        source: src(row),
    }
}

fn citizen(cpr: &str, name: &str) -> Citizen {
    let (cpr, class) = Cpr::parse(cpr).unwrap();
    let mut c = Citizen::new(cpr, class);
    c.name = Some(name.into());
    c
}

/// Five fictitious citizens: a full case with an offer, one without iværksættelse, one with two
/// anmodninger, one starting after D (31-03-2026), and a plain one.
pub fn citizens() -> Vec<Citizen> {
    let mut a = citizen("010190-2000", "Anna Andersen");
    let mut an = anm("A-100", d(2024, 1, 10), Some(d(2024, 1, 20)), 4);
    an.tilbudstilknytning = Some(Tilbudstilknytning {
        tilbud: Some("Center Nord".into()),
        dato: Some(d(2024, 2, 1)),
    });
    an.kvalhep = Some(KvalHep {
        dato: Some(d(2024, 2, 3)),
    });
    a.anmodninger.push(an);
    a.indskrivninger.push(Indskrivning {
        id: Some("I-7".into()),
        tilbud: Some("Center Nord".into()),
        indskrivningsdato: d(2024, 2, 1),
        ydelser: vec![Ydelse {
            navn: "Ambulant".into(),
            startdato: Some(d(2024, 2, 5)),
        }],
        source: SourceRef {
            sheet: "Indskrivninger".into(),
            row: 3,
        },
    });
    let mut b = citizen("020285-3000", "Bo Berg");
    b.anmodninger.push(anm("A-101", d(2025, 5, 1), None, 5));
    let mut c = citizen("030370-4000", "Carla Christensen");
    c.anmodninger
        .push(anm("A-102", d(2023, 3, 1), Some(d(2023, 3, 8)), 6));
    c.anmodninger
        .push(anm("A-103", d(2025, 9, 1), Some(d(2025, 9, 2)), 7));
    let mut dd = citizen("040460-5000", "Dan Dahl");
    dd.anmodninger.push(anm("A-104", d(2026, 4, 15), None, 8));
    let mut e = citizen("050555-6000", "Eva Eriksen");
    e.anmodninger
        .push(anm("A-105", d(2023, 6, 1), Some(d(2023, 6, 10)), 9));
    vec![a, b, c, dd, e]
}

/// The list as the reader would return it for these citizens: the sheets they came from, and a
/// warning for each CPR that fails modulus 11 (all the fictitious ones here do).
pub fn list(path: &Path, citizens: Vec<Citizen>) -> Aktivliste {
    let rows = |sheet: &str| {
        citizens
            .iter()
            .flat_map(|c| {
                let a = c.anmodninger.iter().map(|a| &a.source);
                a.chain(c.indskrivninger.iter().map(|i| &i.source))
            })
            .filter(|s| &*s.sheet == sheet)
            .count()
    };
    let summary = |name: &str, kind: SheetKind, date: Field, date_header: &str| SheetSummary {
        name: name.into(),
        kind,
        header_row: 1,
        mapping: vec![
            (Field::Cpr, "CPR".into()),
            (Field::Name, "Navn".into()),
            (date, date_header.into()),
        ],
        unused_headers: Vec::new(),
        rows_used: rows(name),
        rows_rejected: 0,
    };
    let mut sheets = vec![summary(
        "Anmodninger",
        SheetKind::Anmodninger,
        Field::Anmodningsdato,
        "Anmodningsdato",
    )];
    if rows("Indskrivninger") > 0 {
        sheets.push(summary(
            "Indskrivninger",
            SheetKind::Indskrivninger,
            Field::Indskrivningsdato,
            "Indskrivningsdato",
        ));
    }
    let warnings = citizens
        .iter()
        .filter_map(|c| {
            let kind = match c.cpr_class {
                CprClass::Mod11Failed => WarningKind::Mod11Failed { cpr: c.cpr },
                CprClass::Replacement => WarningKind::Replacement { cpr: c.cpr },
                _ => return None,
            };
            let source = c.anmodninger.first()?.source.clone();
            Some(Warning { source, kind })
        })
        .collect();
    Aktivliste {
        path: path.to_path_buf(),
        citizens,
        sheets,
        ignored_sheets: Vec::new(),
        rejected: Vec::new(),
        warnings,
        notes: Vec::new(),
    }
}

pub fn list_ref(path: &Path, fingerprint: &str) -> ListRef {
    ListRef {
        file_name: path.file_name().unwrap().to_string_lossy().into_owned(),
        path: path.to_path_buf(),
        size: 1,
        fingerprint: fingerprint.into(),
    }
}

pub fn config(dir: &Path, lang: Lang) -> AppConfig {
    AppConfig::fixed(lang, d(2026, 3, 31), dir.to_path_buf())
}

/// An app with the fictitious list opened from `dir/aktivliste.xlsx`.
pub fn opened(dir: &Path, lang: Lang, citizens: Vec<Citizen>) -> App {
    let path = dir.join("aktivliste.xlsx");
    let mut app = App::new(config(dir, lang));
    app.finish_load(Ok((list(&path, citizens), list_ref(&path, "f1"))));
    app
}

pub fn press(app: &mut App, code: KeyCode) {
    app.handle_event(&Event::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

pub fn ch(app: &mut App, c: char) {
    press(app, KeyCode::Char(c));
}

pub fn typ(app: &mut App, text: &str) {
    for c in text.chars() {
        ch(app, c);
    }
}

/// Set-up: model 2 (two steps right from none: 1, 2), D typed.
pub fn setup_model_two(app: &mut App, date: &str) {
    // Kommune, vendor, system name
    typ(app, "Testkommune");
    press(app, KeyCode::Tab);
    typ(app, "Leverandør A/S");
    press(app, KeyCode::Tab);
    typ(app, "NytSystem");
    press(app, KeyCode::Tab);
    typ(app, date);
    press(app, KeyCode::Tab);
    press(app, KeyCode::Right);
    press(app, KeyCode::Right);
    press(app, KeyCode::Enter);
}

pub fn render(app: &mut App, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| skifteplan::tui::draw(f, app)).unwrap();
    t
}

pub fn screen_text(app: &mut App, w: u16, h: u16) -> String {
    let t = render(app, w, h);
    let buf = t.backend().buffer().clone();
    let mut out = String::new();
    for y in 0..h {
        for x in 0..w {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

pub fn snapshot_settings() -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    s.set_snapshot_path(concat!(env!("CARGO_MANIFEST_DIR"), "/snapshots"));
    s.set_prepend_module_to_snapshot(false);
    s
}

pub fn state_file(dir: &Path) -> PathBuf {
    dir.join("aktivliste.skifteplan.json")
}

pub fn store_file(dir: &Path) -> PathBuf {
    dir.join("aktivliste.skifteplan.db")
}

/// The progress as stored for the list in `dir`, read by another handle (as a colleague would).
pub fn stored(dir: &Path) -> skifteplan::store::Progress {
    let list = dir.join("aktivliste.xlsx");
    let store =
        skifteplan::store::Store::open(&store_file(dir), &list_ref(&list, "f1"), "READER").unwrap();
    store.progress().clone()
}

/// Decides every conflict of a plan the way a coordinator might, through the tool's own
/// choices: of two cases the first holds and the others are deleted; a form after D is deleted
/// and registered on its own date; a form without a date gets its case's date; a forgotten case
/// without a valid end date ends on D. Replans until nothing is open.
pub fn decide_all(citizens: &[Citizen], settings: &mut skifteplan::plan::Settings) {
    use skifteplan::domain::resolution::{Decided, Resolution, Topic};
    use skifteplan::plan::{ConflictKind, decide, plan};
    for _ in 0..4 {
        let p = plan(citizens, settings);
        if p.open_conflicts() == 0 {
            return;
        }
        for c in p.conflicts.iter().filter(|c| c.is_open()) {
            let digits = c.cpr.digits().to_string();
            let Some(citizen) = citizens.iter().find(|x| x.cpr == c.cpr) else {
                continue;
            };
            let resolution = match c.topic.as_deref() {
                Some(t @ (Topic::TwoAnmodninger | Topic::TwoIndskrivninger { .. })) => {
                    Resolution::Keep {
                        keep: decide::cases(citizen, t)[0].clone(),
                        close_others_on: None,
                    }
                }
                Some(Topic::FormAfterSwitch { .. }) => Resolution::Delete,
                Some(Topic::MissingOriginalDate { case, .. }) => Resolution::OriginalDate {
                    date: case.date.unwrap(),
                },
                None => {
                    if matches!(
                        c.kind,
                        ConflictKind::ForgottenWithoutEndDate
                            | ConflictKind::ForgottenEndAfterSwitch { .. }
                            | ConflictKind::ForgottenEndBeforeStart { .. }
                    ) {
                        let d = settings.switch_date;
                        settings.decisions.entry(digits).or_default().slutdato = Some(d);
                        settings.decisions.get_mut(c.cpr.digits()).unwrap().glemt = true;
                    }
                    continue;
                }
            };
            let topic = (*c.topic.clone().unwrap()).clone();
            let list = settings.resolutions.entry(digits).or_default();
            list.retain(|d| d.topic != topic);
            list.push(Decided { topic, resolution });
        }
    }
    assert_eq!(plan(citizens, settings).open_conflicts(), 0, "decided");
}

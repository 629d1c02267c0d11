//! The UI's state and its one update function: input becomes a [`Control`], and
//! [`App::step`] applies it. Drawing lives in `view`; nothing here touches the terminal.

use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::Instant;

use chrono::{Local, NaiveDate, NaiveDateTime};
use ratatui::crossterm::event::{Event, MouseButton, MouseEventKind};
use ratatui::layout::Rect;

use super::keys::{self, Control, Ctx};
use super::setup::SetupForm;
use super::start::{self, Entry, StartState};
use super::strings::T;
use super::theme::Theme;
use super::workspace::{Notice, Workspace};
use crate::aktivliste::{self, Aktivliste, Field, LoadOptions};
use crate::lang::Lang;
use crate::progress::{self, ListRef, Unusable};

/// How the app is set up: from the command line in the real program, fixed in tests.
#[derive(Clone, Debug)]
pub struct AppConfig {
    pub lang: Lang,
    pub light: bool,
    pub no_color: bool,
    /// The date ticks get; None: today.
    pub today: Option<NaiveDate>,
    /// `--state PATH`; None: beside the list.
    pub state_path: Option<PathBuf>,
    /// Where recently opened files are remembered; None: not remembered.
    pub recent_file: Option<PathBuf>,
    /// Folders searched for the bundled sample lists.
    pub sample_dirs: Vec<PathBuf>,
    /// The folder typed paths are relative to.
    pub cwd: PathBuf,
}

impl AppConfig {
    /// A configuration without any outside effects besides the given folders (for tests).
    pub fn fixed(lang: Lang, today: NaiveDate, cwd: PathBuf) -> AppConfig {
        AppConfig {
            lang,
            light: false,
            no_color: false,
            today: Some(today),
            state_path: None,
            recent_file: None,
            sample_dirs: vec![cwd.join("sample-data")],
            cwd,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    Start,
    Loading,
    Summary,
    Setup,
    Plan,
}

/// Popups, drawn over the screen; the top one takes the input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Popup {
    Help {
        scroll: u16,
    },
    Message {
        title: String,
        lines: Vec<String>,
        error: bool,
        scroll: u16,
    },
    Rejected {
        scroll: usize,
    },
    Forgotten {
        citizen: usize,
        input: String,
        error: Option<String>,
    },
    Unforget {
        citizen: usize,
    },
    StatePlace {
        input: String,
        error: Option<String>,
    },
    Export {
        xlsx: String,
        json: String,
        field: usize,
        error: Option<String>,
    },
    ConfirmReplace {
        xlsx: Option<PathBuf>,
        json: Option<PathBuf>,
    },
    Mapping {
        selected: usize,
    },
    MappingHeader {
        field: usize,
        input: String,
    },
}

pub(crate) type LoadResult = Result<(Aktivliste, ListRef), String>;

pub struct Loading {
    pub path: PathBuf,
    pub size: u64,
    pub started: Instant,
    rx: Receiver<LoadResult>,
}

/// Screen areas from the last frame, for the mouse and for page sizes.
#[derive(Clone, Copy, Debug, Default)]
pub struct Areas {
    pub citizens: Rect,
    pub actions: Rect,
    pub start_list: Rect,
}

pub struct App {
    pub cfg: AppConfig,
    pub theme: Theme,
    pub screen: Screen,
    pub popups: Vec<Popup>,
    pub start: StartState,
    pub loading: Option<Loading>,
    pub ws: Option<Workspace>,
    pub setup: SetupForm,
    /// Column mappings chosen by the user, applied when the list is read again.
    pub columns: Vec<(Field, String)>,
    /// One line under the screen: what just happened.
    pub status: Option<(String, bool)>,
    pub show_cpr: bool,
    pub quit: bool,
    pub summary_scroll: u16,
    pub spinner: usize,
    pub areas: Areas,
}

impl App {
    pub fn new(cfg: AppConfig) -> App {
        let recent = start::read_recent(cfg.recent_file.as_deref());
        let start = StartState::new(&cfg.sample_dirs, &recent);
        App {
            theme: Theme::new(cfg.light, cfg.no_color),
            cfg,
            screen: Screen::Start,
            popups: Vec::new(),
            start,
            loading: None,
            ws: None,
            setup: SetupForm::default(),
            columns: Vec::new(),
            status: None,
            show_cpr: false,
            quit: false,
            summary_scroll: 0,
            spinner: 0,
            areas: Areas::default(),
        }
    }

    pub fn lang(&self) -> Lang {
        self.cfg.lang
    }

    pub fn today(&self) -> NaiveDate {
        self.cfg.today.unwrap_or_else(|| Local::now().date_naive())
    }

    pub fn now(&self) -> NaiveDateTime {
        match self.cfg.today {
            Some(d) => d.and_hms_opt(12, 0, 0).unwrap_or_default(),
            None => Local::now().naive_local(),
        }
    }

    /// The context that decides what keys mean right now.
    pub fn ctx(&self) -> Ctx {
        self.ctx_at(self.popups.len())
    }

    /// The context with only the first `depth` popups open (the help shows the keys of what
    /// lies beneath it).
    pub fn ctx_at(&self, depth: usize) -> Ctx {
        match self.popups[..depth.min(self.popups.len())].last() {
            Some(Popup::Help { .. } | Popup::Message { .. } | Popup::Rejected { .. }) => {
                Ctx::Viewer
            }
            Some(Popup::Unforget { .. } | Popup::ConfirmReplace { .. }) => Ctx::Confirm,
            Some(
                Popup::Forgotten { .. }
                | Popup::StatePlace { .. }
                | Popup::Export { .. }
                | Popup::MappingHeader { .. },
            ) => Ctx::Prompt,
            Some(Popup::Mapping { .. }) => Ctx::Mapping,
            None => match self.screen {
                Screen::Start if self.start.editing => Ctx::StartPath,
                Screen::Start | Screen::Loading => Ctx::Start,
                Screen::Summary => Ctx::Summary,
                Screen::Setup if self.setup.current().takes_text() => Ctx::SetupText,
                Screen::Setup => Ctx::Setup,
                Screen::Plan
                    if self
                        .ws
                        .as_ref()
                        .and_then(|w| w.view.as_ref())
                        .is_some_and(|v| v.searching) =>
                {
                    Ctx::PlanSearch
                }
                Screen::Plan => Ctx::Plan,
            },
        }
    }

    /// Applies a terminal event. Returns whether anything may have changed on screen.
    pub fn handle_event(&mut self, ev: &Event) -> bool {
        let control = match ev {
            Event::Key(k) => keys::map_key(self.ctx(), k),
            Event::Mouse(m) => match m.kind {
                MouseEventKind::ScrollUp => Some(Control::ScrollUp),
                MouseEventKind::ScrollDown => Some(Control::ScrollDown),
                MouseEventKind::Down(MouseButton::Left) => Some(Control::Click(m.column, m.row)),
                _ => None,
            },
            Event::Resize(..) => return true,
            _ => None,
        };
        match control {
            Some(c) => {
                self.step(c);
                true
            }
            None => false,
        }
    }

    /// Applies one control.
    pub fn step(&mut self, c: Control) {
        if c == Control::Quit {
            self.quit = true;
            return;
        }
        if !self.popups.is_empty() {
            self.popup_step(c);
            return;
        }
        if c == Control::Help {
            self.popups.push(Popup::Help { scroll: 0 });
            return;
        }
        match self.screen {
            Screen::Start => self.start_step(c),
            Screen::Loading => {
                if c == Control::Back {
                    self.loading = None;
                    self.screen = Screen::Start;
                }
            }
            Screen::Summary => self.summary_step(c),
            Screen::Setup => self.setup_step(c),
            Screen::Plan => self.plan_step(c),
        }
    }

    // ---- start ------------------------------------------------------------------------

    fn start_step(&mut self, c: Control) {
        let s = &mut self.start;
        if s.editing {
            match c {
                Control::Input(ch) => {
                    s.path.push(ch);
                    s.candidates.clear();
                }
                Control::Backspace => {
                    s.path.pop();
                    s.candidates.clear();
                }
                Control::Complete => s.complete(&self.cfg.cwd),
                Control::Confirm => {
                    let path = s.typed_path(&self.cfg.cwd);
                    self.open_path(path);
                }
                Control::Back | Control::Up => s.editing = false,
                _ => {}
            }
            return;
        }
        let n = s.entries.len();
        match c {
            Control::Up | Control::ScrollUp => s.selected = s.selected.saturating_sub(1),
            Control::Down | Control::ScrollDown => {
                if s.selected + 1 < n {
                    s.selected += 1;
                } else {
                    s.editing = true;
                }
            }
            Control::Click(x, y) => {
                let a = self.areas.start_list;
                if contains(a, x, y) {
                    let i = (y - a.y) as usize;
                    if i < n {
                        s.selected = i;
                    }
                }
            }
            Control::Confirm => match s.entries.get(s.selected).cloned() {
                Some(Entry::Sample(p) | Entry::Recent(p)) => self.open_path(p),
                Some(Entry::Other) | None => s.editing = true,
            },
            Control::Back => self.quit = true,
            _ => {}
        }
    }

    /// Starts reading a list on a background thread.
    pub fn open_path(&mut self, path: PathBuf) {
        if !path.is_file() {
            let msg = format!(
                "{}: {}",
                self.lang().pick("Ingen sådan fil", "No such file"),
                path.display()
            );
            self.start.error = Some(msg.clone());
            self.error(T::ErrorTitle, vec![msg]);
            return;
        }
        self.start.error = None;
        let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        let (tx, rx) = std::sync::mpsc::channel();
        let options = self.load_options_for(&path);
        let p = path.clone();
        let lang = self.lang();
        std::thread::spawn(move || {
            // A panic in the reader becomes a failed read shown in the UI.
            let read = std::panic::catch_unwind(AssertUnwindSafe(|| read_list(&p, &options, lang)))
                .unwrap_or_else(|payload| Err(panic_text(payload.as_ref(), lang)));
            let _ = tx.send(read);
        });
        self.loading = Some(Loading {
            path,
            size,
            started: Instant::now(),
            rx,
        });
        self.screen = Screen::Loading;
    }

    /// Reads a list on this thread (the command line's FILE, before the terminal is set up).
    pub fn open_blocking(&mut self, path: &Path) -> Result<(), String> {
        let options = self.load_options_for(path);
        let loaded = read_list(path, &options, self.lang())?;
        self.finish_load(Ok(loaded));
        Ok(())
    }

    /// Waits for a background read to finish (tests and benchmarks).
    pub fn wait_for_load(&mut self) {
        if let Some(l) = self.loading.take() {
            let r =
                l.rx.recv()
                    .unwrap_or_else(|_| Err("the reading stopped".to_string()));
            self.finish_load(r);
        }
    }

    /// Checks on a background read; returns whether the screen changed.
    pub fn poll(&mut self) -> bool {
        let Some(l) = &self.loading else {
            return false;
        };
        self.spinner = self.spinner.wrapping_add(1);
        match l.rx.try_recv() {
            Ok(r) => {
                self.loading = None;
                self.finish_load(r);
            }
            Err(TryRecvError::Empty) => {}
            Err(TryRecvError::Disconnected) => {
                self.loading = None;
                self.finish_load(Err("the reading stopped".to_string()));
            }
        }
        true
    }

    fn state_path_for(&self, list: &Path) -> PathBuf {
        self.cfg
            .state_path
            .clone()
            .unwrap_or_else(|| progress::default_path(list))
    }

    /// Column mappings: the ones chosen now, else those saved in the list's state file.
    fn load_options_for(&mut self, list: &Path) -> LoadOptions {
        if self.columns.is_empty()
            && let Ok(progress::ReadOutcome::Loaded(s)) = progress::read(&self.state_path_for(list))
        {
            self.columns = s
                .columns
                .iter()
                .filter_map(|(k, h)| Field::from_key(k).map(|f| (f, h.clone())))
                .collect();
        }
        LoadOptions {
            columns: self.columns.clone(),
        }
    }

    /// Opens a read list: state file, notices, and the screen to show.
    pub fn finish_load(&mut self, result: LoadResult) {
        self.loading = None;
        let (list, list_ref) = match result {
            Ok(x) => x,
            Err(msg) => {
                self.screen = Screen::Start;
                self.error(T::ErrorTitle, vec![msg]);
                return;
            }
        };
        start::remember(self.cfg.recent_file.as_deref(), &list.path);
        let state_path = self.state_path_for(&list.path);
        let now = self.now();
        let (mut ws, notices) = Workspace::open(list, list_ref, state_path, now);
        ws.state.columns = self
            .columns
            .iter()
            .map(|(f, h)| (f.key().to_string(), h.clone()))
            .collect();
        self.setup = ws
            .state
            .settings
            .as_ref()
            .map(SetupForm::from_saved)
            .unwrap_or_default();
        self.screen = if ws.view.is_some() {
            Screen::Plan
        } else {
            Screen::Summary
        };
        self.summary_scroll = 0;
        self.ws = Some(ws);
        self.save();
        for n in notices {
            self.notice(n);
        }
    }

    fn notice(&mut self, n: Notice) {
        let lang = self.lang();
        match n {
            Notice::Restored(p) => {
                self.status = Some((
                    format!("{} {}", T::StateRestored.get(lang), p.display()),
                    false,
                ));
            }
            Notice::SetAside(why, kept) => {
                let why = match why {
                    Unusable::Foreign => T::StateForeign.get(lang).to_string(),
                    Unusable::NewerVersion(_) => T::StateNewer.get(lang).to_string(),
                    Unusable::Corrupt(_) => T::StateCorrupt.get(lang).to_string(),
                };
                self.error(
                    T::NoticeTitle,
                    vec![
                        T::StateSetAside.get(lang).to_string(),
                        format!("  {}", kept.display()),
                        format!("({why})"),
                    ],
                );
            }
            Notice::Unreadable(e) => self.error(
                T::ErrorTitle,
                vec![format!("{}: {e}", T::SaveFailed.get(lang))],
            ),
            Notice::Changes(ch) => {
                let mut lines = vec![T::ChangesIntro.get(lang).to_string(), String::new()];
                let names: std::collections::HashMap<&str, &str> = self
                    .ws
                    .as_ref()
                    .map(|w| {
                        w.list
                            .citizens
                            .iter()
                            .map(|c| (c.cpr.digits(), c.name.as_deref().unwrap_or("")))
                            .collect()
                    })
                    .unwrap_or_default();
                lines.push(format!("{} ({}):", T::ChangesNew.get(lang), ch.new.len()));
                for d in &ch.new {
                    lines.push(format!(
                        "  {}  {}",
                        mask_digits(d, self.show_cpr),
                        names.get(d.as_str()).unwrap_or(&"")
                    ));
                }
                lines.push(String::new());
                lines.push(format!("{} ({}):", T::ChangesGone.get(lang), ch.gone.len()));
                for d in &ch.gone {
                    lines.push(format!("  {}", mask_digits(d, self.show_cpr)));
                }
                self.popups.push(Popup::Message {
                    title: T::ChangesTitle.get(lang).to_string(),
                    lines,
                    error: false,
                    scroll: 0,
                });
            }
            Notice::ReadOnly => {
                let suggestion = self.suggest_state_place();
                self.popups.push(Popup::StatePlace {
                    input: suggestion,
                    error: None,
                });
            }
        }
    }

    fn suggest_state_place(&self) -> String {
        let name = self
            .ws
            .as_ref()
            .and_then(|w| {
                w.state_path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
            })
            .unwrap_or_else(|| "aktivliste.skifteplan.json".into());
        let base = std::env::var_os("HOME")
            .map(PathBuf::from)
            .unwrap_or_else(|| self.cfg.cwd.clone());
        base.join(name).display().to_string()
    }

    /// Saves the state file; a failure is shown, and a read-only folder offers another place.
    pub fn save(&mut self) {
        let now = self.now();
        let Some(ws) = self.ws.as_mut() else {
            return;
        };
        if let Err(e) = ws.save(now) {
            if e.kind() == std::io::ErrorKind::PermissionDenied
                || e.kind() == std::io::ErrorKind::ReadOnlyFilesystem
            {
                ws.can_save = false;
                let input = self.suggest_state_place();
                self.popups.push(Popup::StatePlace { input, error: None });
            } else {
                let lang = self.lang();
                self.error(
                    T::ErrorTitle,
                    vec![format!("{}: {e}", T::SaveFailed.get(lang))],
                );
            }
        }
    }

    pub fn error(&mut self, title: T, lines: Vec<String>) {
        self.popups.push(Popup::Message {
            title: title.get(self.lang()).to_string(),
            lines,
            error: title == T::ErrorTitle,
            scroll: 0,
        });
    }

    // ---- summary ----------------------------------------------------------------------

    fn summary_step(&mut self, c: Control) {
        match c {
            Control::Up | Control::ScrollUp => {
                self.summary_scroll = self.summary_scroll.saturating_sub(1)
            }
            Control::Down | Control::ScrollDown => {
                self.summary_scroll = self.summary_scroll.saturating_add(1)
            }
            Control::PageUp => self.summary_scroll = self.summary_scroll.saturating_sub(10),
            Control::PageDown => self.summary_scroll = self.summary_scroll.saturating_add(10),
            Control::Rejected => self.popups.push(Popup::Rejected { scroll: 0 }),
            Control::Mapping => self.popups.push(Popup::Mapping { selected: 0 }),
            Control::Confirm => {
                let planned = self.ws.as_ref().is_some_and(|w| w.view.is_some());
                self.screen = if planned { Screen::Plan } else { Screen::Setup };
            }
            Control::Back => {
                self.ws = None;
                self.screen = Screen::Start;
            }
            _ => {}
        }
    }

    // ---- set-up -----------------------------------------------------------------------

    fn setup_step(&mut self, c: Control) {
        let f = &mut self.setup;
        let n = super::setup::Field::ALL.len();
        match c {
            Control::NextField => f.field = (f.field + 1) % n,
            Control::PrevField => f.field = (f.field + n - 1) % n,
            Control::Left | Control::Right if f.current() == super::setup::Field::Model => {
                f.cycle_model(c == Control::Right)
            }
            Control::Input(ch) => {
                if let Some(t) = f.text_mut() {
                    t.push(ch);
                }
            }
            Control::Backspace => {
                if let Some(t) = f.text_mut() {
                    t.pop();
                }
            }
            Control::Confirm => match f.to_saved(self.cfg.lang) {
                Ok(saved) => {
                    f.error = None;
                    if let Some(ws) = self.ws.as_mut() {
                        if ws.state.settings.as_ref() != Some(&saved) || ws.view.is_none() {
                            ws.set_settings(saved);
                        }
                        self.screen = Screen::Plan;
                        self.save();
                    }
                }
                Err(e) => f.error = Some(e),
            },
            Control::Back => {
                let planned = self.ws.as_ref().is_some_and(|w| w.view.is_some());
                if let Some(s) = self.ws.as_ref().and_then(|w| w.state.settings.as_ref()) {
                    self.setup = SetupForm::from_saved(s);
                }
                self.screen = if planned {
                    Screen::Plan
                } else {
                    Screen::Summary
                };
            }
            _ => {}
        }
    }
}

/// Reads a list and fingerprints it; the error is one line for a person.
fn read_list(path: &Path, options: &LoadOptions, lang: Lang) -> LoadResult {
    let list = aktivliste::load(path, options).map_err(|e| e.message(lang))?;
    let list_ref = progress::list_ref(path).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok((list, list_ref))
}

/// A reader's panic as one line for a person (the hook in `tui::run` stays quiet off the UI
/// thread, so this is where it is told).
fn panic_text(payload: &(dyn std::any::Any + Send), lang: Lang) -> String {
    let detail = payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("?");
    format!(
        "{}: {detail}",
        lang.pick(
            "Læsningen stoppede med en intern fejl",
            "The reading stopped with an internal error"
        )
    )
}

pub(crate) fn contains(a: Rect, x: u16, y: u16) -> bool {
    x >= a.x && x < a.x + a.width && y >= a.y && y < a.y + a.height
}

/// CPR digits from the state file, shown masked unless full CPR is shown.
fn mask_digits(digits: &str, show: bool) -> String {
    match crate::domain::Cpr::parse(digits) {
        Ok((cpr, _)) => cpr.display(show),
        Err(_) => "??????-xxxx".to_string(),
    }
}

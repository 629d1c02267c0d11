//! The UI's state and its one update function: input becomes a [`Control`], and
//! [`App::step`] applies it. Drawing lives in `view`; nothing here touches the terminal.

use std::path::PathBuf;

use chrono::{Local, NaiveDate, NaiveDateTime};
use ratatui::crossterm::event::{Event, MouseButton, MouseEventKind};
use ratatui::layout::Rect;

use super::keys::{self, Control, Ctx};
use super::screens::plan::PlanView;
use super::screens::setup::SetupForm;
use super::screens::start::{self, StartState};
use super::theme::Theme;
use crate::aktivliste::{Aktivliste, Field};
use crate::i18n::ui::T;
use crate::lang::Lang;
use crate::progress::ListRef;
use crate::workspace::Workspace;

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
    /// The worker's own settings: initials, and the places chosen for lists whose folder
    /// cannot be written.
    pub user: crate::userconf::UserConfig,
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
            user: crate::userconf::UserConfig::in_memory(Some("TST")),
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
    /// The plan against a later list.
    Verify,
    /// A written plan, read-only, with the check's findings beside its rows.
    Review,
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
    /// Deciding a citizen's conflict.
    Decide(super::popups::decide::Deciding),
    StatePlace {
        input: String,
        error: Option<String>,
    },
    /// The export prompt. The JSON plan is written only when asked for: `json` starts empty
    /// (none), and Space in the empty field puts `json_default` there.
    Export {
        xlsx: String,
        json: String,
        json_default: String,
        field: usize,
        error: Option<String>,
    },
    /// Before replacing files: the files to write, and those of them (the e-mail too) that
    /// exist already.
    ConfirmReplace {
        xlsx: Option<PathBuf>,
        json: Option<PathBuf>,
        existing: Vec<PathBuf>,
    },
    Mapping {
        selected: usize,
    },
    MappingHeader {
        field: usize,
        input: String,
    },
    /// The export being written (its job is held by the app while it runs).
    Exporting,
    /// A question; yes does `then`, no leaves everything as it was.
    Ask {
        title: String,
        lines: Vec<String>,
        scroll: u16,
        then: super::popups::ask::Then,
    },
    /// A one-line input.
    Input {
        title: String,
        prompt: Vec<String>,
        label: String,
        input: String,
        error: Option<String>,
        for_: super::popups::ask::InputFor,
    },
    /// The e-mail to DST, with what was last done with it (copied, written; error or not).
    Mail {
        text: String,
        scroll: u16,
        note: Option<(String, bool)>,
    },
}

pub(crate) type LoadResult = Result<(Aktivliste, ListRef), String>;

pub struct Loading {
    pub path: PathBuf,
    pub size: u64,
    pub(super) job: super::job::Job<super::screens::review::open::Opened>,
}

/// Screen areas from the last frame, for the mouse and for page sizes.
#[derive(Clone, Copy, Debug, Default)]
pub struct Areas {
    pub citizens: Rect,
    pub actions: Rect,
    pub start_list: Rect,
}

/// The UI's state; read from outside the UI only through its accessors.
pub struct App {
    pub(super) cfg: AppConfig,
    pub(super) theme: Theme,
    pub(super) screen: Screen,
    pub(super) popups: Vec<Popup>,
    pub(super) start: StartState,
    pub(super) loading: Option<Loading>,
    pub(super) ws: Option<Workspace>,
    /// What the plan screen shows of the workspace's plan (while there is one).
    pub(super) plan_view: Option<super::screens::plan::PlanView>,
    pub(super) setup: SetupForm,
    /// Column mappings chosen by the user, applied when the list is read again.
    pub(super) columns: Vec<(Field, String)>,
    /// One line under the screen: what just happened.
    pub(super) status: Option<(String, bool)>,
    pub(super) show_cpr: bool,
    pub(super) quit: bool,
    pub(super) summary_scroll: u16,
    pub(super) spinner: usize,
    pub(super) areas: Areas,
    /// The follow-up against a later list, while on that screen (and kept for the next visit).
    pub(super) verify: Option<super::screens::verify::VerifyView>,
    /// Bytes to write to the terminal after the next frame (the clipboard's OSC 52).
    pub(super) to_terminal: Vec<u8>,
    /// The written plan under review (review mode only).
    pub(super) review: Option<super::screens::review::ReviewView>,
    /// The export being written, off the UI thread.
    pub(super) export: Option<super::popups::export::ExportRun>,
    /// A list read and its store opened, waiting for the answer to a question.
    pub(super) prepared: Option<Box<crate::workspace::Prepared>>,
    /// What returned action sheets would add, waiting for a yes.
    pub(super) merge: Option<Box<crate::merge::MergeReport>>,
    /// When others' changes were last read from the store.
    pub(super) last_refresh: std::time::Instant,
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
            plan_view: None,
            setup: SetupForm::default(),
            columns: Vec::new(),
            status: None,
            show_cpr: false,
            quit: false,
            summary_scroll: 0,
            spinner: 0,
            areas: Areas::default(),
            verify: None,
            to_terminal: Vec::new(),
            review: None,
            export: None,
            prepared: None,
            merge: None,
            last_refresh: std::time::Instant::now(),
        }
    }

    /// The workspace with its plan and the plan screen's view of it, once planned.
    pub(crate) fn planned(&self) -> Option<(&Workspace, &PlanView)> {
        let ws = self.ws.as_ref().filter(|w| w.is_planned())?;
        Some((ws, self.plan_view.as_ref()?))
    }

    pub(crate) fn planned_mut(&mut self) -> Option<(&mut Workspace, &mut PlanView)> {
        let ws = self.ws.as_mut().filter(|w| w.is_planned())?;
        Some((ws, self.plan_view.as_mut()?))
    }

    /// The screen shown.
    pub fn screen(&self) -> Screen {
        self.screen
    }

    /// The popups open, the top one last.
    pub fn popups(&self) -> &[Popup] {
        &self.popups
    }

    /// The user asked to quit.
    pub fn should_quit(&self) -> bool {
        self.quit
    }

    /// The line under the screen: what just happened, and whether it went wrong.
    pub fn status(&self) -> Option<&(String, bool)> {
        self.status.as_ref()
    }

    /// Full CPR numbers are shown.
    pub fn shows_cpr(&self) -> bool {
        self.show_cpr
    }

    /// The set-up form as typed.
    pub fn setup(&self) -> &SetupForm {
        &self.setup
    }

    /// The follow-up against a later list, once opened.
    pub fn verify(&self) -> Option<&super::screens::verify::VerifyView> {
        self.verify.as_ref()
    }

    /// The written plan under review (review mode only).
    pub fn review(&self) -> Option<&super::screens::review::ReviewView> {
        self.review.as_ref()
    }

    /// The screen areas of the last frame (where a click lands).
    pub fn areas(&self) -> Areas {
        self.areas
    }

    /// Bytes to write to the terminal after the frame (the clipboard's OSC 52), taken.
    pub fn take_terminal_output(&mut self) -> Vec<u8> {
        std::mem::take(&mut self.to_terminal)
    }

    /// The top popup, to change before a snapshot (a temporary folder's path put in its place).
    #[doc(hidden)]
    pub fn top_popup_mut_for_tests(&mut self) -> Option<&mut Popup> {
        self.popups.last_mut()
    }

    /// Clears the status line before a snapshot (it names a temporary folder).
    #[doc(hidden)]
    pub fn clear_status_for_tests(&mut self) {
        self.status = None;
    }

    /// The opened list with its state and plan, if a list is open.
    pub fn workspace(&self) -> Option<&Workspace> {
        self.ws.as_ref()
    }

    /// What the plan screen shows of the plan (its rows and cursors), once planned.
    pub fn plan_view(&self) -> Option<&PlanView> {
        self.planned().map(|(_, v)| v)
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
            Some(Popup::Unforget { .. } | Popup::ConfirmReplace { .. } | Popup::Ask { .. }) => {
                Ctx::Confirm
            }
            Some(
                Popup::Input { .. }
                | Popup::Forgotten { .. }
                | Popup::Decide(_)
                | Popup::StatePlace { .. }
                | Popup::Export { .. }
                | Popup::MappingHeader { .. },
            ) => Ctx::Prompt,
            Some(Popup::Mapping { .. }) => Ctx::Mapping,
            Some(Popup::Mail { .. }) => Ctx::Mail,
            Some(Popup::Exporting) => Ctx::Busy,
            None => match self.screen {
                Screen::Start if self.start.editing => Ctx::StartPath,
                Screen::Start | Screen::Loading => Ctx::Start,
                Screen::Summary => Ctx::Summary,
                Screen::Setup if self.setup.current().takes_text() => Ctx::SetupText,
                Screen::Setup => Ctx::Setup,
                Screen::Plan if self.planned().is_some_and(|(_, v)| v.searching) => Ctx::PlanSearch,
                Screen::Plan => Ctx::Plan,
                Screen::Verify if self.verify.as_ref().is_some_and(|v| v.editing) => {
                    Ctx::VerifyPath
                }
                Screen::Verify => Ctx::Verify,
                Screen::Review => Ctx::Review,
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
            if !matches!(
                self.popups.last(),
                Some(Popup::Ask {
                    then: super::popups::ask::Then::Quit,
                    ..
                })
            ) && !self.may_quit()
            {
                return;
            }
            self.stop_export();
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
            Screen::Verify => self.verify_step(c),
            Screen::Review => self.review_step(c),
        }
    }

    // ---- start ------------------------------------------------------------------------

    pub fn error(&mut self, title: T, lines: Vec<String>) {
        self.popups.push(Popup::Message {
            title: title.get(self.lang()).to_string(),
            lines,
            error: title == T::ErrorTitle,
            scroll: 0,
        });
    }

    // ---- summary ----------------------------------------------------------------------

    // ---- set-up -----------------------------------------------------------------------
}

pub(crate) fn contains(a: Rect, x: u16, y: u16) -> bool {
    x >= a.x && x < a.x + a.width && y >= a.y && y < a.y + a.height
}

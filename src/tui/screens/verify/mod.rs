//! Follow-up from the plan screen: a later Aktivliste (read off the UI thread with the list's
//! column mappings) against the plan in memory and its ticks, through the same
//! [`crate::review::verify::verify`] as the `verify` command. The citizens are grouped by where
//! they stand, what the user must act on first.

//! The drawing is in [`draw`], the checking in [`check`].

pub(crate) mod check;
pub(crate) mod draw;

use std::path::PathBuf;

use crate::aktivliste::LoadOptions;
use crate::i18n::ui::T;
use crate::tui::app::{App, Screen};
use crate::tui::job::Job;
use crate::tui::keys::Control;
use crate::tui::screens::start::StartState;

pub use check::{Checked, Entry, Group};
use check::{ReadResult, plan_side, read_and_check};

pub struct Reading {
    pub path: PathBuf,
    pub(super) job: Job<Checked>,
}

pub struct VerifyView {
    /// The path field, with the start screen's completion.
    pub field: StartState,
    /// The path prompt is open.
    pub editing: bool,
    pub reading: Option<Reading>,
    pub checked: Option<Checked>,
    /// Why the last list could not be used (shown under the path).
    pub error: Option<String>,
    /// Only this group; None: all.
    pub filter: Option<Group>,
    pub selected: usize,
    pub offset: usize,
}

impl VerifyView {
    /// A path prompt starting at `path` (the list's folder, or the last list).
    pub fn new(path: String) -> VerifyView {
        VerifyView {
            field: StartState {
                path,
                editing: true,
                ..StartState::default()
            },
            editing: true,
            reading: None,
            checked: None,
            error: None,
            filter: None,
            selected: 0,
            offset: 0,
        }
    }

    /// The entries shown under the filter.
    pub fn rows(&self) -> Vec<&Entry> {
        self.checked
            .iter()
            .flat_map(|c| &c.entries)
            .filter(|e| self.filter.is_none_or(|f| e.group == f))
            .collect()
    }

    /// The next filter: all, then each group that has citizens.
    fn next_filter(&mut self) {
        let Some(c) = &self.checked else {
            return;
        };
        let present: Vec<Group> = Group::ALL.into_iter().filter(|g| c.count(*g) > 0).collect();
        self.filter = match self.filter {
            None => present.first().copied(),
            Some(f) => present.iter().copied().find(|g| *g > f),
        };
        self.selected = 0;
        self.offset = 0;
    }
}

impl App {
    /// Opens the follow-up: the path prompt, starting at the last later list or the list's
    /// folder.
    pub(crate) fn open_verify(&mut self) {
        let Some(ws) = self.ws.as_ref() else {
            return;
        };
        if !ws.is_planned() {
            return;
        }
        // The last later list, else the list's folder; relative to the working folder when
        // inside it.
        let cwd = &self.cfg.cwd;
        let relative = |p: &std::path::Path| p.strip_prefix(cwd).unwrap_or(p).display().to_string();
        let last = self
            .verify
            .as_ref()
            .and_then(|v| v.checked.as_ref())
            .map(|c| relative(&c.path));
        let path = last.unwrap_or_else(|| {
            let dir = ws.list_path().parent().unwrap_or(std::path::Path::new(""));
            match relative(dir) {
                d if d.is_empty() => d,
                d => format!("{d}/"),
            }
        });
        let mut view = VerifyView::new(path);
        if let Some(old) = self.verify.take() {
            view.checked = old.checked;
        }
        self.verify = Some(view);
        self.screen = Screen::Verify;
    }

    pub(crate) fn verify_step(&mut self, c: Control) {
        let page = self.areas.citizens.height.max(1) as usize;
        let body = self.areas.citizens;
        let Some(v) = self.verify.as_mut() else {
            self.screen = Screen::Plan;
            return;
        };
        if v.editing {
            match c {
                Control::Input(ch) => {
                    v.field.path.push(ch);
                    v.field.candidates.clear();
                    v.error = None;
                }
                Control::Backspace => {
                    v.field.path.pop();
                    v.field.candidates.clear();
                }
                Control::Complete => v.field.complete(&self.cfg.cwd),
                Control::Confirm => {
                    let path = v.field.typed_path(&self.cfg.cwd);
                    self.start_verify_read(path);
                }
                Control::Back => {
                    if v.checked.is_some() {
                        v.editing = false;
                        v.reading = None;
                    } else {
                        self.verify = None;
                        self.screen = Screen::Plan;
                    }
                }
                _ => {}
            }
            return;
        }
        let n = v.rows().len();
        let mut to = |delta: isize| {
            if n > 0 {
                v.selected = (v.selected as isize)
                    .saturating_add(delta)
                    .clamp(0, n as isize - 1) as usize;
            }
        };
        match c {
            Control::Up | Control::ScrollUp => to(-1),
            Control::Down | Control::ScrollDown => to(1),
            Control::PageUp => to(-(page as isize)),
            Control::PageDown => to(page as isize),
            Control::Home => to(isize::MIN / 2),
            Control::End => to(isize::MAX / 2),
            Control::Click(x, y) => {
                // A click on a citizen's line selects it.
                let inside = x >= body.x
                    && x < body.x.saturating_add(body.width)
                    && y >= body.y
                    && y < body.y.saturating_add(body.height);
                let row = v.offset + usize::from(y.saturating_sub(body.y));
                if inside && row < n {
                    v.selected = row;
                }
            }
            Control::Filter => v.next_filter(),
            Control::Verify => {
                v.editing = true;
                v.error = None;
            }
            Control::Back => self.screen = Screen::Plan,
            _ => {}
        }
    }

    /// Starts reading a later list off the UI thread.
    fn start_verify_read(&mut self, path: PathBuf) {
        let lang = self.lang();
        let (now, today) = (self.now(), self.today());
        let options = LoadOptions {
            columns: self.columns.clone(),
        };
        let side = self.ws.as_ref().and_then(|ws| plan_side(ws, lang, now));
        let Some(v) = self.verify.as_mut() else {
            return;
        };
        if let Err(problem) = crate::error::FileProblem::check(&path) {
            v.error = Some(problem.at(&path, lang));
            return;
        }
        let Some(side) = side else {
            v.error = Some(T::NoPlanYet.get(lang).to_string());
            return;
        };
        v.error = None;
        let p = path.clone();
        // A panic in the reader becomes a failed read shown on the screen.
        let job = Job::spawn(
            move |_| read_and_check(&p, &options, &side, lang, today),
            move |_| T::ReadingInternalError.get(lang).to_string(),
            T::ReadStopped.get(lang).to_string(),
        );
        v.reading = Some(Reading { path, job });
    }

    /// A later list is being read.
    pub fn verify_busy(&self) -> bool {
        self.verify.as_ref().is_some_and(|v| v.reading.is_some())
    }

    /// Checks on the read of a later list; returns whether the screen changed.
    pub fn poll_verify(&mut self) -> bool {
        let Some(reading) = self.verify.as_ref().and_then(|v| v.reading.as_ref()) else {
            return false;
        };
        self.spinner = self.spinner.wrapping_add(1);
        let Some(result) = reading.job.poll() else {
            return true;
        };
        self.finish_verify(result);
        true
    }

    /// Waits for the read of a later list (tests).
    pub fn wait_for_verify(&mut self) {
        let Some(reading) = self.verify.as_mut().and_then(|v| v.reading.take()) else {
            return;
        };
        let r = reading.job.wait();
        self.finish_verify(r);
    }

    fn finish_verify(&mut self, result: ReadResult) {
        let Some(v) = self.verify.as_mut() else {
            return;
        };
        v.reading = None;
        match result {
            Err(msg) => v.error = Some(msg),
            Ok(c) => {
                v.checked = Some(c);
                v.editing = false;
                v.filter = None;
                v.selected = 0;
                v.offset = 0;
            }
        }
    }
}

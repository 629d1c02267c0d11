//! The loading screen: a list read as a background job and its progress, then the progress
//! store beside it and what the user is told about both (restored or imported progress, a newer
//! list, a store that cannot be used), with a question first where one is due.

use std::path::{Path, PathBuf};

use super::review::open::{self, Opened};
use super::setup::SetupForm;
use super::start;
use crate::tui::app::{App, LoadResult, Loading, Popup, Screen};
use crate::tui::job::Job;
use crate::tui::screens::plan::PlanView;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::aktivliste::{self, Field, LoadOptions};
use crate::i18n::Localize;
use crate::i18n::ui::{self, T};
use crate::lang::Lang;
use crate::progress;
use crate::tui::popups::ask::Then;
use crate::tui::view::block;
use crate::workspace::{Notice, Prepared};

impl App {
    /// Starts reading a list on a background thread.
    pub fn open_path(&mut self, path: PathBuf) {
        if let Err(problem) = crate::error::FileProblem::check(&path) {
            let msg = problem.at(&path, self.lang());
            self.start.error = Some(msg.clone());
            self.error(T::ErrorTitle, vec![msg]);
            return;
        }
        self.start.error = None;
        let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        let options = self.load_options_for(&path);
        let p = path.clone();
        let lang = self.lang();
        // A panic in the reader becomes a failed read shown in the UI.
        let job = Job::spawn(
            move |_| Ok(open::read_any(&p, &options, lang)),
            move |detail| format!("{}: {detail}", T::ReadingInternalError.get(lang)),
            T::ReadStopped.get(lang).to_string(),
        );
        self.loading = Some(Loading { path, size, job });
        self.screen = Screen::Loading;
    }

    /// Reads a list on this thread (the command line's FILE, before the terminal is set up).
    /// A written plan opens for review.
    pub fn open_blocking(&mut self, path: &Path) -> Result<(), String> {
        let options = self.load_options_for(path);
        match open::read_any(path, &options, self.lang()) {
            Opened::List(loaded) => self.finish_load(Ok(loaded?)),
            Opened::Plan(view) => self.show_review(*view?),
        }
        Ok(())
    }

    /// Waits for a background read to finish (tests and benchmarks).
    pub fn wait_for_load(&mut self) {
        if let Some(l) = self.loading.take() {
            let r = l.job.wait().unwrap_or_else(|e| Opened::List(Err(e)));
            self.finish_open(r);
        }
    }

    /// Checks on a background read; returns whether the screen changed.
    pub fn poll(&mut self) -> bool {
        let Some(l) = &self.loading else {
            return false;
        };
        self.spinner = self.spinner.wrapping_add(1);
        if let Some(r) = l.job.poll() {
            self.loading = None;
            self.finish_open(r.unwrap_or_else(|e| Opened::List(Err(e))));
        }
        true
    }

    /// Where the list's progress is kept, and the earlier progress file to import.
    fn store_place_for(&self, list: &Path) -> (PathBuf, PathBuf) {
        crate::workspace::store_place(
            list,
            self.cfg.state_path.as_deref(),
            self.cfg.user.place_for(list),
        )
    }

    /// Column mappings: the ones chosen now, else those kept in the list's store (or in its
    /// earlier progress file).
    fn load_options_for(&mut self, list: &Path) -> LoadOptions {
        if self.columns.is_empty() {
            let (store_path, json_path) = self.store_place_for(list);
            let kept = crate::store::read_columns(&store_path).or_else(|| {
                match progress::read(&json_path) {
                    Ok(progress::ReadOutcome::Loaded(s)) => Some(s.columns),
                    _ => None,
                }
            });
            self.columns = kept
                .unwrap_or_default()
                .iter()
                .filter_map(|(k, h)| Field::from_key(k).map(|f| (f, h.clone())))
                .collect();
        }
        LoadOptions {
            columns: self.columns.clone(),
        }
    }

    /// Opens a read list: its store, what must be asked first, notices, the screen to show.
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
        let place = self.store_place_for(&list.path);
        let worker = self.cfg.user.worker();
        let prepared = Prepared::new(list, list_ref, place, &worker);
        let lang = self.lang();
        let questions: Vec<String> = prepared
            .questions()
            .iter()
            .flat_map(|q| crate::i18n::progress::question_lines(q, lang))
            .collect();
        self.prepared = Some(Box::new(prepared));
        if questions.is_empty() {
            self.open_prepared();
        } else {
            self.screen = Screen::Start;
            self.popups.push(Popup::Ask {
                title: T::OpenQuestionTitle.get(lang).to_string(),
                lines: questions,
                scroll: 0,
                then: Then::OpenList,
            });
        }
    }

    /// The answer to the question before opening was no: nothing was written.
    pub(crate) fn drop_prepared(&mut self) {
        self.prepared = None;
        self.status = Some((T::OpenCancelled.get(self.lang()).to_string(), false));
    }

    /// Makes the workspace of the list read and shows it.
    pub(crate) fn open_prepared(&mut self) {
        let Some(prepared) = self.prepared.take() else {
            return;
        };
        let now = self.now();
        let (mut ws, notices) = prepared.open(now);
        let columns = self
            .columns
            .iter()
            .map(|(f, h)| (f.key().to_string(), h.clone()))
            .collect();
        let saved = ws.set_columns(columns, now);
        self.setup = ws
            .saved_settings()
            .map(SetupForm::from_saved)
            .unwrap_or_default();
        self.screen = if ws.is_planned() {
            Screen::Plan
        } else {
            Screen::Summary
        };
        self.summary_scroll = 0;
        self.plan_view = ws.plan().map(PlanView::new);
        self.ws = Some(ws);
        self.last_refresh = std::time::Instant::now();
        for n in notices {
            self.notice(n);
        }
        self.note_saved(saved);
        if self.cfg.user.initials().is_none() {
            self.ask_initials();
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
            Notice::Imported {
                kept,
                events,
                unreadable,
            } => {
                let mut lines = vec![
                    format!("{} ({events})", T::StateImported.get(lang)),
                    format!("  {}", kept.display()),
                ];
                if !unreadable.is_empty() {
                    lines.push(String::new());
                    lines.push(format!(
                        "{} {}",
                        T::StateUnreadableParts.get(lang),
                        unreadable.join(", ")
                    ));
                }
                self.error(T::NoticeTitle, lines)
            }
            Notice::StoreProblem(e) => {
                self.error(T::ErrorTitle, vec![e.localize(lang)]);
                self.ask_store_place();
            }
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
                let show = self.show_cpr;
                let group = |lines: &mut Vec<String>, title: T, digits: &[String]| {
                    lines.push(format!("{} ({}):", title.get(lang), digits.len()));
                    for d in digits {
                        lines.push(format!(
                            "  {}  {}",
                            crate::i18n::progress::cpr_of(d, show),
                            names.get(d.as_str()).unwrap_or(&"")
                        ));
                    }
                };
                group(&mut lines, T::ChangesNew, &ch.new);
                lines.push(String::new());
                group(&mut lines, T::ChangesGone, &ch.gone);
                self.popups.push(Popup::Message {
                    title: T::ChangesTitle.get(lang).to_string(),
                    lines,
                    error: false,
                    scroll: 0,
                });
            }
            Notice::ReadOnly => self.ask_store_place(),
        }
    }

    /// Asks for another place for the progress (the list's folder cannot be written).
    pub(crate) fn ask_store_place(&mut self) {
        if self
            .popups
            .iter()
            .any(|p| matches!(p, Popup::StatePlace { .. }))
        {
            return;
        }
        let input = self.suggest_state_place();
        self.popups.push(Popup::StatePlace { input, error: None });
    }

    fn suggest_state_place(&self) -> String {
        let name = self
            .ws
            .as_ref()
            .and_then(|w| {
                w.store_path()
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
            })
            .unwrap_or_else(|| "aktivliste.skifteplan.db".into());
        let base = std::env::var_os("HOME")
            .map(PathBuf::from)
            .unwrap_or_else(|| self.cfg.cwd.clone());
        base.join(name).display().to_string()
    }
}

/// Reads a list and fingerprints it; the error is one line for a person.
pub(crate) fn read_list(path: &Path, options: &LoadOptions, lang: Lang) -> LoadResult {
    let list = aktivliste::load(path, options).map_err(|e| e.message(lang))?;
    let list_ref = progress::list_ref(path).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok((list, list_ref))
}

/// Draws the loading screen: the file, its size and the seconds so far.
pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    const FRAMES: [&str; 4] = ["⠋", "⠙", "⠸", "⠴"];
    let lang = app.lang();
    let Some(l) = &app.loading else {
        return;
    };
    let secs = l.job.elapsed().as_secs();
    let name = crate::i18n::ui::file_name(&l.path);
    let mut text = format!(
        "{} {} {name} ({})",
        FRAMES[app.spinner % FRAMES.len()],
        T::Loading.get(lang),
        ui::size(l.size)
    );
    if secs > 0 {
        text.push_str(&format!(" · {secs} s"));
    }
    let lines = vec![
        Line::styled(text, app.theme.accent),
        Line::styled(T::LoadingNote.get(lang), app.theme.muted),
    ];
    let b = block(T::Loading.get(lang).to_string(), app, true);
    frame.render_widget(Paragraph::new(lines).block(b), area);
}

//! The loading screen: a list read as a background job and its progress, then the state file
//! beside it and what the user is told about both (restored progress, a set-aside state file, a
//! newer list).

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
use crate::i18n::ui::{self, T};
use crate::lang::Lang;
use crate::progress::{self, Unusable};
use crate::tui::view::block;
use crate::workspace::{Notice, Workspace};

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
        self.screen = if ws.is_planned() {
            Screen::Plan
        } else {
            Screen::Summary
        };
        self.summary_scroll = 0;
        self.plan_view = ws.plan().map(PlanView::new);
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
}

/// Reads a list and fingerprints it; the error is one line for a person.
pub(crate) fn read_list(path: &Path, options: &LoadOptions, lang: Lang) -> LoadResult {
    let list = aktivliste::load(path, options).map_err(|e| e.message(lang))?;
    let list_ref = progress::list_ref(path).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok((list, list_ref))
}

/// CPR digits from the state file, shown masked unless full CPR is shown.
fn mask_digits(digits: &str, show: bool) -> String {
    match crate::domain::Cpr::parse(digits) {
        Ok((cpr, _)) => cpr.display(show),
        Err(_) => "??????-xxxx".to_string(),
    }
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

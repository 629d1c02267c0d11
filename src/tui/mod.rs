//! The terminal UI: a start screen, the load summary, the set-up, and the plan to work through
//! for days, saved as you go.
//!
//! The shape: input becomes a [`keys::Control`] through the one key table, [`App::step`] routes
//! it to the top popup or the screen shown, [`draw`] renders the state. The key table also builds
//! the help overlay and the hint bar.
//!
//! - `app.rs`: the [`App`] (the screen and popup stack, fields private to the UI) and the routing;
//! - `screens/`: each screen (start, loading, summary, set-up, plan, follow-up, review) with its
//!   state, its keys and its drawing;
//! - `popups/`: each popup with its keys and its drawing;
//! - `job.rs`: work off the UI thread (reading a list, the follow-up's read, the export) with a
//!   progress count, a cancel flag and a panic caught as an error;
//! - `exporting.rs`: the export's work as the job runs it;
//! - `view.rs`: the frame around the screens (header, status line, hints).

mod app;
mod exporting;
mod job;
pub mod keys;
mod merging;
mod popups;
mod saving;
mod screens;
mod theme;
mod view;

use std::path::PathBuf;
use std::time::Duration;

use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;

pub use crate::i18n::ui::T;
pub use app::{App, AppConfig, Popup, Screen};
pub use screens::plan::{Filter, Focus, PlanView, SortKey};
pub use screens::review::ReviewView;
pub use view::draw;

use crate::error::Error;
use crate::lang::Lang;

/// How the terminal UI is started.
#[derive(Clone, Debug, Default)]
pub struct TuiOptions {
    /// The list to open at once; none opens the start screen.
    pub file: Option<PathBuf>,
    /// Where the progress is saved; default beside the list.
    pub state: Option<PathBuf>,
    pub lang: Lang,
    pub light: bool,
    /// A written plan (action sheet or JSON) to open read-only in review mode instead of a list.
    pub review: Option<PathBuf>,
}

/// Reads a file into the app before the UI starts: a list, or a plan for review.
type OpenBlocking = fn(&mut App, &std::path::Path) -> Result<(), String>;

/// Runs the UI until the user quits. A FILE given on the command line is read before the
/// terminal is switched to raw mode, so an error prints as a normal message.
pub fn run(options: TuiOptions) -> Result<(), Error> {
    let cwd = std::env::current_dir().map_err(|e| Error::WorkingFolder(e.kind()))?;
    let cfg = AppConfig {
        lang: options.lang,
        light: options.light,
        no_color: theme::no_color_env(),
        today: None,
        state_path: options.state.clone(),
        user: crate::userconf::UserConfig::load(crate::userconf::default_path()),
        recent_file: screens::start::default_recent_file(),
        sample_dirs: screens::start::sample_dirs(&cwd),
        cwd,
    };
    let mut app = App::new(cfg);
    let first: Option<(&PathBuf, OpenBlocking)> = match (&options.review, &options.file) {
        (Some(plan), _) => Some((plan, App::open_review_blocking)),
        (None, Some(file)) => Some((file, App::open_blocking)),
        (None, None) => None,
    };
    // Without a terminal (cron, a pipe, `</dev/null`) the UI cannot draw or read keys: one line
    // says so, after a file given was found (so a missing file is named first) and before it is
    // read (reading opens its progress file, which may set it aside or save it).
    if let Some((path, _)) = first {
        crate::error::FileProblem::check(path).map_err(|p| Error::file(path, p))?;
    }
    {
        use std::io::IsTerminal;
        if !(std::io::stdin().is_terminal() && std::io::stdout().is_terminal()) {
            return Err(Error::NoTerminal);
        }
    }
    if let Some((path, open)) = first {
        let note = ReadingNote::show(path, options.lang);
        let opened = open(&mut app, path);
        drop(note);
        opened.map_err(Error::Open)?;
    }
    let stop = StopSignals::register();
    let mut terminal = ratatui::init();
    TerminalWatch::start();
    let guard = MouseGuard::enable();
    let result = event_loop(&mut terminal, &mut app, &stop);
    // However the loop ended (q, a stop signal, a failed terminal), an export still running is
    // cancelled and waited for: its temporary file is removed, and files already in place stay
    // complete and together.
    app.stop_export();
    app.flush_before_exit();
    drop(guard);
    ratatui::restore();
    result.map_err(|e| Error::Terminal(e.kind()))?;
    match stop.received() {
        // Progress is written with every change; what could not be was tried once more above.
        Some(signal) => Err(Error::Stopped(signal)),
        None => Ok(()),
    }
}

/// A large file takes seconds to read before the UI starts: say what is happening, on a
/// terminal only, on one line that is blanked again when the reading ends (also when it fails,
/// so the error stands alone). Small files read at once and get no note.
struct ReadingNote(usize);

impl ReadingNote {
    const FROM_BYTES: u64 = 4 << 20;

    fn show(path: &std::path::Path, lang: Lang) -> ReadingNote {
        use std::io::{IsTerminal, Write};
        let mut err = std::io::stderr();
        let large = std::fs::metadata(path).is_ok_and(|m| m.len() >= Self::FROM_BYTES);
        if !large || !err.is_terminal() {
            return ReadingNote(0);
        }
        let name = path
            .file_name()
            .unwrap_or(path.as_os_str())
            .to_string_lossy();
        let note = format!("{} {name} …", T::VerifyReading.get(lang));
        let _ = write!(err, "{note}");
        let _ = err.flush();
        ReadingNote(note.chars().count())
    }
}

impl Drop for ReadingNote {
    fn drop(&mut self) {
        use std::io::Write;
        if self.0 > 0 {
            let _ = write!(std::io::stderr(), "\r{}\r", " ".repeat(self.0));
        }
    }
}

/// SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1/2, SIGALRM and SIGABRT end the event loop like `q`
/// does, so the terminal is restored (raw mode off, the alternate screen left, mouse capture
/// off) instead of the process dying in raw mode. In raw mode Ctrl-C is a key, not SIGINT; the signals come from
/// `kill`, a closed terminal window or a logout.
struct StopSignals {
    received: std::sync::Arc<std::sync::atomic::AtomicUsize>,
    /// SIGTSTP (`kill -TSTP`; Ctrl-Z is a key in raw mode): suspend with the terminal restored.
    suspend: std::sync::Arc<std::sync::atomic::AtomicBool>,
}

impl StopSignals {
    #[cfg(unix)]
    // USR1, USR2, ALRM and ABRT end a process by default too: without a handler they would
    // leave the terminal in raw mode, on the alternate screen, with mouse reporting on.
    const SIGNALS: [(i32, &'static str); 8] = [
        (signal_hook::consts::SIGTERM, "SIGTERM"),
        (signal_hook::consts::SIGHUP, "SIGHUP"),
        (signal_hook::consts::SIGINT, "SIGINT"),
        (signal_hook::consts::SIGQUIT, "SIGQUIT"),
        (signal_hook::consts::SIGUSR1, "SIGUSR1"),
        (signal_hook::consts::SIGUSR2, "SIGUSR2"),
        (signal_hook::consts::SIGALRM, "SIGALRM"),
        (signal_hook::consts::SIGABRT, "SIGABRT"),
    ];
    #[cfg(not(unix))]
    const SIGNALS: [(i32, &'static str); 0] = [];

    fn register() -> StopSignals {
        let received = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
        #[cfg(unix)]
        for (signal, _) in Self::SIGNALS {
            // A registration that fails leaves that signal's default: the process ends as before.
            let _ = signal_hook::flag::register_usize(signal, received.clone(), signal as usize);
        }
        let suspend = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        #[cfg(unix)]
        {
            let _ = signal_hook::flag::register(signal_hook::consts::SIGTSTP, suspend.clone());
        }
        StopSignals { received, suspend }
    }

    /// Whether a suspend was asked for since the last call.
    fn take_suspend(&self) -> bool {
        self.suspend
            .swap(false, std::sync::atomic::Ordering::Relaxed)
    }

    /// The name of the signal that asked the UI to stop, if one did.
    fn received(&self) -> Option<&'static str> {
        let n = self.received.load(std::sync::atomic::Ordering::Relaxed);
        (n != 0).then(|| {
            Self::SIGNALS
                .iter()
                .find(|(signal, _)| *signal as usize == n)
                .map_or("?", |(_, name)| *name)
        })
    }
}

/// Ends the program when its terminal goes away (the window closed, an ssh connection lost).
/// The event reader then reads an endless end of input inside one call that never returns, so
/// the UI would spin on at full speed, unseen, holding its store open. Every change is written
/// to the store as it is made, so nothing saved is lost by ending here; what could not be
/// written was already said on the screen that is gone.
struct TerminalWatch;

impl TerminalWatch {
    const EVERY: Duration = Duration::from_millis(500);

    fn start() {
        let _ = std::thread::Builder::new()
            .name("terminal-watch".into())
            .spawn(|| {
                use std::io::IsTerminal;
                loop {
                    std::thread::sleep(Self::EVERY);
                    if !std::io::stdin().is_terminal() {
                        // An export still being written is not finished: its temporary file
                        // goes too.
                        crate::export::temp::abandon();
                        std::process::exit(2);
                    }
                }
            });
    }
}

/// Mouse capture on while alive. `ratatui::restore` (also run by its panic hook) does not turn
/// it off, so this guard does on drop, and a panic hook does it before ratatui's.
///
/// The hook restores the terminal only for a panic on the UI thread. A background read that
/// panics is reported by the UI as a failed read and the UI goes on, so it must not leave the
/// alternate screen and raw mode behind it (nor print over the screen).
struct MouseGuard;

impl MouseGuard {
    fn enable() -> MouseGuard {
        let _ = execute!(std::io::stdout(), EnableMouseCapture);
        let ui_thread = std::thread::current().id();
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if std::thread::current().id() != ui_thread {
                return;
            }
            let _ = execute!(std::io::stdout(), DisableMouseCapture);
            previous(info);
        }));
        MouseGuard
    }
}

impl Drop for MouseGuard {
    fn drop(&mut self) {
        let _ = execute!(std::io::stdout(), DisableMouseCapture);
    }
}

fn is_ctrl_z(ev: &event::Event) -> bool {
    use event::{KeyCode, KeyEventKind, KeyModifiers};
    matches!(ev, event::Event::Key(k)
        if k.kind == KeyEventKind::Press
            && k.code == KeyCode::Char('z')
            && k.modifiers.contains(KeyModifiers::CONTROL))
}

/// Suspends the UI as a shell's job control expects (Ctrl-Z, `kill -TSTP`): the terminal is
/// given back as it was (mouse, raw mode and the alternate screen off), the process stops, and
/// on SIGCONT (`fg`) the UI takes the terminal again and draws afresh.
#[cfg(unix)]
fn suspend(terminal: &mut ratatui::DefaultTerminal) -> std::io::Result<()> {
    use ratatui::crossterm::terminal::{EnterAlternateScreen, enable_raw_mode};
    let _ = execute!(std::io::stdout(), DisableMouseCapture);
    ratatui::restore();
    signal_hook::low_level::raise(signal_hook::consts::SIGSTOP)?;
    enable_raw_mode()?;
    execute!(std::io::stdout(), EnterAlternateScreen, EnableMouseCapture)?;
    // Cleared and drawn whole on the next frame; `clear` would ask the terminal where its
    // cursor is, which the screen does not need.
    let size = terminal.size()?;
    terminal.resize(ratatui::layout::Rect::new(0, 0, size.width, size.height))
}

#[cfg(not(unix))]
fn suspend(_: &mut ratatui::DefaultTerminal) -> std::io::Result<()> {
    Ok(())
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    stop: &StopSignals,
) -> std::io::Result<()> {
    let mut dirty = true;
    while !app.quit && stop.received().is_none() {
        if dirty {
            terminal.draw(|f| draw(f, app))?;
            dirty = false;
        }
        // Idle, wake four times a second: a stop signal is seen that soon.
        let timeout = if app.loading.is_some() || app.verify_busy() || app.export_busy() {
            Duration::from_millis(100)
        } else {
            Duration::from_millis(250)
        };
        if event::poll(timeout)? {
            let ev = event::read()?;
            if is_ctrl_z(&ev) {
                stop.suspend
                    .store(true, std::sync::atomic::Ordering::Relaxed);
            } else {
                dirty |= app.handle_event(&ev);
            }
        }
        if stop.take_suspend() {
            suspend(terminal)?;
            dirty = true;
        }

        dirty |= app.poll();
        dirty |= app.poll_verify();
        dirty |= app.poll_export();
        dirty |= app.poll_store();
        if !app.to_terminal.is_empty() {
            // The clipboard's OSC 52: written as is, it moves no cursor.
            use std::io::Write;
            let mut out = std::io::stdout();
            let _ = out.write_all(&std::mem::take(&mut app.to_terminal));
            let _ = out.flush();
        }
    }
    Ok(())
}

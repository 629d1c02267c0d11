//! The real binary in a pseudo-terminal: open the bundled sample, set up model 2, tick an action,
//! quit, and check the exit code, the restored terminal and the saved tick. A missing FILE must
//! print a one-line error before the terminal is touched.
//!
//! The pty is the terminal, so these run without one (CI, no stdin). Output is read on a thread
//! and fed to a terminal emulator, so a wait is for text on the screen, not for bytes; every wait
//! has a deadline and a failing test kills the child, so the suite never hangs.
#![allow(clippy::unwrap_used, clippy::panic)] // a test, bench or dev tool: a failed expectation may stop it
#![cfg(unix)]

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

mod tui_common;

const ROWS: u16 = 24;
const COLS: u16 = 80;
/// The whole of one test, start to exit.
const DEADLINE: Duration = Duration::from_secs(20);

const LEAVE_ALT_SCREEN: &str = "\x1b[?1049l";
const ENTER_ALT_SCREEN: &str = "\x1b[?1049h";
const SHOW_CURSOR: &str = "\x1b[?25h";
/// What crossterm's `DisableMouseCapture` writes (and `EnableMouseCapture` with `h`).
const MOUSE_MODES: [&str; 5] = ["1000", "1002", "1003", "1015", "1006"];

/// The binary running in a pty, its output collected on a thread.
struct PtyRun {
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    output: Arc<Mutex<Vec<u8>>>,
    /// Signals once the reader has seen the end of the output.
    eof: Receiver<()>,
    started: Instant,
    _master: Box<dyn MasterPty + Send>,
}

/// The program started with `args` in a new pty of [`ROWS`]×[`COLS`]; the caller holds the
/// pty's master, the child alone its slave.
fn spawn_in_pty(
    args: &[&str],
    config_home: &Path,
) -> (Box<dyn MasterPty + Send>, Box<dyn Child + Send + Sync>) {
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: ROWS,
            cols: COLS,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("open a pty");
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_skifteplan"));
    cmd.args(args);
    cmd.cwd(env!("CARGO_MANIFEST_DIR"));
    cmd.env("TERM", "xterm-256color");
    cmd.env("LANG", "C.UTF-8");
    // Recently opened files go here, not into the real home.
    cmd.env("XDG_CONFIG_HOME", config_home);
    cmd.env_remove("NO_COLOR");
    let child = pty.slave.spawn_command(cmd).expect("spawn skifteplan");
    // Only the child holds the slave now, so the reader sees the end when it exits.
    drop(pty.slave);
    (pty.master, child)
}

impl PtyRun {
    fn spawn(args: &[&str], config_home: &Path) -> PtyRun {
        let (master, child) = spawn_in_pty(args, config_home);

        let mut reader = master.try_clone_reader().expect("pty reader");
        let writer = master.take_writer().expect("pty writer");
        let output = Arc::new(Mutex::new(Vec::new()));
        let (tx, eof) = mpsc::channel();
        let sink = Arc::clone(&output);
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            loop {
                match reader.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => sink.lock().unwrap().extend_from_slice(&buf[..n]),
                }
            }
            let _ = tx.send(());
        });
        PtyRun {
            child,
            writer,
            output,
            eof,
            started: Instant::now(),
            _master: master,
        }
    }

    fn left(&self) -> Duration {
        DEADLINE.saturating_sub(self.started.elapsed())
    }

    fn bytes(&self) -> Vec<u8> {
        self.output.lock().unwrap().clone()
    }

    /// The screen as a terminal would show it after everything written so far.
    fn screen(&self) -> String {
        let mut parser = vt100::Parser::new(
            NonZeroU16::new(ROWS).unwrap(),
            NonZeroU16::new(COLS).unwrap(),
            0,
        );
        parser.process(&self.bytes());
        parser.screen().contents()
    }

    /// Kills the child and fails with what the screen showed.
    fn fail(&mut self, what: &str) -> ! {
        let _ = self.child.kill();
        let _ = self.child.wait();
        panic!(
            "{what} (after {:?})\n--- screen ---\n{}\n--- raw tail ---\n{:?}",
            self.started.elapsed(),
            self.screen(),
            String::from_utf8_lossy(&tail(&self.bytes(), 400)),
        );
    }

    fn wait_for(&mut self, text: &str) {
        while self.left() > Duration::ZERO {
            if self.screen().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        self.fail(&format!("{text:?} never appeared on the screen"));
    }

    fn wait_until(&mut self, what: &str, mut done: impl FnMut() -> bool) {
        while self.left() > Duration::ZERO {
            if done() {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        self.fail(what);
    }

    /// Sends one key's bytes, then gives the app a moment so an escape sequence is not split
    /// from or merged with the next key.
    fn key(&mut self, bytes: &str) {
        if self.writer.write_all(bytes.as_bytes()).is_err() || self.writer.flush().is_err() {
            self.fail(&format!("could not send {bytes:?}"));
        }
        std::thread::sleep(Duration::from_millis(60));
    }

    fn keys(&mut self, keys: &[&str]) {
        for k in keys {
            self.key(k);
        }
    }

    /// Waits for the exit and the end of the output; returns the exit code.
    fn finish(&mut self) -> u32 {
        let status = loop {
            match self.child.try_wait() {
                Ok(Some(status)) => break status,
                Ok(None) if self.left() > Duration::ZERO => {
                    std::thread::sleep(Duration::from_millis(20))
                }
                Ok(None) => self.fail("the program did not exit"),
                Err(e) => self.fail(&format!("waiting for the program: {e}")),
            }
        };
        if self.eof.recv_timeout(self.left()).is_err() {
            self.fail("the output did not end after the exit");
        }
        status.exit_code()
    }
}

/// Everything that restores the terminal comes after the last frame (the last `marker` drawn):
/// mouse capture off, then the alternate screen left and the cursor shown, and nothing drawn
/// after that.
fn assert_restored_after(out: &str, marker: &str) {
    let last_frame = out.rfind(marker).expect("a drawn screen");
    let restore = &out[last_frame..];
    for mode in MOUSE_MODES {
        assert!(
            restore.contains(&format!("\x1b[?{mode}l")),
            "mouse mode {mode} not turned off: {:?}",
            tail(restore.as_bytes(), 200)
        );
    }
    let leave = restore
        .rfind(LEAVE_ALT_SCREEN)
        .expect("left the alternate screen");
    let show = restore.rfind(SHOW_CURSOR).expect("cursor shown again");
    assert!(
        !restore[leave..].contains(ENTER_ALT_SCREEN),
        "the alternate screen was entered again after leaving it"
    );
    let end = leave.max(show);
    let trailing = &restore[end..]
        .replacen(LEAVE_ALT_SCREEN, "", 1)
        .replacen(SHOW_CURSOR, "", 1);
    // What may follow is the one-line message on stderr (the pty shows both streams).
    let trailing: String = trailing
        .lines()
        .filter(|l| !l.starts_with("skifteplan: "))
        .collect();
    assert!(
        trailing.chars().all(char::is_whitespace),
        "output after the terminal was restored: {trailing:?}"
    );
}

fn tail(bytes: &[u8], n: usize) -> Vec<u8> {
    bytes[bytes.len().saturating_sub(n)..].to_vec()
}

fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data/aktivliste-lille.xlsx")
}

const TAB: &str = "\t";
const ENTER: &str = "\r";
const RIGHT: &str = "\x1b[C";
const DOWN: &str = "\x1b[B";
const BACKSPACE: &str = "\x7f";

/// The store beside `state` (given as the earlier `.json` name): the ticks in it, read as a
/// colleague would, once it exists.
fn stored_ticks(state: &Path) -> Option<usize> {
    let db = state.with_extension("db");
    if !db.exists() {
        return None;
    }
    let list = skifteplan::progress::ListRef::default();
    let store = skifteplan::store::Store::open(&db, &list, "READER").ok()?;
    Some(store.progress().ticks().len())
}

fn stored(state: &Path) -> skifteplan::store::Progress {
    let list = skifteplan::progress::ListRef::default();
    skifteplan::store::Store::open(&state.with_extension("db"), &list, "READER")
        .unwrap()
        .progress()
        .clone()
}

/// The bundled sample opened, set up for model 2 with D typed, one action ticked and saved.
fn ticked_plan(dir: &Path, state: &Path) -> PtyRun {
    let list = sample();
    let mut s = PtyRun::spawn(
        &[list.to_str().unwrap(), "--state", state.to_str().unwrap()],
        dir,
    );
    s.wait_for("Dine initialer");
    s.keys(&[&BACKSPACE.repeat(20), "PT", ENTER]);
    s.wait_for("Indlæst liste");
    s.key(ENTER);
    s.wait_for("Opsætning af skiftet");
    // Kommune → Leverandør → Systemnavn → Skiftedato, type D, on to the model, pick model 2.
    s.keys(&[TAB, TAB, TAB, "31-03-2026", TAB, RIGHT, RIGHT]);
    s.wait_for("(•) Model 2");
    s.key(ENTER);
    s.wait_for("Udført 0/");
    s.keys(&[DOWN, " "]);
    s.wait_until("the tick was never saved", || {
        stored_ticks(state).is_some_and(|t| t == 1)
    });
    s
}

#[test]
fn ticks_quits_cleanly_and_restores_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("lille.skifteplan.json");
    let mut s = ticked_plan(dir.path(), &state);
    s.key("q");
    let code = s.finish();

    let out = String::from_utf8_lossy(&s.bytes()).into_owned();
    assert_eq!(code, 0, "exit code; screen:\n{}", s.screen());
    assert!(
        out.contains(ENTER_ALT_SCREEN),
        "never entered the alternate screen"
    );
    assert_restored_after(&out, "Udført");

    let saved = stored(&state);
    assert_eq!(saved.ticks().len(), 1);
    assert!(saved.ticks().values().all(|r| r.worker == "PT"));
    let settings = saved.settings().unwrap();
    assert_eq!(settings.model, skifteplan::plan::Model::Two);
    assert_eq!(
        settings.switch_date,
        chrono::NaiveDate::from_ymd_opt(2026, 3, 31).unwrap()
    );
}

#[test]
fn a_stop_signal_restores_the_terminal_and_keeps_the_ticks() {
    for signal in ["TERM", "HUP", "USR1", "ALRM"] {
        let dir = tempfile::tempdir().unwrap();
        let state = dir.path().join("lille.skifteplan.json");
        let mut s = ticked_plan(dir.path(), &state);
        let pid = s.child.process_id().expect("the child's pid");
        let sent = std::process::Command::new("kill")
            .args([format!("-{signal}"), pid.to_string()])
            .status()
            .expect("kill runs");
        assert!(sent.success(), "kill -{signal} failed");
        let code = s.finish();
        let out = String::from_utf8_lossy(&s.bytes()).into_owned();
        assert_eq!(code, 2, "SIG{signal}: exit code; screen:\n{}", s.screen());
        assert!(
            out.contains(&format!("skifteplan: afbrudt af signalet SIG{signal}")),
            "{:?}",
            tail(out.as_bytes(), 300)
        );
        assert_restored_after(&out, "Udført");
        assert_eq!(stored_ticks(&state), Some(1), "the tick is kept");
    }
}

#[test]
fn a_missing_file_is_a_plain_error_before_the_terminal_is_touched() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("findes-ikke.xlsx");
    let mut s = PtyRun::spawn(&[missing.to_str().unwrap()], dir.path());
    let code = s.finish();

    let out = String::from_utf8_lossy(&s.bytes()).into_owned();
    assert_eq!(code, 2, "exit code; output: {out:?}");
    assert!(!out.contains('\x1b'), "escape sequences written: {out:?}");
    // Output post-processing still on (the terminal was never put in raw mode): "\n" → "\r\n".
    assert!(out.ends_with("\r\n"), "not a cooked terminal line: {out:?}");
    let lines: Vec<&str> = out.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(lines.len(), 1, "one line: {out:?}");
    assert!(lines[0].starts_with("skifteplan: "), "{out:?}");
    assert!(lines[0].contains("findes-ikke.xlsx"), "{out:?}");
}

/// A plan exported from the small sample (model 2), written into `dir`.
fn exported_plan(dir: &Path) -> PathBuf {
    use skifteplan::aktivliste::{LoadOptions, load};
    use skifteplan::export::{ExportInput, xlsx_bytes};
    use skifteplan::plan::{self, Action, CitizenPlan, Model, Settings};
    let list = load(&sample(), &LoadOptions::default()).unwrap();
    let switch = chrono::NaiveDate::from_ymd_opt(2026, 3, 31).unwrap();
    // Its conflicts decided, so the review opens on a plan with nothing to find.
    let mut settings = Settings::new(Model::Two, switch);
    tui_common::decide_all(&list.citizens, &mut settings);
    let plan = plan::plan(&list.citizens, &settings);
    let none = |_: &CitizenPlan, _: &Action| None;
    let bytes = xlsx_bytes(&ExportInput {
        plan: &plan,
        list: &list,
        show_cpr: false,
        lang: skifteplan::lang::Lang::Da,
        generated_at: switch.and_hms_opt(9, 0, 0).unwrap(),
        done: &none,
    })
    .unwrap();
    let path = dir.join("handlinger.xlsx");
    std::fs::write(&path, bytes).unwrap();
    path
}

fn listing(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn review_shows_the_plan_read_only_and_quits_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let plans = dir.path().join("planer");
    std::fs::create_dir(&plans).unwrap();
    let plan = exported_plan(&plans);
    let before = listing(&plans);
    let mut s = PtyRun::spawn(&["review", plan.to_str().unwrap()], dir.path());

    s.wait_for("SKRIVEBESKYTTET");
    s.wait_for("Ingen fund: planen følger reglerne.");
    s.wait_for("Række 1 af");
    s.keys(&[DOWN, "n", " "]);
    s.wait_for("Række 2 af");
    s.key("q");
    let code = s.finish();

    let out = String::from_utf8_lossy(&s.bytes()).into_owned();
    assert_eq!(code, 0, "exit code; screen:\n{}", s.screen());
    let last_frame = out.rfind("SKRIVEBESKYTTET").expect("a drawn review");
    let restore = &out[last_frame..];
    for mode in MOUSE_MODES {
        assert!(
            restore.contains(&format!("\x1b[?{mode}l")),
            "mouse mode {mode} not turned off"
        );
    }
    assert!(
        restore.contains(LEAVE_ALT_SCREEN),
        "left the alternate screen"
    );
    assert!(restore.contains(SHOW_CURSOR), "cursor shown again");
    assert!(!out.contains("panicked"), "{out:?}");
    assert_eq!(listing(&plans), before, "nothing written beside the plan");
}

#[test]
fn a_large_file_says_it_is_being_read_and_the_error_stands_alone() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("stor-plan.xlsx");
    // 5 MiB that is no workbook: read (and refused) before the terminal is touched.
    std::fs::write(&big, vec![b'x'; 5 << 20]).unwrap();
    let mut s = PtyRun::spawn(&["review", big.to_str().unwrap()], dir.path());
    let code = s.finish();
    let out = String::from_utf8_lossy(&s.bytes()).into_owned();
    assert_eq!(code, 2, "{out:?}");
    assert!(out.starts_with("Læser stor-plan.xlsx …"), "{out:?}");
    // On the screen the note is blanked and the error stands alone on its line.
    let screen = s.screen();
    let shown: Vec<&str> = screen.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(shown.len(), 1, "{screen:?}");
    assert!(shown[0].starts_with("skifteplan: "), "{screen:?}");
    assert!(!shown[0].contains("Læser"), "{screen:?}");
}

#[test]
fn an_unreadable_plan_is_a_plain_error_with_exit_code_2() {
    let dir = tempfile::tempdir().unwrap();
    let junk = dir.path().join("plan.xlsx");
    std::fs::write(&junk, "dette er ikke et regneark").unwrap();
    let missing = dir.path().join("findes-ikke.xlsx");
    for (path, says) in [(&junk, "ikke en plan"), (&missing, "findes-ikke.xlsx")] {
        let mut s = PtyRun::spawn(&["review", path.to_str().unwrap()], dir.path());
        let code = s.finish();
        let out = String::from_utf8_lossy(&s.bytes()).into_owned();
        assert_eq!(code, 2, "exit code; output: {out:?}");
        assert!(!out.contains('\x1b'), "escape sequences written: {out:?}");
        assert!(!out.contains("panicked"), "{out:?}");
        let lines: Vec<&str> = out.lines().filter(|l| !l.trim().is_empty()).collect();
        assert_eq!(lines.len(), 1, "one line: {out:?}");
        assert!(lines[0].starts_with("skifteplan: "), "{out:?}");
        assert!(lines[0].contains(says), "{out:?}");
    }
    assert_eq!(listing(dir.path()), vec!["plan.xlsx".to_string()]);
}

#[test]
fn a_lost_terminal_ends_the_ui_instead_of_spinning() {
    // A pty of its own, with no reader holding the terminal open: closing it is the window
    // going away.
    let dir = tempfile::tempdir().unwrap();
    let list = sample();
    let (master, mut child) = spawn_in_pty(&[list.to_str().unwrap()], dir.path());
    // The UI is up (the list is small): then the terminal goes.
    std::thread::sleep(Duration::from_millis(1500));
    assert!(matches!(child.try_wait(), Ok(None)), "the UI started");
    drop(master);
    let started = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(status)) => {
                assert_ne!(status.exit_code(), 0, "a lost terminal is not a clean quit");
                break;
            }
            Ok(None) if started.elapsed() < Duration::from_secs(10) => {
                std::thread::sleep(Duration::from_millis(50));
            }
            Ok(None) => {
                let _ = child.kill();
                panic!("the UI went on running without its terminal");
            }
            Err(e) => panic!("waiting for the UI: {e}"),
        }
    }
}

/// The state letter of a process (`T`: stopped), from /proc.
fn state_of(pid: u32) -> Option<char> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    stat.rsplit_once(") ")?.1.chars().next()
}

#[test]
fn a_suspend_gives_the_terminal_back_and_fg_takes_it_again() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("lille.skifteplan.json");
    let mut s = ticked_plan(dir.path(), &state);
    let pid = s.child.process_id().expect("the child's pid");
    let before = s.bytes().len();
    let kill = |sig: &str| {
        std::process::Command::new("kill")
            .args([format!("-{sig}"), pid.to_string()])
            .status()
            .expect("kill runs")
    };
    assert!(kill("TSTP").success());
    s.wait_until("the UI did not stop", || state_of(pid) == Some('T'));
    let since: String = String::from_utf8_lossy(&s.bytes()[before..]).into_owned();
    assert!(
        since.contains(LEAVE_ALT_SCREEN),
        "stopped without giving the terminal back: {since:?}"
    );
    assert!(kill("CONT").success());
    let output = Arc::clone(&s.output);
    s.wait_until("the UI did not take the terminal again", || {
        String::from_utf8_lossy(&output.lock().unwrap()[before..]).contains(ENTER_ALT_SCREEN)
    });
    s.wait_for("Udført 1/");
    s.key("q");
    assert_eq!(s.finish(), 0, "screen:\n{}", s.screen());
    assert_eq!(stored_ticks(&state), Some(1), "the tick is kept");
}

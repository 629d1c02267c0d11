//! The one process-test harness: the built `skifteplan` binary run with arguments, standard
//! input and environment, and its exit code, standard output and standard error checked. Every
//! failed check names the command and shows what it printed.
//!
//! ```ignore
//! #[path = "util/mod.rs"] // or `mod util;` from a file in `tests/`
//! mod util;
//! use util::skifteplan;
//!
//! skifteplan().args(["plan", "--help"]).run().assert_code(0).assert_stdout_has("--model");
//! ```
#![allow(dead_code)]

use std::ffi::OsStr;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

/// The binary under test, without a terminal and without `NO_COLOR` from the caller's
/// environment.
pub fn skifteplan() -> TestCommand {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_skifteplan"));
    cmd.env_remove("NO_COLOR");
    TestCommand { cmd, stdin: None }
}

/// A file of `sample-data/`.
pub fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sample-data")
        .join(name)
}

/// Whether a text holds a CPR number in full: `DDMMYY-NNNN` or ten digits in a row (the masked
/// form `DDMMYY-xxxx` does not count).
pub fn has_full_cpr(text: &str) -> bool {
    let b = text.as_bytes();
    (0..b.len()).any(|i| {
        let digits = |s: usize, n: usize| {
            b.get(s..s + n)
                .is_some_and(|x| x.iter().all(u8::is_ascii_digit))
        };
        digits(i, 6) && ((b.get(i + 6) == Some(&b'-') && digits(i + 7, 4)) || digits(i + 6, 4))
    })
}

/// A command line to run, built up as with [`Command`].
#[derive(Debug)]
pub struct TestCommand {
    cmd: Command,
    stdin: Option<Vec<u8>>,
}

impl TestCommand {
    pub fn arg(&mut self, arg: impl AsRef<OsStr>) -> &mut TestCommand {
        self.cmd.arg(arg);
        self
    }

    pub fn args<I, A>(&mut self, args: I) -> &mut TestCommand
    where
        I: IntoIterator<Item = A>,
        A: AsRef<OsStr>,
    {
        self.cmd.args(args);
        self
    }

    pub fn env(&mut self, key: &str, value: impl AsRef<OsStr>) -> &mut TestCommand {
        self.cmd.env(key, value);
        self
    }

    pub fn env_remove(&mut self, key: &str) -> &mut TestCommand {
        self.cmd.env_remove(key);
        self
    }

    pub fn current_dir(&mut self, dir: impl AsRef<Path>) -> &mut TestCommand {
        self.cmd.current_dir(dir);
        self
    }

    /// Bytes for standard input; without them, standard input is empty (`/dev/null`).
    pub fn stdin(&mut self, bytes: impl Into<Vec<u8>>) -> &mut TestCommand {
        self.stdin = Some(bytes.into());
        self
    }

    /// The command itself, for a test that drives the process by hand (closes a pipe early,
    /// sends a signal).
    pub fn command(&mut self) -> &mut Command {
        &mut self.cmd
    }

    /// Runs the command to its end and captures what it printed.
    pub fn run(&mut self) -> Run {
        self.run_within(None)
    }

    /// Runs the command, following its peak resident memory (`VmHWM`; 0 without `/proc`), and
    /// fails when it takes longer than `limit` (the process is killed).
    pub fn run_watched(&mut self, limit: Duration) -> Run {
        self.run_within(Some(limit))
    }

    fn run_within(&mut self, limit: Option<Duration>) -> Run {
        let start = Instant::now();
        let mut child = self
            .cmd
            .stdin(if self.stdin.is_some() {
                Stdio::piped()
            } else {
                Stdio::null()
            })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("{:?} does not start: {e}", self.cmd));
        // Standard input and both outputs in threads, so a full pipe never stops the child.
        let input = self.stdin.clone().zip(child.stdin.take());
        let feeder = std::thread::spawn(move || {
            if let Some((bytes, mut pipe)) = input {
                // The child may end without reading it all; that is its business.
                let _ = pipe.write_all(&bytes);
            }
        });
        let drain = |pipe: Option<Box<dyn Read + Send>>| {
            std::thread::spawn(move || {
                let mut out = Vec::new();
                if let Some(mut p) = pipe {
                    let _ = p.read_to_end(&mut out);
                }
                out
            })
        };
        let stdout = drain(
            child
                .stdout
                .take()
                .map(|p| Box::new(p) as Box<dyn Read + Send>),
        );
        let stderr = drain(
            child
                .stderr
                .take()
                .map(|p| Box::new(p) as Box<dyn Read + Send>),
        );
        let mut peak = 0;
        let status = loop {
            if let Some(k) = peak_kib(child.id()) {
                peak = peak.max(k);
            }
            if let Some(status) = child.try_wait().expect("the child can be waited for") {
                break status;
            }
            if let Some(limit) = limit
                && start.elapsed() > limit
            {
                let _ = child.kill();
                let _ = child.wait();
                panic!("{:?}: took more than {limit:?}", self.cmd);
            }
            std::thread::sleep(Duration::from_millis(if limit.is_some() { 2 } else { 10 }));
        };
        let _ = feeder.join();
        let stdout = stdout.join().expect("standard output is read");
        let stderr = stderr.join().expect("standard error is read");
        Run {
            command: format!("{:?}", self.cmd),
            status,
            stdout_text: String::from_utf8_lossy(&stdout).into_owned(),
            stdout,
            stderr: String::from_utf8_lossy(&stderr).into_owned(),
            peak_kib: peak,
            elapsed: start.elapsed(),
        }
    }
}

/// The peak resident memory of a running process, from `/proc`.
fn peak_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// A finished run: how it ended and what it printed.
#[derive(Debug)]
pub struct Run {
    command: String,
    status: ExitStatus,
    stdout: Vec<u8>,
    stdout_text: String,
    stderr: String,
    /// The peak resident memory seen (KiB; 0 when not followed or without `/proc`).
    pub peak_kib: u64,
    pub elapsed: Duration,
}

impl Run {
    /// The exit code; a run ended by a signal fails here.
    pub fn code(&self) -> i32 {
        self.status
            .code()
            .unwrap_or_else(|| self.fail(&format!("ended by a signal ({})", self.status)))
    }

    pub fn stdout(&self) -> &str {
        &self.stdout_text
    }

    pub fn stdout_bytes(&self) -> &[u8] {
        &self.stdout
    }

    pub fn stderr(&self) -> &str {
        &self.stderr
    }

    /// Fails with `what`, the command and everything it printed.
    #[track_caller]
    pub fn fail(&self, what: &str) -> ! {
        panic!(
            "\n===== {}\n{what}\n----- status: {}\n----- stdout:\n{}\n----- stderr:\n{}\n=====\n",
            self.command, self.status, self.stdout_text, self.stderr
        )
    }

    #[track_caller]
    pub fn assert_code(&self, expected: i32) -> &Run {
        if self.code() != expected {
            self.fail(&format!("exit code {}, expected {expected}", self.code()));
        }
        self
    }

    #[track_caller]
    pub fn assert_stdout_has(&self, needle: &str) -> &Run {
        if !self.stdout_text.contains(needle) {
            self.fail(&format!("standard output lacks {needle:?}"));
        }
        self
    }

    #[track_caller]
    pub fn assert_stderr_has(&self, needle: &str) -> &Run {
        if !self.stderr.contains(needle) {
            self.fail(&format!("standard error lacks {needle:?}"));
        }
        self
    }

    #[track_caller]
    pub fn assert_stderr_lacks(&self, needle: &str) -> &Run {
        if self.stderr.contains(needle) {
            self.fail(&format!("standard error holds {needle:?}"));
        }
        self
    }

    /// Standard error is exactly `lines` lines.
    #[track_caller]
    pub fn assert_stderr_lines(&self, lines: usize) -> &Run {
        let n = self.stderr.lines().count();
        if n != lines {
            self.fail(&format!("{n} lines on standard error, expected {lines}"));
        }
        self
    }

    /// Nothing printed holds a full CPR number.
    #[track_caller]
    pub fn assert_no_full_cpr(&self) -> &Run {
        if has_full_cpr(&self.stdout_text) || has_full_cpr(&self.stderr) {
            self.fail("a full CPR number is printed");
        }
        self
    }

    /// The run did not panic.
    #[track_caller]
    pub fn assert_no_panic(&self) -> &Run {
        if self.stderr.contains("panicked") || self.status.code() == Some(101) {
            self.fail("the program panicked");
        }
        self
    }
}

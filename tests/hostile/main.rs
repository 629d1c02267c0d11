//! Hostile input: files that are not what they claim, damaged, enormous when unpacked, or
//! shaped to make a reader build a dense grid of billions of cells. Each must give a correct
//! result or a clear one-line error naming the file, within seconds, in bounded memory, and
//! never panic. Small files live in `tests/hostile/` beside the sections of this test (one
//! module each); large ones are generated into a temporary directory. Every CPR number here is
//! fictitious.
#![allow(clippy::unwrap_used, clippy::panic)] // a test, bench or dev tool: a failed expectation may stop it

#[path = "../util/mod.rs"]
mod util;

mod atomic;
mod build;
mod cell_values;
mod cells;
mod claims;
mod csv;
mod csv_encoding;
mod dates;
mod decisions;
mod exits;
mod files;
mod formulas;
mod fuzz;
mod grids;
mod headers;
mod hidden;
mod row_order;
mod stdout_full;
mod text_out;
mod zip_bombs;
mod zip_parts;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use build::*;
use util::{Run, skifteplan};

use rust_xlsxwriter::{Format, Workbook};
use skifteplan::aktivliste::{
    Aktivliste, Field, HiddenRows, LoadError, LoadNote, LoadOptions, RejectReason,
    SpreadsheetProblem, TextEncoding, load,
};
use skifteplan::lang::Lang;

/// The most a load may take.
const TIME_BOUND: Duration = Duration::from_secs(10);
/// The most the plan command may take. A debug build parses XML several times slower than a
/// release build (a million rows: about 25 s against 2 s), so it gets more time.
const PLAN_TIME_BOUND: Duration = Duration::from_secs(if cfg!(debug_assertions) { 45 } else { 10 });
/// The most the program may hold in memory for any list.
const MEMORY_BOUND_KIB: u64 = 256 * 1024;

fn corpus(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/hostile")
        .join(name)
}

/// Runs `f` in a thread and fails if it takes longer than the time bound; a panic in `f` fails
/// the test with the panic's message.
fn bounded<T: Send + 'static>(what: &str, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    let handle = std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    let start = Instant::now();
    match rx.recv_timeout(TIME_BOUND) {
        Ok(v) => {
            handle.join().expect("the thread ends");
            v
        }
        Err(mpsc::RecvTimeoutError::Timeout) => {
            panic!("{what}: took more than {TIME_BOUND:?}")
        }
        Err(mpsc::RecvTimeoutError::Disconnected) => match handle.join() {
            Err(p) => std::panic::resume_unwind(p),
            Ok(()) => panic!("{what}: no result after {:?}", start.elapsed()),
        },
    }
}

fn load_bounded(path: &Path) -> Result<Aktivliste, LoadError> {
    let p = path.to_path_buf();
    bounded(&path.display().to_string(), move || {
        load(&p, &LoadOptions::default())
    })
}

/// Loads a file that must fail, and checks the message is one line naming the file, in both
/// languages.
fn load_error(path: &Path) -> LoadError {
    let e = match load_bounded(path) {
        Ok(list) => panic!("{} loaded: {list:?}", path.display()),
        Err(e) => e,
    };
    let file = path.file_name().unwrap().to_string_lossy().into_owned();
    for lang in [Lang::Da, Lang::En] {
        let m = e.message(lang);
        assert!(!m.contains('\n'), "more than one line: {m}");
        assert!(m.contains(&file), "the message does not name the file: {m}");
        assert!(m.len() < 600, "too long: {m}");
    }
    e
}

fn problem(e: &LoadError) -> &SpreadsheetProblem {
    match e {
        LoadError::NotASpreadsheet { detail, .. } => detail,
        other => panic!("{other:?}"),
    }
}

// The real binary, with its peak memory

/// Runs `skifteplan plan FILE --model 2 --switch-date 2026-03-31` and follows its peak resident
/// memory (VmHWM) until it ends. On systems without `/proc` the peak is 0.
fn plan_with_peak(file: &Path, extra: &[&str]) -> Run {
    let mut args = vec!["plan", file.to_str().unwrap(), "--model", "2"];
    args.extend(["--switch-date", "2026-03-31", "--lang", "en"]);
    args.extend(extra);
    binary_with_peak(file, &args)
}

/// Runs the binary with `args` (about `file`), without a terminal, following its peak memory:
/// within the time bound, within the memory bound, and without a panic.
fn binary_with_peak(file: &Path, args: &[&str]) -> Run {
    let run = skifteplan().args(args).run_watched(PLAN_TIME_BOUND);
    assert!(
        run.peak_kib <= MEMORY_BOUND_KIB,
        "{}: peak {} MiB",
        file.display(),
        run.peak_kib / 1024
    );
    run.assert_no_panic();
    eprintln!(
        "{}: exit {} in {:?}, peak {} MiB",
        file.file_name().unwrap().to_string_lossy(),
        run.code(),
        run.elapsed,
        run.peak_kib / 1024
    );
    run
}

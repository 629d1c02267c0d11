//! Files that are not files: a FIFO, a device or a link to `/dev/zero` where a list or a
//! decisions file is named, and a file larger than any list. Each is refused within seconds with
//! one line.

use super::*;

use skifteplan::error::FileProblem;

const ARGS: [&str; 4] = ["--model", "2", "--switch-date", "2026-03-31"];

/// The most a refusal may take.
const QUICK: Duration = Duration::from_secs(10);

fn mkfifo(path: &Path) {
    let made = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(made.success(), "mkfifo {}", path.display());
}

fn is_fifo(path: &Path) -> bool {
    use std::os::unix::fs::FileTypeExt;
    std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_fifo())
}

/// `plan` on `list` with `extra`, refused within seconds with one line naming `named`.
fn refused(list: &Path, extra: &[&str], named: &str) -> Run {
    let run = skifteplan()
        .args(["--lang", "en", "plan"])
        .arg(list)
        .args(ARGS)
        .args(extra)
        .run_watched(QUICK);
    run.assert_code(2)
        .assert_stderr_lines(1)
        .assert_stderr_has(named)
        .assert_no_panic();
    run
}

/// The list reader's refusal of a file that is not one, within the time bound.
fn not_a_file(path: &Path) -> FileProblem {
    match load_bounded(path) {
        Err(LoadError::File { problem, .. }) => problem,
        other => panic!("{}: {other:?}", path.display()),
    }
}

#[test]
fn a_fifo_as_the_list_or_the_decisions_file_errors_within_seconds() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("aktivliste.csv");
    mkfifo(&fifo);
    // The reader itself, not only the command in front of it: nothing waits for a writer.
    assert_eq!(not_a_file(&fifo), FileProblem::NotAFile);
    let p = fifo.clone();
    let decisions = bounded("decisions FIFO", move || {
        skifteplan::aktivliste::load_decisions(&p)
    });
    assert!(
        matches!(
            decisions,
            Err(LoadError::File {
                problem: FileProblem::NotAFile,
                ..
            })
        ),
        "{decisions:?}"
    );
    refused(&fifo, &[], "aktivliste.csv").assert_stderr_has("not a regular file");
    let decisions = fifo.to_str().unwrap();
    refused(
        &corpus("komma.csv"),
        &["--decisions", decisions],
        "aktivliste.csv",
    );
    // A written plan and a returned sheet are read the same way.
    skifteplan()
        .args(["--lang", "en", "check"])
        .arg(&fifo)
        .run_watched(QUICK)
        .assert_code(2)
        .assert_stderr_has("not a regular file");
    assert!(is_fifo(&fifo), "the FIFO was replaced");
}

#[test]
fn a_link_to_dev_zero_as_a_csv_is_refused_quickly_in_bounded_memory() {
    let dir = tempfile::tempdir().unwrap();
    let zero = dir.path().join("aktivliste.csv");
    std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
    assert_eq!(not_a_file(&zero), FileProblem::NotAFile);
    let run = refused(&zero, &[], "aktivliste.csv");
    assert!(run.peak_kib < 64 * 1024, "peak {} MiB", run.peak_kib / 1024);
}

#[test]
fn a_file_larger_than_any_list_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    // Sparse: 201 MB of nothing, written in no time and taking no disk.
    let big = dir.path().join("stor.csv");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(201_000_000)
        .unwrap();
    let started = Instant::now();
    assert_eq!(
        not_a_file(&big),
        FileProblem::TooLarge { bytes: 201_000_000 }
    );
    assert!(
        started.elapsed() < Duration::from_secs(1),
        "{:?}",
        started.elapsed()
    );
    for run in [
        refused(&big, &[], "stor.csv"),
        refused(
            &corpus("komma.csv"),
            &["--decisions", big.to_str().unwrap()],
            "stor.csv",
        ),
    ] {
        run.assert_stderr_has("201 MB").assert_stderr_has("200 MB");
        assert!(run.peak_kib < 64 * 1024, "peak {} MiB", run.peak_kib / 1024);
    }
    // As a plan to check.
    let plan = dir.path().join("plan.json");
    std::fs::rename(&big, &plan).unwrap();
    skifteplan()
        .args(["--lang", "en", "check"])
        .arg(&plan)
        .run_watched(QUICK)
        .assert_code(2)
        .assert_stderr_has("201 MB");
}

//! Files that are not files: a FIFO, a device or a link to `/dev/zero` where a list, a decisions
//! file or an output is named, a file larger than any list, and a run stopped by a signal (or
//! killed) in the middle of writing. Each is refused within seconds with one line, or leaves no
//! temporary file behind.
//!
//! No test here touches a real device: a device node is made in a temporary folder (as root
//! only), so a writer that wrongly replaced it replaces that copy.

use super::*;

use std::io::Read;

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

/// The temporary files of atomic writes in `dir`.
fn temp_files(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".skifteplan-") && n.ends_with(".tmp"))
        .collect()
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

#[test]
fn an_output_on_a_fifo_or_a_device_is_refused_and_left_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("plan.json");
    mkfifo(&fifo);
    let list = corpus("komma.csv");
    for flag in ["--json", "--xlsx"] {
        refused(&list, &[flag, fifo.to_str().unwrap()], "plan.json")
            .assert_stderr_has("not a regular file");
        assert!(is_fifo(&fifo), "{flag}: the FIFO was replaced");
    }
    // A link to the FIFO: the same.
    let link = dir.path().join("link.json");
    std::os::unix::fs::symlink(&fifo, &link).unwrap();
    refused(&list, &["--json", link.to_str().unwrap()], "link.json");
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    // A device like /dev/null, made here (mknod needs root).
    let device = dir.path().join("null");
    let made = Command::new("mknod")
        .arg(&device)
        .args(["c", "1", "3"])
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if made {
        use std::os::unix::fs::FileTypeExt;
        refused(&list, &["--json", device.to_str().unwrap()], "null");
        let kind = std::fs::symlink_metadata(&device).unwrap().file_type();
        assert!(kind.is_char_device(), "the device was replaced");
    } else {
        eprintln!("note: cannot make a device node here (not root?): that part skipped");
    }
    assert!(temp_files(dir.path()).is_empty());
}

#[test]
fn an_output_through_a_link_to_a_regular_file_replaces_that_file_and_keeps_the_link() {
    let dir = tempfile::tempdir().unwrap();
    let real_dir = dir.path().join("delt");
    std::fs::create_dir(&real_dir).unwrap();
    let real = real_dir.join("plan.json");
    std::fs::write(&real, b"old").unwrap();
    let link = dir.path().join("plan.json");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let run = skifteplan()
        .arg("plan")
        .arg(corpus("komma.csv"))
        .args(ARGS)
        .args(["--json", link.to_str().unwrap()])
        .run_watched(QUICK);
    assert_ne!(run.code(), 2, "{}", run.stderr());
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let text = std::fs::read_to_string(&real).unwrap();
    assert!(text.contains("skifteplan-plan"), "{text}");
    assert!(temp_files(dir.path()).is_empty() && temp_files(&real_dir).is_empty());
}

/// A list of `n` fictitious citizens (one anmodning each, five actions in model 2) as CSV.
fn big_csv(path: &Path, n: usize) {
    let mut out = String::from(
        "CPR;Navn;Anmodning ID;Anmodningsdato;Iværksættelsesdato;Tilbud;Tilknytningsdato\n",
    );
    for i in 0..n {
        let (day, month, year) = (1 + i % 28, 1 + (i / 28) % 12, 50 + (i / 336) % 40);
        out.push_str(&format!(
            "{day:02}{month:02}{year:02}-{:04};Fiktiv Person;A{i};01-02-2025;03-02-2025;Tilbud Nord;05-02-2025\n",
            1000 + i % 9000
        ));
    }
    std::fs::write(path, out).unwrap();
}

/// Starts `plan LIST --xlsx OUT` (full CPR, as the audit's 55 MB leftover had) and waits until
/// its temporary file is in `dir`.
fn plan_writing(list: &Path, dir: &Path) -> std::process::Child {
    let mut child = skifteplan()
        .command()
        .args(["--lang", "en", "plan"])
        .arg(list)
        .args(ARGS)
        .args(["--show-cpr", "--xlsx"])
        .arg(dir.join("handlinger.xlsx"))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while temp_files(dir).is_empty() {
        if let Some(status) = child.try_wait().unwrap() {
            panic!("the plan ended before it wrote: {status}");
        }
        assert!(
            started.elapsed() < PLAN_TIME_BOUND,
            "no temporary file after {:?}",
            started.elapsed()
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    child
}

fn kill(child: &std::process::Child, signal: &str) {
    let sent = Command::new("kill")
        .arg(format!("-{signal}"))
        .arg(child.id().to_string())
        .status()
        .unwrap();
    assert!(sent.success(), "kill -{signal}");
}

/// Waits for a child to end, within the time bound.
fn ended(mut child: std::process::Child) -> (std::process::ExitStatus, String) {
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            let mut err = String::new();
            child
                .stderr
                .take()
                .unwrap()
                .read_to_string(&mut err)
                .unwrap();
            return (status, err);
        }
        if started.elapsed() > QUICK {
            let _ = child.kill();
            panic!("still running {QUICK:?} after the signal");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

#[test]
fn a_signal_during_a_long_write_leaves_no_temporary_file_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("liste.csv");
    big_csv(&list, 8_000);
    let out = dir.path().join("ud");
    std::fs::create_dir(&out).unwrap();
    for signal in ["TERM", "INT", "HUP"] {
        let child = plan_writing(&list, &out);
        kill(&child, signal);
        let (status, err) = ended(child);
        assert_eq!(status.code(), Some(2), "SIG{signal}: {status}, {err}");
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains(&format!("SIG{signal}")), "{err}");
        assert!(err.contains("nothing is left half written"), "{err}");
        let left: Vec<_> = std::fs::read_dir(&out).unwrap().collect();
        assert!(left.is_empty(), "SIG{signal} left {left:?}");
    }
}

#[test]
fn a_leftover_of_a_killed_run_is_swept_by_the_next_write_and_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("liste.csv");
    big_csv(&list, 8_000);
    let out = dir.path().join("ud");
    std::fs::create_dir(&out).unwrap();
    // Killed outright: nothing can remove its temporary file then.
    let child = plan_writing(&list, &out);
    let leftover = temp_files(&out).remove(0);
    kill(&child, "KILL");
    let (status, _) = ended(child);
    assert_eq!(status.code(), None, "{status}");
    assert_eq!(temp_files(&out), std::slice::from_ref(&leftover));
    // The host as the name tells it, for files of a process still running here, and of
    // another host, which must stay.
    let rest = &leftover[".skifteplan-".len()..leftover.len() - ".tmp".len()];
    let host = rest.rsplitn(3, '-').nth(2).unwrap().to_string();
    let running = format!(".skifteplan-{host}-{}-aaaaaa.tmp", std::process::id());
    let colleague = ".skifteplan-kollegas-pc-4242-bbbbbb.tmp".to_string();
    for name in [&running, &colleague] {
        std::fs::write(out.join(name), b"in progress").unwrap();
    }
    skifteplan()
        .arg("plan")
        .arg(corpus("komma.csv"))
        .args(ARGS)
        .args(["--json"])
        .arg(out.join("plan.json"))
        .run_watched(QUICK)
        .assert_no_panic();
    let mut left = temp_files(&out);
    left.sort();
    let mut kept = vec![running, colleague];
    kept.sort();
    assert_eq!(left, kept, "{leftover} should be gone, the others kept");
    assert!(out.join("plan.json").is_file());
}

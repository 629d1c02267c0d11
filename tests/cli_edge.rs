//! Process tests of the command line's edge: `--lang` on either side of the command, one wording
//! for a file that cannot be read (with its path), no terminal, a closed pipe, usage mixes, and
//! the e-mail's masking of what a person typed.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_skifteplan"));
    c.env_remove("NO_COLOR").stdin(Stdio::null());
    c
}

fn sample(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sample-data")
        .join(name)
        .display()
        .to_string()
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("the binary runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn code(o: &Output) -> i32 {
    o.status.code().expect("exited normally")
}

const PLAN_2: [&str; 4] = ["--model", "2", "--switch-date", "2026-03-31"];

/// A plan written by `plan`, for the commands that read one.
fn written_plan(dir: &Path) -> PathBuf {
    let out = dir.join("handlinger.xlsx");
    let list = sample("aktivliste-lille.xlsx");
    let mut args = vec!["plan", list.as_str()];
    args.extend(PLAN_2);
    args.extend(["--xlsx", out.to_str().expect("utf-8 path")]);
    let o = run(&args);
    assert!(code(&o) <= 1, "{}", stderr(&o));
    out
}

#[test]
fn lang_is_taken_before_and_after_the_command() {
    let list = sample("aktivliste-lille.xlsx");
    let mut before = vec!["--lang", "en", "plan", list.as_str()];
    before.extend(PLAN_2);
    let mut after = vec!["plan", list.as_str()];
    after.extend(PLAN_2);
    after.extend(["--lang", "en"]);
    let (b, a) = (run(&before), run(&after));
    assert_eq!(code(&b), code(&a), "{}", stderr(&b));
    assert!(code(&b) <= 1, "{}", stderr(&b));
    assert!(
        stderr(&b).contains("switch date 31-03-2026"),
        "{}",
        stderr(&b)
    );
    assert_eq!(stderr(&b), stderr(&a));
}

#[test]
fn a_missing_plan_is_named_with_its_path_by_every_command() {
    let dir = tempfile::tempdir().expect("temp dir");
    let missing = dir.path().join("ingen-plan.xlsx");
    let m = missing.to_str().expect("utf-8 path");
    let out = dir.path().join("ud.xlsx");
    let list = sample("aktivliste-lille.xlsx");
    let runs: Vec<Vec<&str>> = vec![
        vec!["check", m],
        vec!["notify", m],
        vec!["confirm", m, "--out", out.to_str().expect("utf-8 path")],
        vec!["verify", "--plan", m, "--after", list.as_str()],
    ];
    for args in runs {
        let o = run(&args);
        assert_eq!(code(&o), 2, "{args:?}");
        let err = stderr(&o);
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(
            err.contains(&format!("Filen findes ikke: {m}")),
            "{args:?}: {err}"
        );
        assert!(!err.contains("entity not found"), "{args:?}: {err}");
    }
    let o = run(&["--lang", "en", "check", m]);
    assert!(
        stderr(&o).contains(&format!("No such file: {m}")),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_folder_is_called_a_folder_as_the_list_and_in_the_ui() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    let f = folder.to_str().expect("utf-8 path");
    let mut plan = vec!["plan", f];
    plan.extend(PLAN_2);
    for args in [plan, vec![f], vec!["review", f]] {
        let o = run(&args);
        assert_eq!(code(&o), 2, "{args:?}");
        let err = stderr(&o);
        assert!(err.contains("er en mappe, ikke en fil"), "{args:?}: {err}");
        assert!(!err.contains("findes ikke"), "{args:?}: {err}");
    }
}

#[test]
fn the_ui_without_a_terminal_says_so_in_one_line() {
    for args in [
        vec![sample("aktivliste-lille.xlsx")],
        vec![],
        vec!["--lang".into(), "en".into()],
    ] {
        let o = bin().args(&args).output().expect("the binary runs");
        assert_eq!(code(&o), 2, "{args:?}: {}", stderr(&o));
        let err = stderr(&o);
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(
            err.contains("kræver en terminal") || err.contains("needs a terminal"),
            "{args:?}: {err}"
        );
        assert!(err.contains("plan, check"), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{args:?}: {err}");
    }
}

#[test]
fn a_reader_that_goes_away_ends_the_run_quietly() {
    let list = sample("aktivliste-lille.xlsx");
    let mut args = vec!["plan", list.as_str()];
    args.extend(PLAN_2);
    args.extend(["--json", "-"]);
    let mut child = bin()
        .args(&args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    // Read a little, as `| head -c 16` does, then close the pipe.
    let mut head = [0u8; 16];
    let mut out = child.stdout.take().expect("stdout");
    out.read_exact(&mut head).expect("the JSON starts");
    drop(out);
    let mut err = String::new();
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut err)
        .expect("stderr reads");
    let status = child.wait().expect("the run ends");
    assert_eq!(status.code(), Some(0), "{err}");
    assert!(!err.contains("skifteplan:"), "{err}");
}

#[test]
fn ui_flags_or_a_file_with_a_command_are_refused_in_one_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = written_plan(dir.path());
    let p = plan.to_str().expect("utf-8 path");
    let list = sample("aktivliste-lille.xlsx");
    let o = run(&["--light", "check", p]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("--light"), "{}", stderr(&o));
    let o = run(&[list.as_str(), "check", p]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("ikke begge"), "{}", stderr(&o));
    // A UI flag before the command that opens the UI is fine; without a terminal the run stops
    // at the terminal, not at the flag.
    let o = run(&["--light", "review", p]);
    assert!(stderr(&o).contains("terminal"), "{}", stderr(&o));
}

#[test]
fn the_cli_mail_masks_a_cpr_like_kommune_as_the_ui_does() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = written_plan(dir.path());
    let p = plan.to_str().expect("utf-8 path");
    let o = run(&[
        "notify",
        p,
        "--kommune",
        "Kommune 010190-1234",
        "--vendor",
        "Fiktiv A/S",
        "--system",
        "Fiktiv",
    ]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let text = stdout(&o);
    assert!(!text.contains("010190-1234"), "{text}");
    assert!(text.contains("Kommune 010190-xxxx"), "{text}");
    // And the e-mail `plan` writes beside the action sheet.
    let list = sample("aktivliste-lille.xlsx");
    let out = dir.path().join("ny.xlsx");
    let mut args = vec!["plan", list.as_str()];
    args.extend(PLAN_2);
    args.extend([
        "--xlsx",
        out.to_str().expect("utf-8 path"),
        "--kommune",
        "0101901234",
    ]);
    let o = run(&args);
    assert!(code(&o) <= 1, "{}", stderr(&o));
    let mail = std::fs::read_to_string(dir.path().join("ny.mail-til-dst.txt")).expect("mail");
    assert!(!mail.contains("0101901234"), "{mail}");
}

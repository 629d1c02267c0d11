//! Process tests of the command line's edge: `--lang` on either side of the command, one wording
//! for a file that cannot be read (with its path), no terminal, a closed pipe, usage mixes, and
//! the e-mail's masking of what a person typed.
#![allow(clippy::unwrap_used, clippy::panic)] // a test, bench or dev tool: a failed expectation may stop it

mod util;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Stdio;

use util::{sample, skifteplan};

const PLAN_2: [&str; 4] = ["--model", "2", "--switch-date", "2026-03-31"];

fn text(p: &Path) -> &str {
    p.to_str().expect("a UTF-8 path")
}

/// A plan written by `plan`, for the commands that read one.
fn written_plan(dir: &Path) -> PathBuf {
    let out = dir.join("handlinger.xlsx");
    let run = skifteplan()
        .arg("plan")
        .arg(sample("aktivliste-lille.xlsx"))
        .args(PLAN_2)
        .arg("--xlsx")
        .arg(&out)
        .run();
    if run.code() > 1 {
        run.fail("plan writes the action sheet");
    }
    out
}

#[test]
fn lang_is_taken_before_and_after_the_command() {
    let list = sample("aktivliste-lille.xlsx");
    let before = skifteplan()
        .args(["--lang", "en", "plan"])
        .arg(&list)
        .args(PLAN_2)
        .run();
    let after = skifteplan()
        .arg("plan")
        .arg(&list)
        .args(PLAN_2)
        .args(["--lang", "en"])
        .run();
    before
        .assert_code(after.code())
        .assert_stderr_has("switch date 31-03-2026");
    assert_eq!(before.stderr(), after.stderr());
}

#[test]
fn a_missing_plan_is_named_with_its_path_by_every_command() {
    let dir = tempfile::tempdir().expect("temp dir");
    let missing = dir.path().join("ingen-plan.xlsx");
    let m = text(&missing);
    let out = dir.path().join("ud.xlsx");
    let list = sample("aktivliste-lille.xlsx");
    let runs: Vec<Vec<&str>> = vec![
        vec!["check", m],
        vec!["notify", m],
        vec!["confirm", m, "--out", text(&out)],
        vec!["verify", "--plan", m, "--after", text(&list)],
    ];
    for args in runs {
        skifteplan()
            .args(&args)
            .run()
            .assert_code(2)
            .assert_stderr_lines(1)
            .assert_stderr_has(&format!("Filen findes ikke: {m}"))
            .assert_stderr_lacks("entity not found");
    }
    skifteplan()
        .args(["--lang", "en", "check", m])
        .run()
        .assert_stderr_has(&format!("No such file: {m}"));
}

#[test]
fn a_folder_is_called_a_folder_as_the_list_and_in_the_ui() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    let f = text(&folder);
    let mut plan = vec!["plan", f];
    plan.extend(PLAN_2);
    for args in [plan, vec![f], vec!["review", f]] {
        skifteplan()
            .args(&args)
            .run()
            .assert_code(2)
            .assert_stderr_has("er en mappe, ikke en fil")
            .assert_stderr_lacks("findes ikke");
    }
}

#[test]
fn the_ui_without_a_terminal_says_so_in_one_line() {
    let list = sample("aktivliste-lille.xlsx");
    let runs: Vec<Vec<&str>> = vec![vec![text(&list)], vec![], vec!["tui"]];
    for args in runs {
        skifteplan()
            .args(&args)
            .run()
            .assert_code(2)
            .assert_stderr_lines(1)
            .assert_stderr_has("kræver en terminal")
            .assert_stderr_has("plan, check")
            .assert_no_panic();
    }
    skifteplan()
        .args(["--lang", "en"])
        .run()
        .assert_code(2)
        .assert_stderr_has("the UI needs a terminal");
}

#[test]
fn a_reader_that_goes_away_ends_the_run_quietly() {
    // A plan of megabytes: far more than the JSON's write buffer and the pipe's buffer hold, so
    // the reader is gone while it is still being written. Fictitious CPR numbers (many fail the
    // modulus-11 check: a warning, the row is used), each with an iværksættelse (no conflict).
    let dir = tempfile::tempdir().expect("temp dir");
    let list = dir.path().join("stor.csv");
    let mut csv = String::from("CPR;Navn;Anmodning ID;Anmodningsdato;Iværksættelsesdato\n");
    for i in 0..3000 {
        csv.push_str(&format!(
            "{:02}{:02}{:02}-{:04};Borger {i};A-{i};10-01-2025;20-01-2025\n",
            1 + i % 28,
            1 + (i / 28) % 12,
            40 + i / 336,
            1000 + i
        ));
    }
    std::fs::write(&list, csv).expect("write the list");
    let mut child = skifteplan()
        .arg("plan")
        .arg(&list)
        .args(PLAN_2)
        .args(["--json", "-"])
        .command()
        .stdin(Stdio::null())
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
    skifteplan()
        .args(["--light", "check"])
        .arg(&plan)
        .run()
        .assert_code(2)
        .assert_stderr_lines(1)
        .assert_stderr_has("--light");
    skifteplan()
        .arg(sample("aktivliste-lille.xlsx"))
        .arg("check")
        .arg(&plan)
        .run()
        .assert_code(2)
        .assert_stderr_has("ikke begge");
    // Review opens a plan read-only: a progress file has no place there.
    skifteplan()
        .args(["--state", "s.json", "review"])
        .arg(&plan)
        .run()
        .assert_code(2)
        .assert_stderr_has("--state");
    // A UI flag before the command that opens the UI is fine: without a terminal the run stops
    // at the terminal, not at the flag.
    skifteplan()
        .args(["--light", "review"])
        .arg(&plan)
        .run()
        .assert_code(2)
        .assert_stderr_has("terminal");
}

#[test]
fn the_cli_mail_masks_a_cpr_like_kommune_as_the_ui_does() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = written_plan(dir.path());
    let run = skifteplan()
        .arg("notify")
        .arg(&plan)
        .args(["--kommune", "Kommune 010190-1234"])
        .args(["--vendor", "Fiktiv A/S", "--system", "Fiktiv"])
        .run();
    run.assert_code(0)
        .assert_stdout_has("Kommune 010190-xxxx")
        .assert_no_full_cpr();
    // And the e-mail `plan` writes beside the action sheet.
    skifteplan()
        .arg("plan")
        .arg(sample("aktivliste-lille.xlsx"))
        .args(PLAN_2)
        .arg("--xlsx")
        .arg(dir.path().join("ny.xlsx"))
        .args(["--kommune", "0101901234"])
        .run()
        .assert_no_panic();
    let mail = std::fs::read_to_string(dir.path().join("ny.mail-til-dst.txt")).expect("mail");
    assert!(!util::has_full_cpr(&mail), "{mail}");
    assert!(mail.contains("010190-xxxx"), "{mail}");
}

#[test]
fn a_json_plan_of_a_newer_version_is_worded_in_danish() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = dir.path().join("plan.json");
    std::fs::write(&plan, r#"{"format": "skifteplan-plan", "version": 99}"#).expect("write");
    skifteplan()
        .arg("check")
        .arg(&plan)
        .run()
        .assert_code(2)
        .assert_stderr_lines(1)
        .assert_stderr_has("JSON-planen")
        .assert_stderr_lacks("newer than");
}

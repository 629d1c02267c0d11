//! The description every model-2 close carries (Beskriv afslutningsårsag): DST counts by it
//! (guide §1, "vigtigst", and §6). "Systemskift" by default, "Systemskifte" (the guide's §4)
//! accepted, any other text only with `--reason-text-any`, empty refused; notes use the text
//! chosen, and `check` accepts the guide's spellings and says which one the plan used.
#![allow(clippy::unwrap_used, clippy::panic)] // a test, bench or dev tool: a failed expectation may stop it

mod util;

use std::path::{Path, PathBuf};

use util::{sample, skifteplan};

const PLAN_2: [&str; 4] = ["--model", "2", "--switch-date", "2026-03-31"];

fn plan_with(dir: &Path, extra: &[&str]) -> (util::Run, PathBuf) {
    let out = dir.join("handlinger.xlsx");
    let run = skifteplan()
        .arg("plan")
        .arg(sample("aktivliste-lille.xlsx"))
        .args(PLAN_2)
        .args(extra)
        .arg("--xlsx")
        .arg(&out)
        .run();
    (run, out)
}

#[test]
fn a_text_of_ones_own_or_an_empty_one_is_refused_before_anything_is_written() {
    let dir = tempfile::tempdir().unwrap();
    for text in ["Ferie", "", "   "] {
        let (run, out) = plan_with(dir.path(), &["--reason-text", text]);
        run.assert_code(2).assert_no_panic();
        assert!(!out.exists(), "{text:?}: nothing written");
        let want = if text.trim().is_empty() {
            "må ikke være tom"
        } else {
            "--reason-text-any"
        };
        run.assert_stderr_has(want);
    }
}

#[test]
fn the_override_plans_with_a_warning_and_check_says_dst_may_count_new_cases() {
    let dir = tempfile::tempdir().unwrap();
    let (run, out) = plan_with(dir.path(), &["--reason-text", "Ferie", "--reason-text-any"]);
    assert!(run.code() <= 1, "{}", run.stderr());
    run.assert_stderr_has("DST kan tælle disse borgere som nye sager");
    // The note of the plan names the text chosen, not "Systemskift".
    let check = skifteplan().arg("check").arg(&out).run();
    check.assert_code(1);
    assert!(
        check
            .stdout()
            .contains("Beskriv afslutningsårsag: \"Ferie\" (ikke vejledningens)"),
        "{}",
        check.stdout()
    );
    assert!(
        check
            .stdout()
            .contains("planens beskrivelse af afslutningsårsagen er \"Ferie\""),
        "{}",
        check.stdout()
    );
    let notify = skifteplan().arg("notify").arg(&out).run();
    assert!(notify.stdout().contains("\"Ferie\""), "{}", notify.stdout());
}

#[test]
fn the_guides_other_spelling_is_taken_and_named() {
    let dir = tempfile::tempdir().unwrap();
    let (run, out) = plan_with(dir.path(), &["--reason-text", "systemskifte"]);
    assert!(run.code() <= 1, "{}", run.stderr());
    assert!(!run.stderr().contains("advarsel"), "{}", run.stderr());
    let check = skifteplan().arg("check").arg(&out).run();
    assert!(
        check.stdout().contains(
            "Beskriv afslutningsårsag: \"Systemskifte\" (vejledningens stavemåde i afsnit 4)"
        ),
        "{}",
        check.stdout()
    );
    // Its only finding is the sample's conflicts nobody decided.
    assert!(check.stdout().contains("Fund: 1"), "{}", check.stdout());
}

//! Process tests of the language of the commands' output: with `--lang en` every summary and
//! report line of `plan`, `check`, `confirm`, `notify` and `verify` is English (domain words of
//! SMDB allowed), and with the default language the same lines are Danish.
#![allow(clippy::unwrap_used, clippy::panic)] // a test, bench or dev tool: a failed expectation may stop it

mod util;

use std::path::Path;

use skifteplan::i18n::danish::danish_in;
use util::{Run, sample, skifteplan};

/// Runs the binary with `args`, then `--lang en`.
fn run_en(args: &[&str]) -> Run {
    skifteplan().args(args).args(["--lang", "en"]).run()
}

/// Every line of the run's standard output and standard error that holds Danish, with what was
/// found.
fn danish_lines(run: &Run) -> Vec<String> {
    run.stdout()
        .lines()
        .chain(run.stderr().lines())
        .filter_map(|line| {
            let found = danish_in(line);
            (!found.is_empty()).then(|| format!("{found:?}: {line}"))
        })
        .collect()
}

/// The run ended with `code`, every line of it in English.
#[track_caller]
fn assert_english(run: &Run, code: i32) {
    run.assert_code(code);
    let danish = danish_lines(run);
    if !danish.is_empty() {
        run.fail(&format!("Danish with --lang en:\n{}", danish.join("\n")));
    }
}

fn s(p: &Path) -> &str {
    p.to_str().expect("a UTF-8 path")
}

#[test]
fn plan_names_a_sheet_not_used_in_the_chosen_language() {
    let list = sample("aktivliste-rodet.xlsx");
    let args = [
        "plan",
        s(&list),
        "--model",
        "2",
        "--switch-date",
        "2026-03-31",
    ];
    run_en(&args).assert_stderr_has(
        "Sheet not used 'Noter': no column headers recognised in the first 30 rows",
    );
    skifteplan().args(args).run().assert_stderr_has(
        "Ark ikke brugt 'Noter': ingen kolonneoverskrifter genkendt i de første 30 rækker",
    );
}

#[test]
fn every_command_speaks_english_when_asked() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let plan1 = dir.path().join("plan1.xlsx");
    let json1 = dir.path().join("plan1.json");
    let plan2 = dir.path().join("plan2.xlsx");
    let confirm = dir.path().join("confirm.xlsx");
    let rodet = sample("aktivliste-rodet.xlsx");
    let lille = sample("aktivliste-lille.xlsx");
    let decisions = sample("beslutninger.csv");

    // The messy list has conflicts and rejected rows: exit 1.
    let model_1 = run_en(&[
        "plan",
        s(&rodet),
        "--model",
        "1",
        "--switch-date",
        "2026-03-31",
        "--xlsx",
        s(&plan1),
        "--json",
        s(&json1),
    ]);
    assert_english(&model_1, 1);
    for model in ["2", "mellem"] {
        let run = run_en(&[
            "plan",
            s(&lille),
            "--model",
            model,
            "--switch-date",
            "2026-03-31",
            "--decisions",
            s(&decisions),
            "--xlsx",
            s(&plan2),
        ]);
        assert_english(&run, 1);
    }
    for plan in [&plan1, &json1, &plan2] {
        // The plans follow the rules but hold conflicts nobody decided (check), lack the vendor
        // (notify) and still block (verify).
        assert_english(&run_en(&["check", s(plan)]), 1);
        assert_english(&run_en(&["notify", s(plan)]), 1);
        let verify = run_en(&[
            "verify",
            "--plan",
            s(plan),
            "--after",
            s(&rodet),
            "--today",
            "2026-05-01",
        ]);
        assert_english(&verify, 1);
    }
    // Nobody is registered in the new system yet: every citizen is left off.
    assert_english(&run_en(&["confirm", s(&plan1), "--out", s(&confirm)]), 1);
    // A plan of another model has no confirmation list: an error, in English.
    assert_english(&run_en(&["confirm", s(&plan2), "--out", s(&confirm)]), 2);
}

#[test]
fn errors_speak_english_when_asked() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let missing = dir.path().join("missing.xlsx");
    let text_file = dir.path().join("text.xlsx");
    std::fs::write(&text_file, "CPR;Navn\n").expect("written");
    let list = sample("aktivliste-lille.xlsx");
    let plan_2 = ["--model", "2", "--switch-date", "2026-03-31"];
    for args in [
        [&["plan", s(&missing)][..], &plan_2].concat(),
        [&["plan", s(&text_file)][..], &plan_2].concat(),
        [
            &["plan", s(&list)][..],
            &plan_2,
            &["--go-live", "2026-03-01"],
        ]
        .concat(),
        vec!["check", s(&missing)],
        vec!["check", s(&list)],
        vec!["check", s(dir.path())],
    ] {
        assert_english(&run_en(&args), 2);
    }
}

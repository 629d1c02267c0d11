//! Process tests of the language of the commands' output: with `--lang en` every summary and
//! report line of `plan`, `check`, `confirm`, `notify` and `verify` is English (domain words of
//! SMDB allowed), and with the default language the same lines are Danish.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use skifteplan::i18n::danish::danish_in;

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sample-data")
        .join(name)
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_skifteplan"))
        .env_remove("NO_COLOR")
        .args(args)
        .output()
        .expect("the binary runs")
}

/// Standard output and standard error together.
fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// Every line of `out` that holds Danish, with what was found.
fn danish_lines(out: &str) -> Vec<String> {
    out.lines()
        .filter_map(|line| {
            let found = danish_in(line);
            (!found.is_empty()).then(|| format!("{found:?}: {line}"))
        })
        .collect()
}

fn assert_english(what: &str, o: &Output) {
    let out = text(o);
    assert!(
        o.status.code().is_some_and(|c| c < 2),
        "{what} failed: {out}"
    );
    let danish = danish_lines(&out);
    assert!(
        danish.is_empty(),
        "{what} --lang en prints Danish:\n{}",
        danish.join("\n")
    );
}

fn s(p: &Path) -> &str {
    p.to_str().expect("a UTF-8 temporary path")
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
    let en = text(&run(&[&args[..], &["--lang", "en"]].concat()));
    assert!(
        en.contains("Sheet not used 'Noter': no column headers recognised in the first 30 rows"),
        "{en}"
    );
    let da = text(&run(&args));
    assert!(
        da.contains(
            "Ark ikke brugt 'Noter': ingen kolonneoverskrifter genkendt i de første 30 rækker"
        ),
        "{da}"
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
    let en = ["--lang", "en"];

    let o = run(&[
        &[
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
        ][..],
        &en,
    ]
    .concat());
    assert_english("plan (model 1)", &o);
    for model in ["2", "mellem"] {
        let o = run(&[
            &[
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
            ][..],
            &en,
        ]
        .concat());
        assert_english(&format!("plan (model {model})"), &o);
    }
    for plan in [&plan1, &json1, &plan2] {
        assert_english("check", &run(&[&["check", s(plan)][..], &en].concat()));
        assert_english("notify", &run(&[&["notify", s(plan)][..], &en].concat()));
        assert_english(
            "verify",
            &run(&[
                &[
                    "verify",
                    "--plan",
                    s(plan),
                    "--after",
                    s(&rodet),
                    "--today",
                    "2026-05-01",
                ][..],
                &en,
            ]
            .concat()),
        );
    }
    assert_english(
        "confirm",
        &run(&[&["confirm", s(&plan1), "--out", s(&confirm)][..], &en].concat()),
    );
    // A plan of another model has no confirmation list: an error, in English.
    let o = run(&[&["confirm", s(&plan2), "--out", s(&confirm)][..], &en].concat());
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    let danish = danish_lines(&text(&o));
    assert!(
        danish.is_empty(),
        "confirm (model 2): {}",
        danish.join("\n")
    );
}

#[test]
fn errors_speak_english_when_asked() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let missing = dir.path().join("missing.xlsx");
    let text_file = dir.path().join("text.xlsx");
    std::fs::write(&text_file, "CPR;Navn\n").expect("written");
    let list = sample("aktivliste-lille.xlsx");
    for args in [
        vec![
            "plan",
            s(&missing),
            "--model",
            "2",
            "--switch-date",
            "2026-03-31",
        ],
        vec![
            "plan",
            s(&text_file),
            "--model",
            "2",
            "--switch-date",
            "2026-03-31",
        ],
        vec![
            "plan",
            s(&list),
            "--model",
            "2",
            "--switch-date",
            "2026-03-31",
            "--go-live",
            "2026-03-01",
        ],
        vec!["check", s(&missing)],
        vec!["check", s(&list)],
    ] {
        let o = run(&[&args[..], &["--lang", "en"]].concat());
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", text(&o));
        let danish = danish_lines(&text(&o));
        assert!(danish.is_empty(), "{args:?}: {}", danish.join("\n"));
    }
}

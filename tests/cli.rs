//! Process tests of `skifteplan plan`: every exit code, the bad inputs a caseworker meets, and
//! that no full CPR leaves the program unless asked for.
#![allow(clippy::unwrap_used, clippy::panic)] // a test, bench or dev tool: a failed expectation may stop it

mod util;

use std::path::Path;

use skifteplan::aktivliste::{LoadOptions, load};
use util::{sample, skifteplan};

/// Every CPR of a sample list, in the full forms that must never be printed unasked.
fn full_cprs(list: &Path) -> Vec<String> {
    let list = load(list, &LoadOptions::default()).expect("the sample loads");
    list.citizens
        .iter()
        .flat_map(|c| [c.cpr.full(), c.cpr.digits().to_string()])
        .collect()
}

fn assert_no_full_cpr(haystack: &str, cprs: &[String], what: &str) {
    for cpr in cprs {
        assert!(!haystack.contains(cpr.as_str()), "{what} shows a full CPR");
    }
}

fn xlsx_text(path: &Path) -> String {
    use calamine::{Reader, open_workbook_auto};
    let mut wb = open_workbook_auto(path).expect("the action sheet opens");
    let mut out = String::new();
    for name in wb.sheet_names() {
        let range = wb.worksheet_range(&name).expect("sheet reads");
        for row in range.rows() {
            for cell in row {
                out.push_str(&cell.to_string());
                out.push('\t');
            }
            out.push('\n');
        }
    }
    out
}

#[test]
fn messy_list_plans_with_exit_1_and_masks_cpr_everywhere() {
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("handlinger.xlsx");
    let json = dir.path().join("plan.json");
    let list = sample("aktivliste-rodet.xlsx");
    let cprs = full_cprs(&list);
    assert!(!cprs.is_empty());
    for model in ["1", "2", "mellem"] {
        let o = skifteplan()
            .args([
                "plan",
                list.to_str().unwrap(),
                "--model",
                model,
                "--switch-date",
                "2026-03-31",
                "--xlsx",
                xlsx.to_str().unwrap(),
                "--json",
                json.to_str().unwrap(),
            ])
            .run();
        let err = o.stderr();
        assert_eq!(o.code(), 1, "model {model}: {err}");
        assert!(err.contains("Afviste rækker"), "{err}");
        assert!(err.contains(&xlsx.display().to_string()), "{err}");
        assert_no_full_cpr(err, &cprs, "stderr");
        assert_no_full_cpr(o.stdout(), &cprs, "stdout");
        assert_no_full_cpr(&std::fs::read_to_string(&json).unwrap(), &cprs, "JSON");
        assert_no_full_cpr(&xlsx_text(&xlsx), &cprs, "action sheet");
    }
}

#[test]
fn the_mail_to_dst_is_written_beside_the_export_without_cpr() {
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("handlinger.xlsx");
    let list = sample("aktivliste-rodet.xlsx");
    let cprs = full_cprs(&list);
    let o = skifteplan()
        .args([
            "plan",
            list.to_str().unwrap(),
            "--model",
            "1",
            "--switch-date",
            "2026-03-31",
            "--xlsx",
            xlsx.to_str().unwrap(),
            "--show-cpr",
            "--vendor",
            "Fiktiv Software A/S",
            "--system",
            "Fiktiv Journal",
            "--deadline",
            "2026-06-30",
        ])
        .run();
    o.assert_code(1);
    let mail_path = dir.path().join("handlinger.mail-til-dst.txt");
    o.assert_stderr_has(&mail_path.display().to_string());
    let mail = std::fs::read_to_string(&mail_path).expect("the mail is written");
    assert!(mail.starts_with("Til: SMDB@dst.dk\n"), "{mail}");
    assert!(mail.contains("- Leverandør: Fiktiv Software A/S"), "{mail}");
    assert!(mail.contains("- System: Fiktiv Journal"), "{mail}");
    assert!(mail.contains("alle aktive borgere: 30-06-2026"), "{mail}");
    assert!(mail.contains("[kommunens navn]"), "{mail}");
    // Even with --show-cpr the e-mail holds counts only.
    assert_no_full_cpr(&mail, &cprs, "the e-mail");
    for c in load(&list, &LoadOptions::default()).unwrap().citizens {
        assert!(
            !mail.contains(c.cpr.masked().as_str()),
            "the e-mail holds a CPR"
        );
    }

    // Without any of the switch's facts the e-mail is not written (a text edited by hand
    // stays as it is).
    std::fs::write(&mail_path, "rettet i hånden").unwrap();
    let o = skifteplan()
        .args([
            "plan",
            list.to_str().unwrap(),
            "--model",
            "1",
            "--switch-date",
            "2026-03-31",
            "--xlsx",
            xlsx.to_str().unwrap(),
        ])
        .run();
    o.assert_code(1);
    o.assert_stderr_lacks("mail-til-dst");
    assert_eq!(
        std::fs::read_to_string(&mail_path).unwrap(),
        "rettet i hånden"
    );

    // A go-live on D, a deadline before go-live, or a JSON file where the e-mail goes: refused
    // before anything is written.
    let before = std::fs::read(&xlsx).unwrap();
    for (extra, says) in [
        (
            vec!["--go-live", "2026-03-31"],
            "--go-live 31-03-2026: go-live skal ligge efter D",
        ),
        (
            vec!["--deadline", "2026-03-15"],
            "--deadline 15-03-2026: deadline kan ikke ligge før go-live",
        ),
        (
            vec!["--vendor", "V", "--json", mail_path.to_str().unwrap()],
            "to udskrifter ville skrive samme fil",
        ),
    ] {
        let mut args = vec![
            "plan",
            list.to_str().unwrap(),
            "--model",
            "1",
            "--switch-date",
            "2026-03-31",
            "--xlsx",
            xlsx.to_str().unwrap(),
        ];
        args.extend(extra);
        let o = skifteplan().args(&args).run();
        o.assert_code(2)
            .assert_stderr_has(says)
            .assert_stderr_lines(1);
    }
    assert_eq!(
        std::fs::read(&xlsx).unwrap(),
        before,
        "the action sheet is untouched"
    );
    assert_eq!(
        std::fs::read_to_string(&mail_path).unwrap(),
        "rettet i hånden"
    );

    // JSON on standard output only: nothing beside it.
    let o = skifteplan()
        .args([
            "plan",
            list.to_str().unwrap(),
            "--model",
            "2",
            "--switch-date",
            "2026-03-31",
            "--json",
            "-",
        ])
        .run();
    o.assert_code(1);
    o.assert_stderr_lacks("mail-til-dst");
}

#[test]
fn show_cpr_shows_full_numbers() {
    let list = sample("aktivliste-rodet.xlsx");
    let cprs = full_cprs(&list);
    let o = skifteplan()
        .args([
            "plan",
            list.to_str().unwrap(),
            "--model",
            "2",
            "--switch-date",
            "2026-03-31",
            "--json",
            "-",
            "--show-cpr",
        ])
        .run();
    o.assert_code(1);
    let json = o.stdout();
    assert!(json.contains(cprs[0].as_str()));
    let v: serde_json::Value = serde_json::from_str(json).expect("stdout is the JSON plan");
    assert_eq!(v["model"], "2");
    assert_eq!(v["reentry_date"], "2026-04-01");
}

#[test]
fn json_to_stdout_is_the_contract() {
    let o = skifteplan()
        .args([
            "plan",
            sample("aktivliste-lille.xlsx").to_str().unwrap(),
            "--model",
            "1",
            "--switch-date",
            "31-03-2026",
            "--json",
            "-",
        ])
        .run();
    assert!(o.code() <= 1, "{}", o.stderr());
    let v: serde_json::Value = serde_json::from_slice(o.stdout_bytes()).expect("JSON on stdout");
    assert_eq!(v["model"], "1");
    assert_eq!(v["switch_date"], "2026-03-31");
    assert_eq!(v["reentry_date"], serde_json::Value::Null);
    let citizens = v["citizens"].as_array().unwrap();
    assert!(!citizens.is_empty());
    for c in citizens {
        let cpr = c["cpr"].as_str().unwrap();
        assert!(cpr.ends_with("-xxxx"), "{cpr}");
        for a in c["actions"].as_array().unwrap() {
            for key in [
                "step",
                "system",
                "part",
                "form",
                "action",
                "date",
                "reason",
                "reason_text",
                "privilege",
            ] {
                assert!(a.get(key).is_some(), "action lacks {key}");
            }
        }
    }
    for key in ["conflicts", "rejected_rows", "ignored_sheets"] {
        assert!(v[key].is_array(), "{key}");
    }
}

#[test]
fn a_clean_list_exits_0() {
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("ren.csv");
    std::fs::write(
        &list,
        "CPR;Navn;Anmodningsdato;Iværksættelsesdato\n\
         010190-2000;Test Testesen;01-02-2025;15-02-2025\n\
         020285-3000;Anna Fiktivsen;2025-03-01;2025-03-10\n",
    )
    .unwrap();
    let o = skifteplan()
        .args([
            "plan",
            list.to_str().unwrap(),
            "--model",
            "2",
            "--switch-date",
            "2026-03-31",
        ])
        .run();
    o.assert_code(0);
    o.assert_stderr_has("Borgere: 2");
}

fn assert_fatal(args: &[&str], needle: &str) {
    let o = skifteplan().args(args).run();
    let err = o.stderr();
    assert_eq!(o.code(), 2, "{err}");
    assert!(
        err.to_lowercase().contains(&needle.to_lowercase()),
        "expected '{needle}' in: {err}"
    );
    assert!(!err.contains("panicked"), "{err}");
    assert!(err.lines().count() <= 3, "one short message, got: {err}");
}

fn plan_args(file: &Path) -> Vec<String> {
    vec![
        "plan".into(),
        file.display().to_string(),
        "--model".into(),
        "2".into(),
        "--switch-date".into(),
        "2026-03-31".into(),
    ]
}

fn run_plan(file: &Path) -> (i32, String) {
    let args = plan_args(file);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let o = skifteplan().args(&args).run();
    (o.code(), o.stderr().to_string())
}

#[test]
fn a_missing_file_exits_2() {
    let (c, err) = run_plan(Path::new("findes-ikke.xlsx"));
    assert_eq!(c, 2, "{err}");
    assert!(err.contains("findes-ikke.xlsx"), "{err}");
}

#[test]
fn a_text_file_renamed_xlsx_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("liste.xlsx");
    std::fs::write(&f, "dette er ikke et regneark\n").unwrap();
    let (c, err) = run_plan(&f);
    assert_eq!(c, 2, "{err}");
    assert!(!err.contains("panicked"));
}

#[test]
fn an_empty_workbook_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("tom.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    wb.add_worksheet();
    wb.save(&f).unwrap();
    let (c, err) = run_plan(&f);
    assert_eq!(c, 2, "{err}");
}

#[test]
fn a_workbook_without_a_recognisable_header_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("uden-overskrift.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, "Indkøbsliste").unwrap();
    ws.write_string(1, 0, "Mælk").unwrap();
    ws.write_string(2, 0, "Brød").unwrap();
    wb.save(&f).unwrap();
    let (c, err) = run_plan(&f);
    assert_eq!(c, 2, "{err}");
}

#[test]
fn an_unknown_extension_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("liste.pdf");
    std::fs::write(&f, "%PDF-1.4").unwrap();
    let (c, err) = run_plan(&f);
    assert_eq!(c, 2, "{err}");
}

#[test]
fn impossible_switch_date_and_unknown_model_are_refused() {
    let list = sample("aktivliste-lille.xlsx");
    let l = list.to_str().unwrap();
    assert_fatal(
        &["plan", l, "--model", "2", "--switch-date", "2026-02-30"],
        "switch date",
    );
    assert_fatal(
        &["plan", l, "--model", "3", "--switch-date", "2026-03-31"],
        "mellem",
    );
    assert_fatal(
        &[
            "plan",
            l,
            "--model",
            "2",
            "--switch-date",
            "2026-03-31",
            "--column",
            "skostørrelse=Sko",
        ],
        "unknown field",
    );
}

#[test]
fn the_list_itself_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("liste.xlsx");
    std::fs::copy(sample("aktivliste-lille.xlsx"), &f).unwrap();
    let before = std::fs::read(&f).unwrap();
    let o = skifteplan()
        .args([
            "plan",
            f.to_str().unwrap(),
            "--model",
            "2",
            "--switch-date",
            "2026-03-31",
            "--xlsx",
            f.to_str().unwrap(),
        ])
        .run();
    o.assert_code(2);
    assert_eq!(std::fs::read(&f).unwrap(), before);
}

#[test]
fn english_on_request() {
    let o = skifteplan()
        .args([
            "plan",
            sample("aktivliste-rodet.xlsx").to_str().unwrap(),
            "--model",
            "2",
            "--switch-date",
            "2026-03-31",
            "--lang",
            "en",
        ])
        .run();
    o.assert_code(1);
    let err = o.stderr();
    assert!(err.contains("Rejected rows"), "{err}");
    assert!(err.contains("Conflicts"), "{err}");
}

#[test]
fn help_lists_the_commands() {
    let o = skifteplan().args(["--help"]).run();
    o.assert_code(0);
    let out = o.stdout();
    assert!(out.contains("plan"), "{out}");
    let o = skifteplan().args(["plan", "--help"]).run();
    let out = o.stdout();
    for flag in [
        "--model",
        "--switch-date",
        "--xlsx",
        "--json",
        "--show-cpr",
        "--column",
        "--reason-text",
        "--decisions",
    ] {
        assert!(out.contains(flag), "{flag} missing from plan --help");
    }
}

/// The harness itself: a wrong exit code or a missing text fails the test and shows the
/// command with what it printed; standard input and environment reach the program.
#[test]
fn the_process_harness_fails_on_what_it_checks() {
    let o = skifteplan().args(["--help"]).run();
    o.assert_code(0).assert_stdout_has("plan");
    let caught = |f: &dyn Fn()| {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(f))
            .expect_err("the check fails")
            .downcast::<String>()
            .map(|s| *s)
            .unwrap_or_default()
    };
    let message = caught(&|| {
        o.assert_code(3);
    });
    assert!(message.contains("exit code 0, expected 3"), "{message}");
    assert!(message.contains("--help"), "{message}");
    let message = caught(&|| {
        o.assert_stderr_has("no such text");
    });
    assert!(message.contains("standard error lacks"), "{message}");
    // Standard input and a variable given: the program still runs as without them.
    skifteplan()
        .args(["plan", "findes-ikke.xlsx", "--model", "2"])
        .args(["--switch-date", "2026-03-31"])
        .stdin("ingen terminal her\n")
        .env("NO_COLOR", "1")
        .run()
        .assert_code(2)
        .assert_stderr_has("findes-ikke.xlsx")
        .assert_no_panic();
}

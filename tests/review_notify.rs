//! The e-mail text to DST: a snapshot per model, and no CPR in it.
#![allow(clippy::unwrap_used, clippy::panic)] // a test, bench or dev tool: a failed expectation may stop it

mod util;

use chrono::NaiveDate;
use skifteplan::aktivliste::{LoadOptions, load};
use skifteplan::export::{ExportInput, build_json};
use skifteplan::facts::SwitchFacts;
use skifteplan::lang::Lang;
use skifteplan::plan::{self, Action, CitizenPlan, Model, Settings};
use skifteplan::review::read::from_json;
use skifteplan::review::words::{NotifyFacts, notify_text};
use util::{sample, skifteplan};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn text(model: Model, lang: Lang) -> (String, Vec<String>) {
    let path = sample("aktivliste-rodet.xlsx");
    let list = load(&path, &LoadOptions::default()).unwrap();
    let plan = plan::plan(&list.citizens, &Settings::new(model, d(2026, 3, 31)));
    let none = |_: &CitizenPlan, _: &Action| None;
    let dto = build_json(&ExportInput {
        plan: &plan,
        list: &list,
        show_cpr: true,
        lang,
        generated_at: d(2026, 1, 2).and_hms_opt(10, 0, 0).unwrap(),
        done: &none,
    });
    let info = SwitchFacts {
        switch_date: d(2026, 3, 31),
        vendor: Some("Fiktiv Software A/S".into()),
        system: Some("Fiktiv Journal".into()),
        kommune: Some("Fiktiv Kommune".into()),
        go_live: Some(d(2026, 4, 1)),
        deadline: (model == Model::One).then(|| d(2026, 6, 30)),
    };
    let cprs = list
        .citizens
        .iter()
        .flat_map(|c| [c.cpr.full(), c.cpr.masked(), c.cpr.digits().to_string()])
        .collect();
    (
        notify_text(&NotifyFacts::of_rows(&from_json(&dto)), &info, lang),
        cprs,
    )
}

#[test]
fn notify_text_per_model() {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(concat!(env!("CARGO_MANIFEST_DIR"), "/snapshots"));
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| {
        for (model, name) in [
            (Model::One, "review_notify_model_1"),
            (Model::Two, "review_notify_model_2"),
            (Model::Mellem, "review_notify_mellem"),
        ] {
            let (t, cprs) = text(model, Lang::Da);
            for c in &cprs {
                assert!(!t.contains(c.as_str()), "the e-mail holds a CPR");
            }
            assert!(t.contains("SMDB@dst.dk"));
            insta::assert_snapshot!(name, t);
        }
        let (en, _) = text(Model::Two, Lang::En);
        insta::assert_snapshot!("review_notify_model_2_en", en);
    });
}

#[test]
fn facts_from_memory_match_facts_read_back() {
    let path = sample("aktivliste-rodet.xlsx");
    let list = load(&path, &LoadOptions::default()).unwrap();
    let none = |_: &CitizenPlan, _: &Action| None;
    for model in Model::ALL {
        let mut settings = Settings::new(model, d(2026, 3, 31));
        settings.reason_text = "Skift af system".into();
        let plan = plan::plan(&list.citizens, &settings);
        let dto = build_json(&ExportInput {
            plan: &plan,
            list: &list,
            show_cpr: false,
            lang: Lang::Da,
            generated_at: d(2026, 1, 2).and_hms_opt(10, 0, 0).unwrap(),
            done: &none,
        });
        let from_memory = NotifyFacts::of_plan(&plan);
        let read_back = NotifyFacts::of_rows(&from_json(&dto));
        assert_eq!(from_memory.citizens, read_back.citizens, "{model:?}");
        assert_eq!(from_memory.forgotten, read_back.forgotten, "{model:?}");
        assert!(
            from_memory.forgotten > 0,
            "the sample holds forgotten cases"
        );
        let info = SwitchFacts::new(d(2026, 3, 31));
        assert_eq!(
            notify_text(&from_memory, &info, Lang::Da),
            notify_text(&read_back, &info, Lang::Da),
            "{model:?}"
        );
    }
}

#[test]
fn names_not_given_are_placeholders_and_go_live_defaults_to_the_day_after() {
    let facts = NotifyFacts {
        model: Model::One,
        switch_date: d(2026, 3, 31),
        reason_text: None,
        citizens: 3,
        forgotten: 1,
    };
    let t = notify_text(&facts, &SwitchFacts::new(d(2026, 3, 31)), Lang::Da);
    assert!(t.contains("[leverandørens navn]"), "{t}");
    assert!(t.contains("[systemets navn]"), "{t}");
    assert!(t.contains("[kommunens navn]"), "{t}");
    assert!(t.contains("[angiv deadline]"), "{t}");
    assert!(t.contains("Planlagt go-live: 01-04-2026"), "{t}");
    assert!(t.contains("3 (heraf i gang 2, glemte sager 1)"), "{t}");
    let blank = SwitchFacts {
        vendor: Some("  ".into()),
        ..SwitchFacts::new(d(2026, 3, 31))
    };
    assert!(notify_text(&facts, &blank, Lang::En).contains("[name of the vendor]"));
}

/// `skifteplan notify`: exit 0 with every fact given, 1 while a placeholder is left, 2 for an
/// unreadable plan.
#[test]
fn notify_command_exit_codes() {
    let dir = tempfile::tempdir().unwrap();
    let list = sample("aktivliste-rodet.xlsx");
    let plan = dir.path().join("plan.json");
    let o = skifteplan()
        .args(["plan", list.to_str().unwrap(), "--model", "1"])
        .args([
            "--switch-date",
            "2026-03-31",
            "--json",
            plan.to_str().unwrap(),
        ])
        .run();
    assert_eq!(o.code(), 1, "the messy sample needs a person");
    let notify = |extra: &[&str]| {
        skifteplan()
            .args(["notify", plan.to_str().unwrap()])
            .args(extra)
            .run()
    };
    notify(&[])
        .assert_code(1)
        .assert_stdout_has("[leverandørens navn]")
        .assert_stderr_has("--vendor, --system, --deadline");

    let o = notify(&[
        "--vendor",
        "Fiktiv Software A/S",
        "--system",
        "Fiktiv Journal",
        "--deadline",
        "30-06-2026",
    ]);
    o.assert_code(0)
        .assert_stdout_has("- Leverandør: Fiktiv Software A/S");
    assert!(o.stderr().is_empty(), "{}", o.stderr());

    let o = notify(&["--go-live", "2026-03-01"]);
    o.assert_code(2)
        .assert_stderr_has("--go-live 01-03-2026: go-live skal ligge efter D");
    assert!(o.stdout().is_empty(), "{}", o.stdout());

    let bad = dir.path().join("not-a-plan.xlsx");
    std::fs::write(&bad, "hello").unwrap();
    let mail = dir.path().join("mail.txt");
    let o = notify(&["--out", mail.to_str().unwrap()]);
    o.assert_code(1);
    assert!(o.stdout().is_empty(), "{}", o.stdout());
    assert!(
        std::fs::read_to_string(&mail)
            .unwrap()
            .starts_with("Til: SMDB@dst.dk")
    );
    skifteplan()
        .args(["notify", bad.to_str().unwrap()])
        .run()
        .assert_code(2)
        .assert_stderr_lines(1);
}

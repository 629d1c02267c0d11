//! The JSON plan is written citizen by citizen (an outline plan, each citizen planned again as it
//! is written): its bytes are exactly those of the whole plan built in memory and serialised at
//! once, on every sample list, with conflicts, rejected rows, ignored sheets, warnings, forgotten
//! cases, decisions and ticks.
#![allow(clippy::unwrap_used, clippy::panic)] // a test, bench or dev tool: a failed expectation may stop it

use std::path::Path;

use chrono::NaiveDate;
use skifteplan::aktivliste::{self, Aktivliste, LoadOptions};
use skifteplan::export::{
    DoneMark, ExportInput, build_json, to_writer, write_json_to, write_json_to_with,
    write_json_with,
};
use skifteplan::lang::Lang;
use skifteplan::plan::{self, Action, CitizenPlan, Model, Settings};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn sample(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sample-data")
        .join(name)
}

/// The list, with the decisions file applied as `plan` applies it.
fn load(list: &Path, decisions: Option<&Path>, settings: &mut Settings) -> Aktivliste {
    let mut list = aktivliste::load(list, &LoadOptions::default()).unwrap();
    if let Some(path) = decisions {
        let decisions = aktivliste::load_decisions(path).unwrap();
        list.rejected
            .extend(decisions.matching_nobody(&list.citizens));
        settings.decisions = decisions.by_cpr;
    }
    list
}

/// The plan's JSON bytes three ways: the whole DTO serialised at once (as before streaming), the
/// whole plan streamed, and the outline plan streamed with every citizen planned again.
fn three_ways(list: &Aktivliste, settings: &Settings, show_cpr: bool, lang: Lang) -> [Vec<u8>; 3] {
    // Every second action ticked, every third by a named worker: done marks and done_by.
    let done = |c: &CitizenPlan, a: &Action| {
        (a.step % 2 == 1).then(|| DoneMark {
            date: d(2026, 3, 20),
            by: (c.cpr.full().ends_with('8') || a.step == 3).then(|| "AB".to_string()),
        })
    };
    let whole = plan::plan(&list.citizens, settings);
    let outline = plan::plan_outline(&list.citizens, settings);
    let input = |plan| ExportInput {
        plan,
        list,
        show_cpr,
        lang,
        generated_at: d(2026, 3, 1).and_hms_opt(9, 0, 0).unwrap(),
        done: &done,
    };
    let mut old = Vec::new();
    to_writer(&mut old, &build_json(&input(&whole))).unwrap();
    let mut streamed = Vec::new();
    write_json_to(&mut streamed, &input(&whole)).unwrap();
    let replan = |i: usize| plan::plan_citizen(&list.citizens[i], settings).0.actions;
    let mut outlined = Vec::new();
    write_json_to_with(&mut outlined, &input(&outline), Some(&replan)).unwrap();
    [old, streamed, outlined]
}

#[test]
fn the_streamed_plan_is_the_plan_built_in_memory_byte_for_byte() {
    let lists: [(&str, Option<&str>); 5] = [
        ("aktivliste-lille.xlsx", None),
        ("aktivliste-lille.xlsx", Some("beslutninger.csv")),
        ("aktivliste-rodet.xlsx", None),
        ("aktivliste.csv", None),
        ("aktivliste-1252.csv", None),
    ];
    let mut seen = [false; 6];
    for (name, decisions) in lists {
        for model in Model::ALL {
            let mut settings = Settings::new(model, d(2026, 3, 31));
            let list = load(
                &sample(name),
                decisions.map(sample).as_deref(),
                &mut settings,
            );
            for lang in [Lang::Da, Lang::En] {
                for show in [false, true] {
                    let [old, streamed, outlined] = three_ways(&list, &settings, show, lang);
                    let what = format!("{name} {decisions:?} {model:?} {lang:?} show {show}");
                    assert!(old == streamed, "{what}: streamed differs");
                    assert!(old == outlined, "{what}: outline differs");
                    let dto = skifteplan::export::from_slice(&old).unwrap();
                    // The lists hold what the test is about.
                    seen[0] |= !dto.conflicts.is_empty();
                    seen[1] |= !dto.rejected_rows.is_empty();
                    seen[2] |= !dto.ignored_sheets.is_empty();
                    seen[3] |= !dto.warnings.is_empty();
                    seen[4] |= dto.counts.forgotten > 0;
                    seen[5] |= dto
                        .citizens
                        .iter()
                        .flat_map(|c| &c.actions)
                        .any(|a| a.done_by.is_some());
                }
            }
        }
    }
    assert_eq!(seen, [true; 6]);
}

#[test]
fn a_file_is_written_streamed_too() {
    let mut settings = Settings::new(Model::Two, d(2026, 3, 31));
    let list = load(
        &sample("aktivliste-lille.xlsx"),
        Some(&sample("beslutninger.csv")),
        &mut settings,
    );
    let [old, ..] = three_ways(&list, &settings, false, Lang::Da);
    let outline = plan::plan_outline(&list.citizens, &settings);
    let done = |c: &CitizenPlan, a: &Action| {
        (a.step % 2 == 1).then(|| DoneMark {
            date: d(2026, 3, 20),
            by: (c.cpr.full().ends_with('8') || a.step == 3).then(|| "AB".to_string()),
        })
    };
    let input = ExportInput {
        plan: &outline,
        list: &list,
        show_cpr: false,
        lang: Lang::Da,
        generated_at: d(2026, 3, 1).and_hms_opt(9, 0, 0).unwrap(),
        done: &done,
    };
    let replan = |i: usize| plan::plan_citizen(&list.citizens[i], &settings).0.actions;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.json");
    write_json_with(&path, &input, Some(&replan)).unwrap();
    assert!(std::fs::read(&path).unwrap() == old);
}

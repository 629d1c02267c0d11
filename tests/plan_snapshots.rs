//! The plan for each model on the bundled sample lists, as a readable text snapshot. Each
//! snapshot is an assertion: read it as a caseworker would before accepting a change.
#![allow(clippy::unwrap_used, clippy::panic)] // a test, bench or dev tool: a failed expectation may stop it

mod util;

use std::fmt::Write;

use chrono::NaiveDate;
use skifteplan::aktivliste::{Aktivliste, LoadOptions, load, load_decisions};
use skifteplan::domain::date::fmt_dk;
use skifteplan::i18n::domain;
use skifteplan::lang::Lang;
use skifteplan::plan::{Model, Plan, Settings, plan};
use util::sample;

fn switch() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 31).unwrap()
}

fn opt_date(d: Option<NaiveDate>) -> String {
    d.map(fmt_dk).unwrap_or_else(|| "—".into())
}

/// One line per action, grouped by citizen; then conflicts, notes, rejected rows and ignored
/// sheets. CPR masked, as on screen.
fn render(list: &Aktivliste, plan: &Plan) -> String {
    let lang = Lang::Da;
    let mut s = String::new();
    writeln!(
        s,
        "{} | D {} | D+1 {} | {} borgere, {} handlinger",
        domain::model_label(plan.model, lang),
        fmt_dk(plan.switch_date),
        opt_date(plan.reentry_date),
        plan.citizens.len(),
        plan.action_count()
    )
    .unwrap();
    for c in &plan.citizens {
        writeln!(
            s,
            "\n{} {} [{}{}]",
            c.cpr.masked(),
            c.name.as_deref().unwrap_or("(uden navn)"),
            domain::status_label(c.status, lang),
            c.slutdato
                .map(|d| format!(", slutdato {}", fmt_dk(d)))
                .unwrap_or_default()
        )
        .unwrap();
        for a in &c.actions {
            writeln!(
                s,
                "  {:>2}. {:<10} {:<9} {:<10} {:<18} {} (opr. {}){}{}{} [{}] {}:{}",
                a.step,
                domain::system_label(a.system, lang),
                domain::part_label(a.part, lang),
                domain::action_label(a.action, lang),
                domain::form_label(a.form, lang),
                opt_date(a.date),
                opt_date(a.original_date),
                a.reason
                    .as_deref()
                    .map(|r| format!(" årsag {r}"))
                    .unwrap_or_default(),
                a.reason_text
                    .as_deref()
                    .map(|r| format!(" / {r}"))
                    .unwrap_or_default(),
                a.detail
                    .as_deref()
                    .map(|r| format!(" «{r}»"))
                    .unwrap_or_default(),
                a.privilege.key(),
                a.source.sheet,
                a.source.row
            )
            .unwrap();
        }
    }
    writeln!(s, "\nKonflikter ({}):", plan.conflicts.len()).unwrap();
    for k in &plan.conflicts {
        writeln!(
            s,
            "  {} {}: {}",
            k.cpr.masked(),
            k.kind.key(),
            domain::conflict_message(&k.kind, lang)
        )
        .unwrap();
    }
    writeln!(s, "Noter:").unwrap();
    for n in &plan.notes {
        writeln!(s, "  {}", domain::note_text(*n, &plan.reason_text, lang)).unwrap();
    }
    writeln!(s, "Afviste rækker ({}):", list.rejected.len()).unwrap();
    for r in &list.rejected {
        writeln!(
            s,
            "  '{}' række {}: {}",
            r.source.sheet,
            r.source.row,
            r.reason.message(lang)
        )
        .unwrap();
    }
    writeln!(s, "Ark ikke brugt ({}):", list.ignored_sheets.len()).unwrap();
    for i in &list.ignored_sheets {
        writeln!(s, "  '{}': {}", i.name, i.reason).unwrap();
    }
    s
}

fn snapshot(name: &str, list: &Aktivliste, settings: &Settings) {
    let p = plan(&list.citizens, settings);
    let mut ins = insta::Settings::clone_current();
    ins.set_snapshot_path(concat!(env!("CARGO_MANIFEST_DIR"), "/snapshots"));
    ins.set_prepend_module_to_snapshot(false);
    ins.bind(|| insta::assert_snapshot!(name, render(list, &p)));
}

#[test]
fn messy_list_each_model() {
    let list = load(&sample("aktivliste-rodet.xlsx"), &LoadOptions::default()).unwrap();
    for (model, name) in [
        (Model::One, "plan_rodet_model_1"),
        (Model::Two, "plan_rodet_model_2"),
        (Model::Mellem, "plan_rodet_mellem"),
    ] {
        snapshot(name, &list, &Settings::new(model, switch()));
    }
}

#[test]
fn small_list_each_model_with_decisions_file() {
    let list = load(&sample("aktivliste-lille.xlsx"), &LoadOptions::default()).unwrap();
    let decisions = load_decisions(&sample("beslutninger.csv")).unwrap();
    // Every decision of the bundled file is a citizen of the small list.
    assert_eq!(decisions.matching_nobody(&list.citizens), vec![]);
    let decisions = decisions.by_cpr;
    for (model, name) in [
        (Model::One, "plan_lille_model_1"),
        (Model::Two, "plan_lille_model_2"),
        (Model::Mellem, "plan_lille_mellem"),
    ] {
        let mut s = Settings::new(model, switch());
        s.decisions = decisions.clone();
        snapshot(name, &list, &s);
    }
}

//! Every line of the merge report, in both languages: a report with every section, and every
//! kind of mark.

use super::{Texts, d};
use crate::domain::{Cpr, Form};
use crate::i18n::merge::{applied, apply_hint, mark, report_lines};
use crate::lang::Lang;
use crate::merge::{
    ChangedSince, Disagreement, Mark, MergeReport, NewTick, OtherSetup, Place, PlanStep,
    UnknownMark, Unmatched, Untick,
};
use crate::plan::{ActionKind, Model, System};
use crate::review::Location;
use crate::store::StepKey;

fn place(row: u32) -> Place {
    Place {
        file: "handlinger-ab.xlsx".into(),
        at: Location::row("Handlinger", row),
    }
}

fn step() -> PlanStep {
    // Fictitious.
    let cpr = Cpr::parse("010190-2000").expect("parses").0;
    PlanStep {
        cpr,
        name: Some("Fiktiv Person".into()),
        key: StepKey {
            cpr: cpr.digits().to_string(),
            system: System::Nyt,
            form: Form::Indskrivning,
            action: ActionKind::Registrer,
            case_id: Some("123".into()),
            detail: Some("Rusmiddelcenter".into()),
            date: Some(d(2026, 4, 1)),
        },
    }
}

fn marks() -> Vec<Mark> {
    every!(Mark {
        Mark::Done { .. } => Mark::Done { date: Some(d(2026, 4, 2)), by: Some("AB".into()) },
        Mark::NotDone => Mark::NotDone,
    })
}

#[test]
fn every_line_of_the_merge_report_in_both_languages() {
    let mut t = Texts::default();
    let report = MergeReport {
        setup: Some((Model::Two, d(2026, 3, 31))),
        files: vec!["handlinger-ab.xlsx".into(), "handlinger-cd.xlsx".into()],
        ticks: vec![
            NewTick {
                step: step(),
                date: None,
                by: Some("AB".into()),
                was: None,
                from: vec![place(2)],
            },
            NewTick {
                step: step(),
                date: Some(d(2026, 4, 3)),
                by: None,
                was: Some((d(2026, 4, 2), "KO".into())),
                from: vec![place(3)],
            },
        ],
        unticks: vec![Untick {
            step: step(),
            was: (d(2026, 4, 2), "KO".into()),
            from: vec![place(4)],
        }],
        disagreements: vec![Disagreement {
            step: step(),
            marks: marks().into_iter().map(|m| (place(5), m)).collect(),
        }],
        changed_since: vec![
            ChangedSince {
                step: step(),
                store: None,
                changed: d(2026, 4, 3).and_hms_opt(14, 5, 0).unwrap(),
                marks: marks().into_iter().map(|m| (place(7), m)).collect(),
            },
            ChangedSince {
                step: step(),
                store: Some((d(2026, 4, 2), "CD".into())),
                changed: d(2026, 4, 3).and_hms_opt(14, 5, 0).unwrap(),
                marks: vec![(place(8), Mark::NotDone)],
            },
        ],
        unmatched: vec![Unmatched {
            place: place(6),
            cpr: "010190-xxxx".into(),
            mark: Mark::NotDone,
        }],
        unknown: vec![UnknownMark {
            place: place(7),
            cpr: Some("010190-xxxx".into()),
            value: "maybe".into(),
        }],
        other_setup: vec![OtherSetup {
            file: "gammel.xlsx".into(),
            model: Model::One,
            switch_date: d(2026, 4, 30),
        }],
        unchanged: 4,
        unmatched_blank: 2,
    };
    for show in [false, true] {
        let n = report_lines(&report, Lang::Da, show).len();
        for i in 0..n {
            t.add(format!("report_lines[{i}] show_cpr {show}"), |lang| {
                report_lines(&report, lang, show)[i].clone()
            });
        }
    }
    // Every section has a heading and its lines: 1 + 1 other set-up + 2 × 2 ticks + 2 unticks
    // + 2 disagreements + 2 changed since the sheet + 2 of no action + 3 unreadable + the sum.
    assert_eq!(report_lines(&report, Lang::En, false).len(), 19);
    assert!(
        !report_lines(&report, Lang::Da, false)
            .join("\n")
            .contains("010190-2000")
    );
    assert!(
        report_lines(&report, Lang::Da, true)
            .join("\n")
            .contains("010190-2000")
    );
    for m in marks() {
        t.add(format!("mark({m:?})"), |lang| mark(&m, lang));
    }
    t.add("apply_hint changes", |lang| {
        apply_hint(&report, lang).to_string()
    });
    t.add("apply_hint none", |lang| {
        apply_hint(&MergeReport::default(), lang).to_string()
    });
    t.add("applied", |lang| {
        applied(3, std::path::Path::new("liste.skifteplan.db"), lang)
    });
    t.add("empty report", |lang| {
        report_lines(&MergeReport::default(), lang, false).join("\n")
    });
    t.check();
}

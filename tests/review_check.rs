//! `check` against a tampered-plan corpus: a plan written by the product is read back, one cell
//! or row is changed the way a person in a spreadsheet program would, the workbook is written
//! again, and the check must report exactly that tampering at its row.
#![allow(clippy::unwrap_used, clippy::panic)] // a test, bench or dev tool: a failed expectation may stop it

mod sheet_edit;
mod util;

use std::path::Path;

use calamine::Data;
use chrono::{Local, NaiveDate};
use sheet_edit::{Grid, Sheets, col, read_sheets, sheet, write_sheets};
use skifteplan::aktivliste::{Aktivliste, LoadOptions, load, load_decisions};
use skifteplan::export::{ExportInput, xlsx_bytes, xlsx_bytes_replanned};
use skifteplan::lang::Lang;
use skifteplan::plan::{self, Action, CitizenPlan, Model, Plan, Settings};
use skifteplan::review::{self, Finding, FindingKind};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

const D: (i32, u32, u32) = (2026, 3, 31);

fn switch() -> NaiveDate {
    d(D.0, D.1, D.2)
}

/// The product's action sheet for a sample list.
fn product_xlsx(sample: &str, model: Model, lang: Lang) -> Vec<u8> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    let list = load(&dir.join(sample), &LoadOptions::default()).unwrap();
    let mut settings = Settings::new(model, switch());
    settings.decisions = load_decisions(&dir.join("beslutninger.csv"))
        .unwrap()
        .by_cpr;
    if sample != "aktivliste-lille.xlsx" {
        settings.decisions.clear();
    }
    action_sheet(&plan::plan(&list.citizens, &settings), &list, lang)
}

/// The product's action sheet for a plan of a list, nothing ticked.
fn action_sheet(plan: &Plan, list: &Aktivliste, lang: Lang) -> Vec<u8> {
    let none = |_: &CitizenPlan, _: &Action| None;
    xlsx_bytes(&ExportInput {
        plan,
        list,
        show_cpr: false,
        lang,
        generated_at: Local::now().naive_local(),
        done: &none,
    })
    .unwrap()
}

fn serial(date: NaiveDate) -> Data {
    let base = d(1899, 12, 30);
    Data::Float((date - base).num_days() as f64)
}

fn text(grid: &Grid, row: usize, header: &str) -> String {
    grid[row][col(grid, header)].to_string()
}

/// The 0-based grid index of the first action row matching a predicate on (Handling, Skema).
fn find_row(grid: &Grid, pred: impl Fn(&str, &str, usize) -> bool) -> usize {
    (1..grid.len())
        .find(|&i| pred(&text(grid, i, "Handling"), &text(grid, i, "Skema"), i))
        .expect("a matching row")
}

/// The check's findings about the plan's rules. The samples hold conflicts nobody decided
/// here, so every plan of them also has the one finding that conflicts are open
/// (`tests/conflicts.rs` is where that finding is tested): it is left out.
fn check(bytes: &[u8]) -> Vec<Finding> {
    rules_only(review::check(
        &review::read_plan(bytes).expect("the plan reads"),
    ))
}

fn rules_only(findings: Vec<Finding>) -> Vec<Finding> {
    findings
        .into_iter()
        .filter(|f| !matches!(f.kind, FindingKind::ConflictsOpen { .. }))
        .collect()
}

/// Asserts that a finding matching `pred` is at Excel row `row` of Handlinger.
fn assert_found(findings: &[Finding], row: usize, pred: impl Fn(&FindingKind) -> bool) {
    let hit = findings
        .iter()
        .any(|f| f.at.sheet == "Handlinger" && f.at.row == Some(row as u32) && pred(&f.kind));
    assert!(hit, "not found at row {row}: {findings:#?}");
}

fn tampered(
    sample: &str,
    model: Model,
    edit: impl FnOnce(&mut Sheets) -> usize,
) -> (Vec<Finding>, usize) {
    let mut sheets = read_sheets(&product_xlsx(sample, model, Lang::Da));
    let row = edit(&mut sheets);
    (check(&write_sheets(&sheets)), row)
}

#[test]
fn product_plans_check_clean_for_every_model_and_both_samples() {
    for sample in ["aktivliste-lille.xlsx", "aktivliste-rodet.xlsx"] {
        for model in Model::ALL {
            for lang in [Lang::Da, Lang::En] {
                let bytes = product_xlsx(sample, model, lang);
                assert_eq!(check(&bytes), vec![], "{sample} {model:?} {lang:?}");
                // Saved again by a spreadsheet program, untouched: still clean.
                let again = write_sheets(&read_sheets(&bytes));
                assert_eq!(check(&again), vec![], "{sample} {model:?} resaved");
            }
        }
    }
}

#[test]
fn the_overview_is_read_in_both_languages() {
    for lang in [Lang::Da, Lang::En] {
        let plan =
            review::read_plan(&product_xlsx("aktivliste-rodet.xlsx", Model::Two, lang)).unwrap();
        let h = &plan.header;
        assert_eq!(h.model, Model::Two);
        assert_eq!(h.switch_date, switch());
        assert_eq!(h.reentry_date, Some(d(2026, 4, 1)));
        assert_eq!(h.reason_text.as_deref(), Some("Systemskift"));
        assert_eq!(h.citizens.as_ref().unwrap().n, 20);
        assert_eq!(h.actions.as_ref().unwrap().n, plan.rows.len());
        assert!(!h.per_kind.is_empty());
        assert_eq!(
            plan.rows
                .iter()
                .filter(|r| r.forgotten)
                .map(|r| r.citizen)
                .collect::<std::collections::BTreeSet<_>>()
                .len(),
            2
        );
    }
}

#[test]
fn swapped_deletion_order_is_found() {
    let (f, row) = tampered("aktivliste-rodet.xlsx", Model::One, |s| {
        let g = sheet(s, "Handlinger");
        let i = find_row(g, |a, f, _| a == "Slet" && f == "Ydelse");
        let j = find_row(g, |a, f, j| a == "Slet" && f == "Indskrivning" && j > i);
        let c = col(g, "Skema");
        let tmp = g[i][c].clone();
        g[i][c] = g[j][c].clone();
        g[j][c] = tmp;
        j + 1
    });
    assert_found(&f, row, |k| matches!(k, FindingKind::DeleteOrder { .. }));
}

#[test]
fn registration_date_changed_in_model_one_is_found() {
    let (f, row) = tampered("aktivliste-rodet.xlsx", Model::One, |s| {
        let g = sheet(s, "Handlinger");
        let i = find_row(g, |a, f, _| a == "Registrér" && f == "Anmodning");
        let c = col(g, "Dato");
        g[i][c] = serial(d(2026, 4, 1));
        i + 1
    });
    assert_found(&f, row, |k| {
        matches!(k, FindingKind::DateNotOriginal { .. })
    });
}

#[test]
fn close_date_changed_is_found() {
    let (f, row) = tampered("aktivliste-rodet.xlsx", Model::Two, |s| {
        let g = sheet(s, "Handlinger");
        let i = find_row(g, |a, f, _| a == "Afslut" && f == "Behandling");
        let c = col(g, "Dato");
        g[i][c] = Data::String("30-03-2026".into());
        i + 1
    });
    assert_found(
        &f,
        row,
        |k| matches!(k, FindingKind::CloseDateNotD { found: Some(x), .. } if *x == d(2026, 3, 30)),
    );
}

#[test]
fn the_guides_own_words_in_section_4_are_no_finding() {
    // §4 writes "Anden årsag" and "Systemskifte" where §1 and §6 write "Anden" and
    // "Systemskift": a person who typed the guide's §4 words did nothing wrong.
    let (f, _) = tampered("aktivliste-rodet.xlsx", Model::Two, |s| {
        let g = sheet(s, "Handlinger");
        let i = find_row(g, |a, _, _| a == "Afslut");
        let (c, t) = (col(g, "Årsag"), col(g, "Beskrivelse"));
        g[i][c] = Data::String("Anden årsag".into());
        g[i + 1][t] = Data::String("Systemskifte".into());
        i
    });
    assert_eq!(f, vec![]);
}

#[test]
fn reason_and_reason_text_changed_are_found() {
    let (f, row) = tampered("aktivliste-rodet.xlsx", Model::Two, |s| {
        let g = sheet(s, "Handlinger");
        let i = find_row(g, |a, _, _| a == "Afslut");
        let (c, t) = (col(g, "Årsag"), col(g, "Beskrivelse"));
        g[i][c] = Data::String("Behandling afsluttet".into());
        g[i + 1][t] = Data::String("Flytning".into());
        i + 1
    });
    assert_found(&f, row, |k| matches!(k, FindingKind::ReasonNotAnden { .. }));
    assert_found(
        &f,
        row + 1,
        |k| matches!(k, FindingKind::ReasonTextWrong { expected, .. } if expected == "Systemskift"),
    );
}

#[test]
fn reentry_date_changed_is_found() {
    let (f, row) = tampered("aktivliste-rodet.xlsx", Model::Two, |s| {
        let g = sheet(s, "Handlinger");
        let i = find_row(g, |a, f, _| a == "Registrér" && f == "Iværksættelse");
        let c = col(g, "Dato");
        g[i][c] = serial(d(2026, 3, 31));
        i + 1
    });
    assert_found(
        &f,
        row,
        |k| matches!(k, FindingKind::ReentryDateWrong { expected, .. } if *expected == d(2026, 4, 1)),
    );
}

#[test]
fn forgotten_case_closed_after_the_switch_date_is_found() {
    let (f, row) = tampered("aktivliste-lille.xlsx", Model::Two, |s| {
        let forgotten = text(sheet(s, "Glemte sager"), 1, "CPR");
        let g = sheet(s, "Handlinger");
        let i = find_row(g, |a, _, i| a == "Afslut" && text(g, i, "CPR") == forgotten);
        let c = col(g, "Dato");
        g[i][c] = serial(d(2026, 4, 15));
        i + 1
    });
    assert_found(&f, row, |k| {
        matches!(k, FindingKind::ForgottenAfterSwitch { .. })
    });
}

#[test]
fn forgotten_case_closed_with_systemskift_or_reentered_is_found() {
    let (f, row) = tampered("aktivliste-lille.xlsx", Model::One, |s| {
        // The second forgotten case has every form, so several closes.
        let forgotten = text(sheet(s, "Glemte sager"), 2, "CPR");
        let g = sheet(s, "Handlinger");
        let i = find_row(g, |a, _, i| a == "Afslut" && text(g, i, "CPR") == forgotten);
        let t = col(g, "Beskrivelse");
        g[i][t] = Data::String("Systemskift".into());
        let a = col(g, "Handling");
        g[i + 1][a] = Data::String("Slet".into());
        i + 1
    });
    assert_found(&f, row, |k| {
        matches!(k, FindingKind::ForgottenSystemskift { .. })
    });
    assert_found(&f, row + 1, |k| {
        matches!(
            k,
            FindingKind::WrongAction {
                forgotten: true,
                ..
            }
        )
    });
}

#[test]
fn a_deleted_row_is_found() {
    let (f, row) = tampered("aktivliste-rodet.xlsx", Model::Two, |s| {
        let g = sheet(s, "Handlinger");
        // The first citizen's third step.
        let i = find_row(g, |_, _, i| text(g, i, "Trin") == "3");
        g.remove(i);
        i + 1
    });
    assert_found(&f, row, |k| {
        matches!(k, FindingKind::StepGap { after: 2, found: 4 })
    });
    assert!(
        f.iter().any(
            |x| matches!(x.kind, FindingKind::CountMismatch { .. }) && x.at.sheet == "Oversigt"
        )
    );
}

#[test]
fn a_forgotten_case_stays_forgotten_when_its_row_in_glemte_sager_is_removed() {
    let (f, _) = tampered("aktivliste-lille.xlsx", Model::Two, |s| {
        let g = sheet(s, "Glemte sager");
        g.truncate(1);
        0
    });
    // Its closes on the real end date are not taken for Systemskift closes off D.
    assert!(
        !f.iter().any(|x| matches!(
            x.kind,
            FindingKind::CloseDateNotD { .. }
                | FindingKind::ReasonNotAnden { .. }
                | FindingKind::ReasonTextWrong { .. }
                | FindingKind::Unpaired { .. }
        )),
        "{f:#?}"
    );
    assert!(
        f.iter().any(|x| x.kind
            == FindingKind::ForgottenDiffers {
                row_says: true,
                other_says: false
            }),
        "{f:#?}"
    );
}

#[test]
fn one_rows_status_changed_is_found_and_the_case_still_checked_as_forgotten() {
    let (f, row) = tampered("aktivliste-lille.xlsx", Model::Two, |s| {
        let forgotten = text(sheet(s, "Glemte sager"), 2, "CPR");
        let g = sheet(s, "Handlinger");
        let i = find_row(g, |_, _, i| text(g, i, "CPR") == forgotten);
        let c = col(g, "Status");
        g[i][c] = Data::String("Aktiv".into());
        i + 1
    });
    assert_found(&f, row, |k| {
        *k == FindingKind::ForgottenDiffers {
            row_says: false,
            other_says: true,
        }
    });
    assert!(
        !f.iter()
            .any(|x| matches!(x.kind, FindingKind::CloseDateNotD { .. })),
        "{f:#?}"
    );
}

#[test]
fn a_citizens_removed_last_row_names_the_citizen() {
    let (f, row) = tampered("aktivliste-rodet.xlsx", Model::One, |s| {
        let g = sheet(s, "Handlinger");
        let last = (1..g.len())
            .rev()
            .find(|&i| text(g, i, "Borger nr") == "1")
            .unwrap();
        g.remove(last);
        last
    });
    // Reported at the citizen's row that is now its last.
    assert_found(&f, row, |k| matches!(k, FindingKind::StepCount { .. }));
}

#[test]
fn a_changed_model_or_switch_date_cell_is_one_finding_at_that_cell() {
    let (f, _) = tampered("aktivliste-rodet.xlsx", Model::Two, |s| {
        let g = sheet(s, "Oversigt");
        let i = (1..g.len())
            .find(|&i| g[i][0] == Data::String("Model".into()))
            .unwrap();
        g[i][1] = Data::String("Model 1 (med historik)".into());
        0
    });
    let at_overview: Vec<_> = f.iter().filter(|x| x.at.sheet == "Oversigt").collect();
    assert!(
        at_overview.iter().any(|x| x.kind
            == FindingKind::HeaderModelWrong {
                stated: Model::One,
                rows: Model::Two
            }),
        "{f:#?}"
    );
    assert!(
        !f.iter()
            .any(|x| matches!(x.kind, FindingKind::WrongAction { .. })),
        "{f:#?}"
    );

    let (f, _) = tampered("aktivliste-rodet.xlsx", Model::Two, |s| {
        let g = sheet(s, "Oversigt");
        let i = (1..g.len())
            .find(|&i| g[i][0] == Data::String("Skiftedato (D)".into()))
            .unwrap();
        g[i][1] = serial(d(2026, 3, 30));
        0
    });
    assert!(
        f.iter().any(|x| x.kind
            == FindingKind::HeaderSwitchWrong {
                stated: d(2026, 3, 30),
                rows: switch()
            }
            && x.at.sheet == "Oversigt"),
        "{f:#?}"
    );
    assert!(
        !f.iter()
            .any(|x| matches!(x.kind, FindingKind::CloseDateNotD { .. })),
        "{f:#?}"
    );
}

#[test]
fn a_deleted_citizen_is_found() {
    let (f, row) = tampered("aktivliste-rodet.xlsx", Model::One, |s| {
        let g = sheet(s, "Handlinger");
        let first = find_row(g, |_, _, i| text(g, i, "Borger nr") == "3");
        g.retain(|r| r.first().map(|c| c.to_string()) != Some("3".into()));
        first + 1
    });
    assert_found(&f, row, |k| {
        matches!(k, FindingKind::CitizenMissing { citizen: 3 })
    });
}

#[test]
fn a_step_gap_is_found() {
    let (f, row) = tampered("aktivliste-rodet.xlsx", Model::Mellem, |s| {
        let g = sheet(s, "Handlinger");
        // A citizen with two follow-ups: renumber the second as 3.
        let i = find_row(g, |_, _, i| text(g, i, "Trin") == "2");
        let c = col(g, "Trin");
        g[i][c] = Data::Float(3.0);
        i + 1
    });
    assert_found(&f, row, |k| {
        matches!(k, FindingKind::StepGap { after: 1, found: 3 })
    });
}

#[test]
fn moved_rows_and_unreadable_cells_are_found() {
    let (f, row) = tampered("aktivliste-rodet.xlsx", Model::Two, |s| {
        let g = sheet(s, "Handlinger");
        g.swap(1, 2);
        let c = col(g, "Dato");
        g[5][c] = Data::String("snart".into());
        3
    });
    assert_found(&f, row, |k| {
        matches!(k, FindingKind::StepOutOfRowOrder { .. })
    });
    assert_found(&f, 6, |k| matches!(k, FindingKind::Unreadable { .. }));
}

#[test]
fn the_json_plan_is_checked_too() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    let list = load(&dir.join("aktivliste-rodet.xlsx"), &LoadOptions::default()).unwrap();
    let plan = plan::plan(&list.citizens, &Settings::new(Model::Two, switch()));
    let none = |_: &CitizenPlan, _: &Action| None;
    let input = ExportInput {
        plan: &plan,
        list: &list,
        show_cpr: false,
        lang: Lang::Da,
        generated_at: Local::now().naive_local(),
        done: &none,
    };
    let mut dto = skifteplan::export::build_json(&input);
    let clean = serde_json::to_vec(&dto).unwrap();
    assert_eq!(check(&clean), vec![]);
    dto.citizens[0].actions[0].date = Some(d(2026, 3, 1));
    dto.citizens.remove(1);
    let findings = check(&serde_json::to_vec(&dto).unwrap());
    assert!(
        findings
            .iter()
            .any(|f| f.at.sheet == "citizens[0].actions[0]"
                && matches!(f.kind, FindingKind::CloseDateNotD { .. }))
    );
    assert!(
        findings
            .iter()
            .any(|f| matches!(f.kind, FindingKind::CountMismatch { .. }))
    );
}

#[test]
fn a_json_plan_with_a_byte_order_mark_or_a_date_no_case_can_have() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    let list = load(&dir.join("aktivliste-lille.xlsx"), &LoadOptions::default()).unwrap();
    let plan = plan::plan(&list.citizens, &Settings::new(Model::One, switch()));
    let none = |_: &CitizenPlan, _: &Action| None;
    let input = ExportInput {
        plan: &plan,
        list: &list,
        show_cpr: false,
        lang: Lang::Da,
        generated_at: Local::now().naive_local(),
        done: &none,
    };
    let mut dto = skifteplan::export::build_json(&input);
    // Saved again by an editor that writes a byte order mark: the same plan.
    let mut with_bom = b"\xEF\xBB\xBF".to_vec();
    with_bom.extend(serde_json::to_vec(&dto).unwrap());
    assert_eq!(check(&with_bom), vec![]);
    // A registration moved to 2204: the date is no date of a plan.
    let (i, j) = dto
        .citizens
        .iter()
        .enumerate()
        .find_map(|(i, c)| {
            c.actions
                .iter()
                .position(|a| a.date.is_some() && a.original_date.is_some())
                .map(|j| (i, j))
        })
        .expect("a model 1 registration with its original date");
    dto.citizens[i].actions[j].date = Some(d(2204, 3, 1));
    let findings = check(&serde_json::to_vec(&dto).unwrap());
    let at = format!("citizens[{i}].actions[{j}]");
    assert!(
        findings.iter().any(|f| f.at.sheet == at
            && matches!(&f.kind, FindingKind::Unreadable { value, .. } if value == "01-03-2204")),
        "{findings:#?}"
    );
}

#[test]
fn unreadable_inputs_are_errors_not_panics() {
    for bytes in [&b""[..], b"PK\x03\x04garbage", b"{\"format\":1}", b"hello"] {
        assert!(review::read_plan(bytes).is_err());
    }
}

#[test]
fn a_forgotten_case_is_told_apart_from_a_citizen_with_the_same_masked_cpr_and_name() {
    // Two fictitious citizens born the same day with the same name: masked, their CPR and
    // name are the same. Only the second is a forgotten case.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tvillinger.csv");
    std::fs::write(
        &path,
        "CPR;Navn;Anmodning ID;Anmodningsdato;Iværksættelsesdato;Glemt;Slutdato\n\
         010190-2000;Anna Fiktiv;A-1;01-02-2025;15-02-2025;;\n\
         010190-3000;Anna Fiktiv;A-2;01-03-2025;15-03-2025;Ja;30-09-2025\n",
    )
    .unwrap();
    let list = load(&path, &LoadOptions::default()).unwrap();
    assert_eq!(list.citizens.len(), 2);
    for model in Model::ALL {
        let plan = plan::plan(&list.citizens, &Settings::new(model, switch()));
        let bytes = action_sheet(&plan, &list, Lang::Da);
        let rows = review::read_plan(&bytes).unwrap();
        let forgotten: Vec<u32> = rows
            .rows
            .iter()
            .filter(|r| r.forgotten)
            .map(|r| r.citizen)
            .collect();
        assert!(
            !forgotten.is_empty() && forgotten.iter().all(|&c| c == 2),
            "{model:?}"
        );
        assert_eq!(check(&bytes), vec![], "{model:?}");
    }
}

#[test]
fn a_sheet_whose_forgotten_cases_have_no_citizen_number_still_checks_clean() {
    // An action sheet written before Glemte sager had a Borger nr column.
    for model in Model::ALL {
        let mut sheets = read_sheets(&product_xlsx("aktivliste-lille.xlsx", model, Lang::Da));
        let g = sheet(&mut sheets, "Glemte sager");
        assert_eq!(g[0][0], Data::String("Borger nr".into()));
        for row in g.iter_mut() {
            row.remove(0);
        }
        let bytes = write_sheets(&sheets);
        let rows = review::read_plan(&bytes).unwrap();
        assert!(rows.rows.iter().any(|r| r.forgotten), "{model:?}");
        assert_eq!(check(&bytes), vec![], "{model:?}");
    }
}

#[test]
fn the_action_sheet_written_citizen_by_citizen_is_the_same_as_from_the_whole_plan() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    for sample in ["aktivliste-lille.xlsx", "aktivliste-rodet.xlsx"] {
        let list = load(&dir.join(sample), &LoadOptions::default()).unwrap();
        for model in Model::ALL {
            let mut settings = Settings::new(model, switch());
            if sample == "aktivliste-lille.xlsx" {
                settings.decisions = load_decisions(&dir.join("beslutninger.csv"))
                    .unwrap()
                    .by_cpr;
            }
            let full = plan::plan(&list.citizens, &settings);
            let outline = plan::plan_outline(&list.citizens, &settings);
            assert_eq!(outline.counts(), full.counts(), "{sample} {model:?}");
            assert_eq!(outline.action_count(), full.action_count());
            assert_eq!(outline.notes, full.notes);
            assert_eq!(outline.conflicts, full.conflicts);
            assert!(
                outline
                    .citizens
                    .iter()
                    .map(|c| c.actions.len())
                    .sum::<usize>()
                    < full.action_count(),
                "{sample} {model:?}: the outline holds fewer actions"
            );
            let generated_at = d(2026, 3, 1).and_hms_opt(9, 0, 0).unwrap();
            let none = |_: &CitizenPlan, _: &Action| None;
            let input = |plan| ExportInput {
                plan,
                list: &list,
                show_cpr: false,
                lang: Lang::Da,
                generated_at,
                done: &none,
            };
            let whole = xlsx_bytes(&input(&full)).unwrap();
            let replan = |i: usize| plan::plan_citizen(&list.citizens[i], &settings).0.actions;
            let streamed = xlsx_bytes_replanned(&input(&outline), &replan).unwrap();
            assert_eq!(
                read_sheets(&streamed),
                read_sheets(&whole),
                "{sample} {model:?}"
            );
            assert_eq!(check(&streamed), vec![], "{sample} {model:?}");
        }
    }
}

#[test]
fn a_plan_saved_in_the_1904_date_system_reads_the_same_dates() {
    for model in Model::ALL {
        let bytes = product_xlsx("aktivliste-rodet.xlsx", model, Lang::Da);
        let want = review::read_plan(&bytes).unwrap();
        let sheets = read_sheets(&bytes);
        let got = review::read_plan(&sheet_edit::write_sheets_1904(&sheets)).unwrap();
        assert_eq!(got.header.switch_date, want.header.switch_date, "{model:?}");
        assert_eq!(
            got.header.reentry_date, want.header.reentry_date,
            "{model:?}"
        );
        assert!(want.rows.iter().any(|r| r.date.is_some()), "{model:?}");
        let dates = |p: &review::PlanRows| -> Vec<_> {
            p.rows
                .iter()
                .map(|r| (r.date, r.original_date, r.done_date))
                .collect()
        };
        assert_eq!(dates(&got), dates(&want), "{model:?}");
        assert_eq!(rules_only(review::check(&got)), vec![], "{model:?}");
    }
}

#[test]
fn an_udfoert_value_that_is_neither_done_nor_not_done_is_a_finding_at_its_row() {
    let mut sheets = read_sheets(&product_xlsx("aktivliste-lille.xlsx", Model::Two, Lang::Da));
    let grid = sheet(&mut sheets, "Handlinger");
    let c_done = col(grid, "Udført");
    // Done and not done in the words people write: no finding.
    for (i, v) in ["x", "Ja", "✓", "nej", "0", "ikke endnu", "02-04-2026"]
        .iter()
        .enumerate()
    {
        grid[i + 1][c_done] = Data::String((*v).to_string());
    }
    grid[9][c_done] = Data::String("maybe".into());
    let bytes = write_sheets(&sheets);
    let plan = review::read_plan(&bytes).unwrap();
    let findings = rules_only(review::check(&plan));
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert_found(&findings, 10, |k| {
        *k == FindingKind::Unreadable {
            column: review::check::Column::Done,
            value: "maybe".into(),
        }
    });
    assert!(plan.rows[0].done && plan.rows[2].done && plan.rows[6].done);
    assert_eq!(plan.rows[6].done_date, Some(d(2026, 4, 2)));
    assert!(plan.rows[3].not_done && plan.rows[4].not_done && plan.rows[5].not_done);
    assert!(!plan.rows[3].done && !plan.rows[8].done && !plan.rows[8].not_done);

    // And `check` says so with the sheet and the row, in the chosen language.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("handlinger.xlsx");
    std::fs::write(&path, &bytes).unwrap();
    let run = util::skifteplan().arg("check").arg(&path).run();
    run.assert_code(1)
        .assert_stdout_has("Handlinger række 10")
        .assert_stdout_has("Udført kan ikke læses: \"maybe\"")
        .assert_no_full_cpr();
}

//! Conflicts decided in the tool: each kind's decisions plan as the guide asks, an open conflict
//! shows as open in the exports, `check` counts it and `confirm` leaves its citizen off DST's
//! list; a decided plan passes `check` from the sheet and from the JSON alike. All CPR numbers
//! are fictitious.
#![allow(clippy::unwrap_used, clippy::panic)] // a test, bench or dev tool: a failed expectation may stop it

use std::path::PathBuf;

use chrono::{NaiveDate, NaiveDateTime};
use skifteplan::aktivliste::Aktivliste;
use skifteplan::domain::resolution::{CaseKey, Decided, Resolution, Topic};
use skifteplan::domain::{
    Anmodning, Citizen, Cpr, Form, Indskrivning, KvalHep, SourceRef, Tilbudstilknytning, Ydelse,
};
use skifteplan::export::{ExportInput, write_json_to, xlsx_bytes};
use skifteplan::lang::Lang;
use skifteplan::plan::decide::{DecisionProblem, problem};
use skifteplan::plan::{
    Action, ActionKind, CitizenPlan, ConflictKind, Model, Plan, Settings, System, plan,
};
use skifteplan::review::confirm::{Exclusion, confirmation};
use skifteplan::review::{FindingKind, check, read_plan};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

const SWITCH: (i32, u32, u32) = (2026, 3, 31);

fn switch() -> NaiveDate {
    d(SWITCH.0, SWITCH.1, SWITCH.2)
}

fn src(row: u32) -> SourceRef {
    SourceRef {
        sheet: "Anmodninger".into(),
        row,
    }
}

fn citizen(cpr: &str) -> Citizen {
    let (cpr, class) = Cpr::parse(cpr).unwrap();
    Citizen::new(cpr, class)
}

fn anmodning(id: &str, start: NaiveDate, row: u32) -> Anmodning {
    Anmodning {
        id: Some(id.into()),
        anmodningsdato: start,
        ivaerksaettelsesdato: Some(start + chrono::Days::new(10)),
        tilbudstilknytning: Some(Tilbudstilknytning {
            tilbud: Some("Rusmiddelcenter Fiktiv".into()),
            dato: Some(start + chrono::Days::new(20)),
        }),
        kvalhep: None,
        source: src(row),
    }
}

/// Two active anmodninger (A1 from 2025, A2 from 2026).
fn two_anmodninger() -> Citizen {
    let mut c = citizen("010190-1234");
    c.anmodninger = vec![
        anmodning("A1", d(2025, 1, 5), 2),
        anmodning("A2", d(2026, 1, 5), 3),
    ];
    c
}

fn settings(model: Model) -> Settings {
    Settings::new(model, switch())
}

fn decide(s: &mut Settings, c: &Citizen, topic: Topic, resolution: Resolution) {
    s.resolutions
        .entry(c.cpr.digits().to_string())
        .or_default()
        .push(Decided { topic, resolution });
}

/// A step as the tests compare it: system, action, form, case ID and date.
type Step = (System, ActionKind, Form, Option<String>, Option<NaiveDate>);

fn steps(p: &Plan) -> Vec<Step> {
    p.citizens[0]
        .actions
        .iter()
        .map(|a| {
            let id = a.case_id.as_deref().map(str::to_string);
            (a.system, a.action, a.form, id, a.date)
        })
        .collect()
}

fn keep(id: &str) -> CaseKey {
    CaseKey::new(Some(id), None, None)
}

#[test]
fn two_anmodninger_stay_open_until_decided_and_nothing_is_decided_by_itself() {
    let c = two_anmodninger();
    let p = plan(std::slice::from_ref(&c), &settings(Model::Two));
    assert_eq!(p.open_conflicts(), 1);
    let conflict = &p.conflicts[0];
    assert_eq!(conflict.topic.as_deref(), Some(&Topic::TwoAnmodninger));
    assert!(conflict.resolution.is_none());
}

#[test]
fn the_kept_anmodning_is_the_case_and_the_other_is_deleted_as_a_wrong_registration() {
    let c = two_anmodninger();
    let mut s = settings(Model::Two);
    let r = Resolution::Keep {
        keep: keep("A1"),
        close_others_on: None,
    };
    decide(&mut s, &c, Topic::TwoAnmodninger, r);
    let p = plan(std::slice::from_ref(&c), &s);
    assert_eq!(p.open_conflicts(), 0);
    let steps = steps(&p);
    let of = |id: &'static str| steps.iter().filter(move |s| s.3.as_deref() == Some(id));
    // A2: deleted backwards, never closed on D, never re-entered.
    let a2: Vec<_> = of("A2").map(|s| (s.0, s.1, s.2)).collect();
    assert_eq!(
        a2,
        [
            (System::Smdb, ActionKind::Slet, Form::Tilbudstilknytning),
            (System::Smdb, ActionKind::Slet, Form::Ivaerksaettelse),
            (System::Smdb, ActionKind::Slet, Form::Anmodning),
        ]
    );
    // A1: closed on D and re-entered at D + 1, as model 2 has it.
    assert!(
        of("A1")
            .any(|s| s.1 == ActionKind::Afslut && s.2 == Form::Behandling && s.4 == Some(switch()))
    );
    assert!(of("A1").any(|s| s.1 == ActionKind::Registrer && s.4 == Some(d(2026, 4, 1))));
    assert!(
        p.citizens[0]
            .actions
            .iter()
            .filter(|a| a.case_id.as_deref() == Some("A2"))
            .all(|a| a.by_decision)
    );
}

#[test]
fn the_other_anmodning_closed_on_its_real_date_carries_no_systemskift() {
    let c = two_anmodninger();
    let mut s = settings(Model::Two);
    let r = Resolution::Keep {
        keep: keep("A2"),
        close_others_on: Some(d(2025, 12, 1)),
    };
    decide(&mut s, &c, Topic::TwoAnmodninger, r);
    let p = plan(std::slice::from_ref(&c), &s);
    let a1: Vec<&Action> = p.citizens[0]
        .actions
        .iter()
        .filter(|a| a.case_id.as_deref() == Some("A1"))
        .collect();
    assert!(!a1.is_empty());
    for a in &a1 {
        assert_eq!((a.system, a.action), (System::Smdb, ActionKind::Afslut));
        assert_eq!(a.date, Some(d(2025, 12, 1)));
        assert_eq!(a.reason_text, None);
    }
}

#[test]
fn a_decision_for_a_case_the_list_no_longer_has_leaves_the_conflict_open() {
    let c = two_anmodninger();
    let mut s = settings(Model::One);
    let r = Resolution::Keep {
        keep: keep("A9"),
        close_others_on: None,
    };
    decide(&mut s, &c, Topic::TwoAnmodninger, r);
    assert_eq!(plan(std::slice::from_ref(&c), &s).open_conflicts(), 1);
}

/// A citizen whose iværksættelse is dated after D.
fn ivaerksat_after_switch() -> Citizen {
    let mut c = citizen("020285-2345");
    let mut a = anmodning("A5", d(2026, 3, 1), 2);
    a.ivaerksaettelsesdato = Some(d(2026, 4, 7));
    a.tilbudstilknytning = None;
    c.anmodninger = vec![a];
    c
}

fn after_switch_topic(c: &Citizen) -> Topic {
    let p = plan(std::slice::from_ref(c), &settings(Model::Two));
    let conflict = p
        .conflicts
        .iter()
        .find(|k| matches!(k.kind, ConflictKind::FormAfterSwitch { .. }))
        .unwrap();
    (**conflict.topic.as_ref().unwrap()).clone()
}

#[test]
fn a_form_after_d_deleted_is_deleted_first_and_registered_on_its_own_date() {
    let c = ivaerksat_after_switch();
    let mut s = settings(Model::Two);
    decide(&mut s, &c, after_switch_topic(&c), Resolution::Delete);
    let p = plan(std::slice::from_ref(&c), &s);
    assert_eq!(p.open_conflicts(), 0);
    let steps = steps(&p);
    assert_eq!(
        (steps[0].0, steps[0].1, steps[0].2),
        (System::Smdb, ActionKind::Slet, Form::Ivaerksaettelse)
    );
    let registered = steps
        .iter()
        .find(|s| s.1 == ActionKind::Registrer && s.2 == Form::Ivaerksaettelse)
        .unwrap();
    assert_eq!(registered.4, Some(d(2026, 4, 7)));
    // The anmodning itself is closed on D and re-entered at D + 1.
    assert!(
        steps
            .iter()
            .any(|s| s.2 == Form::Behandling && s.4 == Some(switch()))
    );
}

#[test]
fn a_form_after_d_re_dated_or_left_in_the_web_form() {
    let c = ivaerksat_after_switch();
    let mut s = settings(Model::Two);
    let redate = Resolution::Redate {
        date: d(2026, 3, 20),
    };
    decide(&mut s, &c, after_switch_topic(&c), redate);
    let p = plan(std::slice::from_ref(&c), &s);
    assert_eq!(p.open_conflicts(), 0);
    let iv = p.citizens[0]
        .actions
        .iter()
        .find(|a| a.form == Form::Ivaerksaettelse)
        .unwrap();
    assert_eq!(iv.original_date, Some(d(2026, 3, 20)));

    let mut s = settings(Model::Two);
    decide(&mut s, &c, after_switch_topic(&c), Resolution::WebForm);
    let p = plan(std::slice::from_ref(&c), &s);
    assert!(
        p.citizens[0]
            .actions
            .iter()
            .all(|a| a.action == ActionKind::FoelgOp && a.by_decision)
    );
}

#[test]
fn model_one_without_an_original_date_is_a_conflict_until_the_date_is_found() {
    let mut c = citizen("030370-3456");
    let mut a = anmodning("A7", d(2024, 6, 1), 2);
    a.kvalhep = Some(KvalHep { dato: None });
    c.anmodninger = vec![a];
    let p = plan(std::slice::from_ref(&c), &settings(Model::One));
    let conflict = p
        .conflicts
        .iter()
        .find(|k| {
            k.kind
                == ConflictKind::MissingOriginalDate {
                    form: Form::KvalHep,
                }
        })
        .expect("a KvalHep without a date is a conflict");
    let topic = (**conflict.topic.as_ref().unwrap()).clone();
    assert_eq!(p.open_conflicts(), 1);

    let mut s = settings(Model::One);
    let found = Resolution::OriginalDate {
        date: d(2024, 7, 1),
    };
    decide(&mut s, &c, topic, found);
    let p = plan(std::slice::from_ref(&c), &s);
    assert_eq!(p.open_conflicts(), 0);
    let reg = p.citizens[0]
        .actions
        .iter()
        .find(|a| a.form == Form::KvalHep && a.action == ActionKind::Registrer)
        .unwrap();
    assert_eq!(reg.date, Some(d(2024, 7, 1)));
}

#[test]
fn an_anmodning_without_ivaerksaettelse_is_an_ordinary_case_with_a_note() {
    let mut c = citizen("040480-4567");
    let mut a = anmodning("A8", d(2026, 2, 1), 2);
    a.ivaerksaettelsesdato = None;
    a.tilbudstilknytning = None;
    c.anmodninger = vec![a];
    for model in [Model::One, Model::Two] {
        let p = plan(std::slice::from_ref(&c), &settings(model));
        assert_eq!(p.open_conflicts(), 0, "{model:?}");
        assert!(
            p.conflicts
                .iter()
                .any(|k| k.kind == ConflictKind::AnmodningWithoutIvaerksaettelse)
        );
        let kinds: Vec<ActionKind> = p.citizens[0].actions.iter().map(|a| a.action).collect();
        match model {
            // Closed on D (§4 d) and registered again at D + 1.
            Model::Two => assert_eq!(kinds, [ActionKind::Afslut, ActionKind::Registrer]),
            // Registered with its original date, then deleted.
            _ => assert_eq!(kinds, [ActionKind::Registrer, ActionKind::Slet]),
        }
    }
}

#[test]
fn two_indskrivninger_at_one_offer_are_decided_per_offer() {
    let mut c = citizen("050575-5678");
    let ind = |id: &str, start: NaiveDate| Indskrivning {
        id: Some(id.into()),
        tilbud: Some("Rusmiddelcenter Fiktiv".into()),
        indskrivningsdato: start,
        ydelser: vec![Ydelse {
            navn: "Ambulant".into(),
            startdato: Some(start),
        }],
        source: src(9),
    };
    c.indskrivninger = vec![ind("I1", d(2025, 1, 1)), ind("I2", d(2025, 6, 1))];
    let p = plan(std::slice::from_ref(&c), &settings(Model::Two));
    let topic = (**p.conflicts[0].topic.as_ref().unwrap()).clone();
    assert_eq!(
        topic,
        Topic::TwoIndskrivninger {
            tilbud: "Rusmiddelcenter Fiktiv".into()
        }
    );
    let mut s = settings(Model::Two);
    let r = Resolution::Keep {
        keep: keep("I2"),
        close_others_on: Some(d(2025, 5, 31)),
    };
    decide(&mut s, &c, topic, r);
    let p = plan(std::slice::from_ref(&c), &s);
    assert_eq!(p.open_conflicts(), 0);
    let i1: Vec<_> = p.citizens[0]
        .actions
        .iter()
        .filter(|a| a.case_id.as_deref() == Some("I1"))
        .map(|a| (a.action, a.date))
        .collect();
    assert_eq!(
        i1,
        [
            (ActionKind::Afslut, Some(d(2025, 5, 31))),
            (ActionKind::Afslut, Some(d(2025, 5, 31)))
        ]
    );
}

#[test]
fn a_decision_is_refused_with_its_bounds() {
    let c = two_anmodninger();
    let s = settings(Model::Two);
    let after = Resolution::Keep {
        keep: keep("A2"),
        close_others_on: Some(d(2026, 4, 1)),
    };
    assert_eq!(
        problem(&c, &s, &Topic::TwoAnmodninger, &after),
        Some(DecisionProblem::AfterSwitch { switch: switch() })
    );
    // A1's tilknytning started on 25-01-2025: its close cannot come before.
    let before = Resolution::Keep {
        keep: keep("A2"),
        close_others_on: Some(d(2025, 1, 10)),
    };
    assert_eq!(
        problem(&c, &s, &Topic::TwoAnmodninger, &before),
        Some(DecisionProblem::BeforeStart {
            start: d(2025, 1, 25)
        })
    );
    let nobody = Resolution::Keep {
        keep: keep("A9"),
        close_others_on: None,
    };
    assert_eq!(
        problem(&c, &s, &Topic::TwoAnmodninger, &nobody),
        Some(DecisionProblem::NoSuchCase)
    );
    assert_eq!(
        problem(&c, &s, &Topic::TwoAnmodninger, &Resolution::WebForm),
        Some(DecisionProblem::NotAChoice)
    );
}

// --- The exports, check and confirm ---------------------------------------------------------

fn list_of(citizens: Vec<Citizen>) -> Aktivliste {
    Aktivliste {
        path: PathBuf::from("aktivliste.xlsx"),
        citizens,
        sheets: Vec::new(),
        ignored_sheets: Vec::new(),
        rejected: Vec::new(),
        warnings: Vec::new(),
        notes: Vec::new(),
    }
}

fn none(_: &CitizenPlan, _: &Action) -> Option<skifteplan::export::DoneMark> {
    None
}

fn written(p: &Plan, list: &Aktivliste) -> [Vec<u8>; 2] {
    let input = ExportInput {
        plan: p,
        list,
        show_cpr: false,
        lang: Lang::Da,
        generated_at: NaiveDateTime::default(),
        done: &none,
    };
    let xlsx = xlsx_bytes(&input).unwrap();
    let mut json = Vec::new();
    write_json_to(&mut json, &input).unwrap();
    [xlsx, json]
}

#[test]
fn check_counts_open_conflicts_and_passes_the_decided_plan_from_sheet_and_json() {
    let c = two_anmodninger();
    let list = list_of(vec![c.clone()]);
    let open = plan(&list.citizens, &settings(Model::Two));
    for bytes in written(&open, &list) {
        let rows = read_plan(&bytes).unwrap();
        let findings = check(&rows);
        assert!(
            findings
                .iter()
                .any(|f| f.kind == FindingKind::ConflictsOpen { n: 1 }),
            "{findings:?}"
        );
    }
    let mut s = settings(Model::Two);
    let r = Resolution::Keep {
        keep: keep("A1"),
        close_others_on: None,
    };
    decide(&mut s, &c, Topic::TwoAnmodninger, r);
    let decided = plan(&list.citizens, &s);
    for bytes in written(&decided, &list) {
        let rows = read_plan(&bytes).unwrap();
        let findings = check(&rows);
        assert!(findings.is_empty(), "{findings:?}");
    }
}

#[test]
fn a_row_marked_as_decided_without_a_decided_conflict_is_a_finding() {
    let mut c = citizen("060690-6789");
    c.anmodninger = vec![anmodning("A3", d(2025, 2, 1), 2)];
    let list = list_of(vec![c]);
    let mut p = plan(&list.citizens, &settings(Model::Two));
    p.citizens[0].actions[0].by_decision = true;
    let [xlsx, _] = written(&p, &list);
    let findings = check(&read_plan(&xlsx).unwrap());
    assert!(
        findings
            .iter()
            .any(|f| f.kind == FindingKind::DecisionWithoutConflict),
        "{findings:?}"
    );
}

#[test]
fn confirm_never_hands_dst_a_citizen_with_an_open_conflict() {
    let c = two_anmodninger();
    let list = list_of(vec![c.clone()]);
    let open = plan(&list.citizens, &settings(Model::One));
    let done = |_: &CitizenPlan, a: &Action| {
        (a.action == ActionKind::Registrer).then(|| skifteplan::export::DoneMark {
            date: d(2026, 3, 1),
            by: None,
        })
    };
    let input = ExportInput {
        plan: &open,
        list: &list,
        show_cpr: false,
        lang: Lang::Da,
        generated_at: NaiveDateTime::default(),
        done: &done,
    };
    let sheet = xlsx_bytes(&input).unwrap();
    let rows = read_plan(&sheet).unwrap();
    let conf = confirmation(&rows).unwrap();
    assert!(conf.rows.is_empty());
    assert_eq!(
        conf.excluded[0].why,
        Exclusion::OpenConflict {
            kind: "two_anmodninger".into()
        }
    );
}

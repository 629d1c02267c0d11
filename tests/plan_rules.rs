//! Each rule of DOMAIN.md "Rules a plan must satisfy", checked on small hand-built citizens.
//! All CPR numbers are fictitious.
#![allow(clippy::unwrap_used, clippy::panic)] // a test, bench or dev tool: a failed expectation may stop it

use chrono::NaiveDate;
use skifteplan::domain::{
    Anmodning, Citizen, Cpr, Decision, Ends, Form, Indskrivning, KvalHep, Part, Privilege,
    SourceRef, Tilbudstilknytning, Ydelse,
};
use skifteplan::plan::{
    ActionKind, ConflictKind, Model, Note, Settings, Status, System, plan, plan_citizen,
};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
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

fn anmodning(day: u32) -> Anmodning {
    Anmodning {
        id: Some(format!("A{day}").into()),
        anmodningsdato: d(2025, 1, day),
        ivaerksaettelsesdato: Some(d(2025, 2, day)),
        tilbudstilknytning: Some(Tilbudstilknytning {
            tilbud: Some("Rusmiddelcenter Fiktiv".into()),
            dato: Some(d(2025, 3, day)),
        }),
        kvalhep: Some(KvalHep {
            dato: Some(d(2025, 4, day)),
        }),
        source: src(day + 1),
    }
}

fn indskrivning(day: u32) -> Indskrivning {
    Indskrivning {
        id: Some(format!("I{day}").into()),
        tilbud: Some("Rusmiddelcenter Fiktiv".into()),
        indskrivningsdato: d(2025, 3, day),
        ydelser: vec![
            Ydelse {
                navn: "Ambulant".into(),
                startdato: Some(d(2025, 3, day)),
            },
            Ydelse {
                navn: "Dagbehandling".into(),
                startdato: Some(d(2025, 5, day)),
            },
        ],
        source: SourceRef {
            sheet: "Indskrivninger".into(),
            row: day + 1,
        },
    }
}

/// A citizen with every form: anmodning with iværksættelse, tilknytning, KvalHep, and an
/// indskrivning with two ydelser.
fn full_citizen() -> Citizen {
    let mut c = citizen("010190-2000");
    c.name = Some("Test Testesen".into());
    c.anmodninger.push(anmodning(5));
    c.indskrivninger.push(indskrivning(5));
    c
}

fn switch() -> NaiveDate {
    d(2026, 3, 31)
}

fn forms_of(actions: &[skifteplan::plan::Action], system: System, kind: ActionKind) -> Vec<Form> {
    actions
        .iter()
        .filter(|a| a.system == system && a.action == kind)
        .map(|a| a.form)
        .collect()
}

#[test]
fn model_1_registers_with_original_dates_then_deletes_backwards() {
    let c = full_citizen();
    let (p, conflicts) = plan_citizen(&c, &Settings::new(Model::One, switch()));
    assert!(conflicts.is_empty(), "{conflicts:?}");
    // Registration first, all in the new system, with the original dates.
    let regs: Vec<_> = p
        .actions
        .iter()
        .take_while(|a| a.action == ActionKind::Registrer)
        .collect();
    assert_eq!(regs.len(), 7);
    for a in &regs {
        assert_eq!(a.system, System::Nyt);
        assert_eq!(a.date, a.original_date);
        assert!(a.date.is_some());
    }
    assert_eq!(
        forms_of(&p.actions, System::Nyt, ActionKind::Registrer),
        vec![
            Form::Anmodning,
            Form::Ivaerksaettelse,
            Form::Tilbudstilknytning,
            Form::Indskrivning,
            Form::Ydelse,
            Form::Ydelse,
            Form::KvalHep
        ]
    );
    // Then deletions a → f, none skipped.
    assert_eq!(
        forms_of(&p.actions, System::Smdb, ActionKind::Slet),
        vec![
            Form::Ydelse,
            Form::Ydelse,
            Form::Indskrivning,
            Form::Tilbudstilknytning,
            Form::Ivaerksaettelse,
            Form::Anmodning,
            Form::KvalHep
        ]
    );
    assert_eq!(p.actions.len(), 14);
    // Nothing is closed in model 1.
    assert!(p.actions.iter().all(|a| a.action != ActionKind::Afslut));
    // Steps are 1..n in order.
    let steps: Vec<u32> = p.actions.iter().map(|a| a.step).collect();
    assert_eq!(steps, (1..=14).collect::<Vec<_>>());
}

#[test]
fn model_1_deletes_only_forms_that_exist() {
    let mut c = citizen("010190-2000");
    let mut a = anmodning(5);
    a.ivaerksaettelsesdato = None;
    a.tilbudstilknytning = None;
    a.kvalhep = None;
    c.anmodninger.push(a);
    let (p, conflicts) = plan_citizen(&c, &Settings::new(Model::One, switch()));
    // An anmodning not yet iværksat: a note, nothing to decide.
    assert!(conflicts.iter().all(|c| !c.is_open()), "{conflicts:?}");
    assert_eq!(
        forms_of(&p.actions, System::Smdb, ActionKind::Slet),
        vec![Form::Anmodning]
    );
    assert_eq!(
        forms_of(&p.actions, System::Nyt, ActionKind::Registrer),
        vec![Form::Anmodning]
    );
}

#[test]
fn model_2_closes_on_d_with_anden_and_reason_text_and_registers_at_d_plus_1() {
    let c = full_citizen();
    let mut s = Settings::new(Model::Two, switch());
    s.reason_text = "Systemskifte".into();
    let (p, conflicts) = plan_citizen(&c, &s);
    assert!(conflicts.is_empty(), "{conflicts:?}");
    assert_eq!(
        forms_of(&p.actions, System::Smdb, ActionKind::Afslut),
        vec![
            Form::Ydelse,
            Form::Ydelse,
            Form::Indskrivning,
            Form::Tilbudstilknytning,
            Form::Behandling
        ]
    );
    for a in p.actions.iter().filter(|a| a.action == ActionKind::Afslut) {
        assert_eq!(a.date, Some(switch()));
        assert_eq!(a.reason.as_deref(), Some("Anden"));
        assert_eq!(a.reason_text.as_deref(), Some("Systemskifte"));
    }
    assert_eq!(
        forms_of(&p.actions, System::Nyt, ActionKind::Registrer),
        vec![
            Form::Anmodning,
            Form::Ivaerksaettelse,
            Form::Tilbudstilknytning,
            Form::Indskrivning,
            Form::Ydelse,
            Form::Ydelse,
            Form::KvalHep
        ]
    );
    for a in p
        .actions
        .iter()
        .filter(|a| a.action == ActionKind::Registrer)
    {
        assert_eq!(a.date, Some(d(2026, 4, 1)));
        assert!(a.original_date.is_some());
    }
    // Closes come before registrations.
    let first_reg = p
        .actions
        .iter()
        .position(|a| a.action == ActionKind::Registrer)
        .unwrap();
    assert!(
        p.actions[first_reg..]
            .iter()
            .all(|a| a.action == ActionKind::Registrer)
    );
    assert!(p.actions.iter().all(|a| a.action != ActionKind::Slet));
}

#[test]
fn model_2_reentry_crosses_year_and_february_ends() {
    let c = full_citizen();
    for (dd, want) in [
        (d(2026, 12, 31), d(2027, 1, 1)),
        (d(2027, 2, 28), d(2027, 3, 1)),
        (d(2028, 2, 28), d(2028, 2, 29)),
        (d(2028, 2, 29), d(2028, 3, 1)),
    ] {
        let s = Settings::new(Model::Two, dd);
        assert_eq!(s.reentry_date(), Some(want));
        let (p, _) = plan_citizen(&c, &s);
        assert!(
            p.actions
                .iter()
                .filter(|a| a.action == ActionKind::Registrer)
                .all(|a| a.date == Some(want))
        );
    }
    assert_eq!(Settings::new(Model::One, switch()).reentry_date(), None);
    assert_eq!(Settings::new(Model::Mellem, switch()).reentry_date(), None);
}

#[test]
fn model_2_form_dated_after_d_is_a_conflict() {
    let mut c = full_citizen();
    c.anmodninger[0].ivaerksaettelsesdato = Some(d(2026, 4, 2));
    let (_, conflicts) = plan_citizen(&c, &Settings::new(Model::Two, switch()));
    assert_eq!(conflicts.len(), 1);
    assert_eq!(
        conflicts[0].kind,
        ConflictKind::FormAfterSwitch {
            form: Form::Ivaerksaettelse,
            date: d(2026, 4, 2)
        }
    );
    // A form dated on D itself is fine.
    c.anmodninger[0].ivaerksaettelsesdato = Some(switch());
    let (_, conflicts) = plan_citizen(&c, &Settings::new(Model::Two, switch()));
    assert!(conflicts.is_empty());
    // Model 1 deletes; a late date is no conflict there.
    c.anmodninger[0].ivaerksaettelsesdato = Some(d(2026, 4, 2));
    let (_, conflicts) = plan_citizen(&c, &Settings::new(Model::One, switch()));
    assert!(conflicts.is_empty());
}

#[test]
fn two_active_anmodninger_are_a_conflict_in_every_model() {
    let mut c = full_citizen();
    c.anmodninger.push(anmodning(9));
    for model in Model::ALL {
        let (p, conflicts) = plan_citizen(&c, &Settings::new(model, switch()));
        assert!(
            conflicts
                .iter()
                .any(|k| k.kind == ConflictKind::TwoAnmodninger { count: 2 }),
            "{model:?}"
        );
        // Both are still planned, not merged away.
        let anm = p
            .actions
            .iter()
            .filter(|a| a.form == Form::Anmodning)
            .count();
        assert!(anm >= 2, "{model:?}");
    }
}

#[test]
fn two_indskrivninger_at_one_offer_are_a_conflict() {
    let mut c = full_citizen();
    c.indskrivninger.push(indskrivning(9));
    let (_, conflicts) = plan_citizen(&c, &Settings::new(Model::One, switch()));
    assert_eq!(
        conflicts.iter().map(|k| k.kind.key()).collect::<Vec<_>>(),
        vec!["two_indskrivninger"]
    );
    // At two different offers it is fine.
    c.indskrivninger[1].tilbud = Some("Et andet tilbud".into());
    let (_, conflicts) = plan_citizen(&c, &Settings::new(Model::One, switch()));
    assert!(conflicts.is_empty());
}

#[test]
fn an_anmodning_without_ivaerksaettelse_is_closed_on_d_with_a_note_not_a_conflict() {
    let mut c = citizen("010190-2000");
    let mut a = anmodning(5);
    a.ivaerksaettelsesdato = None;
    a.tilbudstilknytning = None;
    a.kvalhep = None;
    c.anmodninger.push(a);
    let (p, conflicts) = plan_citizen(&c, &Settings::new(Model::Two, switch()));
    assert_eq!(
        conflicts[0].kind,
        ConflictKind::AnmodningWithoutIvaerksaettelse
    );
    assert!(!conflicts[0].is_open());
    // Guide §4 d: the treatment is closed on D, and registered again at D + 1.
    assert_eq!(
        forms_of(&p.actions, System::Smdb, ActionKind::Afslut),
        vec![Form::Behandling]
    );
    assert_eq!(
        forms_of(&p.actions, System::Nyt, ActionKind::Registrer),
        vec![Form::Anmodning]
    );
    let (_, conflicts) = plan_citizen(&c, &Settings::new(Model::Mellem, switch()));
    assert!(conflicts.is_empty());
}

#[test]
fn forgotten_cases_close_on_their_real_end_date_in_every_model() {
    let mut c = full_citizen();
    let end = d(2025, 12, 1);
    c.decision = Decision {
        glemt: true,
        slutdato: Some(end),
        ..Decision::default()
    };
    for model in Model::ALL {
        let (p, conflicts) = plan_citizen(&c, &Settings::new(model, switch()));
        assert!(conflicts.is_empty(), "{model:?}: {conflicts:?}");
        assert_eq!(p.status, Status::Glemt);
        assert_eq!(p.slutdato, Some(end));
        assert_eq!(
            p.actions.iter().map(|a| a.form).collect::<Vec<_>>(),
            vec![
                Form::Ydelse,
                Form::Ydelse,
                Form::Indskrivning,
                Form::Tilbudstilknytning,
                Form::Behandling
            ]
        );
        for a in &p.actions {
            assert_eq!(a.system, System::Smdb);
            assert_eq!(a.action, ActionKind::Afslut);
            assert_eq!(a.date, Some(end));
            // Never "Systemskift", never deleted, never re-entered.
            assert_eq!(a.reason_text, None);
            assert_eq!(a.reason, None);
        }
    }
}

#[test]
fn a_forgotten_case_closes_each_part_on_its_own_date_with_its_reason() {
    // Guide §3, item 1: the tilbud part on the udskrivningsdato (a), the myndighed part on the
    // afslutningsdato (b).
    let mut c = full_citizen();
    let (out, end) = (d(2025, 11, 1), d(2025, 12, 1));
    c.decision = Decision::with_ends(
        true,
        None,
        Ends {
            udskrivningsdato: Some(out),
            afslutningsdato: Some(end),
            afslutningsaarsag: Some("Flyttet".into()),
        },
    );
    let (p, conflicts) = plan_citizen(&c, &Settings::new(Model::Two, switch()));
    assert!(conflicts.is_empty(), "{conflicts:?}");
    for a in &p.actions {
        let want = match a.form.part() {
            Part::Tilbud => out,
            Part::Myndighed => end,
        };
        assert_eq!(a.date, Some(want), "{:?}", a.form);
        let reason = (a.form == Form::Behandling).then_some("Flyttet");
        assert_eq!(a.reason.as_deref(), reason, "{:?}", a.form);
        assert_eq!(a.reason_text, None);
    }
    // Only one part given: the other has no end date, which is a conflict.
    c.decision.ends_mut().afslutningsdato = None;
    let (_, conflicts) = plan_citizen(&c, &Settings::new(Model::Two, switch()));
    assert!(
        conflicts
            .iter()
            .any(|k| k.kind == ConflictKind::ForgottenWithoutEndDate),
        "{conflicts:?}"
    );
}

#[test]
fn forgotten_case_end_date_must_be_usable() {
    let mut c = full_citizen();
    let s = Settings::new(Model::Two, switch());

    c.decision = Decision {
        glemt: true,
        slutdato: None,
        ..Decision::default()
    };
    let (p, conflicts) = plan_citizen(&c, &s);
    assert_eq!(conflicts[0].kind, ConflictKind::ForgottenWithoutEndDate);
    assert!(p.actions.iter().all(|a| a.date.is_none()));

    c.decision.slutdato = Some(d(2026, 4, 1));
    let (_, conflicts) = plan_citizen(&c, &s);
    assert_eq!(
        conflicts[0].kind,
        ConflictKind::ForgottenEndAfterSwitch {
            slutdato: d(2026, 4, 1)
        }
    );

    // Before the last start date (a ydelse started 05-05-2025).
    c.decision.slutdato = Some(d(2025, 4, 30));
    let (_, conflicts) = plan_citizen(&c, &s);
    assert_eq!(
        conflicts[0].kind,
        ConflictKind::ForgottenEndBeforeStart {
            slutdato: d(2025, 4, 30),
            form: Form::Ydelse,
            start: d(2025, 5, 5)
        }
    );

    // On the last start date and on D itself are both fine.
    for ok in [d(2025, 5, 5), switch()] {
        c.decision.slutdato = Some(ok);
        let (_, conflicts) = plan_citizen(&c, &s);
        assert!(conflicts.is_empty(), "{ok}");
    }
}

#[test]
fn decisions_in_settings_override_the_list() {
    let c = full_citizen();
    let mut s = Settings::new(Model::Two, switch());
    s.decisions.insert(
        c.cpr.digits().to_string(),
        Decision {
            glemt: true,
            slutdato: Some(d(2025, 12, 1)),
            ..Decision::default()
        },
    );
    let (p, _) = plan_citizen(&c, &s);
    assert_eq!(p.status, Status::Glemt);
}

#[test]
fn interim_lists_each_old_case_for_follow_up_and_closes_nothing() {
    let mut c = full_citizen();
    c.indskrivninger.push(Indskrivning {
        tilbud: Some("Et andet tilbud".into()),
        ..indskrivning(7)
    });
    let (p, conflicts) = plan_citizen(&c, &Settings::new(Model::Mellem, switch()));
    assert!(conflicts.is_empty());
    assert_eq!(p.actions.len(), 3);
    for a in &p.actions {
        assert_eq!(a.action, ActionKind::FoelgOp);
        assert_eq!(a.system, System::Smdb);
        assert_eq!(a.date, a.original_date);
    }
    assert_eq!(
        p.actions.iter().map(|a| a.form).collect::<Vec<_>>(),
        vec![Form::Anmodning, Form::Indskrivning, Form::Indskrivning]
    );
}

#[test]
fn a_citizen_known_only_at_the_offer_gets_tilbud_steps_only() {
    let mut c = citizen("020285-3000");
    c.indskrivninger.push(indskrivning(3));
    for model in [Model::One, Model::Two] {
        let (p, _) = plan_citizen(&c, &Settings::new(model, switch()));
        assert!(!p.actions.is_empty());
        assert!(
            p.actions.iter().all(|a| a.part == Part::Tilbud),
            "{model:?}"
        );
    }
}

#[test]
fn kvalhep_needs_the_sundhedsfaglig_privilege_and_the_rest_indberetter() {
    let c = full_citizen();
    for model in Model::ALL {
        let (p, _) = plan_citizen(&c, &Settings::new(model, switch()));
        for a in &p.actions {
            let want = if a.form == Form::KvalHep {
                Privilege::Sundhedsfaglig
            } else {
                Privilege::Indberetter
            };
            assert_eq!(a.privilege, want);
        }
    }
}

#[test]
fn every_citizen_appears_in_the_plan_with_notes_per_model() {
    let citizens = vec![full_citizen(), {
        let mut c = citizen("020285-3000");
        c.indskrivninger.push(indskrivning(3));
        c
    }];
    let p1 = plan(&citizens, &Settings::new(Model::One, switch()));
    assert_eq!(p1.citizens.len(), 2);
    assert_eq!(
        p1.notes,
        vec![
            Note::DeadlineNeeded,
            Note::BulkDeletionNeedsConfirmation,
            Note::TilbudFormsMayNotApply
        ]
    );
    let p2 = plan(&citizens, &Settings::new(Model::Two, switch()));
    assert_eq!(p2.reentry_date, Some(d(2026, 4, 1)));
    assert!(p2.notes.contains(&Note::ReasonTextMatters));
    let pm = plan(&citizens, &Settings::new(Model::Mellem, switch()));
    assert_eq!(pm.notes, vec![Note::TwoPlacesToMaintain]);
    let counts = p2.counts();
    let total: usize = counts.iter().map(|(_, _, n)| n).sum();
    assert_eq!(total, p2.action_count());
}

#[test]
fn every_model_plans_in_the_orders_the_domain_states() {
    let mut forgotten = full_citizen();
    forgotten.decision = Decision {
        glemt: true,
        slutdato: Some(d(2026, 3, 1)),
        ..Decision::default()
    };
    for model in Model::ALL {
        for c in [full_citizen(), forgotten.clone()] {
            let (p, _) = plan_citizen(&c, &Settings::new(model, switch()));
            let steps = model.steps();
            let rank = |a: &skifteplan::plan::Action| {
                steps
                    .iter()
                    .position(|s| *s == (a.system, a.action))
                    .unwrap_or_else(|| panic!("{model:?}: {a:?} is not a step of the model"))
            };
            let ranks: Vec<usize> = p.actions.iter().map(rank).collect();
            assert!(ranks.is_sorted(), "{model:?}: {ranks:?}");
            let in_order = |forms: Vec<Form>, order: &[Form]| {
                let pos: Vec<usize> = forms
                    .iter()
                    .map(|f| order.iter().position(|o| o == f).expect("form in order"))
                    .collect();
                assert!(pos.is_sorted(), "{model:?}: {forms:?}");
            };
            let a = &p.actions;
            in_order(
                forms_of(a, System::Nyt, ActionKind::Registrer),
                &Form::REGISTER_ORDER,
            );
            in_order(
                forms_of(a, System::Smdb, ActionKind::Slet),
                &Form::DELETE_ORDER,
            );
            in_order(
                forms_of(a, System::Smdb, ActionKind::Afslut),
                &Form::CLOSE_ORDER,
            );
        }
    }
}

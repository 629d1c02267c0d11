//! The rules of the three models and of forgotten cases (DOMAIN.md, "Rules a plan must
//! satisfy"). Every function here is pure.

use chrono::NaiveDate;

use super::{
    Action, ActionKind, CitizenPlan, Conflict, ConflictKind, Model, Note, Plan, REASON_ANDEN,
    Settings, Status, System,
};
use crate::domain::{Citizen, Decision, Form, SourceRef, date};

/// One form of a citizen's case as the plan sees it: which form, its date, and where it came
/// from. Listed in the order the guide deletes and closes them (a → f).
#[derive(Clone, Copy, Debug)]
struct FormRef<'a> {
    form: Form,
    date: Option<NaiveDate>,
    case_id: Option<&'a str>,
    detail: Option<&'a str>,
    source: &'a SourceRef,
}

/// Plans every citizen.
pub fn plan(citizens: &[Citizen], settings: &Settings) -> Plan {
    let mut out = Plan {
        model: settings.model,
        switch_date: settings.switch_date,
        reentry_date: settings.reentry_date(),
        reason_text: settings.reason_text.clone(),
        citizens: Vec::with_capacity(citizens.len()),
        conflicts: Vec::new(),
        notes: Vec::new(),
    };
    for citizen in citizens {
        let (cp, conflicts) = plan_citizen(citizen, settings);
        out.citizens.push(cp);
        out.conflicts.extend(conflicts);
    }
    out.notes = notes(&out);
    out
}

fn notes(plan: &Plan) -> Vec<Note> {
    let mut notes = Vec::new();
    match plan.model {
        Model::One => {
            notes.push(Note::DeadlineNeeded);
            notes.push(Note::BulkDeletionNeedsConfirmation);
        }
        Model::Two => notes.push(Note::ReasonTextMatters),
        Model::Mellem => notes.push(Note::TwoPlacesToMaintain),
    }
    let registers_tilbud_or_kvalhep = plan.citizens.iter().flat_map(|c| &c.actions).any(|a| {
        a.action == ActionKind::Registrer
            && matches!(a.form, Form::Indskrivning | Form::Ydelse | Form::KvalHep)
    });
    if registers_tilbud_or_kvalhep {
        notes.push(Note::TilbudFormsMayNotApply);
    }
    notes
}

/// Plans one citizen: the ordered actions and the conflicts a person must decide.
pub fn plan_citizen(citizen: &Citizen, settings: &Settings) -> (CitizenPlan, Vec<Conflict>) {
    let decision = settings
        .decisions
        .get(citizen.cpr.digits())
        .unwrap_or(&citizen.decision);
    let mut conflicts = Vec::new();
    let conflict = |kind, source: Option<&SourceRef>| Conflict {
        cpr: citizen.cpr,
        kind,
        source: source.cloned(),
    };

    if citizen.anmodninger.len() > 1 {
        conflicts.push(conflict(
            ConflictKind::TwoAnmodninger {
                count: citizen.anmodninger.len(),
            },
            citizen.anmodninger.get(1).map(|a| &a.source),
        ));
    }
    for (i, ind) in citizen.indskrivninger.iter().enumerate() {
        let same: Vec<_> = citizen
            .indskrivninger
            .iter()
            .filter(|o| norm_tilbud(&o.tilbud) == norm_tilbud(&ind.tilbud))
            .collect();
        let first_of_group = citizen.indskrivninger[..i]
            .iter()
            .all(|o| norm_tilbud(&o.tilbud) != norm_tilbud(&ind.tilbud));
        if same.len() > 1 && first_of_group {
            conflicts.push(conflict(
                ConflictKind::TwoIndskrivninger {
                    tilbud: ind.tilbud.clone(),
                    count: same.len(),
                },
                same.get(1).map(|o| &o.source),
            ));
        }
    }

    let forms = forms_in_close_order(citizen);
    let status = if decision.glemt {
        Status::Glemt
    } else {
        Status::Aktiv
    };

    let actions = match (status, settings.model) {
        (Status::Glemt, _) => {
            check_forgotten(decision, settings, &forms, &mut |k, s| {
                conflicts.push(conflict(k, s))
            });
            forgotten_closes(&forms, decision.slutdato)
        }
        (Status::Aktiv, Model::One) => model_one(&forms),
        (Status::Aktiv, Model::Two) => {
            for f in &forms {
                if let Some(d) = f.date
                    && d > settings.switch_date
                {
                    conflicts.push(conflict(
                        ConflictKind::FormAfterSwitch {
                            form: f.form,
                            date: d,
                        },
                        Some(f.source),
                    ));
                }
            }
            for a in &citizen.anmodninger {
                if a.ivaerksaettelsesdato.is_none() {
                    conflicts.push(conflict(
                        ConflictKind::AnmodningWithoutIvaerksaettelse,
                        Some(&a.source),
                    ));
                }
            }
            model_two(&forms, settings)
        }
        (Status::Aktiv, Model::Mellem) => interim(citizen),
    };

    let plan = CitizenPlan {
        cpr: citizen.cpr,
        cpr_class: citizen.cpr_class,
        name: citizen.name.clone(),
        status,
        slutdato: decision.slutdato.filter(|_| decision.glemt),
        actions: number(actions),
    };
    (plan, conflicts)
}

fn norm_tilbud(t: &Option<String>) -> String {
    t.as_deref().unwrap_or("").trim().to_lowercase()
}

/// The citizen's existing forms in the guide's backwards order: ydelse → indskrivning →
/// tilbudstilknytning → iværksættelse → anmodning → KvalHep (§3.2 a–f). Only forms that exist.
fn forms_in_close_order(citizen: &Citizen) -> Vec<FormRef<'_>> {
    let mut out = Vec::new();
    for ind in &citizen.indskrivninger {
        for y in &ind.ydelser {
            out.push(FormRef {
                form: Form::Ydelse,
                date: y.startdato,
                case_id: ind.id.as_deref(),
                detail: Some(&y.navn),
                source: &ind.source,
            });
        }
    }
    for ind in &citizen.indskrivninger {
        out.push(FormRef {
            form: Form::Indskrivning,
            date: Some(ind.indskrivningsdato),
            case_id: ind.id.as_deref(),
            detail: ind.tilbud.as_deref(),
            source: &ind.source,
        });
    }
    for a in &citizen.anmodninger {
        if let Some(t) = &a.tilbudstilknytning {
            out.push(FormRef {
                form: Form::Tilbudstilknytning,
                date: t.dato,
                case_id: a.id.as_deref(),
                detail: t.tilbud.as_deref(),
                source: &a.source,
            });
        }
    }
    for a in &citizen.anmodninger {
        if a.ivaerksaettelsesdato.is_some() {
            out.push(FormRef {
                form: Form::Ivaerksaettelse,
                date: a.ivaerksaettelsesdato,
                case_id: a.id.as_deref(),
                detail: None,
                source: &a.source,
            });
        }
    }
    for a in &citizen.anmodninger {
        out.push(FormRef {
            form: Form::Anmodning,
            date: Some(a.anmodningsdato),
            case_id: a.id.as_deref(),
            detail: None,
            source: &a.source,
        });
    }
    for a in &citizen.anmodninger {
        if let Some(k) = &a.kvalhep {
            out.push(FormRef {
                form: Form::KvalHep,
                date: k.dato,
                case_id: a.id.as_deref(),
                detail: None,
                source: &a.source,
            });
        }
    }
    out
}

/// The order of registrations in the new system (guide §4: anmodning, iværksættelse,
/// tilbudstilknytning, indskrivning, ydelse, KvalHep).
fn in_registration_order<'a>(forms: &[FormRef<'a>]) -> Vec<FormRef<'a>> {
    let mut v: Vec<FormRef<'a>> = forms.to_vec();
    // Form's declaration order is the registration order; the sort is stable, so forms of one
    // kind keep the list's order.
    v.sort_by_key(|f| f.form);
    v
}

fn action(f: &FormRef, system: System, kind: ActionKind, date: Option<NaiveDate>) -> Action {
    Action {
        step: 0,
        system,
        part: f.form.part(),
        form: f.form,
        action: kind,
        date,
        original_date: f.date,
        reason: None,
        reason_text: None,
        privilege: f.form.privilege(),
        case_id: f.case_id.map(str::to_owned),
        detail: f.detail.map(str::to_owned),
        source: f.source.clone(),
    }
}

/// Model 1: register in the new system with the original dates, then delete backwards.
fn model_one(forms: &[FormRef]) -> Vec<Action> {
    let mut out: Vec<Action> = in_registration_order(forms)
        .into_iter()
        .map(|f| action(&f, System::Nyt, ActionKind::Registrer, f.date))
        .collect();
    out.extend(
        forms
            .iter()
            .map(|f| action(f, System::Smdb, ActionKind::Slet, f.date)),
    );
    out
}

/// The forms that are closed (ydelse, indskrivning, tilbudstilknytning), then one "Afslut
/// behandling" per anmodning, in the guide's order (§4 a–d).
fn closes<'a>(forms: &[FormRef<'a>]) -> Vec<FormRef<'a>> {
    let mut out: Vec<FormRef> = forms
        .iter()
        .filter(|f| {
            matches!(
                f.form,
                Form::Ydelse | Form::Indskrivning | Form::Tilbudstilknytning
            )
        })
        .cloned()
        .collect();
    out.extend(
        forms
            .iter()
            .filter(|f| f.form == Form::Anmodning)
            .map(|f| FormRef {
                form: Form::Behandling,
                ..*f
            }),
    );
    out
}

/// Model 2: close in SMDB on D with "Anden" / reason text, then register at D + 1.
fn model_two(forms: &[FormRef], settings: &Settings) -> Vec<Action> {
    let d = settings.switch_date;
    let d1 = date::next_day(d);
    let mut out: Vec<Action> = closes(forms)
        .into_iter()
        .map(|f| {
            let mut a = action(&f, System::Smdb, ActionKind::Afslut, Some(d));
            a.reason = Some(REASON_ANDEN.to_string());
            a.reason_text = Some(settings.reason_text.clone());
            a
        })
        .collect();
    out.extend(
        in_registration_order(forms)
            .into_iter()
            .map(|f| action(&f, System::Nyt, ActionKind::Registrer, Some(d1))),
    );
    out
}

/// A forgotten case: closed with the real end date in SMDB; never deleted, never re-entered.
fn forgotten_closes(forms: &[FormRef], slutdato: Option<NaiveDate>) -> Vec<Action> {
    closes(forms)
        .into_iter()
        .map(|f| action(&f, System::Smdb, ActionKind::Afslut, slutdato))
        .collect()
}

fn check_forgotten(
    decision: &Decision,
    settings: &Settings,
    forms: &[FormRef],
    report: &mut dyn FnMut(ConflictKind, Option<&SourceRef>),
) {
    let first_source = forms.first().map(|f| f.source);
    let Some(end) = decision.slutdato else {
        report(ConflictKind::ForgottenWithoutEndDate, first_source);
        return;
    };
    if end > settings.switch_date {
        report(
            ConflictKind::ForgottenEndAfterSwitch { slutdato: end },
            first_source,
        );
    }
    // The latest start date decides; report it once.
    if let Some(latest) = forms
        .iter()
        .filter(|f| f.date.is_some_and(|d| d > end))
        .max_by_key(|f| f.date)
    {
        report(
            ConflictKind::ForgottenEndBeforeStart {
                slutdato: end,
                form: latest.form,
                start: latest.date.unwrap_or(end),
            },
            Some(latest.source),
        );
    }
}

/// Interim: one follow-up per old case in the SMDB web form; nothing is closed.
fn interim(citizen: &Citizen) -> Vec<Action> {
    let mut out = Vec::new();
    for a in &citizen.anmodninger {
        let f = FormRef {
            form: Form::Anmodning,
            date: Some(a.anmodningsdato),
            case_id: a.id.as_deref(),
            detail: a
                .tilbudstilknytning
                .as_ref()
                .and_then(|t| t.tilbud.as_deref()),
            source: &a.source,
        };
        out.push(action(&f, System::Smdb, ActionKind::FoelgOp, f.date));
    }
    for i in &citizen.indskrivninger {
        let f = FormRef {
            form: Form::Indskrivning,
            date: Some(i.indskrivningsdato),
            case_id: i.id.as_deref(),
            detail: i.tilbud.as_deref(),
            source: &i.source,
        };
        out.push(action(&f, System::Smdb, ActionKind::FoelgOp, f.date));
    }
    out
}

fn number(mut actions: Vec<Action>) -> Vec<Action> {
    for (i, a) in actions.iter_mut().enumerate() {
        a.step = i as u32 + 1;
    }
    actions
}

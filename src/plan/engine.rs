//! The rules of the three models and of forgotten cases (DOMAIN.md, "Rules a plan must
//! satisfy"). Every function here is pure.

use arcstr::ArcStr;

use chrono::NaiveDate;

use super::{
    Action, ActionKind, CitizenPlan, Conflict, ConflictKind, DEFAULT_REASON_TEXT, Model, Note,
    Plan, REASON_ANDEN, Settings, Status, System, Tally,
};
use crate::domain::{Citizen, Decision, Form, SourceRef, date};

/// One form of a citizen's case as the plan sees it: which form, its date, and where it came
/// from. Listed in the order the guide deletes and closes them (a → f).
#[derive(Clone, Copy, Debug)]
struct FormRef<'a> {
    form: Form,
    date: Option<NaiveDate>,
    case_id: Option<&'a ArcStr>,
    detail: Option<&'a ArcStr>,
    source: &'a SourceRef,
}

/// The texts every close of one plan carries, made once per plan and shared by its actions.
struct CloseTexts {
    reason: ArcStr,
    reason_text: ArcStr,
}

impl CloseTexts {
    fn new(settings: &Settings) -> CloseTexts {
        // Static texts are shared without counting references.
        let reason_text = if settings.reason_text == DEFAULT_REASON_TEXT {
            arcstr::literal!(DEFAULT_REASON_TEXT)
        } else {
            ArcStr::from(settings.reason_text.as_str())
        };
        CloseTexts {
            reason: arcstr::literal!(REASON_ANDEN),
            reason_text,
        }
    }
}

/// Plans every citizen.
pub fn plan(citizens: &[Citizen], settings: &Settings) -> Plan {
    let mut out = empty_plan(settings, citizens.len());
    let texts = CloseTexts::new(settings);
    // One scratch list of forms, reused for every citizen.
    let mut forms = Vec::new();
    for citizen in citizens {
        let cp = plan_one(citizen, settings, &texts, &mut forms, &mut out.conflicts);
        out.citizens.push(cp);
    }
    let registers = registers_tilbud_or_kvalhep(out.citizens.iter().flat_map(|c| &c.actions));
    out.notes = notes(out.model, registers);
    out
}

/// Plans every citizen like [`plan`], but keeps the actions of forgotten cases only, with the
/// counts of all in [`Plan::outline`]: for writing the action sheet citizen by citizen
/// ([`plan_citizen`] again, which gives the same actions) without holding every action of a
/// large list in memory.
pub fn plan_outline(citizens: &[Citizen], settings: &Settings) -> Plan {
    let mut out = empty_plan(settings, citizens.len());
    let texts = CloseTexts::new(settings);
    let mut forms = Vec::new();
    let mut tally = Tally::default();
    let mut registers = false;
    for citizen in citizens {
        let mut cp = plan_one(citizen, settings, &texts, &mut forms, &mut out.conflicts);
        tally.add(&cp.actions);
        registers |= registers_tilbud_or_kvalhep(&cp.actions);
        if cp.status != Status::Glemt {
            cp.actions = Vec::new();
        }
        out.citizens.push(cp);
    }
    out.outline = Some(tally.outline());
    out.notes = notes(out.model, registers);
    out
}

/// A plan with the settings' set-up and room for `citizens`, nothing planned yet.
fn empty_plan(settings: &Settings, citizens: usize) -> Plan {
    Plan {
        model: settings.model,
        switch_date: settings.switch_date,
        reentry_date: settings.reentry_date(),
        reason_text: settings.reason_text.clone(),
        citizens: Vec::with_capacity(citizens),
        conflicts: Vec::new(),
        notes: Vec::new(),
        outline: None,
    }
}

fn registers_tilbud_or_kvalhep<'a>(actions: impl IntoIterator<Item = &'a Action>) -> bool {
    actions.into_iter().any(|a| {
        a.action == ActionKind::Registrer
            && matches!(a.form, Form::Indskrivning | Form::Ydelse | Form::KvalHep)
    })
}

fn notes(model: Model, registers_tilbud_or_kvalhep: bool) -> Vec<Note> {
    let mut notes = Vec::new();
    match model {
        Model::One => {
            notes.push(Note::DeadlineNeeded);
            notes.push(Note::BulkDeletionNeedsConfirmation);
        }
        Model::Two => notes.push(Note::ReasonTextMatters),
        Model::Mellem => notes.push(Note::TwoPlacesToMaintain),
    }
    if registers_tilbud_or_kvalhep {
        notes.push(Note::TilbudFormsMayNotApply);
    }
    notes
}

/// Plans one citizen: the ordered actions and the conflicts a person must decide.
pub fn plan_citizen(citizen: &Citizen, settings: &Settings) -> (CitizenPlan, Vec<Conflict>) {
    let mut conflicts = Vec::new();
    let plan = plan_one(
        citizen,
        settings,
        &CloseTexts::new(settings),
        &mut Vec::new(),
        &mut conflicts,
    );
    (plan, conflicts)
}

/// Plans one citizen into `conflicts`, with `forms` as scratch space.
fn plan_one<'a>(
    citizen: &'a Citizen,
    settings: &Settings,
    texts: &CloseTexts,
    forms: &mut Vec<FormRef<'a>>,
    conflicts: &mut Vec<Conflict>,
) -> CitizenPlan {
    let decision = settings
        .decisions
        .get(citizen.cpr.digits())
        .unwrap_or(&citizen.decision);
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
    let inds = &citizen.indskrivninger;
    if inds.len() > 1 {
        for (i, ind) in inds.iter().enumerate() {
            let first_of_group = !inds[..i].iter().any(|o| same_tilbud(o, ind));
            if !first_of_group {
                continue;
            }
            let mut same = inds[i + 1..].iter().filter(|o| same_tilbud(o, ind));
            if let Some(second) = same.next() {
                conflicts.push(conflict(
                    ConflictKind::TwoIndskrivninger {
                        tilbud: ind.tilbud.as_deref().map(str::to_owned),
                        count: 2 + same.count(),
                    },
                    Some(&second.source),
                ));
            }
        }
    }

    forms_in_close_order(citizen, forms);
    let forms = &forms[..];
    let status = if decision.glemt {
        Status::Glemt
    } else {
        Status::Aktiv
    };

    let actions = match (status, settings.model) {
        (Status::Glemt, _) => {
            check_forgotten(decision, settings, forms, &mut |k, s| {
                conflicts.push(conflict(k, s))
            });
            forgotten_closes(forms, decision.slutdato)
        }
        (Status::Aktiv, Model::One) => model_one(forms),
        (Status::Aktiv, Model::Two) => {
            for f in forms {
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
            model_two(forms, settings, texts)
        }
        (Status::Aktiv, Model::Mellem) => interim(citizen),
    };

    CitizenPlan {
        cpr: citizen.cpr,
        cpr_class: citizen.cpr_class,
        name: citizen.name.clone(),
        status,
        slutdato: decision.slutdato.filter(|_| decision.glemt),
        actions: number(actions),
    }
}

/// Whether two indskrivninger are at the same offer: the names compared trimmed and without
/// regard to case (no offer counts as the empty name).
fn same_tilbud(a: &crate::domain::Indskrivning, b: &crate::domain::Indskrivning) -> bool {
    let a = a.tilbud.as_deref().unwrap_or("").trim();
    let b = b.tilbud.as_deref().unwrap_or("").trim();
    if a.is_ascii() && b.is_ascii() {
        a.eq_ignore_ascii_case(b)
    } else {
        a.to_lowercase() == b.to_lowercase()
    }
}

/// The citizen's existing forms in the guide's deletion order ([`Form::DELETE_ORDER`]): forms
/// of one kind in the list's order. Only forms that exist. Replaces the content of `out`.
fn forms_in_close_order<'a>(citizen: &'a Citizen, out: &mut Vec<FormRef<'a>>) {
    out.clear();
    for form in Form::DELETE_ORDER {
        forms_of_kind(citizen, form, out);
    }
}

/// Appends the citizen's existing forms of one kind, in the list's order.
fn forms_of_kind<'a>(citizen: &'a Citizen, form: Form, out: &mut Vec<FormRef<'a>>) {
    let anmodninger = &citizen.anmodninger;
    match form {
        Form::Ydelse => {
            for ind in &citizen.indskrivninger {
                out.extend(ind.ydelser.iter().map(|y| FormRef {
                    form,
                    date: y.startdato,
                    case_id: ind.id.as_ref(),
                    detail: Some(&y.navn),
                    source: &ind.source,
                }));
            }
        }
        Form::Indskrivning => out.extend(citizen.indskrivninger.iter().map(|ind| FormRef {
            form,
            date: Some(ind.indskrivningsdato),
            case_id: ind.id.as_ref(),
            detail: ind.tilbud.as_ref(),
            source: &ind.source,
        })),
        Form::Tilbudstilknytning => out.extend(anmodninger.iter().filter_map(|a| {
            let t = a.tilbudstilknytning.as_ref()?;
            Some(FormRef {
                form,
                date: t.dato,
                case_id: a.id.as_ref(),
                detail: t.tilbud.as_ref(),
                source: &a.source,
            })
        })),
        Form::Ivaerksaettelse => out.extend(anmodninger.iter().filter_map(|a| {
            a.ivaerksaettelsesdato.map(|d| FormRef {
                form,
                date: Some(d),
                case_id: a.id.as_ref(),
                detail: None,
                source: &a.source,
            })
        })),
        Form::Anmodning => out.extend(anmodninger.iter().map(|a| FormRef {
            form,
            date: Some(a.anmodningsdato),
            case_id: a.id.as_ref(),
            detail: None,
            source: &a.source,
        })),
        Form::KvalHep => out.extend(anmodninger.iter().filter_map(|a| {
            a.kvalhep.as_ref().map(|k| FormRef {
                form,
                date: k.dato,
                case_id: a.id.as_ref(),
                detail: None,
                source: &a.source,
            })
        })),
        // The close of a case is an action, not a form a list holds.
        Form::Behandling => {}
    }
}

/// The forms in the order of registrations in the new system ([`Form::REGISTER_ORDER`]), forms
/// of one kind in the list's order.
fn in_registration_order<'a, 'f>(
    forms: &'f [FormRef<'a>],
) -> impl Iterator<Item = &'f FormRef<'a>> + 'f {
    Form::REGISTER_ORDER
        .into_iter()
        .flat_map(move |form| forms.iter().filter(move |f| f.form == form))
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
        case_id: f.case_id.cloned(),
        detail: f.detail.cloned(),
        source: f.source.clone(),
    }
}

/// Model 1: register in the new system with the original dates, then delete backwards.
fn model_one(forms: &[FormRef]) -> Vec<Action> {
    let mut out = Vec::with_capacity(2 * forms.len());
    out.extend(
        in_registration_order(forms).map(|f| action(f, System::Nyt, ActionKind::Registrer, f.date)),
    );
    out.extend(
        forms
            .iter()
            .map(|f| action(f, System::Smdb, ActionKind::Slet, f.date)),
    );
    out
}

/// The closes of the forms, in the guide's order ([`Form::CLOSE_ORDER`]): the forms that are
/// closed, then one "Afslut behandling" per anmodning.
fn closes<'a, 'f>(forms: &'f [FormRef<'a>]) -> impl Iterator<Item = FormRef<'a>> + 'f {
    Form::CLOSE_ORDER.into_iter().flat_map(move |close| {
        forms
            .iter()
            .filter(move |f| f.form == close.closes())
            .map(move |f| FormRef { form: close, ..*f })
    })
}

/// How many closes [`closes`] yields.
fn close_count(forms: &[FormRef]) -> usize {
    forms.iter().filter(|f| f.form.is_closed()).count()
}

/// Model 2: close in SMDB on D with "Anden" / reason text, then register at D + 1.
fn model_two(forms: &[FormRef], settings: &Settings, texts: &CloseTexts) -> Vec<Action> {
    let d = settings.switch_date;
    let d1 = date::next_day(d);
    let mut out = Vec::with_capacity(close_count(forms) + forms.len());
    out.extend(closes(forms).map(|f| {
        let mut a = action(&f, System::Smdb, ActionKind::Afslut, Some(d));
        a.reason = Some(texts.reason.clone());
        a.reason_text = Some(texts.reason_text.clone());
        a
    }));
    out.extend(
        in_registration_order(forms)
            .map(|f| action(f, System::Nyt, ActionKind::Registrer, Some(d1))),
    );
    out
}

/// A forgotten case: closed with the real end date in SMDB; never deleted, never re-entered.
fn forgotten_closes(forms: &[FormRef], slutdato: Option<NaiveDate>) -> Vec<Action> {
    let mut out = Vec::with_capacity(close_count(forms));
    out.extend(closes(forms).map(|f| action(&f, System::Smdb, ActionKind::Afslut, slutdato)));
    out
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
    let mut out = Vec::with_capacity(citizen.anmodninger.len() + citizen.indskrivninger.len());
    for a in &citizen.anmodninger {
        let f = FormRef {
            form: Form::Anmodning,
            date: Some(a.anmodningsdato),
            case_id: a.id.as_ref(),
            detail: a
                .tilbudstilknytning
                .as_ref()
                .and_then(|t| t.tilbud.as_ref()),
            source: &a.source,
        };
        out.push(action(&f, System::Smdb, ActionKind::FoelgOp, f.date));
    }
    for i in &citizen.indskrivninger {
        let f = FormRef {
            form: Form::Indskrivning,
            date: Some(i.indskrivningsdato),
            case_id: i.id.as_ref(),
            detail: i.tilbud.as_ref(),
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

//! The rules of the three models and of forgotten cases (DOMAIN.md, "Rules a plan must
//! satisfy"). Every function here is pure.

use arcstr::ArcStr;

use chrono::NaiveDate;

use super::{
    Action, ActionKind, CitizenPlan, Conflict, ConflictKind, DEFAULT_REASON_TEXT, Model, Note,
    Plan, REASON_ANDEN, Settings, Status, System, Tally,
};
use crate::domain::resolution::{CaseKey, Decided, Resolution, Topic};
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
    /// The case the form belongs to.
    owner: Owner,
    /// What happens to it: as its model says, or as a person decided.
    fate: Fate,
    /// Its date was given by a decision (re-dated, or found in SMDB).
    decided: bool,
    /// The start date of its case (anmodningsdato or indskrivningsdato): names a form without a
    /// date of its own and without an ID.
    case_date: NaiveDate,
}

impl FormRef<'_> {
    /// The form as a decision names it.
    fn key(&self) -> CaseKey {
        let detail = (self.form == Form::Ydelse)
            .then_some(self.detail)
            .flatten()
            .map(|d| d.as_str());
        let date = self.date.unwrap_or(self.case_date);
        CaseKey::new(self.case_id.map(|c| c.as_str()), Some(date), detail)
    }
}

/// The case a form belongs to: the citizen's n-th anmodning or indskrivning.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Owner {
    Anmodning(usize),
    Indskrivning(usize),
}

/// What happens to a form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Fate {
    /// As the model says.
    Plan,
    /// Deleted in SMDB; registered in the new system on the date, if any.
    Delete { register_on: Option<NaiveDate> },
    /// Closed in SMDB on its real end date, never re-entered (a case kept apart).
    CloseOn(NaiveDate),
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
    let decided: &[Decided] = settings
        .resolutions
        .get(citizen.cpr.digits())
        .map_or(&[], Vec::as_slice);
    let mut found = Found {
        cpr: citizen.cpr,
        decided,
        out: conflicts,
    };

    forms_in_close_order(citizen, forms);
    let status = if decision.glemt {
        Status::Glemt
    } else {
        Status::Aktiv
    };
    // Two cases where one may be active: the one decided on is the case, the others are closed
    // on their real date or deleted. A forgotten citizen's every case is closed anyway.
    two_anmodninger(citizen, status, forms, &mut found);
    two_indskrivninger(citizen, status, forms, &mut found);
    if status == Status::Aktiv && settings.model != Model::Mellem {
        for a in &citizen.anmodninger {
            if a.ivaerksaettelsesdato.is_none() {
                found.note(ConflictKind::AnmodningWithoutIvaerksaettelse, &a.source);
            }
        }
    }

    let actions = match (status, settings.model) {
        (Status::Glemt, _) => {
            check_forgotten(decision, settings, forms, &mut |k, s| {
                found.unresolved(k, s)
            });
            forgotten_closes(forms, decision)
        }
        (Status::Aktiv, Model::One) => {
            for f in forms.iter_mut().filter(|f| f.fate == Fate::Plan) {
                if f.date.is_none() {
                    let topic = Topic::MissingOriginalDate {
                        form: f.form,
                        case: f.key(),
                    };
                    let kind = ConflictKind::MissingOriginalDate { form: f.form };
                    if let Some(Resolution::OriginalDate { date }) =
                        found.decide(kind, f.source, topic)
                    {
                        f.date = Some(date);
                        f.decided = true;
                    }
                }
            }
            model_one(forms)
        }
        (Status::Aktiv, Model::Two) => {
            let mut web_form = false;
            for f in forms.iter_mut().filter(|f| f.fate == Fate::Plan) {
                let Some(d) = f.date.filter(|d| *d > settings.switch_date) else {
                    continue;
                };
                let topic = Topic::FormAfterSwitch {
                    form: f.form,
                    case: f.key(),
                };
                let kind = ConflictKind::FormAfterSwitch {
                    form: f.form,
                    date: d,
                };
                match found.decide(kind, f.source, topic) {
                    Some(Resolution::Redate { date }) => {
                        f.date = Some(date);
                        f.decided = true;
                    }
                    Some(Resolution::Delete) => {
                        f.fate = Fate::Delete {
                            register_on: Some(d),
                        }
                    }
                    Some(Resolution::WebForm) => web_form = true,
                    _ => {}
                }
            }
            if web_form {
                // The case stays in the SMDB web form: followed up there, nothing closed.
                let mut actions = interim(citizen);
                actions.iter_mut().for_each(|a| a.by_decision = true);
                actions
            } else {
                model_two(forms, settings, texts)
            }
        }
        (Status::Aktiv, Model::Mellem) => interim(citizen),
    };

    CitizenPlan {
        cpr: citizen.cpr,
        cpr_class: citizen.cpr_class,
        name: citizen.name.clone(),
        status,
        slutdato: decision
            .end_of(crate::domain::Part::Myndighed)
            .or(decision.udskrivningsdato())
            .filter(|_| decision.glemt),
        actions: number(actions),
    }
}

/// The conflicts found for one citizen, with the decisions taken on them.
struct Found<'d, 'o> {
    cpr: crate::domain::Cpr,
    decided: &'d [Decided],
    out: &'o mut Vec<Conflict>,
}

impl Found<'_, '_> {
    /// A conflict a person decides in the tool: recorded with its decision, if one is taken;
    /// returns the decision.
    fn decide(
        &mut self,
        kind: ConflictKind,
        source: &SourceRef,
        topic: Topic,
    ) -> Option<Resolution> {
        let resolution = self.decision_for(&topic).cloned();
        self.push(kind, source, topic, resolution.clone());
        resolution
    }

    /// A conflict between cases of which one may be active (`keys`, in the citizen's order):
    /// recorded with its decision when that names exactly one of them; returns the kept one's
    /// index among `keys` and the fate of the others.
    fn keep(
        &mut self,
        kind: ConflictKind,
        source: &SourceRef,
        topic: Topic,
        keys: &[CaseKey],
    ) -> Option<(usize, Fate)> {
        let decided = self.decision_for(&topic).cloned();
        let kept = decided.as_ref().and_then(|r| keep_one(r, keys));
        self.push(kind, source, topic, decided.filter(|_| kept.is_some()));
        kept
    }

    /// The decision recorded for `topic`, when it is one of the choices the topic offers.
    fn decision_for(&self, topic: &Topic) -> Option<&Resolution> {
        self.decided
            .iter()
            .find(|d| d.topic.decides(topic) && fits(&d.resolution, topic))
            .map(|d| &d.resolution)
    }

    fn push(
        &mut self,
        kind: ConflictKind,
        source: &SourceRef,
        topic: Topic,
        resolution: Option<Resolution>,
    ) {
        self.out.push(Conflict {
            cpr: self.cpr,
            kind,
            source: Some(source.clone()),
            topic: Some(Box::new(topic)),
            resolution: resolution.map(Box::new),
        });
    }

    /// A conflict decided by fixing the data (a forgotten case's dates).
    fn unresolved(&mut self, kind: ConflictKind, source: Option<&SourceRef>) {
        self.out.push(Conflict {
            cpr: self.cpr,
            kind,
            source: source.cloned(),
            topic: None,
            resolution: None,
        });
    }

    fn note(&mut self, kind: ConflictKind, source: &SourceRef) {
        self.unresolved(kind, Some(source));
    }
}

/// Whether a decision is one of the choices its topic offers.
fn fits(resolution: &Resolution, topic: &Topic) -> bool {
    topic.choices().contains(&resolution.choice())
}

/// Two or more active anmodninger: the decided one is the case; the forms of every other one
/// are closed on the decided date or deleted.
fn two_anmodninger(citizen: &Citizen, status: Status, forms: &mut [FormRef], found: &mut Found) {
    let anm = &citizen.anmodninger;
    if anm.len() < 2 {
        return;
    }
    let kind = ConflictKind::TwoAnmodninger { count: anm.len() };
    let source = &anm[1].source;
    if status == Status::Glemt {
        found.unresolved(kind, Some(source));
        return;
    }
    let keys: Vec<CaseKey> = anm.iter().map(anmodning_key).collect();
    if let Some((kept, fate)) = found.keep(kind, source, Topic::TwoAnmodninger, &keys) {
        for f in forms.iter_mut() {
            if matches!(f.owner, Owner::Anmodning(i) if i != kept) {
                f.fate = fate;
            }
        }
    }
}

/// Two or more active indskrivninger at one offer: as [`two_anmodninger`], per offer.
fn two_indskrivninger(citizen: &Citizen, status: Status, forms: &mut [FormRef], found: &mut Found) {
    let inds = &citizen.indskrivninger;
    if inds.len() < 2 {
        return;
    }
    for (i, ind) in inds.iter().enumerate() {
        if inds[..i].iter().any(|o| same_tilbud(o, ind)) {
            continue;
        }
        let group: Vec<usize> = (i..inds.len())
            .filter(|&j| same_tilbud(&inds[j], ind))
            .collect();
        if group.len() < 2 {
            continue;
        }
        let tilbud = ind.tilbud.as_deref().map(str::to_owned);
        let kind = ConflictKind::TwoIndskrivninger {
            tilbud: tilbud.clone(),
            count: group.len(),
        };
        let source = &inds[group[1]].source;
        if status == Status::Glemt {
            found.unresolved(kind, Some(source));
            continue;
        }
        let topic = Topic::TwoIndskrivninger {
            tilbud: tilbud.unwrap_or_default().trim().to_string(),
        };
        let keys: Vec<CaseKey> = group.iter().map(|&j| indskrivning_key(&inds[j])).collect();
        if let Some((kept, fate)) = found.keep(kind, source, topic, &keys) {
            let kept = group[kept];
            for f in forms.iter_mut() {
                if matches!(f.owner, Owner::Indskrivning(j) if j != kept && group.contains(&j)) {
                    f.fate = fate;
                }
            }
        }
    }
}

/// A Keep decision that names exactly one of `keys`: the kept one's index among them, and the
/// fate of the others.
fn keep_one(resolution: &Resolution, keys: &[CaseKey]) -> Option<(usize, Fate)> {
    let Resolution::Keep {
        keep,
        close_others_on,
    } = resolution
    else {
        return None;
    };
    let mut named = keys.iter().enumerate().filter(|(_, k)| keep.names(k));
    let (kept, _) = named.next()?;
    if named.next().is_some() {
        // The decision does not tell the cases apart (the same date, no IDs).
        return None;
    }
    let fate = match close_others_on {
        Some(d) => Fate::CloseOn(*d),
        None => Fate::Delete { register_on: None },
    };
    Some((kept, fate))
}

pub(crate) fn anmodning_key(a: &crate::domain::Anmodning) -> CaseKey {
    CaseKey::new(a.id.as_deref(), Some(a.anmodningsdato), None)
}

pub(crate) fn indskrivning_key(i: &crate::domain::Indskrivning) -> CaseKey {
    CaseKey::new(i.id.as_deref(), Some(i.indskrivningsdato), None)
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
    let make = |owner, date, case_id, detail, source| FormRef {
        form,
        date,
        case_id,
        detail,
        source,
        owner,
        fate: Fate::Plan,
        decided: false,
        case_date: match owner {
            Owner::Anmodning(i) => anmodninger[i].anmodningsdato,
            Owner::Indskrivning(i) => citizen.indskrivninger[i].indskrivningsdato,
        },
    };
    match form {
        Form::Ydelse => {
            for (i, ind) in citizen.indskrivninger.iter().enumerate() {
                out.extend(ind.ydelser.iter().map(|y| {
                    let owner = Owner::Indskrivning(i);
                    make(
                        owner,
                        y.startdato,
                        ind.id.as_ref(),
                        Some(&y.navn),
                        &ind.source,
                    )
                }));
            }
        }
        Form::Indskrivning => {
            out.extend(citizen.indskrivninger.iter().enumerate().map(|(i, ind)| {
                let owner = Owner::Indskrivning(i);
                let date = Some(ind.indskrivningsdato);
                make(
                    owner,
                    date,
                    ind.id.as_ref(),
                    ind.tilbud.as_ref(),
                    &ind.source,
                )
            }));
        }
        Form::Tilbudstilknytning => {
            out.extend(anmodninger.iter().enumerate().filter_map(|(i, a)| {
                let t = a.tilbudstilknytning.as_ref()?;
                let owner = Owner::Anmodning(i);
                Some(make(
                    owner,
                    t.dato,
                    a.id.as_ref(),
                    t.tilbud.as_ref(),
                    &a.source,
                ))
            }));
        }
        Form::Ivaerksaettelse => {
            out.extend(anmodninger.iter().enumerate().filter_map(|(i, a)| {
                let d = a.ivaerksaettelsesdato?;
                Some(make(
                    Owner::Anmodning(i),
                    Some(d),
                    a.id.as_ref(),
                    None,
                    &a.source,
                ))
            }));
        }
        Form::Anmodning => {
            out.extend(anmodninger.iter().enumerate().map(|(i, a)| {
                let date = Some(a.anmodningsdato);
                make(Owner::Anmodning(i), date, a.id.as_ref(), None, &a.source)
            }));
        }
        Form::KvalHep => {
            out.extend(anmodninger.iter().enumerate().filter_map(|(i, a)| {
                let k = a.kvalhep.as_ref()?;
                Some(make(
                    Owner::Anmodning(i),
                    k.dato,
                    a.id.as_ref(),
                    None,
                    &a.source,
                ))
            }));
        }
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
        by_decision: f.decided || f.fate != Fate::Plan,
    }
}

/// Model 1: register in the new system with the original dates, then delete backwards. A case
/// kept apart by a decision is deleted without re-entry, or closed on its real date.
fn model_one(forms: &[FormRef]) -> Vec<Action> {
    let mut out = Vec::with_capacity(2 * forms.len());
    out.extend(
        in_registration_order(forms)
            .filter(|f| f.fate == Fate::Plan)
            .map(|f| action(f, System::Nyt, ActionKind::Registrer, f.date)),
    );
    out.extend(
        forms
            .iter()
            .filter(|f| matches!(f.fate, Fate::Plan | Fate::Delete { .. }))
            .map(|f| action(f, System::Smdb, ActionKind::Slet, f.date)),
    );
    closes_on_real_dates(forms, &mut out);
    out
}

/// The closes of the forms a decision closes on their real end date.
fn closes_on_real_dates(forms: &[FormRef], out: &mut Vec<Action>) {
    out.extend(closes(forms).filter_map(|f| match f.fate {
        Fate::CloseOn(d) => Some(action(&f, System::Smdb, ActionKind::Afslut, Some(d))),
        _ => None,
    }));
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

/// Model 2: close in SMDB on D with "Anden" / reason text, then register at D + 1. A form
/// deleted by a decision is deleted first and registered on its own date; a case kept apart is
/// deleted, or closed on its real date, and never re-entered.
fn model_two(forms: &[FormRef], settings: &Settings, texts: &CloseTexts) -> Vec<Action> {
    let d = settings.switch_date;
    let d1 = date::next_day(d);
    let mut out = Vec::with_capacity(close_count(forms) + forms.len());
    out.extend(
        forms
            .iter()
            .filter(|f| matches!(f.fate, Fate::Delete { .. }))
            .map(|f| action(f, System::Smdb, ActionKind::Slet, f.date)),
    );
    out.extend(closes(forms).filter(|f| f.fate == Fate::Plan).map(|f| {
        let mut a = action(&f, System::Smdb, ActionKind::Afslut, Some(d));
        a.reason = Some(texts.reason.clone());
        a.reason_text = Some(texts.reason_text.clone());
        a
    }));
    closes_on_real_dates(forms, &mut out);
    out.extend(in_registration_order(forms).filter_map(|f| match f.fate {
        Fate::Plan => Some(action(f, System::Nyt, ActionKind::Registrer, Some(d1))),
        Fate::Delete {
            register_on: Some(on),
        } => Some(action(
            f,
            System::Nyt,
            ActionKind::Registrer,
            Some(on.max(d1)),
        )),
        _ => None,
    }));
    out
}

/// A forgotten case: closed with the real end date in SMDB; never deleted, never re-entered.
/// The tilbud part (ydelse, indskrivning) on its udskrivningsdato, the myndighed part
/// (tilbudstilknytning, behandling) on its afslutningsdato (guide §3, item 1 a–b); the
/// afslutningsårsag, when given, on the close of the behandling.
fn forgotten_closes(forms: &[FormRef], decision: &Decision) -> Vec<Action> {
    let mut out = Vec::with_capacity(close_count(forms));
    let reason = decision
        .afslutningsaarsag()
        .map(str::trim)
        .filter(|r| !r.is_empty())
        .map(ArcStr::from);
    out.extend(closes(forms).map(|f| {
        let end = decision.end_of(f.form.part());
        let mut a = action(&f, System::Smdb, ActionKind::Afslut, end);
        if f.form == Form::Behandling {
            a.reason.clone_from(&reason);
        }
        a
    }));
    out
}

fn check_forgotten(
    decision: &Decision,
    settings: &Settings,
    forms: &[FormRef],
    report: &mut dyn FnMut(ConflictKind, Option<&SourceRef>),
) {
    let first_source = forms.first().map(|f| f.source);
    // Each part that has forms, with its end date; a part ends once, reported once.
    let mut without_end = false;
    for part in [crate::domain::Part::Tilbud, crate::domain::Part::Myndighed] {
        let of_part: Vec<&FormRef> = forms.iter().filter(|f| f.form.part() == part).collect();
        if of_part.is_empty() {
            continue;
        }
        let Some(end) = decision.end_of(part) else {
            without_end = true;
            continue;
        };
        if end > settings.switch_date {
            report(
                ConflictKind::ForgottenEndAfterSwitch { slutdato: end },
                of_part.first().map(|f| f.source),
            );
        }
        // The latest start date of the part decides; report it once.
        if let Some(latest) = of_part
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
    if without_end {
        report(ConflictKind::ForgottenWithoutEndDate, first_source);
    }
}

/// Interim: one follow-up per old case in the SMDB web form; nothing is closed.
fn interim(citizen: &Citizen) -> Vec<Action> {
    let mut out = Vec::with_capacity(citizen.anmodninger.len() + citizen.indskrivninger.len());
    for (n, a) in citizen.anmodninger.iter().enumerate() {
        let f = FormRef {
            owner: Owner::Anmodning(n),
            fate: Fate::Plan,
            decided: false,
            case_date: a.anmodningsdato,
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
    for (n, i) in citizen.indskrivninger.iter().enumerate() {
        let f = FormRef {
            owner: Owner::Indskrivning(n),
            fate: Fate::Plan,
            decided: false,
            case_date: i.indskrivningsdato,
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

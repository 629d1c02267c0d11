//! Every human text about the domain and the plan, in Danish (default) and English, in one
//! place: labels of models, forms, actions, systems and parts, conflict messages and notes.
//! Exports, the CLI summary and the terminal UI all take their words from here.

use crate::domain::resolution::{CaseKey, Choice, Resolution};
use crate::domain::{Form, Part, date::fmt_dk};
use crate::lang::Lang;
use crate::plan::{ActionKind, ConflictKind, Model, Note, Status, System};

use super::Localize;

pub fn model_label(model: Model, lang: Lang) -> &'static str {
    match model {
        Model::One => lang.pick("Model 1 (med historik)", "Model 1 (keep history)"),
        Model::Two => lang.pick("Model 2 (uden historik)", "Model 2 (no history)"),
        Model::Mellem => lang.pick("Mellemløsning", "Interim"),
    }
}

/// Two lines on the model's consequences, from the guide (§1, §3, §4, §6), with the description
/// the closes carry.
pub fn model_explanation(model: Model, reason_text: &str, lang: Lang) -> [String; 2] {
    model_words(model, lang).map(|t| with_reason_text(t, reason_text))
}

fn model_words(model: Model, lang: Lang) -> [&'static str; 2] {
    match model {
        Model::One => [
            lang.pick(
                "Sagen oprettes i nyt system med de oprindelige datoer og slettes bagfra i SMDB; historikken bevares.",
                "Cases are re-entered in the new system with original dates and deleted backwards in SMDB; history is kept.",
            ),
            lang.pick(
                "DST skal kende deadline og kan ikke offentliggøre kommunens tal, før alle er genindberettet.",
                "DST needs the deadline and cannot publish the kommune's figures until all are re-reported.",
            ),
        ],
        Model::Two => [
            lang.pick(
                "Alle aktive sager afsluttes på skiftedatoen med årsag \"Anden\" og beskrivelsen \"Systemskift\".",
                "Every active case is closed on the switch date with reason \"Anden\" and description \"Systemskift\".",
            ),
            lang.pick(
                "I nyt system registreres sagerne igen med startdato dagen efter skiftedatoen.",
                "In the new system the cases are registered again starting the day after the switch date.",
            ),
        ],
        Model::Mellem => [
            lang.pick(
                "Igangværende sager bliver i SMDB web og ajourføres og afsluttes dér; kun nye sager i nyt system.",
                "Ongoing cases stay in the SMDB web form and are maintained and closed there; only new cases in the new system.",
            ),
            lang.pick(
                "Der skal vedligeholdes to steder: dokumentér arbejdsgangen, så ingen gammel sag glemmes.",
                "Data is maintained in two places: document the routine so no old case is forgotten.",
            ),
        ],
    }
}

pub fn form_label(form: Form, lang: Lang) -> &'static str {
    match form {
        Form::Anmodning => "Anmodning",
        Form::Ivaerksaettelse => "Iværksættelse",
        Form::Tilbudstilknytning => "Tilbudstilknytning",
        Form::Indskrivning => "Indskrivning",
        Form::Ydelse => "Ydelse",
        Form::KvalHep => "KvalHep",
        Form::Behandling => lang.pick("Behandling", "Behandling (treatment)"),
    }
}

pub fn action_label(action: ActionKind, lang: Lang) -> &'static str {
    match action {
        ActionKind::Slet => lang.pick("Slet", "Delete"),
        ActionKind::Afslut => lang.pick("Afslut", "Close"),
        ActionKind::Registrer => lang.pick("Registrér", "Register"),
        ActionKind::FoelgOp => lang.pick("Følg op", "Follow up"),
    }
}

pub fn system_label(system: System, lang: Lang) -> &'static str {
    match system {
        System::Smdb => "SMDB",
        System::Nyt => lang.pick("Nyt system", "New system"),
    }
}

pub fn part_label(part: Part, lang: Lang) -> &'static str {
    match part {
        Part::Myndighed => lang.pick("Myndighed", "Authority"),
        Part::Tilbud => lang.pick("Tilbud", "Offer"),
    }
}

pub fn status_label(status: Status, lang: Lang) -> &'static str {
    match status {
        Status::Aktiv => lang.pick("Aktiv", "Active"),
        Status::Glemt => lang.pick("Glemt", "Forgotten"),
    }
}

/// One line saying what is wrong and what a person must decide, with the guide's section.
/// Holds no CPR.
pub fn conflict_message(kind: &ConflictKind, lang: Lang) -> String {
    match kind {
        ConflictKind::FormAfterSwitch { form, date } => {
            let f = form_label(*form, lang);
            let d = fmt_dk(*date);
            // Iværksættelse, Anmodning and KvalHep are not closed on their own: the case is.
            match (form.is_closed(), lang) {
                (true, Lang::Da) => format!(
                    "{f} er dateret {d}, efter skiftedatoen: den kan ikke afsluttes pr. skiftedatoen (vejledningen afsnit 4). Afgør: ret datoen, slet den, eller lad sagen blive i SMDB-webformen."
                ),
                (true, Lang::En) => format!(
                    "{f} is dated {d}, after the switch date: it cannot be closed as of the switch date (guide §4). Decide: correct the date, delete it, or leave the case in the SMDB web form."
                ),
                (false, Lang::Da) => format!(
                    "{f} er dateret {d}, efter skiftedatoen: behandlingen kan ikke afsluttes pr. skiftedatoen før den (vejledningen afsnit 4 d). Afgør: ret datoen, slet den, eller lad sagen blive i SMDB-webformen."
                ),
                (false, Lang::En) => format!(
                    "{f} is dated {d}, after the switch date: the treatment cannot be closed as of the switch date before it (guide §4 d). Decide: correct the date, delete it, or leave the case in the SMDB web form."
                ),
            }
        }
        ConflictKind::TwoAnmodninger { count } => match lang {
            Lang::Da => format!(
                "{count} aktive anmodninger for samme borger; der kan kun være én aktiv sag pr. borger (vejledningens indledning). Afgør hvilken der er sagen, og om de andre afsluttes på deres faktiske dato eller slettes som fejlregistrering."
            ),
            Lang::En => format!(
                "{count} active anmodninger for one citizen; a citizen can have only one active case (the guide's introduction). Decide which one is the case, and whether the others are closed on their real date or deleted as wrong registrations."
            ),
        },
        ConflictKind::TwoIndskrivninger { tilbud, count } => {
            let t = tilbud.as_deref().unwrap_or("?");
            match lang {
                Lang::Da => format!(
                    "{count} aktive indskrivninger på samme tilbud ({t}); der kan kun være én aktiv sag pr. borger i tilbuddet (vejledningens indledning). Afgør hvilken der er sagen, og om de andre afsluttes på deres faktiske dato eller slettes."
                ),
                Lang::En => format!(
                    "{count} active indskrivninger at one offer ({t}); a citizen can have only one active case at an offer (the guide's introduction). Decide which one is the case, and whether the others are closed on their real date or deleted."
                ),
            }
        }
        ConflictKind::ForgottenWithoutEndDate => lang
            .pick(
                "Markeret som glemt sag, men uden faktisk slutdato: angiv udskrivnings- og afslutningsdatoen (vejledningen afsnit 3, punkt 1).",
                "Marked as a forgotten case but without a real end date: enter the discharge and close dates (guide §3, item 1).",
            )
            .to_string(),
        ConflictKind::ForgottenEndAfterSwitch { slutdato } => match lang {
            Lang::Da => format!(
                "Glemt sag med slutdato {}, efter skiftedatoen: en glemt sag skulle være afsluttet før skiftet (vejledningen afsnit 2, punkt 2). Ret slutdatoen, eller fjern markeringen som glemt.",
                fmt_dk(*slutdato)
            ),
            Lang::En => format!(
                "Forgotten case ending {}, after the switch date: a forgotten case should have been closed before the switch (guide §2, item 2). Correct the end date, or unmark it as forgotten.",
                fmt_dk(*slutdato)
            ),
        },
        ConflictKind::ForgottenEndBeforeStart {
            slutdato,
            form,
            start,
        } => match lang {
            Lang::Da => format!(
                "Glemt sag med slutdato {}, før {} startede ({}): slutdatoen skal ligge på eller efter alle startdatoer. Ret slutdatoen.",
                fmt_dk(*slutdato),
                form_label(*form, lang),
                fmt_dk(*start)
            ),
            Lang::En => format!(
                "Forgotten case ending {}, before {} started ({}): the end date must be on or after every start date. Correct the end date.",
                fmt_dk(*slutdato),
                form_label(*form, lang),
                fmt_dk(*start)
            ),
        },
        ConflictKind::AnmodningWithoutIvaerksaettelse => lang
            .pick(
                "Bemærk: anmodning uden iværksættelse (venteliste). Den er en almindelig sag og planlægges som modellens andre: model 2 afslutter behandlingen pr. skiftedatoen og registrerer den igen dagen efter (vejledningen afsnit 4 d); model 1 sletter og registrerer den med den oprindelige dato (afsnit 3, punkt 2). Intet at afgøre.",
                "Note: anmodning without iværksættelse (a waiting list). It is an ordinary case, planned like the model's others: model 2 closes the treatment as of the switch date and registers it again the day after (guide §4 d); model 1 deletes it and registers it with its original date (§3, item 2). Nothing to decide.",
            )
            .to_string(),
        ConflictKind::MissingOriginalDate { form } => match lang {
            Lang::Da => format!(
                "{} har ingen dato i listen: find den oprindelige dato i SMDB, før skemaet slettes; det nye system skal have alle de oprindelige oplysninger (vejledningen afsnit 1, model 1).",
                form_label(*form, lang)
            ),
            Lang::En => format!(
                "{} has no date in the list: find its original date in SMDB before the form is deleted; the new system needs all the original data (guide §1, model 1).",
                form_label(*form, lang)
            ),
        },
    }
}

/// A case as a decision names it: its ID, else its date.
pub fn case_label(case: &CaseKey, lang: Lang) -> String {
    let mut out = match (&case.id, case.date) {
        (Some(id), _) => format!("ID {id}"),
        (None, Some(d)) => format!("{} {}", lang.pick("dato", "date"), fmt_dk(d)),
        (None, None) => "?".to_string(),
    };
    if let Some(detail) = &case.detail {
        out.push_str(&format!(" ({detail})"));
    }
    out
}

/// The short name of a choice, as the UI offers it.
pub fn choice_label(choice: Choice, lang: Lang) -> &'static str {
    match choice {
        Choice::KeepCloseOthers => lang.pick(
            "Denne sag gælder; de andre afsluttes på deres faktiske dato",
            "This case holds; the others are closed on their real date",
        ),
        Choice::KeepDeleteOthers => lang.pick(
            "Denne sag gælder; de andre slettes som fejlregistrering",
            "This case holds; the others are deleted as wrong registrations",
        ),
        Choice::Redate => lang.pick(
            "Datoen er forkert: ret den i SMDB (på eller før skiftedatoen)",
            "The date is wrong: correct it in SMDB (on or before the switch date)",
        ),
        Choice::DeleteForm => lang.pick(
            "Slet den i SMDB; det nye system registrerer den med egen dato",
            "Delete it in SMDB; the new system registers it with its own date",
        ),
        Choice::WebForm => lang.pick(
            "Lad sagen blive i SMDB-webformen og følg den op dér",
            "Leave the case in the SMDB web form and follow it up there",
        ),
        Choice::OriginalDate => lang.pick(
            "Den oprindelige dato, fundet i SMDB",
            "The original date, found in SMDB",
        ),
    }
}

/// What was decided, in one line. Holds no CPR.
pub fn resolution_text(resolution: &Resolution, lang: Lang) -> String {
    match resolution {
        Resolution::Keep {
            keep,
            close_others_on: Some(d),
        } => match lang {
            Lang::Da => format!(
                "Afgjort: sagen med {} gælder; de andre afsluttes pr. {} og genindtastes ikke.",
                case_label(keep, lang),
                fmt_dk(*d)
            ),
            Lang::En => format!(
                "Decided: the case with {} holds; the others are closed as of {} and not re-entered.",
                case_label(keep, lang),
                fmt_dk(*d)
            ),
        },
        Resolution::Keep { keep, .. } => match lang {
            Lang::Da => format!(
                "Afgjort: sagen med {} gælder; de andre slettes som fejlregistrering.",
                case_label(keep, lang)
            ),
            Lang::En => format!(
                "Decided: the case with {} holds; the others are deleted as wrong registrations.",
                case_label(keep, lang)
            ),
        },
        Resolution::Redate { date } => match lang {
            Lang::Da => format!(
                "Afgjort: datoen rettes i SMDB til {} før afslutningen.",
                fmt_dk(*date)
            ),
            Lang::En => format!(
                "Decided: the date is corrected in SMDB to {} before the close.",
                fmt_dk(*date)
            ),
        },
        Resolution::Delete => lang
            .pick(
                "Afgjort: slettes i SMDB; det nye system registrerer den med egen dato.",
                "Decided: deleted in SMDB; the new system registers it with its own date.",
            )
            .to_string(),
        Resolution::WebForm => lang
            .pick(
                "Afgjort: sagen bliver i SMDB-webformen og følges op dér, til den slutter.",
                "Decided: the case stays in the SMDB web form and is followed up there until it ends.",
            )
            .to_string(),
        Resolution::OriginalDate { date } => match lang {
            Lang::Da => format!(
                "Afgjort: oprindelig dato {} (fundet i SMDB).",
                fmt_dk(*date)
            ),
            Lang::En => format!("Decided: original date {} (found in SMDB).", fmt_dk(*date)),
        },
    }
}

/// A conflict's state in one word: open, decided, or a note.
pub fn conflict_state(conflict: &crate::plan::Conflict, lang: Lang) -> &'static str {
    state_label(conflict.state(), lang)
}

/// A conflict state in one word.
pub fn state_label(state: crate::plan::ConflictState, lang: Lang) -> &'static str {
    use super::export::{CONFLICT_DECIDED, CONFLICT_NOTE, CONFLICT_OPEN, label};
    use crate::plan::ConflictState as S;
    match state {
        S::Note => label(CONFLICT_NOTE, lang),
        S::Decided => label(CONFLICT_DECIDED, lang),
        S::Open => label(CONFLICT_OPEN, lang),
    }
}

/// A note of the plan, with the description the plan's closes carry.
pub fn note_text(note: Note, reason_text: &str, lang: Lang) -> String {
    let text = note_words(note, lang);
    if note == Note::ReasonTextMatters {
        with_reason_text(text, reason_text)
    } else {
        text.to_string()
    }
}

/// A text that names the default description, with the one chosen instead.
fn with_reason_text(text: &str, reason_text: &str) -> String {
    let chosen = crate::text::one_line(reason_text.trim()).into_owned();
    text.replace(
        &format!("\"{}\"", crate::plan::DEFAULT_REASON_TEXT),
        &format!("\"{chosen}\""),
    )
}

fn note_words(note: Note, lang: Lang) -> &'static str {
    match note {
        Note::DeadlineNeeded => lang.pick(
            "Model 1: giv DST (SMDB@dst.dk) en deadline; DST kan ikke offentliggøre kommunens tal, før alle aktive borgere er genindberettet (vejledningen afsnit 6).",
            "Model 1: give DST (SMDB@dst.dk) a deadline; DST cannot publish the kommune's figures until every active citizen is re-reported (guide §6).",
        ),
        Note::BulkDeletionNeedsConfirmation => lang.pick(
            "DST kan slette samlet, hvis kommunen bekræfter anmodninger og indskrivninger: aldrig glemte sager eller sager, der ikke er oprettet i nyt system (vejledningen afsnit 3).",
            "DST can delete in bulk if the kommune confirms anmodninger and indskrivninger: never forgotten cases or cases not yet in the new system (guide §3).",
        ),
        Note::TilbudFormsMayNotApply => lang.pick(
            "Ifølge DST's statistikdokumentation for Stofmisbrugsbehandling (ikke vejledningen) kan indskrivning, ydelse og udskrivning ikke indberettes fra 1. januar 2025, og KvalHep-skemaet udgår fra 1. juli 2025: genregistrering af dem i nyt system gælder måske ikke længere (afklar med DST).",
            "According to DST's statistics documentation for Stofmisbrugsbehandling (not the guide), indskrivning, ydelse and udskrivning cannot be reported from 1 January 2025, and the KvalHep form is dropped from 1 July 2025: re-registering them in the new system may no longer apply (check with DST).",
        ),
        Note::TwoPlacesToMaintain => lang.pick(
            "Mellemløsning: kommunen skal dokumentere, at der vedligeholdes to steder, så ingen gammel sag i SMDB glemmes (vejledningens indledning og afsnit 1).",
            "Interim: the kommune must document that data is maintained in two places, so no old case in SMDB is forgotten (the guide's introduction and §1).",
        ),
        Note::ReasonTextMatters => lang.pick(
            "Model 2: afslut med årsag \"Anden\" og beskrivelsen \"Systemskift\"; så tæller DST kun de oprindelige startdatoer (vejledningen afsnit 6).",
            "Model 2: close with reason \"Anden\" and description \"Systemskift\"; then DST counts only the original start dates (guide §6).",
        ),
    }
}

impl Localize for Model {
    fn localize(&self, lang: Lang) -> String {
        model_label(*self, lang).to_string()
    }
}

impl Localize for Form {
    fn localize(&self, lang: Lang) -> String {
        form_label(*self, lang).to_string()
    }
}

impl Localize for ActionKind {
    fn localize(&self, lang: Lang) -> String {
        action_label(*self, lang).to_string()
    }
}

impl Localize for System {
    fn localize(&self, lang: Lang) -> String {
        system_label(*self, lang).to_string()
    }
}

impl Localize for Part {
    fn localize(&self, lang: Lang) -> String {
        part_label(*self, lang).to_string()
    }
}

impl Localize for Status {
    fn localize(&self, lang: Lang) -> String {
        status_label(*self, lang).to_string()
    }
}

impl Localize for ConflictKind {
    fn localize(&self, lang: Lang) -> String {
        conflict_message(self, lang)
    }
}

impl Localize for Note {
    fn localize(&self, lang: Lang) -> String {
        note_text(*self, crate::plan::DEFAULT_REASON_TEXT, lang)
    }
}

/// Why a decision was refused, in one line.
impl Localize for crate::plan::decide::DecisionProblem {
    fn localize(&self, lang: Lang) -> String {
        use crate::plan::decide::DecisionProblem as P;
        match self {
            P::NotAChoice => lang
                .pick(
                    "Den afgørelse passer ikke til konflikten.",
                    "That decision does not fit the conflict.",
                )
                .to_string(),
            P::NoSuchCase => lang
                .pick(
                    "Afgørelsen peger ikke på netop én af borgerens sager (angiv sagens ID, eller dens dato).",
                    "The decision names not exactly one of the citizen's cases (give the case's ID, or its date).",
                )
                .to_string(),
            P::YearOutOfRange { year } => match lang {
                Lang::Da => format!("Året {year} ligger uden for de år, en plan rummer."),
                Lang::En => format!("The year {year} lies outside the years a plan holds."),
            },
            P::AfterSwitch { switch } => match lang {
                Lang::Da => format!(
                    "Datoen ligger efter skiftedatoen {}: den må senest være skiftedatoen.",
                    fmt_dk(*switch)
                ),
                Lang::En => format!(
                    "The date lies after the switch date {}: it may be the switch date at the latest.",
                    fmt_dk(*switch)
                ),
            },
            P::BeforeStart { start } => match lang {
                Lang::Da => format!(
                    "Datoen ligger før {}, som sagen startede: den skal ligge på eller efter.",
                    fmt_dk(*start)
                ),
                Lang::En => format!(
                    "The date lies before {}, when the case started: it must be on or after it.",
                    fmt_dk(*start)
                ),
            },
        }
    }
}

/// Why a description of the model-2 closes was refused.
impl Localize for crate::plan::ReasonTextProblem {
    fn localize(&self, lang: Lang) -> String {
        use crate::plan::ReasonTextProblem as P;
        match self {
            P::Empty => lang
                .pick(
                    "beskrivelsen af afslutningsårsagen må ikke være tom: vejledningen kræver \"Systemskift\" (afsnit 1 og 6; afsnit 4 skriver \"Systemskifte\")",
                    "the close description must not be empty: the guide asks for \"Systemskift\" (§1 and §6; §4 writes \"Systemskifte\")",
                )
                .to_string(),
            P::NotTheGuides(text) => match lang {
                Lang::Da => format!(
                    "beskrivelsen \"{}\" er ikke vejledningens (\"Systemskift\" eller \"Systemskifte\"): DST tæller kun de oprindelige startdatoer for borgere afsluttet med \"Systemskift\" (afsnit 6), så med en anden tekst kan borgerne tælle som nye sager. Brug --reason-text-any, hvis det er aftalt med DST",
                    crate::text::one_line(text)
                ),
                Lang::En => format!(
                    "the description \"{}\" is not the guide's (\"Systemskift\" or \"Systemskifte\"): DST counts only the original start dates of citizens closed with \"Systemskift\" (§6), so with another text the citizens may count as new cases. Use --reason-text-any if this is agreed with DST",
                    crate::text::one_line(text)
                ),
            },
        }
    }
}

/// The warning when another description than the guide's is used on purpose.
pub fn reason_text_override(text: &str, lang: Lang) -> String {
    match lang {
        Lang::Da => format!(
            "advarsel: afslutningerne får beskrivelsen \"{}\", ikke vejledningens \"Systemskift\"; DST kan tælle disse borgere som nye sager (vejledningen afsnit 6)",
            crate::text::one_line(text)
        ),
        Lang::En => format!(
            "warning: the closes carry the description \"{}\", not the guide's \"Systemskift\"; DST may count these citizens as new cases (guide §6)",
            crate::text::one_line(text)
        ),
    }
}

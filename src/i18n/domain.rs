//! Every human text about the domain and the plan, in Danish (default) and English, in one
//! place: labels of models, forms, actions, systems and parts, conflict messages and notes.
//! Exports, the CLI summary and the terminal UI all take their words from here.

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

/// Two lines on the model's consequences, from the guide (§1, §3, §4, §6).
pub fn model_explanation(model: Model, lang: Lang) -> [&'static str; 2] {
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

/// One line saying what is wrong and what a person must decide. Holds no CPR.
pub fn conflict_message(kind: &ConflictKind, lang: Lang) -> String {
    match kind {
        ConflictKind::FormAfterSwitch { form, date } => match lang {
            Lang::Da => format!(
                "{} er dateret {}, efter skiftedatoen: kan ikke afsluttes på skiftedatoen. Afklar datoen.",
                form_label(*form, lang),
                fmt_dk(*date)
            ),
            Lang::En => format!(
                "{} is dated {}, after the switch date: it cannot be closed on the switch date. Resolve the date.",
                form_label(*form, lang),
                fmt_dk(*date)
            ),
        },
        ConflictKind::TwoAnmodninger { count } => match lang {
            Lang::Da => format!(
                "{count} aktive anmodninger for samme borger; kun én må være aktiv. Afklar hvilken der gælder."
            ),
            Lang::En => format!(
                "{count} active anmodninger for one citizen; only one may be active. Decide which one holds."
            ),
        },
        ConflictKind::TwoIndskrivninger { tilbud, count } => {
            let t = tilbud.as_deref().unwrap_or("?");
            match lang {
                Lang::Da => format!(
                    "{count} aktive indskrivninger på samme tilbud ({t}); kun én må være aktiv."
                ),
                Lang::En => format!(
                    "{count} active indskrivninger at one offer ({t}); only one may be active."
                ),
            }
        }
        ConflictKind::ForgottenWithoutEndDate => lang
            .pick(
                "Markeret som glemt sag, men uden faktisk slutdato: angiv slutdatoen.",
                "Marked as a forgotten case but without a real end date: enter the end date.",
            )
            .to_string(),
        ConflictKind::ForgottenEndAfterSwitch { slutdato } => match lang {
            Lang::Da => format!(
                "Glemt sag med slutdato {}, efter skiftedatoen: en glemt sag slutter senest på skiftedatoen.",
                fmt_dk(*slutdato)
            ),
            Lang::En => format!(
                "Forgotten case ending {}, after the switch date: a forgotten case ends on the switch date at the latest.",
                fmt_dk(*slutdato)
            ),
        },
        ConflictKind::ForgottenEndBeforeStart {
            slutdato,
            form,
            start,
        } => match lang {
            Lang::Da => format!(
                "Glemt sag med slutdato {}, før {} startede ({}): slutdatoen skal ligge på eller efter alle startdatoer.",
                fmt_dk(*slutdato),
                form_label(*form, lang),
                fmt_dk(*start)
            ),
            Lang::En => format!(
                "Forgotten case ending {}, before {} started ({}): the end date must be on or after every start date.",
                fmt_dk(*slutdato),
                form_label(*form, lang),
                fmt_dk(*start)
            ),
        },
        ConflictKind::AnmodningWithoutIvaerksaettelse => lang
            .pick(
                "Anmodning uden iværksættelse: afklar om den skal afsluttes på skiftedatoen eller slettes.",
                "Anmodning without iværksættelse: decide whether to close it on the switch date or delete it.",
            )
            .to_string(),
    }
}

pub fn note_text(note: Note, lang: Lang) -> &'static str {
    match note {
        Note::DeadlineNeeded => lang.pick(
            "Model 1: giv DST (SMDB@dst.dk) en deadline; DST kan ikke offentliggøre kommunens tal, før alle aktive borgere er genindberettet.",
            "Model 1: give DST (SMDB@dst.dk) a deadline; DST cannot publish the kommune's figures until every active citizen is re-reported.",
        ),
        Note::BulkDeletionNeedsConfirmation => lang.pick(
            "DST kan slette samlet, hvis kommunen bekræfter anmodninger og indskrivninger: aldrig glemte sager eller sager, der ikke er oprettet i nyt system.",
            "DST can delete in bulk if the kommune confirms anmodninger and indskrivninger: never forgotten cases or cases not yet in the new system.",
        ),
        Note::TilbudFormsMayNotApply => lang.pick(
            "Siden 2025 modtager DST ikke nye indskrivnings-, ydelses- og udskrivningsskemaer, og KvalHep udfases: genregistrering af dem i nyt system gælder måske ikke længere (afklar med DST).",
            "Since 2025 DST receives no new indskrivning, ydelse and udskrivning forms, and KvalHep is being dropped: re-registering them in the new system may no longer apply (check with DST).",
        ),
        Note::TwoPlacesToMaintain => lang.pick(
            "Mellemløsning: kommunen skal dokumentere, at der vedligeholdes to steder, så ingen gammel sag i SMDB glemmes.",
            "Interim: the kommune must document that data is maintained in two places, so no old case in SMDB is forgotten.",
        ),
        Note::ReasonTextMatters => lang.pick(
            "Model 2: afslut med årsag \"Anden\" og beskrivelsen \"Systemskift\"; så tæller DST kun de oprindelige startdatoer.",
            "Model 2: close with reason \"Anden\" and description \"Systemskift\"; then DST counts only the original start dates.",
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
        note_text(*self, lang).to_string()
    }
}

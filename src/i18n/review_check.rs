//! The words of `check`: what each finding says is wrong, and what is expected instead.

use crate::domain::Form;
use crate::domain::date::fmt_dk;
use crate::lang::Lang;
use crate::plan::{ActionKind, Model};
use crate::review::check::{Column, Counting, FindingKind};

use super::Localize;
use super::domain::{action_label, form_label, model_label, system_label};
use super::review::{column_label, date_or_empty, expected_label, text_or_empty};

fn forms_in(order: &[Form], lang: Lang) -> String {
    order
        .iter()
        .map(|f| form_label(*f, lang).to_lowercase())
        .collect::<Vec<_>>()
        .join(" → ")
}

/// What an Udført cell may hold.
pub fn done_values(lang: Lang) -> &'static str {
    lang.pick(
        "udført: x, ja, 1 eller datoen (dd-mm-åååå); ikke udført: tom, nej, 0 eller \"ikke endnu\"",
        "done: x, yes, 1 or the date (dd-mm-yyyy); not done: blank, no, 0 or \"ikke endnu\"",
    )
}

/// What a stated count of the overview counts.
pub fn counting(c: Counting, lang: Lang) -> String {
    match c {
        Counting::Citizens => lang.pick("Borgere", "Citizens").to_string(),
        Counting::Forgotten => lang.pick("Glemte sager", "Forgotten cases").to_string(),
        Counting::Actions => lang.pick("Handlinger", "Actions").to_string(),
        Counting::Kind(k, f) => format!("{}: {}", action_label(k, lang), form_label(f, lang)),
    }
}

fn what_model_does(model: Model, forgotten: bool, lang: Lang) -> String {
    if forgotten {
        return lang
            .pick(
                "en glemt sag afsluttes i SMDB med de faktiske slutdatoer; den slettes aldrig og genindtastes aldrig",
                "a forgotten case is closed in SMDB with its real end dates; it is never deleted and never re-entered",
            )
            .to_string();
    }
    let what = match model {
        Model::One => lang.pick(
            "registrér i nyt system, derefter slet i SMDB",
            "register in the new system, then delete in SMDB",
        ),
        Model::Two => lang.pick(
            "afslut i SMDB (ydelse, indskrivning, tilbudstilknytning, behandling), derefter registrér i nyt system",
            "close in SMDB (ydelse, indskrivning, tilbudstilknytning, behandling), then register in the new system",
        ),
        Model::Mellem => lang.pick(
            "følg op på anmodning og indskrivning i SMDB web",
            "follow up anmodning and indskrivning in the SMDB web form",
        ),
    };
    format!("{}: {what}", model_label(model, lang))
}

fn act(a: ActionKind, f: Form, lang: Lang) -> String {
    format!(
        "{} {}",
        action_label(a, lang).to_lowercase(),
        form_label(f, lang).to_lowercase()
    )
}

/// What is wrong, and what is expected.
pub fn finding(kind: &FindingKind, lang: Lang) -> (String, String) {
    use FindingKind as K;
    let da = lang == Lang::Da;
    match kind {
        K::Unreadable { column, value } => (
            if da {
                format!(
                    "{} kan ikke læses: \"{value}\"",
                    column_label(*column, lang)
                )
            } else {
                format!(
                    "{} cannot be read: \"{value}\"",
                    column_label(*column, lang)
                )
            },
            match column {
                Column::Date | Column::OriginalDate => {
                    lang.pick("en dato (dd-mm-åååå)", "a date (dd-mm-yyyy)")
                }
                Column::Done => done_values(lang),
                Column::CitizenNo | Column::Step => lang.pick("et helt tal", "a whole number"),
                _ => lang.pick(
                    "en af de værdier planen skriver",
                    "one of the values the plan writes",
                ),
            }
            .to_string(),
        ),
        K::StepGap { after, found } => (
            if da {
                format!("trin {found} følger efter trin {after}: trin mangler (slettet række?)")
            } else {
                format!("step {found} follows step {after}: steps are missing (deleted row?)")
            },
            if da {
                format!("trin {} her", after + 1)
            } else {
                format!("step {} here", after + 1)
            },
        ),
        K::StepDuplicate { step } => (
            if da {
                format!("trin {step} findes to gange for borgeren")
            } else {
                format!("step {step} occurs twice for the citizen")
            },
            lang.pick("trin 1, 2, 3, … én gang hver", "steps 1, 2, 3, … once each")
                .to_string(),
        ),
        K::StepOutOfRowOrder { step, after } => (
            if da {
                format!("trin {step} står under trin {after}: rækkerne er flyttet")
            } else {
                format!("step {step} stands below step {after}: rows were moved")
            },
            lang.pick(
                "borgerens rækker i trinrækkefølge",
                "the citizen's rows in step order",
            )
            .to_string(),
        ),
        K::WrongAction {
            action,
            system,
            form,
            model,
            forgotten,
        } => (
            if da {
                format!(
                    "{} i {} hører ikke til her",
                    act(*action, *form, lang),
                    system.map_or("?", |s| system_label(s, lang))
                )
            } else {
                format!(
                    "{} in {} does not belong here",
                    act(*action, *form, lang),
                    system.map_or("?", |s| system_label(s, lang))
                )
            },
            what_model_does(*model, *forgotten, lang),
        ),
        K::RegisterAfterDelete { form } => (
            if da {
                format!(
                    "{} registreres efter en sletning i SMDB",
                    form_label(*form, lang)
                )
            } else {
                format!(
                    "{} is registered after a deletion in SMDB",
                    form_label(*form, lang)
                )
            },
            lang.pick(
                "alle registreringer i nyt system før sletningerne i SMDB",
                "every registration in the new system before the deletions in SMDB",
            )
            .to_string(),
        ),
        K::CloseAfterRegister { form } => (
            if da {
                format!(
                    "{} afsluttes efter en registrering i nyt system",
                    form_label(*form, lang)
                )
            } else {
                format!(
                    "{} is closed after a registration in the new system",
                    form_label(*form, lang)
                )
            },
            lang.pick(
                "alle afslutninger i SMDB før registreringerne i nyt system",
                "every close in SMDB before the registrations in the new system",
            )
            .to_string(),
        ),
        K::DeleteOrder { form, after } => (
            if da {
                format!(
                    "{} slettes efter {}",
                    form_label(*form, lang),
                    form_label(*after, lang).to_lowercase()
                )
            } else {
                format!(
                    "{} is deleted after {}",
                    form_label(*form, lang),
                    form_label(*after, lang).to_lowercase()
                )
            },
            format!(
                "{}: {}",
                lang.pick("sletning bagfra", "deletion backwards"),
                forms_in(&Form::DELETE_ORDER, lang)
            ),
        ),
        K::CloseOrder { form, after } => (
            if da {
                format!(
                    "{} afsluttes efter {}",
                    form_label(*form, lang),
                    form_label(*after, lang).to_lowercase()
                )
            } else {
                format!(
                    "{} is closed after {}",
                    form_label(*form, lang),
                    form_label(*after, lang).to_lowercase()
                )
            },
            format!(
                "{}: {}",
                lang.pick("afslutning i rækkefølgen", "closes in the order"),
                forms_in(&Form::CLOSE_ORDER, lang)
            ),
        ),
        K::RegisterOrder { form, after } => (
            if da {
                format!(
                    "{} registreres efter {}",
                    form_label(*form, lang),
                    form_label(*after, lang).to_lowercase()
                )
            } else {
                format!(
                    "{} is registered after {}",
                    form_label(*form, lang),
                    form_label(*after, lang).to_lowercase()
                )
            },
            format!(
                "{}: {}",
                lang.pick("indberetningsrækkefølgen", "the reporting order"),
                forms_in(&Form::REGISTER_ORDER, lang)
            ),
        ),
        K::DateNotOriginal { found, expected } => (
            format!(
                "{} {}",
                lang.pick("dato", "date"),
                date_or_empty(*found, lang)
            ),
            format!(
                "{} {}",
                lang.pick("den oprindelige dato", "the original date"),
                date_or_empty(*expected, lang)
            ),
        ),
        K::CloseDateNotD { found, expected } => (
            format!(
                "{} {}",
                lang.pick("afslutningsdato", "close date"),
                date_or_empty(*found, lang)
            ),
            format!(
                "{} {}",
                lang.pick("skiftedatoen (D)", "the switch date (D)"),
                fmt_dk(*expected)
            ),
        ),
        K::ReasonNotAnden { found } => (
            format!(
                "{} {}",
                lang.pick("afslutningsårsag", "close reason"),
                text_or_empty(found, lang)
            ),
            lang.pick(
                "afslutningsårsag \"Anden\" (vejledningen afsnit 4 skriver også \"Anden årsag\")",
                "close reason \"Anden\" (guide §4 also writes \"Anden årsag\")",
            )
            .to_string(),
        ),
        K::ReasonTextWrong { found, expected } => (
            format!(
                "{} {}",
                lang.pick("beskriv afslutningsårsag", "close reason text"),
                text_or_empty(found, lang)
            ),
            if let Some(spelling) =
                crate::plan::guide_spelling(expected, &crate::plan::GUIDE_REASON_TEXTS)
            {
                let (other, section) = if spelling == crate::plan::DEFAULT_REASON_TEXT {
                    ("Systemskifte", lang.pick("afsnit 4", "§4"))
                } else {
                    ("Systemskift", lang.pick("afsnit 1 og 6", "§1 and §6"))
                };
                format!(
                    "{} \"{expected}\" ({} \"{other}\", {} {section})",
                    lang.pick("beskrivelsen", "the description"),
                    lang.pick("eller", "or"),
                    lang.pick("vejledningens stavemåde i", "the guide's spelling in"),
                )
            } else {
                format!(
                    "{} \"{expected}\"",
                    lang.pick("beskrivelsen", "the description")
                )
            },
        ),
        K::ReentryDateWrong { found, expected } => (
            format!(
                "{} {}",
                lang.pick("startdato i nyt system", "start date in the new system"),
                date_or_empty(*found, lang)
            ),
            format!(
                "{} {}",
                lang.pick(
                    "dagen efter skiftedatoen (D + 1)",
                    "the day after the switch date (D + 1)"
                ),
                fmt_dk(*expected)
            ),
        ),
        K::HeaderReentryWrong { found, expected } => (
            format!(
                "{} {}",
                lang.pick("planens genindtastningsdato", "the plan's re-entry date"),
                date_or_empty(*found, lang)
            ),
            format!("D + 1 = {}", fmt_dk(*expected)),
        ),
        K::ForgottenNoDate => (
            lang.pick(
                "glemt sag afsluttes uden dato",
                "forgotten case closed without a date",
            )
            .to_string(),
            lang.pick(
                "den faktiske slutdato (senest skiftedatoen)",
                "the real end date (the switch date at the latest)",
            )
            .to_string(),
        ),
        K::ForgottenAfterSwitch { found, switch } => (
            format!(
                "{} {}, {}",
                lang.pick("glemt sag afsluttes", "forgotten case closed"),
                fmt_dk(*found),
                lang.pick("efter skiftedatoen", "after the switch date")
            ),
            format!(
                "{} {}",
                lang.pick(
                    "den faktiske slutdato, senest",
                    "the real end date, at the latest"
                ),
                fmt_dk(*switch)
            ),
        ),
        K::ForgottenBeforeStart { found, start } => (
            format!(
                "{} {}, {}",
                lang.pick("glemt sag afsluttes", "forgotten case closed"),
                fmt_dk(*found),
                lang.pick("før skemaet startede", "before the form started")
            ),
            format!(
                "{} {}",
                lang.pick("en slutdato på eller efter", "an end date on or after"),
                fmt_dk(*start)
            ),
        ),
        K::ForgottenSystemskift { found } => (
            if da {
                format!("glemt sag afsluttes med \"{found}\"")
            } else {
                format!("forgotten case closed with \"{found}\"")
            },
            lang.pick(
                "den faktiske afslutningsårsag, aldrig systemskift",
                "the real close reason, never the switch",
            )
            .to_string(),
        ),
        K::Unpaired {
            form,
            have,
            missing,
            have_n,
            missing_n,
        } => (
            if da {
                format!(
                    "{}: {have_n} × {}, men {missing_n} × {}",
                    form_label(*form, lang),
                    action_label(*have, lang).to_lowercase(),
                    action_label(*missing, lang).to_lowercase()
                )
            } else {
                format!(
                    "{}: {have_n} × {}, but {missing_n} × {}",
                    form_label(*form, lang),
                    action_label(*have, lang).to_lowercase(),
                    action_label(*missing, lang).to_lowercase()
                )
            },
            if da {
                format!(
                    "lige mange (en række med {} mangler?)",
                    act(*missing, *form, lang)
                )
            } else {
                format!(
                    "as many of each (a row to {} missing?)",
                    act(*missing, *form, lang)
                )
            },
        ),
        K::CitizenMissing { citizen } => (
            if da {
                format!("borger nr {citizen} har ingen rækker (slettet?)")
            } else {
                format!("citizen no {citizen} has no rows (deleted?)")
            },
            lang.pick(
                "alle borgere i oversigten med deres handlinger",
                "every citizen of the overview with their actions",
            )
            .to_string(),
        ),
        K::ReasonTextNotGuide { found } => (
            match lang {
                Lang::Da => format!(
                    "planens beskrivelse af afslutningsårsagen er \"{}\", ikke vejledningens; DST kan tælle borgerne som nye sager (afsnit 6)",
                    crate::text::one_line(found)
                ),
                Lang::En => format!(
                    "the plan's close description is \"{}\", not the guide's; DST may count the citizens as new cases (§6)",
                    crate::text::one_line(found)
                ),
            },
            lang.pick(
                "\"Systemskift\" (vejledningen afsnit 1 og 6) eller \"Systemskifte\" (afsnit 4)",
                "\"Systemskift\" (guide §1 and §6) or \"Systemskifte\" (§4)",
            )
            .to_string(),
        ),
        K::StepCount { stated, found } => (
            match lang {
                Lang::Da => format!(
                    "borgeren har {found} rækker, men Trin i alt siger {stated} (en række slettet eller kopieret?)"
                ),
                Lang::En => format!(
                    "the citizen has {found} rows, but Steps in all says {stated} (a row deleted or copied?)"
                ),
            },
            lang.pick(
                "alle borgerens trin, hver én gang",
                "every step of the citizen, each once",
            )
            .to_string(),
        ),
        K::ForgottenDiffers {
            row_says,
            other_says,
        } => {
            let word = |forgotten: bool| {
                if forgotten {
                    lang.pick("glemt sag", "forgotten case")
                } else {
                    lang.pick("aktiv", "active")
                }
            };
            (
                match lang {
                    Lang::Da => format!(
                        "rækkens Status siger {}, men borgerens andre rækker eller arket Glemte sager siger {}; borgeren tjekkes som glemt sag",
                        word(*row_says),
                        word(*other_says)
                    ),
                    Lang::En => format!(
                        "the row's Status says {}, but the citizen's other rows or the sheet Glemte sager say {}; the citizen is checked as a forgotten case",
                        word(*row_says),
                        word(*other_says)
                    ),
                },
                lang.pick(
                    "samme status på alle borgerens rækker og i Glemte sager",
                    "the same status on all the citizen's rows and in Glemte sager",
                )
                .to_string(),
            )
        }
        K::HeaderModelWrong { stated, rows } => (
            match lang {
                Lang::Da => format!(
                    "oversigten siger {}, men rækkerne følger {} (cellen ændret?); rækkerne er tjekket efter {}",
                    model_label(*stated, lang),
                    model_label(*rows, lang),
                    model_label(*rows, lang)
                ),
                Lang::En => format!(
                    "the overview says {}, but the rows follow {} (the cell changed?); the rows are checked by {}",
                    model_label(*stated, lang),
                    model_label(*rows, lang),
                    model_label(*rows, lang)
                ),
            },
            lang.pick(
                "den model, planen er skrevet efter",
                "the model the plan was written by",
            )
            .to_string(),
        ),
        K::HeaderSwitchWrong { stated, rows } => (
            match lang {
                Lang::Da => format!(
                    "oversigten siger skiftedato {}, men alle afslutninger er på {} (cellen ændret?); rækkerne er tjekket efter {}",
                    fmt_dk(*stated),
                    fmt_dk(*rows),
                    fmt_dk(*rows)
                ),
                Lang::En => format!(
                    "the overview says switch date {}, but every close is on {} (the cell changed?); the rows are checked by {}",
                    fmt_dk(*stated),
                    fmt_dk(*rows),
                    fmt_dk(*rows)
                ),
            },
            lang.pick(
                "den skiftedato, planen er skrevet efter",
                "the switch date the plan was written by",
            )
            .to_string(),
        ),
        K::ConflictsOpen { n } => (
            match (da, *n) {
                (true, 1) => "1 konflikt er ikke afgjort".to_string(),
                (true, n) => format!("{n} konflikter er ikke afgjort"),
                (false, 1) => "1 conflict is not decided".to_string(),
                (false, n) => format!("{n} conflicts are not decided"),
            },
            lang.pick(
                "hver konflikt afgjort, før der handles på borgeren (tast a på borgeren i skifteplan)",
                "every conflict decided before the citizen is acted on (press a on the citizen in skifteplan)",
            )
            .to_string(),
        ),
        K::DecisionWithoutConflict => (
            lang.pick(
                "rækken er markeret som efter afgørelse, men borgeren har ingen afgjort konflikt",
                "the row is marked as by decision, but the citizen has no decided conflict",
            )
            .to_string(),
            lang.pick(
                "kun rækker, som en afgjort konflikt har ændret, er markeret",
                "only rows a decided conflict changed are marked",
            )
            .to_string(),
        ),
        K::CountMismatch {
            what,
            stated,
            found,
        } => (
            if da {
                format!(
                    "{}: oversigten siger {stated}, rækkerne har {found}",
                    counting(*what, lang)
                )
            } else {
                format!(
                    "{}: the overview says {stated}, the rows hold {found}",
                    counting(*what, lang)
                )
            },
            lang.pick(
                "samme antal i oversigt og rækker",
                "the same count in the overview and the rows",
            )
            .to_string(),
        ),
    }
}

/// "what is wrong; expected: what is expected".
impl Localize for FindingKind {
    fn localize(&self, lang: Lang) -> String {
        let (what, expected) = finding(self, lang);
        format!("{what}; {}: {expected}", expected_label(lang))
    }
}

impl Localize for Column {
    fn localize(&self, lang: Lang) -> String {
        column_label(*self, lang).to_string()
    }
}

impl Localize for Counting {
    fn localize(&self, lang: Lang) -> String {
        counting(*self, lang)
    }
}

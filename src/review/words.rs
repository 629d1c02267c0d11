//! Every human text of review and follow-up (check findings, read errors), in Danish (default)
//! and English, in one place.

use chrono::NaiveDate;

use super::check::{Column, Counting, FindingKind};
use super::read::ReadError;
use crate::domain::Form;
use crate::domain::date::fmt_dk;
use crate::facts::SwitchFacts;
use crate::lang::Lang;
use crate::plan::{ActionKind, Model};
use crate::text::{action_label, form_label, model_label, system_label};

fn date_or_empty(d: Option<NaiveDate>, lang: Lang) -> String {
    d.map(fmt_dk)
        .unwrap_or_else(|| lang.pick("(tom)", "(empty)").to_string())
}

fn text_or_empty(t: &Option<String>, lang: Lang) -> String {
    match t.as_deref().map(str::trim) {
        Some(t) if !t.is_empty() => format!("\"{t}\""),
        _ => lang.pick("(tom)", "(empty)").to_string(),
    }
}

pub fn column_label(c: Column, lang: Lang) -> &'static str {
    match c {
        Column::CitizenNo => lang.pick("Borger nr", "Citizen no"),
        Column::Step => lang.pick("Trin", "Step"),
        Column::System => "System",
        Column::Form => lang.pick("Skema", "Form"),
        Column::Action => lang.pick("Handling", "Action"),
        Column::Date => lang.pick("Dato", "Date"),
        Column::OriginalDate => lang.pick("Oprindelig dato", "Original date"),
        Column::Done => lang.pick("Udført", "Done"),
    }
}

fn forms_in(order: &[Form], lang: Lang) -> String {
    order
        .iter()
        .map(|f| form_label(*f, lang).to_lowercase())
        .collect::<Vec<_>>()
        .join(" → ")
}

const DELETE_ORDER: [Form; 6] = [
    Form::Ydelse,
    Form::Indskrivning,
    Form::Tilbudstilknytning,
    Form::Ivaerksaettelse,
    Form::Anmodning,
    Form::KvalHep,
];
const CLOSE_ORDER: [Form; 4] = [
    Form::Ydelse,
    Form::Indskrivning,
    Form::Tilbudstilknytning,
    Form::Behandling,
];
const REGISTER_ORDER: [Form; 6] = [
    Form::Anmodning,
    Form::Ivaerksaettelse,
    Form::Tilbudstilknytning,
    Form::Indskrivning,
    Form::Ydelse,
    Form::KvalHep,
];

fn counting(c: Counting, lang: Lang) -> String {
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
                Column::Date | Column::OriginalDate | Column::Done => {
                    lang.pick("en dato (dd-mm-åååå)", "a date (dd-mm-yyyy)")
                }
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
                forms_in(&DELETE_ORDER, lang)
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
                forms_in(&CLOSE_ORDER, lang)
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
                forms_in(&REGISTER_ORDER, lang)
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
            lang.pick("afslutningsårsag \"Anden\"", "close reason \"Anden\"")
                .to_string(),
        ),
        K::ReasonTextWrong { found, expected } => (
            format!(
                "{} {}",
                lang.pick("beskriv afslutningsårsag", "close reason text"),
                text_or_empty(found, lang)
            ),
            format!(
                "{} \"{expected}\"",
                lang.pick("beskrivelsen", "the description")
            ),
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

pub fn read_error(e: &ReadError, lang: Lang) -> String {
    match e {
        ReadError::Io(d) => format!("{}: {d}", lang.pick("Filen kan ikke læses", "Cannot read the file")),
        ReadError::NotAPlan => lang
            .pick(
                "Filen er ikke en plan fra skifteplan (hverken handlingsark .xlsx eller JSON-plan).",
                "The file is not a skifteplan plan (neither an .xlsx action sheet nor a JSON plan).",
            )
            .to_string(),
        ReadError::Damaged(d) => format!(
            "{}: {d}",
            lang.pick("Regnearket kan ikke åbnes", "The workbook cannot be opened")
        ),
        ReadError::MissingSheet(s) => format!(
            "{} \"{s}\"",
            lang.pick("Handlingsarket mangler arket", "The action sheet lacks the sheet")
        ),
        ReadError::MissingColumn(c) => format!(
            "{} \"{c}\"",
            lang.pick(
                "Arket Handlinger mangler kolonnen",
                "The sheet Handlinger lacks the column"
            )
        ),
        ReadError::MissingSetup(what) => {
            let what = match *what {
                "model" => lang.pick("modellen", "the model"),
                _ => lang.pick("skiftedatoen (D)", "the switch date (D)"),
            };
            format!(
                "{} {what}",
                lang.pick("Oversigten angiver ikke", "The overview does not state")
            )
        }
        ReadError::Json(d) => format!("{}: {d}", lang.pick("JSON-planen", "The JSON plan")),
        ReadError::TooLarge { part, mib } => {
            let size = crate::aktivliste::unpacked_size(*mib);
            format!(
                "{} '{part}' {} {size}: {}",
                lang.pick("Regnearkets del", "The workbook's part"),
                lang.pick("pakkes ud til", "unpacks to"),
                lang.pick(
                    "mere end en plan kan fylde (er filen beskadiget?)",
                    "more than a plan can hold (is the file damaged?)"
                )
            )
        }
    }
}

/// "Handlinger række 12" / "citizens[0].actions[3]".
pub fn location(at: &super::Location, lang: Lang) -> String {
    match at.row {
        Some(r) => format!("{} {} {r}", at.sheet, lang.pick("række", "row")),
        None => at.sheet.clone(),
    }
}

pub fn expected_label(lang: Lang) -> &'static str {
    lang.pick("forventet", "expected")
}

/// What the e-mail takes from a plan: its set-up and counts, never a CPR number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NotifyFacts {
    pub model: Model,
    pub switch_date: NaiveDate,
    /// The description every model-2 close carries.
    pub reason_text: Option<String>,
    pub citizens: usize,
    pub forgotten: usize,
}

impl NotifyFacts {
    /// From a plan read back (action sheet or JSON).
    pub fn of_rows(plan: &super::PlanRows) -> NotifyFacts {
        let groups = plan.by_citizen();
        NotifyFacts {
            model: plan.header.model,
            switch_date: plan.header.switch_date,
            reason_text: plan.header.reason_text.clone(),
            citizens: groups.len(),
            forgotten: groups
                .values()
                .filter(|rows| rows.iter().any(|r| r.forgotten))
                .count(),
        }
    }

    /// From a plan in memory (the UI, and `plan` writing the e-mail beside its export).
    pub fn of_plan(plan: &crate::plan::Plan) -> NotifyFacts {
        NotifyFacts {
            model: plan.model,
            switch_date: plan.switch_date,
            reason_text: Some(plan.reason_text.clone()),
            citizens: plan.citizens.len(),
            forgotten: plan
                .citizens
                .iter()
                .filter(|c| c.status == crate::plan::Status::Glemt)
                .count(),
        }
    }
}

/// The e-mail to SMDB@dst.dk (guide §2, §6): go-live date, vendor, system, model, the deadline
/// in model 1, and counts. Never a CPR number: only counts leave the plan.
pub fn notify_text(facts: &NotifyFacts, info: &SwitchFacts, lang: Lang) -> String {
    let citizens = facts.citizens;
    let forgotten = facts.forgotten;
    let active = citizens.saturating_sub(forgotten);
    let placeholder =
        |given: &Option<String>, da: &str, en: &str| match given.as_deref().map(str::trim) {
            Some(t) if !t.is_empty() => t.to_string(),
            _ => lang.pick(da, en).to_string(),
        };
    let kommune = placeholder(&info.kommune, "[kommunens navn]", "[name of the kommune]");
    let vendor = placeholder(&info.vendor, "[leverandørens navn]", "[name of the vendor]");
    let system = placeholder(&info.system, "[systemets navn]", "[name of the system]");
    let go_live = info.go_live_or_default();
    let deadline = info.deadline.map(fmt_dk).unwrap_or_else(|| {
        lang.pick("[angiv deadline]", "[state the deadline]")
            .to_string()
    });
    let mut s = String::new();
    let mut line = |t: &str| {
        s.push_str(t);
        s.push('\n');
    };
    line(&format!("{}: SMDB@dst.dk", lang.pick("Til", "To")));
    line(&format!(
        "{}: {} {kommune}",
        lang.pick("Emne", "Subject"),
        lang.pick("Systemskifte i SMDB for", "System switch in SMDB for")
    ));
    line("");
    line(lang.pick("Kære SMDB-support", "Dear SMDB support"));
    line("");
    line(&format!(
        "{kommune} {}",
        lang.pick(
            "skifter it-system til indberetning til Stofmisbrugsdatabasen.",
            "is changing the IT system that reports to Stofmisbrugsdatabasen."
        )
    ));
    line("");
    line(&format!(
        "- {}: {}",
        lang.pick("Planlagt go-live", "Planned go-live"),
        fmt_dk(go_live)
    ));
    line(&format!(
        "- {}: {}",
        lang.pick("Systemskiftedato", "Switch date"),
        fmt_dk(facts.switch_date)
    ));
    line(&format!(
        "- {}: {}",
        lang.pick("Leverandør", "Vendor"),
        vendor
    ));
    line(&format!("- {}: {}", lang.pick("System", "System"), system));
    line(&format!("- Model: {}", model_label(facts.model, lang)));
    if facts.model == Model::One {
        line(&format!(
            "- {}: {deadline}",
            lang.pick(
                "Deadline for genindberetning af alle aktive borgere",
                "Deadline for re-reporting every active citizen"
            )
        ));
    }
    line(&format!(
        "- {}: {citizens} ({} {active}, {} {forgotten})",
        lang.pick(
            "Borgere med aktive sager i SMDB",
            "Citizens with active cases in SMDB"
        ),
        lang.pick("heraf i gang", "ongoing"),
        lang.pick("glemte sager", "forgotten cases"),
    ));
    line("");
    let what = match facts.model {
        Model::One => lang.pick(
            "Vi bevarer historikken: sagerne oprettes i det nye system med de oprindelige datoer og slettes derefter i SMDB. Vi sender en bekræftelsesliste over anmodninger og indskrivninger, som DST kan slette samlet.",
            "We keep the history: the cases are registered in the new system with their original dates and then deleted in SMDB. We will send a confirmation list of the anmodninger and indskrivninger DST may delete in bulk.",
        ),
        Model::Two => lang.pick(
            "Vi bevarer ikke historikken: alle aktive sager afsluttes på systemskiftedatoen med afslutningsårsag \"Anden\" og beskrivelsen \"Systemskift\" og registreres i det nye system dagen efter.",
            "We do not keep the history: every active case is closed on the switch date with reason \"Anden\" and the description \"Systemskift\" and registered in the new system the day after.",
        ),
        Model::Mellem => lang.pick(
            "Vi bruger mellemløsningen: igangværende sager bliver i Manuel SMDB og afsluttes dér; kun nye sager indberettes fra det nye system.",
            "We use the interim solution: ongoing cases stay in Manuel SMDB and are closed there; only new cases are reported by the new system.",
        ),
    };
    let reason = facts
        .reason_text
        .clone()
        .unwrap_or_else(|| crate::plan::DEFAULT_REASON_TEXT.to_string());
    line(&what.replace("\"Systemskift\"", &format!("\"{reason}\"")));
    if forgotten > 0 {
        line(lang.pick(
            "Glemte sager afsluttes med de faktiske slutdatoer.",
            "Forgotten cases are closed with their real end dates.",
        ));
    }
    line("");
    line(lang.pick("Med venlig hilsen", "Kind regards"));
    line(&kommune);
    s
}

// ---- confirm: the confirmation list for DST (model 1) ----

/// The sheet of the confirmation list.
pub fn confirm_sheet(lang: Lang) -> &'static str {
    lang.pick("Bekræftelse til DST", "Confirmation for DST")
}

/// Column headers of the confirmation list.
pub fn confirm_headers(lang: Lang) -> [&'static str; 6] {
    [
        "CPR",
        lang.pick("Navn", "Name"),
        lang.pick("Skema", "Form"),
        lang.pick("ID", "ID"),
        lang.pick("Oprindelig dato", "Original date"),
        lang.pick("Tilbud", "Offer"),
    ]
}

pub fn confirm_not_model_one(model: Model, lang: Lang) -> String {
    format!(
        "{} ({}: {}).",
        lang.pick(
            "En bekræftelsesliste til DST findes kun i model 1 (med historik)",
            "A confirmation list for DST exists only in model 1 (keep history)"
        ),
        lang.pick("planen er", "the plan is"),
        model_label(model, lang)
    )
}

pub fn confirm_summary(included: usize, rows: usize, lang: Lang) -> String {
    format!(
        "{}: {included} {}, {rows} {}.",
        lang.pick("Bekræftelsesliste", "Confirmation list"),
        lang.pick("borgere", "citizens"),
        lang.pick(
            "anmodninger og indskrivninger DST må slette",
            "anmodninger and indskrivninger DST may delete"
        )
    )
}

/// One left-off citizen; `cpr` must already be masked.
pub fn confirm_excluded(cpr: &str, why: &super::confirm::Exclusion, lang: Lang) -> String {
    use super::confirm::Exclusion as E;
    let why = match why {
        E::Forgotten => lang
            .pick(
                "glemt sag (afsluttes med de rigtige datoer, slettes aldrig)",
                "forgotten case (closed with its real dates, never deleted)",
            )
            .to_string(),
        E::NotRegistered { done, total } => format!(
            "{}: {done} {} {total} {}",
            lang.pick(
                "endnu ikke registreret i det nye system",
                "not yet registered in the new system"
            ),
            lang.pick("af", "of"),
            lang.pick("registreringer udført", "registrations done")
        ),
    };
    format!("  {} {cpr}: {why}", lang.pick("Udeladt", "Left off"))
}

pub fn confirm_full_cpr_reminder(lang: Lang) -> &'static str {
    lang.pick(
        "Husk: en liste med fuldt CPR-nummer må kun sendes til DST med krypteret mail.",
        "Remember: a list with full CPR numbers goes to DST by encrypted mail only.",
    )
}

// ---- verify: a plan against a later Aktivliste ----

pub fn verify_step(s: &super::verify::StepLeft, lang: Lang) -> String {
    let mut parts = Vec::new();
    if let Some(n) = s.step {
        parts.push(format!("{} {n}", lang.pick("trin", "step")));
    }
    if let Some(a) = s.action {
        parts.push(action_label(a, lang).to_lowercase());
    }
    if let Some(f) = s.form {
        parts.push(form_label(f, lang).to_lowercase());
    }
    if let Some(sys) = s.system {
        parts.push(format!("({})", system_label(sys, lang)));
    }
    parts.join(" ")
}

pub fn verify_early(e: &super::verify::Early, lang: Lang) -> String {
    use super::verify::Early as E;
    match e {
        E::StartsAfterSwitch { form, id, date } => format!(
            "{}{} {} {} {}",
            form_label(*form, lang).to_lowercase(),
            id.as_deref().map(|i| format!(" {i}")).unwrap_or_default(),
            lang.pick(
                "aktiv i SMDB med startdato",
                "active in SMDB with start date"
            ),
            fmt_dk(*date),
            lang.pick(
                "(efter skiftedatoen: skulle være registreret i det nye system)",
                "(after the switch date: belongs in the new system)"
            )
        ),
        E::TwoAnmodninger(n) => format!(
            "{n} {}",
            lang.pick(
                "aktive anmodninger (kun én må være aktiv)",
                "active anmodninger (only one may be active)"
            )
        ),
    }
}

/// The report of `verify`, CPR masked.
pub fn verify_report(v: &super::verify::Verification, after: &str, lang: Lang) -> String {
    use super::verify::State;
    let mut s = String::new();
    let mut line = |t: String| {
        s.push_str(&t);
        s.push('\n');
    };
    line(format!(
        "{}: {}, {} {}, {} {after}, {} {}",
        lang.pick("Opfølgning", "Follow-up"),
        model_label(v.model, lang),
        lang.pick("skiftedato", "switch date"),
        fmt_dk(v.switch_date),
        lang.pick("senere liste", "later list"),
        lang.pick("dato", "date"),
        fmt_dk(v.today),
    ));
    let heading = |state: State| match state {
        State::Done => lang.pick(
            "Færdig (ikke længere aktiv i SMDB)",
            "Done (no longer active in SMDB)",
        ),
        State::Blocking => lang.pick("Blokerer stadig", "Still blocking"),
        State::Early => lang.pick(
            "Genindberettet for tidligt eller dobbelt",
            "Re-entered too early or twice",
        ),
        State::Open => lang.pick(
            "Gamle sager stadig åbne i webskemaet (Manuel SMDB)",
            "Old cases still open in the web form (Manuel SMDB)",
        ),
    };
    for state in [State::Blocking, State::Early, State::Open, State::Done] {
        let group: Vec<_> = v.citizens.iter().filter(|c| c.state == state).collect();
        if group.is_empty() {
            continue;
        }
        line(format!("{} ({}):", heading(state), group.len()));
        for c in group {
            let mut what: Vec<String> = c.early.iter().map(|e| verify_early(e, lang)).collect();
            for o in &c.open {
                what.push(format!(
                    "{}{} {} {}, {} {} {}",
                    form_label(o.form, lang).to_lowercase(),
                    o.id.as_deref().map(|i| format!(" {i}")).unwrap_or_default(),
                    lang.pick("startet", "started"),
                    fmt_dk(o.start),
                    lang.pick("åben i", "open for"),
                    o.days,
                    lang.pick("dage", "days"),
                ));
            }
            if matches!(state, State::Blocking | State::Early) && v.model != Model::Mellem {
                if c.steps_left.is_empty() {
                    what.push(
                        lang.pick(
                            "alle planens trin er markeret udført, men borgeren er stadig aktiv",
                            "every step of the plan is marked done, but the citizen is still active",
                        )
                        .to_string(),
                    );
                } else {
                    let steps: Vec<String> = c
                        .steps_left
                        .iter()
                        .map(|st| verify_step(st, lang))
                        .collect();
                    what.push(format!(
                        "{}: {}",
                        lang.pick("mangler", "steps left"),
                        steps.join(", ")
                    ));
                }
            }
            if what.is_empty() {
                line(format!("  {}", c.cpr));
            } else {
                line(format!("  {}: {}", c.cpr, what.join("; ")));
            }
        }
    }
    if !v.new.is_empty() {
        line(format!(
            "{} ({}):",
            lang.pick(
                "Nye borgere siden planen (ikke med i planen)",
                "New citizens since the plan (not in the plan)"
            ),
            v.new.len()
        ));
        for n in &v.new {
            let when = match n.start {
                Some(d) if d > v.switch_date => format!(
                    "{} {} {}",
                    lang.pick("startet", "started"),
                    fmt_dk(d),
                    lang.pick(
                        "i SMDB efter skiftedatoen (hører til i det nye system)",
                        "in SMDB after the switch date (belongs in the new system)"
                    )
                ),
                Some(d) => format!(
                    "{} {} {}",
                    lang.pick("startet", "started"),
                    fmt_dk(d),
                    lang.pick(
                        "før skiftedatoen: mangler i planen",
                        "before the switch date: missing from the plan"
                    )
                ),
                None => String::new(),
            };
            if when.is_empty() {
                line(format!("  {}", n.cpr));
            } else {
                line(format!("  {}: {when}", n.cpr));
            }
        }
    }
    line(if v.blocks() {
        lang.pick(
            "Resultat: noget blokerer stadig eller skal ses af en person.",
            "Result: something still blocks or needs a person.",
        )
        .to_string()
    } else {
        lang.pick(
            "Resultat: intet blokerer det nye system.",
            "Result: nothing blocks the new system.",
        )
        .to_string()
    });
    s
}

pub fn verify_rejected(n: usize, lang: Lang) -> String {
    format!(
        "{n} {}",
        lang.pick(
            "rækker i den senere liste kunne ikke læses; en borger der stadig blokerer kan gemme sig der (kør `skifteplan plan` på listen for detaljer).",
            "rows of the later list could not be read; a citizen who still blocks may hide there (run `skifteplan plan` on the list for details)."
        )
    )
}

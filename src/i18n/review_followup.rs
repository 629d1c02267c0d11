//! The words of follow-up: the confirmation list for DST (`confirm`) and a plan against a later
//! Aktivliste (`verify`).

use crate::domain::date::fmt_dk;
use crate::lang::Lang;
use crate::plan::Model;
use crate::review;

use super::Localize;
use super::domain::{action_label, form_label, model_label, system_label};

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
pub fn confirm_excluded(cpr: &str, why: &review::confirm::Exclusion, lang: Lang) -> String {
    let why = exclusion(why, lang);
    format!("  {} {cpr}: {why}", lang.pick("Udeladt", "Left off"))
}

pub fn confirm_full_cpr_reminder(lang: Lang) -> &'static str {
    lang.pick(
        "Husk: en liste med fuldt CPR-nummer må kun sendes til DST med krypteret mail.",
        "Remember: a list with full CPR numbers goes to DST by encrypted mail only.",
    )
}

// ---- verify: a plan against a later Aktivliste ----

pub fn verify_step(s: &review::verify::StepLeft, lang: Lang) -> String {
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

pub fn verify_early(e: &review::verify::Early, lang: Lang) -> String {
    use review::verify::Early as E;
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

/// The report of `verify`, CPR masked. Each line is one line ([`crate::text::one_line`]): an ID
/// or a file name with a line break in it cannot add a line of its own.
pub fn verify_report(v: &review::verify::Verification, after: &str, lang: Lang) -> String {
    use review::verify::State;
    let mut s = String::new();
    let mut line = |t: String| {
        s.push_str(&crate::text::one_line(&t));
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
    let heading = |state: State| verify_heading(state, lang);
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

/// The heading of a group of citizens in the follow-up report.
pub fn verify_heading(state: review::verify::State, lang: Lang) -> &'static str {
    use review::verify::State;
    match state {
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
    }
}

/// Why a citizen is left off the confirmation list.
pub fn exclusion(why: &review::confirm::Exclusion, lang: Lang) -> String {
    use review::confirm::Exclusion as E;
    match why {
        E::Forgotten => lang
            .pick(
                "glemt sag (afsluttes med de rigtige datoer, slettes aldrig)",
                "forgotten case (closed with its real dates, never deleted)",
            )
            .to_string(),
        E::OpenConflict { kind } => format!(
            "{} ({kind})",
            lang.pick(
                "en konflikt er ikke afgjort; DST må ikke slette noget for borgeren, før den er",
                "a conflict is not decided; DST must delete nothing of the citizen's before it is"
            )
        ),
        E::NotRegistered { done, total } => format!(
            "{}: {done} {} {total} {}",
            lang.pick(
                "endnu ikke registreret i det nye system",
                "not yet registered in the new system"
            ),
            lang.pick("af", "of"),
            lang.pick("registreringer udført", "registrations done")
        ),
        E::UnclearDone { at, value } => format!(
            "{} \"{value}\" ({}): {}",
            lang.pick(
                "Udført kan ikke læses som udført eller ikke udført",
                "Done cannot be read as done or not done"
            ),
            super::review::location(at, lang),
            super::review_check::done_values(lang)
        ),
    }
}

impl Localize for review::verify::State {
    fn localize(&self, lang: Lang) -> String {
        verify_heading(*self, lang).to_string()
    }
}

impl Localize for review::verify::Early {
    fn localize(&self, lang: Lang) -> String {
        verify_early(self, lang)
    }
}

impl Localize for review::verify::StepLeft {
    fn localize(&self, lang: Lang) -> String {
        verify_step(self, lang)
    }
}

impl Localize for review::confirm::Exclusion {
    fn localize(&self, lang: Lang) -> String {
        exclusion(self, lang)
    }
}

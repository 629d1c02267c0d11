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
        E::Twice { old, new } => format!(
            "{} {}{} ({}) {} {}{} ({}): {}",
            lang.pick("den gamle", "the old"),
            form_label(old.form, lang).to_lowercase(),
            seen_id(old),
            fmt_dk(old.date),
            lang.pick(
                "er stadig aktiv i SMDB ved siden af den nye",
                "is still active in SMDB beside the new"
            ),
            form_label(new.form, lang).to_lowercase(),
            seen_id(new),
            fmt_dk(new.date),
            lang.pick("kun én må være aktiv", "only one may be active")
        ),
        E::OtherDate { new, expected } => format!(
            "{}{} {} {}, {} {}",
            form_label(new.form, lang).to_lowercase(),
            seen_id(new),
            lang.pick("genindberettet med startdato", "re-entered with start date"),
            fmt_dk(new.date),
            lang.pick("planen giver", "the plan gives"),
            fmt_dk(*expected)
        ),
    }
}

/// " ID" of a form seen in the list, or nothing.
fn seen_id(f: &review::verify::Seen) -> String {
    f.id.as_deref().map(|i| format!(" {i}")).unwrap_or_default()
}

/// The go-live the follow-up judges by: "go-live 01-04-2026", "(D + 1)" when not given.
pub fn verify_go_live(v: &review::verify::Verification) -> String {
    let mut s = format!("go-live {}", fmt_dk(v.go_live));
    if !v.go_live_given {
        s.push_str(" (D + 1)");
    }
    s
}

/// The report's note when no go-live was given and today is after D + 1: the rules after
/// go-live are applied from D + 1.
pub fn verify_go_live_assumed(lang: Lang) -> &'static str {
    lang.pick(
        "Go-live er ikke angivet: D + 1 er brugt. Angiv --go-live, hvis det nye system gik i drift senere.",
        "No go-live given: D + 1 is used. Give --go-live if the new system went live later.",
    )
}

/// What stands for one citizen of the plan, the same on the screen and in the report: the
/// reasons, the re-entered case or the one missing, the days open, the steps left. Nothing for
/// a citizen done: the group's heading says it all.
pub fn verify_detail(
    c: &review::verify::CitizenReport,
    v: &review::verify::Verification,
    lang: Lang,
) -> String {
    use review::verify::State;
    let mut what: Vec<String> = c.early.iter().map(|e| verify_early(e, lang)).collect();
    for o in &c.open {
        // The days first: they are what the screen's list has room for.
        what.push(format!(
            "{} {} {}: {}{} {} {}",
            lang.pick("åben i", "open for"),
            o.days,
            lang.pick("dage", "days"),
            form_label(o.form, lang).to_lowercase(),
            o.id.as_deref().map(|i| format!(" {i}")).unwrap_or_default(),
            lang.pick("startet", "started"),
            fmt_dk(o.start),
        ));
    }
    if let (State::ReEntered, Some(n)) = (c.state, &c.reentered) {
        what.push(format!(
            "{}: {}{} {} {}",
            lang.pick("genindberettet", "re-entered"),
            form_label(n.form, lang).to_lowercase(),
            seen_id(n),
            lang.pick("med startdato", "with start date"),
            fmt_dk(n.date)
        ));
    }
    if c.state == State::ReentryMissing {
        let when = c.expected.map(fmt_dk).unwrap_or_default();
        what.push(match v.model {
            Model::One => format!(
                "{} {when} {}",
                lang.pick(
                    "slettet i SMDB, men ingen aktiv anmodning med den oprindelige dato",
                    "deleted in SMDB, but no active anmodning with the original date"
                ),
                lang.pick("i listen", "in the list")
            ),
            _ => format!(
                "{} {when} (D + 1) {}",
                lang.pick(
                    "lukket i SMDB, men ingen aktiv anmodning med startdato",
                    "closed in SMDB, but no active anmodning with start date"
                ),
                lang.pick("i listen", "in the list")
            ),
        });
    }
    let steps_shown = matches!(
        c.state,
        State::Blocking | State::Early | State::ReentryMissing
    ) && v.model != Model::Mellem;
    if steps_shown {
        if c.steps_left.is_empty() {
            what.push(
                if c.state == State::ReentryMissing {
                    lang.pick(
                        "planens registreringer i det nye system er markeret udført",
                        "the plan's registrations in the new system are marked done",
                    )
                } else {
                    lang.pick(
                        "alle planens trin er markeret udført, men borgeren er stadig aktiv",
                        "every step of the plan is marked done, but the citizen is still active",
                    )
                }
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
    what.join("; ")
}

/// When a citizen new since the plan started, and what that means.
pub fn verify_new_detail(
    n: &review::verify::NewCitizen,
    switch_date: chrono::NaiveDate,
    lang: Lang,
) -> String {
    match n.start {
        Some(d) if d > switch_date => format!(
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
        "{}: {}, {} {}, {}, {} {after}, {} {}",
        lang.pick("Opfølgning", "Follow-up"),
        model_label(v.model, lang),
        lang.pick("skiftedato", "switch date"),
        fmt_dk(v.switch_date),
        verify_go_live(v),
        lang.pick("senere liste", "later list"),
        lang.pick("dato", "date"),
        fmt_dk(v.today),
    ));
    if !v.go_live_given && v.after_go_live() && v.model != Model::Mellem {
        line(verify_go_live_assumed(lang).to_string());
    }
    for state in State::ALL {
        let group: Vec<_> = v.citizens.iter().filter(|c| c.state == state).collect();
        if group.is_empty() {
            continue;
        }
        line(format!(
            "{} ({}):",
            verify_heading(state, lang),
            group.len()
        ));
        for c in group {
            let what = verify_detail(c, v, lang);
            if what.is_empty() {
                line(format!("  {}", c.cpr));
            } else {
                line(format!("  {}: {what}", c.cpr));
            }
        }
    }
    if !v.new.is_empty() {
        line(format!("{} ({}):", verify_new_heading(lang), v.new.len()));
        for n in &v.new {
            let when = verify_new_detail(n, v.switch_date, lang);
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
            "Genindberettet for tidligt, dobbelt eller med forkert dato",
            "Re-entered too early, twice or on the wrong date",
        ),
        State::ReEntered => lang.pick(
            "Genindberettet (den gamle sag er væk fra SMDB, den nye er aktiv)",
            "Re-entered (the old case is gone from SMDB, the new one is active)",
        ),
        State::ReentryMissing => lang.pick(
            "Ikke genindberettet (væk fra SMDB, men ingen ny sag i listen)",
            "Not re-entered (gone from SMDB, but no new case in the list)",
        ),
        State::Open => lang.pick(
            "Gamle sager stadig åbne i webskemaet (Manuel SMDB)",
            "Old cases still open in the web form (Manuel SMDB)",
        ),
    }
}

/// The heading of the citizens new since the plan.
pub fn verify_new_heading(lang: Lang) -> &'static str {
    lang.pick(
        "Nye borgere siden planen (ikke med i planen)",
        "New citizens since the plan (not in the plan)",
    )
}

/// The short name of a group of citizens, as the follow-up screen lists them.
pub fn verify_label(state: review::verify::State, lang: Lang) -> &'static str {
    use review::verify::State;
    match state {
        State::Done => lang.pick("Færdig", "Done"),
        State::ReEntered => lang.pick("Genindberettet", "Re-entered"),
        State::ReentryMissing => lang.pick("Ikke genindberettet", "Not re-entered"),
        State::Blocking => lang.pick("Blokerer", "Blocking"),
        State::Early => lang.pick("For tidligt/dobbelt", "Early/twice"),
        State::Open => lang.pick("Åben (Manuel SMDB)", "Open (Manuel SMDB)"),
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

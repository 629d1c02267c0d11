//! The words of the e-mail to SMDB@dst.dk.

use crate::domain::date::fmt_dk;
use crate::facts::SwitchFacts;
use crate::lang::Lang;
use crate::plan::Model;
use crate::review::words::NotifyFacts;

use super::domain::model_label;

/// The e-mail to SMDB@dst.dk (guide §2, §6): go-live date, vendor, system, model, the deadline
/// in model 1, and counts. Never a CPR number: only counts leave the plan. The names given (the
/// kommune's goes into the Subject header) and the plan's reason text are each kept to one line
/// ([`crate::text::one_line`]): a line break in them never starts a header line of its own.
pub fn notify_text(facts: &NotifyFacts, info: &SwitchFacts, lang: Lang) -> String {
    let citizens = facts.citizens;
    let forgotten = facts.forgotten;
    let active = citizens.saturating_sub(forgotten);
    let placeholder =
        |given: &Option<String>, da: &str, en: &str| match given.as_deref().map(str::trim) {
            Some(t) if !t.is_empty() => crate::text::one_line(t).into_owned(),
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
    let reason = facts.reason_text.as_deref().map_or_else(
        || crate::plan::DEFAULT_REASON_TEXT.to_string(),
        |r| crate::text::one_line(r).into_owned(),
    );
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

//! The words of `merge`: what merging filled-in action sheets into the progress store would
//! change, what it cannot decide, and what was recorded. The CLI and the UI print the same
//! lines.

use chrono::NaiveDate;

use super::domain::model_label;
use super::review::location;
use super::review_check::done_values;
use crate::domain::cpr::mask_in_text;
use crate::domain::date::fmt_dk;
use crate::lang::Lang;
use crate::merge::{Mark, MergeReport, Place, PlanStep};

fn place(p: &Place, lang: Lang) -> String {
    format!("{} {}", mask_in_text(&p.file), location(&p.at, lang))
}

fn places(ps: &[Place], lang: Lang) -> String {
    let all: Vec<String> = ps.iter().map(|p| place(p, lang)).collect();
    format!("[{}]", all.join("; "))
}

/// "260170-xxxx Registrér Indskrivning (Nyt system) 01-04-2026 Rusmiddelcenter".
fn step(s: &PlanStep, show_cpr: bool, lang: Lang) -> String {
    format!(
        "{} {}",
        s.cpr.display(show_cpr),
        super::progress::step_label(&s.key, lang)
    )
}

fn by(who: Option<&str>, lang: Lang) -> String {
    who.map(|w| format!(" {} {}", lang.pick("af", "by"), mask_in_text(w)))
        .unwrap_or_default()
}

fn done_on(date: Option<NaiveDate>, lang: Lang) -> String {
    match date {
        Some(d) => format!("{} {}", lang.pick("udført", "done"), fmt_dk(d)),
        None => lang
            .pick(
                "udført (uden dato: dagen for fletningen)",
                "done (no date: the day of the merge)",
            )
            .to_string(),
    }
}

/// A mark as a sheet gives it.
pub fn mark(m: &Mark, lang: Lang) -> String {
    match m {
        Mark::Done { date, by: who } => {
            format!("{}{}", done_on(*date, lang), by(who.as_deref(), lang))
        }
        Mark::NotDone => lang.pick("ikke udført", "not done").to_string(),
    }
}

/// A section of the report: its heading with the count, then a line per item; nothing when
/// there are none.
fn section<T>(
    out: &mut Vec<String>,
    title: (&str, &str),
    items: &[T],
    lang: Lang,
    line: impl Fn(&T) -> String,
) {
    if items.is_empty() {
        return;
    }
    out.push(format!(
        "{} ({}):",
        lang.pick(title.0, title.1),
        items.len()
    ));
    out.extend(items.iter().map(|i| format!("  {}", line(i))));
}

/// The report, one line each: the set-up compared under, the new ticks, the changed dates,
/// the unticks, the disagreements, the rows of no action, the unreadable values, a sheet of
/// another set-up, and a count of each. CPR masked unless `show_cpr`.
pub fn report_lines(report: &MergeReport, lang: Lang, show_cpr: bool) -> Vec<String> {
    let mut out = Vec::new();
    let files: Vec<String> = report.files.iter().map(|f| mask_in_text(f)).collect();
    let mut head = format!("{} {}", lang.pick("Flettet:", "Merged:"), files.join(", "));
    if let Some((model, d)) = report.setup {
        head.push_str(&format!(
            " {} {}, D {}",
            lang.pick("mod lagerets opsætning", "against the store's set-up"),
            model_label(model, lang),
            fmt_dk(d)
        ));
    }
    out.push(head);
    for o in &report.other_setup {
        out.push(format!(
            "  {} {} {} {}, D {}; {}",
            lang.pick("Arket", "The sheet"),
            mask_in_text(&o.file),
            lang.pick("er skrevet til", "was written for"),
            model_label(o.model, lang),
            fmt_dk(o.switch_date),
            lang.pick(
                "dets rækker for andre handlinger end planens tælles ikke med",
                "its rows for other actions than the plan's do not count"
            )
        ));
    }
    let new: Vec<_> = report.ticks.iter().filter(|t| t.was.is_none()).collect();
    let redated: Vec<_> = report.ticks.iter().filter(|t| t.was.is_some()).collect();
    section(
        &mut out,
        ("Nye afkrydsninger", "New ticks"),
        &new,
        lang,
        |t| {
            format!(
                "{}: {}{} {}",
                step(&t.step, show_cpr, lang),
                done_on(t.date, lang),
                by(t.by.as_deref(), lang),
                places(&t.from, lang)
            )
        },
    );
    section(
        &mut out,
        ("Ny udført-dato", "New done date"),
        &redated,
        lang,
        |t| {
            let was = t
                .was
                .as_ref()
                .map(|(d, w)| {
                    format!(
                        " ({} {}{})",
                        lang.pick("før", "was"),
                        fmt_dk(*d),
                        by(Some(w), lang)
                    )
                })
                .unwrap_or_default();
            format!(
                "{}: {}{}{was} {}",
                step(&t.step, show_cpr, lang),
                done_on(t.date, lang),
                by(t.by.as_deref(), lang),
                places(&t.from, lang)
            )
        },
    );
    section(
        &mut out,
        (
            "Afkrydsninger der tages tilbage (arket siger ikke udført)",
            "Ticks taken back (the sheet says not done)",
        ),
        &report.unticks,
        lang,
        |u| {
            format!(
                "{}: {} {}{} {}",
                step(&u.step, show_cpr, lang),
                lang.pick("stod som udført", "was done"),
                fmt_dk(u.was.0),
                by(Some(&u.was.1), lang),
                places(&u.from, lang)
            )
        },
    );
    section(
        &mut out,
        (
            "Arkene er uenige – intet ændret for disse",
            "The sheets disagree – nothing changed for these",
        ),
        &report.disagreements,
        lang,
        |dis| {
            format!(
                "{}: {}",
                step(&dis.step, show_cpr, lang),
                marks_text(&dis.marks, lang)
            )
        },
    );
    section(
        &mut out,
        (
            "Ændret i lageret efter arket blev skrevet – ikke brugt (arket har ikke set ændringen; eksportér et nyt ark)",
            "Changed in the store after the sheet was written – not used (the sheet has not seen the change; export a new sheet)",
        ),
        &report.changed_since,
        lang,
        |c| {
            let now = match &c.store {
                Some((d, w)) => format!(
                    "{} {}{}",
                    lang.pick("lageret: udført", "the store: done"),
                    fmt_dk(*d),
                    by(Some(w), lang)
                ),
                None => lang
                    .pick("lageret: ikke udført", "the store: not done")
                    .to_string(),
            };
            format!(
                "{}: {now} ({} {}); {}",
                step(&c.step, show_cpr, lang),
                lang.pick("ændret", "changed"),
                c.changed.format("%d-%m-%Y %H:%M"),
                marks_text(&c.marks, lang)
            )
        },
    );
    section(
        &mut out,
        (
            "Rækker uden handling i den nuværende plan – ikke brugt",
            "Rows of no action of the current plan – not used",
        ),
        &report.unmatched,
        lang,
        |u| {
            format!(
                "{} {}: {}",
                place(&u.place, lang),
                mask_in_text(&u.cpr),
                mark(&u.mark, lang)
            )
        },
    );
    section(
        &mut out,
        (
            "Udført kan ikke læses – ikke brugt",
            "Done cannot be read – not used",
        ),
        &report.unknown,
        lang,
        |u| {
            let whose = u
                .cpr
                .as_deref()
                .map(|c| format!(" {}", mask_in_text(c)))
                .unwrap_or_default();
            format!("{}{whose}: \"{}\"", place(&u.place, lang), u.value)
        },
    );
    if !report.unknown.is_empty() {
        out.push(format!(
            "  {}: {}",
            lang.pick("Skriv", "Write"),
            done_values(lang)
        ));
    }
    out.push(summary(report, lang));
    out
}

/// "I alt: 3 nye, 1 ny dato, 1 tages tilbage, 1 uenig, 2 uden handling, 1 ulæselig; 40 uændret."
fn summary(r: &MergeReport, lang: Lang) -> String {
    let redated = r.ticks.iter().filter(|t| t.was.is_some()).count();
    let parts = [
        (r.ticks.len() - redated, ("nye", "new")),
        (redated, ("ny dato", "new date")),
        (r.unticks.len(), ("tages tilbage", "taken back")),
        (r.disagreements.len(), ("uenige", "disagreeing")),
        (r.unmatched.len(), ("uden handling", "of no action")),
        (r.unknown.len(), ("ulæselige", "unreadable")),
    ];
    let mut said: Vec<String> = parts
        .iter()
        .map(|(n, w)| format!("{n} {}", lang.pick(w.0, w.1)))
        .collect();
    // Said only when there are any, so a report without them reads as before.
    if !r.changed_since.is_empty() {
        said.push(format!(
            "{} {}",
            r.changed_since.len(),
            lang.pick(
                "ændret i lageret efter arket",
                "changed in the store after the sheet"
            )
        ));
    }
    let mut line = format!(
        "{} {}; {} {}",
        lang.pick("I alt:", "In all:"),
        said.join(", "),
        r.unchanged,
        lang.pick("allerede som i lageret", "already as in the store")
    );
    if r.unmatched_blank > 0 {
        line.push_str(&format!(
            "; {} {}",
            r.unmatched_blank,
            lang.pick(
                "tomme rækker uden handling i planen",
                "blank rows of no action of the plan"
            )
        ));
    }
    line.push('.');
    line
}

/// What to do next, after a report without `--apply`.
pub fn apply_hint(report: &MergeReport, lang: Lang) -> &'static str {
    if report.has_changes() {
        lang.pick(
            "Intet er gemt endnu: kør igen med --apply for at gemme ændringerne.",
            "Nothing is saved yet: run again with --apply to record the changes.",
        )
    } else {
        lang.pick("Intet at gemme.", "Nothing to record.")
    }
}

/// Each sheet's mark for a step, where it stands: "a.xlsx Handlinger række 2: ikke udført; …".
fn marks_text(marks: &[(crate::merge::Place, Mark)], lang: Lang) -> String {
    marks
        .iter()
        .map(|(p, m)| format!("{}: {}", place(p, lang), mark(m, lang)))
        .collect::<Vec<_>>()
        .join("; ")
}

/// "Gemt i lageret: 4 ændringer (liste.skifteplan.db)."
pub fn applied(n: usize, path: &std::path::Path, lang: Lang) -> String {
    format!(
        "{} {n} {} ({}).",
        lang.pick("Gemt i lageret:", "Recorded in the store:"),
        lang.pick("ændringer", "changes"),
        mask_in_text(&path.display().to_string())
    )
}

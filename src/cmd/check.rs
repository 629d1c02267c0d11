//! `skifteplan check PLAN`: read a written plan back (action sheet or JSON, possibly edited) and
//! report every rule it breaks, each at its sheet and row with the citizen's masked CPR.

use std::io::Write;

use super::Outcome;
use crate::cli::CheckArgs;
use crate::domain::cpr::mask_in_text;
use crate::domain::date::fmt_dk;
use crate::error::Error;
use crate::lang::Lang;
use crate::review::{self, Finding, PlanRows, words};
use crate::text;

pub fn run(args: &CheckArgs, lang: Lang, out: &mut dyn Write) -> Result<Outcome, Error> {
    let plan = super::read_plan_at(&args.plan)?;
    let findings = review::check(&plan);
    // The report is what `check` is for: a reader that went away (`| head`) ends it quietly
    // (see main), any other failure to write it is an error.
    write_report(out, &plan, &findings, lang)?;
    Ok(if findings.is_empty() {
        Outcome::Clean
    } else {
        Outcome::NeedsAttention
    })
}

/// One line per finding: where, whose, what is wrong, what is expected.
pub fn finding_line(f: &Finding, lang: Lang) -> String {
    let (what, expected) = words::finding(&f.kind, lang);
    let whose = f
        .cpr
        .as_deref()
        .map(|c| format!(" {}", mask_in_text(c)))
        .unwrap_or_default();
    format!(
        "{}{whose}: {what}; {}: {expected}",
        words::location(&f.at, lang),
        words::expected_label(lang)
    )
}

pub fn write_report(
    w: &mut dyn Write,
    plan: &PlanRows,
    findings: &[Finding],
    lang: Lang,
) -> std::io::Result<()> {
    let h = &plan.header;
    let citizens = plan.by_citizen().len();
    writeln!(
        w,
        "{}, {} {}: {} {}, {} {}",
        text::model_label(h.model, lang),
        lang.pick("skiftedato", "switch date"),
        fmt_dk(h.switch_date),
        citizens,
        lang.pick("borgere", "citizens"),
        plan.rows.len(),
        lang.pick("handlinger", "actions"),
    )?;
    for f in findings {
        writeln!(w, "  {}", finding_line(f, lang))?;
    }
    if findings.is_empty() {
        writeln!(
            w,
            "{}",
            lang.pick(
                "Ingen fund: planen følger reglerne.",
                "No findings: the plan follows the rules."
            )
        )?;
    } else {
        writeln!(w, "{}: {}", lang.pick("Fund", "Findings"), findings.len())?;
    }
    if !plan.conflicts.is_empty() {
        let n = plan.conflicts.len();
        let text = match (lang, n) {
            (Lang::Da, 1) => "konflikt står i planen og venter på en person (arket Konflikter).",
            (Lang::Da, _) => "konflikter står i planen og venter på en person (arket Konflikter).",
            (Lang::En, 1) => {
                "conflict is listed in the plan and waits for a person (sheet Konflikter)."
            }
            (Lang::En, _) => {
                "conflicts are listed in the plan and wait for a person (sheet Konflikter)."
            }
        };
        writeln!(w, "{n} {text}")?;
    }
    Ok(())
}

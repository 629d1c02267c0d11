//! `skifteplan check PLAN`: read a written plan back (action sheet or JSON, possibly edited) and
//! report every rule it breaks, each at its sheet and row with the citizen's masked CPR.
//!
//! Every line goes through [`crate::text::write_line`]: a plan's text (a reason, a cell quoted
//! in a finding, a CPR cell) can neither move the cursor nor hide a finding, and anything
//! CPR-like in it is masked.

use std::io::Write;

use super::Outcome;
use crate::cli::CheckArgs;
use crate::domain::cpr::mask_cpr_value;
use crate::domain::date::fmt_dk;
use crate::error::Error;
use crate::i18n::cli::{self, C};
use crate::i18n::domain as text;
use crate::lang::Lang;
use crate::review::{self, Finding, PlanRows, words};

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
        .map(|c| format!(" {}", mask_cpr_value(c)))
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
    let line = |w: &mut dyn Write, s: &str| crate::text::write_line(w, s, false);
    line(
        w,
        &format!(
            "{}, {} {}: {} {}, {} {}",
            text::model_label(h.model, lang),
            C::SwitchDate.get(lang),
            fmt_dk(h.switch_date),
            citizens,
            C::CitizensLower.get(lang),
            plan.rows.len(),
            C::ActionsLower.get(lang),
        ),
    )?;
    if h.model == crate::plan::Model::Two {
        let text = h
            .reason_text
            .as_deref()
            .unwrap_or(crate::plan::DEFAULT_REASON_TEXT);
        line(w, &cli::reason_text_used(text, lang))?;
    }
    for f in findings {
        line(w, &format!("  {}", finding_line(f, lang)))?;
    }
    if findings.is_empty() {
        line(w, C::NoFindings.get(lang))?;
    } else {
        line(w, &format!("{}: {}", C::Findings.get(lang), findings.len()))?;
    }
    if !plan.conflicts.is_empty() {
        let open = plan.conflicts.iter().filter(|c| c.open).count();
        line(w, &cli::conflicts_waiting(plan.conflicts.len(), open, lang))?;
    }
    Ok(())
}

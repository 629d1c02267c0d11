//! `skifteplan notify PLAN --vendor … --system …`: the e-mail text to SMDB@dst.dk from the plan's
//! set-up (no CPR), on standard output or to a file.

use std::io::Write;

use super::{Fatal, Outcome};
use crate::cli::NotifyArgs;
use crate::export;
use crate::lang::Lang;
use crate::plan::Model;
use crate::review::{self, words};

pub fn run(
    args: &NotifyArgs,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Outcome, Fatal> {
    let plan = review::read_plan_file(&args.plan).map_err(|e| Fatal(e.message(lang)))?;
    super::check_mail_dates(&args.mail, plan.header.switch_date, lang)?;
    let info = args.mail.info();
    let text = words::notify_text(&words::NotifyFacts::of_rows(&plan), &info, lang);
    match &args.out {
        Some(path) => {
            export::refuse_input(path, &args.plan).map_err(|e| Fatal(e.message(lang)))?;
            export::write_atomic(path, |w| w.write_all(text.as_bytes()))
                .map_err(|e| Fatal(e.message(lang)))?;
        }
        None => out
            .write_all(text.as_bytes())
            .map_err(|e| Fatal(e.to_string()))?,
    }
    let mut missing = Vec::new();
    if info.vendor.as_deref().is_none_or(|v| v.trim().is_empty()) {
        missing.push("--vendor");
    }
    if info.system.as_deref().is_none_or(|v| v.trim().is_empty()) {
        missing.push("--system");
    }
    if plan.header.model == Model::One && info.deadline.is_none() {
        missing.push("--deadline");
    }
    if missing.is_empty() {
        return Ok(Outcome::Clean);
    }
    let _ = writeln!(
        err,
        "{} {}",
        lang.pick(
            "Udfyld pladsholderne før mailen sendes, eller angiv:",
            "Fill in the placeholders before sending, or give:"
        ),
        missing.join(", ")
    );
    if plan.header.model == Model::One && info.deadline.is_none() {
        let _ = writeln!(
            err,
            "{}",
            lang.pick(
                "Model 1: DST skal have en deadline for genindberetning.",
                "Model 1: DST needs a deadline for re-reporting."
            )
        );
    }
    Ok(Outcome::NeedsAttention)
}

//! `skifteplan notify PLAN --vendor … --system …`: the e-mail text to SMDB@dst.dk from the plan's
//! set-up (no CPR), on standard output or to a file.

use std::io::Write;

use super::Outcome;
use crate::cli::NotifyArgs;
use crate::error::Error;
use crate::export;
use crate::facts::Fact;
use crate::i18n::cli::C;
use crate::lang::Lang;
use crate::review::words;

pub fn run(
    args: &NotifyArgs,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Outcome, Error> {
    args.mail.check_names()?;
    let plan = super::read_plan_at(&args.plan)?;
    let facts = args.mail.facts(plan.header.switch_date);
    facts.check()?;
    let text = export::bundle::mail_text(&words::NotifyFacts::of_rows(&plan), &facts, lang);
    match &args.out {
        Some(path) => {
            export::refuse_input(path, &args.plan)?;
            export::write_mail(path, &text)?;
        }
        None => out.write_all(text.as_bytes())?,
    }
    let missing: Vec<&str> = facts
        .missing_for_mail(plan.header.model)
        .into_iter()
        .map(Fact::flag)
        .collect();
    let no_deadline = missing.contains(&Fact::Deadline.flag());
    if missing.is_empty() {
        return Ok(Outcome::Clean);
    }
    let _ = writeln!(
        err,
        "{} {}",
        C::FillPlaceholders.get(lang),
        missing.join(", ")
    );
    if no_deadline {
        let _ = writeln!(err, "{}", C::DeadlineNeeded.get(lang));
    }
    Ok(Outcome::NeedsAttention)
}

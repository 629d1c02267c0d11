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
    let info = words::NotifyInfo {
        vendor: Some(args.vendor.clone()),
        system: Some(args.system.clone()),
        kommune: args.kommune.clone(),
        go_live: args.go_live,
        deadline: args.deadline,
    };
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
    let needs_deadline = plan.header.model == Model::One && args.deadline.is_none();
    if needs_deadline {
        let _ = writeln!(
            err,
            "{}",
            lang.pick(
                "Model 1: DST skal have en deadline; angiv --deadline DATO.",
                "Model 1: DST needs a deadline; give --deadline DATE."
            )
        );
    }
    Ok(if needs_deadline {
        Outcome::NeedsAttention
    } else {
        Outcome::Clean
    })
}

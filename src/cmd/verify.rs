//! `skifteplan verify --plan PLAN --after LIST [--today D] [--go-live D]`: a written plan against
//! a newer Aktivliste, by model and date: per citizen done, re-entered, re-entry missing, still
//! blocking, re-entered too early or twice, and new citizens; in the interim model the old cases
//! still open with how long. A short report on standard output, CPR masked.

use std::io::Write;

use chrono::Local;

use super::Outcome;
use crate::aktivliste::{self, LoadOptions};
use crate::cli::VerifyArgs;
use crate::error::{Error, FileProblem};
use crate::facts::FactsProblem;
use crate::lang::Lang;
use crate::review::{verify, words};

pub fn run(args: &VerifyArgs, lang: Lang, out: &mut dyn Write) -> Result<Outcome, Error> {
    let plan = super::read_plan_at(&args.plan)?;
    // The plan does not state the go-live: the flag gives it, and it must lie after D.
    if let Some(p) = args
        .go_live
        .and_then(|g| FactsProblem::of_go_live(plan.header.switch_date, g))
    {
        return Err(p.into());
    }
    FileProblem::check(&args.after).map_err(|p| Error::file(&args.after, p))?;
    let list = aktivliste::load(&args.after, &LoadOptions::default())?;
    let today = args.today.unwrap_or_else(|| Local::now().date_naive());
    let v = verify::verify(&plan, &list.citizens, today, args.go_live);
    let name = args
        .after
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    // Masked, and nothing a terminal acts on: IDs and the file name come from the files.
    crate::text::write_lines(out, &words::verify_report(&v, &name, lang))?;
    let rejected = list.rejected.len();
    if rejected > 0 {
        // A row that could not be read may hide a citizen who still blocks.
        crate::text::write_line(out, &words::verify_rejected(rejected, lang), false)?;
    }
    Ok(if v.blocks() || rejected > 0 {
        Outcome::NeedsAttention
    } else {
        Outcome::Clean
    })
}

//! `skifteplan verify --plan PLAN --after LIST`: a written plan against a newer Aktivliste: per
//! citizen done, still blocking, re-entered too early or twice, and new citizens; in the interim
//! model the old cases still open with how long. A short report on standard output, CPR masked.

use std::io::Write;

use chrono::Local;

use super::{Fatal, Outcome};
use crate::aktivliste::{self, LoadOptions};
use crate::cli::VerifyArgs;
use crate::lang::Lang;
use crate::review::{self, verify, words};

pub fn run(args: &VerifyArgs, lang: Lang, out: &mut dyn Write) -> Result<Outcome, Fatal> {
    let plan = review::read_plan_file(&args.plan).map_err(|e| Fatal(e.message(lang)))?;
    let list = aktivliste::load(&args.after, &LoadOptions::default())
        .map_err(|e| Fatal(e.message(lang)))?;
    let today = args.today.unwrap_or_else(|| Local::now().date_naive());
    let v = verify::verify(&plan, &list.citizens, today);
    let name = args
        .after
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    out.write_all(words::verify_report(&v, &name, lang).as_bytes())
        .map_err(|e| Fatal(e.to_string()))?;
    let rejected = list.rejected.len();
    if rejected > 0 {
        // A row that could not be read may hide a citizen who still blocks.
        let _ = writeln!(out, "{}", words::verify_rejected(rejected, lang));
    }
    Ok(if v.blocks() || rejected > 0 {
        Outcome::NeedsAttention
    } else {
        Outcome::Clean
    })
}

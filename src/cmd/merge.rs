//! `skifteplan merge LIST SHEET.xlsx… [--state PATH] [--by INITIALS] [--apply]`: the Udført /
//! Udført af columns people filled in on action sheets, compared with the list's progress store
//! under the store's set-up, reported, and with `--apply` recorded.
//!
//! Exit 0: nothing to record and nothing a person must look at (or, with `--apply`, everything
//! recorded and nothing to look at); 1: changes to record (without `--apply`), or disagreements,
//! rows of no action, unreadable values; 2: not possible (no store, another list's store, no
//! set-up yet, a file that cannot be read).

use std::io::Write;

use chrono::Local;

use super::Outcome;
use crate::aktivliste::{self, Field, LoadOptions};
use crate::cli::MergeArgs;
use crate::domain::cpr::mask_in_text;
use crate::error::{Error, FileProblem};
use crate::i18n::merge::{applied, apply_hint, report_lines};
use crate::lang::Lang;
use crate::merge;
use crate::plan::{self, Settings};
use crate::store::{self, Store};

pub fn run(args: &MergeArgs, lang: Lang, out: &mut dyn Write) -> Result<Outcome, Error> {
    let store_path = args
        .state
        .clone()
        .unwrap_or_else(|| store::default_path(&args.list));
    FileProblem::check(&args.list).map_err(|p| Error::file(&args.list, p))?;
    // Only an existing store: merging never starts the progress of a list.
    if !store_path.is_file() {
        return Err(Error::NoStore(store_path));
    }
    let list_ref = crate::progress::list_ref(&args.list)
        .map_err(|e| Error::file(&args.list, FileProblem::of_io(&e)))?;
    let worker = worker(args.by.as_deref());
    let mut store = Store::open(&store_path, &list_ref, &worker)?;
    if store.list().file_name != list_ref.file_name && !args.force {
        return Err(Error::StoreOfAnotherList {
            store: store_path,
            list: store.list().file_name.clone(),
        });
    }
    let progress = store.progress();
    let saved = progress
        .settings()
        .cloned()
        .ok_or_else(|| Error::NoSetup(store_path.clone()))?;
    // The list as the UI reads it: with the column mappings chosen for it.
    let columns = progress
        .columns()
        .iter()
        .filter_map(|(k, h)| Some((Field::from_key(k)?, h.clone())))
        .collect();
    let list = aktivliste::load(&args.list, &LoadOptions { columns })?;
    let mut settings = Settings::new(saved.model, saved.switch_date);
    settings.reason_text = saved.reason_text.clone();
    settings.decisions = progress
        .decisions()
        .iter()
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let plan = plan::plan(&list.citizens, &settings);
    let sheets = merge::read_sheets(&args.sheets)?;
    let report = merge::compare(&plan, progress, &sheets);

    for line in report_lines(&report, lang, args.show_cpr) {
        writeln!(out, "{line}")?;
    }
    if !args.apply {
        writeln!(out, "{}", apply_hint(&report, lang))?;
        return Ok(if report.has_changes() || report.has_problems() {
            Outcome::NeedsAttention
        } else {
            Outcome::Clean
        });
    }
    if report.has_changes() {
        let now = Local::now().naive_local();
        let under = Some((saved.model, saved.switch_date));
        // One transaction: all of it or none. A tick is recorded under the Udført af its sheet
        // gives, the rest under the worker's initials.
        let changes = report.attributed(now.date(), &worker);
        let recorded = changes.len();
        store.record_by(changes, under, now).map_err(Error::Store)?;
        writeln!(out, "{}", applied(recorded, &store_path, lang))?;
    } else {
        writeln!(out, "{}", apply_hint(&report, lang))?;
    }
    Ok(if report.has_problems() {
        Outcome::NeedsAttention
    } else {
        Outcome::Clean
    })
}

/// Who the changes are recorded under: `--by`, else the initials in the worker's own config,
/// else the system's user name, else "?".
fn worker(by: Option<&str>) -> String {
    let name = by
        .map(crate::userconf::clean_initials)
        .filter(|b| !b.is_empty())
        .unwrap_or_else(|| {
            crate::userconf::UserConfig::load(crate::userconf::default_path()).worker()
        });
    mask_in_text(&name)
}

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
use crate::store;
use crate::workspace::{Notice, Prepared, Question};

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
    if args.apply && worker == "?" {
        return Err(Error::Usage(
            crate::error::UsageProblem::MergeWithoutInitials,
        ));
    }
    // The list as the UI opens it, with the column mappings kept for it, and planned as the UI
    // plans it: under the store's set-up and decisions, the citizens gone from the list since an
    // earlier one included. Nothing is written before --apply.
    let columns = crate::store::read_columns(&store_path)
        .unwrap_or_default()
        .iter()
        .filter_map(|(k, h)| Some((Field::from_key(k)?, h.clone())))
        .collect();
    let list = aktivliste::load(&args.list, &LoadOptions { columns })?;
    let now = Local::now().naive_local();
    let json = crate::progress::default_path(&args.list);
    let prepared = Prepared::new(list, list_ref, (store_path.clone(), json), &worker);
    if let Some(Question::OtherList { store_list }) = prepared
        .questions()
        .iter()
        .find(|q| matches!(q, Question::OtherList { .. }))
        && !args.force
    {
        return Err(Error::StoreOfAnotherList {
            store: store_path,
            list: store_list.clone(),
        });
    }
    let (mut ws, notices) = if args.apply {
        prepared.open(now)
    } else {
        prepared.open_as_is(now)
    };
    if let Some(e) = notices.into_iter().find_map(|n| match n {
        Notice::StoreProblem(e) => Some(e),
        _ => None,
    }) {
        return Err(Error::Store(e));
    }
    let Some(tracked) = ws.plan() else {
        return Err(Error::NoSetup(store_path));
    };
    let sheets = merge::read_sheets(&args.sheets)?;
    let report = merge::compare_since(
        &tracked.plan,
        ws.progress(),
        &sheets,
        &|k| ws.last_change(k),
        Some(now.date()),
    );

    // File names, sheet values and initials come from the files: each line is masked (unless
    // --show-cpr) and shown without anything a terminal acts on.
    for line in report_lines(&report, lang, args.show_cpr) {
        crate::text::write_line(out, &line, args.show_cpr)?;
    }
    if !args.apply {
        crate::text::write_line(out, apply_hint(&report, lang), false)?;
        return Ok(if report.has_changes() || report.has_problems() {
            Outcome::NeedsAttention
        } else {
            Outcome::Clean
        });
    }
    if report.has_changes() {
        // One transaction: all of it or none, recorded by the one merging (who can undo it);
        // a tick carries the Udført af its sheet gives as who did it.
        let changes = report.changes(now.date());
        let recorded = changes.len();
        ws.record_changes(changes, now).map_err(Error::Store)?;
        crate::text::write_line(out, &applied(recorded, &store_path, lang), args.show_cpr)?;
    } else {
        crate::text::write_line(out, apply_hint(&report, lang), false)?;
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

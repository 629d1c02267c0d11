//! Writing the action sheet and JSON from the UI, with the ticks in the Udført column, and the
//! e-mail to DST beside the action sheet (or beside the JSON file without one).
//!
//! The writing runs as a [`Job`](super::job::Job) so the screen keeps drawing: [`ExportWork`]
//! takes what it needs from the workspace on the UI thread (shared, not copied), and [`write`]
//! is the one function the job calls.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{NaiveDate, NaiveDateTime};

use super::job::Progress;
use super::strings::T;
use crate::aktivliste::Aktivliste;
use crate::export::{self, ExportInput, RowProgress};
use crate::lang::Lang;
use crate::plan::{Action, CitizenPlan, Plan};
use crate::progress::TickKey;
use crate::workspace::Workspace;

/// Everything an export writes, taken from the workspace.
pub struct ExportWork {
    list: Arc<Aktivliste>,
    plan: Arc<Plan>,
    ticks: HashMap<TickKey, NaiveDate>,
    xlsx: Option<PathBuf>,
    json: Option<PathBuf>,
    /// The e-mail's text, when the set-up is known.
    mail: Option<String>,
    show_cpr: bool,
    lang: Lang,
    now: NaiveDateTime,
}

/// How an export ended, short of an error.
#[derive(Debug)]
pub enum Exported {
    /// The paths written, in order.
    Written(Vec<PathBuf>),
    /// Stopped before any file was replaced: every file is as it was.
    Cancelled,
}

impl ExportWork {
    /// The chosen exports of the workspace's plan; an error when there is no plan or no file.
    pub fn of(
        ws: &Workspace,
        xlsx: Option<PathBuf>,
        json: Option<PathBuf>,
        show_cpr: bool,
        lang: Lang,
        now: NaiveDateTime,
    ) -> Result<ExportWork, String> {
        let Some(tracked) = ws.plan() else {
            return Err(T::NoPlanYet.get(lang).to_string());
        };
        if xlsx.is_none() && json.is_none() {
            return Err(T::NoFileChosen.get(lang).to_string());
        }
        Ok(ExportWork {
            list: Arc::clone(&ws.list),
            plan: Arc::clone(&tracked.plan),
            ticks: ws.ticks.clone(),
            mail: super::popups::mail::text(ws, lang),
            xlsx,
            json,
            show_cpr,
            lang,
            now,
        })
    }

    /// The action sheet's rows to write (none without an action sheet).
    pub fn rows(&self) -> usize {
        if self.xlsx.is_some() {
            self.plan.action_count()
        } else {
            0
        }
    }
}

/// Writes the chosen exports and the e-mail beside them (never over the list itself), counting
/// the action sheet's rows in `progress`. A cancel is honoured until the first file is in place:
/// after that the rest is written too, so the files written belong together.
pub fn write(work: &ExportWork, progress: &Progress) -> Result<Exported, String> {
    let lang = work.lang;
    let done = |c: &CitizenPlan, a: &Action| -> Option<NaiveDate> {
        work.ticks.get(&TickKey::of(&c.cpr, a)).copied()
    };
    let input = ExportInput {
        plan: &work.plan,
        list: &work.list,
        show_cpr: work.show_cpr,
        lang,
        generated_at: work.now,
        done: &done,
    };
    let list = work.list.path.as_path();
    let mut written: Vec<PathBuf> = Vec::new();
    // A failure after a file was written says which were written, so none is thought lost.
    let failed = |e: export::ExportError, written: &[PathBuf]| {
        let mut m = e.message(lang);
        if !written.is_empty() {
            let names: Vec<String> = written
                .iter()
                .map(|p| super::strings::file_name(p))
                .collect();
            m.push_str(&format!(
                " ({} {})",
                T::WrittenBeforeFailure.get(lang),
                names.join(", ")
            ));
        }
        m
    };
    if progress.cancelled() {
        return Ok(Exported::Cancelled);
    }
    if let Some(p) = work.xlsx.as_deref() {
        export::refuse_input(p, list).map_err(|e| failed(e, &written))?;
        let rows = RowProgress {
            rows: progress.counter(),
            cancel: progress.cancel_flag(),
        };
        match export::write_xlsx_counted(p, &input, rows) {
            // The sheet was written to a temporary file that is gone again: nothing changed.
            Err(_) if progress.cancelled() => return Ok(Exported::Cancelled),
            Err(e) => return Err(failed(e, &written)),
            Ok(()) => written.push(p.to_path_buf()),
        }
    }
    if let Some(p) = work.json.as_deref() {
        if written.is_empty() && progress.cancelled() {
            return Ok(Exported::Cancelled);
        }
        export::refuse_input(p, list).map_err(|e| failed(e, &written))?;
        export::write_json(p, &input).map_err(|e| failed(e, &written))?;
        written.push(p.to_path_buf());
    }
    if let Some(beside) = work.xlsx.as_deref().or(work.json.as_deref())
        && let Some(text) = &work.mail
    {
        let mail = export::mail_path(beside);
        export::refuse_input(&mail, list).map_err(|e| failed(e, &written))?;
        export::write_mail(&mail, text).map_err(|e| failed(e, &written))?;
        written.push(mail);
    }
    Ok(Exported::Written(written))
}

/// Two paths for one file: the same file on disk, or the same place for files not there yet.
pub fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(x), Ok(y)) => x == y,
        _ => std::path::absolute(a).ok() == std::path::absolute(b).ok(),
    }
}

//! Writing the action sheet and JSON from the UI, with the ticks in the Udført column, and the
//! e-mail to DST beside the action sheet (or beside the JSON file without one).
//!
//! The writing runs as a [`Job`](super::job::Job) so the screen keeps drawing: [`ExportWork`]
//! takes what it needs from the workspace on the UI thread (shared, not copied), and [`write`]
//! is the one function the job calls.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use chrono::NaiveDateTime;

use super::job::Progress;
use crate::aktivliste::Aktivliste;
use crate::export::bundle::{Bundle, BundleError, BundleRequest, JsonTarget, Written};
use crate::export::{DoneMark, ExportInput, RowProgress};
use crate::i18n::Localize;
use crate::i18n::ui::{self, T};
use crate::lang::Lang;
use crate::plan::{Action, CitizenPlan, Plan};
use crate::store::{Recorded, StepKey};
use crate::workspace::Workspace;

/// Everything an export writes, taken from the workspace.
pub struct ExportWork {
    list: Arc<Aktivliste>,
    plan: Arc<Plan>,
    ticks: HashMap<StepKey, Recorded>,
    bundle: Bundle,
    rows: usize,
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
    /// The chosen exports of the workspace's plan, under the export bundle's rules (as `plan`
    /// has them: never over the list or the progress file, no two outputs one file, the e-mail
    /// beside the action sheet or the JSON file); an error when there is no plan or no file.
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
        let rows = if xlsx.is_some() {
            tracked.plan.action_count()
        } else {
            0
        };
        let bundle = bundle_for(ws, xlsx, json).map_err(|e| e.localize(lang))?;
        Ok(ExportWork {
            list: Arc::clone(&ws.list),
            plan: Arc::clone(&tracked.plan),
            ticks: ws.progress().ticks().clone(),
            bundle,
            rows,
            show_cpr,
            lang,
            now,
        })
    }

    /// The action sheet's rows to write (none without an action sheet).
    pub fn rows(&self) -> usize {
        self.rows
    }
}

/// The export bundle of the chosen files under the rules `plan` has: never over the list or the
/// progress file, no two outputs one file, the e-mail beside the action sheet or the JSON file.
pub fn bundle_for(
    ws: &Workspace,
    xlsx: Option<PathBuf>,
    json: Option<PathBuf>,
) -> Result<Bundle, BundleError> {
    Bundle::new(BundleRequest {
        xlsx,
        json: json.map(JsonTarget::File),
        mail: super::popups::mail::facts(ws),
        inputs: vec![
            ws.list_path().to_path_buf(),
            ws.store_path().to_path_buf(),
            crate::progress::default_path(ws.list_path()),
        ],
    })
}

/// Writes the chosen exports and the e-mail beside them through the export bundle, counting
/// the action sheet's rows in `progress`. A cancel is honoured until the first file is in place:
/// after that the rest is written too, so the files written belong together.
pub fn write(work: &ExportWork, progress: &Progress) -> Result<Exported, String> {
    let lang = work.lang;
    let done = |c: &CitizenPlan, a: &Action| -> Option<DoneMark> {
        work.ticks.get(&StepKey::of(&c.cpr, a)).map(|r| DoneMark {
            date: r.done,
            by: Some(r.worker.clone()),
        })
    };
    let input = ExportInput {
        plan: &work.plan,
        list: &work.list,
        show_cpr: work.show_cpr,
        lang,
        generated_at: work.now,
        done: &done,
    };
    let rows = RowProgress {
        rows: progress.counter(),
        cancel: progress.cancel_flag(),
    };
    match work
        .bundle
        .write(&input, None, Some(rows), &mut std::io::sink())
    {
        Ok(written) => Ok(Exported::Written(
            written
                .into_iter()
                .filter_map(|w| match w {
                    Written::File(p) => Some(p),
                    Written::Stdout => None,
                })
                .collect(),
        )),
        Err(BundleError::Cancelled) => Ok(Exported::Cancelled),
        // A failure after a file was written says which were written, so none is thought lost.
        Err(BundleError::PartlyWritten { written, error }) => {
            let names: Vec<String> = written.iter().map(|p| ui::file_name(p)).collect();
            Err(format!(
                "{} ({} {})",
                error.message(lang),
                T::WrittenBeforeFailure.get(lang),
                names.join(", ")
            ))
        }
        Err(e) => Err(e.localize(lang)),
    }
}

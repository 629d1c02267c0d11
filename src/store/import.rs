//! The one-time import of a progress file of the earlier format (`<name>.skifteplan.json`) into
//! a new store: its set-up, decisions, column mappings and ticks become events, in one
//! transaction; the file is then kept, renamed, as a backup.

use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveDateTime};

use super::{Change, StepKey, Store, StoreError};
use crate::progress::StateFile;

/// Where an imported progress file is kept: `liste.skifteplan.json` →
/// `liste.skifteplan.imported.json`.
pub fn json_backup_path(json: &Path) -> PathBuf {
    json.with_extension("imported.json")
}

impl Store {
    /// Imports an earlier progress file, once: its ticks carried no date, so `date_of` gives
    /// the date of the step each tick belongs to (its key without a date, see
    /// [`StepKey::undated`]) under the file's own set-up (None where the
    /// plan has no such step: the tick is imported with no date and matches no current step,
    /// but stays in the history). Returns how many events were written; the file is renamed to
    /// [`json_backup_path`] after the import has committed.
    pub fn import_json(
        &mut self,
        json: &Path,
        state: &StateFile,
        date_of: &dyn Fn(&StepKey) -> Option<NaiveDate>,
        now: NaiveDateTime,
    ) -> Result<usize, StoreError> {
        let mut changes = Vec::new();
        let plan = state.settings.as_ref().map(|s| (s.model, s.switch_date));
        if let Some(settings) = &state.settings {
            changes.push(Change::Settings {
                settings: settings.clone(),
            });
        }
        if !state.columns.is_empty() {
            changes.push(Change::Columns {
                columns: state.columns.clone(),
            });
        }
        for (cpr, decision) in &state.decisions {
            changes.push(Change::Decision {
                cpr: cpr.clone(),
                decision: Some(decision.clone()),
            });
        }
        for tick in &state.ticks {
            let mut step = StepKey {
                cpr: tick.cpr.clone(),
                system: tick.system,
                form: tick.form,
                action: tick.action,
                case_id: tick.case_id.clone(),
                detail: tick.detail.clone(),
                date: None,
            };
            step.date = date_of(&step);
            changes.push(Change::Tick {
                step,
                done: tick.done,
                by: None,
            });
        }
        let n = changes.len();
        self.record_all(changes, plan, now)?;
        std::fs::rename(json, json_backup_path(json)).map_err(|e| StoreError::Database {
            path: json.to_path_buf(),
            detail: e.kind().to_string(),
        })?;
        Ok(n)
    }
}

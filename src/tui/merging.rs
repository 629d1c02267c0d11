//! The Excel round trip in the UI: returned action sheets are read for their Udført and Udført
//! af, compared with the progress under the plan on screen (the same comparison and report as
//! `skifteplan merge`), and recorded on a yes, in one transaction.

use std::path::PathBuf;

use super::app::{App, Popup};
use super::popups::ask::{InputFor, Then};
use crate::i18n::Localize;
use crate::i18n::merge::{applied, report_lines};
use crate::i18n::ui::T;
use crate::merge;

impl App {
    /// Asks which returned action sheets to read (the default export's place first).
    pub(crate) fn ask_merge_sheets(&mut self) {
        let lang = self.lang();
        let Some(ws) = self.ws.as_ref().filter(|w| w.is_planned()) else {
            return;
        };
        let input = super::popups::mail::default_xlsx(ws.list_path())
            .display()
            .to_string();
        self.popups.push(Popup::Input {
            title: T::MergeTitle.get(lang).to_string(),
            prompt: vec![
                T::MergePrompt.get(lang).to_string(),
                T::MergePaths.get(lang).to_string(),
            ],
            label: T::PathInput.get(lang).to_string(),
            input,
            error: None,
            for_: InputFor::MergeSheets,
        });
    }

    /// Reads the sheets and shows what would change; a question when there is something to
    /// record. An error is for the input line.
    pub(crate) fn prepare_merge(&mut self, paths: &[PathBuf]) -> Result<(), String> {
        let lang = self.lang();
        let sheets = merge::read_sheets(paths).map_err(|e| e.localize(lang))?;
        let Some(ws) = self.ws.as_ref() else {
            return Err(T::NoPlanYet.get(lang).to_string());
        };
        let Some(tp) = ws.plan() else {
            return Err(T::NoPlanYet.get(lang).to_string());
        };
        let today = self.today();
        let report = merge::compare_since(
            &tp.plan,
            ws.progress(),
            &sheets,
            &|k| ws.last_change(k),
            Some(today),
        );
        let mut lines = report_lines(&report, lang, self.show_cpr);
        if report.has_changes() {
            lines.push(String::new());
            lines.push(T::MergeApply.get(lang).to_string());
            self.popups.push(Popup::Ask {
                title: T::MergeTitle.get(lang).to_string(),
                lines,
                scroll: 0,
                then: Then::Merge,
            });
            self.merge = Some(Box::new(report));
        } else {
            lines.push(String::new());
            lines.push(T::MergeNothing.get(lang).to_string());
            self.popups.push(Popup::Message {
                title: T::MergeTitle.get(lang).to_string(),
                lines,
                error: false,
                scroll: 0,
            });
        }
        Ok(())
    }

    /// Records what the sheets add, by this worker; each tick with the Udført af it was given.
    pub(crate) fn apply_merge(&mut self) {
        let lang = self.lang();
        let (today, now) = (self.today(), self.now());
        let Some(report) = self.merge.take() else {
            return;
        };
        let Some(ws) = self.ws.as_mut() else {
            return;
        };
        let changes = report.changes(today);
        let n = changes.len();
        let r = ws.record_changes(changes, now);
        let place = ws.store_path().to_path_buf();
        self.plan_rebuilt();
        match r {
            Ok(()) => self.status = Some((applied(n, &place, lang), false)),
            Err(e) => self.note_saved(Err(e)),
        }
    }

    pub(crate) fn drop_merge(&mut self) {
        self.merge = None;
        self.status = Some((T::MergeCancelled.get(self.lang()).to_string(), false));
    }
}

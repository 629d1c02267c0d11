//! One export of a plan: the action sheet, the JSON plan and the e-mail to DST, written together
//! under one set of rules. `plan` on the command line and the UI's export both go through here:
//!
//! - no output is written over an input (the list, the decisions file, the progress store);
//! - no two outputs are the same file;
//! - the e-mail goes beside the action sheet, or beside the JSON file without one;
//! - each file is written atomically; a failure after some files were written names them.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::{ExportError, ExportInput, Replan, RowProgress, mail_path, refuse_input};
use crate::facts::SwitchFacts;
use crate::lang::Lang;
use crate::review::words::NotifyFacts;

/// Where the JSON plan goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JsonTarget {
    File(PathBuf),
    /// Standard output (`--json -`).
    Stdout,
}

/// What a person asked to be written.
#[derive(Clone, Debug, Default)]
pub struct BundleRequest {
    pub xlsx: Option<PathBuf>,
    pub json: Option<JsonTarget>,
    /// The switch's facts for the e-mail to DST; None: no e-mail.
    pub mail: Option<SwitchFacts>,
    /// Files that are read, never written: the list, the decisions file, the progress store.
    pub inputs: Vec<PathBuf>,
}

/// A written output.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Written {
    File(PathBuf),
    Stdout,
}

/// Why the outputs asked for cannot be written.
#[derive(Debug)]
pub enum BundleError {
    /// Two outputs would write the same file.
    SameOutput(PathBuf),
    /// An output cannot be written (or would be written over an input).
    Export(ExportError),
    /// Cancelled before the first file was in place: every file is as it was.
    Cancelled,
    /// An output failed after others were written; those stay, complete.
    PartlyWritten {
        written: Vec<PathBuf>,
        error: ExportError,
    },
}

impl From<ExportError> for BundleError {
    fn from(e: ExportError) -> BundleError {
        BundleError::Export(e)
    }
}

/// Outputs that passed the rules, ready to write.
#[derive(Clone, Debug)]
pub struct Bundle {
    xlsx: Option<PathBuf>,
    json: Option<JsonTarget>,
    mail: Option<(PathBuf, SwitchFacts)>,
}

impl Bundle {
    /// Checks the request against the rules before anything is read or written.
    pub fn new(request: BundleRequest) -> Result<Bundle, BundleError> {
        let json_file = match &request.json {
            Some(JsonTarget::File(p)) => Some(p.as_path()),
            _ => None,
        };
        let mail = request.mail.and_then(|facts| {
            request
                .xlsx
                .as_deref()
                .or(json_file)
                .map(|beside| (mail_path(beside), facts))
        });
        let bundle = Bundle {
            xlsx: request.xlsx.clone(),
            json: request.json.clone(),
            mail,
        };
        let outputs = bundle.files();
        for (i, out) in outputs.iter().enumerate() {
            super::check_output(out)?;
            for input in &request.inputs {
                refuse_input(out, input)?;
            }
            if outputs[..i]
                .iter()
                .any(|other| refuse_input(out, other).is_err())
            {
                return Err(BundleError::SameOutput(out.to_path_buf()));
            }
        }
        Ok(bundle)
    }

    /// The files this bundle writes, in the order it writes them.
    pub fn files(&self) -> Vec<&Path> {
        let json = match &self.json {
            Some(JsonTarget::File(p)) => Some(p.as_path()),
            _ => None,
        };
        [
            self.xlsx.as_deref(),
            json,
            self.mail.as_ref().map(|(p, _)| p.as_path()),
        ]
        .into_iter()
        .flatten()
        .collect()
    }

    /// The files that exist already and would be replaced (the UI asks first). Something else
    /// at an output's place (a folder) is not replaced: writing there fails, and says so.
    pub fn existing(&self) -> Vec<PathBuf> {
        self.files()
            .into_iter()
            .filter(|p| p.is_file())
            .map(Path::to_path_buf)
            .collect()
    }

    /// Where the e-mail goes, if one is written.
    pub fn mail_path(&self) -> Option<&Path> {
        self.mail.as_ref().map(|(p, _)| p.as_path())
    }

    /// Writes every output. `replan` plans a citizen's actions again as the action sheet and the
    /// JSON plan write them (an outline plan, see [`crate::plan::plan_outline`]); `progress` counts the action
    /// sheet's rows and carries a cancel, honoured until the first file is in place (after that
    /// the rest is written too, so the files written belong together); `stdout` takes `--json -`.
    pub fn write(
        &self,
        input: &ExportInput<'_>,
        replan: Option<&Replan<'_>>,
        progress: Option<RowProgress<'_>>,
        stdout: &mut dyn Write,
    ) -> Result<Vec<Written>, BundleError> {
        let cancelled = || {
            progress
                .as_ref()
                .is_some_and(|p| p.cancel.load(std::sync::atomic::Ordering::Relaxed))
        };
        let mut written = Vec::new();
        let fail = |written: &[Written], error: ExportError| {
            let files: Vec<PathBuf> = written
                .iter()
                .filter_map(|w| match w {
                    Written::File(p) => Some(p.clone()),
                    Written::Stdout => None,
                })
                .collect();
            if files.is_empty() {
                BundleError::Export(error)
            } else {
                BundleError::PartlyWritten {
                    written: files,
                    error,
                }
            }
        };
        if cancelled() {
            return Err(BundleError::Cancelled);
        }
        if let Some(out) = &self.xlsx {
            match super::write_xlsx_with(out, input, replan, progress) {
                // The sheet went to a temporary file that is gone again: nothing changed.
                Err(_) if cancelled() => return Err(BundleError::Cancelled),
                Err(e) => return Err(fail(&written, e)),
                Ok(()) => written.push(Written::File(out.clone())),
            }
        }
        if written.is_empty() && cancelled() {
            return Err(BundleError::Cancelled);
        }
        match &self.json {
            Some(JsonTarget::File(out)) => {
                super::write_json_with(out, input, replan).map_err(|e| fail(&written, e))?;
                written.push(Written::File(out.clone()));
            }
            Some(JsonTarget::Stdout) => {
                super::write_json_to_with(stdout, input, replan)
                    .and_then(|()| stdout.flush().map_err(ExportError::Io))
                    .map_err(|e| fail(&written, e))?;
                written.push(Written::Stdout);
            }
            None => {}
        }
        if let Some((out, facts)) = &self.mail {
            let text = mail_text(&NotifyFacts::of_plan(input.plan), facts, input.lang);
            super::write_mail(out, &text).map_err(|e| fail(&written, e))?;
            written.push(Written::File(out.clone()));
        }
        Ok(written)
    }
}

/// The e-mail to DST for a plan (in memory: [`NotifyFacts::of_plan`]; read back:
/// [`NotifyFacts::of_rows`]) and the switch's facts, with anything CPR-like in the names typed by
/// a person masked: the e-mail leaves the kommune, so it never carries a CPR number. Each name
/// is one line (no header line can be added through one), and no control or invisible
/// character is left raw ([`crate::text::lines`]).
pub fn mail_text(plan: &NotifyFacts, facts: &SwitchFacts, lang: Lang) -> String {
    let text = crate::review::words::notify_text(plan, facts, lang);
    crate::text::lines(&crate::domain::cpr::mask_in_text(&text)).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(dir: &Path) -> BundleRequest {
        BundleRequest {
            xlsx: Some(dir.join("handlinger.xlsx")),
            json: Some(JsonTarget::File(dir.join("plan.json"))),
            mail: None,
            inputs: vec![dir.join("liste.xlsx")],
        }
    }

    #[test]
    fn the_same_path_for_sheet_and_json_is_refused() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut r = request(dir.path());
        r.json = Some(JsonTarget::File(dir.path().join("handlinger.xlsx")));
        assert!(matches!(
            Bundle::new(r),
            Err(BundleError::SameOutput(p)) if p.ends_with("handlinger.xlsx")
        ));
    }

    #[test]
    fn an_output_over_an_input_is_refused() {
        let dir = tempfile::tempdir().expect("temp dir");
        let list = dir.path().join("liste.xlsx");
        std::fs::write(&list, b"list").expect("write");
        let mut r = request(dir.path());
        r.xlsx = Some(list);
        assert!(matches!(
            Bundle::new(r),
            Err(BundleError::Export(ExportError::SameAsInput(_)))
        ));
    }

    #[test]
    fn the_mail_goes_beside_the_sheet_or_else_the_json_file_and_never_with_stdout() {
        let dir = tempfile::tempdir().expect("temp dir");
        let d = chrono::NaiveDate::from_ymd_opt(2026, 3, 31).expect("date");
        let mut r = request(dir.path());
        r.mail = Some(SwitchFacts::new(d));
        let b = Bundle::new(r.clone()).expect("fine");
        assert_eq!(
            b.mail_path(),
            Some(dir.path().join("handlinger.mail-til-dst.txt").as_path())
        );
        assert_eq!(b.files().len(), 3);
        r.xlsx = None;
        let b = Bundle::new(r.clone()).expect("fine");
        assert_eq!(
            b.mail_path(),
            Some(dir.path().join("plan.mail-til-dst.txt").as_path())
        );
        r.json = Some(JsonTarget::Stdout);
        assert_eq!(Bundle::new(r).expect("fine").mail_path(), None);
    }

    #[test]
    fn existing_files_are_listed_before_they_are_replaced() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("plan.json"), b"{}").expect("write");
        let b = Bundle::new(request(dir.path())).expect("fine");
        assert_eq!(b.existing(), vec![dir.path().join("plan.json")]);
    }
}

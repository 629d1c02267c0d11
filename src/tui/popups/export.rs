//! The export popups: the paths to write (the action sheet and the JSON), the question before
//! replacing files, and the progress while the export runs as a job (the screen keeps drawing;
//! Esc cancels while no file has been replaced).

use std::path::PathBuf;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::{fit_tail, frame_block, show};
use crate::export::bundle::BundleError;
use crate::i18n::Localize;
use crate::i18n::ui::{self, T};
use crate::tui::app::{App, Popup};
use crate::tui::exporting::{self, ExportWork, Exported};
use crate::tui::job::Job;
use crate::tui::keys::Control;
use crate::tui::view::centered;

/// An export being written.
pub struct ExportRun {
    job: Job<Exported>,
    /// The action sheet's rows to write.
    total: usize,
}

impl App {
    /// The export prompt, with the files' default places beside the list. The action sheet and
    /// the e-mail are what a person acts on; the JSON plan (for `check`, `review`, `confirm`
    /// and `verify`) is off until asked for.
    pub(crate) fn export_popup(&self) -> Popup {
        let (xlsx, json) = match self.ws.as_ref() {
            Some(ws) => {
                let p = ws.list_path();
                let stem = p
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_else(|| "aktivliste".into());
                (
                    p.with_file_name(format!("{stem}-handlinger.xlsx")),
                    p.with_file_name(format!("{stem}-plan.json")),
                )
            }
            None => (PathBuf::new(), PathBuf::new()),
        };
        Popup::Export {
            xlsx: xlsx.display().to_string(),
            json: String::new(),
            json_default: json.display().to_string(),
            field: 0,
            error: None,
        }
    }

    /// Keys in the export prompt.
    pub(crate) fn export_prompt_step(&mut self, c: Control) {
        let lang = self.lang();
        let Some(Popup::Export {
            xlsx,
            json,
            json_default,
            field,
            error,
        }) = self.popups.last_mut()
        else {
            return;
        };
        match c {
            // Space in the empty JSON field asks for the JSON plan, at its place beside the list.
            Control::Input(' ') if *field == 1 && json.trim().is_empty() => {
                *json = json_default.clone();
                *error = None;
            }
            Control::Input(ch) => {
                if *field == 0 { xlsx } else { json }.push(ch);
                *error = None;
            }
            Control::Backspace => {
                if *field == 0 { xlsx } else { json }.pop();
            }
            Control::NextField | Control::PrevField => *field = 1 - *field,
            Control::Back => {
                self.popups.pop();
            }
            Control::Confirm => {
                let x = non_empty(xlsx);
                let j = non_empty(json);
                let (x, j) = (x.clone(), j.clone());
                let Some(ws) = self.ws.as_ref() else {
                    return;
                };
                // The bundle's rules, as `plan` has them: never over the list or the progress
                // file, no two outputs one file.
                let checked = exporting::bundle_for(ws, x.clone(), j.clone());
                let Some(Popup::Export { error, .. }) = self.popups.last_mut() else {
                    return;
                };
                let bundle = match checked {
                    Ok(b) => b,
                    Err(BundleError::SameOutput(p)) => {
                        *error = Some(match (&x, &j) {
                            (Some(a), Some(b)) if crate::export::refuse_input(b, a).is_err() => {
                                T::ExportSamePath.get(lang).to_string()
                            }
                            _ => format!(
                                "{} {}",
                                T::ExportOverlap.get(lang),
                                crate::domain::cpr::mask_in_text(&p.display().to_string())
                            ),
                        });
                        return;
                    }
                    Err(e) => {
                        *error = Some(e.localize(lang));
                        return;
                    }
                };
                self.popups.pop();
                // Every file that would be replaced, the e-mail beside the sheet too, is named
                // and asked about first.
                let existing = bundle.existing();
                if existing.is_empty() {
                    self.start_export(x, j);
                } else {
                    self.popups.push(Popup::ConfirmReplace {
                        xlsx: x,
                        json: j,
                        existing,
                    });
                }
            }
            _ => {}
        }
    }

    /// Keys in the question before replacing files.
    pub(crate) fn confirm_replace_step(&mut self, c: Control) {
        let Some(Popup::ConfirmReplace { xlsx, json, .. }) = self.popups.last() else {
            return;
        };
        match c {
            Control::Yes => {
                let (x, j) = (xlsx.clone(), json.clone());
                self.popups.pop();
                self.start_export(x, j);
            }
            Control::No | Control::Back => {
                self.popups.pop();
            }
            _ => {}
        }
    }

    /// Starts writing the export as a job and shows its progress.
    fn start_export(&mut self, xlsx: Option<PathBuf>, json: Option<PathBuf>) {
        let lang = self.lang();
        let now = self.now();
        let Some(ws) = self.ws.as_ref() else {
            return;
        };
        let work = match ExportWork::of(ws, xlsx, json, self.show_cpr, lang, now) {
            Ok(w) => w,
            Err(e) => {
                self.error(
                    T::ErrorTitle,
                    vec![T::ExportFailed.get(lang).to_string(), e],
                );
                return;
            }
        };
        let total = work.rows();
        let job = Job::spawn(
            move |progress| exporting::write(&work, progress),
            move |detail| format!("{}: {detail}", T::ExportInternalError.get(lang)),
            T::ExportInternalError.get(lang).to_string(),
        );
        self.export = Some(ExportRun { job, total });
        self.popups.push(Popup::Exporting);
    }

    /// Keys while the export runs: Esc asks it to stop.
    pub(crate) fn exporting_step(&mut self, c: Control) {
        if c == Control::Back
            && let Some(run) = &self.export
        {
            run.job.cancel();
        }
    }

    /// An export is being written.
    pub fn export_busy(&self) -> bool {
        self.export.is_some()
    }

    /// The action sheet's rows written so far and in all, while an export runs.
    pub fn export_progress(&self) -> Option<(usize, usize)> {
        self.export
            .as_ref()
            .map(|r| (r.job.progress().min(r.total), r.total))
    }

    /// Checks on the export; returns whether the screen changed.
    pub fn poll_export(&mut self) -> bool {
        let Some(run) = &self.export else {
            return false;
        };
        if let Some(result) = run.job.poll() {
            self.finish_export(result);
        }
        true
    }

    /// Waits for the export to end (tests, benchmarks).
    pub fn wait_for_export(&mut self) {
        if let Some(run) = &self.export {
            let result = run.job.wait();
            self.finish_export(result);
        }
    }

    /// Stops an export before quitting: asked to stop, it ends at the next citizen (or writes
    /// the rest once the action sheet is in place), so no temporary file is left behind.
    pub(crate) fn stop_export(&mut self) {
        if let Some(run) = &self.export {
            run.job.cancel();
            let _ = run.job.wait();
            self.export = None;
            self.popups.retain(|p| *p != Popup::Exporting);
        }
    }

    fn finish_export(&mut self, result: Result<Exported, String>) {
        let lang = self.lang();
        self.export = None;
        self.popups.retain(|p| *p != Popup::Exporting);
        match result {
            Ok(Exported::Written(paths)) => {
                let lines: Vec<String> = paths.iter().map(|p| ui::written(p, lang)).collect();
                self.status = lines.first().map(|l| (l.clone(), false));
                self.popups.push(Popup::Message {
                    title: T::ExportedTitle.get(lang).to_string(),
                    lines,
                    error: false,
                    scroll: 0,
                });
            }
            Ok(Exported::Cancelled) => {
                self.status = Some((T::ExportCancelled.get(lang).to_string(), false));
            }
            Err(e) => self.error(
                T::ErrorTitle,
                vec![T::ExportFailed.get(lang).to_string(), e],
            ),
        }
    }
}

fn non_empty(s: &str) -> Option<PathBuf> {
    let t = s.trim();
    (!t.is_empty()).then(|| PathBuf::from(t))
}

/// The export prompt: the two paths, the field being typed in, and why it was refused.
pub(crate) fn draw_prompt(
    frame: &mut Frame,
    app: &App,
    area: Rect,
    (xlsx, json, field, error): (&str, &str, usize, Option<&String>),
) {
    let lang = app.lang();
    let t = &app.theme;
    let w = area.width.saturating_sub(4).min(90);
    let inner_w = w.saturating_sub(4) as usize;
    let mut lines = vec![
        Line::styled(T::ExportNote.get(lang), t.muted),
        Line::raw(""),
        Line::styled(
            T::ExportXlsx.get(lang),
            if field == 0 { t.key } else { t.header },
        ),
        Line::raw(format!(
            "  {}{}",
            fit_tail(xlsx, inner_w.saturating_sub(3)),
            if field == 0 { "█" } else { "" }
        )),
        Line::styled(
            T::ExportJson.get(lang),
            if field == 1 { t.key } else { t.header },
        ),
        if json.is_empty() {
            Line::styled(
                format!(
                    "  {}{}",
                    T::ExportJsonOff.get(lang),
                    if field == 1 { " █" } else { "" }
                ),
                t.muted,
            )
        } else {
            Line::raw(format!(
                "  {}{}",
                fit_tail(json, inner_w.saturating_sub(3)),
                if field == 1 { "█" } else { "" }
            ))
        },
    ];
    if let Some(e) = error {
        lines.push(Line::styled(e.clone(), t.error));
    }
    let rect = centered(area, w, 11);
    show(
        frame,
        rect,
        frame_block(app, T::ExportTitle.get(lang), false),
        Paragraph::new(lines).wrap(Wrap { trim: false }),
    );
}

/// The question before replacing files, naming those that exist.
pub(crate) fn draw_confirm_replace(frame: &mut Frame, app: &App, area: Rect, existing: &[PathBuf]) {
    let lang = app.lang();
    let wide = area.width.saturating_sub(4).min(90);
    let mut lines = vec![Line::raw(T::ConfirmReplacePrompt.get(lang))];
    for p in existing {
        lines.push(Line::styled(format!("  {}", p.display()), app.theme.accent));
    }
    let rect = centered(area, wide.min(76), lines.len() as u16 + 3);
    show(
        frame,
        rect,
        frame_block(app, T::ConfirmReplaceTitle.get(lang), false),
        Paragraph::new(lines).wrap(Wrap { trim: false }),
    );
}

/// The export's progress: rows written of the action sheet's rows, and how to cancel.
pub(crate) fn draw_progress(frame: &mut Frame, app: &App, area: Rect) {
    let lang = app.lang();
    let t = &app.theme;
    let Some(run) = &app.export else {
        return;
    };
    let written = run.job.progress().min(run.total);
    let secs = run.job.elapsed().as_secs();
    let lines = vec![
        Line::raw(format!(
            "{}: {written} / {} · {secs} s",
            T::ExportRowsWritten.get(lang),
            run.total
        )),
        Line::raw(""),
        if run.job.is_cancelled() {
            Line::styled(T::ExportCancelling.get(lang), t.muted)
        } else {
            Line::styled(T::ExportCancelHint.get(lang), t.muted)
        },
    ];
    let rect = centered(area, area.width.saturating_sub(4).min(60), 5);
    show(
        frame,
        rect,
        frame_block(app, T::ExportingTitle.get(lang), false),
        Paragraph::new(lines).wrap(Wrap { trim: false }),
    );
}

//! Review mode's part of the app: opening a written plan (from the command line, or a file on
//! the start screen that turns out to be a plan rather than an Aktivliste) and its part of
//! [`App::step`]. Read-only: nothing is ticked, edited or saved, and no file is written.

use std::path::Path;

use super::app::{App, LoadResult, Popup, Screen, contains};
use super::keys::Control;
use super::reviewview::ReviewView;
use super::screens::loading::read_list;
use super::strings::T;
use crate::aktivliste::LoadOptions;
use crate::domain::cpr::mask_in_text;
use crate::domain::date::fmt_dk;
use crate::lang::Lang;
use crate::review::{self, ReadError, words};
use crate::text;

/// Rows moved by one wheel notch.
const WHEEL: isize = 3;

/// What a background read of a file found: an Aktivliste to plan, or a written plan to review.
pub(crate) enum Opened {
    List(LoadResult),
    Plan(Result<Box<ReviewView>, String>),
}

/// Reads a file as an Aktivliste; when the list reader refuses it and it reads as a written plan
/// (an action sheet or a JSON plan), it is opened for review instead. A file the plan reader
/// recognises as a plan but cannot read (a missing column, a damaged set-up) tells why as a
/// plan; anything else keeps the list reader's message.
pub(crate) fn read_any(path: &Path, options: &LoadOptions, lang: Lang) -> Opened {
    let list_error = match read_list(path, options, lang) {
        Ok(x) => return Opened::List(Ok(x)),
        Err(e) => e,
    };
    match review::read_plan_file(path) {
        Ok(plan) => Opened::Plan(Ok(Box::new(ReviewView::new(path, plan)))),
        Err(
            ReadError::NotAPlan
            | ReadError::MissingSheet(_)
            | ReadError::Io(_)
            | ReadError::Damaged(_)
            | ReadError::TooLarge { .. },
        ) => Opened::List(Err(list_error)),
        Err(e) => Opened::Plan(Err(e.message(lang))),
    }
}

impl App {
    /// Opens a written plan for review on this thread (the command line's `review PLAN`, before
    /// the terminal is set up); the error is one line for a person.
    pub fn open_review_blocking(&mut self, path: &Path) -> Result<(), String> {
        let view = ReviewView::open(path, self.lang())?;
        self.show_review(view);
        Ok(())
    }

    /// Shows a plan read for review.
    pub fn show_review(&mut self, view: ReviewView) {
        self.loading = None;
        self.ws = None;
        self.popups.clear();
        self.review = Some(view);
        self.screen = Screen::Review;
        self.status = None;
    }

    /// Takes what a background read found.
    pub(crate) fn finish_open(&mut self, opened: Opened) {
        match opened {
            Opened::List(r) => self.finish_load(r),
            Opened::Plan(Ok(view)) => self.show_review(*view),
            Opened::Plan(Err(msg)) => {
                self.loading = None;
                self.screen = Screen::Start;
                self.error(T::ErrorTitle, vec![msg]);
            }
        }
    }

    pub(crate) fn review_step(&mut self, c: Control) {
        let lang = self.lang();
        let Some(view) = self.review.as_mut() else {
            self.screen = Screen::Start;
            return;
        };
        let page = view.table_area.height.max(1) as isize;
        self.status = None;
        match c {
            Control::Up => view.move_by(-1),
            Control::Down => view.move_by(1),
            Control::PageUp => view.move_by(-page),
            Control::PageDown => view.move_by(page),
            Control::Home => view.move_by(isize::MIN / 2),
            Control::End => view.move_by(isize::MAX / 2),
            Control::ScrollUp => view.move_by(-WHEEL),
            Control::ScrollDown => view.move_by(WHEEL),
            Control::Click(x, y) => {
                let a = view.table_area;
                if contains(a, x, y) {
                    let pos = view.offset + (y - a.y) as usize;
                    if pos < view.shown() {
                        view.selected = pos;
                    }
                }
            }
            Control::NextFinding | Control::PrevFinding => {
                let forward = c == Control::NextFinding;
                self.status = match view.jump_finding(forward) {
                    None => Some((T::ReviewNoFindingsToJump.get(lang).to_string(), false)),
                    Some(true) => {
                        let t = if forward {
                            T::ReviewWrappedTop
                        } else {
                            T::ReviewWrappedBottom
                        };
                        Some((t.get(lang).to_string(), false))
                    }
                    Some(false) => None,
                };
            }
            Control::Filter => view.toggle_filter(),
            Control::Confirm => {
                if let Some(i) = view.current() {
                    let r = view.row(i);
                    let mut lines = vec![row_summary(r, lang), String::new()];
                    for f in view.findings_of(i) {
                        let (what, expected) = words::finding(&f.kind, lang);
                        lines.push(mask_in_text(&format!("⚠ {what}")));
                        lines.push(mask_in_text(&format!(
                            "  {}: {expected}",
                            words::expected_label(lang)
                        )));
                    }
                    if view.finding_count(i) == 0 {
                        lines.push(format!("✓ {}", T::ReviewNoRowFindings.get(lang)));
                    }
                    self.popups.push(Popup::Message {
                        title: words::location(&r.at, lang),
                        lines,
                        error: false,
                        scroll: 0,
                    });
                }
            }
            Control::GeneralFindings => {
                let lines: Vec<String> = if view.general.is_empty() {
                    vec![T::NoneWord.get(lang).to_string()]
                } else {
                    view.general
                        .iter()
                        .map(|&f| general_line(&view.findings[f as usize], lang))
                        .collect()
                };
                self.popups.push(Popup::Message {
                    title: format!(
                        "{} ({})",
                        T::ReviewGeneralTitle.get(lang),
                        view.general.len()
                    ),
                    lines,
                    error: false,
                    scroll: 0,
                });
            }
            Control::Back => self.quit = true,
            _ => {}
        }
    }
}

/// A finding that concerns no particular row, as one line: where, what, what is expected. The
/// CPR is masked (the plan may hold it in full).
pub(crate) fn general_line(f: &review::Finding, lang: Lang) -> String {
    let (what, expected) = words::finding(&f.kind, lang);
    let whose = f
        .cpr
        .as_deref()
        .map(|c| format!(" {}", crate::domain::cpr::mask_in_text(c)))
        .unwrap_or_default();
    crate::domain::cpr::mask_in_text(&format!(
        "{}{whose}: {what}; {}: {expected}",
        words::location(&f.at, lang),
        words::expected_label(lang)
    ))
}

/// "Anden: Systemskift", or whichever of the two the row has.
pub(crate) fn reason(r: &crate::review::Row) -> String {
    match (&r.reason, &r.reason_text) {
        (Some(a), Some(b)) => format!("{a}: {b}"),
        (Some(a), None) => a.clone(),
        (None, Some(b)) => b.clone(),
        (None, None) => String::new(),
    }
}

/// The Udført cell: its date, or "x" when it holds something else.
pub(crate) fn done(r: &crate::review::Row) -> String {
    match (r.done, r.done_date) {
        (_, Some(d)) => fmt_dk(d),
        (true, None) => "x".to_string(),
        (false, None) => String::new(),
    }
}

/// The row in full on one line: citizen, masked CPR, step, action, dates, reason, case, Udført.
pub(crate) fn row_summary(r: &crate::review::Row, lang: Lang) -> String {
    let mut parts = vec![format!(
        "{} {} {}",
        T::ReviewCitizen.get(lang),
        r.citizen,
        mask_in_text(&r.cpr)
    )];
    if let Some(s) = r.step {
        parts.push(format!("{} {s}", T::StepWord.get(lang)));
    }
    let what: Vec<&str> = [
        r.action.map(|a| text::action_label(a, lang)),
        r.form.map(|f| text::form_label(f, lang)),
        r.system.map(|s| text::system_label(s, lang)),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !what.is_empty() {
        parts.push(what.join(" "));
    }
    if let Some(d) = r.date {
        parts.push(format!("{} {}", T::ColDate.get(lang), fmt_dk(d)));
    }
    if let Some(d) = r.original_date {
        parts.push(format!("{} {}", T::ColOriginal.get(lang), fmt_dk(d)));
    }
    let why = reason(r);
    if !why.is_empty() {
        parts.push(why);
    }
    if let Some(id) = &r.case_id {
        parts.push(format!("{} {id}", T::Case.get(lang)));
    }
    let d = done(r);
    if !d.is_empty() {
        parts.push(format!("{} {d}", T::ColDone.get(lang)));
    }
    mask_in_text(&parts.join(" · "))
}

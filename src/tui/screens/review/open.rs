//! Review mode's part of the app: opening a written plan (from the command line, or a file on
//! the start screen that turns out to be a plan rather than an Aktivliste) and its part of
//! [`App::step`]. Read-only: nothing is ticked, edited or saved, and no file is written.

use std::path::Path;

use super::ReviewView;
use crate::aktivliste::LoadOptions;
use crate::i18n::ui::T;
use crate::lang::Lang;
use crate::review::{self, ReadError};
use crate::tui::app::{App, LoadResult, Screen};
use crate::tui::screens::loading::read_list;

/// What a background read of a file found: an Aktivliste to plan, or a written plan to review.
// Made once per opened file and moved once: the size of the list's variant costs nothing.
#[allow(clippy::large_enum_variant)]
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
            | ReadError::File(_)
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
}

//! The language layer: every human text of the product, Danish (default) and English, lives in
//! this module tree, by area. Code elsewhere asks for a text by its key (an enum, a function, or
//! a value that implements [`Localize`]); it never chooses between two literal texts itself.
//!
//! - [`domain`]: models, forms, actions, systems, parts, conflicts and notes of a plan.
//! - [`list`]: reading an Aktivliste: rejected rows, sheets not used, warnings, load errors.
//! - [`export`]: the action sheet's sheet names, headers and labels, and export errors.
//! - [`review`], [`review_check`], [`review_mail`], [`review_followup`]: reading a plan back,
//!   its findings, the e-mail to DST, the confirmation list and the follow-up report.
//! - [`merge`]: the report of merging filled-in action sheets into the progress store.
//! - [`cli`]: the summaries and messages of the commands.
//! - [`ui`]: the terminal UI's own titles, prompts, hints and key descriptions.

use crate::lang::Lang;

/// Declares a table of fixed texts: an enum of keys with `get(lang)` and `ALL` (every key, for
/// the test that reads every text in both languages).
macro_rules! texts {
    ($(#[$meta:meta])* $vis:vis enum $name:ident { $($key:ident => $da:expr, $en:expr;)* }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        $vis enum $name { $($key),* }
        impl $name {
            /// Every key, in table order.
            pub const ALL: &'static [$name] = &[$($name::$key),*];
            /// The text in `lang`.
            pub fn get(self, lang: Lang) -> &'static str {
                match self { $($name::$key => lang.pick($da, $en)),* }
            }
        }
    };
}

pub mod cli;
#[doc(hidden)]
pub mod danish;
pub mod domain;
pub mod export;
pub mod io;
pub mod list;
pub mod merge;
pub mod progress;
pub mod review;
pub mod review_check;
pub mod review_followup;
pub mod review_mail;
pub mod ui;

#[cfg(test)]
mod tests;

mod edge;
mod store;

/// A value that has words for people, in either language.
pub trait Localize {
    /// The text a person reads, in `lang`.
    fn localize(&self, lang: Lang) -> String;
}

impl Lang {
    /// Picks the Danish or the English text. Only the language layer calls this: everywhere
    /// else a text is reached through its key.
    pub(in crate::i18n) fn pick<'a>(self, da: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Da => da,
            Lang::En => en,
        }
    }
}

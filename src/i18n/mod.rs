//! The language layer: every human text of the product, Danish (default) and English, lives in
//! this module tree, by area. Code elsewhere asks for a text by its key (an enum, a function, or
//! a value that implements [`Localize`]); it never chooses between two literal texts itself.

use crate::lang::Lang;

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
    pub(crate) fn pick<'a>(self, da: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Da => da,
            Lang::En => en,
        }
    }
}

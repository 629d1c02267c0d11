//! The action sheet's names, headers and labels now live in the language layer; this path stays
//! for code that still names it.

pub use crate::i18n::export::*;

//! The UI's texts now live in the language layer; this path stays for code that still names it.

pub use crate::i18n::ui::*;

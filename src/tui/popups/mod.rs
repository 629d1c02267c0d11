//! Popups: each owns its key handling and its drawing in one file.

pub(crate) mod export;

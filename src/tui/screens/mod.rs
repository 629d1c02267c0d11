//! The screens: each owns its state, its keys and its drawing in one file (or one folder).

pub(crate) mod loading;
pub mod plan;
pub mod review;
pub(crate) mod setup;
pub(crate) mod start;
pub(crate) mod summary;
pub(crate) mod verify;

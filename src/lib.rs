//! skifteplan: plan and track a system switch (systemskifte) in Stofmisbrugsdatabasen (SMDB).
//!
//! Layers, each using only the ones before it:
//! reading the list ([`aktivliste`]) → domain model ([`domain`]) → plan engine ([`plan`], pure)
//! → exports ([`export`]) and the faces (CLI in `main.rs`, terminal UI in [`tui`]). A switch
//! being worked through (the list, its state file and the plan with its ticks) is a
//! [`workspace::Workspace`], shared by the faces.

pub mod aktivliste;
pub mod cli;
pub mod cmd;
pub mod domain;
pub mod error;
pub mod export;
pub mod facts;
pub mod i18n;
pub mod input;
pub mod lang;
pub mod merge;
pub mod plan;
pub mod progress;
pub mod review;
pub mod store;
pub mod text;
pub mod tui;
pub mod userconf;
pub mod workspace;

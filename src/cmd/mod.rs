//! The commands behind the CLI. Each returns an [`Outcome`] that `main` maps to an exit code.

pub mod check;
pub mod confirm;
pub mod notify;
pub mod plan;
pub mod verify;

/// How a command ended, for the exit code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// 0: done, nothing needs a person.
    Clean,
    /// 1: done, but something needs a person (conflicts, rejected rows, findings).
    NeedsAttention,
}

impl Outcome {
    pub fn exit_code(self) -> u8 {
        match self {
            Outcome::Clean => 0,
            Outcome::NeedsAttention => 1,
        }
    }
}

/// A command that could not do its job (exit code 2), with a one-line message for a person.
#[derive(Debug)]
pub struct Fatal(pub String);

impl std::fmt::Display for Fatal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Fatal {}

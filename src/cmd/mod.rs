//! The commands behind the CLI. Each returns an [`Outcome`] that `main` maps to an exit code.

pub mod check;
pub mod confirm;
pub mod merge;
pub mod notify;
pub mod plan;
pub mod verify;

use crate::error::Error;

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

/// Reads a written plan (action sheet or JSON) for a command; a file that cannot be read is
/// named with its path, worded as for every other file.
pub fn read_plan_at(path: &std::path::Path) -> Result<crate::review::PlanRows, Error> {
    let bytes = crate::input::read(path).map_err(|e| Error::file(path, e.problem()))?;
    crate::review::read_plan(&bytes).map_err(|error| Error::Plan {
        path: path.to_path_buf(),
        error,
    })
}

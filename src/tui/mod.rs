//! The terminal UI.

use std::path::PathBuf;

use crate::lang::Lang;

/// How the terminal UI is started.
#[derive(Clone, Debug, Default)]
pub struct TuiOptions {
    /// The list to open at once; none opens the start screen.
    pub file: Option<PathBuf>,
    /// Where the progress is saved; default beside the list.
    pub state: Option<PathBuf>,
    pub lang: Lang,
    pub light: bool,
}

/// Runs the UI until the user quits.
pub fn run(options: TuiOptions) -> anyhow::Result<()> {
    let _ = options;
    anyhow::bail!("the terminal UI is not part of this build yet; use `skifteplan plan`")
}

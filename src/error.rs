//! What a person can cause that stops a command, as one type: each case carries the file, sheet,
//! row or flag it concerns and has its exit code; its words come from the language layer
//! ([`crate::i18n`]), in the chosen language. Only `main.rs` turns it into text and an exit code.
//!
//! No case holds a CPR number: paths and details are masked where they are shown.

use std::io;
use std::path::{Path, PathBuf};

use crate::aktivliste::LoadError;
use crate::export::ExportError;
use crate::export::bundle::BundleError;
use crate::facts::FactsProblem;
use crate::plan::Model;
use crate::review::ReadError;

/// Why a file that was given to be read cannot be: one wording for each, wherever it happens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileProblem {
    /// Nothing at that path.
    Missing,
    /// A folder, not a file.
    Folder,
    /// Not a regular file (a FIFO, a device, a socket).
    NotAFile,
    /// The file exists but may not be read (permissions).
    NoAccess,
    /// Larger than any real list ([`crate::input::MAX_BYTES`]): refused before it is read.
    TooLarge { bytes: u64 },
    /// Reading failed otherwise.
    Unreadable(io::ErrorKind),
}

impl FileProblem {
    /// Whether `path` can be opened as a file to read, before reading it: it is opened as
    /// every reader opens it ([`crate::input::open`]), and closed again.
    pub fn check(path: &Path) -> Result<(), FileProblem> {
        crate::input::open(path).map(drop).map_err(|e| e.problem())
    }

    /// The problem behind a failed read.
    pub fn of_io(e: &io::Error) -> FileProblem {
        match e.kind() {
            io::ErrorKind::NotFound => FileProblem::Missing,
            io::ErrorKind::IsADirectory => FileProblem::Folder,
            io::ErrorKind::PermissionDenied => FileProblem::NoAccess,
            kind => FileProblem::Unreadable(kind),
        }
    }
}

/// Everything that stops a command and that a person can mend.
#[derive(Debug)]
pub enum Error {
    /// A file to read cannot be read at all.
    File { path: PathBuf, problem: FileProblem },
    /// The list or the decisions file cannot be used.
    List(LoadError),
    /// A written plan (action sheet or JSON) cannot be read as a plan.
    Plan { path: PathBuf, error: ReadError },
    /// An output cannot be written.
    Export(ExportError),
    /// The outputs asked for cannot be written together.
    Bundle(BundleError),
    /// A date among the switch's facts breaks the guide's order (go-live after D, deadline not
    /// before go-live).
    Facts(FactsProblem),
    /// The description of the model-2 closes is empty, or not the guide's without the override.
    ReasonText(crate::plan::ReasonTextProblem),
    /// `confirm` is for model 1 only.
    ConfirmNeedsModelOne(Model),
    /// A file and a command, or the UI's flags with a command that does not open the UI.
    Usage(UsageProblem),
    /// The terminal UI was started without a terminal.
    NoTerminal,
    /// The file given to the UI could not be opened; the reader's own line, already in the
    /// chosen language (it names the file and what is wrong with it).
    Open(String),
    /// The terminal failed while the UI ran (it went away, or could not be set up).
    Terminal(io::ErrorKind),
    /// The UI was ended by a signal (TERM, HUP, INT, QUIT); everything acknowledged is saved.
    Stopped(&'static str),
    /// The working folder cannot be read (it was removed, or no permission).
    WorkingFolder(io::ErrorKind),
    /// The progress store cannot be opened or written.
    Store(crate::store::StoreError),
    /// `merge`: no progress store at that path.
    NoStore(PathBuf),
    /// `merge`: the store belongs to another list (its file name), and `--force` was not given.
    StoreOfAnotherList { store: PathBuf, list: String },
    /// `merge`: the store has no set-up (model and D) to plan under yet.
    NoSetup(PathBuf),
    /// Writing to standard output or standard error failed (a closed pipe is not an error:
    /// see [`Error::is_broken_pipe`]).
    Output(io::ErrorKind),
}

/// A command line that clap accepts but that asks for two things at once.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UsageProblem {
    /// `skifteplan FILE COMMAND …`.
    FileWithCommand,
    /// `--state` or `--light` before a command that does not open the UI.
    UiFlagWithCommand,
    /// `merge --apply` with no initials to record the changes under (no `--by`, none in the
    /// user's config, no user name).
    MergeWithoutInitials,
    /// `--kommune`, `--vendor` or `--system` holds a line break, a control or an invisible
    /// character: in the e-mail to DST it could add a header line or hide what it says.
    NameNotOneLine(crate::facts::Fact),
}

impl Error {
    /// The process's exit code: every error is 2, "nothing could be done" (1 is for work done
    /// that needs a person, which is not an error).
    pub fn exit_code(&self) -> u8 {
        2
    }

    /// A reader of our output went away (`skifteplan check … | head`): the program ends quietly
    /// with 0, as command-line tools do.
    /// The same holds after files were written first (`--xlsx a.xlsx --json - | head`): those
    /// files are complete.
    pub fn is_broken_pipe(&self) -> bool {
        let pipe = |e: &ExportError| matches!(e, ExportError::Io(e) if e.kind() == io::ErrorKind::BrokenPipe);
        match self {
            Error::Output(kind) => *kind == io::ErrorKind::BrokenPipe,
            Error::Export(e) => pipe(e),
            Error::Bundle(BundleError::PartlyWritten { error, .. }) => pipe(error),
            _ => false,
        }
    }

    /// A failed read of `path` as an error of the file itself.
    pub fn file(path: &Path, problem: FileProblem) -> Error {
        Error::File {
            path: path.to_path_buf(),
            problem,
        }
    }

    /// A list reader's error; a file that cannot be read at all (no such file, not a regular
    /// file, too large) is worded as for every other file.
    pub fn list(e: LoadError) -> Error {
        match e {
            LoadError::NotFound(path) => Error::File {
                path,
                problem: FileProblem::Missing,
            },
            LoadError::File { path, problem } => Error::File { path, problem },
            e => Error::List(e),
        }
    }
}

impl From<LoadError> for Error {
    fn from(e: LoadError) -> Error {
        Error::list(e)
    }
}

impl From<ExportError> for Error {
    fn from(e: ExportError) -> Error {
        Error::Export(e)
    }
}

impl From<BundleError> for Error {
    fn from(e: BundleError) -> Error {
        match e {
            BundleError::Export(e) => Error::Export(e),
            e => Error::Bundle(e),
        }
    }
}

impl From<crate::store::StoreError> for Error {
    fn from(e: crate::store::StoreError) -> Error {
        Error::Store(e)
    }
}

impl From<FactsProblem> for Error {
    fn from(p: FactsProblem) -> Error {
        Error::Facts(p)
    }
}

impl From<io::Error> for Error {
    fn from(e: io::Error) -> Error {
        Error::Output(e.kind())
    }
}

/// English, for logs and `{:#}` chains; a person reads [`crate::i18n::Localize`]'s text.
impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use crate::i18n::Localize;
        f.write_str(&self.localize(crate::lang::Lang::En))
    }
}

impl std::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_file_a_folder_and_a_fifo_are_told_apart() {
        let dir = tempfile::tempdir().expect("temp dir");
        assert_eq!(
            FileProblem::check(&dir.path().join("nope.xlsx")),
            Err(FileProblem::Missing)
        );
        assert_eq!(FileProblem::check(dir.path()), Err(FileProblem::Folder));
        let file = dir.path().join("liste.xlsx");
        std::fs::write(&file, b"x").expect("write");
        assert_eq!(FileProblem::check(&file), Ok(()));
        #[cfg(unix)]
        {
            let fifo = dir.path().join("fifo");
            let made = std::process::Command::new("mkfifo").arg(&fifo).status();
            if made.is_ok_and(|s| s.success()) {
                assert_eq!(FileProblem::check(&fifo), Err(FileProblem::NotAFile));
            }
        }
    }

    #[test]
    fn the_list_readers_missing_file_is_the_one_missing_file() {
        let e = Error::list(LoadError::NotFound(PathBuf::from("liste.xlsx")));
        assert!(matches!(
            e,
            Error::File {
                problem: FileProblem::Missing,
                ..
            }
        ));
    }

    #[test]
    fn only_a_closed_pipe_is_quiet() {
        assert!(Error::Output(io::ErrorKind::BrokenPipe).is_broken_pipe());
        let after_a_file = Error::from(BundleError::PartlyWritten {
            written: vec![PathBuf::from("handlinger.xlsx")],
            error: ExportError::Io(io::Error::from(io::ErrorKind::BrokenPipe)),
        });
        assert!(after_a_file.is_broken_pipe());
        let full_disk = Error::from(BundleError::PartlyWritten {
            written: vec![PathBuf::from("handlinger.xlsx")],
            error: ExportError::Io(io::Error::from(io::ErrorKind::StorageFull)),
        });
        assert!(!full_disk.is_broken_pipe());
        assert!(!Error::Output(io::ErrorKind::StorageFull).is_broken_pipe());
        assert!(!Error::NoTerminal.is_broken_pipe());
    }
}

//! Writing a file so that it is either wholly the new content or untouched: the content goes to a
//! temporary file in the target's directory, is flushed to disk, and is then renamed over the
//! target. On any failure the temporary file is removed and the target keeps its old bytes.
//!
//! The temporary file is created readable by its owner only (the exports hold confidential
//! health data), and the written file keeps those permissions.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use super::temp::Unfinished;
use crate::i18n::Localize;
use crate::lang::Lang;

/// Why an export could not be written. Every message is one line and never holds a CPR number:
/// paths and underlying error texts are passed through [`crate::domain::cpr::mask_in_text`]. The words are in
/// [`crate::i18n::export`]; `Display` is English.
#[derive(Debug)]
pub enum ExportError {
    CreateTemp {
        dir: PathBuf,
        source: io::Error,
    },
    Write {
        path: PathBuf,
        source: io::Error,
    },
    Persist {
        path: PathBuf,
        source: io::Error,
    },
    SameAsInput(PathBuf),
    IsADirectory(PathBuf),
    /// A device, a FIFO or a socket where the output would go: never replaced.
    NotARegularFile(PathBuf),
    /// A sheet of the action sheet would need more rows than Excel has (`rows` below its
    /// header); found before anything is written.
    TooManyRows {
        sheet: &'static str,
        rows: usize,
    },
    Xlsx(String),
    NotAPlan,
    UnsupportedVersion(u32),
    Json(String),
    Io(io::Error),
}

impl ExportError {
    /// The one-line message in the chosen language (Danish by default); English is `Display`.
    pub fn message(&self, lang: Lang) -> String {
        self.localize(lang)
    }
}

impl std::error::Error for ExportError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ExportError::CreateTemp { source, .. }
            | ExportError::Write { source, .. }
            | ExportError::Persist { source, .. }
            | ExportError::Io(source) => Some(source),
            _ => None,
        }
    }
}

impl From<io::Error> for ExportError {
    fn from(e: io::Error) -> ExportError {
        ExportError::Io(e)
    }
}

/// Writes `path` atomically: `write` fills a temporary file in the same directory, which is
/// flushed, synced and renamed over `path`. If `write` or any step fails, `path` is untouched and
/// the temporary file is gone; a signal that stops the program removes it too (see
/// [`super::temp`]), and what a killed program left in the directory is swept first.
///
/// Only a regular file is ever replaced: a device, a FIFO or a socket at `path` is refused, and
/// so is a folder. A symbolic link to a regular file is followed: the file it points to gets the
/// new content (written beside it and renamed over it), and the link stays. A link to nothing
/// is replaced by the file.
pub fn write_atomic(
    path: &Path,
    write: impl FnOnce(&mut (dyn Write + Send)) -> io::Result<()>,
) -> Result<(), ExportError> {
    let target = target(path)?;
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    super::temp::sweep(&dir);
    let mut tmp = Unfinished::create_in(&dir).map_err(|source| ExportError::CreateTemp {
        dir: dir.clone(),
        source,
    })?;
    let write_err = |source| ExportError::Write {
        path: path.to_path_buf(),
        source,
    };
    {
        let mut out = BufWriter::new(tmp.as_file_mut());
        write(&mut out).map_err(write_err)?;
        out.flush().map_err(write_err)?;
    }
    tmp.as_file_mut().sync_all().map_err(write_err)?;
    // On failure the temporary file is removed when `tmp` is dropped.
    tmp.persist(&target)
        .map_err(|source| ExportError::Persist {
            path: path.to_path_buf(),
            source,
        })?;
    // Make the rename itself durable where the platform allows it; best effort.
    #[cfg(unix)]
    if let Ok(d) = File::open(&dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Refuses an output that [`write_atomic`] would refuse for what is at its place (a folder, a
/// device, a FIFO, a socket), before anything is read or written.
pub fn check_output(path: &Path) -> Result<(), ExportError> {
    target(path).map(drop)
}

/// The file a write to `path` replaces: `path` itself, or the regular file a link at `path`
/// points to. Anything else that is there is refused.
fn target(path: &Path) -> Result<PathBuf, ExportError> {
    let Ok(here) = std::fs::symlink_metadata(path) else {
        // Nothing there (or nothing that can be looked at: creating the file will say why).
        return Ok(path.to_path_buf());
    };
    let judged = if here.file_type().is_symlink() {
        match std::fs::metadata(path) {
            Ok(m) => m,
            // A link to nothing: replaced by the file.
            Err(_) => return Ok(path.to_path_buf()),
        }
    } else {
        here.clone()
    };
    if judged.is_dir() {
        return Err(ExportError::IsADirectory(path.to_path_buf()));
    }
    if !judged.is_file() {
        return Err(ExportError::NotARegularFile(path.to_path_buf()));
    }
    if here.file_type().is_symlink() {
        return std::fs::canonicalize(path).map_err(|source| ExportError::Write {
            path: path.to_path_buf(),
            source,
        });
    }
    Ok(path.to_path_buf())
}

/// Writes `bytes` to `path` atomically, with the underlying I/O error kept (a read-only folder
/// must be told apart from other failures): small files of settings and state.
pub fn write_bytes_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomic(path, |w| w.write_all(bytes)).map_err(|e| match e {
        ExportError::CreateTemp { source, .. }
        | ExportError::Write { source, .. }
        | ExportError::Persist { source, .. }
        | ExportError::Io(source) => source,
        other => io::Error::other(other.to_string()),
    })
}

/// Refuses to write `out` when it is the list being read (`input`): the same path after
/// resolving links and `..` when both exist, or the same path as written otherwise.
pub fn refuse_input(out: &Path, input: &Path) -> Result<(), ExportError> {
    let same = match (out.canonicalize(), input.canonicalize()) {
        (Ok(a), Ok(b)) => a == b || same_file(out, input),
        // A file that does not exist yet cannot be the list being read.
        (Err(_), Ok(_)) => false,
        _ => absolute(out) == absolute(input),
    };
    if same {
        Err(ExportError::SameAsInput(out.to_path_buf()))
    } else {
        Ok(())
    }
}

fn absolute(p: &Path) -> PathBuf {
    std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf())
}

/// Two names for one file (hard links).
#[cfg(unix)]
fn same_file(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (std::fs::metadata(a), std::fs::metadata(b)) {
        (Ok(x), Ok(y)) => x.dev() == y.dev() && x.ino() == y.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_: &Path, _: &Path) -> bool {
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn writes_and_replaces() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.json");
        write_atomic(&path, |w| w.write_all(b"first")).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"first");
        write_atomic(&path, |w| w.write_all(b"second")).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"second");
        assert_eq!(entries(dir.path()), ["plan.json"]);
    }

    #[test]
    fn a_writer_failing_midway_leaves_the_old_file_and_no_temp_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("handlinger.xlsx");
        let old: Vec<u8> = (0..=255u8).cycle().take(100_000).collect();
        std::fs::write(&path, &old).unwrap();
        let err = write_atomic(&path, |w| {
            w.write_all(&[7u8; 70_000])?;
            Err(io::Error::other("disk full"))
        })
        .unwrap_err();
        assert!(matches!(err, ExportError::Write { .. }), "{err}");
        assert_eq!(std::fs::read(&path).unwrap(), old);
        assert_eq!(entries(dir.path()), ["handlinger.xlsx"]);
    }

    #[test]
    fn a_missing_directory_is_an_error_and_creates_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nope").join("plan.json");
        let err = write_atomic(&path, |w| w.write_all(b"x")).unwrap_err();
        assert!(matches!(err, ExportError::CreateTemp { .. }));
        assert!(entries(dir.path()).is_empty());
        assert!(!err.message(Lang::Da).contains('\n'));
    }

    #[test]
    fn a_directory_as_target_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let err = write_atomic(dir.path(), |w| w.write_all(b"x")).unwrap_err();
        assert!(matches!(err, ExportError::IsADirectory(_)));
        assert!(entries(dir.path()).is_empty());
    }

    #[test]
    fn refuses_the_input_path() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("aktivliste.xlsx");
        std::fs::write(&input, b"list").unwrap();
        assert!(matches!(
            refuse_input(&input, &input),
            Err(ExportError::SameAsInput(_))
        ));
        // The same file through another spelling of the path.
        let other = dir.path().join(".").join("aktivliste.xlsx");
        assert!(refuse_input(&other, &input).is_err());
        #[cfg(unix)]
        {
            let link = dir.path().join("link.xlsx");
            std::os::unix::fs::symlink(&input, &link).unwrap();
            assert!(refuse_input(&link, &input).is_err());
        }
        assert!(refuse_input(&dir.path().join("plan.xlsx"), &input).is_ok());
        let sibling = dir.path().join("plan2.xlsx");
        std::fs::write(&sibling, b"old").unwrap();
        assert!(refuse_input(&sibling, &input).is_ok());
        assert_eq!(std::fs::read(&input).unwrap(), b"list");
    }

    #[test]
    fn messages_are_one_line_and_mask_cpr() {
        let e = ExportError::SameAsInput(PathBuf::from("/tmp/010190-2000.xlsx"));
        for lang in [Lang::Da, Lang::En] {
            let m = e.message(lang);
            assert!(!m.contains("010190-2000"), "{m}");
            assert!(m.contains("010190-xxxx"), "{m}");
        }
        assert!(e.message(Lang::Da).starts_with("vil ikke"));
        assert!(e.to_string().starts_with("refusing"));
    }
}

//! Opening a file given to be read — a list, a decisions file, a written plan, a returned action
//! sheet — in one way everywhere: the path is opened once, without waiting (a FIFO with no writer
//! would block the open forever), and what was opened is looked at through the open handle, so
//! the file read is the file checked. Only a regular file of at most [`MAX_BYTES`] is read: a
//! FIFO, a device (a link to `/dev/zero` named `.csv`), a socket or a folder is refused with its
//! [`FileProblem`], and so is a file larger than any real list, before a byte of it is read.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

use crate::error::FileProblem;

/// The largest file read (200 MB): far above any real Aktivliste (a national list of 100,000
/// citizens is about 7 MB as `.xlsx`, 15 MB as CSV) and its plans; the JSON plan, the largest,
/// takes about 3.7 kB a citizen, so 200 MB holds one of about 50,000 citizens.
pub const MAX_BYTES: u64 = 200_000_000;

/// Why a file given to be read was not opened.
#[derive(Debug)]
pub enum OpenError {
    /// Opening or looking at it failed (no such file, no permission, a lock).
    Io(io::Error),
    /// It was opened, but is not something to read.
    Refused(FileProblem),
}

impl OpenError {
    /// The problem in the one wording every command uses.
    pub fn problem(&self) -> FileProblem {
        match self {
            OpenError::Io(e) => FileProblem::of_io(e),
            OpenError::Refused(p) => *p,
        }
    }
}

impl From<OpenError> for io::Error {
    fn from(e: OpenError) -> io::Error {
        match e {
            OpenError::Io(e) => e,
            OpenError::Refused(p) => {
                io::Error::other(crate::i18n::Localize::localize(&p, crate::lang::Lang::En))
            }
        }
    }
}

/// What a file's metadata says about reading it.
fn judge(m: &std::fs::Metadata) -> Result<u64, FileProblem> {
    if m.is_dir() {
        Err(FileProblem::Folder)
    } else if !m.is_file() {
        Err(FileProblem::NotAFile)
    } else if m.len() > MAX_BYTES {
        Err(FileProblem::TooLarge { bytes: m.len() })
    } else {
        Ok(m.len())
    }
}

/// Opens `path` to read: a regular file of at most [`MAX_BYTES`], or the reason not. A path
/// that is plainly not a regular file is refused without being opened (opening some devices
/// does something); the open itself does not wait, and the handle's own metadata decides, so a
/// file swapped in between is not read either.
pub fn open(path: &Path) -> Result<File, OpenError> {
    if let Ok(m) = std::fs::metadata(path) {
        judge(&m).map_err(OpenError::Refused)?;
    }
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32);
    }
    let file = options.open(path).map_err(OpenError::Io)?;
    let m = file.metadata().map_err(OpenError::Io)?;
    judge(&m).map_err(OpenError::Refused)?;
    // A regular file: reads from it never wait anyway, but some network file systems honour
    // the flag, so reads go back to the usual blocking kind.
    #[cfg(unix)]
    rustix::fs::fcntl_setfl(&file, rustix::fs::OFlags::empty())
        .map_err(|e| OpenError::Io(e.into()))?;
    Ok(file)
}

/// Reads `path` whole, through [`open`]: never more than [`MAX_BYTES`], even from a file that
/// grows while it is read.
pub fn read(path: &Path) -> Result<Vec<u8>, OpenError> {
    let file = open(path)?;
    read_all(file)
}

/// Reads an opened file whole, at most [`MAX_BYTES`].
pub fn read_all(file: File) -> Result<Vec<u8>, OpenError> {
    let len = file.metadata().map(|m| m.len()).unwrap_or(0);
    let mut bytes = Vec::with_capacity(len.min(MAX_BYTES) as usize);
    file.take(MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(OpenError::Io)?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(OpenError::Refused(FileProblem::TooLarge {
            bytes: bytes.len() as u64,
        }));
    }
    Ok(bytes)
}

/// Hands an opened file to `read` in pieces (to look at every byte without holding them):
/// `read` gets a function that calls its argument with each piece, at most [`MAX_BYTES`] in all.
pub fn read_chunks<T>(
    mut file: File,
    read: impl FnOnce(
        &mut dyn FnMut(&mut dyn FnMut(&[u8])) -> std::io::Result<()>,
    ) -> std::io::Result<T>,
) -> Result<T, OpenError> {
    let mut total: u64 = 0;
    let mut too_large = false;
    let out = read(&mut |piece: &mut dyn FnMut(&[u8])| {
        let mut buf = vec![0u8; 64 * 1024];
        loop {
            let n = match file.read(&mut buf) {
                Ok(0) => return Ok(()),
                Ok(n) => n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            total += n as u64;
            if total > MAX_BYTES {
                too_large = true;
                return Ok(());
            }
            piece(&buf[..n]);
        }
    })
    .map_err(OpenError::Io)?;
    if too_large {
        return Err(OpenError::Refused(FileProblem::TooLarge { bytes: total }));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_regular_file_is_read() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("liste.csv");
        std::fs::write(&path, b"CPR;Navn\n").expect("write");
        assert_eq!(read(&path).expect("read"), b"CPR;Navn\n");
    }

    #[test]
    fn a_missing_file_and_a_folder_are_told_apart() {
        let dir = tempfile::tempdir().expect("temp dir");
        let missing = open(&dir.path().join("nope.csv")).expect_err("missing");
        assert_eq!(missing.problem(), FileProblem::Missing);
        let folder = open(dir.path()).expect_err("a folder");
        assert_eq!(folder.problem(), FileProblem::Folder);
    }

    #[test]
    fn a_file_larger_than_any_list_is_refused_unread() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("stor.csv");
        let f = File::create(&path).expect("create");
        f.set_len(MAX_BYTES + 1).expect("sparse");
        let e = read(&path).expect_err("too large");
        assert_eq!(
            e.problem(),
            FileProblem::TooLarge {
                bytes: MAX_BYTES + 1
            }
        );
        f.set_len(MAX_BYTES).expect("sparse");
        assert_eq!(open(&path).map(|_| ()).map_err(|e| e.problem()), Ok(()));
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_and_a_device_are_refused_at_once() {
        let dir = tempfile::tempdir().expect("temp dir");
        let fifo = dir.path().join("liste.csv");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        assert!(made.is_ok_and(|s| s.success()), "mkfifo");
        assert_eq!(
            open(&fifo).expect_err("a FIFO").problem(),
            FileProblem::NotAFile
        );
        let zero = dir.path().join("nul.csv");
        std::os::unix::fs::symlink("/dev/zero", &zero).expect("symlink");
        assert_eq!(
            read(&zero).expect_err("a device").problem(),
            FileProblem::NotAFile
        );
    }
}

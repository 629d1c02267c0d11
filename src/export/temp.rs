//! The temporary files of atomic writes ([`super::write_atomic`]): what they are called, which
//! are being written right now, their removal when the program is stopped by a signal, and the
//! sweep of those a program that was killed left behind.
//!
//! A temporary file is named `.skifteplan-<host>-<pid>-<random>.tmp`, in the folder of the file
//! it becomes. Every one being written is known to this module until it is renamed into place or
//! removed, so a signal handler ([`remove_on_signals`]) can remove them all before the program
//! ends. A file left by a program killed outright (`kill -9`, a power cut) is removed by a later
//! write into the same folder ([`sweep`]): at once when it was made on this host by a process
//! that no longer runs, and after [`STALE_AFTER`] otherwise (another host's process cannot be
//! asked whether it still runs, and a colleague's write in progress on a shared folder must
//! never be removed).

use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::{Duration, SystemTime};

use tempfile::NamedTempFile;

/// Every temporary file's name starts and ends so.
pub const PREFIX: &str = ".skifteplan-";
pub const SUFFIX: &str = ".tmp";

/// A temporary file not changed for this long is left over whoever made it: a write in progress
/// changes its file every moment, and no write takes a fraction of this.
pub const STALE_AFTER: Duration = Duration::from_secs(12 * 60 * 60);

/// The temporary files being written now.
static UNFINISHED: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn unfinished() -> MutexGuard<'static, Vec<PathBuf>> {
    UNFINISHED.lock().unwrap_or_else(PoisonError::into_inner)
}

/// This host's name as it goes into a file name: letters, digits, `.`, `-` and `_` only.
fn host() -> Option<String> {
    #[cfg(unix)]
    let name = rustix::system::uname()
        .nodename()
        .to_string_lossy()
        .into_owned();
    #[cfg(not(unix))]
    let name = std::env::var("COMPUTERNAME").unwrap_or_default();
    let name: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-') {
                c
            } else {
                '_'
            }
        })
        .take(64)
        .collect();
    (!name.is_empty()).then_some(name)
}

/// The host and process a temporary file's name says made it.
fn maker(name: &str) -> Option<(&str, u32)> {
    let rest = name.strip_prefix(PREFIX)?.strip_suffix(SUFFIX)?;
    let mut parts = rest.rsplitn(3, '-');
    let _random = parts.next()?;
    let pid = parts.next()?.parse().ok()?;
    let host = parts.next().filter(|h| !h.is_empty())?;
    Some((host, pid))
}

/// Whether a process of this host is running (or may be: a process of another user, or no way
/// to ask, counts as running).
fn alive(pid: u32) -> bool {
    #[cfg(unix)]
    {
        let Some(pid) = i32::try_from(pid)
            .ok()
            .and_then(rustix::process::Pid::from_raw)
        else {
            return true;
        };
        !matches!(
            rustix::process::test_kill_process(pid),
            Err(rustix::io::Errno::SRCH)
        )
    }
    #[cfg(not(unix))]
    {
        let _ = pid;
        true
    }
}

/// Removes the temporary files in `dir` that no write will finish: made on this host by a
/// process that has ended, or not changed for [`STALE_AFTER`]. Only regular files named as this
/// module names them are removed; best effort, silent.
pub fn sweep(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let here = host();
    let me = std::process::id();
    let now = SystemTime::now();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        if !(name.starts_with(PREFIX) && name.ends_with(SUFFIX)) {
            continue;
        }
        // Never through a link, never a folder.
        let Ok(meta) = entry.metadata() else { continue };
        if !meta.is_file() {
            continue;
        }
        let ended = maker(name)
            .is_some_and(|(host, pid)| here.as_deref() == Some(host) && pid != me && !alive(pid));
        let stale = meta
            .modified()
            .ok()
            .and_then(|m| now.duration_since(m).ok())
            .is_some_and(|age| age > STALE_AFTER);
        if ended || stale {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// A temporary file being written: known to this module from its creation until it is renamed
/// into place or removed (when dropped).
pub struct Unfinished {
    /// The named file: taken when renamed into place, removed when dropped before that.
    file: Option<NamedTempFile>,
    /// The same file open for writing.
    handle: File,
}

impl Unfinished {
    /// Creates a temporary file in `dir`, readable by its owner only.
    pub fn create_in(dir: &Path) -> io::Result<Unfinished> {
        let prefix = format!(
            "{PREFIX}{}-{}-",
            host().unwrap_or_else(|| "host".to_string()),
            std::process::id()
        );
        // Created and noted under the lock, so a signal never finds a file it does not know.
        let mut list = unfinished();
        let file = tempfile::Builder::new()
            .prefix(&prefix)
            .suffix(SUFFIX)
            .tempfile_in(dir)?;
        let handle = file.as_file().try_clone()?;
        list.push(file.path().to_path_buf());
        Ok(Unfinished {
            file: Some(file),
            handle,
        })
    }

    /// The file, to write and sync.
    pub fn as_file_mut(&mut self) -> &mut File {
        &mut self.handle
    }

    #[cfg(test)]
    fn path(&self) -> Option<&Path> {
        self.file.as_ref().map(NamedTempFile::path)
    }

    /// Renames the file over `target`. On failure the file stays unfinished (and is removed
    /// when dropped).
    pub fn persist(mut self, target: &Path) -> io::Result<()> {
        let mut list = unfinished();
        let Some(file) = self.file.take() else {
            return Ok(());
        };
        let path = file.path().to_path_buf();
        match file.persist(target) {
            Ok(_) => {
                list.retain(|p| *p != path);
                Ok(())
            }
            Err(e) => {
                self.file = Some(e.file);
                Err(e.error)
            }
        }
    }
}

impl Drop for Unfinished {
    fn drop(&mut self) {
        let mut list = unfinished();
        if let Some(file) = self.file.take() {
            let path = file.path().to_path_buf();
            // Removes the file.
            drop(file);
            list.retain(|p| *p != path);
        }
    }
}

/// Removes every temporary file being written, and keeps any other from being created or
/// renamed into place until the program ends: for a program about to end at once
/// (`std::process::exit`) in the middle of a write. Returns how many were removed.
pub fn abandon() -> usize {
    let list = unfinished();
    let removed = list
        .iter()
        .filter(|p| std::fs::remove_file(p).is_ok())
        .count();
    // Held until the program ends: a write that has not finished never will.
    std::mem::forget(list);
    removed
}

/// For the commands that run without the terminal UI: SIGTERM, SIGINT (Ctrl-C) and SIGHUP end
/// the program after the temporary files being written are removed, with `line(signal name)`
/// on standard error and exit code 2. Without it, the signal would end the program with the
/// temporary file left behind. A registration that fails leaves the signal's default.
#[cfg(unix)]
pub fn remove_on_signals(line: impl Fn(&'static str) -> String + Send + 'static) {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGTERM, SIGINT, SIGHUP]) else {
        return;
    };
    let _ = std::thread::Builder::new()
        .name("stop-signals".into())
        .spawn(move || {
            if let Some(signal) = signals.forever().next() {
                abandon();
                let name = match signal {
                    SIGTERM => "SIGTERM",
                    SIGINT => "SIGINT",
                    _ => "SIGHUP",
                };
                use std::io::Write;
                let _ = writeln!(std::io::stderr(), "{}", line(name));
                std::process::exit(2);
            }
        });
}

#[cfg(not(unix))]
pub fn remove_on_signals(_line: impl Fn(&'static str) -> String + Send + 'static) {}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(dir)
            .expect("read dir")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn a_name_tells_its_host_and_process() {
        assert_eq!(
            maker(".skifteplan-srv-01.kommune.dk-4242-aB3xYz.tmp"),
            Some(("srv-01.kommune.dk", 4242))
        );
        // Written before names held the maker: only their age can tell.
        assert_eq!(maker(".skifteplan-aB3xYz.tmp"), None);
        assert_eq!(maker(".skifteplan--4242-aB3xYz.tmp"), None);
        assert_eq!(maker("plan.json"), None);
    }

    #[test]
    fn an_unfinished_file_is_known_until_it_is_in_place_or_gone() {
        let dir = tempfile::tempdir().expect("temp dir");
        let t = Unfinished::create_in(dir.path()).expect("create");
        let path = t.path().expect("a path").to_path_buf();
        let name = path
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        assert!(name.starts_with(PREFIX) && name.ends_with(SUFFIX), "{name}");
        assert_eq!(maker(&name).map(|(_, pid)| pid), Some(std::process::id()));
        assert!(unfinished().contains(&path));
        t.persist(&dir.path().join("plan.json")).expect("persist");
        assert!(!unfinished().contains(&path));
        assert_eq!(names(dir.path()), ["plan.json"]);
        let t = Unfinished::create_in(dir.path()).expect("create");
        let path = t.path().expect("a path").to_path_buf();
        drop(t);
        assert!(!unfinished().contains(&path));
        assert_eq!(names(dir.path()), ["plan.json"]);
    }

    #[test]
    fn the_sweep_removes_what_no_write_will_finish_and_nothing_else() {
        let dir = tempfile::tempdir().expect("temp dir");
        let here = host().expect("a host name");
        // A process of this host that has ended: a child run to its end.
        let mut child = std::process::Command::new("true").spawn().expect("true");
        let ended = child.id();
        child.wait().expect("wait");
        let write = |name: &str| {
            std::fs::write(dir.path().join(name), b"x").expect("write");
            name.to_string()
        };
        let dead = write(&format!("{PREFIX}{here}-{ended}-aaaaaa{SUFFIX}"));
        let running = write(&format!(
            "{PREFIX}{here}-{}-bbbbbb{SUFFIX}",
            std::process::id()
        ));
        let other_host = write(&format!("{PREFIX}anden-vaert-{ended}-cccccc{SUFFIX}"));
        let old_style = write(&format!("{PREFIX}dddddd{SUFFIX}"));
        let old = write(&format!("{PREFIX}anden-vaert-1-eeeeee{SUFFIX}"));
        let long_ago = SystemTime::now() - STALE_AFTER - Duration::from_secs(60);
        File::options()
            .write(true)
            .open(dir.path().join(&old))
            .expect("open")
            .set_modified(long_ago)
            .expect("set mtime");
        let list = write("plan.json");
        sweep(dir.path());
        let left = names(dir.path());
        assert!(!left.contains(&dead), "{left:?}");
        assert!(!left.contains(&old), "{left:?}");
        for kept in [&running, &other_host, &old_style, &list] {
            assert!(left.contains(kept), "{kept} removed: {left:?}");
        }
    }
}

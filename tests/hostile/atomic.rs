//! Atomic saves: a write that fails midway leaves the previous file intact and readable.

use super::*;

/// Plans a small list with the binary, writing the action sheet and the JSON into `dir`.
fn previous_exports(dir: &Path) -> (PathBuf, PathBuf) {
    let xlsx = dir.join("handlinger.xlsx");
    let json = dir.join("plan.json");
    let o = skifteplan()
        .args(["plan", corpus("komma.csv").to_str().unwrap()])
        .args(["--model", "2", "--switch-date", "2026-03-31"])
        .args(["--xlsx", xlsx.to_str().unwrap()])
        .args(["--json", json.to_str().unwrap()])
        .run();
    if o.code() == 2 {
        o.fail("the small list does not plan");
    }
    (xlsx, json)
}

fn assert_exports_intact(xlsx: &Path, json: &Path, before: &(Vec<u8>, Vec<u8>)) {
    use calamine::{Reader, open_workbook_auto};
    assert_eq!(
        std::fs::read(xlsx).unwrap(),
        before.0,
        "the action sheet changed"
    );
    assert_eq!(std::fs::read(json).unwrap(), before.1, "the JSON changed");
    let mut wb = open_workbook_auto(xlsx).expect("the action sheet still opens");
    let first = wb.sheet_names()[0].clone();
    wb.worksheet_range(&first).expect("and reads");
    skifteplan::export::from_reader(std::fs::File::open(json).unwrap())
        .expect("the JSON still loads");
}

/// Writes half of `bytes`, then fails as a disk does (a macro so the closure takes whatever
/// writer type `write_atomic` hands it).
macro_rules! half_then_fail {
    ($bytes:expr) => {
        |w| {
            let bytes: &[u8] = $bytes;
            w.write_all(&bytes[..bytes.len() / 2])?;
            w.flush()?;
            Err(std::io::Error::other("the device went away"))
        }
    };
}

fn no_temporary_files_left(dir: &Path) {
    let left: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(left.is_empty(), "temporary files left: {left:?}");
}

#[test]
fn a_failing_write_leaves_the_previous_exports_intact() {
    use skifteplan::export::{ExportError, write_atomic};
    let dir = tempfile::tempdir().unwrap();
    let (xlsx, json) = previous_exports(dir.path());
    let before = (std::fs::read(&xlsx).unwrap(), std::fs::read(&json).unwrap());
    // Something else that is large, written over each export, failing halfway.
    let other: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
    for path in [&xlsx, &json] {
        let e = write_atomic(path, half_then_fail!(&other)).unwrap_err();
        assert!(matches!(e, ExportError::Write { .. }), "{e:?}");
        assert!(!e.to_string().contains('\n'));
    }
    assert_exports_intact(&xlsx, &json, &before);
    no_temporary_files_left(dir.path());
}

#[test]
fn a_failing_write_leaves_the_previous_state_file_intact() {
    use skifteplan::progress::{ListRef, ReadOutcome, StateFile, read, save};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("liste.skifteplan.json");
    let mut state = StateFile::new(ListRef::default());
    state.citizens = vec!["0101902000".to_string()];
    save(&path, &state).unwrap();
    let before = std::fs::read(&path).unwrap();
    // The state file's own writer, failing halfway.
    let e = skifteplan::export::write_atomic(&path, half_then_fail!(&before)).unwrap_err();
    assert!(!e.to_string().contains('\n'));
    assert_eq!(std::fs::read(&path).unwrap(), before);
    match read(&path).unwrap() {
        ReadOutcome::Loaded(s) => assert_eq!(*s, state),
        other => panic!("{other:?}"),
    }
    no_temporary_files_left(dir.path());
}

/// A 64 KiB tmpfs, unmounted when dropped.
struct SmallDisk(tempfile::TempDir);

impl SmallDisk {
    fn mount() -> Option<SmallDisk> {
        let dir = tempfile::tempdir().ok()?;
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", "size=64k", "tmpfs"])
            .arg(dir.path())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        ok.then_some(SmallDisk(dir))
    }
    fn path(&self) -> &Path {
        self.0.path()
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.0.path()).status();
    }
}

#[test]
fn a_full_disk_leaves_the_previous_files_intact() {
    use skifteplan::progress::{ListRef, ReadOutcome, StateFile, read, save};
    let Some(disk) = SmallDisk::mount() else {
        eprintln!("note: cannot mount a small tmpfs here (not root?): full-disk test skipped");
        return;
    };
    // The state file: a small one saved, then one too large for the disk.
    let path = disk.path().join("liste.skifteplan.json");
    let mut state = StateFile::new(ListRef::default());
    state.citizens = vec!["0101902000".to_string()];
    save(&path, &state).unwrap();
    let before = std::fs::read(&path).unwrap();
    let mut big = state.clone();
    big.citizens = (0..20_000u32).map(|i| format!("{i:010}")).collect();
    let e = save(&path, &big).unwrap_err();
    eprintln!("full disk, state file: {e}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
    match read(&path).unwrap() {
        ReadOutcome::Loaded(s) => assert_eq!(*s, state),
        other => panic!("{other:?}"),
    }
    no_temporary_files_left(disk.path());
    // The exports: written by the plan command, then something larger than the disk.
    let (xlsx, json) = previous_exports(disk.path());
    let before = (std::fs::read(&xlsx).unwrap(), std::fs::read(&json).unwrap());
    let big = vec![b' '; 128 * 1024];
    for path in [&xlsx, &json] {
        let e = skifteplan::export::write_atomic(path, |w| w.write_all(&big)).unwrap_err();
        eprintln!("full disk, export: {e}");
    }
    assert_exports_intact(&xlsx, &json, &before);
    no_temporary_files_left(disk.path());
}

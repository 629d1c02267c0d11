//! Zip bombs refused before anything is unpacked: the unpacked sizes a workbook's parts declare
//! in its central directory, against what a real list or plan holds.

use std::io::Read;
use std::path::Path;

use super::error::{LoadError, SpreadsheetProblem};
use super::source::detail;

/// The most a zip part read whole into memory (shared strings, styles, an `.ods` sheet) may
/// unpack to, and the most a streamed worksheet part may unpack to (time, not memory).
const MAX_WHOLE_PART: u64 = 64 << 20;
const MAX_STREAMED_PART: u64 = 512 << 20;

/// What a zip's central directory shows to be wrong, before anything is unpacked.
#[derive(Debug)]
pub enum ZipProblem {
    Io(std::io::Error),
    Damaged(&'static str),
    /// A part declares more unpacked bytes than allowed (`u64::MAX`: zip64, beyond 4 GiB).
    TooLarge {
        part: String,
        size: u64,
    },
    /// Two parts have the same name, as a reader looks names up (`\\` as `/`, case ignored):
    /// which one it takes is a guess.
    Duplicate {
        part: String,
    },
}

/// Refuses a zip whose parts declare unpacked sizes no real file has (a zip bomb), before any
/// part is unpacked: a worksheet may unpack to `max_sheet` bytes, any other part (shared
/// strings, styles, an `.ods` sheet) to 64 MiB. The zip reader enforces the declared sizes
/// while unpacking, so a part cannot unpack to more than it declares here. Reads only the
/// central directory. Two parts of the same name are refused too.
pub fn check_zip_parts<R: Read + std::io::Seek>(
    r: &mut R,
    max_sheet: u64,
) -> Result<(), ZipProblem> {
    use std::io::SeekFrom;
    let len = r.seek(SeekFrom::End(0)).map_err(ZipProblem::Io)?;
    // The end-of-central-directory record: 22 bytes plus a comment of up to 64 KiB.
    let tail_len = len.min(22 + 0xFFFF);
    r.seek(SeekFrom::Start(len - tail_len))
        .map_err(ZipProblem::Io)?;
    let mut tail = vec![0u8; tail_len as usize];
    r.read_exact(&mut tail).map_err(ZipProblem::Io)?;
    let Some(eocd) = (0..tail.len().saturating_sub(21))
        .rev()
        .find(|&i| tail[i..].starts_with(b"PK\x05\x06"))
    else {
        return Err(ZipProblem::Damaged(
            "no zip central directory (the file is cut short)",
        ));
    };
    let u16_at = |b: &[u8], i: usize| u16::from_le_bytes([b[i], b[i + 1]]);
    let u32_at = |b: &[u8], i: usize| u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]);
    let entries = u16_at(&tail, eocd + 10);
    let dir_size = u32_at(&tail, eocd + 12);
    let dir_start = u32_at(&tail, eocd + 16);
    if entries == 0xFFFF || dir_size == u32::MAX || dir_start == u32::MAX {
        // Zip64: only needed for parts beyond 4 GiB, which no list or plan has.
        return Err(ZipProblem::TooLarge {
            part: "zip64".to_string(),
            size: u64::MAX,
        });
    }
    if u64::from(dir_start) + u64::from(dir_size) > len || dir_size > 64 << 20 {
        return Err(ZipProblem::Damaged(
            "the zip central directory lies outside the file",
        ));
    }
    r.seek(SeekFrom::Start(u64::from(dir_start)))
        .map_err(ZipProblem::Io)?;
    let mut dir = vec![0u8; dir_size as usize];
    r.read_exact(&mut dir).map_err(ZipProblem::Io)?;
    let mut names = std::collections::HashSet::new();
    let mut i = 0;
    while i + 46 <= dir.len() && dir[i..].starts_with(b"PK\x01\x02") {
        let size = u32_at(&dir, i + 24);
        let name_len = usize::from(u16_at(&dir, i + 28));
        let skip = name_len + usize::from(u16_at(&dir, i + 30)) + usize::from(u16_at(&dir, i + 32));
        let name = dir.get(i + 46..i + 46 + name_len).unwrap_or_default();
        let name = String::from_utf8_lossy(name).to_ascii_lowercase();
        // Calamine (and the zip reader) find a part by this name.
        let key = name.replace('\\', "/");
        if !names.insert(key) {
            return Err(ZipProblem::Duplicate { part: name });
        }
        let sheet = name.starts_with("xl/worksheets/") && !name.contains("_rels");
        let max = if sheet { max_sheet } else { MAX_WHOLE_PART };
        // 0xFFFFFFFF means the size is in a zip64 field: beyond 4 GiB.
        let size = if size == u32::MAX {
            u64::MAX
        } else {
            u64::from(size)
        };
        if size > max {
            return Err(ZipProblem::TooLarge { part: name, size });
        }
        i += 46 + skip;
    }
    Ok(())
}

/// [`check_zip_parts`] for a list file (`path`, opened as `file`); worksheets are streamed, so
/// their limit is time.
pub(super) fn check_zip_sizes(path: &Path, file: &mut std::fs::File) -> Result<(), LoadError> {
    check_zip_parts(file, MAX_STREAMED_PART).map_err(|p| match p {
        ZipProblem::Io(e) => LoadError::from_io(path, &e),
        ZipProblem::Damaged(what) => LoadError::NotASpreadsheet {
            path: path.into(),
            detail: SpreadsheetProblem::Damaged(what.to_string()),
        },
        ZipProblem::TooLarge { part, size } => too_large(path, part, size),
        ZipProblem::Duplicate { part } => LoadError::NotASpreadsheet {
            path: path.into(),
            detail: SpreadsheetProblem::DuplicatePart { part: detail(part) },
        },
    })
}

fn too_large(path: &Path, part: String, size: u64) -> LoadError {
    LoadError::NotASpreadsheet {
        path: path.into(),
        detail: SpreadsheetProblem::TooLarge {
            part: detail(part),
            mib: size >> 20,
        },
    }
}

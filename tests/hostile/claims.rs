//! Not what the extension says: text, an image, a cut-off or an encrypted workbook named `.xlsx`.

use super::*;

#[test]
fn a_text_file_renamed_xlsx() {
    let e = load_error(&corpus("tekst.xlsx"));
    assert_eq!(problem(&e), &SpreadsheetProblem::TextFile);
    assert!(
        e.message(Lang::En).contains("CSV"),
        "{}",
        e.message(Lang::En)
    );
}

#[test]
fn an_image_renamed_xlsx() {
    let e = load_error(&corpus("billede.xlsx"));
    assert_eq!(
        problem(&e),
        &SpreadsheetProblem::WrongContent { expected: ".xlsx" }
    );
}

#[test]
fn a_truncated_xlsx() {
    let dir = tempfile::tempdir().unwrap();
    let whole = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data/aktivliste-lille.xlsx"),
    )
    .unwrap();
    let path = dir.path().join("halv.xlsx");
    std::fs::write(&path, &whole[..whole.len() / 2]).unwrap();
    let e = load_error(&path);
    assert!(
        matches!(problem(&e), SpreadsheetProblem::Damaged(_)),
        "{e:?}"
    );
    // Cut anywhere else, too: never a panic, always an error.
    for cut in [30, 100, 1000, whole.len() - 22, whole.len() - 1] {
        std::fs::write(&path, &whole[..cut]).unwrap();
        load_error(&path);
    }
}

/// A compound file (OLE/CFB, 512-byte sectors) holding one stream "EncryptedPackage", which is
/// how Excel stores a password-protected `.xlsx`.
fn encrypted_workbook() -> Vec<u8> {
    const END: u32 = 0xFFFF_FFFE;
    const FREE: u32 = 0xFFFF_FFFF;
    const NONE: u32 = 0xFFFF_FFFF;
    let mut out = Vec::new();
    let u16s = |v: &mut Vec<u8>, x: u16| v.extend_from_slice(&x.to_le_bytes());
    let u32s = |v: &mut Vec<u8>, x: u32| v.extend_from_slice(&x.to_le_bytes());
    // Header.
    out.extend_from_slice(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
    out.extend_from_slice(&[0; 16]);
    u16s(&mut out, 0x003E);
    u16s(&mut out, 0x0003);
    u16s(&mut out, 0xFFFE);
    u16s(&mut out, 9);
    u16s(&mut out, 6);
    out.extend_from_slice(&[0; 6]);
    u32s(&mut out, 0); // directory sectors (version 3)
    u32s(&mut out, 1); // FAT sectors
    u32s(&mut out, 1); // first directory sector
    u32s(&mut out, 0);
    u32s(&mut out, 0x1000); // mini stream cutoff
    u32s(&mut out, END); // first mini FAT sector
    u32s(&mut out, 0);
    u32s(&mut out, END); // first DIFAT sector
    u32s(&mut out, 0);
    u32s(&mut out, 0); // DIFAT[0]: the FAT is sector 0
    for _ in 1..109 {
        u32s(&mut out, FREE);
    }
    assert_eq!(out.len(), 512);
    // Sector 0: the FAT. 1: the directory. 2..10: the stream.
    let mut fat = vec![0xFFFF_FFFD, END];
    for s in 2..9 {
        fat.push(s + 1);
    }
    fat.push(END);
    fat.resize(128, FREE);
    for x in fat {
        u32s(&mut out, x);
    }
    let entry = |v: &mut Vec<u8>, name: &str, kind: u8, child: u32, start: u32, size: u32| {
        let mut n: Vec<u8> = name.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let name_len = if name.is_empty() { 0 } else { n.len() + 2 };
        n.resize(64, 0);
        v.extend_from_slice(&n);
        v.extend_from_slice(&(name_len as u16).to_le_bytes());
        v.push(kind);
        v.push(1); // black
        v.extend_from_slice(&NONE.to_le_bytes());
        v.extend_from_slice(&NONE.to_le_bytes());
        v.extend_from_slice(&child.to_le_bytes());
        v.extend_from_slice(&[0; 16 + 4 + 16]);
        v.extend_from_slice(&start.to_le_bytes());
        v.extend_from_slice(&u64::from(size).to_le_bytes());
    };
    entry(&mut out, "Root Entry", 5, 1, END, 0);
    entry(&mut out, "EncryptedPackage", 2, NONE, 2, 4096);
    entry(&mut out, "", 0, NONE, 0, 0);
    entry(&mut out, "", 0, NONE, 0, 0);
    assert_eq!(out.len(), 3 * 512);
    out.extend((0..4096u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8));
    out
}

#[test]
fn an_encrypted_workbook() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kodeord.xlsx");
    std::fs::write(&path, encrypted_workbook()).unwrap();
    let e = load_error(&path);
    assert_eq!(problem(&e), &SpreadsheetProblem::Encrypted);
    assert!(e.message(Lang::Da).contains("adgangskode"));
    // The same container named .xls is not a readable .xls either.
    let path = dir.path().join("kodeord.xls");
    std::fs::write(&path, encrypted_workbook()).unwrap();
    load_error(&path);
}

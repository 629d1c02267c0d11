//! Zip bombs: parts that unpack to far more than any list holds, whether they say so or lie.

use super::*;

/// Bits written least significant first, as deflate wants them.
#[derive(Default)]
struct Bits {
    out: Vec<u8>,
    acc: u64,
    n: u32,
}

impl Bits {
    fn put(&mut self, value: u64, n: u32) {
        self.acc |= value << self.n;
        self.n += n;
        while self.n >= 8 {
            self.out.push(self.acc as u8);
            self.acc >>= 8;
            self.n -= 8;
        }
    }
    /// A Huffman code, most significant bit first.
    fn code(&mut self, code: u32, n: u32) {
        let rev = code.reverse_bits() >> (32 - n);
        self.put(u64::from(rev), n);
    }
    fn literal(&mut self, b: u8) {
        if b < 144 {
            self.code(0x30 + u32::from(b), 8);
        } else {
            self.code(0x190 + u32::from(b) - 144, 9);
        }
    }
    fn finish(mut self) -> Vec<u8> {
        if self.n > 0 {
            self.out.push(self.acc as u8);
        }
        self.out
    }
}

/// A deflate stream of `prefix`, then `reps * 258 + 1` times `a`, then `suffix`: one block of
/// fixed Huffman codes where each 258 bytes cost 13 bits.
fn deflate_bomb(prefix: &[u8], reps: u64, suffix: &[u8]) -> (Vec<u8>, u64) {
    let mut bits = Bits::default();
    bits.put(1, 1); // final block
    bits.put(1, 2); // fixed Huffman codes
    prefix.iter().for_each(|&b| bits.literal(b));
    bits.literal(b'a');
    for _ in 0..reps {
        bits.code(0b1100_0101, 8); // length 258
        bits.code(0, 5); // distance 1
    }
    suffix.iter().for_each(|&b| bits.literal(b));
    bits.code(0, 7); // end of block
    let size = prefix.len() as u64 + 1 + reps * 258 + suffix.len() as u64;
    (bits.finish(), size)
}

fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A zip written by hand, so a part's compressed bytes and declared size can be chosen. Each
/// part: name, stored bytes or (deflated bytes, declared size, crc).
enum Part<'a> {
    Stored(&'a [u8]),
    Deflated { data: Vec<u8>, size: u32, crc: u32 },
}

fn hand_zip(parts: Vec<(&str, Part<'_>)>) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    let count = parts.len() as u16;
    for (name, part) in parts {
        let (method, data, size, crc): (u16, &[u8], u32, u32) = match &part {
            Part::Stored(b) => (0, b, b.len() as u32, crc32(b)),
            Part::Deflated { data, size, crc } => (8, data, *size, *crc),
        };
        let offset = out.len() as u32;
        let fields = |v: &mut Vec<u8>| {
            v.extend_from_slice(&20u16.to_le_bytes());
            v.extend_from_slice(&0u16.to_le_bytes());
            v.extend_from_slice(&method.to_le_bytes());
            v.extend_from_slice(&[0; 4]); // time, date
            v.extend_from_slice(&crc.to_le_bytes());
            v.extend_from_slice(&(data.len() as u32).to_le_bytes());
            v.extend_from_slice(&size.to_le_bytes());
            v.extend_from_slice(&(name.len() as u16).to_le_bytes());
            v.extend_from_slice(&0u16.to_le_bytes());
        };
        out.extend_from_slice(b"PK\x03\x04");
        fields(&mut out);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);
        central.extend_from_slice(b"PK\x01\x02");
        central.extend_from_slice(&20u16.to_le_bytes());
        fields(&mut central);
        central.extend_from_slice(&[0; 6]); // comment length, disk, internal attributes
        central.extend_from_slice(&[0; 4]); // external attributes
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(name.as_bytes());
    }
    let dir_start = out.len() as u32;
    out.extend_from_slice(&central);
    out.extend_from_slice(b"PK\x05\x06");
    out.extend_from_slice(&[0; 4]);
    out.extend_from_slice(&count.to_le_bytes());
    out.extend_from_slice(&count.to_le_bytes());
    out.extend_from_slice(&(central.len() as u32).to_le_bytes());
    out.extend_from_slice(&dir_start.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out
}

/// An `.xlsx` whose shared strings unpack to about `gib` GiB, declared as `declared` bytes
/// (the true size when `None`).
fn shared_strings_bomb(path: &Path, mib: u64, declared: Option<u32>) {
    let prefix = br#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>"#;
    let suffix = b"</t></si></sst>";
    let (data, size) = deflate_bomb(prefix, (mib << 20) / 258, suffix);
    let sheet = format!(
        r#"{SHEET_START}<sheetData>{}<row r="4"><c r="B4" t="s"><v>0</v></c></row></sheetData></worksheet>"#,
        header_and_two_rows()
    );
    let declared = declared.unwrap_or(u32::try_from(size).unwrap_or(u32::MAX));
    let zip = hand_zip(vec![
        (
            "[Content_Types].xml",
            Part::Stored(CONTENT_TYPES.as_bytes()),
        ),
        ("_rels/.rels", Part::Stored(ROOT_RELS.as_bytes())),
        ("xl/workbook.xml", Part::Stored(WORKBOOK.as_bytes())),
        (
            "xl/_rels/workbook.xml.rels",
            Part::Stored(WORKBOOK_RELS.as_bytes()),
        ),
        (
            "xl/sharedStrings.xml",
            Part::Deflated {
                data,
                size: declared,
                crc: 0,
            },
        ),
        ("xl/worksheets/sheet1.xml", Part::Stored(sheet.as_bytes())),
    ]);
    std::fs::write(path, zip).unwrap();
}

#[test]
fn a_deflate_stream_written_by_hand_is_valid() {
    // The bomb builder itself, checked on a small stream through the zip reader.
    let (data, size) = deflate_bomb(b"<x>", 10, b"</x>");
    let mut expected = b"<x>".to_vec();
    expected.extend(std::iter::repeat_n(b'a', 2581));
    expected.extend_from_slice(b"</x>");
    assert_eq!(size, expected.len() as u64);
    let zip = hand_zip(vec![(
        "a.xml",
        Part::Deflated {
            data,
            size: size as u32,
            crc: crc32(&expected),
        },
    )]);
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip)).unwrap();
    let mut text = Vec::new();
    std::io::Read::read_to_end(&mut archive.by_index(0).unwrap(), &mut text).unwrap();
    assert_eq!(text, expected);
}

#[test]
fn a_zip_bomb_in_the_shared_strings_is_refused_before_unpacking() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bombe.xlsx");
    // 3.5 GiB of one shared string, from 18 MiB on disk.
    shared_strings_bomb(&path, 3584, None);
    let e = load_error(&path);
    assert!(
        matches!(problem(&e), SpreadsheetProblem::TooLarge { part, .. } if part == "xl/sharedstrings.xml"),
        "{e:?}"
    );
    eprintln!("{}", e.message(Lang::En));
    let run = plan_with_peak(&path, &[]);
    run.assert_code(2);
    assert!(run.stderr().contains("bombe.xlsx"), "{}", run.stderr());
    // Opened in the UI or reviewed as a plan without a terminal: the UI stops before it reads
    // anything (one line, nothing unpacked); the readers it would use refuse the file themselves
    // (the list reader above, the plan reader here).
    for args in [vec!["--lang", "en"], vec!["review", "--lang", "en"]] {
        let mut args = args;
        args.push(path.to_str().unwrap());
        let run = binary_with_peak(&path, &args);
        assert_eq!(run.code(), 2, "{args:?}: {}", run.stderr());
        assert_eq!(run.stderr().lines().count(), 1, "{}", run.stderr());
        assert!(
            run.stderr().contains("the UI needs a terminal"),
            "{}",
            run.stderr()
        );
        let plan = skifteplan::review::read_plan_file(&path);
        assert!(
            matches!(plan, Err(skifteplan::review::ReadError::TooLarge { ref part, .. }) if part == "xl/sharedstrings.xml"),
            "{plan:?}"
        );
    }
}

#[test]
fn a_zip_bomb_that_lies_about_its_size_stops_at_the_declared_size() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("loegn.xlsx");
    // 1 GiB declared as 4 KiB: the zip reader stops at 4 KiB.
    shared_strings_bomb(&path, 1024, Some(4096));
    let e = load_error(&path);
    assert!(
        matches!(problem(&e), SpreadsheetProblem::Damaged(_)),
        "{e:?}"
    );
    eprintln!("{}", e.message(Lang::En));
    let run = plan_with_peak(&path, &[]);
    run.assert_code(2);
}

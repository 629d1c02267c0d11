//! Hostile input: files that are not what they claim, damaged, enormous when unpacked, or
//! shaped to make a reader build a dense grid of billions of cells. Each must give a correct
//! result or a clear one-line error naming the file, within seconds, in bounded memory, and
//! never panic. Small files live in `tests/hostile/`; large ones are generated here into a
//! temporary directory. Every CPR number here is fictitious.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use rust_xlsxwriter::{Format, Workbook};
use skifteplan::aktivliste::{
    Aktivliste, Field, LoadError, LoadOptions, RejectReason, SpreadsheetProblem, load,
};
use skifteplan::lang::Lang;

/// The most a load may take.
const TIME_BOUND: Duration = Duration::from_secs(10);
/// The most the plan command may take. A debug build parses XML several times slower than a
/// release build (a million rows: about 25 s against 2 s), so it gets more time.
const PLAN_TIME_BOUND: Duration = Duration::from_secs(if cfg!(debug_assertions) { 45 } else { 10 });
/// The most the program may hold in memory for any list.
const MEMORY_BOUND_KIB: u64 = 256 * 1024;

fn corpus(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/hostile")
        .join(name)
}

/// Runs `f` in a thread and fails if it takes longer than the time bound; a panic in `f` fails
/// the test with the panic's message.
fn bounded<T: Send + 'static>(what: &str, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    let handle = std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    let start = Instant::now();
    match rx.recv_timeout(TIME_BOUND) {
        Ok(v) => {
            handle.join().expect("the thread ends");
            v
        }
        Err(mpsc::RecvTimeoutError::Timeout) => {
            panic!("{what}: took more than {TIME_BOUND:?}")
        }
        Err(mpsc::RecvTimeoutError::Disconnected) => match handle.join() {
            Err(p) => std::panic::resume_unwind(p),
            Ok(()) => panic!("{what}: no result after {:?}", start.elapsed()),
        },
    }
}

fn load_bounded(path: &Path) -> Result<Aktivliste, LoadError> {
    let p = path.to_path_buf();
    bounded(&path.display().to_string(), move || {
        load(&p, &LoadOptions::default())
    })
}

/// Loads a file that must fail, and checks the message is one line naming the file, in both
/// languages.
fn load_error(path: &Path) -> LoadError {
    let e = match load_bounded(path) {
        Ok(list) => panic!("{} loaded: {list:?}", path.display()),
        Err(e) => e,
    };
    let file = path.file_name().unwrap().to_string_lossy().into_owned();
    for lang in [Lang::Da, Lang::En] {
        let m = e.message(lang);
        assert!(!m.contains('\n'), "more than one line: {m}");
        assert!(m.contains(&file), "the message does not name the file: {m}");
        assert!(m.len() < 600, "too long: {m}");
    }
    e
}

fn problem(e: &LoadError) -> &SpreadsheetProblem {
    match e {
        LoadError::NotASpreadsheet { detail, .. } => detail,
        other => panic!("{other:?}"),
    }
}

// ---------------------------------------------------------------------------------------------
// Building files

/// A zip written with the zip crate, parts in order, deflated at the lowest level.
fn zip_file(path: &Path, parts: &[(&str, &[u8])]) {
    let file = std::fs::File::create(path).unwrap();
    let mut z = zip::ZipWriter::new(std::io::BufWriter::new(file));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1));
    for (name, bytes) in parts {
        z.start_file(*name, options).unwrap();
        z.write_all(bytes).unwrap();
    }
    z.finish().unwrap();
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>"#;
const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;
const WORKBOOK: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Anmodninger" sheetId="1" r:id="rId1"/></sheets></workbook>"#;
const WORKBOOK_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#;
const SHEET_START: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#;

/// Inline-string cell XML.
fn s(cell: &str, text: &str) -> String {
    format!(r#"<c r="{cell}" t="inlineStr"><is><t>{text}</t></is></c>"#)
}

/// The header and two citizens as sheet rows 1 to 3.
fn header_and_two_rows() -> String {
    format!(
        r#"<row r="1">{}{}{}</row><row r="2">{}{}{}</row><row r="3">{}{}{}</row>"#,
        s("A1", "CPR"),
        s("B1", "Navn"),
        s("C1", "Anmodningsdato"),
        s("A2", "010190-2000"),
        s("B2", "Anna"),
        s("C2", "01-02-2025"),
        s("A3", "020190-3000"),
        s("B3", "Bo"),
        s("C3", "2025-02-03"),
    )
}

/// A one-sheet `.xlsx` from raw sheet XML (and shared strings, when given).
fn raw_xlsx(path: &Path, sheet_xml: &[u8], shared_strings: Option<&[u8]>) {
    let mut parts: Vec<(&str, &[u8])> = vec![
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        ("_rels/.rels", ROOT_RELS.as_bytes()),
        ("xl/workbook.xml", WORKBOOK.as_bytes()),
        ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS.as_bytes()),
    ];
    if let Some(sst) = shared_strings {
        parts.push(("xl/sharedStrings.xml", sst));
    }
    parts.push(("xl/worksheets/sheet1.xml", sheet_xml));
    zip_file(path, &parts);
}

/// A workbook written with rust_xlsxwriter: rows of text cells per sheet, `None` for a gap.
type Rows<'a> = Vec<Vec<Option<&'a str>>>;

fn xlsx_rows(path: &Path, sheets: &[(&str, bool, Rows<'_>)]) {
    let mut wb = Workbook::new();
    for (name, hidden, rows) in sheets {
        let ws = wb.add_worksheet();
        ws.set_name(*name).unwrap();
        for (r, row) in rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                if let Some(v) = v {
                    ws.write_string(r as u32, c as u16, *v).unwrap();
                }
            }
        }
        if *hidden {
            ws.set_hidden(true);
        }
    }
    wb.save(path).unwrap();
}

// ---------------------------------------------------------------------------------------------
// The real binary, with its peak memory

struct Run {
    code: i32,
    stderr: String,
    peak_kib: u64,
    elapsed: Duration,
}

fn peak_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Runs `skifteplan plan FILE --model 2 --switch-date 2026-03-31` and follows its peak resident
/// memory (VmHWM) until it ends. On systems without `/proc` the peak is 0.
fn plan_with_peak(file: &Path, extra: &[&str]) -> Run {
    let mut args = vec!["plan", file.to_str().unwrap(), "--model", "2"];
    args.extend(["--switch-date", "2026-03-31", "--lang", "en"]);
    args.extend(extra);
    binary_with_peak(file, &args)
}

/// Runs the binary with `args` (about `file`), without a terminal, following its peak memory.
fn binary_with_peak(file: &Path, args: &[&str]) -> Run {
    let start = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_skifteplan"))
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut peak = 0;
    let status = loop {
        if let Some(k) = peak_kib(child.id()) {
            peak = peak.max(k);
        }
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > PLAN_TIME_BOUND {
            let _ = child.kill();
            panic!("{}: the plan command took too long", file.display());
        }
        std::thread::sleep(Duration::from_millis(2));
    };
    let mut stderr = String::new();
    use std::io::Read;
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    let run = Run {
        code: status.code().expect("exited normally"),
        stderr,
        peak_kib: peak,
        elapsed: start.elapsed(),
    };
    assert!(
        run.peak_kib <= MEMORY_BOUND_KIB,
        "{}: peak {} MiB",
        file.display(),
        run.peak_kib / 1024
    );
    assert!(
        !run.stderr.contains("panicked"),
        "{}: {}",
        file.display(),
        run.stderr
    );
    eprintln!(
        "{}: exit {} in {:?}, peak {} MiB",
        file.file_name().unwrap().to_string_lossy(),
        run.code,
        run.elapsed,
        run.peak_kib / 1024
    );
    run
}

// ---------------------------------------------------------------------------------------------
// Not what the extension says

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

// ---------------------------------------------------------------------------------------------
// Zip bombs

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
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("bombe.xlsx"), "{}", run.stderr);
    // Opened in the UI (read as a list, then tried as a plan) or reviewed as a plan: refused
    // before anything is unpacked too, before the terminal is touched.
    for args in [vec!["--lang", "en"], vec!["review", "--lang", "en"]] {
        let mut args = args;
        args.push(path.to_str().unwrap());
        let run = binary_with_peak(&path, &args);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
        assert!(
            run.stderr.contains("bombe.xlsx") || run.stderr.contains("unpacks to"),
            "{}",
            run.stderr
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
    assert_eq!(run.code, 2, "{}", run.stderr);
}

// ---------------------------------------------------------------------------------------------
// Dense grids and many rows

#[test]
fn a_stray_cell_at_xfd1048576_under_a_full_dimension() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("langt-ude.xlsx");
    let sheet = format!(
        r#"{SHEET_START}<dimension ref="A1:XFD1048576"/><sheetData>{}<row r="1048576">{}</row></sheetData></worksheet>"#,
        header_and_two_rows(),
        s("XFD1048576", "x")
    );
    raw_xlsx(&path, sheet.as_bytes(), None);
    let list = load_bounded(&path).expect("the list loads");
    assert_eq!(list.citizens.len(), 2);
    // The stray cell is a row without a CPR: kept and reported, not dropped.
    assert_eq!(list.rejected.len(), 1, "{:?}", list.rejected);
    assert_eq!(list.rejected[0].source.row, 1_048_576);
    assert_eq!(list.rejected[0].reason, RejectReason::NoteLine);
    let run = plan_with_peak(&path, &[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
}

/// An `.ods` with the header and two rows, then repeated empty rows and a cell in the last
/// column (XFD) of the last row.
fn far_ods(path: &Path, last_row_repeats: u32) {
    far_ods_at(path, last_row_repeats, 16_384);
}

/// An `.ods` with the header and two rows, then `last_row_repeats` empty rows and a cell in
/// column number `last_column` of the last row.
fn far_ods_at(path: &Path, last_row_repeats: u32, last_column: u32) {
    let cell = |t: &str| {
        format!(
            r#"<table:table-cell office:value-type="string"><text:p>{t}</text:p></table:table-cell>"#
        )
    };
    let row = |cells: &[&str]| {
        let c: String = cells.iter().map(|t| cell(t)).collect();
        format!("<table:table-row>{c}</table:table-row>")
    };
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Anmodninger">{}{}{}<table:table-row table:number-rows-repeated="{last_row_repeats}"><table:table-cell/></table:table-row><table:table-row><table:table-cell table:number-columns-repeated="{}"/>{}</table:table-row></table:table></office:spreadsheet></office:body></office:document-content>"#,
        row(&["CPR", "Navn", "Anmodningsdato"]),
        row(&["010190-2000", "Anna", "01-02-2025"]),
        row(&["020190-3000", "Bo", "2025-02-03"]),
        last_column - 1,
        cell("x"),
    );
    let manifest = r#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;
    zip_file(
        path,
        &[
            (
                "mimetype",
                b"application/vnd.oasis.opendocument.spreadsheet".as_slice(),
            ),
            ("META-INF/manifest.xml", manifest.as_bytes()),
            ("content.xml", content.as_bytes()),
        ],
    );
}

#[test]
fn a_stray_cell_far_out_in_an_ods_makes_no_dense_grid() {
    let dir = tempfile::tempdir().unwrap();
    // At XFD1048576: 17 billion cells.
    let path = dir.path().join("langt-ude.ods");
    far_ods(&path, 1_048_572);
    match load_bounded(&path) {
        Ok(list) => assert_eq!(list.citizens.len(), 2),
        Err(e) => {
            let m = e.message(Lang::En);
            assert!(!m.contains('\n') && m.contains("langt-ude.ods"), "{m}");
            eprintln!("{m}");
        }
    }
    plan_with_peak(&path, &[]);
}

#[test]
fn a_stray_cell_at_xfd5000_in_an_ods_is_refused_before_the_reader_builds_its_grid() {
    let dir = tempfile::tempdir().unwrap();
    // At XFD4999: 80 million cells, under the ods reader's own cap of 100 million, so only our
    // count of content.xml stops it (the reader alone would take gigabytes).
    let path = dir.path().join("noget-ude.ods");
    far_ods(&path, 4995);
    let e = load_error(&path);
    assert!(
        matches!(problem(&e), SpreadsheetProblem::TooManyCells { sheet, rows, columns }
            if sheet == "Anmodninger" && *rows == 4999 && *columns == 16_384),
        "{e:?}"
    );
    let m = e.message(Lang::En);
    assert!(
        m.contains("sheet 'Anmodninger' spans 4999 rows × 16384 columns, 82 million cells"),
        "{m}"
    );
    eprintln!("{m}");
    let run = plan_with_peak(&path, &[]);
    assert_eq!(run.code, 2, "{}", run.stderr);
}

#[test]
fn an_ods_list_of_ordinary_size_still_loads() {
    let dir = tempfile::tempdir().unwrap();
    // Two real rows, then a few hundred empty rows and a last cell in column 100: about 30,000
    // cells, well within what the reader may build.
    let path = dir.path().join("lidt-ude.ods");
    far_ods_at(&path, 300, 100);
    let list = load_bounded(&path).expect("the list loads");
    assert_eq!(list.citizens.len(), 2);
}

#[test]
fn a_million_empty_formatted_rows() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("million.xlsx");
    let mut sheet = String::with_capacity(60 << 20);
    sheet.push_str(SHEET_START);
    sheet.push_str(r#"<dimension ref="A1:F1000003"/><sheetData>"#);
    sheet.push_str(&header_and_two_rows());
    for r in 4..=1_000_003u32 {
        use std::fmt::Write;
        write!(
            sheet,
            r#"<row r="{r}" s="1" customFormat="1"><c r="A{r}" s="1"/><c r="F{r}" s="1"/></row>"#
        )
        .unwrap();
    }
    sheet.push_str("</sheetData></worksheet>");
    raw_xlsx(&path, sheet.as_bytes(), None);
    drop(sheet);
    // Through the binary only (one read of a million rows is slow enough in a debug build).
    let run = plan_with_peak(&path, &[]);
    assert_ne!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("Citizens: 2"), "{}", run.stderr);
    assert!(run.stderr.contains("Rejected rows: 0"), "{}", run.stderr);
}

// ---------------------------------------------------------------------------------------------
// Cell contents

#[test]
fn cells_of_32000_characters() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lange.xlsx");
    let long_name = "Å".repeat(32_000);
    let long_date = "1".repeat(32_000);
    let long_cpr = "0".repeat(32_000);
    xlsx_rows(
        &path,
        &[(
            "Anmodninger",
            false,
            vec![
                vec![Some("CPR"), Some("Navn"), Some("Anmodningsdato")],
                vec![Some("010190-2000"), Some(&long_name), Some("01-02-2025")],
                vec![Some("020190-3000"), Some("Bo"), Some(&long_date)],
                vec![Some(&long_cpr), Some("Cille"), Some("01-02-2025")],
            ],
        )],
    );
    let list = load_bounded(&path).expect("the list loads");
    assert_eq!(list.citizens.len(), 1);
    assert_eq!(list.citizens[0].name.as_deref(), Some(long_name.as_str()));
    assert_eq!(list.rejected.len(), 2);
    for r in &list.rejected {
        let m = r.reason.message(Lang::En);
        assert!(!m.contains('\n'));
        eprintln!("row {}: {} chars: {}…", r.source.row, m.len(), {
            let mut s: String = m.chars().take(80).collect();
            s.push('…');
            s
        });
    }
    assert!(matches!(
        &list.rejected[0].reason,
        RejectReason::BadDate { column, .. } if column == "Anmodningsdato"
    ));
    assert!(matches!(
        list.rejected[1].reason,
        RejectReason::InvalidCpr(_)
    ));
}

#[test]
fn formulas_and_error_cells_where_dates_belong() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("formler.xlsx");
    let sheet = format!(
        r#"{SHEET_START}<sheetData><row r="1">{}{}{}</row>
<row r="2">{}<c r="C2" t="e"><f>NA()</f><v>#N/A</v></c></row>
<row r="3">{}<c r="C3" t="e"><f>#REF!+1</f><v>#REF!</v></c></row>
<row r="4">{}<c r="C4" t="str"><f>A1</f><v>CPR</v></c></row>
<row r="5">{}<c r="C5"><f>DATE(2025,1,2)</f><v>45659</v></c></row>
</sheetData></worksheet>"#,
        s("A1", "CPR"),
        s("B1", "Navn"),
        s("C1", "Anmodningsdato"),
        s("A2", "010190-2000"),
        s("A3", "020190-3000"),
        s("A4", "030190-4000"),
        s("A5", "040190-5000"),
    );
    raw_xlsx(&path, sheet.as_bytes(), None);
    let list = load_bounded(&path).expect("the list loads");
    // The formula whose value is a date serial is a date.
    assert_eq!(list.citizens.len(), 1);
    let rows: Vec<u32> = list.rejected.iter().map(|r| r.source.row).collect();
    assert_eq!(rows, [2, 3, 4]);
    for r in &list.rejected {
        let m = r.reason.message(Lang::En);
        assert!(m.contains("Anmodningsdato"), "row {}: {m}", r.source.row);
    }
    assert!(
        list.rejected[0].reason.message(Lang::En).contains("#N/A"),
        "{:?}",
        list.rejected[0]
    );
    assert!(list.rejected[1].reason.message(Lang::En).contains("#REF!"));
}

// ---------------------------------------------------------------------------------------------
// Sheets and headers

#[test]
fn merged_cells_over_the_header() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("flettet.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Anmodninger").unwrap();
    let f = Format::new();
    ws.merge_range(0, 0, 0, 4, "Aktivliste for Eksempel Kommune", &f)
        .unwrap();
    ws.write_string(1, 0, "CPR").unwrap();
    ws.write_string(1, 1, "Navn").unwrap();
    // "Anmodningsdato" over C and D, with the dates in C.
    ws.merge_range(1, 2, 1, 3, "Anmodningsdato", &f).unwrap();
    ws.write_string(1, 4, "Tilbud").unwrap();
    for (r, cpr) in [(2, "010190-2000"), (3, "020190-3000")] {
        ws.write_string(r, 0, cpr).unwrap();
        ws.write_string(r, 1, "Navn").unwrap();
        ws.write_string(r, 2, "01-02-2025").unwrap();
        ws.write_string(r, 4, "Tilbud A").unwrap();
    }
    wb.save(&path).unwrap();
    let list = load_bounded(&path).expect("the list loads");
    assert_eq!(list.citizens.len(), 2);
    assert_eq!(list.sheets[0].header_row, 2);
    assert!(
        list.sheets[0]
            .mapping
            .iter()
            .any(|(f, h)| *f == Field::Anmodningsdato && h == "Anmodningsdato")
    );
    assert!(list.rejected.is_empty(), "{:?}", list.rejected);
}

#[test]
fn hidden_sheets_are_read_like_any_other() {
    // A hidden sheet is still part of the list: its rows are read, and a hidden helper sheet
    // is listed as ignored, never dropped silently.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("skjult.xlsx");
    xlsx_rows(
        &path,
        &[
            (
                "Anmodninger",
                false,
                vec![
                    vec![Some("CPR"), Some("Anmodningsdato")],
                    vec![Some("010190-2000"), Some("01-02-2025")],
                ],
            ),
            (
                "Indskrivninger",
                true,
                vec![
                    vec![Some("CPR"), Some("Tilbud"), Some("Indskrivningsdato")],
                    vec![Some("020190-3000"), Some("Tilbud A"), Some("01-03-2025")],
                ],
            ),
            ("Opslag", true, vec![vec![Some("a"), Some("b")]]),
        ],
    );
    let list = load_bounded(&path).expect("the list loads");
    assert_eq!(list.citizens.len(), 2);
    assert_eq!(list.sheets.len(), 2);
    assert_eq!(list.ignored_sheets.len(), 1);
    assert_eq!(list.ignored_sheets[0].name, "Opslag");
}

#[test]
fn duplicate_header_names() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dubletter.xlsx");
    xlsx_rows(
        &path,
        &[(
            "Anmodninger",
            false,
            vec![
                vec![
                    Some("CPR"),
                    Some("Navn"),
                    Some("Anmodningsdato"),
                    Some("Navn"),
                ],
                vec![
                    Some("010190-2000"),
                    Some("Anna"),
                    Some("01-02-2025"),
                    Some("X"),
                ],
            ],
        )],
    );
    let list = load_bounded(&path).expect("the list loads");
    assert_eq!(list.citizens[0].name.as_deref(), Some("Anna"));
    assert_eq!(list.sheets[0].unused_headers, ["Navn"]);
}

#[test]
fn two_header_rows() {
    let dir = tempfile::tempdir().unwrap();
    // A group row above the real header.
    let path = dir.path().join("grupper.xlsx");
    xlsx_rows(
        &path,
        &[(
            "Anmodninger",
            false,
            vec![
                vec![Some("Person"), None, Some("Anmodning"), None],
                vec![
                    Some("CPR"),
                    Some("Navn"),
                    Some("Anmodningsdato"),
                    Some("Iværksat"),
                ],
                vec![
                    Some("010190-2000"),
                    Some("Anna"),
                    Some("01-02-2025"),
                    Some("03-02-2025"),
                ],
            ],
        )],
    );
    let list = load_bounded(&path).expect("the list loads");
    assert_eq!(list.sheets[0].header_row, 2);
    assert_eq!(list.citizens.len(), 1);
    // The header twice: the second is a repeated header, reported, not a citizen.
    let path = dir.path().join("to-gange.xlsx");
    let header = vec![Some("CPR"), Some("Navn"), Some("Anmodningsdato")];
    xlsx_rows(
        &path,
        &[(
            "Anmodninger",
            false,
            vec![
                header.clone(),
                header,
                vec![Some("010190-2000"), Some("Anna"), Some("01-02-2025")],
            ],
        )],
    );
    let list = load_bounded(&path).expect("the list loads");
    assert_eq!(list.sheets[0].header_row, 1);
    assert_eq!(list.citizens.len(), 1);
    assert_eq!(list.rejected.len(), 1);
    assert_eq!(list.rejected[0].reason, RejectReason::RepeatedHeader);
}

// ---------------------------------------------------------------------------------------------
// CSV

fn csv_names(file: &str) -> Vec<String> {
    let list = load_bounded(&corpus(file)).expect("the CSV loads");
    assert!(list.rejected.is_empty(), "{file}: {:?}", list.rejected);
    list.citizens
        .iter()
        .map(|c| c.name.as_deref().unwrap_or_default().to_string())
        .collect()
}

#[test]
fn csv_in_windows_1252() {
    assert_eq!(csv_names("windows-1252.csv"), ["Søren Ærø", "Åse Øby"]);
}

#[test]
fn csv_with_a_bom() {
    assert_eq!(csv_names("bom.csv"), ["Søren Ærø", "Åse Øby"]);
}

#[test]
fn csv_with_semicolons() {
    assert_eq!(csv_names("semikolon.csv"), ["Søren; Ærø", "Åse Øby"]);
}

#[test]
fn csv_with_commas() {
    assert_eq!(csv_names("komma.csv"), ["Søren, Ærø", "Åse Øby"]);
}

// ---------------------------------------------------------------------------------------------
// Zero citizens

#[test]
fn a_list_with_zero_citizens_loads_as_an_empty_list() {
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("tom.xlsx");
    xlsx_rows(
        &xlsx,
        &[(
            "Anmodninger",
            false,
            vec![vec![Some("CPR"), Some("Navn"), Some("Anmodningsdato")]],
        )],
    );
    for path in [corpus("tom.csv"), xlsx] {
        let file = path.file_name().unwrap().to_string_lossy().into_owned();
        let list = load_bounded(&path).expect("a header-only list loads");
        assert!(list.citizens.is_empty());
        assert!(list.rejected.is_empty());
        assert_eq!(list.sheets.len(), 1);
        assert_eq!(list.sheets[0].header_row, 1);
        let run = plan_with_peak(&path, &[]);
        assert_eq!(run.code, 0, "{file}: {}", run.stderr);
    }
}

// ---------------------------------------------------------------------------------------------
// Mutation fuzzing on stable: the inputs of `fuzz/fuzz_targets/aktivliste.rs`, mutated from the
// CSV files of the corpus with a fixed-seed generator. A few thousand inputs in every test
// run; `SKIFTEPLAN_FUZZ_SECS=600 cargo test --release --test hostile fuzz -- --nocapture` runs
// it for ten minutes.

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Pieces worth splicing into a list: separators, quotes, line breaks, dates right and wrong,
/// CPR shapes, header names, encodings.
const TOKENS: &[&[u8]] = &[
    b";",
    b",",
    b"\t",
    b"\"",
    b"\"\"",
    b"\n",
    b"\r\n",
    b"\r",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"\xfe\xff",
    b"\xf8\xe6\xe5",
    "æøåÆØÅ".as_bytes(),
    b"\x00",
    b"-",
    b".",
    b"/",
    b":",
    b" ",
    b"31-02-2025",
    b"29-02-2024",
    b"2025-03-01T10:00:00",
    b"01.03.2025 12:00",
    b"1-3-25",
    b"9999-99-99",
    b"00-00-0000",
    b"-1-1-2025",
    b"45659",
    b"1e308",
    b"-0",
    b"NaN",
    b"010190-2000",
    b"0101902000",
    b"101902000",
    b"010190-200A",
    b"999999-9999",
    b"CPR",
    b"CPR-nr.",
    b"Navn",
    b"Anmodningsdato",
    b"Indskrivningsdato",
    b"Iv\xc3\xa6rks\xc3\xa6ttelsesdato",
    b"Ydelse",
    b"Ydelse startdato",
    b"KvalHep",
    b"Glemt",
    b"Slutdato",
    b"Ja",
    b"x",
    b"I alt",
    b"#N/A",
    b"=1+1",
    b"12345678901234567890123456789",
];

fn seeds() -> Vec<Vec<u8>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out: Vec<Vec<u8>> = [
        "sample-data/aktivliste.csv",
        "sample-data/aktivliste-1252.csv",
        "sample-data/beslutninger.csv",
        "tests/hostile/windows-1252.csv",
        "tests/hostile/bom.csv",
        "tests/hostile/semikolon.csv",
        "tests/hostile/komma.csv",
        "tests/hostile/tom.csv",
    ]
    .iter()
    .filter_map(|p| std::fs::read(root.join(p)).ok())
    .collect();
    out.push(Vec::new());
    out
}

fn mutate(rng: &mut Rng, seeds: &[Vec<u8>], input: &mut Vec<u8>) {
    for _ in 0..1 + rng.below(8) {
        let len = input.len();
        match rng.below(8) {
            0 if len > 0 => {
                let i = rng.below(len);
                input[i] ^= 1 << rng.below(8);
            }
            1 if len > 0 => {
                let i = rng.below(len);
                input[i] = rng.next() as u8;
            }
            2 | 3 => {
                let t = TOKENS[rng.below(TOKENS.len())];
                let i = rng.below(len + 1);
                input.splice(i..i, t.iter().copied());
            }
            4 if len > 0 => {
                let i = rng.below(len);
                let j = (i + 1 + rng.below(32)).min(len);
                input.drain(i..j);
            }
            5 if len > 0 => {
                let i = rng.below(len);
                let j = (i + 1 + rng.below(64)).min(len);
                let piece = input[i..j].to_vec();
                let k = rng.below(len + 1);
                input.splice(k..k, piece);
            }
            6 => {
                let other = &seeds[rng.below(seeds.len())];
                if !other.is_empty() {
                    let i = rng.below(other.len());
                    let j = (i + 1 + rng.below(128)).min(other.len());
                    let k = rng.below(len + 1);
                    input.splice(k..k, other[i..j].iter().copied());
                }
            }
            _ => {
                // Random bytes.
                let k = rng.below(len + 1);
                let n = 1 + rng.below(8);
                let bytes: Vec<u8> = (0..n).map(|_| rng.next() as u8).collect();
                input.splice(k..k, bytes);
            }
        }
    }
    input.truncate(64 * 1024);
}

/// What the fuzz target does with one input.
fn fuzz_one(dir: &Path, data: &[u8]) {
    use skifteplan::aktivliste::{load_decisions, normalise};
    use skifteplan::domain::Cpr;
    use skifteplan::domain::date::parse_date_text;
    let text = String::from_utf8_lossy(data);
    for part in text.split(['\n', ';', ',']).take(64) {
        let _ = parse_date_text(part);
        let _ = Cpr::parse(part);
        let _ = normalise(part);
    }
    let path = dir.join("liste.csv");
    std::fs::write(&path, data).unwrap();
    let mut options = LoadOptions::default();
    if data.first().is_some_and(|b| b & 1 == 1) {
        let header = text.lines().next().unwrap_or_default().to_string();
        options.columns.push((Field::Anmodningsdato, header));
    }
    if let Err(e) = load(&path, &options) {
        let m = e.message(Lang::Da);
        assert!(!m.contains('\n'), "{m}");
    }
    let _ = load_decisions(&path);
}

#[test]
fn fuzz_the_csv_path_cell_parsing_and_header_detection() {
    let secs: u64 = std::env::var("SKIFTEPLAN_FUZZ_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let seed: u64 = std::env::var("SKIFTEPLAN_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5EED_2026);
    let dir = tempfile::tempdir().unwrap();
    let seeds = seeds();
    let mut rng = Rng(seed);
    let mut pool = seeds.clone();
    let start = Instant::now();
    let mut execs = 0u64;
    let mut slowest = Duration::ZERO;
    loop {
        if secs == 0 && execs >= 600 || secs > 0 && start.elapsed().as_secs() >= secs {
            break;
        }
        let mut input = pool[rng.below(pool.len())].clone();
        mutate(&mut rng, &seeds, &mut input);
        let t = Instant::now();
        let result = std::panic::catch_unwind(|| fuzz_one(dir.path(), &input));
        let took = t.elapsed();
        if let Err(p) = result {
            let out = std::env::temp_dir().join(format!("skifteplan-fuzz-crash-{execs}.csv"));
            std::fs::write(&out, &input).unwrap();
            std::panic::resume_unwind(p);
        }
        assert!(took < Duration::from_secs(2), "an input took {took:?}");
        slowest = slowest.max(took);
        // Keep some inputs to mutate further, so mutations stack.
        if pool.len() < 512 {
            pool.push(input);
        } else {
            let i = rng.below(pool.len());
            pool[i] = input;
        }
        execs += 1;
    }
    eprintln!(
        "fuzz: {execs} inputs in {:?}, slowest {slowest:?}",
        start.elapsed()
    );
}

// ---------------------------------------------------------------------------------------------
// Formula injection: text that starts like a formula is written as text in every export.

const FORMULA_LIKE: [&str; 5] = [
    "=HYPERLINK(\"http://example.invalid\",\"klik\")",
    "+45 1234",
    "-1+1",
    "@SUM(A1:A2)",
    "=cmd|' /C calc'!A0",
];

#[test]
fn text_that_looks_like_a_formula_is_written_as_text() {
    use calamine::{Reader, open_workbook_auto};
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("formler.xlsx");
    xlsx_rows(
        &list,
        &[(
            "Anmodninger",
            false,
            vec![
                vec![
                    Some("CPR"),
                    Some("Navn"),
                    Some("Anmodning ID"),
                    Some("Anmodningsdato"),
                    Some("Tilbud"),
                    Some("Tilknytningsdato"),
                ],
                vec![
                    Some("010190-2000"),
                    Some(FORMULA_LIKE[0]),
                    Some(FORMULA_LIKE[1]),
                    Some("01-02-2025"),
                    Some(FORMULA_LIKE[2]),
                    Some("03-02-2025"),
                ],
                vec![
                    Some("020190-3000"),
                    Some(FORMULA_LIKE[3]),
                    Some("A-2"),
                    Some("01-02-2025"),
                    None,
                    None,
                ],
                // A rejected row: its values are exported too.
                vec![
                    Some("030190-4000"),
                    Some(FORMULA_LIKE[4]),
                    Some("A-3"),
                    Some(FORMULA_LIKE[0]),
                    None,
                    None,
                ],
            ],
        )],
    );
    let xlsx = dir.path().join("handlinger.xlsx");
    let json = dir.path().join("plan.json");
    for model in ["1", "2", "mellem"] {
        let o = Command::new(env!("CARGO_BIN_EXE_skifteplan"))
            .args(["plan", list.to_str().unwrap(), "--model", model])
            .args(["--switch-date", "2026-03-31"])
            .args(["--xlsx", xlsx.to_str().unwrap()])
            .args(["--json", json.to_str().unwrap()])
            .output()
            .unwrap();
        assert_eq!(
            o.status.code(),
            Some(1),
            "{}",
            String::from_utf8_lossy(&o.stderr)
        );
        // The action sheet: no formula anywhere, and the texts are there as text.
        let mut wb = open_workbook_auto(&xlsx).unwrap();
        let mut texts = Vec::new();
        for name in wb.sheet_names() {
            let formulas = wb.worksheet_formula(&name).unwrap();
            assert!(
                formulas.used_cells().all(|(_, _, f)| f.is_empty()),
                "model {model}, sheet '{name}' has formulas: {:?}",
                formulas.used_cells().collect::<Vec<_>>()
            );
            let range = wb.worksheet_range(&name).unwrap();
            for (_, _, cell) in range.used_cells() {
                if let calamine::Data::String(s) = cell {
                    texts.push(s.clone());
                }
            }
        }
        for text in FORMULA_LIKE {
            assert!(
                texts.iter().any(|t| t.contains(text)),
                "model {model}: '{text}' is not in the action sheet as text"
            );
        }
        // The JSON: plain strings, as read.
        let v: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
        let mut strings = Vec::new();
        collect_strings(&v, &mut strings);
        for text in FORMULA_LIKE {
            assert!(
                strings.iter().any(|s| s.contains(text)),
                "model {model}: '{text}' is not in the JSON"
            );
        }
    }
}

fn collect_strings(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(a) => a.iter().for_each(|x| collect_strings(x, out)),
        serde_json::Value::Object(o) => o.values().for_each(|x| collect_strings(x, out)),
        _ => {}
    }
}

// ---------------------------------------------------------------------------------------------
// Atomic saves: a write that fails midway leaves the previous file intact and readable.

/// Plans a small list with the binary, writing the action sheet and the JSON into `dir`.
fn previous_exports(dir: &Path) -> (PathBuf, PathBuf) {
    let xlsx = dir.join("handlinger.xlsx");
    let json = dir.join("plan.json");
    let o = Command::new(env!("CARGO_BIN_EXE_skifteplan"))
        .args(["plan", corpus("komma.csv").to_str().unwrap()])
        .args(["--model", "2", "--switch-date", "2026-03-31"])
        .args(["--xlsx", xlsx.to_str().unwrap()])
        .args(["--json", json.to_str().unwrap()])
        .output()
        .unwrap();
    assert_ne!(
        o.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
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

//! CSV lists: bytes decoded to text (BOM, UTF-8 or Windows-1252), the delimiter sniffed from
//! the header, and records numbered as a spreadsheet program shows them.

use std::collections::VecDeque;
use std::io::{self, Read};

use encoding_rs::{CoderResult, Decoder, Encoding};

use super::cell::Cell;
use super::header::{HEADER_SEARCH_ROWS, Matcher};
use super::source::detail;

/// The encoding a CSV was read in when its bytes are not all valid UTF-8.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextEncoding {
    Utf8,
    Windows1252,
}

/// Why a CSV that is not all valid UTF-8 was read as it was: the evidence, and the rows whose
/// bad bytes were replaced (read as UTF-8).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EncodingNote {
    pub encoding: TextEncoding,
    /// Bytes that are not valid UTF-8.
    pub invalid_bytes: usize,
    /// Of those, bytes that are æ, ø, å, Æ, Ø or Å in Windows-1252.
    pub danish_letters: usize,
    /// Characters beyond ASCII written in valid UTF-8.
    pub utf8_chars: usize,
    /// Read as UTF-8: the rows (as a spreadsheet shows them) where a bad byte became `�`, the
    /// first few, and how many rows in all.
    pub replaced_rows: Vec<u32>,
    pub replaced_row_count: usize,
}

impl EncodingNote {
    /// How many row numbers are kept to name.
    pub const NAMED: usize = 10;
}

/// Windows-1252's æ, ø, å, Æ, Ø and Å: the bytes a Danish list in that encoding has most.
const DANISH_1252: [u8; 6] = [0xE6, 0xF8, 0xE5, 0xC6, 0xD8, 0xC5];

/// How a CSV file's bytes become text: the encoding, and the length of the byte order mark
/// skipped before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct CsvEncoding {
    encoding: &'static Encoding,
    bom: usize,
}

impl CsvEncoding {
    /// Decides a file's encoding from its bytes, handed over in pieces (the file is never held
    /// whole): a BOM (UTF-8 or UTF-16) decides; otherwise UTF-8 when valid. A file that is not
    /// all valid UTF-8 is decided by evidence: more characters written in valid UTF-8 than bytes
    /// that are not valid UTF-8 make it UTF-8 with the bad bytes replaced by `�`; otherwise it
    /// is Windows-1252, which is what Danish Excel writes. The note says which, and why.
    pub(crate) fn detect(
        read: impl FnOnce(&mut dyn FnMut(&[u8])) -> io::Result<()>,
    ) -> io::Result<(Self, Option<EncodingNote>)> {
        let mut head: Vec<u8> = Vec::with_capacity(3);
        let mut evidence = Evidence::default();
        read(&mut |chunk: &[u8]| {
            if head.len() < 3 {
                let take = (3 - head.len()).min(chunk.len());
                head.extend_from_slice(&chunk[..take]);
            }
            evidence.feed(chunk);
        })?;
        let note = evidence.finish();
        if let Some((encoding, bom)) = Encoding::for_bom(&head) {
            // UTF-8 by its BOM, with bad bytes: replaced, and said (the BOM is no character).
            let note = (encoding == encoding_rs::UTF_8)
                .then_some(note)
                .flatten()
                .map(|mut n| {
                    n.encoding = TextEncoding::Utf8;
                    n.utf8_chars = n.utf8_chars.saturating_sub(1);
                    n
                });
            return Ok((CsvEncoding { encoding, bom }, note));
        }
        Ok(match note {
            None => (
                CsvEncoding {
                    encoding: encoding_rs::UTF_8,
                    bom: 0,
                },
                None,
            ),
            Some(mut n) if n.utf8_chars > n.invalid_bytes => {
                n.encoding = TextEncoding::Utf8;
                let e = CsvEncoding {
                    encoding: encoding_rs::UTF_8,
                    bom: 0,
                };
                (e, Some(n))
            }
            Some(n) => (
                CsvEncoding {
                    encoding: encoding_rs::WINDOWS_1252,
                    bom: 0,
                },
                Some(n),
            ),
        })
    }

    /// The text of `bytes` (the whole file) in this encoding.
    #[cfg(test)]
    pub(crate) fn decode(self, bytes: &[u8]) -> String {
        let mut text = String::new();
        self.reader(bytes)
            .read_to_string(&mut text)
            .expect("decoded text is UTF-8");
        text
    }

    /// A reader of the file's text (UTF-8), decoded as it is read; `file` reads from the start.
    pub(crate) fn reader<R: Read>(self, file: R) -> DecodeReader<R> {
        DecodeReader {
            inner: file,
            decoder: self.encoding.new_decoder_without_bom_handling(),
            skip: self.bom,
            input: vec![0; CHUNK].into_boxed_slice(),
            in_pos: 0,
            in_len: 0,
            eof: false,
            output: vec![0; CHUNK + 16].into_boxed_slice(),
            out_pos: 0,
            out_len: 0,
            finished: false,
        }
    }
}

/// The size of the pieces a CSV file is read and decoded in.
const CHUNK: usize = 64 * 1024;

/// What bytes handed over in pieces hold, for deciding their encoding (a character may span two
/// pieces): characters beyond ASCII written in valid UTF-8, bytes that are not valid UTF-8, and
/// of those the ones that are Danish letters in Windows-1252.
#[derive(Default)]
struct Evidence {
    carry: Vec<u8>,
    invalid_bytes: usize,
    danish_letters: usize,
    utf8_chars: usize,
}

impl Evidence {
    fn feed(&mut self, chunk: &[u8]) {
        if self.carry.is_empty() {
            self.scan(chunk);
        } else {
            // A character cut at the end of the previous piece: completed with this one's.
            let mut joined = std::mem::take(&mut self.carry);
            joined.extend_from_slice(chunk);
            self.scan(&joined);
        }
    }

    fn scan(&mut self, bytes: &[u8]) {
        // A character beyond ASCII starts with a byte 0xC0 or above.
        let starts = |b: &[u8]| b.iter().filter(|&&x| x >= 0xC0).count();
        let mut rest = bytes;
        loop {
            match std::str::from_utf8(rest) {
                Ok(_) => {
                    self.utf8_chars += starts(rest);
                    return;
                }
                Err(e) => {
                    let (valid, after) = rest.split_at(e.valid_up_to());
                    self.utf8_chars += starts(valid);
                    match e.error_len() {
                        Some(n) => {
                            self.bad(&after[..n]);
                            rest = &after[n..];
                        }
                        // Cut short at the end: the rest comes with the next piece.
                        None => {
                            self.carry.extend_from_slice(after);
                            return;
                        }
                    }
                }
            }
        }
    }

    fn bad(&mut self, bytes: &[u8]) {
        self.invalid_bytes += bytes.len();
        self.danish_letters += bytes.iter().filter(|b| DANISH_1252.contains(b)).count();
    }

    /// The evidence, when any byte is not valid UTF-8 (the encoding is Windows-1252 until
    /// decided otherwise).
    fn finish(mut self) -> Option<EncodingNote> {
        let cut = std::mem::take(&mut self.carry);
        self.bad(&cut);
        (self.invalid_bytes > 0).then_some(EncodingNote {
            encoding: TextEncoding::Windows1252,
            invalid_bytes: self.invalid_bytes,
            danish_letters: self.danish_letters,
            utf8_chars: self.utf8_chars,
            replaced_rows: Vec::new(),
            replaced_row_count: 0,
        })
    }
}

/// Names the rows of a CSV read as UTF-8 with replaced bytes: those with a `�` (read once more
/// from the file's start).
pub(crate) fn note_replaced_rows(text: impl Read, delimiter: u8, note: &mut EncodingNote) {
    if note.encoding != TextEncoding::Utf8 {
        return;
    }
    let _ = read_csv(text, delimiter, None, &mut |row, cells| {
        if cells
            .iter()
            .any(|c| matches!(c, Cell::Text(t) if t.contains('\u{FFFD}')))
        {
            note.replaced_row_count += 1;
            if note.replaced_rows.len() < EncodingNote::NAMED {
                note.replaced_rows.push(row);
            }
        }
        true
    });
}

/// A CSV file's text, decoded from its bytes as it is read (replacement characters for bytes
/// the encoding does not have, as decoding it whole does).
pub(crate) struct DecodeReader<R> {
    inner: R,
    decoder: Decoder,
    /// Bytes of the BOM still to skip.
    skip: usize,
    input: Box<[u8]>,
    in_pos: usize,
    in_len: usize,
    eof: bool,
    output: Box<[u8]>,
    out_pos: usize,
    out_len: usize,
    finished: bool,
}

impl<R: Read> Read for DecodeReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        loop {
            if self.out_pos < self.out_len {
                let n = buf.len().min(self.out_len - self.out_pos);
                buf[..n].copy_from_slice(&self.output[self.out_pos..self.out_pos + n]);
                self.out_pos += n;
                return Ok(n);
            }
            if self.finished {
                return Ok(0);
            }
            if self.in_pos == self.in_len && !self.eof {
                let n = loop {
                    match self.inner.read(&mut self.input) {
                        Ok(n) => break n,
                        Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                        Err(e) => return Err(e),
                    }
                };
                self.in_pos = 0;
                self.in_len = n;
                self.eof = n == 0;
                let skip = self.skip.min(n);
                self.in_pos += skip;
                self.skip -= skip;
            }
            let (result, read, written, _) = self.decoder.decode_to_utf8(
                &self.input[self.in_pos..self.in_len],
                &mut self.output,
                self.eof,
            );
            self.in_pos += read;
            self.out_pos = 0;
            self.out_len = written;
            if self.eof && result == CoderResult::InputEmpty {
                self.finished = true;
            }
        }
    }
}

/// The first lines of a CSV text (as many as the header is looked for in), read from its start.
pub(crate) fn head_lines(mut text: impl Read) -> io::Result<String> {
    let mut head = Vec::new();
    let mut buf = [0u8; 8192];
    let lines = HEADER_SEARCH_ROWS as usize;
    let mut seen = 0;
    while seen < lines {
        let n = match text.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        for &b in &buf[..n] {
            seen += usize::from(b == b'\n');
        }
        head.extend_from_slice(&buf[..n]);
    }
    // Past the last line wanted a character may be cut: only whole lines are kept.
    Ok(String::from_utf8_lossy(&head)
        .lines()
        .take(lines)
        .collect::<Vec<_>>()
        .join("\n"))
}

/// Picks the delimiter (`;`, `,` or tab) whose reading of the first rows finds the best header;
/// failing that, the one used most in those rows. `region` is the text's first rows
/// ([`head_lines`]).
pub(crate) fn sniff_delimiter(region: &str, matcher: &Matcher) -> u8 {
    const CANDIDATES: [u8; 3] = [b';', b',', b'\t'];
    let mut best = (0usize, 0usize, b';');
    for d in CANDIDATES {
        let mut score = 0;
        let _ = read_csv(
            region.as_bytes(),
            d,
            Some(HEADER_SEARCH_ROWS),
            &mut |_, cells| {
                score = score.max(matcher.score(cells));
                true
            },
        );
        let count = region.bytes().filter(|&b| b == d).count();
        if (score, count) > (best.0, best.1) {
            best = (score, count, d);
        }
    }
    best.2
}

/// A run of line-break bytes (`\r`, `\n`) in the text, at its offset.
struct Run {
    start: u64,
    bytes: Vec<u8>,
}

/// The text as the CSV reader reads it, noting the runs of line breaks it passes (only those
/// the reader has not yet moved past are kept: a few kilobytes' worth).
struct Breaks<R> {
    inner: R,
    offset: u64,
    runs: VecDeque<Run>,
    open: Option<Run>,
}

impl<R: Read> Read for Breaks<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        for &b in &buf[..n] {
            if b == b'\r' || b == b'\n' {
                self.open
                    .get_or_insert_with(|| Run {
                        start: self.offset,
                        bytes: Vec::new(),
                    })
                    .bytes
                    .push(b);
            } else if let Some(run) = self.open.take() {
                self.runs.push_back(run);
            }
            self.offset += 1;
        }
        Ok(n)
    }
}

impl<R> Breaks<R> {
    /// The blank lines right at `start` (where the previous record ended); runs before it are
    /// forgotten, as the records after start later still.
    fn blank_lines_at(&mut self, start: u64) -> u64 {
        while self
            .runs
            .front()
            .is_some_and(|r| r.start + r.bytes.len() as u64 <= start)
        {
            self.runs.pop_front();
        }
        let run = self
            .runs
            .iter()
            .chain(self.open.as_ref())
            .find(|r| r.start <= start && start < r.start + r.bytes.len() as u64);
        let Some(run) = run else {
            return 0;
        };
        let bytes = &run.bytes;
        let mut at = (start - run.start) as usize;
        // After `\r\n` the position may sit on the `\n` of the previous record's line break.
        if at > 0 && bytes[at - 1] == b'\r' && bytes[at] == b'\n' {
            at += 1;
        }
        blank_lines(&bytes[at..])
    }
}

/// Reads CSV records from text, numbering them as a spreadsheet program shows them when it
/// opens the file (blank lines are rows; a quoted field with line breaks stays in one row).
/// The text is read as it goes, never held whole.
pub(super) fn read_csv(
    text: impl Read,
    delimiter: u8,
    limit: Option<u32>,
    f: &mut dyn FnMut(u32, &[Cell<'_>]) -> bool,
) -> Result<(), String> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(Breaks {
            inner: text,
            offset: 0,
            runs: VecDeque::new(),
            open: None,
        });
    let mut record = csv::StringRecord::new();
    let mut row: u64 = 0;
    let mut count = 0u32;
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => return Ok(()),
            Ok(true) => {}
            Err(e) => return Err(detail(e)),
        }
        // The reader skips blank lines; the record's position is where the previous record
        // ended, so the blank lines it skipped are the line breaks right after that position.
        let start = record.position().map_or(0, |p| p.byte());
        row += 1 + reader.get_mut().blank_lines_at(start);
        let number = u32::try_from(row).unwrap_or(u32::MAX);
        let cells: Vec<Cell<'_>> = record.iter().map(Cell::text).collect();
        let keep_going = f(number, &cells);
        count += 1;
        if !keep_going || limit.is_some_and(|l| count >= l) {
            return Ok(());
        }
    }
}

/// The number of line breaks (`\n`, `\r\n` or `\r`) at the start of `bytes`.
fn blank_lines(bytes: &[u8]) -> u64 {
    let mut n = 0;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => i += 2,
            b'\r' | b'\n' => i += 1,
            _ => break,
        }
        n += 1;
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str, d: u8) -> Vec<(u32, Vec<String>)> {
        let mut out = Vec::new();
        read_csv(text.as_bytes(), d, None, &mut |n, cells| {
            out.push((n, cells.iter().map(Cell::display).collect()));
            true
        })
        .unwrap();
        out
    }

    /// The reader as it was when it held the whole text: the reference for the streamed one.
    fn read_csv_whole(
        text: &str,
        delimiter: u8,
        limit: Option<u32>,
        f: &mut dyn FnMut(u32, &[Cell<'_>]) -> bool,
    ) -> Result<(), String> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .from_reader(text.as_bytes());
        let mut record = csv::StringRecord::new();
        let mut row: u64 = 0;
        let mut count = 0u32;
        loop {
            match reader.read_record(&mut record) {
                Ok(false) => return Ok(()),
                Ok(true) => {}
                Err(e) => return Err(detail(e)),
            }
            // The reader skips blank lines; the record's position is where the previous record
            // ended, so the blank lines it skipped are the line breaks right after that position.
            let bytes = text.as_bytes();
            let mut start = record.position().map_or(0, |p| p.byte() as usize);
            // After `\r\n` the position may sit on the `\n` of the previous record's line break.
            if start > 0 && bytes.get(start - 1) == Some(&b'\r') && bytes.get(start) == Some(&b'\n')
            {
                start += 1;
            }
            row += 1 + blank_lines(bytes.get(start..).unwrap_or_default());
            let number = u32::try_from(row).unwrap_or(u32::MAX);
            let cells: Vec<Cell<'_>> = record.iter().map(Cell::text).collect();
            let keep_going = f(number, &cells);
            count += 1;
            if !keep_going || limit.is_some_and(|l| count >= l) {
                return Ok(());
            }
        }
    }

    /// Reads one byte at a time: every piece boundary a record can have.
    struct Trickle<'a>(&'a [u8]);

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let Some((&b, rest)) = self.0.split_first() else {
                return Ok(0);
            };
            if buf.is_empty() {
                return Ok(0);
            }
            buf[0] = b;
            self.0 = rest;
            Ok(1)
        }
    }

    type Rows = (bool, Vec<(u32, Vec<String>)>);

    /// The rows a reader hands over, and whether it ended without an error.
    fn collect(
        read: impl FnOnce(&mut dyn FnMut(u32, &[Cell<'_>]) -> bool) -> Result<(), String>,
    ) -> Rows {
        let mut out = Vec::new();
        let result = read(&mut |n, cells| {
            out.push((n, cells.iter().map(Cell::display).collect::<Vec<_>>()));
            true
        });
        (result.is_ok(), out)
    }

    #[test]
    fn streamed_rows_are_numbered_as_when_the_text_was_held_whole() {
        const PIECES: [&str; 9] = [
            "a", ";", "\n", "\r", "\r\n", "\"q\nq\"", "\"\r\n\"", " ", "\"\"",
        ];
        let mut seed = 0x2026_0331_u64;
        for _ in 0..3000 {
            let mut text = String::new();
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let mut r = seed;
            for _ in 0..(r % 40) {
                r = r
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                text.push_str(PIECES[(r >> 33) as usize % PIECES.len()]);
            }
            let whole = collect(|f| read_csv_whole(&text, b';', None, f));
            let streamed = collect(|f| read_csv(text.as_bytes(), b';', None, f));
            let trickled = collect(|f| read_csv(Trickle(text.as_bytes()), b';', None, f));
            assert_eq!(whole, streamed, "{text:?}");
            assert_eq!(whole, trickled, "{text:?}");
        }
    }

    #[test]
    fn csv_rows_are_numbered_as_a_spreadsheet_shows_them() {
        let r = rows("a;b\n\nc;\"d\nd\"\ne;f\n", b';');
        let numbers: Vec<u32> = r.iter().map(|(n, _)| *n).collect();
        assert_eq!(numbers, [1, 3, 4]);
        assert_eq!(r[1].1, ["c", "d\nd"]);
        let r = rows("a,b\r\nc,d\r\n", b',');
        assert_eq!(r.iter().map(|(n, _)| *n).collect::<Vec<_>>(), [1, 2]);
        let r = rows("\r\n\r\na;b\r\n\r\n\r\nc;d\r\n", b';');
        assert_eq!(r.iter().map(|(n, _)| *n).collect::<Vec<_>>(), [3, 6]);
    }

    #[test]
    fn decoding() {
        // Handed over in pieces of every size: a character cut between two stays whole.
        let decode = |b: &[u8]| {
            let mut seen = None;
            for piece in 1..=b.len().max(1) {
                let e = CsvEncoding::detect(|f| {
                    b.chunks(piece).for_each(&mut *f);
                    Ok(())
                })
                .unwrap();
                assert!(seen.as_ref().is_none_or(|s| *s == e));
                seen = Some(e);
            }
            seen.unwrap().0.decode(b)
        };
        assert_eq!(decode("\u{feff}Søren".as_bytes()), "Søren");
        assert_eq!(decode("Søren".as_bytes()), "Søren");
        assert_eq!(decode(b"S\xF8ren \xC6bel\xF8 \xE5"), "Søren Æbelø å");
        assert_eq!(decode(b"\xFF\xFEa\x00\xF8\x00"), "aø");
        // After a UTF-8 BOM, a byte that is not UTF-8 is a replacement character, as before.
        assert_eq!(decode(b"\xEF\xBB\xBFS\xF8ren"), "S\u{fffd}ren");
    }

    /// The whole text and the note, as the reader decides them (in pieces of 7 bytes).
    fn decode_text(b: &[u8]) -> (String, Option<EncodingNote>) {
        let (e, note) = CsvEncoding::detect(|f| {
            b.chunks(7).for_each(&mut *f);
            Ok(())
        })
        .unwrap();
        (e.decode(b), note)
    }

    #[test]
    fn an_encoding_is_decided_by_evidence_in_pieces_too() {
        assert_eq!(decode_text("Søren".as_bytes()), ("Søren".to_string(), None));
        // Windows-1252: Danish letters that are not valid UTF-8, and no UTF-8.
        let (text, note) = decode_text(b"Navn\nS\xF8ren \xC6bel\xF8 \xE5\n");
        assert_eq!(text, "Navn\nSøren Æbelø å\n");
        let note = note.unwrap();
        assert_eq!(note.encoding, TextEncoding::Windows1252);
        assert_eq!((note.invalid_bytes, note.danish_letters), (4, 4));
        // Mostly UTF-8 with one stray byte: UTF-8, the byte replaced, its row named.
        let bytes = [
            "Navn;By\nSøren;Århus\nÆble;Ø".as_bytes(),
            b"\xFF",
            "\nBo;Kø\n".as_bytes(),
        ]
        .concat();
        let (text, note) = decode_text(&bytes);
        assert_eq!(text, "Navn;By\nSøren;Århus\nÆble;Ø\u{FFFD}\nBo;Kø\n");
        let mut note = note.unwrap();
        assert_eq!(note.encoding, TextEncoding::Utf8);
        assert_eq!((note.invalid_bytes, note.utf8_chars), (1, 5));
        note_replaced_rows(text.as_bytes(), b';', &mut note);
        assert_eq!((note.replaced_rows, note.replaced_row_count), (vec![3], 1));
        // A UTF-8 BOM decides, and bad bytes after it are said too.
        let (text, note) = decode_text(b"\xEF\xBB\xBFNavn\nS\xF8ren\n");
        assert_eq!(text, "Navn\nS\u{FFFD}ren\n");
        assert_eq!(note.unwrap().encoding, TextEncoding::Utf8);
    }

    #[test]
    fn delimiter_sniffing_prefers_the_header() {
        let m = Matcher::default();
        let text =
            "Aktivliste for Kommune, udtrukket 01-03-2025, side 1\nCPR;Navn;Anmodningsdato\n";
        let sniff = |t: &str| sniff_delimiter(&head_lines(t.as_bytes()).unwrap(), &m);
        assert_eq!(sniff(text), b';');
        let text = "CPR,Navn,Anmodningsdato\n010190-2000,\"A; B\",01-01-2025\n";
        assert_eq!(sniff(text), b',');
        assert_eq!(sniff("CPR\tNavn\tIndskrevet\n"), b'\t');
        assert_eq!(sniff("a,b,c\n"), b',');
    }
}

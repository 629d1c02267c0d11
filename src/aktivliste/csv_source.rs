//! CSV lists: bytes decoded to text (BOM, UTF-8 or Windows-1252), the delimiter sniffed from
//! the header, and records numbered as a spreadsheet program shows them.

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

/// CSV bytes as text: a BOM (UTF-8 or UTF-16) decides; otherwise UTF-8 when valid. A file that
/// is not all valid UTF-8 is decided by evidence: more characters written in valid UTF-8 than
/// bytes that are not valid UTF-8 make it UTF-8 with the bad bytes replaced by `�`; otherwise it
/// is Windows-1252, which is what Danish Excel writes. The note says which, and why.
pub(crate) fn decode_text(bytes: &[u8]) -> (String, Option<EncodingNote>) {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        if encoding != encoding_rs::UTF_8 || std::str::from_utf8(&bytes[bom..]).is_ok() {
            let (text, _) = encoding.decode_without_bom_handling(&bytes[bom..]);
            return (text.into_owned(), None);
        }
        // UTF-8 by its BOM, with bad bytes: replaced, and said.
        let mut note = evidence(&bytes[bom..]);
        note.encoding = TextEncoding::Utf8;
        return (
            String::from_utf8_lossy(&bytes[bom..]).into_owned(),
            Some(note),
        );
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return (s.to_string(), None);
    }
    let mut note = evidence(bytes);
    if note.utf8_chars > note.invalid_bytes {
        note.encoding = TextEncoding::Utf8;
        return (String::from_utf8_lossy(bytes).into_owned(), Some(note));
    }
    let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
    (text.into_owned(), Some(note))
}

/// What bytes that are not all valid UTF-8 hold: the counts a decision is made on (the
/// encoding is Windows-1252 until decided otherwise).
fn evidence(bytes: &[u8]) -> EncodingNote {
    let mut invalid_bytes = 0;
    let mut danish_letters = 0;
    let mut utf8_chars = 0;
    for chunk in bytes.utf8_chunks() {
        utf8_chars += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid_bytes += chunk.invalid().len();
        danish_letters += chunk
            .invalid()
            .iter()
            .filter(|b| DANISH_1252.contains(b))
            .count();
    }
    EncodingNote {
        encoding: TextEncoding::Windows1252,
        invalid_bytes,
        danish_letters,
        utf8_chars,
        replaced_rows: Vec::new(),
        replaced_row_count: 0,
    }
}

/// Names the rows of a CSV read as UTF-8 with replaced bytes: those with a `�`.
pub(crate) fn note_replaced_rows(text: &str, delimiter: u8, note: &mut EncodingNote) {
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

/// Picks the delimiter (`;`, `,` or tab) whose reading of the first rows finds the best header;
/// failing that, the one used most in those rows.
pub(crate) fn sniff_delimiter(text: &str, matcher: &Matcher) -> u8 {
    const CANDIDATES: [u8; 3] = [b';', b',', b'\t'];
    let region: String = text
        .lines()
        .take(HEADER_SEARCH_ROWS as usize)
        .collect::<Vec<_>>()
        .join("\n");
    let mut best = (0usize, 0usize, b';');
    for d in CANDIDATES {
        let mut score = 0;
        let _ = read_csv(&region, d, Some(HEADER_SEARCH_ROWS), &mut |_, cells| {
            score = score.max(matcher.score(cells));
            true
        });
        let count = region.bytes().filter(|&b| b == d).count();
        if (score, count) > (best.0, best.1) {
            best = (score, count, d);
        }
    }
    best.2
}

/// Reads CSV records, numbering them as a spreadsheet program shows them when it opens the file
/// (blank lines are rows; a quoted field with line breaks stays in one row).
pub(super) fn read_csv(
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
        if start > 0 && bytes.get(start - 1) == Some(&b'\r') && bytes.get(start) == Some(&b'\n') {
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
        read_csv(text, d, None, &mut |n, cells| {
            out.push((n, cells.iter().map(Cell::display).collect()));
            true
        })
        .unwrap();
        out
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
        let text = |b: &[u8]| decode_text(b).0;
        assert_eq!(text("\u{feff}Søren".as_bytes()), "Søren");
        assert_eq!(decode_text("Søren".as_bytes()), ("Søren".to_string(), None));
        assert_eq!(text(b"S\xF8ren \xC6bel\xF8 \xE5"), "Søren Æbelø å");
        assert_eq!(text(b"\xFF\xFEa\x00\xF8\x00"), "aø");
    }

    #[test]
    fn an_encoding_is_decided_by_evidence() {
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
        note_replaced_rows(&text, b';', &mut note);
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
        assert_eq!(sniff_delimiter(text, &m), b';');
        let text = "CPR,Navn,Anmodningsdato\n010190-2000,\"A; B\",01-01-2025\n";
        assert_eq!(sniff_delimiter(text, &m), b',');
        assert_eq!(sniff_delimiter("CPR\tNavn\tIndskrevet\n", &m), b'\t');
        assert_eq!(sniff_delimiter("a,b,c\n", &m), b',');
    }
}

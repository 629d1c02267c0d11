//! CSV lists: bytes decoded to text (BOM, UTF-8 or Windows-1252), the delimiter sniffed from
//! the header, and records numbered as a spreadsheet program shows them.

use super::cell::Cell;
use super::header::{HEADER_SEARCH_ROWS, Matcher};
use super::source::detail;

/// CSV bytes as text: a BOM (UTF-8 or UTF-16) decides; otherwise UTF-8 when valid, else
/// Windows-1252, which is what Danish Excel writes.
pub(crate) fn decode_text(bytes: &[u8]) -> String {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom..]);
        return text.into_owned();
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => {
            let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
            text.into_owned()
        }
    }
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
        assert_eq!(decode_text("\u{feff}Søren".as_bytes()), "Søren");
        assert_eq!(decode_text("Søren".as_bytes()), "Søren");
        assert_eq!(decode_text(b"S\xF8ren \xC6bel\xF8 \xE5"), "Søren Æbelø å");
        assert_eq!(decode_text(b"\xFF\xFEa\x00\xF8\x00"), "aø");
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

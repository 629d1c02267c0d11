//! Cell parsing (date and CPR text), header normalisation and detection, and the CSV path of
//! the list and decisions readers, fed arbitrary bytes. Nothing may panic or hang.
//!
//! `cargo +nightly fuzz run aktivliste` (from the crate root). The same input goes through
//! `tests/hostile.rs`'s stable harness, which runs without nightly.

#![no_main]

use libfuzzer_sys::fuzz_target;

use skifteplan::aktivliste::{Field, LoadOptions, load, load_decisions, normalise};
use skifteplan::domain::Cpr;
use skifteplan::domain::date::parse_date_text;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for part in text.split(['\n', ';', ',']).take(64) {
        let _ = parse_date_text(part);
        let _ = Cpr::parse(part);
        let _ = normalise(part);
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("liste.csv");
    std::fs::write(&path, data).unwrap();
    let mut options = LoadOptions::default();
    // Sometimes an explicit column mapping, named by the input's first line.
    if data.first().is_some_and(|b| b & 1 == 1) {
        let header = text.lines().next().unwrap_or_default().to_string();
        options.columns.push((Field::Anmodningsdato, header));
    }
    let _ = load(&path, &options);
    let _ = load_decisions(&path);
});

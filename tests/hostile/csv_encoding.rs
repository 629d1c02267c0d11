//! A CSV's encoding decided per file by evidence: valid UTF-8 is UTF-8; mostly UTF-8 with a few
//! bad bytes stays UTF-8 (the bad bytes replaced, their rows named); Windows-1252's Danish
//! letters make it Windows-1252. The plan says which, and why.

use super::*;

#[test]
fn mostly_utf8_with_a_stray_byte_stays_utf8_and_names_the_row() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("blandet.csv");
    let bytes = [
        "CPR;Navn;Anmodningsdato\n010190-2000;Søren Ærø;01-02-2025\n020190-3000;Bo Ø".as_bytes(),
        b"\xE6",
        "rn;01-02-2025\n030190-4000;Åse Møller;01-02-2025\n".as_bytes(),
    ]
    .concat();
    std::fs::write(&path, bytes).unwrap();
    let list = load_bounded(&path).unwrap();
    let names: Vec<_> = list.citizens.iter().map(|c| c.name.as_deref()).collect();
    assert_eq!(
        names,
        [
            Some("Søren Ærø"),
            Some("Bo Ø\u{FFFD}rn"),
            Some("Åse Møller")
        ]
    );
    let [LoadNote::Encoding(note)] = list.notes.as_slice() else {
        panic!("{:?}", list.notes)
    };
    assert_eq!(note.encoding, TextEncoding::Utf8);
    assert_eq!(note.replaced_rows, [3]);
    let run = plan_with_peak(&path, &[]);
    // Exit 1 for the anmodninger without iværksættelse, not for the note.
    run.assert_code(1);
    assert!(
        run.stderr().contains(
            "Note: read as UTF-8: 6 characters are written in UTF-8, but 1 bytes are not valid UTF-8 and were replaced with � in 1 rows (rows 3)"
        ),
        "{}",
        run.stderr()
    );
}

#[test]
fn windows_1252_danish_letters_make_it_windows_1252_and_say_so() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ansi.csv");
    std::fs::write(
        &path,
        b"CPR;Navn;Anmodningsdato\n010190-2000;S\xF8ren \xC6r\xF8;01-02-2025\n020190-3000;\xC5se;01-02-2025\n",
    )
    .unwrap();
    let list = load_bounded(&path).unwrap();
    let names: Vec<_> = list.citizens.iter().map(|c| c.name.as_deref()).collect();
    assert_eq!(names, [Some("Søren Ærø"), Some("Åse")]);
    let [LoadNote::Encoding(note)] = list.notes.as_slice() else {
        panic!("{:?}", list.notes)
    };
    assert_eq!(note.encoding, TextEncoding::Windows1252);
    let run = skifteplan()
        .args(["plan", path.to_str().unwrap(), "--model", "2"])
        .args(["--switch-date", "2026-03-31"])
        .run();
    // A note, nothing replaced: the list is planned as any other (an anmodning without
    // iværksættelse is an ordinary case with a note, guide §4 d).
    run.assert_code(0);
    assert!(
        run.stderr().contains(
            "Bemærk: læst som Windows-1252: 4 bytes er ikke gyldig UTF-8 (4 af dem er æ, ø, å, Æ, Ø eller Å i Windows-1252), og 0 tegn er skrevet i UTF-8"
        ),
        "{}",
        run.stderr()
    );
}

#[test]
fn valid_utf8_says_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("utf8.csv");
    std::fs::write(
        &path,
        "CPR;Navn;Anmodningsdato\n010190-2000;Søren;01-02-2025\n",
    )
    .unwrap();
    let list = load_bounded(&path).unwrap();
    assert!(list.notes.is_empty());
    assert_eq!(list.citizens[0].name.as_deref(), Some("Søren"));
}

#[test]
fn replaced_characters_need_a_person() {
    let dir = tempfile::tempdir().unwrap();
    let head = "CPR;Navn;Anmodningsdato;Iværksættelsesdato\n010190-2000;Søren Ærø;01-02-2025;03-02-2025\n020190-3000;Bo Ø";
    let tail = "rn;01-02-2025;03-02-2025\n";
    let clean = dir.path().join("ren.csv");
    std::fs::write(&clean, format!("{head}{tail}")).unwrap();
    plan_with_peak(&clean, &[]).assert_code(0);
    let stray = dir.path().join("fejl.csv");
    std::fs::write(&stray, [head.as_bytes(), b"\xE6", tail.as_bytes()].concat()).unwrap();
    // The plan is written, but a person must look at the replaced character.
    plan_with_peak(&stray, &[])
        .assert_code(1)
        .assert_stderr_has("replaced with � in 1 rows (rows 3)");
}

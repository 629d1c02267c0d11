//! The reader end to end: workbooks built with rust_xlsxwriter and CSV files written into a
//! temporary directory, read back with `aktivliste::load`. Every CPR number here is fictitious.

use std::path::{Path, PathBuf};

use crate::aktivliste::{
    Field, IgnoreReason, LoadError, LoadOptions, SheetKind, WarningKind, load,
};
use crate::domain::CprClass;
use crate::lang::Lang;
use chrono::NaiveDate;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

/// A cell to write.
pub(super) enum V<'a> {
    S(&'a str),
    N(f64),
    D(u16, u8, u8),
    B(bool),
    E,
}
pub(super) use V::*;

pub(super) fn xlsx(dir: &Path, file: &str, sheets: &[(&str, Vec<Vec<V<'_>>>)]) -> PathBuf {
    let mut wb = Workbook::new();
    let date = Format::new().set_num_format("dd-mm-yyyy");
    for (name, rows) in sheets {
        let ws = wb.add_worksheet();
        ws.set_name(*name).unwrap();
        for (r, row) in rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                match v {
                    S(s) => {
                        ws.write_string(r, c, *s).unwrap();
                    }
                    N(n) => {
                        ws.write_number(r, c, *n).unwrap();
                    }
                    D(y, m, d) => {
                        let dt = ExcelDateTime::from_ymd(*y, *m, *d).unwrap();
                        ws.write_datetime_with_format(r, c, &dt, &date).unwrap();
                    }
                    B(b) => {
                        ws.write_boolean(r, c, *b).unwrap();
                    }
                    E => {}
                }
            }
        }
    }
    let path = dir.join(file);
    wb.save(&path).unwrap();
    path
}

pub(super) fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn two_sheet_workbook(dir: &Path) -> PathBuf {
    xlsx(
        dir,
        "aktivliste.xlsx",
        &[
            (
                "Anmodninger",
                vec![
                    vec![S("Aktivliste for Prøve Kommune, udtrukket 01-03-2025")],
                    vec![],
                    vec![S("Kun aktive sager")],
                    vec![
                        S("CPR-nr."),
                        S("Navn"),
                        S("Anmodnings-ID"),
                        S("Anmodningsdato"),
                        S("Iværksat dato"),
                        S("Tilknyttet tilbud"),
                        S("Tilknytningsdato"),
                        S("KvalHep"),
                        S("Bemærkning"),
                    ],
                    // Row 5: text dates, a valid CPR with hyphen.
                    vec![
                        S("010190-2000"),
                        S("Anna Ærø"),
                        N(12345.0),
                        S("01-02-2025"),
                        S("2025-02-03"),
                        S("Rusmiddelcenter"),
                        S("4.2.2025"),
                        S("Ja"),
                    ],
                    // Row 6: real date cells, serial in a number cell, CPR number that lost
                    // its leading zero.
                    vec![
                        N(102903000.0),
                        S("Bo"),
                        S("A-7"),
                        D(2025, 1, 15),
                        N(45717.0),
                        E,
                        E,
                        D(2025, 1, 20),
                    ],
                    vec![],
                    // Row 8: impossible date.
                    vec![S("030190-4000"), S("Cille"), E, S("31-02-2025")],
                    // Row 9: missing CPR.
                    vec![E, S("Dan"), E, S("01-02-2025")],
                    // Row 10: second anmodning for Anna (kept, not merged).
                    vec![S("0101902000"), E, S("12346"), S("05-02-2025")],
                    // Row 11: footer.
                    vec![S("I alt: 4")],
                ],
            ),
            (
                "Indskrivninger",
                vec![
                    vec![
                        S("CPR"),
                        S("Borgernavn"),
                        S("IndskrivningsID"),
                        S("Tilbud"),
                        S("Indskrivningsdato"),
                        S("Ydelser"),
                        S("Ydelse startdato"),
                    ],
                    vec![
                        S("010190-2000"),
                        S("Anna Ærø"),
                        S("I-1"),
                        S("Rusmiddelcenter"),
                        D(2025, 2, 10),
                        S("Samtaler; Medicinsk behandling"),
                        D(2025, 2, 11),
                    ],
                    // A citizen of another kommune: indskrivning only.
                    vec![
                        S("040190-5000"),
                        S("Eva"),
                        S("I-2"),
                        S("Rusmiddelcenter"),
                        S("01-01-2025"),
                    ],
                    // Missing indskrivningsdato.
                    vec![S("050190-6000"), S("Finn"), S("I-3"), E, E],
                ],
            ),
            ("Noter", vec![vec![S("Noter til listen")], vec![S("Ingen")]]),
            ("Ark4", vec![]),
        ],
    )
}

#[test]
fn two_sheet_workbook_is_read_joined_and_explained() {
    let dir = tempfile::tempdir().unwrap();
    let path = two_sheet_workbook(dir.path());
    let list = load(&path, &LoadOptions::default()).unwrap();

    // Sheets.
    assert_eq!(list.sheets.len(), 2);
    let a = &list.sheets[0];
    assert_eq!(
        (a.name.as_str(), a.kind),
        ("Anmodninger", SheetKind::Anmodninger)
    );
    assert_eq!(a.header_row, 4);
    assert_eq!(a.mapping[0], (Field::Cpr, "CPR-nr.".to_string()));
    assert_eq!(
        a.mapping.iter().map(|(f, _)| *f).collect::<Vec<_>>(),
        [
            Field::Cpr,
            Field::Name,
            Field::AnmodningId,
            Field::Anmodningsdato,
            Field::Ivaerksaettelsesdato,
            Field::Tilbud,
            Field::Tilknytningsdato,
            Field::KvalHep
        ]
    );
    assert_eq!(a.unused_headers, ["Bemærkning"]);
    assert_eq!(a.rows_used, 3);
    let i = &list.sheets[1];
    assert_eq!(i.kind, SheetKind::Indskrivninger);
    assert_eq!((i.header_row, i.rows_used), (1, 2));

    // Ignored sheets, not silently skipped.
    let ignored: Vec<(&str, &IgnoreReason)> = list
        .ignored_sheets
        .iter()
        .map(|s| (s.name.as_str(), &s.reason))
        .collect();
    assert_eq!(
        ignored,
        [
            ("Noter", &IgnoreReason::NoHeader),
            ("Ark4", &IgnoreReason::Empty)
        ]
    );

    // Citizens in order of first appearance.
    let names: Vec<Option<&str>> = list.citizens.iter().map(|c| c.name.as_deref()).collect();
    assert_eq!(names, [Some("Anna Ærø"), Some("Bo"), Some("Eva")]);
    let anna = &list.citizens[0];
    assert_eq!(anna.anmodninger.len(), 2, "two anmodninger are kept");
    let first = &anna.anmodninger[0];
    assert_eq!(first.id.as_deref(), Some("12345"));
    assert_eq!(first.anmodningsdato, d(2025, 2, 1));
    assert_eq!(first.ivaerksaettelsesdato, Some(d(2025, 2, 3)));
    let t = first.tilbudstilknytning.as_ref().unwrap();
    assert_eq!(t.tilbud.as_deref(), Some("Rusmiddelcenter"));
    assert_eq!(t.dato, Some(d(2025, 2, 4)));
    assert_eq!(first.kvalhep.as_ref().unwrap().dato, None);
    assert_eq!((&*first.source.sheet, first.source.row), ("Anmodninger", 5));
    assert_eq!(anna.anmodninger[1].source.row, 10);
    assert_eq!(anna.indskrivninger.len(), 1);
    let ind = &anna.indskrivninger[0];
    assert_eq!(ind.indskrivningsdato, d(2025, 2, 10));
    assert_eq!(ind.ydelser.len(), 2);
    assert_eq!(&*ind.ydelser[1].navn, "Medicinsk behandling");
    assert_eq!(ind.ydelser[1].startdato, Some(d(2025, 2, 11)));

    let bo = &list.citizens[1];
    assert_eq!(bo.cpr.masked(), "010290-xxxx");
    let a = &bo.anmodninger[0];
    assert_eq!(a.anmodningsdato, d(2025, 1, 15));
    assert_eq!(a.ivaerksaettelsesdato, Some(d(2025, 3, 1)));
    assert_eq!(a.kvalhep.as_ref().unwrap().dato, Some(d(2025, 1, 20)));
    assert!(a.tilbudstilknytning.is_none());

    let eva = &list.citizens[2];
    assert!(eva.anmodninger.is_empty());
    assert_eq!(eva.indskrivninger.len(), 1);

    // Rejected rows with Excel's row numbers and reasons.
    let rejected: Vec<(&str, u32, &str)> = list
        .rejected
        .iter()
        .map(|r| (&*r.source.sheet, r.source.row, r.reason.key()))
        .collect();
    assert_eq!(
        rejected,
        [
            ("Anmodninger", 8, "bad_date"),
            ("Anmodninger", 9, "missing_cpr"),
            ("Anmodninger", 11, "note_line"),
            ("Indskrivninger", 4, "missing_date"),
        ]
    );
    assert_eq!(
        list.rejected[0].reason.message(Lang::En),
        "Anmodningsdato '31-02-2025': impossible date"
    );
    assert_eq!(list.rejected[0].values[0], "030190-xxxx");
    assert_eq!(list.rejected[0].values[1], "Cille");
    assert_eq!(
        list.rejected[3].reason.message(Lang::Da),
        "Indskrivningsdato mangler"
    );

    // Mod-11 failures are warnings, once per citizen, and the rows are used.
    assert!(list.warnings.iter().all(|w| matches!(
        w.kind,
        WarningKind::Mod11Failed { .. } | WarningKind::Replacement { .. }
    )));
    assert_eq!(anna.cpr_class, CprClass::Mod11Failed);
    let anna_warnings = list
        .warnings
        .iter()
        .filter(|w| w.message(Lang::En).contains("010190-xxxx"))
        .count();
    assert_eq!(anna_warnings, 1);
}

#[test]
fn no_message_holds_cpr_digits() {
    let dir = tempfile::tempdir().unwrap();
    let path = two_sheet_workbook(dir.path());
    let list = load(&path, &LoadOptions::default()).unwrap();
    for lang in [Lang::Da, Lang::En] {
        let mut texts: Vec<String> = Vec::new();
        texts.extend(list.rejected.iter().map(|r| r.reason.message(lang)));
        texts.extend(list.rejected.iter().flat_map(|r| r.values.clone()));
        texts.extend(list.warnings.iter().map(|w| w.message(lang)));
        for t in texts {
            for serial in ["2000", "3000", "4000", "5000", "6000"] {
                assert!(!t.contains(serial), "{t}");
            }
        }
    }
}

#[test]
fn invalid_cpr_is_rejected_without_its_digits() {
    let dir = tempfile::tempdir().unwrap();
    let path = xlsx(
        dir.path(),
        "x.xlsx",
        &[(
            "Ark1",
            vec![
                vec![S("CPR"), S("Anmodningsdato")],
                vec![S("321390-1234"), S("01-01-2025")],
                vec![S("12345"), S("01-01-2025")],
                vec![S("610190-2000"), S("01-01-2025")],
            ],
        )],
    );
    let list = load(&path, &LoadOptions::default()).unwrap();
    assert_eq!(list.rejected.len(), 2);
    assert_eq!(list.rejected[0].reason.key(), "invalid_cpr");
    assert_eq!(list.rejected[0].source.row, 2);
    assert_eq!(list.rejected[0].values[0], "321390-xxxx");
    for lang in [Lang::Da, Lang::En] {
        assert!(!list.rejected[0].reason.message(lang).contains("1234"));
    }
    // A replacement number is used, with a warning.
    assert_eq!(list.citizens.len(), 1);
    assert_eq!(list.citizens[0].cpr_class, CprClass::Replacement);
    assert!(matches!(
        list.warnings[0].kind,
        WarningKind::Replacement { .. }
    ));
}

#[test]
fn explicit_mapping_names_a_column_the_aliases_do_not_know() {
    let dir = tempfile::tempdir().unwrap();
    let path = xlsx(
        dir.path(),
        "x.xlsx",
        &[(
            "Ark1",
            vec![
                vec![S("Personid"), S("Dato for henvendelse"), S("Startdato")],
                vec![S("010190-2000"), S("01-01-2025"), S("02-01-2025")],
            ],
        )],
    );
    assert!(matches!(
        load(&path, &LoadOptions::default()),
        Err(LoadError::NoHeader(_))
    ));
    let options = LoadOptions {
        columns: vec![
            (Field::Cpr, "PersonID".into()),
            (Field::Anmodningsdato, "dato for henvendelse".into()),
            (
                Field::from_key("ivaerksaettelsesdato").unwrap(),
                "Startdato".into(),
            ),
            (Field::Tilbud, "Ikke her".into()),
        ],
    };
    let list = load(&path, &options).unwrap();
    assert_eq!(list.citizens.len(), 1);
    let a = &list.citizens[0].anmodninger[0];
    assert_eq!(a.ivaerksaettelsesdato, Some(d(2025, 1, 2)));
    assert!(list.warnings.iter().any(|w| matches!(
        &w.kind,
        WarningKind::MappingNotFound {
            field: Field::Tilbud,
            ..
        }
    )));
}

mod files;

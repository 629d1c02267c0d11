//! Writes the fictitious sample lists in `sample-data/` and their README:
//! `cargo run --example gen_sample_data` (from the crate root).
//!
//! Every CPR number and name here is invented. The files are tables of rows; each row carries a
//! note (layout, a usable row and what it shows, or an unusable row and why). The README's tables
//! and citizen counts are built from the same notes, so they always match the files. Only
//! `rust_xlsxwriter` and std are used, never the crate's own reader. The output is deterministic:
//! fixed data and a fixed workbook creation date, so regenerating gives the same bytes.
#![allow(clippy::unwrap_used, clippy::panic)] // a test, bench or dev tool: a failed expectation may stop it

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::Path;

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, XlsxError};

use Note::{L, R, X};
use V::{D, Dt, E, H, N, S, T};

/// The switch date (systemskiftedato) the samples are made for.
const SWITCH_DATE: &str = "2026-03-31";
const OUT_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/sample-data");
const REGENERATE: &str = "cargo run --example gen_sample_data";

const BY: &str = "Rusmiddelcenter Fiktiv By";
const DAG: &str = "Fiktiv Dagbehandling";

/// One cell.
#[derive(Clone, Copy)]
enum V {
    /// Empty cell.
    E,
    /// Text cell. Written as a string, never as a formula, even when it starts with `=`.
    T(&'static str),
    /// Header text (bold).
    H(&'static str),
    /// Plain number cell: an ID, or a CPR number that lost its leading zero.
    N(f64),
    /// Real date cell, shown as dd-mm-yyyy.
    D(u16, u8, u8),
    /// Real date-time cell (year, month, day, hour, minute), shown as dd-mm-yyyy hh:mm.
    Dt(u16, u8, u8, u16, u8),
    /// A date as its Excel serial number in a plain number cell (no date format).
    S(u16, u8, u8),
}

/// What a row is for.
#[derive(Clone, Copy)]
enum Note {
    /// Title, note, header or blank row.
    L,
    /// A usable data row; the text says what it shows ("" for nothing special).
    R(&'static str),
    /// A row the reader must keep and report as unusable; the text says why.
    X(&'static str),
}

type Row = (Note, &'static [V]);

struct Sheet {
    name: &'static str,
    rows: &'static [Row],
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Xlsx,
    CsvUtf8Bom,
    CsvUtf8,
    Csv1252,
}

struct SampleFile {
    file: &'static str,
    kind: Kind,
    about: &'static str,
    sheets: &'static [Sheet],
}

// ---------------------------------------------------------------------------------------------
// aktivliste-lille.xlsx: clean, header in row 1, real date cells.

#[rustfmt::skip]
const LILLE_ANM: &[Row] = &[
    (L, &[H("CPR"), H("Navn"), H("Anmodning ID"), H("Anmodningsdato"), H("Iværksættelsesdato"), H("Tilbud"), H("Tilknytningsdato"), H("KvalHep"), H("Glemt"), H("Faktisk slutdato")]),
    (R("anmodning only; forgotten in beslutninger.csv (end 30-01-2026)"),
        &[T("120379-2383"), T("Test Testesen"), T("A-1001"), D(2025, 9, 15)]),
    (R("anmodning + iværksættelse"),
        &[T("230468-3778"), T("Anna Fiktivsen"), T("A-1002"), D(2025, 5, 5), D(2025, 5, 19)]),
    (R("anmodning + iværksættelse + tilbudstilknytning"),
        &[T("050590-2238"), T("Bo Prøvesen"), T("A-1003"), D(2025, 2, 3), D(2025, 2, 17), T(BY), D(2025, 2, 24)]),
    (R("... + KvalHep with a date"),
        &[T("171282-3638"), T("Carla Eksempelsen"), T("A-1004"), D(2024, 10, 7), D(2024, 10, 21), T(BY), D(2024, 10, 28), D(2024, 11, 4)]),
    (R("... + KvalHep marked \"Ja\" (no date)"),
        &[T("280293-2106"), T("Dan Dummysen"), T("A-1005"), D(2025, 1, 13), D(2025, 1, 27), T(DAG), D(2025, 2, 3), T("Ja")]),
    (R("myndighed case + indskrivning with two ydelser (Indskrivninger row 2)"),
        &[T("091174-3477"), T("Eva Opdigtetsen"), T("A-1006"), D(2025, 6, 2), D(2025, 6, 16), T(BY), D(2025, 6, 23)]),
    (R("forgotten case: Glemt \"Ja\", Faktisk slutdato 30-11-2025 (indskrivning in Indskrivninger row 5)"),
        &[T("140771-3334"), T("Gitte Glemtsen"), T("A-1008"), D(2024, 8, 5), D(2024, 8, 19), T(BY), D(2024, 8, 26), E, T("Ja"), D(2025, 11, 30)]),
    (R("conflict: two active anmodninger for one CPR (rows 9 and 10)"),
        &[T("220996-1817"), T("Hans Dobbeltsen"), T("A-1009"), D(2024, 3, 4), D(2024, 3, 18)]),
    (R("conflict: the second active anmodning (see row 9)"),
        &[T("220996-1817"), T("Hans Dobbeltsen"), T("A-1010"), D(2025, 11, 10)]),
    (R("conflict in model 2: iværksættelse 07-04-2026 is after the switch date"),
        &[T("031088-3190"), T("Ida Senesen"), T("A-1011"), D(2026, 3, 16), D(2026, 4, 7)]),
    (R("CPR fails modulus 11: a warning, the row is used"),
        &[T("150369-1234"), T("Jens Modulussen"), T("A-1012"), D(2025, 4, 7), D(2025, 4, 22)]),
    (R("every myndighed form + indskrivning (Indskrivninger row 4); forgotten in beslutninger.csv (end 27-02-2026)"),
        &[T("191265-1688"), T("Karen Komplet"), T("A-1013"), D(2024, 12, 2), D(2024, 12, 16), T(DAG), D(2025, 1, 6), D(2025, 1, 20)]),
];

#[rustfmt::skip]
const LILLE_IND: &[Row] = &[
    (L, &[H("CPR"), H("Navn"), H("Indskrivning ID"), H("Tilbud"), H("Indskrivningsdato"), H("Ydelse"), H("Ydelse startdato")]),
    (R("two ydelser in one cell separated by \";\" (anmodning in Anmodninger row 7)"),
        &[T("091174-3477"), T("Eva Opdigtetsen"), T("I-2006"), T(BY), D(2025, 6, 23), T("Ambulant behandling; Substitutionsbehandling"), D(2025, 6, 30)]),
    (R("known only at the offer: indskrivning, no anmodning (tilbud steps only)"),
        &[T("300687-1959"), T("Finn Udenbysen"), T("I-2007"), T(BY), D(2025, 7, 1), T("Substitutionsbehandling"), D(2025, 7, 1)]),
    (R("indskrivning of Anmodninger row 13"),
        &[T("191265-1688"), T("Karen Komplet"), T("I-2013"), T(DAG), D(2025, 1, 6), T("Dagbehandling"), D(2025, 1, 13)]),
    (R("indskrivning of the forgotten case in Anmodninger row 8"),
        &[T("140771-3334"), T("Gitte Glemtsen"), T("I-2008"), T(BY), D(2024, 8, 26), T("Ambulant behandling"), D(2024, 9, 2)]),
];

// ---------------------------------------------------------------------------------------------
// aktivliste-rodet.xlsx: hand-edited export with title rows, aliases and unusable rows.

#[rustfmt::skip]
const RODET_ANM: &[Row] = &[
    (L, &[T("Aktivliste for Fiktiv Kommune, udtrukket 02-02-2026 (fiktive data)")]),
    (L, &[]),
    (L, &[T("Bemærk: rettet i hånden efter udtrækket. Alle navne og CPR-numre er fiktive.")]),
    (L, &[H("CPR-nr."), H("Borgernavn"), H("Sagsbehandler"), H("Anmodnings-ID"), H("Dato for anmodning"), H("Iværksat dato"), H("Tilknyttet tilbud"), H("Tilbudstilknytning dato"), H("KvalHep-dato"), H("Glemt sag"), H("Slutdato")]),
    (R("CPR as a number cell that lost its leading zero; iværksættelse as a serial number; ID as a number; indskrivning on Aktive indskrivninger row 10"),
        &[N(101_851_001.0), T("Mads Nulsen"), T("Sofie Sagsen"), N(40101.0), D(2025, 3, 3), S(2025, 3, 17), T(BY), D(2025, 3, 24)]),
    (R("CPR without hyphen; text dates 2025-03-01 and 10.03.2025; ID as text"),
        &[T("0703803059"), T("Nina Tekstesen"), T("Sofie Sagsen"), T("40102"), T("2025-03-01"), T("10.03.2025")]),
    (R("text dates 01.03.2025, 1-4-2025, 01/04/2025; KvalHep date cell; indskrivning on Aktive indskrivninger row 3"),
        &[T("250458-1538"), T("Otto Punktum"), T("Kim Kollega"), N(40103.0), T("01.03.2025"), T("1-4-2025"), T(DAG), T("01/04/2025"), D(2025, 4, 15)]),
    (L, &[]),
    (R("anmodningsdato as text with a time; iværksættelse as a date-time cell; tilknytningsdato as a serial number; KvalHep \"Ja\""),
        &[T("1105922910"), T("Pia Klokkesen"), T("Kim Kollega"), N(40104.0), T("01-03-2025 10:15"), Dt(2025, 3, 10, 9, 30), T(BY), S(2025, 3, 17), T("Ja")]),
    (X("CPR cell \"ukendt\" is not a CPR number"),
        &[T("ukendt"), T("Ukendt Borger"), T("Sofie Sagsen"), N(40191.0), D(2025, 5, 5)]),
    (R("conflict: two active anmodninger for one CPR (rows 11 and 12)"),
        &[T("020272-1389"), T("Ole Dobbeltsen"), T("Kim Kollega"), N(40105.0), D(2024, 11, 4), D(2024, 11, 18)]),
    (R("conflict: the second active anmodning (see row 11), CPR written without hyphen"),
        &[T("0202721389"), T("Ole Dobbeltsen"), T("Kim Kollega"), T("A-40117"), T("12-01-2026")]),
    (X("no CPR, only a name"),
        &[E, T("Peter Uden Cpr"), T("Sofie Sagsen"), N(40192.0), D(2025, 6, 2)]),
    (R("conflict in model 2: iværksættelse 07-04-2026 and tilbudstilknytning 14-04-2026 are after the switch date"),
        &[T("161183-2768"), T("Rikke Senere"), T("Sofie Sagsen"), N(40106.0), D(2026, 2, 16), D(2026, 4, 7), T(DAG), T("2026-04-14")]),
    (X("anmodningsdato \"31-02-2025\" is an impossible date"),
        &[T("290889-1247"), T("Sune Umuligsen"), T("Kim Kollega"), N(40193.0), T("31-02-2025")]),
    (X("anmodningsdato \"01-03-25\" has a two-digit year (not guessed)"),
        &[T("080666-2623"), T("Tove Kortår"), T("Kim Kollega"), N(40194.0), T("01-03-25")]),
    (R("forgotten case: Glemt sag \"x\", Slutdato as text 15.12.2025; indskrivning on Aktive indskrivninger row 7"),
        &[T("130195-1104"), T("Ulla Glemmesen"), T("Kim Kollega"), N(40107.0), T("02-09-2024"), T("16-09-2024"), T(BY), T("23-09-2024"), E, T("x"), T("15.12.2025")]),
    (R("forgotten case WITHOUT end date: Glemt sag \"Ja\", Slutdato empty (a person must give the date)"),
        &[T("261077-2482"), T("Viggo Væk"), T("Kim Kollega"), N(40108.0), D(2023, 6, 12), D(2023, 6, 26), E, E, E, T("Ja")]),
    (L, &[]),
    (L, &[]),
    (R("anmodning without iværksættelse"),
        &[T("040484-3869"), T("Wenche Venter"), T("Sofie Sagsen"), N(40109.0), D(2026, 1, 20)]),
    (R("name \"=Fiktiv Formel\" starts with \"=\": text, never a formula"),
        &[T("180791-2344"), T("=Fiktiv Formel"), T("Sofie Sagsen"), N(40110.0), D(2025, 8, 11), S(2025, 8, 25)]),
    (R("text dates 01/03/2025 and 15/03/2025; KvalHep date cell without tilbudstilknytning; ID as text"),
        &[T("270582-2207"), T("Xenia Skråstreg"), T("Kim Kollega"), T("40111"), T("01/03/2025"), T("15/03/2025"), E, E, D(2025, 4, 1)]),
    (R("CPR as a number cell that lost its leading zero; both dates as serial numbers"),
        &[N(606_983_581.0), T("Yrsa Talsen"), T("Kim Kollega"), N(40112.0), S(2025, 9, 1), S(2025, 9, 15)]),
    (R("KvalHep marked \"x\""),
        &[T("211155-2056"), T("Åge Åbensen"), T("Sofie Sagsen"), N(40113.0), D(2025, 10, 6), T("20-10-2025"), T(DAG), D(2025, 10, 27), T("x")]),
    (R(""),
        &[T("1004763439"), T("Ørjan Ærlighed"), T("Sofie Sagsen"), N(40114.0), D(2025, 12, 1), D(2025, 12, 15)]),
    (R("text date 1-12-2025, no iværksættelse; ID as text"),
        &[T("240987-1928"), T("Bent Bindestreg"), T("Kim Kollega"), T("40115"), T("1-12-2025")]),
    (R("every myndighed form as date cells"),
        &[T("310563-3296"), T("Cecilie Cellesen"), T("Kim Kollega"), N(40116.0), D(2024, 4, 2), D(2024, 4, 16), T(BY), D(2024, 4, 16), D(2024, 5, 1)]),
    (X("footer row \"I alt: 17\""),
        &[T("I alt: 17")]),
];

#[rustfmt::skip]
const RODET_IND: &[Row] = &[
    (L, &[T("Aktive indskrivninger, Fiktiv Kommune (fiktive data)")]),
    (L, &[H("Cprnr"), H("Navn"), H("Indskrivnings-ID"), H("Indskrevet"), H("Tilbudsnavn"), H("Ydelser"), H("Ydelse start")]),
    (R("indskrivning of Aktive anmodninger row 7 (CPR here without hyphen); two ydelser split on \",\""),
        &[T("2504581538"), T("Otto Punktum"), N(50103.0), D(2025, 4, 1), T(DAG), T("Ambulant behandling, Dagbehandling"), T("2025-04-07")]),
    (R("known only at the offer (no anmodning); text dates 01/03/2025 and 03.03.2025"),
        &[T("090992-1775"), T("Dorte Andenkommune"), T("I-50201"), T("01/03/2025"), T(BY), T("Substitutionsbehandling"), T("03.03.2025")]),
    (R("known only at the offer; two ydelser on two lines; dates as serial numbers"),
        &[T("051281-3151"), T("Erik Gæstesen"), N(50202.0), S(2025, 5, 12), T(BY), T("Ambulant behandling\nSubstitutionsbehandling"), S(2025, 5, 19)]),
    (L, &[]),
    (R("indskrivning of the forgotten case in Aktive anmodninger row 17; text dates 23-9-2024 and 30-09-2024 08:00"),
        &[T("130195-1104"), T("Ulla Glemmesen"), N(50107.0), T("23-9-2024"), T(BY), T("Ambulant behandling"), T("30-09-2024 08:00")]),
    (R("known only at the offer; CPR as a number cell that lost its leading zero"),
        &[N(112_992_871.0), T("Frede Nulsen"), N(50203.0), D(2025, 6, 2), T(DAG), T("Dagbehandling; Ambulant behandling"), D(2025, 6, 9)]),
    (R("known only at the offer; indskrivning without ydelser"),
        &[T("220484-3018"), T("Grethe Grænsesen"), T("I-50204"), D(2025, 11, 3), T(BY)]),
    (R("indskrivning of Aktive anmodninger row 5 (number CPR there, text CPR here)"),
        &[T("010185-1001"), T("Mads Nulsen"), N(50101.0), D(2025, 3, 24), T(BY), T("Ambulant behandling"), D(2025, 3, 31)]),
];

#[rustfmt::skip]
const RODET_NOTER: &[Row] = &[
    (L, &[T("Noter til aktivlisten (fiktive data)")]),
    (L, &[]),
    (L, &[T("Viggo Væk er måske stoppet i behandling; spørg Rusmiddelcenter Fiktiv By.")]),
    (L, &[T("Nogle datoer er rettet i hånden efter udtrækket.")]),
    (L, &[T("Listen er ikke afstemt med SMDB efter 02-02-2026.")]),
];

// ---------------------------------------------------------------------------------------------
// CSV files: text only, `;`-separated, day-first dates.

#[rustfmt::skip]
const CSV_ANM: &[Row] = &[
    (L, &[T("Aktivliste for Fiktiv Kommune (fiktive data)")]),
    (L, &[H("CPR"), H("Navn"), H("Anmodning ID"), H("Anmodningsdato"), H("Iværksættelsesdato"), H("Tilbud"), H("Tilknytningsdato"), H("KvalHep")]),
    (R("anmodning + iværksættelse + tilbudstilknytning"),
        &[T("171070-1632"), T("Lars Semikolonsen"), T("C-3001"), T("03-03-2025"), T("17-03-2025"), T(BY), T("24-03-2025")]),
    (R("CPR without hyphen; anmodning only"),
        &[T("1406941503"), T("Maja Kommasen"), T("C-3002"), T("12-05-2025")]),
    (R("dates without leading zeros"),
        &[T("280376-1348"), T("Niels Tekstfil"), T("C-3003"), T("1-9-2025"), T("15-9-2025")]),
    (R("dates with dots; KvalHep with a date"),
        &[T("120888-2739"), T("Olga Bomsen"), T("C-3004"), T("06.10.2025"), T("20.10.2025"), T(DAG), T("27.10.2025"), T("03-11-2025")]),
    (R("KvalHep \"Ja\"; name with ø"),
        &[T("190661-1208"), T("Poul Prøvefil"), T("C-3005"), T("05-01-2026"), T("19-01-2026"), E, E, T("Ja")]),
    (R("anmodning only"),
        &[T("070797-2599"), T("Rita Rækkesen"), T("C-3006"), T("02-02-2026")]),
];

#[rustfmt::skip]
const CSV_1252: &[Row] = &[
    (L, &[T("Aktivliste for Fiktiv Kommune (fiktive data, gemt af Excel som CSV)")]),
    (L, &[H("CPR"), H("Navn"), H("Anmodning ID"), H("Anmodningsdato"), H("Iværksættelsesdato"), H("Tilbud"), H("Tilknytningsdato"), H("KvalHep")]),
    (R("æ, ø in name and tilbud"),
        &[T("180462-1101"), T("Søren Ærøsen"), T("W-4001"), T("07-04-2025"), T("22-04-2025"), T("Behandlingscenter Fiktivstrøm"), T("28-04-2025")]),
    (R("å, æ in name"),
        &[T("260871-2022"), T("Åse Blåbærsen"), T("W-4002"), T("01-09-2025"), T("15-09-2025")]),
    (R("anmodning only"),
        &[T("021079-2937"), T("Bjørn Møllebæk"), T("W-4003"), T("03-11-2025")]),
    (R("CPR without hyphen; KvalHep with a date"),
        &[T("1411833859"), T("Øjvind Åkjær"), T("W-4004"), T("10-02-2025"), T("24-02-2025"), T(DAG), T("03-03-2025"), T("10-03-2025")]),
    (R("KvalHep \"Ja\""),
        &[T("290590-1969"), T("Mette Ågård"), T("W-4005"), T("05-01-2026"), T("19-01-2026"), E, E, T("Ja")]),
    (R("Æ, ø in name; date without leading zero"),
        &[T("081266-2899"), T("Ærtebjørg Sønderø"), T("W-4006"), T("1-12-2025")]),
];

#[rustfmt::skip]
const BESLUTNINGER: &[Row] = &[
    (L, &[H("CPR"), H("Glemt"), H("Slutdato")]),
    (R("Test Testesen of aktivliste-lille.xlsx: forgotten, real end date 30-01-2026"),
        &[T("120379-2383"), T("Ja"), T("30-01-2026")]),
    (R("Karen Komplet of aktivliste-lille.xlsx: forgotten, real end date 27-02-2026"),
        &[T("191265-1688"), T("Ja"), T("27-02-2026")]),
];

#[rustfmt::skip]
const FILES: &[SampleFile] = &[
    SampleFile { file: "aktivliste-lille.xlsx", kind: Kind::Xlsx,
        about: "clean list: sheets \"Anmodninger\" and \"Indskrivninger\", header in row 1, real date cells, every case kind (no title row, so \"fiktive data\" is in the document properties)",
        sheets: &[Sheet { name: "Anmodninger", rows: LILLE_ANM }, Sheet { name: "Indskrivninger", rows: LILLE_IND }] },
    SampleFile { file: "aktivliste-rodet.xlsx", kind: Kind::Xlsx,
        about: "messy hand-edited export: title rows, header aliases, an unknown column \"Sagsbehandler\", every cell form of dates and CPR, blank rows, unusable rows, and a free-text sheet \"Noter\" that must be listed as ignored",
        sheets: &[Sheet { name: "Aktive anmodninger", rows: RODET_ANM }, Sheet { name: "Aktive indskrivninger", rows: RODET_IND }, Sheet { name: "Noter", rows: RODET_NOTER }] },
    SampleFile { file: "aktivliste.csv", kind: Kind::CsvUtf8Bom,
        about: "anmodninger as CSV: UTF-8 with BOM, `;`, CRLF, a title row above the header, Danish day-first text dates",
        sheets: &[Sheet { name: "aktivliste.csv", rows: CSV_ANM }] },
    SampleFile { file: "aktivliste-1252.csv", kind: Kind::Csv1252,
        about: "anmodninger as Danish Excel saves CSV: Windows-1252 (æ ø å Æ Ø Å as single bytes), `;`, CRLF, a title row",
        sheets: &[Sheet { name: "aktivliste-1252.csv", rows: CSV_1252 }] },
    SampleFile { file: "beslutninger.csv", kind: Kind::CsvUtf8,
        about: "decisions file (`CPR;Glemt;Slutdato`, UTF-8 without BOM): marks two citizens of aktivliste-lille.xlsx as forgotten with real end dates",
        sheets: &[Sheet { name: "beslutninger.csv", rows: BESLUTNINGER }] },
];

// ---------------------------------------------------------------------------------------------
// Writers.

fn write_xlsx(file: &SampleFile, path: &Path) -> Result<(), XlsxError> {
    let mut workbook = Workbook::new();
    let created = ExcelDateTime::from_ymd(2026, 2, 2)?.and_hms(8, 0, 0)?;
    let properties = DocProperties::new()
        .set_title("Aktivliste for Fiktiv Kommune (fiktive data)")
        .set_subject("Fiktive eksempeldata; alle navne og CPR-numre er opdigtede")
        .set_author("Fiktiv Kommune")
        .set_creation_datetime(&created);
    workbook.set_properties(&properties);

    let date = Format::new().set_num_format("dd-mm-yyyy");
    let datetime = Format::new().set_num_format("dd-mm-yyyy hh:mm");
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap();

    for sheet in file.sheets {
        let ws = workbook.add_worksheet();
        ws.set_name(sheet.name)?;
        ws.set_column_range_width(0, 10, 18)?;
        for (r, (_, cells)) in sheet.rows.iter().enumerate() {
            let r = u32::try_from(r).expect("row fits");
            for (c, cell) in cells.iter().enumerate() {
                let c = u16::try_from(c).expect("column fits");
                match *cell {
                    E => {}
                    T(s) if s.contains('\n') => {
                        ws.write_string_with_format(r, c, s, &wrap)?;
                    }
                    T(s) => {
                        ws.write_string(r, c, s)?;
                    }
                    H(s) => {
                        ws.write_string_with_format(r, c, s, &bold)?;
                    }
                    N(n) => {
                        ws.write_number(r, c, n)?;
                    }
                    D(y, m, d) => {
                        ws.write_datetime_with_format(
                            r,
                            c,
                            ExcelDateTime::from_ymd(y, m, d)?,
                            &date,
                        )?;
                    }
                    Dt(y, m, d, h, mi) => {
                        let dt = ExcelDateTime::from_ymd(y, m, d)?.and_hms(h, mi, 0)?;
                        ws.write_datetime_with_format(r, c, dt, &datetime)?;
                    }
                    S(y, m, d) => {
                        ws.write_number(r, c, ExcelDateTime::from_ymd(y, m, d)?.to_excel())?;
                    }
                }
            }
        }
    }
    workbook.save(path)
}

/// A CSV field: quoted when it holds the separator, a quote or a line break.
fn csv_field(cell: Option<&V>) -> String {
    let s = match cell {
        None | Some(E) => "",
        Some(T(s) | H(s)) => s,
        Some(_) => panic!("CSV cells are text"),
    };
    if s.contains([';', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// Windows-1252 bytes of the text; only ASCII and the Danish letters occur in the samples.
fn to_windows_1252(text: &str) -> Vec<u8> {
    text.chars()
        .map(|ch| match ch {
            'æ' => 0xE6,
            'ø' => 0xF8,
            'å' => 0xE5,
            'Æ' => 0xC6,
            'Ø' => 0xD8,
            'Å' => 0xC5,
            c if c.is_ascii() => c as u8,
            c => panic!("no Windows-1252 mapping for {c:?} in the samples"),
        })
        .collect()
}

fn write_csv(file: &SampleFile, path: &Path) -> std::io::Result<()> {
    let rows = file.sheets[0].rows;
    // Like Excel, every line has as many fields as the widest row.
    let width = rows.iter().map(|(_, cells)| cells.len()).max().unwrap_or(0);
    let mut text = String::new();
    for (_, cells) in rows {
        let fields: Vec<String> = (0..width).map(|i| csv_field(cells.get(i))).collect();
        text.push_str(&fields.join(";"));
        text.push_str("\r\n");
    }
    let bytes = match file.kind {
        Kind::CsvUtf8Bom => [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(),
        Kind::CsvUtf8 => text.into_bytes(),
        Kind::Csv1252 => to_windows_1252(&text),
        Kind::Xlsx => unreachable!("not a CSV"),
    };
    std::fs::write(path, bytes)
}

// ---------------------------------------------------------------------------------------------
// README, built from the row notes.

/// The ten CPR digits of a cell (a number cell is padded with its lost leading zero).
fn cpr_digits(cell: Option<&V>) -> Option<String> {
    let digits = match cell? {
        T(s) => s.chars().filter(char::is_ascii_digit).collect(),
        N(n) => format!("{:010}", *n as u64),
        _ => return None,
    };
    (digits.len() == 10).then_some(digits)
}

fn masked(cell: Option<&V>) -> String {
    cpr_digits(cell).map_or_else(|| "-".to_string(), |d| format!("{}-xxxx", &d[..6]))
}

/// Distinct CPR numbers over the usable rows: the citizens a reader should find.
fn citizen_count(file: &SampleFile) -> usize {
    let cprs: BTreeSet<String> = file
        .sheets
        .iter()
        .flat_map(|s| s.rows.iter())
        .filter(|(note, _)| matches!(note, R(_)))
        .filter_map(|(_, cells)| cpr_digits(cells.first()))
        .collect();
    cprs.len()
}

fn readme() -> String {
    let mut md = String::new();
    let _ = writeln!(md, "# Sample data (fictitious)\n");
    let _ = writeln!(
        md,
        "Every name and CPR number in these files is invented (\"fiktive data\"). The samples are \
         made for the switch date (systemskiftedato) **{SWITCH_DATE}**: a form dated after it is a \
         conflict in model 2, and model 2's new registrations start 2026-04-01.\n"
    );
    let _ = writeln!(
        md,
        "Generated by `examples/gen_sample_data.rs`; do not edit by hand. Regenerate from the crate \
         root with `{REGENERATE}` (deterministic: the same bytes every time).\n"
    );
    let _ = writeln!(md, "## Files\n");
    let _ = writeln!(md, "| file | citizens | what it shows |\n|---|---|---|");
    for f in FILES {
        let count = if f.file == "beslutninger.csv" {
            format!("{} decisions", citizen_count(f))
        } else {
            citizen_count(f).to_string()
        };
        let _ = writeln!(md, "| `{}` | {count} | {} |", f.file, f.about);
    }
    let _ = writeln!(
        md,
        "\n## Unusable rows (to be kept and reported)\n\nAll in `aktivliste-rodet.xlsx`; row \
         numbers as Excel shows them. Blank rows are skipped silently and are not listed.\n"
    );
    let _ = writeln!(md, "| file | sheet | row | why |\n|---|---|---|---|");
    for_each_row(|f, sheet, row, note, _| {
        if let X(why) = note {
            let _ = writeln!(md, "| `{}` | {} | {row} | {why} |", f.file, sheet.name);
        }
    });
    let _ = writeln!(
        md,
        "\nThe sheet \"Noter\" of `aktivliste-rodet.xlsx` holds free text only and must be listed \
         as an ignored sheet.\n"
    );
    let _ = writeln!(md, "## Rows that show a case\n");
    let _ = writeln!(
        md,
        "| file | sheet | row | CPR | shows |\n|---|---|---|---|---|"
    );
    for_each_row(|f, sheet, row, note, cells| {
        if let R(what) = note
            && !what.is_empty()
        {
            let cpr = masked(cells.first());
            let _ = writeln!(
                md,
                "| `{}` | {} | {row} | {cpr} | {what} |",
                f.file, sheet.name
            );
        }
    });
    md
}

/// Calls `visit(file, sheet, excel_row, note, cells)` for every row of every file.
fn for_each_row(mut visit: impl FnMut(&SampleFile, &Sheet, usize, Note, &[V])) {
    for f in FILES {
        for sheet in f.sheets {
            for (i, (note, cells)) in sheet.rows.iter().enumerate() {
                visit(f, sheet, i + 1, *note, cells);
            }
        }
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = Path::new(OUT_DIR);
    std::fs::create_dir_all(dir)?;
    for f in FILES {
        let path = dir.join(f.file);
        match f.kind {
            Kind::Xlsx => write_xlsx(f, &path)?,
            _ => write_csv(f, &path)?,
        }
        println!("wrote {}", path.display());
    }
    std::fs::write(dir.join("README.md"), readme())?;
    println!("wrote {}/README.md", dir.display());
    Ok(())
}

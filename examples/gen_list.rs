//! Writes a fictitious Aktivliste of any size, for benchmarks and trying the tool at scale:
//! `cargo run --release --example gen_list -- --citizens 100000 --out /tmp/list.xlsx`.
//! With `--out FILE.csv`, a CSV list of the anmodninger only (`;`, UTF-8, CRLF, text dates).
//!
//! The workbook has an "Anmodninger" sheet (one active anmodning per citizen, ten columns, real
//! date cells with some dates typed as text) and an "Indskrivninger" sheet (one indskrivning for
//! every second citizen, with one or two ydelser). Every CPR number and name is invented: the date
//! part is a valid date, the sequence is made up (most pass the modulus-11 check, a few do not,
//! as numbers issued since 2007 may). The output is deterministic: a fixed-seed PRNG and a fixed
//! creation date, so the same size gives the same bytes. Written in constant-memory mode, so any
//! size fits in a few MiB.
#![allow(clippy::unwrap_used, clippy::panic)] // a test, bench or dev tool: a failed expectation may stop it

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{Datelike, Duration, NaiveDate};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

/// The switch date the lists are made for (as the sample data).
pub const SWITCH_DATE: &str = "2026-03-31";

const OFFERS: [&str; 5] = [
    "Rusmiddelcenter Fiktiv By",
    "Fiktiv Dagbehandling",
    "Ambulatoriet Opdigtet",
    "Behandlingshuset Prøve",
    "Ungecenter Eksempel",
];
const FIRST: [&str; 8] = ["Anna", "Bo", "Carla", "Dan", "Eva", "Finn", "Gitte", "Hans"];
const LAST: [&str; 6] = [
    "Fiktivsen",
    "Prøvesen",
    "Eksempelsen",
    "Dummysen",
    "Opdigtetsen",
    "Testesen",
];
const ANM_HEADERS: [&str; 10] = [
    "CPR",
    "Navn",
    "Anmodning ID",
    "Anmodningsdato",
    "Iværksættelsesdato",
    "Tilbud",
    "Tilknytningsdato",
    "KvalHep",
    "Glemt",
    "Faktisk slutdato",
];
const IND_HEADERS: [&str; 7] = [
    "CPR",
    "Navn",
    "Indskrivning ID",
    "Tilbud",
    "Indskrivningsdato",
    "Ydelse",
    "Ydelse startdato",
];

/// A small deterministic PRNG (SplitMix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// A number in `0..n`.
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    /// True with the given percentage.
    fn pct(&mut self, p: u64) -> bool {
        self.below(100) < p
    }
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

/// The fictitious CPR number of citizen `k`: a birth date 1940–1994 and a made-up sequence,
/// unique per `k`. One in fifty fails the modulus-11 check.
fn cpr(k: usize) -> String {
    const DATES: usize = 20_000;
    let birth = ymd(1940, 1, 1) + Duration::days((k % DATES) as i64);
    let block = (k / DATES) as u32;
    let date = format!(
        "{:02}{:02}{:02}",
        birth.day(),
        birth.month(),
        birth.year() % 100
    );
    let digits: Vec<u32> = date.bytes().map(|b| u32::from(b - b'0')).collect();
    const WEIGHTS: [u32; 10] = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1];
    let head: u32 = digits.iter().zip(WEIGHTS).map(|(d, w)| d * w).sum();
    // Sequences of block b lie in b*100 .. b*100+99 (7th digit 0: born 19xx); pick the first
    // that passes modulus 11 (one always does within eleven steps).
    let mut seq = block * 100 + 10;
    let sum = |s: u32| {
        let s_digits = [s / 1000, s / 100 % 10, s / 10 % 10, s % 10];
        head + s_digits
            .iter()
            .zip(&WEIGHTS[6..])
            .map(|(d, w)| d * w)
            .sum::<u32>()
    };
    while !sum(seq).is_multiple_of(11) {
        seq += 1;
    }
    if k % 50 == 7 {
        seq += 1;
    }
    format!("{date}-{seq:04}")
}

fn name(rng: &mut Rng) -> String {
    format!(
        "{} {}",
        FIRST[rng.below(FIRST.len() as u64) as usize],
        LAST[rng.below(LAST.len() as u64) as usize]
    )
}

/// Where the generated cells go: an xlsx sheet or CSV rows.
trait Cells {
    type Error;
    fn text(&mut self, row: u32, col: u16, s: &str) -> Result<(), Self::Error>;
    fn date(&mut self, row: u32, col: u16, d: NaiveDate) -> Result<(), Self::Error>;
    /// A date as a real date cell, or now and then typed as text (day first, Danish style).
    fn some_date(
        &mut self,
        rng: &mut Rng,
        row: u32,
        col: u16,
        d: NaiveDate,
    ) -> Result<(), Self::Error> {
        match rng.below(40) {
            0 => self.text(row, col, &d.format("%d-%m-%Y").to_string()),
            1 => self.text(row, col, &d.format("%d.%m.%Y").to_string()),
            2 => self.text(row, col, &d.format("%Y-%m-%d").to_string()),
            _ => self.date(row, col, d),
        }
    }
}

struct Writer<'a> {
    ws: &'a mut Worksheet,
    date: &'a Format,
}

impl Cells for Writer<'_> {
    type Error = XlsxError;
    fn text(&mut self, row: u32, col: u16, s: &str) -> Result<(), XlsxError> {
        self.ws.write_string(row, col, s).map(|_| ())
    }
    fn date(&mut self, row: u32, col: u16, d: NaiveDate) -> Result<(), XlsxError> {
        let x = ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)?;
        self.ws
            .write_datetime_with_format(row, col, &x, self.date)
            .map(|_| ())
    }
}

/// CSV rows (`;`, UTF-8, CRLF as Danish Excel writes them), each written out when the next one
/// starts; a date is text, day first.
struct CsvRows<W: Write> {
    out: W,
    row: u32,
    cells: Vec<String>,
}

impl<W: Write> CsvRows<W> {
    fn flush_row(&mut self) -> std::io::Result<()> {
        if !self.cells.is_empty() {
            self.out.write_all(self.cells.join(";").as_bytes())?;
            self.out.write_all(b"\r\n")?;
            self.cells.clear();
        }
        Ok(())
    }
    fn cell(&mut self, row: u32, col: u16, s: String) -> std::io::Result<()> {
        if row != self.row {
            self.flush_row()?;
            self.row = row;
        }
        if self.cells.len() <= col as usize {
            self.cells.resize(col as usize + 1, String::new());
        }
        self.cells[col as usize] = s;
        Ok(())
    }
}

impl<W: Write> Cells for CsvRows<W> {
    type Error = std::io::Error;
    fn text(&mut self, row: u32, col: u16, s: &str) -> std::io::Result<()> {
        self.cell(row, col, s.to_string())
    }
    fn date(&mut self, row: u32, col: u16, d: NaiveDate) -> std::io::Result<()> {
        self.cell(row, col, d.format("%d-%m-%Y").to_string())
    }
}

/// The anmodninger of a list of `citizens` from row 1 (the header is row 0); the start date of
/// each, for the indskrivninger.
fn anmodninger<C: Cells>(
    w: &mut C,
    rng: &mut Rng,
    citizens: usize,
) -> Result<Vec<NaiveDate>, C::Error> {
    let first_day = ymd(2022, 1, 3);
    let span = (ymd(2026, 2, 27) - first_day).num_days() as u64;
    let mut starts = Vec::with_capacity(citizens);
    for i in 0..citizens {
        let row = i as u32 + 1;
        let nm = name(rng);
        let anm = first_day + Duration::days(rng.below(span) as i64);
        starts.push(anm);
        w.text(row, 0, &cpr(i))?;
        w.text(row, 1, &nm)?;
        w.text(row, 2, &format!("A-{}", 100_000 + i))?;
        w.some_date(rng, row, 3, anm)?;
        let mut last = anm;
        if rng.pct(85) {
            let iv = anm + Duration::days(rng.below(30) as i64);
            last = iv;
            w.some_date(rng, row, 4, iv)?;
            if rng.pct(75) {
                let tk = iv + Duration::days(rng.below(21) as i64);
                last = tk;
                w.text(row, 5, OFFERS[rng.below(OFFERS.len() as u64) as usize])?;
                w.some_date(rng, row, 6, tk)?;
                match rng.below(10) {
                    0..=2 => {
                        last = tk + Duration::days(rng.below(14) as i64);
                        w.some_date(rng, row, 7, last)?;
                    }
                    3 => w.text(row, 7, "Ja")?,
                    _ => {}
                }
            }
        }
        if rng.pct(3) {
            w.text(row, 8, "Ja")?;
            let end = last + Duration::days(rng.below(30) as i64 + 1);
            if end < ymd(2026, 3, 31) {
                w.date(row, 9, end)?;
            }
        }
    }
    Ok(starts)
}

/// Writes a CSV list with `citizens` anmodninger (a CSV is one sheet: the rows of the xlsx
/// list's first sheet) to `path`.
pub fn write_csv(citizens: usize, path: &Path) -> std::io::Result<()> {
    let mut rng = Rng(0x5EED_2026_0331);
    let mut rows = CsvRows {
        out: std::io::BufWriter::new(std::fs::File::create(path)?),
        row: 0,
        cells: ANM_HEADERS.iter().map(|h| h.to_string()).collect(),
    };
    anmodninger(&mut rows, &mut rng, citizens)?;
    rows.flush_row()?;
    rows.out.flush()
}

/// Writes a list with `citizens` anmodninger and `citizens / 2` indskrivninger to `path`.
pub fn write_list(citizens: usize, path: &Path) -> Result<(), XlsxError> {
    let mut rng = Rng(0x5EED_2026_0331);
    let mut wb = Workbook::new();
    wb.set_zip_compression_level(3);
    let created = ExcelDateTime::from_ymd(2026, 3, 1)?;
    wb.set_properties(
        &DocProperties::new()
            .set_title("Aktivliste (fiktive data)")
            .set_comment("Fictitious list for benchmarks: every CPR number and name is invented.")
            .set_creation_datetime(&created),
    );
    let bold = Format::new().set_bold();
    let date_fmt = Format::new().set_num_format("dd-mm-yyyy");
    let first_day = ymd(2022, 1, 3);
    let span = (ymd(2026, 2, 27) - first_day).num_days() as u64;

    // Anmodninger: one per citizen.
    let ws = wb.add_worksheet_with_constant_memory()?;
    ws.set_name("Anmodninger")?;
    for (c, h) in ANM_HEADERS.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *h, &bold)?;
    }
    let mut w = Writer {
        ws,
        date: &date_fmt,
    };
    let starts = anmodninger(&mut w, &mut rng, citizens)?;

    // Indskrivninger: every second citizen, a few known only at the offer.
    let ws = wb.add_worksheet_with_constant_memory()?;
    ws.set_name("Indskrivninger")?;
    for (c, h) in IND_HEADERS.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *h, &bold)?;
    }
    let mut w = Writer {
        ws,
        date: &date_fmt,
    };
    for j in 0..citizens / 2 {
        let row = j as u32 + 1;
        let (k, start) = if j % 100 == 99 {
            // Known only at the offer (another kommune's citizen).
            (
                citizens + j,
                first_day + Duration::days(rng.below(span) as i64),
            )
        } else {
            (2 * j, starts[2 * j] + Duration::days(rng.below(40) as i64))
        };
        w.text(row, 0, &cpr(k))?;
        w.text(row, 1, &name(&mut rng))?;
        w.text(row, 2, &format!("I-{}", 200_000 + j))?;
        w.text(row, 3, OFFERS[rng.below(OFFERS.len() as u64) as usize])?;
        w.some_date(&mut rng, row, 4, start)?;
        let ydelse = if rng.pct(30) {
            "Ambulant behandling; Substitutionsbehandling"
        } else {
            "Ambulant behandling"
        };
        w.text(row, 5, ydelse)?;
        let ydelse_start = start + Duration::days(rng.below(10) as i64);
        w.some_date(&mut rng, row, 6, ydelse_start)?;
    }
    wb.save(path)
}

fn usage() -> ! {
    eprintln!(
        "usage: gen_list --citizens N --out FILE.xlsx|FILE.csv   (switch date {SWITCH_DATE})"
    );
    std::process::exit(2);
}

#[allow(dead_code)]
fn main() {
    let mut citizens = None;
    let mut out = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--citizens" => citizens = args.next().and_then(|v| v.replace('_', "").parse().ok()),
            "--out" => out = args.next().map(PathBuf::from),
            _ => usage(),
        }
    }
    let (Some(citizens), Some(out)) = (citizens, out) else {
        usage()
    };
    let started = std::time::Instant::now();
    let csv = out
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    let written = if csv {
        write_csv(citizens, &out).map_err(|e| e.to_string())
    } else {
        write_list(citizens, &out).map_err(|e| e.to_string())
    };
    if let Err(e) = written {
        eprintln!("gen_list: {e}");
        std::process::exit(1);
    }
    eprintln!(
        "wrote {} ({citizens} anmodninger, {} indskrivninger) in {:.2?}",
        out.display(),
        if csv { 0 } else { citizens / 2 },
        started.elapsed()
    );
}

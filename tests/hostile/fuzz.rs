//! Mutation fuzzing on stable: the inputs of `fuzz/fuzz_targets/aktivliste.rs`, mutated from the
//! CSV files of the corpus with a fixed-seed generator. A few thousand inputs in every test run;
//! `SKIFTEPLAN_FUZZ_SECS=600 cargo test --release --test hostile fuzz -- --nocapture` runs it for
//! ten minutes.

use super::*;

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

//! Peak memory and CPU time of the whole `skifteplan plan` command, side by side with an earlier
//! build of it: `cargo bench --bench memory` (see BENCHMARKS.md).
//!
//! Generates two fictitious lists with `examples/gen_list.rs` into a temporary directory (or
//! `MEMORY_LISTS`): a CSV of `MEMORY_CSV_CITIZENS` anmodninger (650,000: about 50 MiB) and an
//! xlsx of `MEMORY_XLSX_CITIZENS` citizens (100,000). Then runs, interleaved, `MEMORY_REPS` times
//! (3) each, this build's `skifteplan` and, when `MEMORY_BEFORE` names one, the earlier binary:
//! - `plan CSV --model 2 --switch-date 2026-03-31 --json FILE` and `--json -`: peak RSS, target
//!   at most 4× the file's size;
//! - `plan XLSX … --json FILE` and `--json -`: peak RSS, target at most 128 MiB;
//! - `plan XLSX … --xlsx FILE`: peak RSS and CPU time.
//!
//! Peak RSS and CPU time (user + system) are GNU time's (`/usr/bin/time -f`), the median of the
//! runs. The JSON files written by the two builds are compared byte for byte.
#![allow(clippy::unwrap_used, clippy::panic)] // a test, bench or dev tool: a failed expectation may stop it

#[path = "../examples/gen_list.rs"]
#[allow(dead_code)]
mod gen_list;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const MIB: f64 = 1024.0 * 1024.0;

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.replace('_', "").parse().ok())
        .unwrap_or(default)
}

/// One run's peak resident size (bytes), CPU time and wall time (seconds).
#[derive(Clone, Copy)]
struct Run {
    peak: f64,
    cpu: f64,
    wall: f64,
}

/// Runs `exe plan list … flag dest` under GNU time (`dest` "-": standard output, to
/// /dev/null); `place` names the time report and the progress store (none is there).
fn run(exe: &Path, list: &Path, flag: &str, dest: &Path, place: &Path) -> Run {
    let report = place.with_extension("time");
    let status = Command::new("/usr/bin/time")
        .arg("-o")
        .arg(&report)
        .args(["-f", "%M %U %S %e"])
        .arg(exe)
        .arg("plan")
        .arg(list)
        .args(["--model", "2", "--switch-date", gen_list::SWITCH_DATE, flag])
        .arg(dest)
        .arg("--state")
        .arg(place.with_extension("db"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("run /usr/bin/time");
    // Exit 1 is a plan that needs a person (conflicts): written all the same.
    assert!(
        matches!(status.code(), Some(0 | 1)),
        "{} {flag} failed: {status}",
        exe.display()
    );
    let text = std::fs::read_to_string(&report).unwrap();
    let v: Vec<f64> = text
        .lines()
        .last()
        .unwrap()
        .split_whitespace()
        .map(|x| x.parse().unwrap())
        .collect();
    Run {
        peak: v[0] * 1024.0,
        cpu: v[1] + v[2],
        wall: v[3],
    }
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// Whether two files hold the same bytes, compared piece by piece.
fn same_bytes(a: &Path, b: &Path) -> bool {
    let (mut a, mut b) = (
        std::fs::File::open(a).unwrap(),
        std::fs::File::open(b).unwrap(),
    );
    let (mut x, mut y) = (vec![0u8; 1 << 20], vec![0u8; 1 << 20]);
    loop {
        let n = a.read(&mut x).unwrap();
        let mut m = 0;
        while m < n {
            let k = b.read(&mut y[m..n]).unwrap();
            if k == 0 {
                return false;
            }
            m += k;
        }
        if x[..n] != y[..n] {
            return false;
        }
        if n == 0 {
            return b.read(&mut y).unwrap() == 0;
        }
    }
}

fn main() {
    // `cargo bench` passes --bench; nothing else is expected.
    if !Path::new("/usr/bin/time").exists() {
        eprintln!("memory: needs GNU time at /usr/bin/time (apt-get install time)");
        return;
    }
    let reps = env_usize("MEMORY_REPS", 3).max(1);
    let csv_n = env_usize("MEMORY_CSV_CITIZENS", 650_000);
    let xlsx_n = env_usize("MEMORY_XLSX_CITIZENS", 100_000);
    let tmp = tempfile::tempdir().unwrap();
    let lists = std::env::var_os("MEMORY_LISTS")
        .map(PathBuf::from)
        .unwrap_or_else(|| tmp.path().to_path_buf());
    std::fs::create_dir_all(&lists).unwrap();
    let csv = lists.join(format!("liste-{csv_n}.csv"));
    let xlsx = lists.join(format!("liste-{xlsx_n}.xlsx"));
    if !csv.is_file() {
        gen_list::write_csv(csv_n, &csv).unwrap();
    }
    if !xlsx.is_file() {
        gen_list::write_list(xlsx_n, &xlsx).unwrap();
    }
    let out = tmp.path().join("out");
    std::fs::create_dir_all(&out).unwrap();

    let after = PathBuf::from(env!("CARGO_BIN_EXE_skifteplan"));
    let mut builds = Vec::new();
    if let Some(before) = std::env::var_os("MEMORY_BEFORE") {
        builds.push(("before", PathBuf::from(before)));
    }
    builds.push(("after", after));

    let size = |p: &Path| std::fs::metadata(p).unwrap().len() as f64;
    println!(
        "lists: {} ({:.1} MiB, {csv_n} anmodninger), {} ({:.1} MiB, {xlsx_n} citizens); {reps} runs each, median",
        csv.display(),
        size(&csv) / MIB,
        xlsx.display(),
        size(&xlsx) / MIB
    );
    for (name, exe) in &builds {
        println!("{name}: {}", exe.display());
    }
    println!();
    println!(
        "| case | build | peak RSS | target | met? | CPU (user+sys) | wall |\n|---|---|---|---|---|---|---|"
    );
    let csv_target = 4.0 * size(&csv);
    let xlsx_target = 128.0 * MIB;
    let cases: [(&str, &Path, &str, &str, Option<f64>); 5] = [
        (
            "CSV, --json FILE",
            &csv,
            "--json",
            "csv.json",
            Some(csv_target),
        ),
        ("CSV, --json -", &csv, "--json", "-", Some(csv_target)),
        (
            "xlsx, --json FILE",
            &xlsx,
            "--json",
            "xlsx.json",
            Some(xlsx_target),
        ),
        ("xlsx, --json -", &xlsx, "--json", "-", Some(xlsx_target)),
        (
            "xlsx, --xlsx FILE",
            &xlsx,
            "--xlsx",
            "handlinger.xlsx",
            None,
        ),
    ];
    for (label, list, flag, file, target) in cases {
        let mut runs: Vec<Vec<Run>> = vec![Vec::new(); builds.len()];
        for _ in 0..reps {
            for (i, (name, exe)) in builds.iter().enumerate() {
                let place = out.join(format!("{name}-{}", file.replace('-', "stdout")));
                let dest = if file == "-" {
                    PathBuf::from("-")
                } else {
                    place.clone()
                };
                runs[i].push(run(exe, list, flag, &dest, &place));
            }
        }
        for (i, (name, _)) in builds.iter().enumerate() {
            let peak = median(runs[i].iter().map(|r| r.peak).collect());
            let cpu = median(runs[i].iter().map(|r| r.cpu).collect());
            let wall = median(runs[i].iter().map(|r| r.wall).collect());
            let (t, met) = match target {
                Some(t) => (
                    format!("≤ {:.1} MiB", t / MIB),
                    if peak <= t { "yes" } else { "no" },
                ),
                None => (String::new(), ""),
            };
            let ratio = if list == csv {
                format!(" ({:.2}× the file)", peak / size(&csv))
            } else {
                String::new()
            };
            println!(
                "| {label} | {name} | {:.1} MiB{ratio} | {t} | {met} | {cpu:.2} s | {wall:.2} s |",
                peak / MIB
            );
        }
    }
    if builds.len() == 2 {
        println!();
        for file in ["csv.json", "xlsx.json"] {
            let same = same_bytes(
                &out.join(format!("before-{file}")),
                &out.join(format!("after-{file}")),
            );
            println!("{file}: the two builds wrote the same bytes: {same}");
        }
    }
}

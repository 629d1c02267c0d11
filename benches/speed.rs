//! Speed and memory against the libraries underneath, side by side in one run:
//! `cargo bench --bench speed` (see BENCHMARKS.md).
//!
//! Generates fictitious lists (1,000, 10,000 and 100,000 citizens) into a temporary directory
//! and measures, interleaved and repeated (median):
//! - load: a bare calamine streaming read touching every cell vs `aktivliste::load`;
//! - plan: `plan::plan` for each model;
//! - export: a bare rust_xlsxwriter constant-memory write of the same action cells vs
//!   `export::write_xlsx`;
//! - peak memory (VmHWM) of each step in a fresh child process, also of the export as
//!   `skifteplan plan --xlsx` does it (an outline plan, each citizen planned again as written);
//! - the whole `skifteplan plan … --xlsx` command vs `benches/pandas_plan.py` (pandas +
//!   openpyxl), if python3 with pandas and openpyxl is available.
//!
//! Environment: `SPEED_SIZES=1000,10000,100000`, `SPEED_REPS=5`, `SPEED_PANDAS_REPS=3`
//! (0 skips the pandas comparison).
#![allow(clippy::unwrap_used, clippy::panic)] // a test, bench or dev tool: a failed expectation may stop it

#[path = "../examples/gen_list.rs"]
#[allow(dead_code)]
mod gen_list;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use calamine::{Reader, Xlsx, open_workbook};
use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, XlsxError};
use skifteplan::aktivliste::{self, Aktivliste, LoadOptions};
use skifteplan::export::{self, ExportInput};
use skifteplan::i18n::domain;
use skifteplan::lang::Lang;
use skifteplan::plan::{self, Action, CitizenPlan, Model, Plan, Settings};

const MIB: f64 = 1024.0 * 1024.0;

fn switch_date() -> NaiveDate {
    NaiveDate::parse_from_str(gen_list::SWITCH_DATE, "%Y-%m-%d").expect("switch date")
}

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn secs(d: Duration) -> f64 {
    d.as_secs_f64()
}

fn time<T>(f: impl FnOnce() -> T) -> (Duration, T) {
    let t = Instant::now();
    let out = f();
    (t.elapsed(), out)
}

// ---------------------------------------------------------------------------------------------
// The reference operations.

/// Reads every sheet with calamine's streaming cell reader, touching every cell.
fn bare_read(path: &Path) -> usize {
    let mut wb: Xlsx<_> = open_workbook(path).expect("open");
    let mut touched = 0usize;
    for name in wb.sheet_names() {
        let mut cells = wb.worksheet_cells_reader(&name).expect("sheet");
        while let Some(cell) = cells.next_cell().expect("cell") {
            touched += match cell.get_value() {
                calamine::DataRef::Empty => 0,
                calamine::DataRef::String(s) => s.len(),
                calamine::DataRef::SharedString(s) => s.len(),
                _ => 1,
            };
        }
    }
    touched
}

/// Writes the action sheet's cells (same rows, columns, values and formats) with plain
/// rust_xlsxwriter calls in constant-memory mode at zip level 3: the floor for our export.
fn bare_write(plan: &Plan, path: &Path) -> Result<(), XlsxError> {
    let lang = Lang::Da;
    let mut wb = Workbook::new();
    wb.set_zip_compression_level(3);
    let date = Format::new().set_num_format("dd-mm-yyyy");
    let ws = wb.add_worksheet_with_constant_memory()?;
    ws.set_name("Handlinger")?;
    for col in 0..17u16 {
        ws.write_string(0, col, "Header")?;
    }
    let d = |x: NaiveDate| {
        ExcelDateTime::from_ymd(x.year() as u16, x.month() as u8, x.day() as u8).expect("date")
    };
    let mut row = 1u32;
    for (i, c) in plan.citizens.iter().enumerate() {
        let cpr = c.cpr.display(false);
        for a in &c.actions {
            ws.write_number(row, 0, (i + 1) as f64)?;
            ws.write_string(row, 1, &cpr)?;
            if let Some(n) = &c.name {
                ws.write_string(row, 2, &**n)?;
            }
            ws.write_number(row, 3, f64::from(a.step))?;
            ws.write_string(row, 4, domain::system_label(a.system, lang))?;
            ws.write_string(row, 5, domain::part_label(a.part, lang))?;
            ws.write_string(row, 6, domain::form_label(a.form, lang))?;
            ws.write_string(row, 7, domain::action_label(a.action, lang))?;
            if let Some(x) = a.date {
                ws.write_datetime_with_format(row, 8, d(x), &date)?;
            }
            if let Some(x) = a.original_date {
                ws.write_datetime_with_format(row, 9, d(x), &date)?;
            }
            for (col, s) in [
                (10, &a.reason),
                (11, &a.reason_text),
                (13, &a.case_id),
                (14, &a.detail),
            ] {
                if let Some(s) = s {
                    ws.write_string(row, col, &**s)?;
                }
            }
            ws.write_string(row, 12, a.privilege.label())?;
            ws.write_string(row, 15, format!("{}:{}", a.source.sheet, a.source.row))?;
            row += 1;
        }
    }
    wb.save(path)
}

// ---------------------------------------------------------------------------------------------
// Ours.

fn load(path: &Path) -> Aktivliste {
    aktivliste::load(path, &LoadOptions::default()).expect("load")
}

/// Nothing ticked.
fn no_ticks(_: &CitizenPlan, _: &Action) -> Option<skifteplan::export::DoneMark> {
    None
}

/// The export input the benchmark writes: masked CPR, Danish, nothing ticked.
fn export_input<'a>(plan: &'a Plan, list: &'a Aktivliste) -> ExportInput<'a> {
    ExportInput {
        plan,
        list,
        show_cpr: false,
        lang: Lang::Da,
        generated_at: switch_date().and_hms_opt(9, 0, 0).expect("time"),
        done: &no_ticks,
    }
}

fn write_ours(plan: &Plan, list: &Aktivliste, path: &Path) {
    export::write_xlsx(path, &export_input(plan, list)).expect("export");
}

// ---------------------------------------------------------------------------------------------
// Peak memory, measured in a fresh child process (this binary, run with `child`).

fn vm_hwm_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

fn vm_rss_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

/// `child WHAT LIST OUT`: does one step and prints `peak_kib before_kib` (the peak over the
/// process's life, and the resident size just before the measured step).
fn child(args: &[String]) {
    let (what, list_path, out) = (&args[0], Path::new(&args[1]), Path::new(&args[2]));
    let before = match what.as_str() {
        "bare-read" => {
            let before = vm_rss_kib();
            std::hint::black_box(bare_read(list_path));
            before
        }
        "load" => {
            let before = vm_rss_kib();
            std::hint::black_box(load(list_path));
            before
        }
        "bare-write" | "export" => {
            let list = load(list_path);
            let plan = plan::plan(&list.citizens, &Settings::new(Model::Two, switch_date()));
            let before = vm_rss_kib();
            if what == "export" {
                write_ours(&plan, &list, out);
            } else {
                bare_write(&plan, out).expect("bare write");
            }
            before
        }
        "export-streamed" => {
            // What `skifteplan plan LIST --xlsx OUT` does: the plan's counts only, each
            // citizen planned again as its rows are written.
            let list = load(list_path);
            let settings = Settings::new(Model::Two, switch_date());
            let plan = plan::plan_outline(&list.citizens, &settings);
            let before = vm_rss_kib();
            let replan = |i: usize| plan::plan_citizen(&list.citizens[i], &settings).0.actions;
            export::write_xlsx_with(out, &export_input(&plan, &list), Some(&replan), None)
                .expect("export");
            before
        }
        _ => panic!("unknown child step {what}"),
    };
    println!("{} {}", vm_hwm_kib(), before);
}

/// Runs a child step; returns (peak MiB, MiB resident before the step).
fn peak(what: &str, list: &Path, out: &Path) -> (f64, f64) {
    let exe = std::env::current_exe().expect("current exe");
    let o = Command::new(exe)
        .args(["child", what])
        .arg(list)
        .arg(out)
        .output()
        .expect("child");
    let s = String::from_utf8_lossy(&o.stdout);
    let mut it = s
        .split_whitespace()
        .map(|v| v.parse::<f64>().unwrap_or(0.0));
    let hwm = it.next().unwrap_or(0.0) / 1024.0;
    let before = it.next().unwrap_or(0.0) / 1024.0;
    (hwm, before)
}

// ---------------------------------------------------------------------------------------------

struct SizeResult {
    citizens: usize,
    actions: usize,
    bare_read: Duration,
    load: Duration,
    plan: [Duration; 3],
    bare_write: Duration,
    export: Duration,
}

fn run_size(dir: &Path, citizens: usize, reps: usize) -> (SizeResult, PathBuf) {
    let list_path = dir.join(format!("list-{citizens}.xlsx"));
    let (gen_time, r) = time(|| gen_list::write_list(citizens, &list_path));
    r.expect("generate list");
    let bytes = std::fs::metadata(&list_path).map(|m| m.len()).unwrap_or(0);
    println!(
        "\n== {citizens} citizens: {} ({:.1} MiB, generated in {:.2} s)",
        list_path.display(),
        bytes as f64 / MIB,
        secs(gen_time)
    );

    // (a) load vs bare calamine read, interleaved.
    let (mut bare, mut ours) = (Vec::new(), Vec::new());
    let mut list = None;
    for _ in 0..reps {
        bare.push(time(|| std::hint::black_box(bare_read(&list_path))).0);
        let (t, l) = time(|| load(&list_path));
        ours.push(t);
        list = Some(l);
    }
    let list = list.expect("at least one repetition");
    let (bare_read_t, load_t) = (median(bare), median(ours));
    println!(
        "load:   bare calamine {:>8.3} s   ours {:>8.3} s   ratio {:.2}x (target <= 1.25x)",
        secs(bare_read_t),
        secs(load_t),
        secs(load_t) / secs(bare_read_t)
    );

    // (b) plan, each model.
    let mut plan_t = [Duration::ZERO; 3];
    let mut plan2 = None;
    for (i, model) in [Model::One, Model::Two, Model::Mellem]
        .into_iter()
        .enumerate()
    {
        let settings = Settings::new(model, switch_date());
        let mut v = Vec::new();
        for _ in 0..reps.max(5) {
            let (t, p) = time(|| plan::plan(&list.citizens, &settings));
            v.push(t);
            if model == Model::Two {
                plan2 = Some(p);
            }
        }
        plan_t[i] = median(v);
    }
    let plan2 = plan2.expect("model 2 planned");
    println!(
        "plan:   model 1 {:.1} ms, model 2 {:.1} ms, mellem {:.1} ms (target < 50 ms at 100k)",
        secs(plan_t[0]) * 1e3,
        secs(plan_t[1]) * 1e3,
        secs(plan_t[2]) * 1e3
    );

    // (c) export vs bare constant-memory write, interleaved.
    let (mut bare, mut ours) = (Vec::new(), Vec::new());
    let bare_out = dir.join(format!("bare-{citizens}.xlsx"));
    let our_out = dir.join(format!("ours-{citizens}.xlsx"));
    for _ in 0..reps {
        bare.push(time(|| bare_write(&plan2, &bare_out).expect("bare write")).0);
        ours.push(time(|| write_ours(&plan2, &list, &our_out)).0);
    }
    let (bare_write_t, export_t) = (median(bare), median(ours));
    println!(
        "export: {} action rows; bare rust_xlsxwriter {:>8.3} s   ours {:>8.3} s   ratio {:.2}x (target <= 1.3x)",
        plan2.action_count(),
        secs(bare_write_t),
        secs(export_t),
        secs(export_t) / secs(bare_write_t)
    );
    let _ = std::fs::remove_file(&bare_out);
    let _ = std::fs::remove_file(&our_out);
    (
        SizeResult {
            citizens,
            actions: plan2.action_count(),
            bare_read: bare_read_t,
            load: load_t,
            plan: plan_t,
            bare_write: bare_write_t,
            export: export_t,
        },
        list_path,
    )
}

fn memory(dir: &Path, list: &Path) {
    let out = dir.join("mem-out.xlsx");
    println!("\npeak memory (VmHWM of a fresh process; 'before' = resident before the step):");
    for what in [
        "bare-read",
        "load",
        "bare-write",
        "export",
        "export-streamed",
    ] {
        let (hwm, before) = peak(what, list, &out);
        println!("  {what:<10} peak {hwm:>7.1} MiB   before step {before:>7.1} MiB");
    }
    let _ = std::fs::remove_file(&out);
}

/// The whole command against pandas + openpyxl doing the same job.
fn whole_command(dir: &Path, list: &Path, reps: usize) {
    if reps == 0 {
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let bin = root.join("target/release/skifteplan");
    let script = root.join("benches/pandas_plan.py");
    let have_pandas = Command::new("python3")
        .args(["-c", "import pandas, openpyxl"])
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    if !bin.exists() || !have_pandas {
        println!(
            "\nwhole command: skipped (needs `cargo build --release` and python3 with pandas + openpyxl)"
        );
        return;
    }
    let ours_out = dir.join("cmd-ours.xlsx");
    let py_out = dir.join("cmd-pandas.xlsx");
    let (mut ours, mut py) = (Vec::new(), Vec::new());
    for _ in 0..reps {
        let (t, s) = time(|| {
            Command::new(&bin)
                .arg("plan")
                .arg(list)
                .args([
                    "--model",
                    "2",
                    "--switch-date",
                    gen_list::SWITCH_DATE,
                    "--xlsx",
                ])
                .arg(&ours_out)
                .output()
                .expect("run skifteplan")
        });
        assert!(s.status.code().is_some_and(|c| c <= 1), "skifteplan failed");
        ours.push(t);
        let (t, s) = time(|| {
            Command::new("python3")
                .arg(&script)
                .arg(list)
                .arg(&py_out)
                .arg(gen_list::SWITCH_DATE)
                .output()
                .expect("run python3")
        });
        assert!(
            s.status.success(),
            "pandas_plan.py failed: {}",
            String::from_utf8_lossy(&s.stderr)
        );
        py.push(t);
    }
    let (ours, py) = (median(ours), median(py));
    println!(
        "\nwhole command at {}: pandas + openpyxl {:.2} s   skifteplan plan --xlsx {:.2} s   {:.1}x faster (target >= 15x)",
        list.display(),
        secs(py),
        secs(ours),
        secs(py) / secs(ours)
    );
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("child") {
        child(&args[1..]);
        return;
    }
    let sizes: Vec<usize> = std::env::var("SPEED_SIZES")
        .unwrap_or_else(|_| "1000,10000,100000".into())
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    let reps = env_usize("SPEED_REPS", 5).max(1);
    let pandas_reps = env_usize("SPEED_PANDAS_REPS", 3);
    let dir = tempfile::tempdir().expect("temp dir");
    println!(
        "speed: sizes {sizes:?}, {reps} repetitions (median), temp dir {}",
        dir.path().display()
    );

    let mut results = Vec::new();
    let mut largest = None;
    for &n in &sizes {
        let (r, path) = run_size(dir.path(), n, reps);
        results.push(r);
        largest = Some(path);
    }
    if let Some(list) = &largest {
        memory(dir.path(), list);
        whole_command(dir.path(), list, pandas_reps);
    }

    println!("\ngrowth (median seconds; each step should be about 10x):");
    println!(
        "{:>9} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9}",
        "citizens", "actions", "bareread", "load", "plan(m2)", "barewrite", "export"
    );
    for r in &results {
        println!(
            "{:>9} {:>9} {:>9.4} {:>9.4} {:>9.4} {:>9.4} {:>9.4}",
            r.citizens,
            r.actions,
            secs(r.bare_read),
            secs(r.load),
            secs(r.plan[1]),
            secs(r.bare_write),
            secs(r.export)
        );
    }
}

//! A report to standard output that cannot be written (`> /dev/full`) is a failure: exit 2 and
//! one line on standard error, never exit 0 with the report lost.

use super::*;

#[cfg(target_os = "linux")]
#[test]
fn a_report_that_cannot_be_written_fails() {
    let dir = tempfile::tempdir().unwrap();
    let list = util::sample("aktivliste-lille.xlsx");
    let json = dir.path().join("plan.json");
    skifteplan()
        .args(["plan", list.to_str().unwrap(), "--model", "2"])
        .args(["--switch-date", "2026-03-31"])
        .args(["--json", json.to_str().unwrap()])
        .run();
    assert!(json.is_file());
    let (list, json) = (list.to_str().unwrap(), json.to_str().unwrap());
    let commands: [&[&str]; 4] = [
        &["check", json],
        &["verify", "--plan", json, "--after", list],
        &["notify", json],
        &[
            "plan",
            list,
            "--model",
            "2",
            "--switch-date",
            "2026-03-31",
            "--json",
            "-",
        ],
    ];
    for args in commands {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let out = Command::new(env!("CARGO_BIN_EXE_skifteplan"))
            .args(args)
            .args(["--lang", "en"])
            .stdout(full)
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(
            err.lines()
                .any(|l| l.starts_with("skifteplan: ") && l.contains("full")),
            "{args:?}: {err}"
        );
    }
}

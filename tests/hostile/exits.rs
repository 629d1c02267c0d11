//! Exit codes that say what happened: a sheet that may hold citizens but could not be used is
//! something a person must look at (exit 1), even when another sheet planned cleanly.

use super::*;

/// A workbook: a clean list sheet, and a second sheet as given.
fn two_sheets(path: &Path, second: &str, rows: Rows<'_>) {
    xlsx_rows(
        path,
        &[
            (
                "Anmodninger",
                false,
                vec![
                    vec![
                        Some("CPR"),
                        Some("Navn"),
                        Some("Anmodningsdato"),
                        Some("Iværksættelsesdato"),
                    ],
                    vec![
                        Some("010190-2000"),
                        Some("Anna"),
                        Some("01-02-2025"),
                        Some("15-02-2025"),
                    ],
                ],
            ),
            (second, false, rows),
        ],
    );
}

fn plan(path: &Path) -> Run {
    skifteplan()
        .args(["plan", path.to_str().unwrap(), "--model", "2"])
        .args(["--switch-date", "2026-03-31", "--lang", "en"])
        .run()
}

#[test]
fn a_sheet_whose_header_lacks_the_cpr_column_is_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("to-ark.xlsx");
    two_sheets(
        &path,
        "Indskrivninger",
        vec![
            vec![
                Some("Navn"),
                Some("Indskrivning ID"),
                Some("Indskrivningsdato"),
            ],
            vec![Some("Bo"), Some("I-1"), Some("01-03-2025")],
        ],
    );
    let o = plan(&path);
    o.assert_code(1).assert_no_panic();
    let err = o.stderr();
    assert!(err.contains("'Indskrivninger'"), "{err}");
}

#[test]
fn a_cover_sheet_without_a_list_header_is_not_a_finding() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("forside.xlsx");
    two_sheets(
        &path,
        "Forside",
        vec![
            vec![Some("Aktivliste for Prøve Kommune")],
            vec![Some("Udtrukket 01-03-2025")],
        ],
    );
    plan(&path).assert_code(0).assert_no_panic();
}

#[test]
fn a_sheet_that_cannot_be_read_is_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("skadet-ark.xlsx");
    let workbook = WORKBOOK.replace(
        "</sheets>",
        r#"<sheet name="Skadet" sheetId="2" r:id="rId3"/></sheets>"#,
    );
    let rels = WORKBOOK_RELS.replace(
        "</Relationships>",
        r#"<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/></Relationships>"#,
    );
    let types = CONTENT_TYPES.replace(
        "</Types>",
        r#"<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#,
    );
    let good = format!(
        r#"{SHEET_START}<sheetData><row r="1">{}{}{}</row><row r="2">{}{}{}</row></sheetData></worksheet>"#,
        s("A1", "CPR"),
        s("B1", "Anmodningsdato"),
        s("C1", "Iværksættelsesdato"),
        s("A2", "010190-2000"),
        s("B2", "01-02-2025"),
        s("C2", "15-02-2025"),
    );
    // The second sheet's XML breaks off in its first row.
    let broken = format!(
        r#"{SHEET_START}<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>CPR</t></is></c><c r="B1" t="inlineStr"><is><t>Navn</is></c></row></sheetData></worksheet>"#
    );
    zip_file(
        &path,
        &[
            ("[Content_Types].xml", types.as_bytes()),
            ("_rels/.rels", ROOT_RELS.as_bytes()),
            ("xl/workbook.xml", workbook.as_bytes()),
            ("xl/_rels/workbook.xml.rels", rels.as_bytes()),
            ("xl/worksheets/sheet1.xml", good.as_bytes()),
            ("xl/worksheets/sheet2.xml", broken.as_bytes()),
        ],
    );
    let list = load_bounded(&path).expect("the first sheet is read");
    assert_eq!(list.citizens.len(), 1);
    assert!(
        list.ignored_sheets
            .iter()
            .any(|s| s.name == "Skadet" && s.reason.needs_a_person()),
        "{:?}",
        list.ignored_sheets
    );
    let o = plan(&path);
    o.assert_code(1).assert_no_panic();
    assert!(o.stderr().contains("'Skadet'"), "{}", o.stderr());
}

/// A report that cannot be written is a failure (exit 2 with a line on stderr), not a clean
/// run: `check`, `verify` and `plan --json -` into a full disk.
#[test]
fn a_report_into_a_full_disk_is_exit_2() {
    if !Path::new("/dev/full").exists() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("plan.json");
    let list = util::sample("aktivliste-lille.xlsx");
    let list = list.to_str().unwrap();
    let planned = skifteplan()
        .args(["plan", list, "--model", "2", "--switch-date", "2026-03-31"])
        .args(["--json", json.to_str().unwrap()])
        .run();
    assert!(json.exists(), "{}", planned.stderr());
    let json = json.to_str().unwrap();
    let runs: [&[&str]; 3] = [
        &["check", json],
        &["verify", "--plan", json, "--after", list],
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
    for args in runs {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let out = Command::new(env!("CARGO_BIN_EXE_skifteplan"))
            .args(args)
            .stdout(full)
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.starts_with("skifteplan: "), "{args:?}: {err}");
        // In the user's language, not the system's.
        assert!(err.contains("disken er fuld"), "{args:?}: {err}");
    }
}

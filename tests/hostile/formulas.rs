//! Formula injection: text that starts like a formula is written as text in every export.

use super::*;

const FORMULA_LIKE: [&str; 5] = [
    "=HYPERLINK(\"http://example.invalid\",\"klik\")",
    "+45 1234",
    "-1+1",
    "@SUM(A1:A2)",
    "=cmd|' /C calc'!A0",
];

#[test]
fn text_that_looks_like_a_formula_is_written_as_text() {
    use calamine::{Reader, open_workbook_auto};
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("formler.xlsx");
    xlsx_rows(
        &list,
        &[(
            "Anmodninger",
            false,
            vec![
                vec![
                    Some("CPR"),
                    Some("Navn"),
                    Some("Anmodning ID"),
                    Some("Anmodningsdato"),
                    Some("Tilbud"),
                    Some("Tilknytningsdato"),
                ],
                vec![
                    Some("010190-2000"),
                    Some(FORMULA_LIKE[0]),
                    Some(FORMULA_LIKE[1]),
                    Some("01-02-2025"),
                    Some(FORMULA_LIKE[2]),
                    Some("03-02-2025"),
                ],
                vec![
                    Some("020190-3000"),
                    Some(FORMULA_LIKE[3]),
                    Some("A-2"),
                    Some("01-02-2025"),
                    None,
                    None,
                ],
                // A rejected row: its values are exported too.
                vec![
                    Some("030190-4000"),
                    Some(FORMULA_LIKE[4]),
                    Some("A-3"),
                    Some(FORMULA_LIKE[0]),
                    None,
                    None,
                ],
            ],
        )],
    );
    let xlsx = dir.path().join("handlinger.xlsx");
    let json = dir.path().join("plan.json");
    for model in ["1", "2", "mellem"] {
        skifteplan()
            .args(["plan", list.to_str().unwrap(), "--model", model])
            .args(["--switch-date", "2026-03-31"])
            .args(["--xlsx", xlsx.to_str().unwrap()])
            .args(["--json", json.to_str().unwrap()])
            .run()
            .assert_code(1);
        // The action sheet: no formula anywhere, and the texts are there as text.
        let mut wb = open_workbook_auto(&xlsx).unwrap();
        let mut texts = Vec::new();
        for name in wb.sheet_names() {
            let formulas = wb.worksheet_formula(&name).unwrap();
            assert!(
                formulas.used_cells().all(|(_, _, f)| f.is_empty()),
                "model {model}, sheet '{name}' has formulas: {:?}",
                formulas.used_cells().collect::<Vec<_>>()
            );
            let range = wb.worksheet_range(&name).unwrap();
            for (_, _, cell) in range.used_cells() {
                if let calamine::Data::String(s) = cell {
                    texts.push(s.clone());
                }
            }
        }
        for text in FORMULA_LIKE {
            assert!(
                texts.iter().any(|t| t.contains(text)),
                "model {model}: '{text}' is not in the action sheet as text"
            );
        }
        // The JSON: plain strings, as read.
        let v: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
        let mut strings = Vec::new();
        collect_strings(&v, &mut strings);
        for text in FORMULA_LIKE {
            assert!(
                strings.iter().any(|s| s.contains(text)),
                "model {model}: '{text}' is not in the JSON"
            );
        }
    }
}

fn collect_strings(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(a) => a.iter().for_each(|x| collect_strings(x, out)),
        serde_json::Value::Object(o) => o.values().for_each(|x| collect_strings(x, out)),
        _ => {}
    }
}

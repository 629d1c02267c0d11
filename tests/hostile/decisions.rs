//! A decisions file whose rows name citizens the list does not have: each such row is reported
//! at its sheet and row, and the plan ends with exit code 1, so a case meant as forgotten under
//! a mistyped CPR is not planned for re-entry unseen.

use super::*;

#[test]
fn a_decision_matching_no_citizen_is_a_rejected_row_and_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("liste.csv");
    std::fs::write(
        &list,
        "CPR;Navn;Anmodning ID;Anmodningsdato\n\
         010190-2000;Anna;A-1;01-02-2025\n\
         020190-3000;Bo;A-2;03-02-2025\n",
    )
    .unwrap();
    let decisions = dir.path().join("beslutninger.csv");
    // Row 2 decides Anna's case; row 3 has a mistyped CPR (Bo's with two digits swapped).
    std::fs::write(
        &decisions,
        "CPR;Glemt;Slutdato\n010190-2000;Ja;01-03-2025\n020190-0300;Ja;15-03-2025\n",
    )
    .unwrap();
    let json = dir.path().join("plan.json");
    let xlsx = dir.path().join("plan.xlsx");
    let o = skifteplan()
        .args(["plan", list.to_str().unwrap(), "--model", "2"])
        .args(["--switch-date", "2026-03-31", "--lang", "en"])
        .args(["--decisions", decisions.to_str().unwrap()])
        .args(["--json", json.to_str().unwrap()])
        .args(["--xlsx", xlsx.to_str().unwrap()])
        .run();
    o.assert_code(1).assert_no_panic().assert_no_full_cpr();
    let err = o.stderr();
    assert!(err.contains("Rejected rows: 1"), "{err}");
    assert!(err.contains("'beslutninger' row 3"), "{err}");
    assert!(err.contains("no citizen on the list"), "{err}");
    // Anna's decision is used; Bo is planned as any case, and the row says why.
    assert!(err.contains("(1 forgotten"), "{err}");
    let plan: serde_json::Value = serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
    let rejected = plan["rejected_rows"].as_array().unwrap();
    assert_eq!(rejected.len(), 1, "{rejected:?}");
    assert_eq!(rejected[0]["row"], 3, "{rejected:?}");
    assert_eq!(
        rejected[0]["reason_key"], "decision_matches_nobody",
        "{rejected:?}"
    );
}

//! CSV in every encoding and separator a spreadsheet program writes, and a list with zero
//! citizens.

use super::*;

fn csv_names(file: &str) -> Vec<String> {
    let list = load_bounded(&corpus(file)).expect("the CSV loads");
    assert!(list.rejected.is_empty(), "{file}: {:?}", list.rejected);
    list.citizens
        .iter()
        .map(|c| c.name.as_deref().unwrap_or_default().to_string())
        .collect()
}

#[test]
fn csv_in_windows_1252() {
    assert_eq!(csv_names("windows-1252.csv"), ["Søren Ærø", "Åse Øby"]);
}

#[test]
fn csv_with_a_bom() {
    assert_eq!(csv_names("bom.csv"), ["Søren Ærø", "Åse Øby"]);
}

#[test]
fn csv_with_semicolons() {
    assert_eq!(csv_names("semikolon.csv"), ["Søren; Ærø", "Åse Øby"]);
}

#[test]
fn csv_with_commas() {
    assert_eq!(csv_names("komma.csv"), ["Søren, Ærø", "Åse Øby"]);
}

#[test]
fn a_list_with_zero_citizens_loads_as_an_empty_list() {
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("tom.xlsx");
    xlsx_rows(
        &xlsx,
        &[(
            "Anmodninger",
            false,
            vec![vec![Some("CPR"), Some("Navn"), Some("Anmodningsdato")]],
        )],
    );
    for path in [corpus("tom.csv"), xlsx] {
        let file = path.file_name().unwrap().to_string_lossy().into_owned();
        let list = load_bounded(&path).expect("a header-only list loads");
        assert!(list.citizens.is_empty());
        assert!(list.rejected.is_empty());
        assert_eq!(list.sheets.len(), 1);
        assert_eq!(list.sheets[0].header_row, 1);
        let run = plan_with_peak(&path, &[]);
        assert_eq!(run.code(), 0, "{file}: {}", run.stderr());
    }
}

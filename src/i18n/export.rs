//! Every sheet name, header and label of the action sheet, in Danish and English, in one place:
//! the writer (`export::xlsx`) and the plan reader of `skifteplan check` (`review::read`) both use
//! them. And the words of why an export could not be written.

use std::path::Path;

use crate::domain::cpr::mask_in_text;
use crate::export::ExportError;
use crate::lang::Lang;

use super::Localize;

pub const OVERVIEW_SHEET: &str = "Oversigt";
pub const ACTIONS_SHEET: &str = "Handlinger";
pub const CONFLICTS_SHEET: &str = "Konflikter";
pub const REJECTED_SHEET: &str = "Afviste rækker";
pub const FORGOTTEN_SHEET: &str = "Glemte sager";

/// The sheet names, in order. They stay Danish in both languages.
pub const SHEET_NAMES: [&str; 5] = [
    OVERVIEW_SHEET,
    ACTIONS_SHEET,
    CONFLICTS_SHEET,
    REJECTED_SHEET,
    FORGOTTEN_SHEET,
];

/// A text in Danish and English.
pub type Da2En = (&'static str, &'static str);

pub const H_CITIZEN_NO: Da2En = ("Borger nr", "Citizen no");
pub const H_CPR: Da2En = ("CPR", "CPR");
pub const H_NAME: Da2En = ("Navn", "Name");
pub const H_STEP: Da2En = ("Trin", "Step");
pub const H_SYSTEM: Da2En = ("System", "System");
pub const H_PART: Da2En = ("Del", "Part");
pub const H_FORM: Da2En = ("Skema", "Form");
pub const H_ACTION: Da2En = ("Handling", "Action");
pub const H_DATE: Da2En = ("Dato", "Date");
pub const H_ORIGINAL: Da2En = ("Oprindelig dato", "Original date");
pub const H_REASON: Da2En = ("Årsag", "Reason");
pub const H_REASON_TEXT: Da2En = ("Beskrivelse", "Description");
pub const H_PRIVILEGE: Da2En = ("Rettighed", "Privilege");
pub const H_CASE_ID: Da2En = ("Sags-ID", "Case ID");
pub const H_DETAIL: Da2En = ("Detalje", "Detail");
pub const H_SOURCE: Da2En = ("Kilde", "Source");
pub const H_DONE: Da2En = ("Udført", "Done");
pub const H_DONE_BY: Da2En = ("Udført af", "Done by");
pub const H_CONFLICT: Da2En = ("Konflikt", "Conflict");
pub const H_STATUS: Da2En = ("Status", "Status");
pub const H_STEPS: Da2En = ("Trin i alt", "Steps in all");
pub const H_BY_DECISION: Da2En = ("Efter afgørelse", "By decision");
pub const H_STATE: Da2En = ("Tilstand", "State");
pub const H_DECISION: Da2En = ("Afgørelse", "Decision");
pub const H_CHOICE: Da2En = ("Afgørelseskode", "Decision code");

pub const OVERVIEW_HEADERS: [Da2En; 2] = [("Punkt", "Item"), ("Værdi", "Value")];
pub const ACTION_HEADERS: [Da2En; 22] = [
    H_CITIZEN_NO,
    H_CPR,
    H_NAME,
    H_STEP,
    H_SYSTEM,
    H_PART,
    H_FORM,
    H_ACTION,
    H_DATE,
    H_ORIGINAL,
    H_REASON,
    H_REASON_TEXT,
    H_PRIVILEGE,
    H_CASE_ID,
    H_DETAIL,
    H_SOURCE,
    H_DONE,
    H_DONE_BY,
    H_STATUS,
    H_STEPS,
    H_CONFLICT,
    H_BY_DECISION,
];
pub const CONFLICT_HEADERS: [Da2En; 10] = [
    H_CITIZEN_NO,
    H_CPR,
    H_NAME,
    H_CONFLICT,
    H_STATE,
    ("Besked", "Message"),
    H_DECISION,
    H_CHOICE,
    ("Ark", "Sheet"),
    ("Række", "Row"),
];
pub const REJECTED_HEADERS: [Da2En; 3] = [("Ark", "Sheet"), ("Række", "Row"), ("Årsag", "Reason")];
pub const REJECTED_VALUE: Da2En = ("Værdi", "Value");
pub const FORGOTTEN_HEADERS: [Da2En; 6] = [
    H_CITIZEN_NO,
    ("CPR", "CPR"),
    ("Navn", "Name"),
    ("Slutdato", "End date"),
    ("Afslutninger", "Closes"),
    ("Konflikt", "Conflict"),
];
pub const L_MODEL: Da2En = ("Model", "Model");
pub const L_SWITCH: Da2En = ("Skiftedato (D)", "Switch date (D)");
pub const L_REENTRY: Da2En = ("Genindtastning (D + 1)", "Re-entry (D + 1)");
pub const L_REASON_TEXT: Da2En = ("Beskriv afslutningsårsag", "Close reason text");
pub const L_SOURCE: Da2En = ("Kildefil", "Source file");
pub const L_CPR: Da2En = ("CPR", "CPR");
pub const L_CPR_MASKED: Da2En = ("maskeret (DDMMYY-xxxx)", "masked (DDMMYY-xxxx)");
pub const L_CPR_FULL: Da2En = ("vises fuldt", "shown in full");
pub const L_CITIZENS: Da2En = ("Borgere", "Citizens");
pub const L_FORGOTTEN: Da2En = ("Heraf glemte sager", "Of which forgotten cases");
pub const L_ACTIONS: Da2En = ("Handlinger", "Actions");
pub const L_CONFLICTS: Da2En = ("Konflikter", "Conflicts");
pub const L_REJECTED: Da2En = ("Afviste rækker", "Rejected rows");
pub const L_IGNORED: Da2En = ("Ark ikke brugt", "Sheets not used");
pub const L_WARNINGS: Da2En = ("Advarsler", "Warnings");
pub const L_NOTE: Da2En = ("Bemærkning", "Note");
pub const L_GENERATED: Da2En = ("Genereret", "Generated");
pub const YES: Da2En = ("Ja", "Yes");
/// A citizen's conflicts on the action rows: one still open, or all decided.
pub const CONFLICT_OPEN: Da2En = ("ikke afgjort", "open");
pub const CONFLICT_DECIDED: Da2En = ("afgjort", "decided");
/// A note among the conflicts: nothing to decide.
pub const CONFLICT_NOTE: Da2En = ("bemærkning", "note");
pub const NO: Da2En = ("Nej", "No");

/// Every label pair above, for the test that reads every text.
#[cfg(test)]
pub(crate) fn all_labels() -> Vec<Da2En> {
    let mut all = vec![
        H_REASON_TEXT,
        H_PRIVILEGE,
        H_CASE_ID,
        H_DETAIL,
        H_SOURCE,
        H_DONE,
        H_DONE_BY,
        H_CONFLICT,
        REJECTED_VALUE,
        L_MODEL,
        L_SWITCH,
        L_REENTRY,
        L_REASON_TEXT,
        L_SOURCE,
        L_CPR,
        L_CPR_MASKED,
        L_CPR_FULL,
        L_CITIZENS,
        L_FORGOTTEN,
        L_ACTIONS,
        L_CONFLICTS,
        L_REJECTED,
        L_IGNORED,
        L_WARNINGS,
        L_NOTE,
        L_GENERATED,
        YES,
        NO,
        CONFLICT_OPEN,
        CONFLICT_DECIDED,
        CONFLICT_NOTE,
        H_STATUS,
        H_STEPS,
        H_BY_DECISION,
        H_STATE,
        H_DECISION,
        H_CHOICE,
    ];
    all.extend(OVERVIEW_HEADERS);
    all.extend(ACTION_HEADERS);
    all.extend(CONFLICT_HEADERS);
    all.extend(REJECTED_HEADERS);
    all.extend(FORGOTTEN_HEADERS);
    all
}

/// A label of the action sheet in `lang`.
pub fn label(text: Da2En, lang: Lang) -> &'static str {
    lang.pick(text.0, text.1)
}

/// Why an export could not be written: one line, paths and error texts masked.
impl Localize for ExportError {
    fn localize(&self, lang: Lang) -> String {
        let p = |da, en| lang.pick(da, en);
        match self {
            ExportError::CreateTemp { dir, source } => format!(
                "{} {}: {}",
                p(
                    "kan ikke oprette en midlertidig fil i",
                    "cannot create a temporary file in"
                ),
                shown(dir),
                clean(source)
            ),
            ExportError::Write { path, source } => format!(
                "{} {}: {}",
                p("kan ikke skrive", "cannot write"),
                shown(path),
                super::io::cause_of(source, lang)
            ),
            ExportError::Persist { path, source } => match lang {
                Lang::Da => format!(
                    "kan ikke erstatte {} (er den åben i Excel?): {}",
                    shown(path),
                    clean(source)
                ),
                Lang::En => format!(
                    "cannot replace {} (is it open in Excel?): {}",
                    shown(path),
                    clean(source)
                ),
            },
            ExportError::SameAsInput(path) => format!(
                "{}: {}",
                p(
                    "vil ikke skrive oven i listen, der læses",
                    "refusing to write over the list being read"
                ),
                shown(path)
            ),
            ExportError::IsADirectory(path) => crate::error::FileProblem::Folder.at(path, lang),
            ExportError::NotARegularFile(path) => format!(
                "{} {}: {}",
                p("vil ikke skrive over", "refusing to write over"),
                shown(path),
                p(
                    "det er ikke en almindelig fil (en pipe, en enhed eller en socket?); angiv en almindelig fil",
                    "it is not a regular file (a pipe, a device or a socket?); name a regular file"
                )
            ),
            ExportError::TooManyRows { sheet, rows } => {
                let max = grouped(crate::export::MAX_ROWS - 1, lang);
                let rows = grouped(*rows, lang);
                match lang {
                    Lang::Da => format!(
                        "handlingsarket kan ikke skrives: arket '{sheet}' ville få {rows} rækker under overskriften, og et Excel-ark har plads til {max}; skriv planen som JSON (--json) i stedet, eller del listen op"
                    ),
                    Lang::En => format!(
                        "the action sheet cannot be written: its sheet '{sheet}' would have {rows} rows below the header, and an Excel sheet holds {max}; write the plan as JSON (--json) instead, or split the list"
                    ),
                }
            }
            ExportError::Xlsx(detail) => format!(
                "{}: {}",
                p("kan ikke danne regnearket", "cannot build the spreadsheet"),
                mask_in_text(detail)
            ),
            ExportError::NotAPlan => p(
                "ikke en skifteplan-plan (feltet \"format\" er ikke \"skifteplan-plan\")",
                "not a skifteplan plan (the field \"format\" is not \"skifteplan-plan\")",
            )
            .to_string(),
            ExportError::UnsupportedVersion(v) => {
                let max = crate::export::VERSION;
                match lang {
                    Lang::Da => format!(
                        "planens version {v} er nyere end dette program kan læse (version {max})"
                    ),
                    Lang::En => {
                        format!("plan version {v} is newer than this program reads (version {max})")
                    }
                }
            }
            ExportError::Json(detail) => format!(
                "{}: {}",
                p(
                    "planfilen er ikke gyldig JSON i dette format",
                    "the plan file is not valid JSON for this format"
                ),
                mask_in_text(detail)
            ),
            ExportError::Io(source) => format!(
                "{}: {}",
                p("kan ikke skrive", "cannot write"),
                super::io::cause_of(source, lang)
            ),
        }
    }
}

/// English, from the same texts.
impl std::fmt::Display for ExportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.localize(Lang::En))
    }
}

/// A count with thousands grouped as the language writes them: 1.048.575, 1,048,575.
fn grouped(n: usize, lang: Lang) -> String {
    let digits = n.to_string();
    let sep = lang.pick(".", ",");
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(c);
    }
    out
}

/// A path as shown in a message: on one line, with anything that looks like a CPR masked.
fn shown(path: &Path) -> String {
    one_line(&mask_in_text(&path.display().to_string()))
}

fn clean(e: &std::io::Error) -> String {
    one_line(&mask_in_text(&e.to_string()))
}

fn one_line(s: &str) -> String {
    s.split(['\n', '\r'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

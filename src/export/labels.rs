//! Every sheet name, header and label of the action sheet, in Danish and English, in one place:
//! the writer (`xlsx.rs`) and the plan reader of `skifteplan check` (`review::read`) both use them.

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
pub const H_CONFLICT: Da2En = ("Konflikt", "Conflict");

pub const OVERVIEW_HEADERS: [Da2En; 2] = [("Punkt", "Item"), ("Værdi", "Value")];
pub const ACTION_HEADERS: [Da2En; 17] = [
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
];
pub const CONFLICT_HEADERS: [Da2En; 6] = [
    H_CPR,
    H_NAME,
    H_CONFLICT,
    ("Besked", "Message"),
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
pub const NO: Da2En = ("Nej", "No");

//! Reading a plan back: the xlsx action sheet (as the product wrote it, or edited in a
//! spreadsheet program) or the JSON plan, into the neutral [`PlanRows`].
//!
//! The sheet is found by its sheet names (Danish in every language) and its columns by their
//! headers in Danish or English, so moved columns are still read. A cell that cannot be read is
//! a finding at its row, not a failure; a file that is not a plan at all is a [`ReadError`].

use std::collections::HashSet;
use std::io::Cursor;
use std::path::Path;

use calamine::{Data, Range, Reader, Xlsx, open_workbook_from_rs};
use chrono::NaiveDate;

use super::check::{Column, Finding, FindingKind};
use super::{Counted, Done, Header, Location, PlanConflict, PlanFormat, PlanRows, Row};
use crate::aktivliste::cell::{Cell, date_value};
use crate::aktivliste::{ZipProblem, from_data};
use crate::domain::Form;
use crate::domain::cpr::mask_in_text;
use crate::domain::date::DateSystem;
use crate::i18n::domain;
use crate::lang::Lang;
use crate::plan::{ActionKind, Model, Status, System};

pub use super::read_json::from_json;
use crate::i18n::export::*;
pub use crate::i18n::export::{ACTIONS_SHEET, CONFLICTS_SHEET, FORGOTTEN_SHEET, OVERVIEW_SHEET};

/// A file that cannot be checked at all. The words are in [`crate::i18n::review`]; `Display` is
/// English.
#[derive(Debug)]
pub enum ReadError {
    Io(String),
    /// Not something to read: a FIFO, a device, a folder, larger than any plan.
    File(crate::error::FileProblem),
    NotAPlan,
    Damaged(String),
    MissingSheet(&'static str),
    MissingColumn(&'static str),
    MissingSetup(&'static str),
    /// The JSON plan's own reader refused it (not valid JSON for the format, a newer version).
    Json(Box<crate::export::ExportError>),
    TooLarge {
        part: String,
        mib: u64,
    },
}

impl ReadError {
    pub fn message(&self, lang: Lang) -> String {
        crate::i18n::Localize::localize(self, lang)
    }
}

/// Reads a plan file (`.json` or an xlsx workbook, told apart by content).
pub fn read_plan_file(path: &Path) -> Result<PlanRows, ReadError> {
    let bytes = crate::input::read(path).map_err(|e| match e {
        crate::input::OpenError::Io(e) => ReadError::Io(e.kind().to_string()),
        crate::input::OpenError::Refused(problem) => ReadError::File(problem),
    })?;
    read_plan(&bytes)
}

/// Reads a plan from bytes: JSON when it starts with `{`, xlsx when it is a zip.
pub fn read_plan(bytes: &[u8]) -> Result<PlanRows, ReadError> {
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace() && *b != 0xEF && *b != 0xBB && *b != 0xBF);
    match start.map(|i| bytes[i]) {
        Some(b'{') => super::read_json::read_json(bytes),
        _ if bytes.starts_with(b"PK") => {
            check_parts(bytes)?;
            read_xlsx(bytes)
        }
        _ => Err(ReadError::NotAPlan),
    }
}

// Cells come through the list reader's cell type (`aktivliste::cell`), made by the one
// converter from calamine's cells, so a workbook in the 1904 date system reads right here too.

/// A cell's text as the spreadsheet shows it (a formula error as its code); `None` when empty.
fn text(c: &Cell<'_>) -> Option<String> {
    (!c.is_empty()).then(|| c.display())
}

/// A cell quoted in a finding: its text with anything CPR-like masked.
fn display(c: &Cell<'_>) -> String {
    mask_in_text(&c.display())
}

/// A whole, non-negative number, typed as a number or as text.
fn number(c: &Cell<'_>) -> Option<u32> {
    match *c {
        Cell::Number(n) if n.fract() == 0.0 && n >= 0.0 && n <= f64::from(u32::MAX) => {
            Some(n as u32)
        }
        Cell::Text(t) => t.trim().parse().ok(),
        _ => None,
    }
}

/// A date cell, a serial number or a date text; Err for anything else that is not empty, and
/// for a date outside the years a plan holds. The action sheet is written in the 1900 system.
fn date_of_cell(c: &Cell<'_>) -> Result<Option<NaiveDate>, ()> {
    date_value(c, DateSystem::Excel1900).map_err(|_| ())
}

/// The text of a text cell only (the Detalje column holds names, never numbers).
fn text_only(c: &Cell<'_>) -> Option<String> {
    match *c {
        Cell::Text(t) => Some(t.to_string()),
        _ => None,
    }
}

fn same(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

fn is_label(text: &str, label: Da2En) -> bool {
    same(text, label.0) || same(text, label.1)
}

fn parse_system(t: &str) -> Option<System> {
    [System::Smdb, System::Nyt].into_iter().find(|s| {
        [Lang::Da, Lang::En]
            .into_iter()
            .any(|l| same(t, domain::system_label(*s, l)))
    })
}

fn parse_form(t: &str) -> Option<Form> {
    Form::ALL.into_iter().find(|f| {
        same(t, f.key())
            || [Lang::Da, Lang::En]
                .into_iter()
                .any(|l| same(t, domain::form_label(*f, l)))
    })
}

fn parse_action(t: &str) -> Option<ActionKind> {
    ActionKind::ALL.into_iter().find(|a| {
        same(t, a.key())
            || [Lang::Da, Lang::En]
                .into_iter()
                .any(|l| same(t, domain::action_label(*a, l)))
    })
}

fn parse_model(t: &str) -> Option<Model> {
    Model::ALL
        .into_iter()
        .find(|m| {
            [Lang::Da, Lang::En]
                .into_iter()
                .any(|l| same(t, domain::model_label(*m, l)))
        })
        .or_else(|| Model::parse(t))
}

/// A sheet's rows: its Excel row number and its cells.
type SheetRows<'a> = Vec<(u32, Vec<Cell<'a>>)>;

/// A sheet's rows as cells, each with its Excel row number.
fn sheet_rows(range: &Range<Data>) -> SheetRows<'_> {
    let Some((row0, col0)) = range.start() else {
        return Vec::new();
    };
    range
        .rows()
        .enumerate()
        .map(|(i, r)| {
            let mut cells = vec![Cell::Empty; col0 as usize];
            cells.extend(r.iter().map(from_data));
            let n = row0.saturating_add(i as u32).saturating_add(1);
            (n, cells)
        })
        .collect()
}

fn get<'c, 'a>(cells: &'c [Cell<'a>], col: Option<usize>) -> &'c Cell<'a> {
    col.and_then(|c| cells.get(c)).unwrap_or(&Cell::Empty)
}

/// The most a worksheet of a plan may unpack to: the action sheet of 100,000 citizens (655,000
/// rows) is about 490 MiB of XML. Shared strings, styles and the rest: 64 MiB, as for lists.
const MAX_PLAN_SHEET: u64 = 1 << 30;

/// Refuses a zip bomb before the workbook is opened: the plan's sheets are read whole.
fn check_parts(bytes: &[u8]) -> Result<(), ReadError> {
    crate::aktivliste::check_zip_parts(&mut Cursor::new(bytes), MAX_PLAN_SHEET).map_err(|p| match p
    {
        ZipProblem::Io(e) => ReadError::Io(e.kind().to_string()),
        ZipProblem::Damaged(what) => ReadError::Damaged(what.to_string()),
        ZipProblem::TooLarge { part, size } => ReadError::TooLarge {
            part: mask_in_text(&part),
            mib: size >> 20,
        },
        ZipProblem::Duplicate { part } => ReadError::Damaged(format!(
            "the part '{}' is in the file twice",
            mask_in_text(&part)
        )),
    })
}

fn read_xlsx(bytes: &[u8]) -> Result<PlanRows, ReadError> {
    let mut wb: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes))
        .map_err(|e: calamine::XlsxError| ReadError::Damaged(mask_in_text(&e.to_string())))?;
    let names = wb.sheet_names();
    let mut sheet = |name: &'static str, required: bool| -> Result<Range<Data>, ReadError> {
        if !names.iter().any(|n| n == name) {
            return if required {
                Err(ReadError::MissingSheet(name))
            } else {
                Ok(Range::empty())
            };
        }
        wb.worksheet_range(name)
            .map_err(|e| ReadError::Damaged(mask_in_text(&e.to_string())))
    };
    let overview = sheet(OVERVIEW_SHEET, true)?;
    let actions = sheet(ACTIONS_SHEET, true)?;
    let conflicts = sheet(CONFLICTS_SHEET, false)?;
    let forgotten = sheet(FORGOTTEN_SHEET, false)?;

    let mut header = read_overview(&sheet_rows(&overview))?;
    // Genereret, to the millisecond: the date cell as the sheet holds it.
    header.generated = overview.rows().find_map(|r| {
        let label = r.first().map(ToString::to_string)?;
        is_label(&label, L_GENERATED)
            .then(|| r.get(1).and_then(crate::aktivliste::datetime_of))
            .flatten()
    });
    let forgotten_set = Forgotten::read(&sheet_rows(&forgotten));
    let plan_conflicts = read_conflicts(&sheet_rows(&conflicts));
    let (rows, problems) = read_actions(&sheet_rows(&actions), &forgotten_set)?;
    Ok(PlanRows {
        format: PlanFormat::Xlsx,
        header,
        rows,
        conflicts: plan_conflicts,
        problems,
    })
}

fn read_overview(rows: &[(u32, Vec<Cell<'_>>)]) -> Result<Header, ReadError> {
    let at = |n: u32| Location::row(OVERVIEW_SHEET, n);
    let mut model = None;
    let mut switch = None;
    let mut reentry = None;
    let mut reentry_at = Location::sheet(OVERVIEW_SHEET);
    let mut model_at = Location::sheet(OVERVIEW_SHEET);
    let mut switch_at = Location::sheet(OVERVIEW_SHEET);
    let mut reason_text = None;
    let mut source_file = None;
    let mut citizens = None;
    let mut forgotten = None;
    let mut actions = None;
    let mut per_kind = Vec::new();
    let kinds: Vec<(ActionKind, Form, String, String)> = ActionKind::ALL
        .into_iter()
        .flat_map(|k| Form::ALL.into_iter().map(move |f| (k, f)))
        .map(|(k, f)| {
            let label = |l| {
                format!(
                    "{}: {}",
                    domain::action_label(k, l),
                    domain::form_label(f, l)
                )
            };
            (k, f, label(Lang::Da), label(Lang::En))
        })
        .collect();
    for (n, cells) in rows.iter().skip(1) {
        let Some(label) = text(get(cells, Some(0))) else {
            continue;
        };
        let value = get(cells, Some(1));
        let count = || {
            number(value).map(|v| Counted {
                n: v as usize,
                at: at(*n),
            })
        };
        if is_label(&label, L_MODEL) {
            model = text(value).and_then(|t| parse_model(&t));
            model_at = at(*n);
        } else if is_label(&label, L_SWITCH) {
            switch = date_of_cell(value).ok().flatten();
            switch_at = at(*n);
        } else if is_label(&label, L_REENTRY) {
            reentry = date_of_cell(value).ok().flatten();
            reentry_at = at(*n);
        } else if is_label(&label, L_REASON_TEXT) {
            reason_text = text(value);
        } else if is_label(&label, L_SOURCE) {
            source_file = text(value);
        } else if is_label(&label, L_CITIZENS) {
            citizens = count();
        } else if is_label(&label, L_FORGOTTEN) {
            forgotten = count();
        } else if is_label(&label, L_ACTIONS) {
            actions = count();
        } else if let Some((k, f, ..)) = kinds
            .iter()
            .find(|(_, _, da, en)| same(&label, da) || same(&label, en))
            && let Some(c) = count()
        {
            per_kind.push((*k, *f, c));
        }
    }
    let model = model.ok_or(ReadError::MissingSetup("model"))?;
    let switch_date = switch.ok_or(ReadError::MissingSetup("switch_date"))?;
    Ok(Header {
        model,
        switch_date,
        reentry_date: reentry,
        reentry_at,
        model_at,
        switch_at,
        reason_text,
        source_file,
        citizens,
        forgotten,
        actions,
        per_kind,
        generated: None,
    })
}

fn read_conflicts(rows: &[(u32, Vec<Cell<'_>>)]) -> Vec<PlanConflict> {
    let Some((_, head)) = rows.first() else {
        return Vec::new();
    };
    let find = |label: Da2En| {
        head.iter()
            .position(|c| text(c).is_some_and(|t| is_label(&t, label)))
    };
    let (no, cpr, kind, state) = (
        find(H_CITIZEN_NO),
        find(H_CPR),
        find(H_CONFLICT),
        find(H_STATE),
    );
    rows.iter()
        .skip(1)
        .filter_map(|(n, c)| {
            let kind = text(get(c, kind))?;
            // A sheet written before the Tilstand column: every kind but a note is open.
            let state = state.map(|s| text(get(c, Some(s))).unwrap_or_default());
            Some(PlanConflict {
                cpr: text(get(c, cpr))?,
                citizen: no.and_then(|col| number(get(c, Some(col)))),
                open: PlanConflict::is_open(&kind, state.as_deref()),
                kind,
                at: Location::row(CONFLICTS_SHEET, *n),
            })
        })
        .collect()
}

type Problems = Vec<Finding>;

/// The citizens the Glemte sager sheet lists: by Borger nr, or in a sheet written before it
/// had that column, by CPR and name as shown.
enum Forgotten {
    /// The plan has no Glemte sager sheet (or not even its header).
    Absent,
    Numbers(HashSet<u32>),
    CprAndName(HashSet<(String, String)>),
}

impl Forgotten {
    fn read(rows: &[(u32, Vec<Cell<'_>>)]) -> Forgotten {
        let Some(head) = rows.first().map(|(_, h)| h.as_slice()) else {
            return Forgotten::Absent;
        };
        let find = |label: Da2En| {
            head.iter()
                .position(|c| text(c).is_some_and(|t| is_label(&t, label)))
        };
        let body = rows.iter().skip(1).map(|(_, c)| c);
        match find(H_CITIZEN_NO) {
            Some(no) => Forgotten::Numbers(body.filter_map(|c| number(get(c, Some(no)))).collect()),
            None => {
                let cpr = find(H_CPR).unwrap_or(0);
                let name = find(H_NAME).unwrap_or(cpr + 1);
                Forgotten::CprAndName(
                    body.filter_map(|c| {
                        let cpr = text(get(c, Some(cpr)))?;
                        Some((cpr, text(get(c, Some(name))).unwrap_or_default()))
                    })
                    .collect(),
                )
            }
        }
    }

    fn present(&self) -> bool {
        !matches!(self, Forgotten::Absent)
    }

    fn contains(&self, citizen: u32, cpr: &str, name: Option<&str>) -> bool {
        match self {
            Forgotten::Absent => false,
            Forgotten::Numbers(n) => n.contains(&citizen),
            Forgotten::CprAndName(set) => {
                set.contains(&(cpr.to_string(), name.unwrap_or_default().to_string()))
            }
        }
    }
}

fn read_actions(
    rows: &[(u32, Vec<Cell<'_>>)],
    forgotten: &Forgotten,
) -> Result<(Vec<Row>, Problems), ReadError> {
    let Some((_, head)) = rows.first() else {
        return Err(ReadError::MissingColumn(H_CITIZEN_NO.0));
    };
    let find = |label: Da2En| {
        head.iter()
            .position(|c| text(c).is_some_and(|t| is_label(&t, label)))
    };
    let need = |label: Da2En| find(label).ok_or(ReadError::MissingColumn(label.0));
    let c_no = need(H_CITIZEN_NO)?;
    let c_cpr = need(H_CPR)?;
    let c_step = need(H_STEP)?;
    let c_system = need(H_SYSTEM)?;
    let c_form = need(H_FORM)?;
    let c_action = need(H_ACTION)?;
    let c_date = need(H_DATE)?;
    let c_orig = need(H_ORIGINAL)?;
    let c_reason = find(H_REASON);
    let c_reason_text = find(H_REASON_TEXT);
    let c_name = find(H_NAME);
    let c_case = find(H_CASE_ID);
    let c_detail = find(H_DETAIL);
    let c_done = find(H_DONE);
    let c_done_by = find(H_DONE_BY);
    let c_by_decision = find(H_BY_DECISION);
    let c_status = find(H_STATUS);
    let c_steps = find(H_STEPS);

    let mut out = Vec::new();
    let mut problems = Vec::new();
    for (n, cells) in rows.iter().skip(1) {
        if cells.iter().all(Cell::is_empty) {
            continue;
        }
        let at = Location::row(ACTIONS_SHEET, *n);
        let cpr = text(get(cells, Some(c_cpr))).unwrap_or_default();
        let mut bad = |column: Column, c: &Cell<'_>| {
            problems.push(Finding {
                at: at.clone(),
                cpr: Some(cpr.clone()),
                kind: FindingKind::Unreadable {
                    column,
                    value: display(c),
                },
            });
        };
        let no_cell = get(cells, Some(c_no));
        let Some(citizen) = number(no_cell) else {
            bad(Column::CitizenNo, no_cell);
            continue;
        };
        let step_cell = get(cells, Some(c_step));
        let step = number(step_cell);
        if step.is_none() {
            bad(Column::Step, step_cell);
        }
        let mut labelled = |col: usize, column: Column, parse: &dyn Fn(&str) -> bool| {
            let c = get(cells, Some(col));
            let t = text(c);
            if !t.as_deref().is_some_and(parse) {
                bad(column, c);
            }
            t
        };
        let system = labelled(c_system, Column::System, &|t| parse_system(t).is_some())
            .and_then(|t| parse_system(&t));
        let form = labelled(c_form, Column::Form, &|t| parse_form(t).is_some())
            .and_then(|t| parse_form(&t));
        let action = labelled(c_action, Column::Action, &|t| parse_action(t).is_some())
            .and_then(|t| parse_action(&t));
        let mut date_of = |col: usize, column: Column| {
            let c = get(cells, Some(col));
            date_of_cell(c).unwrap_or_else(|()| {
                bad(column, c);
                None
            })
        };
        let date = date_of(c_date, Column::Date);
        let original_date = date_of(c_orig, Column::OriginalDate);
        let done_cell = get(cells, c_done);
        let mark = Done::of_cell(done_cell);
        if let Done::Unknown(_) = mark {
            bad(Column::Done, done_cell);
        }
        let name = text(get(cells, c_name));
        let status_forgotten = c_status.and_then(|col| {
            let t = text(get(cells, Some(col)))?;
            let is = |s: Status| {
                same(&t, s.key())
                    || [Lang::Da, Lang::En]
                        .into_iter()
                        .any(|l| same(&t, domain::status_label(s, l)))
            };
            if is(Status::Glemt) {
                Some(true)
            } else if is(Status::Aktiv) {
                Some(false)
            } else {
                None
            }
        });
        let listed_forgotten = forgotten
            .present()
            .then(|| forgotten.contains(citizen, &cpr, name.as_deref()));
        out.push(Row {
            at,
            citizen,
            forgotten: status_forgotten == Some(true) || listed_forgotten == Some(true),
            status_forgotten,
            listed_forgotten,
            steps_total: c_steps.and_then(|col| number(get(cells, Some(col)))),
            cpr,
            name,
            step,
            system,
            form,
            action,
            date,
            original_date,
            reason: text(get(cells, c_reason)),
            reason_text: text(get(cells, c_reason_text)),
            case_id: text(get(cells, c_case)),
            detail: text_only(get(cells, c_detail)),
            done: mark.is_done(),
            done_date: mark.date(),
            not_done: mark == Done::No,
            done_by: text(get(cells, c_done_by)).map(|t| mask_in_text(t.trim())),
            by_decision: text(get(cells, c_by_decision)).is_some_and(|t| is_label(&t, YES)),
        });
    }
    Ok((out, problems))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn cells_read_as_before_through_the_list_readers_cell_type() {
        // A formula error is text a person can see; a flag is TRUE/FALSE.
        assert_eq!(text(&Cell::Error("#N/A")).as_deref(), Some("#N/A"));
        assert_eq!(text(&Cell::Bool(true)).as_deref(), Some("TRUE"));
        assert_eq!(text(&Cell::Number(12345.0)).as_deref(), Some("12345"));
        assert_eq!(text(&Cell::Empty), None);
        assert_eq!(number(&Cell::Text(" 7 ")), Some(7));
        assert_eq!(number(&Cell::Number(1.5)), None);
        // Dates: a date cell, a 1900 serial, a text; a year no plan holds is unreadable.
        assert_eq!(
            date_of_cell(&Cell::Date(d(2026, 3, 31))),
            Ok(Some(d(2026, 3, 31)))
        );
        assert_eq!(
            date_of_cell(&Cell::Number(46112.0)),
            Ok(Some(d(2026, 3, 31)))
        );
        assert_eq!(
            date_of_cell(&Cell::Text("31-03-2026")),
            Ok(Some(d(2026, 3, 31)))
        );
        assert_eq!(date_of_cell(&Cell::Date(d(2500, 1, 1))), Err(()));
        assert_eq!(date_of_cell(&Cell::Bool(true)), Err(()));
        assert_eq!(date_of_cell(&Cell::Empty), Ok(None));
        // The Detalje column: names only.
        assert_eq!(text_only(&Cell::Number(3.0)), None);
        assert_eq!(
            text_only(&Cell::Text("Rusmiddelcenter")).as_deref(),
            Some("Rusmiddelcenter")
        );
    }

    #[test]
    fn a_1904_date_cell_reads_as_its_date() {
        use calamine::{ExcelDateTime, ExcelDateTimeType};
        // 31-03-2026 is serial 46112 in the 1900 system and 44650 in the 1904 system.
        let cell = Data::DateTime(ExcelDateTime::new(
            44650.0,
            ExcelDateTimeType::DateTime,
            true,
        ));
        assert_eq!(date_of_cell(&from_data(&cell)), Ok(Some(d(2026, 3, 31))));
    }
}

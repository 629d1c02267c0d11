//! Reading a plan back: the xlsx action sheet (as the product wrote it, or edited in a
//! spreadsheet program) or the JSON plan, into the neutral [`PlanRows`].
//!
//! The sheet is found by its sheet names (Danish in every language) and its columns by their
//! headers in Danish or English, so moved columns are still read. A cell that cannot be read is
//! a finding at its row, not a failure; a file that is not a plan at all is a [`ReadError`].

use std::collections::HashSet;
use std::io::Cursor;

use crate::aktivliste::ZipProblem;
use std::path::Path;

use calamine::{Data, Range, Reader, Xlsx, open_workbook_from_rs};
use chrono::NaiveDate;

use super::check::{Column, Finding, FindingKind};
use super::{Counted, Header, Location, PlanConflict, PlanFormat, PlanRows, Row};
use crate::domain::Form;
use crate::domain::cpr::mask_in_text;
use crate::domain::date::{from_excel_serial, parse_date_text};
use crate::export::{self, ExportError, PlanJson};
use crate::lang::Lang;
use crate::plan::{ActionKind, Model, Status, System};
use crate::text;

use crate::export::labels::*;
pub use crate::export::labels::{ACTIONS_SHEET, CONFLICTS_SHEET, FORGOTTEN_SHEET, OVERVIEW_SHEET};

/// A file that cannot be checked at all.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("cannot read the file: {0}")]
    Io(String),
    #[error("not a plan")]
    NotAPlan,
    #[error("the workbook cannot be opened: {0}")]
    Damaged(String),
    #[error("sheet missing: {0}")]
    MissingSheet(&'static str),
    #[error("column missing: {0}")]
    MissingColumn(&'static str),
    #[error("set-up missing: {0}")]
    MissingSetup(&'static str),
    #[error("JSON plan: {0}")]
    Json(String),
    #[error("the part {part} unpacks to more than any plan holds")]
    TooLarge { part: String, mib: u64 },
}

impl ReadError {
    pub fn message(&self, lang: Lang) -> String {
        super::words::read_error(self, lang)
    }
}

/// Reads a plan file (`.json` or an xlsx workbook, told apart by content).
pub fn read_plan_file(path: &Path) -> Result<PlanRows, ReadError> {
    let bytes = std::fs::read(path).map_err(|e| ReadError::Io(e.kind().to_string()))?;
    read_plan(&bytes)
}

/// Reads a plan from bytes: JSON when it starts with `{`, xlsx when it is a zip.
pub fn read_plan(bytes: &[u8]) -> Result<PlanRows, ReadError> {
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace() && *b != 0xEF && *b != 0xBB && *b != 0xBF);
    match start.map(|i| bytes[i]) {
        Some(b'{') => read_json(bytes),
        _ if bytes.starts_with(b"PK") => {
            check_parts(bytes)?;
            read_xlsx(bytes)
        }
        _ => Err(ReadError::NotAPlan),
    }
}

fn read_json(bytes: &[u8]) -> Result<PlanRows, ReadError> {
    let dto = export::from_slice(bytes).map_err(|e| match e {
        ExportError::NotAPlan => ReadError::NotAPlan,
        e => ReadError::Json(e.message(Lang::En)),
    })?;
    Ok(from_json(&dto))
}

/// The neutral rows of a JSON plan. Locations name the place in the JSON.
pub fn from_json(dto: &PlanJson) -> PlanRows {
    let top = |what: &str| Location::sheet(what);
    let mut rows = Vec::new();
    for (i, c) in dto.citizens.iter().enumerate() {
        for (j, a) in c.actions.iter().enumerate() {
            rows.push(Row {
                at: top(&format!("citizens[{i}].actions[{j}]")),
                citizen: u32::try_from(i + 1).unwrap_or(u32::MAX),
                cpr: c.cpr.clone(),
                name: c.name.clone(),
                step: Some(a.step),
                system: Some(a.system),
                form: Some(a.form),
                action: Some(a.action),
                date: a.date,
                original_date: a.original_date,
                reason: a.reason.clone(),
                reason_text: a.reason_text.clone(),
                case_id: a.case_id.clone(),
                done: a.done.is_some(),
                done_date: a.done,
                forgotten: c.status == Status::Glemt,
            });
        }
    }
    let counts = &dto.counts;
    PlanRows {
        format: PlanFormat::Json,
        header: Header {
            model: dto.model,
            switch_date: dto.switch_date,
            reentry_date: dto.reentry_date,
            reentry_at: top("reentry_date"),
            reason_text: Some(dto.reason_text.clone()),
            source_file: Some(dto.source_file.clone()),
            citizens: Some(Counted {
                n: counts.citizens,
                at: top("counts.citizens"),
            }),
            forgotten: Some(Counted {
                n: counts.forgotten,
                at: top("counts.forgotten"),
            }),
            actions: Some(Counted {
                n: counts.actions,
                at: top("counts.actions"),
            }),
            // JSON states counts per action and per form, not per pair; the total and the
            // citizens decide.
            per_kind: Vec::new(),
        },
        rows,
        conflicts: dto
            .conflicts
            .iter()
            .map(|c| PlanConflict {
                cpr: c.cpr.clone(),
                kind: c.kind.clone(),
            })
            .collect(),
        problems: Vec::new(),
    }
}

/// One cell, wrapped once at the edge.
#[derive(Clone, Debug, PartialEq)]
enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Date(NaiveDate),
}

fn cell(d: &Data) -> Cell {
    match d {
        Data::Empty => Cell::Empty,
        Data::String(s) | Data::DurationIso(s) => {
            let t = s.trim();
            if t.is_empty() {
                Cell::Empty
            } else {
                Cell::Text(t.to_string())
            }
        }
        Data::Float(f) => Cell::Number(*f),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Bool(b) => Cell::Text(if *b { "TRUE" } else { "FALSE" }.to_string()),
        Data::DateTime(dt) => from_excel_serial(dt.as_f64())
            .map(Cell::Date)
            .unwrap_or(Cell::Number(dt.as_f64())),
        Data::DateTimeIso(s) => parse_date_text(s)
            .map(Cell::Date)
            .unwrap_or_else(|_| Cell::Text(s.clone())),
        Data::Error(e) => Cell::Text(e.to_string()),
    }
}

impl Cell {
    fn text(&self) -> Option<String> {
        match self {
            Cell::Empty => None,
            Cell::Text(t) => Some(t.clone()),
            Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => Some(format!("{}", *n as i64)),
            Cell::Number(n) => Some(n.to_string()),
            Cell::Date(d) => Some(crate::domain::date::fmt_dk(*d)),
        }
    }
    fn display(&self) -> String {
        mask_in_text(&self.text().unwrap_or_default())
    }
    fn number(&self) -> Option<u32> {
        match self {
            Cell::Number(n) if n.fract() == 0.0 && *n >= 0.0 && *n <= f64::from(u32::MAX) => {
                Some(*n as u32)
            }
            Cell::Text(t) => t.trim().parse().ok(),
            _ => None,
        }
    }
    /// A date cell, a serial number or a date text; Err for anything else that is not empty.
    fn date(&self) -> Result<Option<NaiveDate>, ()> {
        match self {
            Cell::Empty => Ok(None),
            Cell::Date(d) => Ok(Some(*d)),
            Cell::Number(n) => from_excel_serial(*n).map(Some).map_err(|_| ()),
            Cell::Text(t) => parse_date_text(t).map(Some).map_err(|_| ()),
        }
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
            .any(|l| same(t, text::system_label(*s, l)))
    })
}

fn parse_form(t: &str) -> Option<Form> {
    Form::ALL.into_iter().find(|f| {
        same(t, f.key())
            || [Lang::Da, Lang::En]
                .into_iter()
                .any(|l| same(t, text::form_label(*f, l)))
    })
}

fn parse_action(t: &str) -> Option<ActionKind> {
    ActionKind::ALL.into_iter().find(|a| {
        same(t, a.key())
            || [Lang::Da, Lang::En]
                .into_iter()
                .any(|l| same(t, text::action_label(*a, l)))
    })
}

fn parse_model(t: &str) -> Option<Model> {
    Model::ALL
        .into_iter()
        .find(|m| {
            [Lang::Da, Lang::En]
                .into_iter()
                .any(|l| same(t, text::model_label(*m, l)))
        })
        .or_else(|| Model::parse(t))
}

/// A sheet's rows as cells, each with its Excel row number.
fn sheet_rows(range: &Range<Data>) -> Vec<(u32, Vec<Cell>)> {
    let Some((row0, col0)) = range.start() else {
        return Vec::new();
    };
    range
        .rows()
        .enumerate()
        .map(|(i, r)| {
            let mut cells = vec![Cell::Empty; col0 as usize];
            cells.extend(r.iter().map(cell));
            let n = row0.saturating_add(i as u32).saturating_add(1);
            (n, cells)
        })
        .collect()
}

fn get(cells: &[Cell], col: Option<usize>) -> &Cell {
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
    })
}

fn read_xlsx(bytes: &[u8]) -> Result<PlanRows, ReadError> {
    let mut wb: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes))
        .map_err(|e: calamine::XlsxError| ReadError::Damaged(mask_in_text(&e.to_string())))?;
    let names = wb.sheet_names();
    let mut sheet =
        |name: &'static str, required: bool| -> Result<Vec<(u32, Vec<Cell>)>, ReadError> {
            if !names.iter().any(|n| n == name) {
                return if required {
                    Err(ReadError::MissingSheet(name))
                } else {
                    Ok(Vec::new())
                };
            }
            let range = wb
                .worksheet_range(name)
                .map_err(|e| ReadError::Damaged(mask_in_text(&e.to_string())))?;
            Ok(sheet_rows(&range))
        };
    let overview = sheet(OVERVIEW_SHEET, true)?;
    let actions = sheet(ACTIONS_SHEET, true)?;
    let conflicts = sheet(CONFLICTS_SHEET, false)?;
    let forgotten = sheet(FORGOTTEN_SHEET, false)?;

    let header = read_overview(&overview)?;
    let forgotten_set = Forgotten::read(&forgotten);
    let plan_conflicts = read_conflicts(&conflicts);
    let (rows, problems) = read_actions(&actions, &forgotten_set)?;
    Ok(PlanRows {
        format: PlanFormat::Xlsx,
        header,
        rows,
        conflicts: plan_conflicts,
        problems,
    })
}

fn read_overview(rows: &[(u32, Vec<Cell>)]) -> Result<Header, ReadError> {
    let at = |n: u32| Location::row(OVERVIEW_SHEET, n);
    let mut model = None;
    let mut switch = None;
    let mut reentry = None;
    let mut reentry_at = Location::sheet(OVERVIEW_SHEET);
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
            let label = |l| format!("{}: {}", text::action_label(k, l), text::form_label(f, l));
            (k, f, label(Lang::Da), label(Lang::En))
        })
        .collect();
    for (n, cells) in rows.iter().skip(1) {
        let Some(label) = get(cells, Some(0)).text() else {
            continue;
        };
        let value = get(cells, Some(1));
        let count = || {
            value.number().map(|v| Counted {
                n: v as usize,
                at: at(*n),
            })
        };
        if is_label(&label, L_MODEL) {
            model = value.text().and_then(|t| parse_model(&t));
        } else if is_label(&label, L_SWITCH) {
            switch = value.date().ok().flatten();
        } else if is_label(&label, L_REENTRY) {
            reentry = value.date().ok().flatten();
            reentry_at = at(*n);
        } else if is_label(&label, L_REASON_TEXT) {
            reason_text = value.text();
        } else if is_label(&label, L_SOURCE) {
            source_file = value.text();
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
        reason_text,
        source_file,
        citizens,
        forgotten,
        actions,
        per_kind,
    })
}

fn read_conflicts(rows: &[(u32, Vec<Cell>)]) -> Vec<PlanConflict> {
    let Some((_, head)) = rows.first() else {
        return Vec::new();
    };
    let find = |label: Da2En| {
        head.iter()
            .position(|c| c.text().is_some_and(|t| is_label(&t, label)))
    };
    let (cpr, kind) = (find(H_CPR), find(H_CONFLICT));
    rows.iter()
        .skip(1)
        .filter_map(|(_, c)| {
            Some(PlanConflict {
                cpr: get(c, cpr).text()?,
                kind: get(c, kind).text()?,
            })
        })
        .collect()
}

type Problems = Vec<Finding>;

/// The citizens the Glemte sager sheet lists: by Borger nr, or in a sheet written before it
/// had that column, by CPR and name as shown.
enum Forgotten {
    Numbers(HashSet<u32>),
    CprAndName(HashSet<(String, String)>),
}

impl Forgotten {
    fn read(rows: &[(u32, Vec<Cell>)]) -> Forgotten {
        let head = rows.first().map(|(_, h)| h.as_slice()).unwrap_or_default();
        let find = |label: Da2En| {
            head.iter()
                .position(|c| c.text().is_some_and(|t| is_label(&t, label)))
        };
        let body = rows.iter().skip(1).map(|(_, c)| c);
        match find(H_CITIZEN_NO) {
            Some(no) => {
                Forgotten::Numbers(body.filter_map(|c| get(c, Some(no)).number()).collect())
            }
            None => {
                let cpr = find(H_CPR).unwrap_or(0);
                let name = find(H_NAME).unwrap_or(cpr + 1);
                Forgotten::CprAndName(
                    body.filter_map(|c| {
                        let cpr = get(c, Some(cpr)).text()?;
                        Some((cpr, get(c, Some(name)).text().unwrap_or_default()))
                    })
                    .collect(),
                )
            }
        }
    }

    fn contains(&self, citizen: u32, cpr: &str, name: Option<&str>) -> bool {
        match self {
            Forgotten::Numbers(n) => n.contains(&citizen),
            Forgotten::CprAndName(set) => {
                set.contains(&(cpr.to_string(), name.unwrap_or_default().to_string()))
            }
        }
    }
}

fn read_actions(
    rows: &[(u32, Vec<Cell>)],
    forgotten: &Forgotten,
) -> Result<(Vec<Row>, Problems), ReadError> {
    let Some((_, head)) = rows.first() else {
        return Err(ReadError::MissingColumn(H_CITIZEN_NO.0));
    };
    let find = |label: Da2En| {
        head.iter()
            .position(|c| c.text().is_some_and(|t| is_label(&t, label)))
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
    let c_done = find(H_DONE);

    let mut out = Vec::new();
    let mut problems = Vec::new();
    for (n, cells) in rows.iter().skip(1) {
        if cells.iter().all(|c| *c == Cell::Empty) {
            continue;
        }
        let at = Location::row(ACTIONS_SHEET, *n);
        let cpr = get(cells, Some(c_cpr)).text().unwrap_or_default();
        let mut bad = |column: Column, c: &Cell| {
            problems.push(Finding {
                at: at.clone(),
                cpr: Some(cpr.clone()),
                kind: FindingKind::Unreadable {
                    column,
                    value: c.display(),
                },
            });
        };
        let no_cell = get(cells, Some(c_no));
        let Some(citizen) = no_cell.number() else {
            bad(Column::CitizenNo, no_cell);
            continue;
        };
        let step_cell = get(cells, Some(c_step));
        let step = step_cell.number();
        if step.is_none() {
            bad(Column::Step, step_cell);
        }
        let mut labelled = |col: usize, column: Column, parse: &dyn Fn(&str) -> bool| {
            let c = get(cells, Some(col));
            let t = c.text();
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
            c.date().unwrap_or_else(|()| {
                bad(column, c);
                None
            })
        };
        let date = date_of(c_date, Column::Date);
        let original_date = date_of(c_orig, Column::OriginalDate);
        let done_cell = get(cells, c_done);
        let name = get(cells, c_name).text();
        out.push(Row {
            at,
            citizen,
            forgotten: forgotten.contains(citizen, &cpr, name.as_deref()),
            cpr,
            name,
            step,
            system,
            form,
            action,
            date,
            original_date,
            reason: get(cells, c_reason).text(),
            reason_text: get(cells, c_reason_text).text(),
            case_id: get(cells, c_case).text(),
            done: *done_cell != Cell::Empty,
            done_date: done_cell.date().ok().flatten(),
        });
    }
    Ok((out, problems))
}

//! The confirmation list for DST (model 1, guide §3): the anmodninger and indskrivninger the
//! kommune confirms DST may delete in bulk. Only citizens that are not forgotten and whose
//! registrations in the new system are all ticked off are on it, so DST never deletes a forgotten
//! case or one not yet re-entered.
//!
//! [`confirmation`] is pure over the rows read back by [`super::read`]; [`tilbud_details`] adds
//! the offer names (the plan's Detalje column), which the neutral rows do not carry.

use std::collections::BTreeMap;
use std::io::Cursor;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use chrono::NaiveDate;

use super::read::ACTIONS_SHEET;
use super::{Location, PlanFormat, PlanRows, Row};
use crate::domain::Form;
use crate::plan::{ActionKind, Model, System};

/// One line of the confirmation list: a form DST may delete.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfirmRow {
    /// As the plan holds it (masked unless the plan was written with full CPR).
    pub cpr: String,
    pub name: Option<String>,
    /// [`Form::Anmodning`] or [`Form::Indskrivning`].
    pub form: Form,
    pub case_id: Option<String>,
    pub original_date: Option<NaiveDate>,
    pub tilbud: Option<String>,
}

/// Why a citizen is left off the list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Exclusion {
    /// A forgotten case: closed with its real end dates, never deleted.
    Forgotten,
    /// Not every registration in the new system is ticked off yet.
    NotRegistered { done: usize, total: usize },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Excluded {
    pub citizen: u32,
    pub cpr: String,
    pub why: Exclusion,
}

/// The list and who was left off.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Confirmation {
    pub rows: Vec<ConfirmRow>,
    /// Citizens on the list.
    pub included: usize,
    pub excluded: Vec<Excluded>,
}

impl Confirmation {
    /// Excluded citizens that are not forgotten (they are the ones that still need work).
    pub fn pending(&self) -> usize {
        self.excluded
            .iter()
            .filter(|e| e.why != Exclusion::Forgotten)
            .count()
    }
}

/// The confirmation list of a model-1 plan; `Err(model)` for any other model.
/// `tilbud` gives the offer name written at a row of the plan, if any.
pub fn confirmation(
    plan: &PlanRows,
    tilbud: &BTreeMap<Location, String>,
) -> Result<Confirmation, Model> {
    if plan.header.model != Model::One {
        return Err(plan.header.model);
    }
    let mut out = Confirmation {
        rows: Vec::new(),
        included: 0,
        excluded: Vec::new(),
    };
    for (citizen, rows) in plan.by_citizen() {
        let cpr = rows.first().map(|r| r.cpr.clone()).unwrap_or_default();
        if rows.iter().any(|r| r.forgotten) {
            out.excluded.push(Excluded {
                citizen,
                cpr,
                why: Exclusion::Forgotten,
            });
            continue;
        }
        let registrations: Vec<&&Row> = rows
            .iter()
            .filter(|r| r.action == Some(ActionKind::Registrer))
            .collect();
        let done = registrations.iter().filter(|r| r.done).count();
        let total = registrations.len();
        if total == 0 || done < total {
            out.excluded.push(Excluded {
                citizen,
                cpr,
                why: Exclusion::NotRegistered { done, total },
            });
            continue;
        }
        out.included += 1;
        // The offer of an anmodning is the one the citizen is assigned to.
        let assigned = rows
            .iter()
            .filter(|r| r.form == Some(Form::Tilbudstilknytning))
            .find_map(|r| tilbud.get(&r.at).cloned());
        for r in &rows {
            let deletes = r.action == Some(ActionKind::Slet) && r.system != Some(System::Nyt);
            let form = match r.form {
                Some(f @ (Form::Anmodning | Form::Indskrivning)) if deletes => f,
                _ => continue,
            };
            let own = tilbud.get(&r.at).cloned();
            out.rows.push(ConfirmRow {
                cpr: r.cpr.clone(),
                name: r.name.clone(),
                form,
                case_id: r.case_id.clone(),
                original_date: r.original_date.or(r.date),
                tilbud: match form {
                    Form::Indskrivning => own,
                    _ => own.or_else(|| assigned.clone()),
                },
            });
        }
    }
    Ok(out)
}

/// The offer names (Detalje / `detail`) of a plan's rows, keyed by the rows' locations as
/// [`super::read`] gives them. Best effort: a plan without them gives an empty map.
pub fn tilbud_details(bytes: &[u8], plan: &PlanRows) -> BTreeMap<Location, String> {
    match plan.format {
        PlanFormat::Json => json_details(bytes),
        PlanFormat::Xlsx => xlsx_details(bytes),
    }
}

fn json_details(bytes: &[u8]) -> BTreeMap<Location, String> {
    let Ok(dto) = crate::export::from_slice(bytes) else {
        return BTreeMap::new();
    };
    let mut out = BTreeMap::new();
    for (i, c) in dto.citizens.iter().enumerate() {
        for (j, a) in c.actions.iter().enumerate() {
            if let Some(d) = a.detail.as_ref().filter(|d| !d.trim().is_empty()) {
                out.insert(
                    Location::sheet(&format!("citizens[{i}].actions[{j}]")),
                    d.trim().to_string(),
                );
            }
        }
    }
    out
}

fn xlsx_details(bytes: &[u8]) -> BTreeMap<Location, String> {
    let mut out = BTreeMap::new();
    let Ok(mut wb) = open_workbook_from_rs::<Xlsx<_>, _>(Cursor::new(bytes)) else {
        return out;
    };
    let Ok(range) = wb.worksheet_range(ACTIONS_SHEET) else {
        return out;
    };
    let Some((row0, _)) = range.start() else {
        return out;
    };
    let text = |d: &Data| match d {
        Data::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        _ => None,
    };
    let mut col = None;
    for (i, cells) in range.rows().enumerate() {
        let excel_row = row0.saturating_add(i as u32).saturating_add(1);
        match col {
            None => {
                col = cells.iter().position(|c| {
                    text(c).is_some_and(|t| {
                        t.eq_ignore_ascii_case("Detalje") || t.eq_ignore_ascii_case("Detail")
                    })
                });
            }
            Some(c) => {
                if let Some(t) = cells.get(c).and_then(text) {
                    out.insert(Location::row(ACTIONS_SHEET, excel_row), t);
                }
            }
        }
    }
    out
}

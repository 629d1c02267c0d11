//! The JSON plan read back into the neutral [`PlanRows`]; locations name the place in the JSON
//! (`citizens[2].actions[4]`).

use chrono::NaiveDate;

use super::check::{Column, Finding, FindingKind};
use super::read::ReadError;
use super::{Counted, Header, Location, PlanConflict, PlanFormat, PlanRows, Row};
use crate::domain::cpr::mask_in_text;
use crate::domain::date::{fmt_dk, in_accepted_years};
use crate::export::{self, ExportError, PlanJson};
use crate::plan::Status;

pub(super) fn read_json(bytes: &[u8]) -> Result<PlanRows, ReadError> {
    let dto = export::from_slice(bytes).map_err(|e| match e {
        ExportError::NotAPlan => ReadError::NotAPlan,
        e => ReadError::Json(Box::new(e)),
    })?;
    Ok(from_json(&dto))
}

/// The neutral rows of a JSON plan.
pub fn from_json(dto: &PlanJson) -> PlanRows {
    let top = |what: &str| Location::sheet(what);
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    for (i, c) in dto.citizens.iter().enumerate() {
        for (j, a) in c.actions.iter().enumerate() {
            let at = top(&format!("citizens[{i}].actions[{j}]"));
            // The one range check of every date read from a file: a date no case can have is
            // not a date of the plan (as in the action sheet, where such a cell is unreadable).
            let mut dated = |column: Column, d: Option<NaiveDate>| match d {
                Some(d) if !in_accepted_years(d) => {
                    problems.push(Finding {
                        at: at.clone(),
                        cpr: Some(c.cpr.clone()),
                        kind: FindingKind::Unreadable {
                            column,
                            value: fmt_dk(d),
                        },
                    });
                    None
                }
                d => d,
            };
            let date = dated(Column::Date, a.date);
            let original_date = dated(Column::OriginalDate, a.original_date);
            let done_date = dated(Column::Done, a.done);
            rows.push(Row {
                at,
                citizen: u32::try_from(i + 1).unwrap_or(u32::MAX),
                cpr: c.cpr.clone(),
                name: c.name.clone(),
                step: Some(a.step),
                system: Some(a.system),
                form: Some(a.form),
                action: Some(a.action),
                date,
                original_date,
                reason: a.reason.clone(),
                reason_text: a.reason_text.clone(),
                case_id: a.case_id.clone(),
                detail: a
                    .detail
                    .as_deref()
                    .map(str::trim)
                    .filter(|d| !d.is_empty())
                    .map(String::from),
                done: a.done.is_some(),
                done_date,
                not_done: false,
                done_by: a.done_by.as_deref().map(mask_in_text),
                forgotten: c.status == Status::Glemt,
                status_forgotten: Some(c.status == Status::Glemt),
                listed_forgotten: None,
                steps_total: u32::try_from(c.actions.len()).ok(),
                by_decision: a.by_decision,
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
            model_at: top("model"),
            switch_at: top("switch_date"),
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
            generated: None,
        },
        rows,
        conflicts: dto
            .conflicts
            .iter()
            .enumerate()
            .map(|(i, c)| PlanConflict {
                cpr: c.cpr.clone(),
                citizen: c.citizen,
                kind: c.kind.clone(),
                open: PlanConflict::is_open(&c.kind, c.state.as_deref()),
                at: top(&format!("conflicts[{i}]")),
            })
            .collect(),
        problems,
    }
}

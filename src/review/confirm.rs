//! The confirmation list for DST (model 1, guide §3): the anmodninger and indskrivninger the
//! kommune confirms DST may delete in bulk. Only citizens that are not forgotten, have no
//! conflict still to decide, and whose registrations in the new system are all ticked off are on
//! it, so DST never deletes a forgotten case, a case still in doubt, or one not yet re-entered.
//!
//! [`confirmation`] is pure over the rows read back by [`super::read`] (the offer names are the
//! rows' Detalje column).

use chrono::NaiveDate;

use super::{Location, PlanRows, Row};
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
    /// A conflict of the citizen is not decided (its machine key).
    OpenConflict { kind: String },
    /// Not every registration in the new system is ticked off yet.
    NotRegistered { done: usize, total: usize },
    /// A registration's Udført cell is neither done nor not done ("maybe"): it is not guessed.
    UnclearDone { at: Location, value: String },
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
pub fn confirmation(plan: &PlanRows) -> Result<Confirmation, Model> {
    if plan.header.model != Model::One {
        return Err(plan.header.model);
    }
    let mut out = Confirmation {
        rows: Vec::new(),
        included: 0,
        excluded: Vec::new(),
    };
    // The Udført cells the reader could not read as done or not done.
    let unclear: Vec<(&Location, &str)> = plan.unclear_done().map(|(f, v)| (&f.at, v)).collect();
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
        let open = plan
            .conflicts
            .iter()
            .find(|c| c.open && c.citizen.map_or(c.cpr == cpr, |n| n == citizen));
        if let Some(c) = open {
            out.excluded.push(Excluded {
                citizen,
                cpr,
                why: Exclusion::OpenConflict {
                    kind: c.kind.clone(),
                },
            });
            continue;
        }
        let registrations: Vec<&&Row> = rows
            .iter()
            .filter(|r| r.action == Some(ActionKind::Registrer))
            .collect();
        let unclear = registrations.iter().find_map(|r| {
            unclear
                .iter()
                .find(|(at, _)| *at == &r.at)
                .map(|(at, value)| ((*at).clone(), value.to_string()))
        });
        if let Some((at, value)) = unclear {
            out.excluded.push(Excluded {
                citizen,
                cpr,
                why: Exclusion::UnclearDone { at, value },
            });
            continue;
        }
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
            .find_map(|r| r.detail.clone());
        for r in &rows {
            let deletes = r.action == Some(ActionKind::Slet) && r.system != Some(System::Nyt);
            let form = match r.form {
                Some(f @ (Form::Anmodning | Form::Indskrivning)) if deletes => f,
                _ => continue,
            };
            let own = r.detail.clone();
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

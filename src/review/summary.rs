//! The plan's summary (the Oversigt sheet or the JSON counts) against its rows: every count it
//! states, and every citizen it counts has rows.

use std::collections::{BTreeMap, HashSet};

use super::finding::{Counting, Finding, FindingKind};
use super::{Location, PlanRows, Row};
use crate::domain::Form;
use crate::plan::ActionKind;

/// The summary's counts against the rows; every citizen number the summary counts has rows.
pub(super) fn summary(plan: &PlanRows, groups: &BTreeMap<u32, Vec<&Row>>, out: &mut Vec<Finding>) {
    let h = &plan.header;
    let mismatch = |out: &mut Vec<Finding>, c: &super::Counted, what, found: usize| {
        if c.n != found {
            out.push(Finding {
                at: c.at.clone(),
                cpr: None,
                kind: FindingKind::CountMismatch {
                    what,
                    stated: c.n,
                    found,
                },
            });
        }
    };
    if let Some(c) = &h.citizens {
        let n = u32::try_from(c.n).unwrap_or(u32::MAX);
        let mut where_next: Option<Location> = None;
        for k in 1..=n.min(1_000_000) {
            match groups.get(&k) {
                Some(rows) => {
                    where_next = rows.last().map(|r| next_row(&r.at));
                }
                None => {
                    let at = where_next.clone().unwrap_or_else(|| first_row(plan));
                    out.push(Finding {
                        at,
                        cpr: None,
                        kind: FindingKind::CitizenMissing { citizen: k },
                    });
                }
            }
        }
        mismatch(out, c, Counting::Citizens, groups.len());
    }
    if let Some(c) = &h.forgotten {
        let found = groups
            .values()
            .filter(|rows| rows.iter().any(|r| r.forgotten))
            .count();
        mismatch(out, c, Counting::Forgotten, found);
    }
    if let Some(c) = &h.actions {
        mismatch(out, c, Counting::Actions, plan.rows.len());
    }
    for (kind, form, c) in &h.per_kind {
        let found = plan
            .rows
            .iter()
            .filter(|r| r.action == Some(*kind) && r.form == Some(*form))
            .count();
        mismatch(out, c, Counting::Kind(*kind, *form), found);
    }
    // Kinds the summary does not state, but rows hold.
    let stated: HashSet<(ActionKind, Form)> = h.per_kind.iter().map(|(k, f, _)| (*k, *f)).collect();
    if !h.per_kind.is_empty() {
        let mut extra: BTreeMap<(ActionKind, Form), usize> = BTreeMap::new();
        for r in &plan.rows {
            if let (Some(k), Some(f)) = (r.action, r.form)
                && !stated.contains(&(k, f))
            {
                *extra.entry((k, f)).or_default() += 1;
            }
        }
        let at = h
            .actions
            .as_ref()
            .map(|c| c.at.clone())
            .unwrap_or_else(|| first_row(plan));
        for ((k, f), n) in extra {
            out.push(Finding {
                at: at.clone(),
                cpr: None,
                kind: FindingKind::CountMismatch {
                    what: Counting::Kind(k, f),
                    stated: 0,
                    found: n,
                },
            });
        }
    }
}

fn next_row(at: &Location) -> Location {
    Location {
        sheet: at.sheet.clone(),
        row: at.row.map(|r| r.saturating_add(1)),
    }
}

fn first_row(plan: &PlanRows) -> Location {
    plan.rows
        .first()
        .map(|r| r.at.clone())
        .unwrap_or_else(|| Location::sheet(super::read::ACTIONS_SHEET))
}

//! What the e-mail to DST takes from a plan: its set-up and counts, never a CPR number. This is
//! data; the words of review and follow-up live in the language layer ([`crate::i18n::review`]
//! and its siblings) and are re-exported here for code that still names this path.

use chrono::NaiveDate;

use crate::plan::Model;

pub use crate::i18n::review::*;
pub use crate::i18n::review_check::finding;
pub use crate::i18n::review_followup::*;
pub use crate::i18n::review_mail::notify_text;

/// What the e-mail takes from a plan: its set-up and counts, never a CPR number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NotifyFacts {
    pub model: Model,
    pub switch_date: NaiveDate,
    /// The description every model-2 close carries.
    pub reason_text: Option<String>,
    pub citizens: usize,
    pub forgotten: usize,
}

impl NotifyFacts {
    /// From a plan read back (action sheet or JSON).
    pub fn of_rows(plan: &super::PlanRows) -> NotifyFacts {
        let groups = plan.by_citizen();
        NotifyFacts {
            model: plan.header.model,
            switch_date: plan.header.switch_date,
            reason_text: plan.header.reason_text.clone(),
            citizens: groups.len(),
            forgotten: groups
                .values()
                .filter(|rows| rows.iter().any(|r| r.forgotten))
                .count(),
        }
    }

    /// From a plan in memory (the UI, and `plan` writing the e-mail beside its export).
    pub fn of_plan(plan: &crate::plan::Plan) -> NotifyFacts {
        NotifyFacts {
            model: plan.model,
            switch_date: plan.switch_date,
            reason_text: Some(plan.reason_text.clone()),
            citizens: plan.citizens.len(),
            forgotten: plan
                .citizens
                .iter()
                .filter(|c| c.status == crate::plan::Status::Glemt)
                .count(),
        }
    }
}

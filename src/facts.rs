//! The switch's facts: who switches (kommune), to what (vendor, system), when (D, go-live) and,
//! in model 1, by when every active citizen is re-reported (the deadline). One type with one
//! validation, used by the set-up in the UI, by `plan` and `notify`, and by the e-mail to DST.
//!
//! The guide's order of things (§2, §6): the new system reports from D + 1, so go-live lies after
//! D; the model-1 deadline for re-reporting cannot lie before go-live.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::date::next_day;
use crate::plan::Model;

/// What a kommune tells DST about its switch, besides the plan itself.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SwitchFacts {
    /// The switch date D: the last day the old system reports.
    pub switch_date: NaiveDate,
    /// The kommune's name (the e-mail's subject and signature).
    pub kommune: Option<String>,
    /// The new system's vendor.
    pub vendor: Option<String>,
    /// The new system's name.
    pub system: Option<String>,
    /// Planned go-live of the new system; None: the day after D.
    pub go_live: Option<NaiveDate>,
    /// Model 1: the deadline for re-reporting every active citizen.
    pub deadline: Option<NaiveDate>,
}

/// One of the switch's facts, for naming what is wrong or missing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fact {
    Kommune,
    Vendor,
    System,
    SwitchDate,
    GoLive,
    Deadline,
}

impl Fact {
    /// The command-line flag that gives this fact.
    pub fn flag(self) -> &'static str {
        match self {
            Fact::Kommune => "--kommune",
            Fact::Vendor => "--vendor",
            Fact::System => "--system",
            Fact::SwitchDate => "--switch-date",
            Fact::GoLive => "--go-live",
            Fact::Deadline => "--deadline",
        }
    }
}

/// A date among the facts that the guide's order of things does not allow.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FactsProblem {
    /// Go-live on or before the switch date D: the new system reports from D + 1.
    GoLiveNotAfterSwitch { go_live: NaiveDate, d: NaiveDate },
    /// The model-1 deadline for re-reporting before go-live.
    DeadlineBeforeGoLive {
        deadline: NaiveDate,
        go_live: NaiveDate,
        d: NaiveDate,
    },
}

impl FactsProblem {
    /// The fact whose value breaks the rule.
    pub fn fact(self) -> Fact {
        match self {
            FactsProblem::GoLiveNotAfterSwitch { .. } => Fact::GoLive,
            FactsProblem::DeadlineBeforeGoLive { .. } => Fact::Deadline,
        }
    }

    /// The date that breaks the rule.
    pub fn date(self) -> NaiveDate {
        match self {
            FactsProblem::GoLiveNotAfterSwitch { go_live, .. } => go_live,
            FactsProblem::DeadlineBeforeGoLive { deadline, .. } => deadline,
        }
    }

    /// Go-live `go_live` against the switch date `d`.
    pub fn of_go_live(d: NaiveDate, go_live: NaiveDate) -> Option<FactsProblem> {
        (go_live <= d).then_some(FactsProblem::GoLiveNotAfterSwitch { go_live, d })
    }

    /// The deadline against the go-live, for a switch on `d`.
    pub fn of_deadline(
        d: NaiveDate,
        go_live: NaiveDate,
        deadline: NaiveDate,
    ) -> Option<FactsProblem> {
        (deadline < go_live).then_some(FactsProblem::DeadlineBeforeGoLive {
            deadline,
            go_live,
            d,
        })
    }

    /// The switch date and the go-live the rule was checked against.
    pub fn dates(self) -> (NaiveDate, NaiveDate) {
        match self {
            FactsProblem::GoLiveNotAfterSwitch { go_live, d }
            | FactsProblem::DeadlineBeforeGoLive { go_live, d, .. } => (d, go_live),
        }
    }
}

impl SwitchFacts {
    /// The facts of a switch on `d`, nothing else known yet.
    pub fn new(switch_date: NaiveDate) -> SwitchFacts {
        SwitchFacts {
            switch_date,
            kommune: None,
            vendor: None,
            system: None,
            go_live: None,
            deadline: None,
        }
    }

    /// The planned go-live: as given, or the day after the switch date.
    pub fn go_live_or_default(&self) -> NaiveDate {
        self.go_live.unwrap_or_else(|| next_day(self.switch_date))
    }

    /// Whether the dates fit the switch date: go-live after D, the deadline not before go-live.
    /// The first rule broken is returned.
    pub fn check(&self) -> Result<(), FactsProblem> {
        let d = self.switch_date;
        let go_live = self.go_live_or_default();
        if let Some(p) = FactsProblem::of_go_live(d, go_live) {
            return Err(p);
        }
        match self
            .deadline
            .and_then(|dl| FactsProblem::of_deadline(d, go_live, dl))
        {
            Some(p) => Err(p),
            None => Ok(()),
        }
    }

    /// Whether any fact besides D was given at all.
    pub fn any_given(&self) -> bool {
        self.kommune.is_some()
            || self.vendor.is_some()
            || self.system.is_some()
            || self.go_live.is_some()
            || self.deadline.is_some()
    }

    /// The first name given (kommune, vendor, system) that is not one line of visible text: a
    /// line break, a control or an invisible character in it ([`crate::text::is_unsafe`]) would
    /// add a line to the e-mail's header or hide part of what it says.
    pub fn name_not_one_line(&self) -> Option<Fact> {
        [
            (Fact::Kommune, &self.kommune),
            (Fact::Vendor, &self.vendor),
            (Fact::System, &self.system),
        ]
        .into_iter()
        .find(|(_, name)| name.as_deref().is_some_and(crate::text::has_unsafe))
        .map(|(fact, _)| fact)
    }

    /// A name given and not blank.
    pub fn named(value: Option<&str>) -> Option<&str> {
        value.map(str::trim).filter(|t| !t.is_empty())
    }

    /// What the e-mail to DST needs and does not have yet (shown there as placeholders): the
    /// vendor and the system always, the deadline in model 1 (guide §6).
    pub fn missing_for_mail(&self, model: Model) -> Vec<Fact> {
        let mut missing = Vec::new();
        if Self::named(self.vendor.as_deref()).is_none() {
            missing.push(Fact::Vendor);
        }
        if Self::named(self.system.as_deref()).is_none() {
            missing.push(Fact::System);
        }
        if model == Model::One && self.deadline.is_none() {
            missing.push(Fact::Deadline);
        }
        missing
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a real date")
    }

    #[test]
    fn go_live_defaults_to_the_day_after_d_also_across_a_year_end() {
        let facts = SwitchFacts::new(day(2026, 12, 31));
        assert_eq!(facts.go_live_or_default(), day(2027, 1, 1));
        assert_eq!(facts.check(), Ok(()));
        assert!(!facts.any_given());
    }

    #[test]
    fn go_live_on_d_is_refused_and_named() {
        let facts = SwitchFacts {
            go_live: Some(day(2026, 3, 31)),
            ..SwitchFacts::new(day(2026, 3, 31))
        };
        let p = facts.check().expect_err("go-live on D");
        assert_eq!(p.fact(), Fact::GoLive);
        assert_eq!(p.date(), day(2026, 3, 31));
        assert_eq!(p.fact().flag(), "--go-live");
    }

    #[test]
    fn a_deadline_before_go_live_is_refused_one_on_go_live_is_not() {
        let mut facts = SwitchFacts {
            go_live: Some(day(2026, 4, 15)),
            deadline: Some(day(2026, 4, 14)),
            ..SwitchFacts::new(day(2026, 3, 31))
        };
        assert!(facts.any_given());
        assert_eq!(
            facts.check(),
            Err(FactsProblem::DeadlineBeforeGoLive {
                deadline: day(2026, 4, 14),
                go_live: day(2026, 4, 15),
                d: day(2026, 3, 31)
            })
        );
        facts.deadline = Some(day(2026, 4, 15));
        assert_eq!(facts.check(), Ok(()));
    }

    #[test]
    fn a_name_of_more_than_one_line_is_named() {
        let mut facts = SwitchFacts {
            kommune: Some("Prøve Kommune".into()),
            vendor: Some("Leverandør A/S".into()),
            ..SwitchFacts::new(day(2026, 3, 31))
        };
        assert_eq!(facts.name_not_one_line(), None);
        facts.system = Some("Nyt\r\nBcc: a@b".into());
        assert_eq!(facts.name_not_one_line(), Some(Fact::System));
        facts.kommune = Some("X\u{202e}".into());
        assert_eq!(facts.name_not_one_line(), Some(Fact::Kommune));
    }

    #[test]
    fn the_mail_misses_vendor_system_and_in_model_one_the_deadline() {
        let blank = SwitchFacts {
            vendor: Some("  ".into()),
            ..SwitchFacts::new(day(2026, 3, 31))
        };
        assert_eq!(
            blank.missing_for_mail(Model::One),
            vec![Fact::Vendor, Fact::System, Fact::Deadline]
        );
        assert_eq!(
            blank.missing_for_mail(Model::Two),
            vec![Fact::Vendor, Fact::System]
        );
        let full = SwitchFacts {
            vendor: Some("Leverandør A/S".into()),
            system: Some("Nyt System".into()),
            deadline: Some(day(2026, 6, 30)),
            ..SwitchFacts::new(day(2026, 3, 31))
        };
        assert!(full.missing_for_mail(Model::One).is_empty());
    }
}

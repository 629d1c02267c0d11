//! What a person decides about a conflict of the plan: which case holds when a citizen has two,
//! what happens to a form dated after the switch date, which original date a form without one
//! had. Defined once here; the plan engine takes them as input, the store keeps them with who
//! and when, the UI and the decisions file offer exactly the choices [`Topic::choices`] gives.
//!
//! A decision is kept against what the list itself says (the case's SMDB ID, else its date), so
//! it finds its conflict again on a later list and never moves onto another case.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::Form;

/// One case or form of a citizen, as the list names it: by its SMDB ID when the list has one,
/// else by its date; `detail` tells apart the ydelser of one indskrivning.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct CaseKey {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

impl CaseKey {
    pub fn new(id: Option<&str>, date: Option<NaiveDate>, detail: Option<&str>) -> CaseKey {
        CaseKey {
            id: id.map(|s| s.trim().to_string()).filter(|s| !s.is_empty()),
            date,
            detail: detail
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty()),
        }
    }

    /// Whether `self` (from a decision) names the case `other` (from the list): by ID where both
    /// have one, else by date; the detail must agree where the decision names one.
    pub fn names(&self, other: &CaseKey) -> bool {
        let same_case = match (&self.id, &other.id) {
            (Some(a), Some(b)) => a == b,
            _ => self.date.is_some() && self.date == other.date,
        };
        let same_detail = match (&self.detail, &other.detail) {
            (Some(a), Some(b)) => a.to_lowercase() == b.to_lowercase(),
            (Some(_), None) => false,
            (None, _) => true,
        };
        same_case && same_detail
    }
}

/// Which conflict of a citizen a decision is about.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(tag = "topic", rename_all = "snake_case")]
pub enum Topic {
    /// Two or more active anmodninger (only one may be active).
    TwoAnmodninger,
    /// Two or more active indskrivninger at one offer (the offer's name as the list has it).
    TwoIndskrivninger { tilbud: String },
    /// Model 2: a form dated after D.
    FormAfterSwitch { form: Form, case: CaseKey },
    /// Model 1: a form to re-register without a date in the list.
    MissingOriginalDate { form: Form, case: CaseKey },
}

/// The kinds of decision, as offered to a person.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Choice {
    /// This case holds; the others were closed on a real date.
    KeepCloseOthers,
    /// This case holds; the others are wrong registrations, deleted.
    KeepDeleteOthers,
    /// The date in SMDB is wrong: corrected to a date on or before D.
    Redate,
    /// Deleted in SMDB; the new system registers it with its own date.
    DeleteForm,
    /// The citizen's case stays in the SMDB web form until it ends.
    WebForm,
    /// The original date, found in SMDB.
    OriginalDate,
}

impl Choice {
    /// Whether the choice needs a date typed in.
    pub fn needs_date(self) -> bool {
        matches!(
            self,
            Choice::KeepCloseOthers | Choice::Redate | Choice::OriginalDate
        )
    }

    /// Whether the choice needs the case that holds.
    pub fn needs_case(self) -> bool {
        matches!(self, Choice::KeepCloseOthers | Choice::KeepDeleteOthers)
    }

    pub fn key(self) -> &'static str {
        match self {
            Choice::KeepCloseOthers => "keep_close_others",
            Choice::KeepDeleteOthers => "keep_delete_others",
            Choice::Redate => "redate",
            Choice::DeleteForm => "delete",
            Choice::WebForm => "web_form",
            Choice::OriginalDate => "original_date",
        }
    }

    pub fn from_key(key: &str) -> Option<Choice> {
        const ALL: [Choice; 6] = [
            Choice::KeepCloseOthers,
            Choice::KeepDeleteOthers,
            Choice::Redate,
            Choice::DeleteForm,
            Choice::WebForm,
            Choice::OriginalDate,
        ];
        let k = key.trim().to_lowercase().replace([' ', '-'], "_");
        ALL.into_iter().find(|c| c.key() == k)
    }
}

impl Topic {
    /// The decisions that fit this conflict, in the order they are offered.
    pub fn choices(&self) -> &'static [Choice] {
        match self {
            Topic::TwoAnmodninger | Topic::TwoIndskrivninger { .. } => {
                &[Choice::KeepCloseOthers, Choice::KeepDeleteOthers]
            }
            Topic::FormAfterSwitch { .. } => &[Choice::Redate, Choice::DeleteForm, Choice::WebForm],
            Topic::MissingOriginalDate { .. } => &[Choice::OriginalDate],
        }
    }

    /// Whether a decision recorded for `self` decides the conflict `found` of a plan: the same
    /// kind, and the same case (by ID, else date; see [`CaseKey::names`]) or offer.
    pub fn decides(&self, found: &Topic) -> bool {
        match (self, found) {
            (Topic::TwoAnmodninger, Topic::TwoAnmodninger) => true,
            (Topic::TwoIndskrivninger { tilbud: a }, Topic::TwoIndskrivninger { tilbud: b }) => {
                a.trim().to_lowercase() == b.trim().to_lowercase()
            }
            (
                Topic::FormAfterSwitch { form: a, case: x },
                Topic::FormAfterSwitch { form: b, case: y },
            )
            | (
                Topic::MissingOriginalDate { form: a, case: x },
                Topic::MissingOriginalDate { form: b, case: y },
            ) => a == b && x.names(y),
            _ => false,
        }
    }
}

/// A decision about one conflict.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "choice", rename_all = "snake_case")]
pub enum Resolution {
    /// Two cases: `keep` is the case; every other one is closed on `date` (its real end, never
    /// re-entered) or deleted as a wrong registration (`date` None).
    Keep {
        keep: CaseKey,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        close_others_on: Option<NaiveDate>,
    },
    /// A form after D whose date in SMDB is wrong: corrected to `date` (on or before D) before
    /// the case is closed.
    Redate { date: NaiveDate },
    /// A form after D: deleted in SMDB, registered in the new system with its own date.
    Delete,
    /// A form after D: the citizen's case stays in the SMDB web form and is followed up there
    /// until it ends (the interim solution for this citizen).
    WebForm,
    /// Model 1: the form's original date, found in SMDB before it is deleted.
    OriginalDate { date: NaiveDate },
}

impl Resolution {
    pub fn choice(&self) -> Choice {
        match self {
            Resolution::Keep {
                close_others_on: Some(_),
                ..
            } => Choice::KeepCloseOthers,
            Resolution::Keep { .. } => Choice::KeepDeleteOthers,
            Resolution::Redate { .. } => Choice::Redate,
            Resolution::Delete => Choice::DeleteForm,
            Resolution::WebForm => Choice::WebForm,
            Resolution::OriginalDate { .. } => Choice::OriginalDate,
        }
    }

    /// Builds the decision of a choice from what a person gave: the case that holds and a date,
    /// where the choice needs them.
    pub fn from_choice(
        choice: Choice,
        keep: Option<CaseKey>,
        date: Option<NaiveDate>,
    ) -> Option<Resolution> {
        Some(match choice {
            Choice::KeepCloseOthers => Resolution::Keep {
                keep: keep?,
                close_others_on: Some(date?),
            },
            Choice::KeepDeleteOthers => Resolution::Keep {
                keep: keep?,
                close_others_on: None,
            },
            Choice::Redate => Resolution::Redate { date: date? },
            Choice::DeleteForm => Resolution::Delete,
            Choice::WebForm => Resolution::WebForm,
            Choice::OriginalDate => Resolution::OriginalDate { date: date? },
        })
    }

    /// The date the decision holds, if any.
    pub fn date(&self) -> Option<NaiveDate> {
        match self {
            Resolution::Keep {
                close_others_on, ..
            } => *close_others_on,
            Resolution::Redate { date } | Resolution::OriginalDate { date } => Some(*date),
            Resolution::Delete | Resolution::WebForm => None,
        }
    }
}

/// A decision with the conflict it decides.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decided {
    #[serde(flatten)]
    pub topic: Topic,
    pub resolution: Resolution,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn a_case_is_named_by_id_before_date() {
        let by_id = CaseKey::new(Some("A-1"), d(2025, 1, 1), None);
        let same_id_other_date = CaseKey::new(Some("A-1"), d(2025, 2, 2), None);
        let other_id_same_date = CaseKey::new(Some("A-2"), d(2025, 1, 1), None);
        assert!(by_id.names(&same_id_other_date));
        assert!(!by_id.names(&other_id_same_date));
        let by_date = CaseKey::new(None, d(2025, 1, 1), None);
        assert!(by_date.names(&other_id_same_date));
        assert!(!CaseKey::default().names(&CaseKey::default()));
    }

    #[test]
    fn a_ydelse_is_told_apart_by_its_name() {
        let a = CaseKey::new(Some("I-1"), None, Some("Samtale"));
        assert!(a.names(&CaseKey::new(Some("I-1"), d(2025, 1, 1), Some("samtale"))));
        assert!(!a.names(&CaseKey::new(Some("I-1"), None, Some("Rådgivning"))));
    }

    #[test]
    fn each_choice_builds_only_with_what_it_needs() {
        for topic in [
            Topic::TwoAnmodninger,
            Topic::FormAfterSwitch {
                form: Form::Ivaerksaettelse,
                case: CaseKey::default(),
            },
            Topic::MissingOriginalDate {
                form: Form::KvalHep,
                case: CaseKey::default(),
            },
        ] {
            for &choice in topic.choices() {
                let keep = choice.needs_case().then(CaseKey::default);
                let date = choice.needs_date().then(|| d(2025, 1, 1)).flatten();
                let r = Resolution::from_choice(choice, keep, date).expect("builds");
                assert_eq!(r.choice(), choice);
                assert_eq!(Choice::from_key(choice.key()), Some(choice));
                if choice.needs_date() {
                    assert!(
                        Resolution::from_choice(choice, Some(CaseKey::default()), None).is_none()
                    );
                }
            }
        }
    }

    #[test]
    fn a_decision_round_trips_as_json() {
        let decided = Decided {
            topic: Topic::FormAfterSwitch {
                form: Form::Ivaerksaettelse,
                case: CaseKey::new(Some("A-9"), d(2026, 4, 2), None),
            },
            resolution: Resolution::Redate {
                date: d(2026, 3, 30).expect("date"),
            },
        };
        let json = serde_json::to_string(&decided).expect("serialises");
        let back: Decided = serde_json::from_str(&json).expect("reads back");
        assert_eq!(back, decided);
    }
}

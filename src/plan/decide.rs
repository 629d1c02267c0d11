//! Deciding a conflict: which cases a decision can name, which dates it may carry, and whether a
//! decision holds before it is recorded. Pure, like the engine that plans by it.

use chrono::NaiveDate;

use super::Settings;
use super::engine::{anmodning_key, indskrivning_key};
use crate::domain::resolution::{CaseKey, Choice, Resolution, Topic};
use crate::domain::{Citizen, date};

/// Why a decision cannot be taken as given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecisionProblem {
    /// The choice is not one the conflict offers.
    NotAChoice,
    /// The decision names no case of the citizen's, or more than one.
    NoSuchCase,
    /// A date outside the years any plan holds.
    YearOutOfRange { year: i32 },
    /// A date after D (the latest a case of the old system can end or have started).
    AfterSwitch { switch: NaiveDate },
    /// A date before a start date it must follow.
    BeforeStart { start: NaiveDate },
}

/// The cases a Keep decision chooses among: the citizen's anmodninger, or the indskrivninger at
/// the topic's offer.
pub fn cases(citizen: &Citizen, topic: &Topic) -> Vec<CaseKey> {
    match topic {
        Topic::TwoAnmodninger => citizen.anmodninger.iter().map(anmodning_key).collect(),
        Topic::TwoIndskrivninger { tilbud } => {
            let name = tilbud.trim().to_lowercase();
            citizen
                .indskrivninger
                .iter()
                .filter(|i| i.tilbud.as_deref().unwrap_or("").trim().to_lowercase() == name)
                .map(indskrivning_key)
                .collect()
        }
        _ => Vec::new(),
    }
}

/// The dates a choice may carry: from (if bounded below) to D.
pub fn date_bounds(
    citizen: &Citizen,
    settings: &Settings,
    topic: &Topic,
    choice: Choice,
    keep: Option<&CaseKey>,
) -> (Option<NaiveDate>, NaiveDate) {
    let d = settings.switch_date;
    let from = match (choice, topic) {
        // The others end on or after every start date of theirs.
        (Choice::KeepCloseOthers, Topic::TwoAnmodninger) => citizen
            .anmodninger
            .iter()
            .filter(|a| keep.is_none_or(|k| !k.names(&anmodning_key(a))))
            .flat_map(|a| {
                [
                    Some(a.anmodningsdato),
                    a.ivaerksaettelsesdato,
                    a.tilbudstilknytning.as_ref().and_then(|t| t.dato),
                    a.kvalhep.as_ref().and_then(|k| k.dato),
                ]
            })
            .flatten()
            .max(),
        (Choice::KeepCloseOthers, Topic::TwoIndskrivninger { .. }) => {
            let named = cases(citizen, topic);
            citizen
                .indskrivninger
                .iter()
                .filter(|i| named.contains(&indskrivning_key(i)))
                .filter(|i| keep.is_none_or(|k| !k.names(&indskrivning_key(i))))
                .flat_map(|i| {
                    std::iter::once(i.indskrivningsdato)
                        .chain(i.ydelser.iter().filter_map(|y| y.startdato))
                })
                .max()
        }
        // A later form of a case starts on or after the case itself.
        (_, Topic::FormAfterSwitch { form, case } | Topic::MissingOriginalDate { form, case }) => {
            case_start(citizen, *form, case)
        }
        _ => None,
    };
    (from, d)
}

/// The start of the case a form belongs to, for a form that is not the case's first.
fn case_start(citizen: &Citizen, form: crate::domain::Form, case: &CaseKey) -> Option<NaiveDate> {
    use crate::domain::Form;
    let by_id = |id: Option<&str>| case.id.is_some() && case.id.as_deref() == id;
    match form {
        Form::Anmodning | Form::Indskrivning => None,
        Form::Ydelse => citizen
            .indskrivninger
            .iter()
            .find(|i| by_id(i.id.as_deref()))
            .map(|i| i.indskrivningsdato),
        _ => citizen
            .anmodninger
            .iter()
            .find(|a| by_id(a.id.as_deref()) || Some(a.anmodningsdato) == case.date)
            .map(|a| a.anmodningsdato),
    }
}

/// Whether `resolution` can decide `topic` for this citizen: a choice the conflict offers, a
/// case that names exactly one of the citizen's, a date in its bounds.
pub fn problem(
    citizen: &Citizen,
    settings: &Settings,
    topic: &Topic,
    resolution: &Resolution,
) -> Option<DecisionProblem> {
    let choice = resolution.choice();
    if !topic.choices().contains(&choice) {
        return Some(DecisionProblem::NotAChoice);
    }
    let keep = match resolution {
        Resolution::Keep { keep, .. } => {
            let named = cases(citizen, topic)
                .iter()
                .filter(|c| keep.names(c))
                .count();
            if named != 1 {
                return Some(DecisionProblem::NoSuchCase);
            }
            Some(keep)
        }
        _ => None,
    };
    let d = resolution.date()?;
    if let Err(date::DateError::YearOutOfRange { year }) = date::accepted(d) {
        return Some(DecisionProblem::YearOutOfRange { year });
    }
    let (from, to) = date_bounds(citizen, settings, topic, choice, keep);
    if d > to {
        return Some(DecisionProblem::AfterSwitch { switch: to });
    }
    if let Some(start) = from.filter(|s| d < *s) {
        return Some(DecisionProblem::BeforeStart { start });
    }
    None
}

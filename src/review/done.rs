//! The one reading of an *Udført* cell, shared by `confirm`, `check` and `merge`: a person
//! marks a step done in Excel with "x", "ja", a date, …, or says it is not done yet with "nej",
//! "0", "ikke endnu". Anything else is [`Done::Unknown`] and reported with its sheet and row,
//! never guessed: a guess could put a citizen on DST's deletion list before the case is entered
//! in the new system (guide §3).

use chrono::NaiveDate;

use crate::aktivliste::cell::{Cell, number_text};
use crate::domain::date::{in_accepted_years, parse_date_text};

/// What an Udført cell says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Done {
    /// Done: `x`, `✓`, `ja`, `yes`, `1`, `true`, or a date (then the day it was done).
    Yes(Option<NaiveDate>),
    /// Said to be not done: `nej`, `no`, `0`, `false`, `ikke endnu`.
    No,
    /// Nothing in the cell.
    Blank,
    /// Anything else, as the cell shows it.
    Unknown(String),
}

/// The words for done, compared trimmed and without regard to case.
const YES: [&str; 7] = ["x", "✓", "✔", "ja", "yes", "1", "true"];
/// The words for not done.
const NO: [&str; 5] = ["nej", "no", "0", "false", "ikke endnu"];

impl Done {
    /// Whether the cell says done.
    pub fn is_done(&self) -> bool {
        matches!(self, Done::Yes(_))
    }

    /// The day it was done, when the cell gives one.
    pub fn date(&self) -> Option<NaiveDate> {
        match self {
            Done::Yes(d) => *d,
            _ => None,
        }
    }

    /// Reads a text as typed in the cell.
    pub fn parse_text(text: &str) -> Done {
        let t = text.trim();
        if t.is_empty() {
            return Done::Blank;
        }
        let lower = t.to_lowercase();
        // "ikke   endnu" with two spaces is still "ikke endnu".
        let words: Vec<&str> = lower.split_whitespace().collect();
        let lower = words.join(" ");
        if YES.contains(&lower.as_str()) {
            return Done::Yes(None);
        }
        if NO.contains(&lower.as_str()) {
            return Done::No;
        }
        match parse_date_text(t) {
            Ok(d) if in_accepted_years(d) => Done::Yes(Some(d)),
            _ => Done::Unknown(t.to_string()),
        }
    }

    /// Reads a cell: a date cell is a done date, a TRUE/FALSE cell and the numbers 1 and 0 are
    /// done and not done; another number is not guessed to be a date.
    pub(crate) fn of_cell(cell: &Cell<'_>) -> Done {
        match *cell {
            Cell::Empty => Done::Blank,
            Cell::Text(t) => Done::parse_text(t),
            Cell::Date(d) if in_accepted_years(d) => Done::Yes(Some(d)),
            Cell::Bool(true) => Done::Yes(None),
            Cell::Bool(false) => Done::No,
            Cell::Number(1.0) => Done::Yes(None),
            Cell::Number(0.0) => Done::No,
            Cell::Number(n) => Done::Unknown(number_text(n)),
            Cell::Date(_) | Cell::Error(_) | Cell::NoValue | Cell::Unreadable(_) => {
                Done::Unknown(cell.display())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn done_words_and_dates_are_done() {
        for t in [
            "x", "X", " x ", "✓", "✔", "Ja", "JA", "yes", "YES", "1", "true", "TRUE",
        ] {
            assert_eq!(Done::parse_text(t), Done::Yes(None), "{t:?}");
        }
        assert_eq!(
            Done::parse_text("02-04-2026"),
            Done::Yes(Some(d(2026, 4, 2)))
        );
        assert_eq!(
            Done::parse_text("2026-04-02"),
            Done::Yes(Some(d(2026, 4, 2)))
        );
        assert_eq!(
            Done::of_cell(&Cell::Date(d(2026, 4, 2))),
            Done::Yes(Some(d(2026, 4, 2)))
        );
        assert_eq!(Done::of_cell(&Cell::Bool(true)), Done::Yes(None));
        assert_eq!(Done::of_cell(&Cell::Number(1.0)), Done::Yes(None));
    }

    #[test]
    fn not_done_words_and_blank_are_not_done() {
        for t in [
            "nej",
            "Nej",
            "NEJ",
            "no",
            "0",
            "false",
            "FALSE",
            "ikke endnu",
            "Ikke endnu",
            " ikke  endnu ",
        ] {
            assert_eq!(Done::parse_text(t), Done::No, "{t:?}");
            assert!(!Done::parse_text(t).is_done());
        }
        assert_eq!(Done::parse_text("   "), Done::Blank);
        assert_eq!(Done::of_cell(&Cell::Empty), Done::Blank);
        assert_eq!(Done::of_cell(&Cell::Bool(false)), Done::No);
        assert_eq!(Done::of_cell(&Cell::Number(0.0)), Done::No);
    }

    #[test]
    fn anything_else_is_unknown_never_guessed() {
        for t in [
            "maybe",
            "måske",
            "j",
            "n",
            "ok",
            "2",
            "x?",
            "31-02-2026",
            "01-01-2500",
        ] {
            assert_eq!(Done::parse_text(t), Done::Unknown(t.to_string()), "{t:?}");
        }
        assert_eq!(
            Done::of_cell(&Cell::Number(46112.0)),
            Done::Unknown("46112".into())
        );
        assert_eq!(
            Done::of_cell(&Cell::Error("#N/A")),
            Done::Unknown("#N/A".into())
        );
        assert!(matches!(
            Done::of_cell(&Cell::Date(d(2500, 1, 1))),
            Done::Unknown(_)
        ));
    }
}

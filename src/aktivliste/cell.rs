//! Our own cell type, made once at the edge from calamine's cells or CSV text, and the parsing
//! of cell values into dates, CPR numbers, flags and text.

use chrono::NaiveDate;

use crate::domain::cpr::mask_in_text;
use crate::domain::date::{
    DateError, DateSystem, accepted, fmt_dk, from_excel_serial, parse_date_text,
};
use crate::domain::{Cpr, CprClass, CprError, KvalHep};

/// One cell of a row, borrowing its text from the source.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Cell<'a> {
    Empty,
    /// Trimmed, never empty.
    Text(&'a str),
    Number(f64),
    /// A real date cell (or an ISO date the format stores as text).
    Date(NaiveDate),
    Bool(bool),
    /// A formula error such as `#N/A`.
    Error(&'static str),
    /// A formula saved without its value: the program that wrote the workbook did not
    /// calculate it.
    NoValue,
    /// A cell the reader could not read; the reader's detail, masked.
    Unreadable(&'a str),
}

impl<'a> Cell<'a> {
    /// A text cell; whitespace-only text is empty.
    pub(crate) fn text(s: &'a str) -> Cell<'a> {
        let t = s.trim();
        if t.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(t)
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        matches!(self, Cell::Empty)
    }

    /// The cell as the spreadsheet would show it, for echoing a rejected row.
    pub(crate) fn display(&self) -> String {
        match *self {
            Cell::Empty => String::new(),
            Cell::Text(t) => t.to_string(),
            Cell::Number(n) => number_text(n),
            Cell::Date(d) => fmt_dk(d),
            Cell::Bool(true) => "TRUE".to_string(),
            Cell::Bool(false) => "FALSE".to_string(),
            Cell::Error(e) => e.to_string(),
            Cell::NoValue | Cell::Unreadable(_) => String::new(),
        }
    }
}

/// A number as text: integers without a decimal part (an ID typed as a number, `12345.0`, is
/// `12345`).
pub(crate) fn number_text(n: f64) -> String {
    if n.is_finite() && n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// A cell's text for a text field (ID, name, tilbud); `None` when empty or an error.
pub(crate) fn text_value(cell: &Cell<'_>) -> Option<String> {
    match cell {
        Cell::Empty | Cell::Error(_) | Cell::NoValue | Cell::Unreadable(_) => None,
        other => Some(other.display()),
    }
}

/// A date cell: a real date, an Excel serial in a number cell (counted in the workbook's date
/// system), or date text. Whatever the cell held, the date passes the one range check.
pub(crate) fn date_value(
    cell: &Cell<'_>,
    system: DateSystem,
) -> Result<Option<NaiveDate>, DateError> {
    let date = match *cell {
        Cell::Empty => return Ok(None),
        Cell::Date(d) => d,
        Cell::Number(n) => from_excel_serial(n, system)?,
        Cell::Text(t) => match quick_date(t) {
            Some(d) => d,
            None => parse_date_text(t)?,
        },
        Cell::Bool(_) | Cell::Error(_) | Cell::NoValue | Cell::Unreadable(_) => {
            return Err(DateError::Unrecognised);
        }
    };
    accepted(date).map(Some)
}

/// The two most common date texts, `dd-mm-yyyy` and `yyyy-mm-dd`, read without allocating.
/// `None` sends the text to the full parser (which also explains what is wrong).
fn quick_date(t: &str) -> Option<NaiveDate> {
    let b = t.as_bytes();
    if b.len() != 10 {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        b.get(r)?.iter().try_fold(0u32, |acc, &c| {
            c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
        })
    };
    let (day, month, year) = if b[2] == b'-' && b[5] == b'-' {
        (num(0..2)?, num(3..5)?, num(6..10)?)
    } else if b[4] == b'-' && b[7] == b'-' {
        (num(8..10)?, num(5..7)?, num(0..4)?)
    } else {
        return None;
    };
    if !(1900..=2100).contains(&year) {
        return None;
    }
    NaiveDate::from_ymd_opt(year as i32, month, day)
}

/// A CPR cell: text with or without hyphen, or a number that lost its leading zero.
pub(crate) fn cpr_value(cell: &Cell<'_>) -> Result<(Cpr, CprClass), CprError> {
    match *cell {
        Cell::Empty => Err(CprError::Empty),
        Cell::Text(t) => Cpr::parse(t),
        Cell::Number(n) => Cpr::from_number(n),
        Cell::Date(_) | Cell::Bool(_) | Cell::Error(_) | Cell::NoValue | Cell::Unreadable(_) => {
            Err(CprError::NotDigits)
        }
    }
}

/// Yes/no words a caseworker writes: `Ja`, `x`, `yes`, `1`, `true` and their opposites.
/// `None` when the text is neither.
fn flag_word(text: &str) -> Option<bool> {
    let t = text.trim().trim_end_matches('.');
    const YES: [&str; 10] = ["ja", "j", "x", "yes", "y", "1", "true", "sand", "✓", "✔"];
    const NO: [&str; 8] = ["nej", "n", "no", "0", "false", "falsk", "-", "–"];
    if YES.iter().any(|w| t.eq_ignore_ascii_case(w)) {
        Some(true)
    } else if NO.iter().any(|w| t.eq_ignore_ascii_case(w)) {
        Some(false)
    } else {
        None
    }
}

/// A yes/no cell (glemt). Empty is no; `Err(())` when the value is not a yes or a no.
pub(crate) fn flag_value(cell: &Cell<'_>) -> Result<bool, ()> {
    match *cell {
        Cell::Empty => Ok(false),
        Cell::Bool(b) => Ok(b),
        Cell::Number(1.0) => Ok(true),
        Cell::Number(0.0) => Ok(false),
        Cell::Text(t) => flag_word(t).ok_or(()),
        _ => Err(()),
    }
}

/// Why a KvalHep cell could not be read.
#[derive(Debug, PartialEq)]
pub(crate) enum KvalHepProblem {
    /// It looked like a date but is not one.
    Date(DateError),
    /// Neither a date nor a yes/no.
    NotYesNo,
}

/// A KvalHep cell: a date (present with date), a yes (present without date), a no or empty
/// (absent).
pub(crate) fn kvalhep_value(
    cell: &Cell<'_>,
    system: DateSystem,
) -> Result<Option<KvalHep>, KvalHepProblem> {
    let dated = || {
        date_value(cell, system)
            .map(|d| d.map(|d| KvalHep { dato: Some(d) }))
            .map_err(KvalHepProblem::Date)
    };
    match *cell {
        Cell::Empty | Cell::Number(0.0) => Ok(None),
        Cell::Bool(b) => Ok(b.then_some(KvalHep { dato: None })),
        Cell::Number(1.0) => Ok(Some(KvalHep { dato: None })),
        Cell::Date(_) | Cell::Number(_) => dated(),
        Cell::Text(t) => match flag_word(t) {
            Some(true) => Ok(Some(KvalHep { dato: None })),
            Some(false) => Ok(None),
            None if t.chars().any(|c| c.is_ascii_digit()) => dated(),
            None => Err(KvalHepProblem::NotYesNo),
        },
        Cell::Error(_) | Cell::NoValue | Cell::Unreadable(_) => Err(KvalHepProblem::NotYesNo),
    }
}

/// The ydelser in one cell, split on `;`, `,` and line breaks.
pub(crate) fn split_ydelser(text: &str) -> impl Iterator<Item = &str> {
    text.split([';', ',', '\n', '\r'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// Cell text quoted in a message: anything CPR-like masked, and cut to a readable length.
pub(crate) fn quote(cell: &Cell<'_>) -> String {
    let masked = mask_in_text(&cell.display());
    const MAX: usize = 40;
    if masked.chars().count() > MAX {
        let mut s: String = masked.chars().take(MAX).collect();
        s.push('…');
        s
    } else {
        masked
    }
}

/// A CPR cell echoed in a rejected row: the masked number when it reads as one; otherwise every
/// digit after the sixth masked, so no part of a mistyped number leaks
/// ([`crate::domain::cpr::mask_cpr_value`]).
pub(crate) fn mask_cpr_cell(cell: &Cell<'_>) -> String {
    if let Ok((cpr, _)) = cpr_value(cell) {
        return cpr.masked();
    }
    crate::domain::cpr::mask_cpr_value(&cell.display())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    const E1900: DateSystem = DateSystem::Excel1900;

    fn date1900(cell: &Cell<'_>) -> Result<Option<NaiveDate>, DateError> {
        date_value(cell, DateSystem::Excel1900)
    }

    #[test]
    fn whitespace_text_is_empty() {
        assert_eq!(Cell::text("  \t"), Cell::Empty);
        assert_eq!(Cell::text(" a "), Cell::Text("a"));
    }

    #[test]
    fn numbers_as_text_keep_ids_whole() {
        assert_eq!(number_text(12345.0), "12345");
        assert_eq!(number_text(1.5), "1.5");
        assert_eq!(text_value(&Cell::Number(12345.0)).as_deref(), Some("12345"));
        assert_eq!(text_value(&Cell::Text("007")).as_deref(), Some("007"));
        assert_eq!(text_value(&Cell::Empty), None);
        assert_eq!(text_value(&Cell::Error("#N/A")), None);
    }

    #[test]
    fn every_date_form() {
        let want = Ok(Some(d(2025, 3, 1)));
        assert_eq!(date1900(&Cell::Date(d(2025, 3, 1))), want);
        assert_eq!(date1900(&Cell::Number(45717.0)), want);
        assert_eq!(date1900(&Cell::Number(45717.5)), want);
        for t in [
            "2025-03-01",
            "01-03-2025",
            "1-3-2025",
            "01.03.2025",
            "01/03/2025",
            "01-03-2025 10:15",
            "2025-03-01T00:00:00",
        ] {
            assert_eq!(date1900(&Cell::Text(t)), want, "{t}");
        }
        assert_eq!(date1900(&Cell::Empty), Ok(None));
        // The quick path agrees with the full parser.
        for t in [
            "28-02-2024",
            "2024-02-29",
            "29-02-2025",
            "01-13-2025",
            "1899-12-31",
            "2a-02-2025",
        ] {
            assert_eq!(
                date1900(&Cell::Text(t)),
                parse_date_text(t).map(Some),
                "{t}"
            );
        }
        assert!(matches!(
            date1900(&Cell::Text("31-02-2025")),
            Err(DateError::Impossible { .. })
        ));
        assert_eq!(
            date1900(&Cell::Text("01-03-25")),
            Err(DateError::TwoDigitYear)
        );
        assert_eq!(date1900(&Cell::Bool(true)), Err(DateError::Unrecognised));
    }

    #[test]
    fn a_date_cell_passes_the_same_range_check() {
        // A date cell typed as year 2204, Excel's largest date, and the serial of 29-02-1900.
        assert_eq!(
            date1900(&Cell::Date(d(2204, 5, 1))),
            Err(DateError::YearOutOfRange { year: 2204 })
        );
        assert_eq!(
            date1900(&Cell::Date(d(9999, 12, 31))),
            Err(DateError::YearOutOfRange { year: 9999 })
        );
        assert!(matches!(
            date1900(&Cell::Number(60.0)),
            Err(DateError::Impossible { .. })
        ));
        assert_eq!(
            kvalhep_value(&Cell::Date(d(2204, 5, 1)), DateSystem::Excel1900),
            Err(KvalHepProblem::Date(DateError::YearOutOfRange {
                year: 2204
            }))
        );
    }

    #[test]
    fn plain_serials_follow_the_workbooks_date_system() {
        let want = Ok(Some(d(2025, 3, 1)));
        assert_eq!(
            date_value(&Cell::Number(44255.0), DateSystem::Excel1904),
            want
        );
        assert_eq!(
            date_value(&Cell::Number(45717.0), DateSystem::Excel1900),
            want
        );
        // A real date cell already carries its date.
        assert_eq!(
            date_value(&Cell::Date(d(2025, 3, 1)), DateSystem::Excel1904),
            want
        );
        assert_eq!(
            kvalhep_value(&Cell::Number(44255.0), DateSystem::Excel1904),
            Ok(Some(KvalHep {
                dato: Some(d(2025, 3, 1))
            }))
        );
    }

    // Fictitious numbers only.
    #[test]
    fn cpr_forms() {
        let (a, _) = cpr_value(&Cell::Text("010190-2000")).unwrap();
        let (b, _) = cpr_value(&Cell::Text("0101902000")).unwrap();
        let (c, _) = cpr_value(&Cell::Number(101902000.0)).unwrap();
        assert_eq!(a, b);
        assert_eq!(a, c);
        assert_eq!(cpr_value(&Cell::Empty), Err(CprError::Empty));
        assert_eq!(
            cpr_value(&Cell::Date(d(2025, 1, 1))),
            Err(CprError::NotDigits)
        );
    }

    #[test]
    fn flags() {
        for t in ["Ja", "x", "X", "yes", "1", "true", "SAND"] {
            assert_eq!(flag_value(&Cell::Text(t)), Ok(true), "{t}");
        }
        for t in ["Nej", "nej", "no", "0", "false"] {
            assert_eq!(flag_value(&Cell::Text(t)), Ok(false), "{t}");
        }
        assert_eq!(flag_value(&Cell::Empty), Ok(false));
        assert_eq!(flag_value(&Cell::Bool(true)), Ok(true));
        assert_eq!(flag_value(&Cell::Number(1.0)), Ok(true));
        assert_eq!(flag_value(&Cell::Text("måske")), Err(()));
    }

    #[test]
    fn kvalhep_forms() {
        let dated = Ok(Some(KvalHep {
            dato: Some(d(2025, 3, 1)),
        }));
        let undated = Ok(Some(KvalHep { dato: None }));
        assert_eq!(kvalhep_value(&Cell::Date(d(2025, 3, 1)), E1900), dated);
        assert_eq!(kvalhep_value(&Cell::Text("01-03-2025"), E1900), dated);
        assert_eq!(kvalhep_value(&Cell::Number(45717.0), E1900), dated);
        assert_eq!(kvalhep_value(&Cell::Text("Ja"), E1900), undated);
        assert_eq!(kvalhep_value(&Cell::Text("x"), E1900), undated);
        assert_eq!(kvalhep_value(&Cell::Number(1.0), E1900), undated);
        assert_eq!(kvalhep_value(&Cell::Text("Nej"), E1900), Ok(None));
        assert_eq!(kvalhep_value(&Cell::Empty, E1900), Ok(None));
        assert_eq!(kvalhep_value(&Cell::Number(0.0), E1900), Ok(None));
        assert_eq!(
            kvalhep_value(&Cell::Text("måske"), E1900),
            Err(KvalHepProblem::NotYesNo)
        );
        assert!(matches!(
            kvalhep_value(&Cell::Text("31-02-2025"), E1900),
            Err(KvalHepProblem::Date(_))
        ));
    }

    #[test]
    fn ydelser_split() {
        let v: Vec<&str> = split_ydelser("Samtale; Medicin,Rådgivning\nTest\r\n ;").collect();
        assert_eq!(v, ["Samtale", "Medicin", "Rådgivning", "Test"]);
    }

    #[test]
    fn masking() {
        assert_eq!(mask_cpr_cell(&Cell::Text("010190-2000")), "010190-xxxx");
        assert_eq!(mask_cpr_cell(&Cell::Text("320190-2000")), "320190-xxxx");
        assert_eq!(mask_cpr_cell(&Cell::Text("32019020")), "320190xx");
        assert_eq!(mask_cpr_cell(&Cell::Number(101902000.0)), "010190-xxxx");
        assert_eq!(quote(&Cell::Text("note 010190-2000")), "note 010190-xxxx");
        assert!(quote(&Cell::Text(&"a".repeat(100))).ends_with('…'));
    }
}

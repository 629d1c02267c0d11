//! Dates as they appear in an Aktivliste: Danish day-first text, ISO text, Excel serials.

use chrono::{Datelike, NaiveDate};

/// Why a value could not be read as a date. Messages are shown to caseworkers next to the sheet
/// and row, so they name the expected forms.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("not a date (expected dd-mm-yyyy or yyyy-mm-dd)")]
    Unrecognised,
    #[error("two-digit year is not guessed (write the year with four digits)")]
    TwoDigitYear,
    #[error("impossible date (day {day}, month {month}, year {year})")]
    Impossible { day: u32, month: u32, year: i32 },
    #[error("Excel date number out of range")]
    SerialOutOfRange,
    /// A date outside the years a case can have (a date cell typed as year 2204, or Excel's
    /// largest date 31-12-9999).
    #[error("the year {year} is outside 1900-2100")]
    YearOutOfRange { year: i32 },
}

/// Which day an Excel serial number counts from: a workbook says so once for all its cells
/// (Excel for Mac used to save in the 1904 system).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DateSystem {
    /// Serial 1 is 01-01-1900, and serial 60 is Excel's 29-02-1900, which never existed.
    #[default]
    Excel1900,
    /// Serial 0 is 01-01-1904.
    Excel1904,
}

/// Earliest and latest year accepted: anything outside is a typing error, not a case date.
const MIN_YEAR: i32 = 1900;
const MAX_YEAR: i32 = 2100;

/// Whether a date lies in the years accepted for a case date (1900 to 2100).
pub fn in_accepted_years(date: NaiveDate) -> bool {
    (MIN_YEAR..=MAX_YEAR).contains(&date.year())
}

/// The one range check every date read from a file passes, whatever the cell held.
pub fn accepted(date: NaiveDate) -> Result<NaiveDate, DateError> {
    if in_accepted_years(date) {
        Ok(date)
    } else {
        Err(DateError::YearOutOfRange { year: date.year() })
    }
}

/// Danish month names and common abbreviations, for text such as `1. marts 2025`.
const MONTHS: [(&str, u32); 24] = [
    ("januar", 1),
    ("jan", 1),
    ("februar", 2),
    ("feb", 2),
    ("marts", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("maj", 5),
    ("juni", 6),
    ("jun", 6),
    ("juli", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sep", 9),
    ("oktober", 10),
    ("okt", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
    ("sept", 9),
];

/// Parses date text: `2025-03-01`, `01-03-2025`, `1-3-2025`, `01.03.2025`, `01/03/2025`,
/// `1. marts 2025`, each optionally followed by a time part (`01-03-2025 13:45`,
/// `2025-03-01T00:00:00`). Day comes before month unless the year comes first.
pub fn parse_date_text(text: &str) -> Result<NaiveDate, DateError> {
    let t = text.trim();
    // Drop a time part: everything after 'T' in ISO form or after the first space once a
    // numeric date has been seen.
    let date_part = strip_time(t);
    let lower = date_part.to_lowercase();
    if lower.chars().any(|c| c.is_alphabetic()) {
        return parse_month_name(&lower);
    }
    let parts: Vec<&str> = date_part
        .split(['-', '.', '/'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    if parts.len() != 3 || parts.iter().any(|p| !p.chars().all(|c| c.is_ascii_digit())) {
        return Err(DateError::Unrecognised);
    }
    let nums: Vec<u32> = parts
        .iter()
        .map(|p| p.parse::<u32>().map_err(|_| DateError::Unrecognised))
        .collect::<Result<_, _>>()?;
    let (day, month, year) = if parts[0].len() == 4 {
        (nums[2], nums[1], nums[0])
    } else if parts[2].len() == 4 {
        if parts[0].len() > 2 || parts[1].len() > 2 {
            return Err(DateError::Unrecognised);
        }
        (nums[0], nums[1], nums[2])
    } else if parts[2].len() <= 2 {
        return Err(DateError::TwoDigitYear);
    } else {
        return Err(DateError::Unrecognised);
    };
    make_date(day, month, year as i32)
}

fn strip_time(t: &str) -> &str {
    if let Some(pos) = t.find('T')
        && pos >= 8
        && t[..pos].chars().all(|c| c.is_ascii_digit() || c == '-')
    {
        return &t[..pos];
    }
    if let Some(pos) = t.find(' ') {
        let rest = t[pos..].trim();
        if rest.contains(':')
            && rest
                .chars()
                .all(|c| c.is_ascii_digit() || c == ':' || c == '.')
        {
            return &t[..pos];
        }
        // "kl. 13:45" and similar
        if rest.starts_with("kl") && rest.contains(':') {
            return &t[..pos];
        }
    }
    t
}

fn parse_month_name(lower: &str) -> Result<NaiveDate, DateError> {
    let tokens: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || c == '.' || c == '-' || c == '/' || c == ',')
        .filter(|p| !p.is_empty())
        .collect();
    if tokens.len() != 3 {
        return Err(DateError::Unrecognised);
    }
    let day: u32 = tokens[0].parse().map_err(|_| DateError::Unrecognised)?;
    let month = MONTHS
        .iter()
        .find(|(name, _)| *name == tokens[1])
        .map(|(_, m)| *m)
        .ok_or(DateError::Unrecognised)?;
    if tokens[2].len() != 4 {
        return if tokens[2].len() <= 2 && tokens[2].chars().all(|c| c.is_ascii_digit()) {
            Err(DateError::TwoDigitYear)
        } else {
            Err(DateError::Unrecognised)
        };
    }
    let year: i32 = tokens[2].parse().map_err(|_| DateError::Unrecognised)?;
    make_date(day, month, year)
}

fn make_date(day: u32, month: u32, year: i32) -> Result<NaiveDate, DateError> {
    let date = NaiveDate::from_ymd_opt(year, month, day).ok_or(DateError::Impossible {
        day,
        month,
        year,
    })?;
    accepted(date)
}

/// Excel's first serial past its largest date, 31-12-9999 (in the 1900 system).
const SERIAL_END: f64 = 2_958_466.0;

/// An Excel serial day number in the workbook's date system (the fractional part is a time of
/// day). Serial 60 of the 1900 system is Excel's 29-02-1900, a day that never existed.
pub fn from_excel_serial(serial: f64, system: DateSystem) -> Result<NaiveDate, DateError> {
    if !(1.0..SERIAL_END).contains(&serial) {
        return Err(DateError::SerialOutOfRange);
    }
    let days = serial.floor() as i64;
    let (base, offset) = match system {
        // Day 0 is 31-12-1899; from serial 61 on, 30-12-1899 + serial is right.
        DateSystem::Excel1900 if days == 60 => {
            return Err(DateError::Impossible {
                day: 29,
                month: 2,
                year: 1900,
            });
        }
        DateSystem::Excel1900 => ((1899, 12, 30), if days < 60 { days + 1 } else { days }),
        DateSystem::Excel1904 => ((1904, 1, 1), days),
    };
    let base =
        NaiveDate::from_ymd_opt(base.0, base.1, base.2).ok_or(DateError::SerialOutOfRange)?;
    let date = base
        .checked_add_signed(chrono::Duration::try_days(offset).ok_or(DateError::SerialOutOfRange)?)
        .ok_or(DateError::SerialOutOfRange)?;
    if !in_accepted_years(date) {
        return Err(DateError::SerialOutOfRange);
    }
    Ok(date)
}

/// `dd-mm-yyyy`, the Danish form used on screen and in sheets.
pub fn fmt_dk(date: NaiveDate) -> String {
    date.format("%d-%m-%Y").to_string()
}

/// The day after `date` (the re-entry date D + 1), crossing month and year ends.
pub fn next_day(date: NaiveDate) -> NaiveDate {
    date.succ_opt().unwrap_or(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn every_listed_text_form() {
        let want = d(2025, 3, 1);
        for t in [
            "2025-03-01",
            "01-03-2025",
            "1-3-2025",
            "01.03.2025",
            "1.3.2025",
            "01/03/2025",
            " 01-03-2025 ",
            "01-03-2025 00:00",
            "01-03-2025 13:45:10",
            "2025-03-01T00:00:00",
            "2025-03-01 00:00:00",
            "1. marts 2025",
            "1 mar 2025",
            "01-03-2025 kl. 10:00",
        ] {
            assert_eq!(parse_date_text(t), Ok(want), "{t}");
        }
    }

    #[test]
    fn day_comes_before_month() {
        assert_eq!(parse_date_text("02-03-2025"), Ok(d(2025, 3, 2)));
        assert_eq!(parse_date_text("12/01/2024"), Ok(d(2024, 1, 12)));
    }

    #[test]
    fn two_digit_years_and_impossible_dates_are_reported() {
        assert_eq!(parse_date_text("01-03-25"), Err(DateError::TwoDigitYear));
        assert!(matches!(
            parse_date_text("31-02-2025"),
            Err(DateError::Impossible { .. })
        ));
        assert!(matches!(
            parse_date_text("29-02-2025"),
            Err(DateError::Impossible { .. })
        ));
        assert_eq!(parse_date_text("29-02-2024"), Ok(d(2024, 2, 29)));
        assert_eq!(parse_date_text("snart"), Err(DateError::Unrecognised));
        assert_eq!(parse_date_text("2025-03"), Err(DateError::Unrecognised));
        assert_eq!(parse_date_text(""), Err(DateError::Unrecognised));
        assert!(parse_date_text("01-03-0025").is_err());
    }

    #[test]
    fn excel_serials() {
        let e1900 = |n| from_excel_serial(n, DateSystem::Excel1900);
        assert_eq!(e1900(45717.0), Ok(d(2025, 3, 1)));
        assert_eq!(e1900(45717.75), Ok(d(2025, 3, 1)));
        assert_eq!(e1900(1.0), Ok(d(1900, 1, 1)));
        assert_eq!(e1900(59.0), Ok(d(1900, 2, 28)));
        assert_eq!(e1900(61.0), Ok(d(1900, 3, 1)));
        assert!(e1900(0.0).is_err());
        assert!(e1900(f64::NAN).is_err());
        assert!(e1900(f64::INFINITY).is_err());
        assert!(e1900(9.9e9).is_err());
        // Past 31-12-2100, and past Excel's own last day.
        assert_eq!(e1900(73415.0), Ok(d(2100, 12, 31)));
        assert_eq!(e1900(73416.0), Err(DateError::SerialOutOfRange));
        assert_eq!(e1900(2_958_466.0), Err(DateError::SerialOutOfRange));
    }

    #[test]
    fn serial_60_is_a_day_that_never_existed() {
        assert_eq!(
            from_excel_serial(60.0, DateSystem::Excel1900),
            Err(DateError::Impossible {
                day: 29,
                month: 2,
                year: 1900
            })
        );
        assert_eq!(
            from_excel_serial(60.5, DateSystem::Excel1900),
            from_excel_serial(60.0, DateSystem::Excel1900)
        );
    }

    #[test]
    fn serials_of_the_1904_system() {
        let e1904 = |n| from_excel_serial(n, DateSystem::Excel1904);
        // 1462 days apart: 01-03-2025 is 45717 in the 1900 system, 44255 in the 1904 one.
        assert_eq!(e1904(44255.0), Ok(d(2025, 3, 1)));
        assert_eq!(e1904(1.0), Ok(d(1904, 1, 2)));
        assert_eq!(e1904(60.0), Ok(d(1904, 3, 1)));
    }

    #[test]
    fn one_range_for_every_date() {
        assert_eq!(accepted(d(2026, 3, 31)), Ok(d(2026, 3, 31)));
        assert_eq!(
            accepted(d(2204, 1, 1)),
            Err(DateError::YearOutOfRange { year: 2204 })
        );
        assert_eq!(
            accepted(d(9999, 12, 31)),
            Err(DateError::YearOutOfRange { year: 9999 })
        );
        assert_eq!(
            accepted(d(1899, 12, 31)),
            Err(DateError::YearOutOfRange { year: 1899 })
        );
        assert_eq!(
            parse_date_text("01-01-2204"),
            Err(DateError::YearOutOfRange { year: 2204 })
        );
    }

    #[test]
    fn next_day_crosses_month_and_year_ends() {
        assert_eq!(next_day(d(2025, 12, 31)), d(2026, 1, 1));
        assert_eq!(next_day(d(2025, 2, 28)), d(2025, 3, 1));
        assert_eq!(next_day(d(2024, 2, 28)), d(2024, 2, 29));
        assert_eq!(next_day(d(2024, 2, 29)), d(2024, 3, 1));
        assert_eq!(next_day(d(2025, 4, 30)), d(2025, 5, 1));
    }

    #[test]
    fn danish_format() {
        assert_eq!(fmt_dk(d(2025, 3, 1)), "01-03-2025");
    }
}

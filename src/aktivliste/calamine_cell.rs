//! The one edge where calamine's cells become our [`Cell`]: every reader of a workbook (the list
//! and the plan read back) goes through here, so a date is read the same way everywhere,
//! the 1904 date system included (calamine's date cells carry it).

use calamine::{CellErrorType, Data, DataRef, ExcelDateTime};
use chrono::NaiveDate;

use crate::domain::date::parse_date_text;

use super::cell::Cell;

fn error_text(e: &CellErrorType) -> &'static str {
    match e {
        CellErrorType::Div0 => "#DIV/0!",
        CellErrorType::NA => "#N/A",
        CellErrorType::Name => "#NAME?",
        CellErrorType::Null => "#NULL!",
        CellErrorType::Num => "#NUM!",
        CellErrorType::Ref => "#REF!",
        CellErrorType::Value => "#VALUE!",
        // Excel writes it so (calamine shows it as `#DATA!`).
        CellErrorType::GettingData => "#GETTING_DATA",
    }
}

/// A date cell: its date, or its number when it is a time or duration only, or when it is no
/// day Excel has (NaN, past 31-12-9999, its 29-02-1900): calamine would show those as the
/// nearest day it can, and the number is refused by the one range check instead.
fn date_time(dt: &ExcelDateTime) -> Cell<'static> {
    let v = dt.as_f64();
    if dt.is_duration() || !(1.0..2_958_466.0).contains(&v) {
        return Cell::Number(v);
    }
    let (y, m, d, ..) = dt.to_ymd_hms_milli();
    NaiveDate::from_ymd_opt(i32::from(y), u32::from(m), u32::from(d))
        .map_or(Cell::Number(v), Cell::Date)
}

/// A date cell with its time of day (the action sheet's Genereret cell), to the millisecond.
pub(crate) fn datetime_of(d: &Data) -> Option<chrono::NaiveDateTime> {
    let Data::DateTime(dt) = d else {
        return None;
    };
    if dt.is_duration() {
        return None;
    }
    let (y, m, day, h, min, s, ms) = dt.to_ymd_hms_milli();
    NaiveDate::from_ymd_opt(i32::from(y), u32::from(m), u32::from(day))?.and_hms_milli_opt(
        u32::from(h),
        u32::from(min),
        u32::from(s),
        u32::from(ms),
    )
}

fn iso(s: &str) -> Cell<'_> {
    parse_date_text(s).map_or_else(|_| Cell::text(s), Cell::Date)
}

pub(crate) fn from_data(d: &Data) -> Cell<'_> {
    match d {
        Data::Empty => Cell::Empty,
        Data::String(s) => Cell::text(s),
        Data::Float(n) => Cell::Number(*n),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(dt) => date_time(dt),
        Data::DateTimeIso(s) => iso(s),
        Data::DurationIso(s) => Cell::text(s),
        Data::Error(e) => Cell::Error(error_text(e)),
    }
}

pub(super) fn from_data_ref<'a>(d: &'a DataRef<'_>) -> Cell<'a> {
    match d {
        DataRef::Empty => Cell::Empty,
        DataRef::String(s) => Cell::text(s),
        DataRef::SharedString(s) => Cell::text(s),
        DataRef::Float(n) => Cell::Number(*n),
        DataRef::Int(i) => Cell::Number(*i as f64),
        DataRef::Bool(b) => Cell::Bool(*b),
        DataRef::DateTime(dt) => date_time(dt),
        DataRef::DateTimeIso(s) => iso(s),
        DataRef::DurationIso(s) => Cell::text(s),
        DataRef::Error(e) => Cell::Error(error_text(e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::ExcelDateTimeType;

    fn date_cell(v: f64, is_1904: bool) -> Cell<'static> {
        date_time(&ExcelDateTime::new(v, ExcelDateTimeType::DateTime, is_1904))
    }

    #[test]
    fn date_cells_that_are_no_day_stay_numbers() {
        // calamine shows these as the nearest day it can; the range check refuses the number.
        assert!(matches!(date_cell(f64::NAN, false), Cell::Number(n) if n.is_nan()));
        assert_eq!(date_cell(3_000_000.0, false), Cell::Number(3_000_000.0));
        assert_eq!(date_cell(60.0, false), Cell::Number(60.0));
        assert_eq!(
            date_cell(45717.0, false),
            Cell::Date(NaiveDate::from_ymd_opt(2025, 3, 1).unwrap())
        );
        assert_eq!(
            date_cell(44255.0, true),
            Cell::Date(NaiveDate::from_ymd_opt(2025, 3, 1).unwrap())
        );
    }
}

//! The row loop of one sheet, independent of the source: find the header, decide the sheet's
//! kind, and turn every row into a record or a rejected row.

use arcstr::ArcStr;
use std::collections::HashSet;

use crate::domain::date::DateSystem;
use chrono::NaiveDate;

use crate::domain::cpr::mask_in_text;
use crate::domain::{
    Anmodning, Cpr, CprClass, Decision, Indskrivning, SourceRef, Tilbudstilknytning, Ydelse,
};

use super::cell::{
    Cell, KvalHepProblem, cpr_value, date_value, flag_value, kvalhep_value, mask_cpr_cell, quote,
    split_ydelser, text_value,
};
use super::header::{HEADER_SEARCH_ROWS, Header, Matcher, normalise};
use super::reason::{Expected, IgnoreReason, RejectReason};
use super::{Field, RejectedRow, SheetKind};

/// What a sheet is read for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Purpose {
    /// An Aktivliste: anmodninger and indskrivninger.
    List,
    /// A decisions file: CPR, glemt, slutdato.
    Decisions,
}

/// One used row of a list.
#[derive(Clone, Debug)]
pub(crate) struct RowRecord {
    pub(crate) cpr: Cpr,
    pub(crate) class: CprClass,
    pub(crate) source: SourceRef,
    pub(crate) name: Option<ArcStr>,
    pub(crate) anmodning: Option<Anmodning>,
    pub(crate) indskrivning: Option<Indskrivning>,
    pub(crate) glemt: bool,
    pub(crate) slutdato: Option<NaiveDate>,
    pub(crate) udskrivningsdato: Option<NaiveDate>,
    pub(crate) afslutningsdato: Option<NaiveDate>,
    pub(crate) afslutningsaarsag: Option<ArcStr>,
    /// Ydelser were given on a row without an indskrivning and could not be placed.
    pub(crate) ydelse_unplaced: bool,
}

/// What one row became.
#[derive(Debug)]
pub(crate) enum Fed {
    /// An empty row, or a row above the header.
    Nothing,
    /// This row is the header.
    Header,
    /// Stop reading: no header in the first rows, or the header makes the sheet unusable.
    Stop,
    Row(Box<RowRecord>),
    Decision {
        cpr: Cpr,
        decision: Decision,
        row: u32,
        /// The row's cells as read (CPR masked), to show it when it matches no citizen.
        values: Vec<String>,
    },
    Rejected(RejectedRow),
}

#[derive(Debug)]
pub(crate) enum State {
    Searching,
    Reading {
        header: Box<Header>,
        kind: SheetKind,
    },
    Unusable(IgnoreReason),
}

pub(crate) struct SheetParser<'m> {
    /// The sheet's name, shared by the source of every row.
    name: ArcStr,
    matcher: &'m Matcher,
    purpose: Purpose,
    first_row: Option<u32>,
    pub(crate) state: State,
    /// Offer and ydelse names seen in this sheet: a list repeats a few of them on every row.
    names: Interner,
    /// The workbook's date system, handed to the header when it is found.
    dates: DateSystem,
}

/// Shares repeated texts: the same name read twice becomes one `ArcStr`.
#[derive(Default)]
struct Interner {
    seen: HashSet<ArcStr>,
}

impl Interner {
    /// Beyond this many distinct names the texts are not repeated ones: stop remembering them.
    const MAX: usize = 4096;

    fn get(&mut self, text: &str) -> ArcStr {
        if let Some(known) = self.seen.get(text) {
            return known.clone();
        }
        let new: ArcStr = ArcStr::from(text);
        if self.seen.len() < Self::MAX {
            self.seen.insert(new.clone());
        }
        new
    }
}

/// Words that start a note, title or total line rather than a citizen's row.
const NOTE_WORDS: [&str; 10] = [
    "ialt",
    "total",
    "sum",
    "antal",
    "note",
    "bemaerk",
    "kilde",
    "udtrukket",
    "dannet",
    "side",
];

impl<'m> SheetParser<'m> {
    pub(crate) fn new(name: &str, matcher: &'m Matcher, purpose: Purpose) -> SheetParser<'m> {
        SheetParser {
            name: ArcStr::from(name),
            matcher,
            purpose,
            first_row: None,
            state: State::Searching,
            names: Interner::default(),
            dates: DateSystem::default(),
        }
    }

    /// The parser for a workbook whose serial dates count in `dates`.
    pub(crate) fn with_dates(mut self, dates: DateSystem) -> SheetParser<'m> {
        self.dates = dates;
        self
    }

    /// Whether the sheet held any non-empty row.
    pub(crate) fn had_data(&self) -> bool {
        self.first_row.is_some()
    }

    /// Takes one row (its number as the spreadsheet shows it).
    pub(crate) fn feed(&mut self, row: u32, cells: &[Cell<'_>]) -> Fed {
        if cells.iter().all(Cell::is_empty) {
            return Fed::Nothing;
        }
        let first = *self.first_row.get_or_insert(row);
        match &self.state {
            State::Unusable(_) => Fed::Stop,
            State::Searching => {
                if row.saturating_sub(first) >= HEADER_SEARCH_ROWS {
                    return Fed::Stop;
                }
                let Some(mut header) = self.matcher.header(row, cells) else {
                    return Fed::Nothing;
                };
                header.dates = self.dates;
                self.state = self.decide(header);
                match self.state {
                    State::Unusable(_) => Fed::Stop,
                    _ => Fed::Header,
                }
            }
            State::Reading { header, kind } => {
                let source = SourceRef {
                    sheet: self.name.clone(),
                    row,
                };
                if let Some(reason) = unusable_cell(header, row, cells) {
                    return Fed::Rejected(RejectedRow {
                        source,
                        reason,
                        values: row_values(header, cells),
                    });
                }
                let parsed =
                    match self.purpose {
                        Purpose::List => parse_list_row(
                            self.matcher,
                            header,
                            *kind,
                            source.clone(),
                            cells,
                            &mut self.names,
                        )
                        .map(|r| Fed::Row(Box::new(r))),
                        Purpose::Decisions => parse_decision_row(self.matcher, header, cells).map(
                            |(cpr, decision)| Fed::Decision {
                                cpr,
                                decision,
                                row,
                                values: row_values(header, cells),
                            },
                        ),
                    };
                parsed.unwrap_or_else(|reason| {
                    Fed::Rejected(RejectedRow {
                        source,
                        reason,
                        values: row_values(header, cells),
                    })
                })
            }
        }
    }

    /// The sheet's kind from its header, or why it cannot be used.
    fn decide(&self, header: Header) -> State {
        let kind = match self.purpose {
            Purpose::Decisions => {
                if !header.has(Field::Glemt)
                    && !header.has(Field::Slutdato)
                    && !header.has(Field::Udskrivningsdato)
                    && !header.has(Field::Afslutningsdato)
                {
                    return State::Unusable(IgnoreReason::NoDateColumn);
                }
                SheetKind::Anmodninger
            }
            Purpose::List => {
                let a = header.has(Field::Anmodningsdato);
                let i = header.has(Field::Indskrivningsdato);
                match (a, i) {
                    (true, false) => SheetKind::Anmodninger,
                    (false, true) => SheetKind::Indskrivninger,
                    (true, true) if normalise(&self.name).starts_with("indskriv") => {
                        SheetKind::Indskrivninger
                    }
                    (true, true) => SheetKind::Anmodninger,
                    (false, false) if header.has(Field::Cpr) => {
                        return State::Unusable(IgnoreReason::NoDateColumn);
                    }
                    (false, false) => return State::Unusable(IgnoreReason::NoHeader),
                }
            }
        };
        if !header.has(Field::Cpr) {
            return State::Unusable(IgnoreReason::NoCprColumn);
        }
        State::Reading {
            header: Box::new(header),
            kind,
        }
    }
}

/// Why a row cannot be used when a cell of a used column has no value to read: a formula saved
/// without its value, or a cell the reader could not read.
fn unusable_cell(header: &Header, row: u32, cells: &[Cell<'_>]) -> Option<RejectReason> {
    header.mapping.iter().find_map(|(field, name)| {
        let col = header.column(*field)?;
        let cell = || format!("{}{row}", super::sheet_xml::column_letters(col as u32));
        match cells.get(col)? {
            Cell::NoValue => Some(RejectReason::FormulaWithoutValue {
                column: name.clone(),
                cell: cell(),
            }),
            Cell::Unreadable(detail) => Some(RejectReason::UnreadableCell {
                column: name.clone(),
                cell: cell(),
                detail: (*detail).to_string(),
            }),
            _ => None,
        }
    })
}

/// The row's cells as text, trailing empty cells left out, anything CPR-like masked.
fn row_values(header: &Header, cells: &[Cell<'_>]) -> Vec<String> {
    let end = cells
        .iter()
        .rposition(|c| !c.is_empty())
        .map_or(0, |i| i + 1);
    let cpr_col = header.column(Field::Cpr);
    cells[..end]
        .iter()
        .enumerate()
        .map(|(i, c)| {
            if Some(i) == cpr_col {
                mask_cpr_cell(c)
            } else {
                mask_in_text(&c.display())
            }
        })
        .collect()
}

/// Whether a row without a usable CPR is a note, title or total line.
fn is_note(header: &Header, cells: &[Cell<'_>]) -> bool {
    let mut non_empty = cells.iter().enumerate().filter(|(_, c)| !c.is_empty());
    let Some((col, first)) = non_empty.next() else {
        return false;
    };
    let Cell::Text(text) = first else {
        return false;
    };
    let n = normalise(text);
    if NOTE_WORDS.iter().any(|w| n.starts_with(w)) {
        return true;
    }
    non_empty.next().is_none()
        && Some(col) != header.column(Field::Name)
        && text.chars().any(char::is_alphabetic)
}

/// The CPR of a data row, after telling repeated headers and notes apart from real rows.
fn row_cpr(
    matcher: &Matcher,
    header: &Header,
    cells: &[Cell<'_>],
) -> Result<(Cpr, CprClass), RejectReason> {
    // A repeated header never holds a CPR, so the costlier checks wait for a failed one.
    match cpr_value(&header.cell(cells, Field::Cpr)) {
        Ok(found) => Ok(found),
        Err(_) if header.is_repeated_in(matcher, cells) => Err(RejectReason::RepeatedHeader),
        Err(_) if is_note(header, cells) => Err(RejectReason::NoteLine),
        Err(crate::domain::CprError::Empty) => Err(RejectReason::MissingCpr),
        Err(e) => Err(RejectReason::InvalidCpr(e)),
    }
}

fn optional_date(
    header: &Header,
    cells: &[Cell<'_>],
    field: Field,
) -> Result<Option<NaiveDate>, RejectReason> {
    let cell = header.cell(cells, field);
    date_value(&cell, header.dates).map_err(|problem| RejectReason::BadDate {
        column: header.name_of(field),
        text: quote(&cell),
        problem,
    })
}

fn required_date(
    header: &Header,
    cells: &[Cell<'_>],
    field: Field,
) -> Result<NaiveDate, RejectReason> {
    optional_date(header, cells, field)?.ok_or_else(|| RejectReason::MissingDate {
        column: header.name_of(field),
    })
}

fn flag(header: &Header, cells: &[Cell<'_>], field: Field) -> Result<bool, RejectReason> {
    let cell = header.cell(cells, field);
    flag_value(&cell).map_err(|()| RejectReason::BadValue {
        column: header.name_of(field),
        text: quote(&cell),
        expected: Expected::YesNo,
    })
}

/// A text field's value handed to `make`; a text cell without an intermediate copy.
fn with_text<T>(cell: &Cell<'_>, make: impl FnOnce(&str) -> T) -> Option<T> {
    match cell {
        Cell::Text(t) => Some(make(t)),
        other => text_value(other).map(|s| make(&s)),
    }
}

fn text(header: &Header, cells: &[Cell<'_>], field: Field) -> Option<ArcStr> {
    with_text(&header.cell(cells, field), |t| ArcStr::from(t))
}

/// A text that repeats across rows (an offer's name), shared.
fn name(header: &Header, cells: &[Cell<'_>], field: Field, names: &mut Interner) -> Option<ArcStr> {
    with_text(&header.cell(cells, field), |t| names.get(t))
}

fn parse_list_row(
    matcher: &Matcher,
    header: &Header,
    kind: SheetKind,
    source: SourceRef,
    cells: &[Cell<'_>],
    names: &mut Interner,
) -> Result<RowRecord, RejectReason> {
    let (cpr, class) = row_cpr(matcher, header, cells)?;

    // The kind's own date is required; the other kind's date, when its column exists and the
    // cell is filled, makes the row hold that case too.
    let anmodningsdato = match kind {
        SheetKind::Anmodninger => Some(required_date(header, cells, Field::Anmodningsdato)?),
        SheetKind::Indskrivninger => optional_date(header, cells, Field::Anmodningsdato)?,
    };
    let indskrivningsdato = match kind {
        SheetKind::Indskrivninger => Some(required_date(header, cells, Field::Indskrivningsdato)?),
        SheetKind::Anmodninger => optional_date(header, cells, Field::Indskrivningsdato)?,
    };
    let ivaerksaettelsesdato = optional_date(header, cells, Field::Ivaerksaettelsesdato)?;
    let tilknytningsdato = optional_date(header, cells, Field::Tilknytningsdato)?;
    let ydelse_startdato = optional_date(header, cells, Field::YdelseStartdato)?;
    let slutdato = optional_date(header, cells, Field::Slutdato)?;
    let udskrivningsdato = optional_date(header, cells, Field::Udskrivningsdato)?;
    let afslutningsdato = optional_date(header, cells, Field::Afslutningsdato)?;
    let kvalhep_cell = header.cell(cells, Field::KvalHep);
    let kvalhep = kvalhep_value(&kvalhep_cell, header.dates).map_err(|p| match p {
        KvalHepProblem::Date(problem) => RejectReason::BadDate {
            column: header.name_of(Field::KvalHep),
            text: quote(&kvalhep_cell),
            problem,
        },
        KvalHepProblem::NotYesNo => RejectReason::BadValue {
            column: header.name_of(Field::KvalHep),
            text: quote(&kvalhep_cell),
            expected: Expected::DateOrYesNo,
        },
    })?;
    let glemt = flag(header, cells, Field::Glemt)?;
    let tilbud = name(header, cells, Field::Tilbud, names);

    let anmodning = anmodningsdato.map(|anmodningsdato| Anmodning {
        id: text(header, cells, Field::AnmodningId),
        anmodningsdato,
        ivaerksaettelsesdato,
        tilbudstilknytning: (tilbud.is_some() || tilknytningsdato.is_some()).then(|| {
            Tilbudstilknytning {
                tilbud: tilbud.clone(),
                dato: tilknytningsdato,
            }
        }),
        kvalhep,
        source: source.clone(),
    });
    let ydelse_text = text_value(&header.cell(cells, Field::Ydelse));
    let ydelse_unplaced = indskrivningsdato.is_none() && ydelse_text.is_some();
    let indskrivning = indskrivningsdato.map(|indskrivningsdato| Indskrivning {
        id: text(header, cells, Field::IndskrivningId),
        tilbud: tilbud.clone(),
        indskrivningsdato,
        ydelser: ydelse_text
            .as_deref()
            .map(|t| {
                let mut ydelser = Vec::with_capacity(split_ydelser(t).count());
                ydelser.extend(split_ydelser(t).map(|navn| Ydelse {
                    navn: names.get(navn),
                    startdato: ydelse_startdato,
                }));
                ydelser
            })
            .unwrap_or_default(),
        source: source.clone(),
    });
    Ok(RowRecord {
        cpr,
        class,
        source,
        name: text(header, cells, Field::Name),
        anmodning,
        indskrivning,
        glemt,
        slutdato,
        udskrivningsdato,
        afslutningsdato,
        afslutningsaarsag: text(header, cells, Field::Afslutningsaarsag),
        ydelse_unplaced,
    })
}

fn parse_decision_row(
    matcher: &Matcher,
    header: &Header,
    cells: &[Cell<'_>],
) -> Result<(Cpr, Decision), RejectReason> {
    let (cpr, _) = row_cpr(matcher, header, cells)?;
    let glemt = flag(header, cells, Field::Glemt)?;
    let slutdato = optional_date(header, cells, Field::Slutdato)?;
    let ends = crate::domain::Ends {
        udskrivningsdato: optional_date(header, cells, Field::Udskrivningsdato)?,
        afslutningsdato: optional_date(header, cells, Field::Afslutningsdato)?,
        afslutningsaarsag: text(header, cells, Field::Afslutningsaarsag).map(|t| t.to_string()),
    };
    Ok((cpr, Decision::with_ends(glemt, slutdato, ends)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::date::DateError;

    fn feed_all(p: &mut SheetParser<'_>, rows: &[(u32, Vec<Cell<'_>>)]) -> Vec<Fed> {
        rows.iter().map(|(n, c)| p.feed(*n, c)).collect()
    }

    // Fictitious CPR numbers only.
    #[test]
    fn header_below_titles_and_blank_rows_then_rows_and_rejections() {
        let m = Matcher::default();
        let mut p = SheetParser::new("Anmodninger", &m, Purpose::List);
        use Cell::*;
        let rows = vec![
            (
                1,
                vec![Text("Aktivliste for Prøve Kommune, udtrukket 01-03-2025")],
            ),
            (2, vec![Empty, Empty]),
            (
                3,
                vec![
                    Text("CPR-nr."),
                    Text("Navn"),
                    Text("Anmodningsdato"),
                    Text("Iværksat"),
                ],
            ),
            (
                4,
                vec![Text("010190-2000"), Text("Anna"), Text("01-03-2025"), Empty],
            ),
            (5, vec![Empty, Empty, Empty]),
            (
                6,
                vec![
                    Number(101902000.0),
                    Empty,
                    Number(45717.0),
                    Text("31-02-2025"),
                ],
            ),
            (7, vec![Empty, Text("Bo"), Text("01-03-2025")]),
            (8, vec![Text("320190-2000"), Text("Bo"), Text("01-03-2025")]),
            (9, vec![Text("I alt: 12")]),
            (10, vec![Text("CPR"), Text("Navn"), Text("Anmodningsdato")]),
            (11, vec![Text("010190-2000"), Text("Anna"), Empty]),
        ];
        let out = feed_all(&mut p, &rows);
        assert!(matches!(out[0], Fed::Nothing));
        assert!(matches!(out[2], Fed::Header));
        let Fed::Row(r) = &out[3] else {
            panic!("row 4")
        };
        assert_eq!(r.source.row, 4);
        assert_eq!(r.name.as_deref(), Some("Anna"));
        assert!(matches!(out[4], Fed::Nothing));
        let reasons: Vec<(u32, RejectReason, Vec<String>)> = out[5..]
            .iter()
            .map(|f| match f {
                Fed::Rejected(r) => (r.source.row, r.reason.clone(), r.values.clone()),
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(reasons[0].0, 6);
        assert!(matches!(
            &reasons[0].1,
            RejectReason::BadDate { column, text, problem: DateError::Impossible { .. } }
                if column == "Iværksat" && text == "31-02-2025"
        ));
        assert_eq!(reasons[0].2[0], "010190-xxxx");
        assert_eq!(reasons[1].1, RejectReason::MissingCpr);
        assert_eq!(
            reasons[2].1,
            RejectReason::InvalidCpr(crate::domain::CprError::InvalidDate)
        );
        assert_eq!(reasons[2].2[0], "320190-xxxx");
        assert_eq!(reasons[3].1, RejectReason::NoteLine);
        assert_eq!(reasons[4].1, RejectReason::RepeatedHeader);
        assert_eq!(
            reasons[5].1,
            RejectReason::MissingDate {
                column: "Anmodningsdato".into()
            }
        );
    }

    #[test]
    fn kind_by_header_and_name() {
        let m = Matcher::default();
        use Cell::*;
        let both = vec![
            Text("CPR"),
            Text("Anmodningsdato"),
            Text("Indskrivningsdato"),
        ];
        for (name, kind) in [
            ("Indskrivninger", SheetKind::Indskrivninger),
            ("Ark1", SheetKind::Anmodninger),
        ] {
            let mut p = SheetParser::new(name, &m, Purpose::List);
            p.feed(1, &both);
            assert!(matches!(p.state, State::Reading { kind: k, .. } if k == kind));
        }
        let mut p = SheetParser::new("x", &m, Purpose::List);
        assert!(matches!(p.feed(1, &[Text("CPR"), Text("Navn")]), Fed::Stop));
        assert!(matches!(
            p.state,
            State::Unusable(IgnoreReason::NoDateColumn)
        ));
        let mut p = SheetParser::new("x", &m, Purpose::List);
        p.feed(1, &[Text("Navn"), Text("Anmodningsdato")]);
        assert!(matches!(
            p.state,
            State::Unusable(IgnoreReason::NoCprColumn)
        ));
    }

    #[test]
    fn gives_up_after_thirty_rows_without_header() {
        let m = Matcher::default();
        let mut p = SheetParser::new("x", &m, Purpose::List);
        for row in 1..=30 {
            assert!(matches!(p.feed(row, &[Cell::Text("note")]), Fed::Nothing));
        }
        assert!(matches!(
            p.feed(31, &[Cell::Text("CPR"), Cell::Text("Anmodningsdato")]),
            Fed::Stop
        ));
        assert!(p.had_data());
    }

    #[test]
    fn indskrivning_row_with_ydelser_and_kvalhep_on_anmodning() {
        let m = Matcher::default();
        use Cell::*;
        let mut p = SheetParser::new("Indskrivninger", &m, Purpose::List);
        p.feed(
            1,
            &[
                Text("CPR"),
                Text("Indskrivningsdato"),
                Text("Ydelser"),
                Text("Ydelse start"),
                Text("Tilbud"),
            ],
        );
        let Fed::Row(r) = p.feed(
            2,
            &[
                Text("0101902000"),
                Text("2025-01-02"),
                Text("A; B\nC"),
                Text("03-01-2025"),
                Text("Rusmiddelcenter"),
            ],
        ) else {
            panic!()
        };
        let i = r.indskrivning.unwrap();
        assert_eq!(i.ydelser.len(), 3);
        assert_eq!(&*i.ydelser[2].navn, "C");
        assert_eq!(i.ydelser[2].startdato, NaiveDate::from_ymd_opt(2025, 1, 3));
        assert_eq!(i.tilbud.as_deref(), Some("Rusmiddelcenter"));
        assert!(r.anmodning.is_none());
    }
}

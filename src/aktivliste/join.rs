//! Joining rows into citizens by CPR, in order of first appearance, and rows into cases: rows
//! that repeat a case (the same Anmodning or Indskrivning ID, or without IDs the same date; an
//! indskrivning also at the same offer) are one case, its ydelser gathered. Only different
//! cases of one citizen are kept apart, and two of them are a conflict the plan engine reports.

use std::collections::HashMap;

use arcstr::ArcStr;

use crate::domain::{Anmodning, Citizen, Cpr, CprClass, Form, Indskrivning};

use super::Warning;
use super::reason::WarningKind;
use super::sheet::RowRecord;

#[derive(Default)]
pub(crate) struct Joiner {
    citizens: Vec<Citizen>,
    index: HashMap<Cpr, usize>,
    warnings: Vec<Warning>,
}

impl Joiner {
    pub(crate) fn add(&mut self, row: RowRecord) {
        if row.ydelse_unplaced {
            self.warnings.push(Warning {
                source: row.source.clone(),
                kind: WarningKind::YdelseWithoutIndskrivning,
            });
        }
        let i = match self.index.get(&row.cpr) {
            Some(&i) => i,
            None => {
                let kind = match row.class {
                    CprClass::Valid => None,
                    CprClass::Mod11Failed => Some(WarningKind::Mod11Failed { cpr: row.cpr }),
                    CprClass::Replacement => Some(WarningKind::Replacement { cpr: row.cpr }),
                };
                if let Some(kind) = kind {
                    self.warnings.push(Warning {
                        source: row.source.clone(),
                        kind,
                    });
                }
                self.citizens.push(Citizen::new(row.cpr, row.class));
                self.index.insert(row.cpr, self.citizens.len() - 1);
                self.citizens.len() - 1
            }
        };
        let Some(c) = self.citizens.get_mut(i) else {
            return;
        };
        if c.name.is_none() {
            c.name = row.name;
        }
        // Most citizens have one of each: no room for more until a second one comes.
        if let Some(a) = row.anmodning {
            match c.anmodninger.iter_mut().find(|x| same_anmodning(x, &a)) {
                Some(first) => merge_anmodning(first, a, &mut self.warnings),
                None => {
                    if c.anmodninger.is_empty() {
                        c.anmodninger.reserve_exact(1);
                    }
                    c.anmodninger.push(a);
                }
            }
        }
        if let Some(i) = row.indskrivning {
            match c
                .indskrivninger
                .iter_mut()
                .find(|x| same_indskrivning(x, &i))
            {
                Some(first) => merge_indskrivning(first, i, &mut self.warnings),
                None => {
                    if c.indskrivninger.is_empty() {
                        c.indskrivninger.reserve_exact(1);
                    }
                    c.indskrivninger.push(i);
                }
            }
        }
        // An end date without the case marked forgotten is not used: said at its row.
        let has_end = row.slutdato.is_some()
            || row.udskrivningsdato.is_some()
            || row.afslutningsdato.is_some();
        if has_end && !row.glemt {
            self.warnings.push(Warning {
                source: row.source.clone(),
                kind: WarningKind::EndDateWithoutGlemt,
            });
        }
        let d = &mut c.decision;
        d.glemt |= row.glemt;
        d.slutdato = d.slutdato.or(row.slutdato);
        if row.udskrivningsdato.is_some()
            || row.afslutningsdato.is_some()
            || row.afslutningsaarsag.is_some()
        {
            let e = d.ends_mut();
            e.udskrivningsdato = e.udskrivningsdato.or(row.udskrivningsdato);
            e.afslutningsdato = e.afslutningsdato.or(row.afslutningsdato);
            if e.afslutningsaarsag.is_none() {
                e.afslutningsaarsag = row.afslutningsaarsag.map(|t| t.to_string());
            }
        }
    }

    pub(crate) fn warn(&mut self, warning: Warning) {
        self.warnings.push(warning);
    }

    pub(crate) fn finish(self) -> (Vec<Citizen>, Vec<Warning>) {
        (self.citizens, self.warnings)
    }
}

/// Whether two rows name one anmodning: the same ID where both have one, else the same
/// anmodningsdato.
fn same_anmodning(a: &Anmodning, b: &Anmodning) -> bool {
    match (id(&a.id), id(&b.id)) {
        (Some(x), Some(y)) => x == y,
        _ => a.anmodningsdato == b.anmodningsdato,
    }
}

/// Whether two rows name one indskrivning: the same ID where both have one, else the same
/// indskrivningsdato at the same offer.
fn same_indskrivning(a: &Indskrivning, b: &Indskrivning) -> bool {
    match (id(&a.id), id(&b.id)) {
        (Some(x), Some(y)) => x == y,
        _ => {
            let offer = |i: &Indskrivning| i.tilbud.as_deref().unwrap_or("").trim().to_lowercase();
            a.indskrivningsdato == b.indskrivningsdato && offer(a) == offer(b)
        }
    }
}

fn id(id: &Option<ArcStr>) -> Option<&str> {
    id.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// Fills what the first row of a case left out from a later row of it; where both give a date
/// and they differ, the first counts and the later row is named in a warning.
fn merge_anmodning(first: &mut Anmodning, later: Anmodning, warnings: &mut Vec<Warning>) {
    let mut differs = |form: Form| {
        warnings.push(Warning {
            source: later.source.clone(),
            kind: WarningKind::SameCaseOtherDate {
                form,
                first_row: first.source.row,
            },
        });
    };
    if first.anmodningsdato != later.anmodningsdato {
        differs(Form::Anmodning);
    }
    match (first.ivaerksaettelsesdato, later.ivaerksaettelsesdato) {
        (None, d) => first.ivaerksaettelsesdato = d,
        (Some(a), Some(b)) if a != b => differs(Form::Ivaerksaettelse),
        _ => {}
    }
    match (&mut first.tilbudstilknytning, later.tilbudstilknytning) {
        (slot @ None, t) => *slot = t,
        (Some(a), Some(b)) => {
            if a.dato.is_some() && b.dato.is_some() && a.dato != b.dato {
                differs(Form::Tilbudstilknytning);
            }
            a.dato = a.dato.or(b.dato);
            a.tilbud = a.tilbud.take().or(b.tilbud);
        }
        _ => {}
    }
    match (&mut first.kvalhep, later.kvalhep) {
        (slot @ None, k) => *slot = k,
        (Some(a), Some(b)) => {
            if a.dato.is_some() && b.dato.is_some() && a.dato != b.dato {
                differs(Form::KvalHep);
            }
            a.dato = a.dato.or(b.dato);
        }
        _ => {}
    }
    if first.id.is_none() {
        first.id = later.id;
    }
}

/// As [`merge_anmodning`], for an indskrivning listed on one row per ydelse: its ydelser are
/// gathered (a ydelse listed twice counts once).
fn merge_indskrivning(first: &mut Indskrivning, later: Indskrivning, warnings: &mut Vec<Warning>) {
    if first.indskrivningsdato != later.indskrivningsdato {
        warnings.push(Warning {
            source: later.source.clone(),
            kind: WarningKind::SameCaseOtherDate {
                form: Form::Indskrivning,
                first_row: first.source.row,
            },
        });
    }
    for y in later.ydelser {
        let known = first.ydelser.iter().any(|x| {
            x.navn.trim().to_lowercase() == y.navn.trim().to_lowercase()
                && x.startdato == y.startdato
        });
        if !known {
            first.ydelser.push(y);
        }
    }
    if first.id.is_none() {
        first.id = later.id;
    }
    if first.tilbud.is_none() {
        first.tilbud = later.tilbud;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Anmodning, Indskrivning, SourceRef};
    use chrono::NaiveDate;

    fn row(cpr: &str, n: u32, name: Option<&str>, anm: bool) -> RowRecord {
        let (cpr, class) = Cpr::parse(cpr).unwrap();
        let source = SourceRef {
            sheet: "s".into(),
            row: n,
        };
        // Each row its own case: a date of its own.
        let date = NaiveDate::from_ymd_opt(2025, 1, n).unwrap();
        RowRecord {
            cpr,
            class,
            source: source.clone(),
            name: name.map(Into::into),
            anmodning: anm.then(|| Anmodning {
                id: None,
                anmodningsdato: date,
                ivaerksaettelsesdato: None,
                tilbudstilknytning: None,
                kvalhep: None,
                source: source.clone(),
            }),
            indskrivning: (!anm).then(|| Indskrivning {
                id: None,
                tilbud: None,
                indskrivningsdato: date,
                ydelser: vec![],
                source,
            }),
            glemt: false,
            slutdato: None,
            udskrivningsdato: None,
            afslutningsdato: None,
            afslutningsaarsag: None,
            ydelse_unplaced: false,
        }
    }

    // Fictitious CPR numbers only.
    #[test]
    fn joins_by_cpr_in_first_appearance_order_and_keeps_duplicates() {
        let mut j = Joiner::default();
        j.add(row("0201903000", 2, None, true));
        j.add(row("010190-2000", 3, Some("Anna"), true));
        j.add(row("020190-3000", 4, Some("Bo"), true));
        j.add(row("0101902000", 5, Some("Other"), false));
        let (c, w) = j.finish();
        assert_eq!(c.len(), 2);
        assert_eq!(c[0].cpr.masked(), "020190-xxxx");
        assert_eq!(c[0].name.as_deref(), Some("Bo"));
        assert_eq!(c[0].anmodninger.len(), 2);
        assert_eq!(c[1].name.as_deref(), Some("Anna"));
        assert_eq!(c[1].indskrivninger.len(), 1);
        // Both fail modulus 11: one warning per citizen, at its first row.
        assert_eq!(w.len(), 2);
        assert_eq!(w[0].source.row, 2);
    }

    fn d(m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(2025, m, day)
    }

    fn ind_row(n: u32, id: Option<&str>, ydelse: &str) -> RowRecord {
        let mut r = row("010190-2000", n, None, false);
        let i = r.indskrivning.as_mut().unwrap();
        i.id = id.map(Into::into);
        i.indskrivningsdato = d(3, 1).unwrap();
        i.tilbud = Some("Center Nord".into());
        i.ydelser = vec![crate::domain::Ydelse {
            navn: ydelse.into(),
            startdato: d(3, 5),
        }];
        r
    }

    #[test]
    fn an_indskrivning_on_one_row_per_ydelse_is_one_case_with_its_ydelser() {
        for id in [Some("I-7"), None] {
            let mut j = Joiner::default();
            j.add(ind_row(2, id, "Ambulant"));
            j.add(ind_row(3, id, "Dagbehandling"));
            j.add(ind_row(4, id, "Ambulant"));
            let (c, w) = j.finish();
            assert_eq!(c[0].indskrivninger.len(), 1, "{id:?}");
            let names: Vec<&str> = c[0].indskrivninger[0]
                .ydelser
                .iter()
                .map(|y| y.navn.as_str())
                .collect();
            assert_eq!(names, ["Ambulant", "Dagbehandling"]);
            assert!(w.iter().all(|w| w.kind.key() != "same_case_other_date"));
        }
        // Different IDs on the same day are two cases.
        let mut j = Joiner::default();
        j.add(ind_row(2, Some("I-7"), "Ambulant"));
        j.add(ind_row(3, Some("I-8"), "Ambulant"));
        assert_eq!(j.finish().0[0].indskrivninger.len(), 2);
    }

    #[test]
    fn a_repeated_anmodning_is_the_same_case_and_a_date_that_differs_is_named() {
        let anm_row = |n: u32, id: Option<&str>, iv: Option<NaiveDate>| {
            let mut r = row("010190-2000", n, None, true);
            let a = r.anmodning.as_mut().unwrap();
            a.id = id.map(Into::into);
            a.anmodningsdato = d(1, 10).unwrap();
            a.ivaerksaettelsesdato = iv;
            r
        };
        // An indskrivninger row repeating the anmodningsdato: the same anmodning, its
        // iværksættelse filled in from the later row.
        let mut j = Joiner::default();
        j.add(anm_row(2, None, None));
        j.add(anm_row(3, None, d(1, 20)));
        let (c, w) = j.finish();
        assert_eq!(c[0].anmodninger.len(), 1);
        assert_eq!(c[0].anmodninger[0].ivaerksaettelsesdato, d(1, 20));
        assert!(w.iter().all(|w| w.kind.key() != "same_case_other_date"));
        // The same ID with another iværksættelse: one case, the first date, the row named.
        let mut j = Joiner::default();
        j.add(anm_row(2, Some("A-1"), d(1, 20)));
        j.add(anm_row(5, Some("A-1"), d(1, 25)));
        let (c, w) = j.finish();
        assert_eq!(c[0].anmodninger.len(), 1);
        assert_eq!(c[0].anmodninger[0].ivaerksaettelsesdato, d(1, 20));
        let warning = w
            .iter()
            .find(|w| w.kind.key() == "same_case_other_date")
            .unwrap();
        assert_eq!(warning.source.row, 5);
        assert_eq!(
            warning.kind,
            WarningKind::SameCaseOtherDate {
                form: Form::Ivaerksaettelse,
                first_row: 2
            }
        );
    }
}

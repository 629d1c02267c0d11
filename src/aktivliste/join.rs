//! Joining rows into citizens by CPR, in order of first appearance. Two anmodninger (or two
//! indskrivninger) for one citizen are both kept: the plan engine reports the conflict.

use std::collections::HashMap;

use crate::domain::{Citizen, Cpr, CprClass};

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
            if c.anmodninger.is_empty() {
                c.anmodninger.reserve_exact(1);
            }
            c.anmodninger.push(a);
        }
        if let Some(i) = row.indskrivning {
            if c.indskrivninger.is_empty() {
                c.indskrivninger.reserve_exact(1);
            }
            c.indskrivninger.push(i);
        }
        c.decision.glemt |= row.glemt;
        if c.decision.slutdato.is_none() {
            c.decision.slutdato = row.slutdato;
        }
    }

    pub(crate) fn warn(&mut self, warning: Warning) {
        self.warnings.push(warning);
    }

    pub(crate) fn finish(self) -> (Vec<Citizen>, Vec<Warning>) {
        (self.citizens, self.warnings)
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
        let date = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
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
}

//! The domain: citizens, their SMDB cases and forms, CPR numbers and dates. No I/O.

pub mod cpr;
pub mod date;
pub mod resolution;

pub use cpr::{Cpr, CprClass, CprError};

use arcstr::ArcStr;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Where a value came from: a sheet and a row number as the spreadsheet program shows it
/// (1-based). CSV files have one sheet, named after the file. The sheet name is shared by every
/// row of the sheet and every action planned from it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct SourceRef {
    pub sheet: ArcStr,
    pub row: u32,
}

/// The two parts of an SMDB case.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Part {
    /// The kommune's authority part.
    Myndighed,
    /// The treatment offer's part.
    Tilbud,
}

/// The SMDB forms (skemaer) a plan acts on. The orders the guide acts on them in are
/// [`Form::DELETE_ORDER`], [`Form::CLOSE_ORDER`] and [`Form::REGISTER_ORDER`]; every part of the
/// product takes them from there.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Form {
    Anmodning,
    Ivaerksaettelse,
    Tilbudstilknytning,
    Indskrivning,
    Ydelse,
    #[serde(rename = "kvalhep")]
    KvalHep,
    /// "Afslut behandling": the close of the myndighed case.
    Behandling,
}

impl Form {
    pub const ALL: [Form; 7] = [
        Form::Anmodning,
        Form::Ivaerksaettelse,
        Form::Tilbudstilknytning,
        Form::Indskrivning,
        Form::Ydelse,
        Form::KvalHep,
        Form::Behandling,
    ];

    /// The order SMDB deletes a case's forms in (model 1, guide §3.2 a–f): backwards from the
    /// ydelser to the anmodning, KvalHep last.
    pub const DELETE_ORDER: [Form; 6] = [
        Form::Ydelse,
        Form::Indskrivning,
        Form::Tilbudstilknytning,
        Form::Ivaerksaettelse,
        Form::Anmodning,
        Form::KvalHep,
    ];

    /// The order SMDB closes a case in (model 2 and forgotten cases, guide §4 a–d): the forms
    /// that are closed, then "Afslut behandling", which closes the anmodning's case.
    pub const CLOSE_ORDER: [Form; 4] = [
        Form::Ydelse,
        Form::Indskrivning,
        Form::Tilbudstilknytning,
        Form::Behandling,
    ];

    /// The order registrations are reported in the new system (guide §4): from the anmodning
    /// forwards, KvalHep last.
    pub const REGISTER_ORDER: [Form; 6] = [
        Form::Anmodning,
        Form::Ivaerksaettelse,
        Form::Tilbudstilknytning,
        Form::Indskrivning,
        Form::Ydelse,
        Form::KvalHep,
    ];

    /// The form's place in [`Form::DELETE_ORDER`]; `None` for a form that is never deleted.
    pub fn delete_rank(self) -> Option<usize> {
        Self::DELETE_ORDER.iter().position(|f| *f == self)
    }

    /// The form's place in [`Form::CLOSE_ORDER`]; `None` for a form that is never closed alone.
    pub fn close_rank(self) -> Option<usize> {
        Self::CLOSE_ORDER.iter().position(|f| *f == self)
    }

    /// The form's place in [`Form::REGISTER_ORDER`]; `None` for a form never registered.
    pub fn register_rank(self) -> Option<usize> {
        Self::REGISTER_ORDER.iter().position(|f| *f == self)
    }

    /// The existing form a close of this form stands for: "Afslut behandling" closes the
    /// anmodning; every other form closes itself.
    pub fn closes(self) -> Form {
        match self {
            Form::Behandling => Form::Anmodning,
            f => f,
        }
    }

    /// Whether a case's form of this kind is closed by one of [`Form::CLOSE_ORDER`] (iværksættelse
    /// and KvalHep are not: they go with the anmodning's case).
    pub fn is_closed(self) -> bool {
        Self::CLOSE_ORDER.iter().any(|c| c.closes() == self)
    }

    /// The stable machine key used in JSON and state files.
    pub fn key(self) -> &'static str {
        match self {
            Form::Anmodning => "anmodning",
            Form::Ivaerksaettelse => "ivaerksaettelse",
            Form::Tilbudstilknytning => "tilbudstilknytning",
            Form::Indskrivning => "indskrivning",
            Form::Ydelse => "ydelse",
            Form::KvalHep => "kvalhep",
            Form::Behandling => "behandling",
        }
    }

    pub fn from_key(key: &str) -> Option<Form> {
        Form::ALL.into_iter().find(|f| f.key() == key)
    }

    pub fn part(self) -> Part {
        match self {
            Form::Indskrivning | Form::Ydelse => Part::Tilbud,
            _ => Part::Myndighed,
        }
    }

    /// The SMDB privilege needed to act on the form (seeds/000: KvalHep needs
    /// `urn:dk:smdb:prod:sundhedsfaglig`, the rest `urn:dk:smdb:prod:indberetter`).
    pub fn privilege(self) -> Privilege {
        match self {
            Form::KvalHep => Privilege::Sundhedsfaglig,
            _ => Privilege::Indberetter,
        }
    }
}

/// SMDB privileges (rettigheder).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Privilege {
    Indberetter,
    Sundhedsfaglig,
}

impl Privilege {
    pub fn key(self) -> &'static str {
        match self {
            Privilege::Indberetter => "indberetter",
            Privilege::Sundhedsfaglig => "sundhedsfaglig",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Privilege::Indberetter => "SMDB Indberetter",
            Privilege::Sundhedsfaglig => "SMDB Sundhedsfaglig",
        }
    }
}

/// A Tilbudstilknytning on the myndighed case: the offer the citizen is assigned to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tilbudstilknytning {
    pub tilbud: Option<ArcStr>,
    pub dato: Option<NaiveDate>,
}

/// A KvalHep form: present with a date, or only marked present (Ja/x).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KvalHep {
    pub dato: Option<NaiveDate>,
}

// Texts read from the list (IDs, offers, ydelser, names) are `ArcStr` (one pointer, reference
// counted): shared, not copied, by the plan's actions and by rows naming the same offer.

/// An active anmodning (the myndighed case) with the forms that follow it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Anmodning {
    pub id: Option<ArcStr>,
    pub anmodningsdato: NaiveDate,
    pub ivaerksaettelsesdato: Option<NaiveDate>,
    pub tilbudstilknytning: Option<Tilbudstilknytning>,
    pub kvalhep: Option<KvalHep>,
    pub source: SourceRef,
}

/// A Ydelse under an Indskrivning.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ydelse {
    pub navn: ArcStr,
    pub startdato: Option<NaiveDate>,
}

/// An active indskrivning at one of the kommune's own offers (the tilbud case).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Indskrivning {
    pub id: Option<ArcStr>,
    pub tilbud: Option<ArcStr>,
    pub indskrivningsdato: NaiveDate,
    pub ydelser: Vec<Ydelse>,
    pub source: SourceRef,
}

/// The caseworker's decision that a case is forgotten (glemt): still active in SMDB but no
/// longer in treatment. Such a case is closed with its real end dates in every model (guide §3,
/// item 1): the tilbud part (ydelse, indskrivning) on the udskrivningsdato, the myndighed part
/// (tilbudstilknytning, behandling) on the afslutningsdato, with its afslutningsårsag. One
/// `slutdato` serves both where they are not given apart.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "DecisionFields", into = "DecisionFields")]
pub struct Decision {
    pub glemt: bool,
    pub slutdato: Option<NaiveDate>,
    /// The end dates of the parts apart, and the reason: rare, so held apart (a list of a
    /// national size keeps one decision per citizen).
    pub ends: Option<Box<Ends>>,
}

/// A forgotten case's end dates per part and its afslutningsårsag, where given.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Ends {
    pub udskrivningsdato: Option<NaiveDate>,
    pub afslutningsdato: Option<NaiveDate>,
    pub afslutningsaarsag: Option<String>,
}

/// [`Decision`] as stored (state files, the progress store): one flat object.
#[derive(Clone, Default, Serialize, Deserialize)]
struct DecisionFields {
    glemt: bool,
    slutdato: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    udskrivningsdato: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    afslutningsdato: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    afslutningsaarsag: Option<String>,
}

impl From<DecisionFields> for Decision {
    fn from(f: DecisionFields) -> Decision {
        Decision::with_ends(
            f.glemt,
            f.slutdato,
            Ends {
                udskrivningsdato: f.udskrivningsdato,
                afslutningsdato: f.afslutningsdato,
                afslutningsaarsag: f.afslutningsaarsag,
            },
        )
    }
}

impl From<Decision> for DecisionFields {
    fn from(d: Decision) -> DecisionFields {
        let ends = d.ends.map(|e| *e).unwrap_or_default();
        DecisionFields {
            glemt: d.glemt,
            slutdato: d.slutdato,
            udskrivningsdato: ends.udskrivningsdato,
            afslutningsdato: ends.afslutningsdato,
            afslutningsaarsag: ends.afslutningsaarsag,
        }
    }
}

impl Decision {
    /// A decision with end dates per part (held only when any is given).
    pub fn with_ends(glemt: bool, slutdato: Option<NaiveDate>, ends: Ends) -> Decision {
        let any = ends != Ends::default();
        Decision {
            glemt,
            slutdato,
            ends: any.then(|| Box::new(ends)),
        }
    }

    pub fn udskrivningsdato(&self) -> Option<NaiveDate> {
        self.ends.as_ref().and_then(|e| e.udskrivningsdato)
    }

    pub fn afslutningsdato(&self) -> Option<NaiveDate> {
        self.ends.as_ref().and_then(|e| e.afslutningsdato)
    }

    pub fn afslutningsaarsag(&self) -> Option<&str> {
        self.ends
            .as_ref()
            .and_then(|e| e.afslutningsaarsag.as_deref())
    }

    /// The end dates per part and the reason, to fill in.
    pub fn ends_mut(&mut self) -> &mut Ends {
        self.ends.get_or_insert_with(Box::default)
    }

    /// The real end date of the part a form belongs to: the udskrivningsdato for the tilbud
    /// part, the afslutningsdato for the myndighed part, else the one end date.
    pub fn end_of(&self, part: Part) -> Option<NaiveDate> {
        match part {
            Part::Tilbud => self.udskrivningsdato(),
            Part::Myndighed => self.afslutningsdato(),
        }
        .or(self.slutdato)
    }
}

/// A CPR warning kept with the citizen (the row is used, but a person should look).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CprWarning {
    pub class: CprClass,
    pub source: SourceRef,
}

/// One citizen: every active row of the list with this CPR, joined.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Citizen {
    pub cpr: Cpr,
    pub cpr_class: CprClass,
    pub name: Option<ArcStr>,
    pub anmodninger: Vec<Anmodning>,
    pub indskrivninger: Vec<Indskrivning>,
    /// The decision read from the list's own `glemt`/`slutdato` columns, if any.
    pub decision: Decision,
}

impl Citizen {
    pub fn new(cpr: Cpr, cpr_class: CprClass) -> Citizen {
        Citizen {
            cpr,
            cpr_class,
            name: None,
            anmodninger: Vec::new(),
            indskrivninger: Vec::new(),
            decision: Decision::default(),
        }
    }

    /// Every start date of the citizen's active forms (for checking a forgotten case's end).
    pub fn start_dates(&self) -> impl Iterator<Item = NaiveDate> + '_ {
        let a = self.anmodninger.iter().flat_map(|a| {
            [
                Some(a.anmodningsdato),
                a.ivaerksaettelsesdato,
                a.tilbudstilknytning.as_ref().and_then(|t| t.dato),
                a.kvalhep.as_ref().and_then(|k| k.dato),
            ]
            .into_iter()
            .flatten()
        });
        let i = self.indskrivninger.iter().flat_map(|i| {
            std::iter::once(i.indskrivningsdato).chain(i.ydelser.iter().filter_map(|y| y.startdato))
        });
        a.chain(i)
    }
}

#[cfg(test)]
mod tests {
    use super::Form;

    #[test]
    fn the_orders_of_forms_agree_with_each_other() {
        // Registration runs the deletion backwards, with KvalHep last in both.
        let mut back = Form::DELETE_ORDER;
        back[..5].reverse();
        assert_eq!(back, Form::REGISTER_ORDER);
        // Every form but the close of the case is deleted and registered; only the close is
        // never deleted.
        for f in Form::ALL {
            assert_eq!(f.delete_rank().is_none(), f == Form::Behandling, "{f:?}");
            assert_eq!(f.register_rank().is_none(), f == Form::Behandling, "{f:?}");
        }
        // Closing runs in the deletion's order, then the anmodning's case.
        let closed: Vec<Form> = Form::CLOSE_ORDER.iter().map(|c| c.closes()).collect();
        let in_delete_order: Vec<Form> = Form::DELETE_ORDER
            .into_iter()
            .filter(|f| f.is_closed())
            .collect();
        assert_eq!(closed, in_delete_order);
        assert!(!Form::Ivaerksaettelse.is_closed() && !Form::KvalHep.is_closed());
        assert_eq!(Form::Behandling.closes(), Form::Anmodning);
    }
}

//! The domain: citizens, their SMDB cases and forms, CPR numbers and dates. No I/O.

pub mod cpr;
pub mod date;

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

/// The SMDB forms (skemaer) a plan acts on. The order of the variants is the reporting order of
/// the new-system registrations in model 2 (guide §4 a–f, with Behandling closing a case).
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
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tilbudstilknytning {
    pub tilbud: Option<ArcStr>,
    pub dato: Option<NaiveDate>,
}

/// A KvalHep form: present with a date, or only marked present (Ja/x).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KvalHep {
    pub dato: Option<NaiveDate>,
}

// Texts read from the list (IDs, offers, ydelser, names) are `ArcStr` (one pointer, reference
// counted): shared, not copied, by the plan's actions and by rows naming the same offer.

/// An active anmodning (the myndighed case) with the forms that follow it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Anmodning {
    pub id: Option<ArcStr>,
    pub anmodningsdato: NaiveDate,
    pub ivaerksaettelsesdato: Option<NaiveDate>,
    pub tilbudstilknytning: Option<Tilbudstilknytning>,
    pub kvalhep: Option<KvalHep>,
    pub source: SourceRef,
}

/// A Ydelse under an Indskrivning.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ydelse {
    pub navn: ArcStr,
    pub startdato: Option<NaiveDate>,
}

/// An active indskrivning at one of the kommune's own offers (the tilbud case).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Indskrivning {
    pub id: Option<ArcStr>,
    pub tilbud: Option<ArcStr>,
    pub indskrivningsdato: NaiveDate,
    pub ydelser: Vec<Ydelse>,
    pub source: SourceRef,
}

/// The caseworker's decision that a case is forgotten (glemt): still active in SMDB but no
/// longer in treatment. Such a case is closed with its real end date in every model.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    pub glemt: bool,
    pub slutdato: Option<NaiveDate>,
}

/// A CPR warning kept with the citizen (the row is used, but a person should look).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CprWarning {
    pub class: CprClass,
    pub source: SourceRef,
}

/// One citizen: every active row of the list with this CPR, joined.
#[derive(Clone, Debug, PartialEq, Eq)]
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

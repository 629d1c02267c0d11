//! The fields the reader knows: stable keys, labels and column aliases.

use super::header::normalise;

/// A field the reader knows, with its column aliases.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    Cpr,
    Name,
    AnmodningId,
    Anmodningsdato,
    Ivaerksaettelsesdato,
    Tilbud,
    Tilknytningsdato,
    KvalHep,
    IndskrivningId,
    Indskrivningsdato,
    Ydelse,
    YdelseStartdato,
    Glemt,
    Slutdato,
    /// A forgotten case's real end of the tilbud part (ydelse, indskrivning).
    Udskrivningsdato,
    /// A forgotten case's real end of the myndighed part (tilbudstilknytning, behandling).
    Afslutningsdato,
    /// A forgotten case's afslutningsårsag.
    Afslutningsaarsag,
}

impl Field {
    pub const ALL: [Field; 17] = [
        Field::Cpr,
        Field::Name,
        Field::AnmodningId,
        Field::Anmodningsdato,
        Field::Ivaerksaettelsesdato,
        Field::Tilbud,
        Field::Tilknytningsdato,
        Field::KvalHep,
        Field::IndskrivningId,
        Field::Indskrivningsdato,
        Field::Ydelse,
        Field::YdelseStartdato,
        Field::Glemt,
        Field::Slutdato,
        Field::Udskrivningsdato,
        Field::Afslutningsdato,
        Field::Afslutningsaarsag,
    ];

    /// The number of fields, for per-field tables.
    pub(crate) const COUNT: usize = Field::ALL.len();

    /// The position of the field in [`Field::ALL`].
    pub(crate) fn index(self) -> usize {
        self as usize
    }

    /// The stable machine key (`--column KEY=...`, JSON).
    pub fn key(self) -> &'static str {
        match self {
            Field::Cpr => "cpr",
            Field::Name => "name",
            Field::AnmodningId => "anmodning_id",
            Field::Anmodningsdato => "anmodningsdato",
            Field::Ivaerksaettelsesdato => "ivaerksaettelsesdato",
            Field::Tilbud => "tilbud",
            Field::Tilknytningsdato => "tilknytningsdato",
            Field::KvalHep => "kvalhep",
            Field::IndskrivningId => "indskrivning_id",
            Field::Indskrivningsdato => "indskrivningsdato",
            Field::Ydelse => "ydelse",
            Field::YdelseStartdato => "ydelse_startdato",
            Field::Glemt => "glemt",
            Field::Slutdato => "slutdato",
            Field::Udskrivningsdato => "udskrivningsdato",
            Field::Afslutningsdato => "afslutningsdato",
            Field::Afslutningsaarsag => "afslutningsaarsag",
        }
    }

    /// Finds a field by its key or a natural spelling of it: `ivaerksaettelsesdato`,
    /// `Iværksættelsesdato`, `iværksat`, `navn`, `name`, `anmodning-id`, `end_date`, ...
    /// Compared after the header normalisation.
    pub fn from_key(text: &str) -> Option<Field> {
        let n = normalise(text);
        if n.is_empty() {
            return None;
        }
        Field::ALL.into_iter().find(|f| {
            normalise(f.key()) == n
                || f.aliases().contains(&n.as_str())
                || f.english_names().contains(&n.as_str())
        })
    }

    /// The column's name as SMDB and the Aktivliste write it (the same in Danish and English).
    pub fn label(self) -> &'static str {
        match self {
            Field::Cpr => "CPR",
            Field::Name => "Navn",
            Field::AnmodningId => "Anmodnings-ID",
            Field::Anmodningsdato => "Anmodningsdato",
            Field::Ivaerksaettelsesdato => "Iværksættelsesdato",
            Field::Tilbud => "Tilbud",
            Field::Tilknytningsdato => "Tilknytningsdato",
            Field::KvalHep => "KvalHep",
            Field::IndskrivningId => "Indskrivnings-ID",
            Field::Indskrivningsdato => "Indskrivningsdato",
            Field::Ydelse => "Ydelse",
            Field::YdelseStartdato => "Ydelse startdato",
            Field::Glemt => "Glemt",
            Field::Slutdato => "Slutdato",
            Field::Udskrivningsdato => "Udskrivningsdato",
            Field::Afslutningsdato => "Afslutningsdato",
            Field::Afslutningsaarsag => "Afslutningsårsag",
        }
    }

    /// Whether the field holds a date (a number cell in it is an Excel serial).
    pub fn is_date(self) -> bool {
        matches!(
            self,
            Field::Anmodningsdato
                | Field::Ivaerksaettelsesdato
                | Field::Tilknytningsdato
                | Field::Indskrivningsdato
                | Field::YdelseStartdato
                | Field::Slutdato
                | Field::Udskrivningsdato
                | Field::Afslutningsdato
        )
    }

    /// Column header aliases, already normalised (see [`normalise`]).
    pub fn aliases(self) -> &'static [&'static str] {
        match self {
            Field::Cpr => &[
                "cpr",
                "cprnr",
                "cprnummer",
                "cprno",
                "personnummer",
                "personnr",
                "borgercpr",
                "borgerscpr",
                "cprborger",
                "cprnrborger",
            ],
            Field::Name => &[
                "navn",
                "borger",
                "borgernavn",
                "borgersnavn",
                "fuldtnavn",
                "fuldenavn",
                "borgerensnavn",
            ],
            Field::AnmodningId => &[
                "anmodningid",
                "anmodningsid",
                "anmodningnr",
                "anmodningsnr",
                "anmodningsnummer",
                "sagsid",
                "sagid",
                "sagsnr",
                "sagsnummer",
            ],
            Field::Anmodningsdato => &[
                "anmodningsdato",
                "anmodningdato",
                "datoforanmodning",
                "anmodningsdag",
                "anmodet",
                "anmodetdato",
            ],
            Field::Ivaerksaettelsesdato => &[
                "ivaerksaettelsesdato",
                "ivaerksaettelsedato",
                "ivaerksaettelse",
                "ivaerksat",
                "ivaerksatdato",
                "ivaerksatbehandling",
                "datoforivaerksaettelse",
                "behandlingsstart",
                "behandlingstart",
                "behandlingsstartdato",
                "startdatobehandling",
            ],
            Field::Tilbud => &[
                "tilbud",
                "tilbudsnavn",
                "tilbudnavn",
                "tilknyttettilbud",
                "behandlingstilbud",
                "behandlingssted",
            ],
            Field::Tilknytningsdato => &[
                "tilknytningsdato",
                "tilknytningdato",
                "tilbudstilknytningsdato",
                "tilbudstilknytningdato",
                "tilknyttetdato",
                "datofortilknytning",
                "datofortilbudstilknytning",
            ],
            Field::KvalHep => &[
                "kvalhep",
                "kvalhepdato",
                "kvalhepskema",
                "kvalitetsskemahep",
                "kvalhepudfyldt",
            ],
            Field::IndskrivningId => &[
                "indskrivningid",
                "indskrivningsid",
                "indskrivningnr",
                "indskrivningsnr",
                "indskrivningsnummer",
            ],
            Field::Indskrivningsdato => &[
                "indskrivningsdato",
                "indskrivningdato",
                "indskrevet",
                "indskrevetdato",
                "datoforindskrivning",
            ],
            Field::Ydelse => &[
                "ydelse",
                "ydelser",
                "ydelsestype",
                "ydelsestyper",
                "ydelsetype",
                "ydelsesnavn",
            ],
            Field::YdelseStartdato => &[
                "ydelsestartdato",
                "ydelsesstartdato",
                "ydelsestart",
                "ydelsesstart",
                "ydelsesdato",
                "ydelsedato",
                "startdatoydelse",
                "startdatoforydelse",
            ],
            Field::Glemt => &[
                "glemt",
                "glemtsag",
                "glemtesag",
                "glemtjanej",
                "glemtesager",
            ],
            Field::Slutdato => &["faktiskslutdato", "slutdato", "reelslutdato"],
            Field::Udskrivningsdato => &[
                "udskrivningsdato",
                "udskrivningdato",
                "faktiskudskrivningsdato",
                "udskrevet",
                "udskrevetdato",
            ],
            Field::Afslutningsdato => &[
                "afslutningsdato",
                "afslutningdato",
                "faktiskafslutningsdato",
                "afsluttet",
                "afsluttetdato",
            ],
            Field::Afslutningsaarsag => &[
                "afslutningsaarsag",
                "afslutningaarsag",
                "aarsagtilafslutning",
            ],
        }
    }

    /// English spellings accepted by [`Field::from_key`] (not used as column aliases).
    fn english_names(self) -> &'static [&'static str] {
        match self {
            Field::Cpr => &["cprnumber"],
            Field::Name => &["name", "citizen"],
            Field::AnmodningId => &["requestid"],
            Field::Anmodningsdato => &["requestdate"],
            Field::Ivaerksaettelsesdato => &["startdate", "treatmentstart"],
            Field::Tilbud => &["offer"],
            Field::Tilknytningsdato => &["assignmentdate"],
            Field::KvalHep => &[],
            Field::IndskrivningId => &["enrolmentid", "enrollmentid"],
            Field::Indskrivningsdato => &["enrolmentdate", "enrollmentdate"],
            Field::Ydelse => &["service", "services"],
            Field::YdelseStartdato => &["servicestart", "servicestartdate"],
            Field::Glemt => &["forgotten"],
            Field::Slutdato => &["enddate"],
            Field::Udskrivningsdato => &["dischargedate"],
            Field::Afslutningsdato => &["closedate", "closingdate"],
            Field::Afslutningsaarsag => &["closereason", "closingreason"],
        }
    }

    /// The field whose alias the normalised header is, if any.
    pub(crate) fn from_alias(normalised: &str) -> Option<Field> {
        Field::ALL
            .into_iter()
            .find(|f| f.aliases().contains(&normalised))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip_and_index_matches_all() {
        for (i, f) in Field::ALL.into_iter().enumerate() {
            assert_eq!(f.index(), i);
            assert_eq!(Field::from_key(f.key()), Some(f));
            assert_eq!(Field::from_key(f.label()), Some(f), "{}", f.label());
        }
    }

    #[test]
    fn natural_spellings() {
        assert_eq!(
            Field::from_key("Iværksættelsesdato"),
            Some(Field::Ivaerksaettelsesdato)
        );
        assert_eq!(Field::from_key("navn"), Some(Field::Name));
        assert_eq!(Field::from_key("anmodning-id"), Some(Field::AnmodningId));
        assert_eq!(
            Field::from_key("ydelse-startdato"),
            Some(Field::YdelseStartdato)
        );
        assert_eq!(Field::from_key("end_date"), Some(Field::Slutdato));
        assert_eq!(Field::from_key("KvalHep"), Some(Field::KvalHep));
        assert_eq!(Field::from_key("cpr-nr"), Some(Field::Cpr));
        assert_eq!(Field::from_key("nothing"), None);
        assert_eq!(Field::from_key(""), None);
    }

    #[test]
    fn every_alias_is_normalised_and_unique() {
        let mut seen = std::collections::HashMap::new();
        for f in Field::ALL {
            for a in f.aliases() {
                assert_eq!(normalise(a), *a, "alias {a} is not normalised");
                assert!(seen.insert(*a, f).is_none(), "alias {a} is used twice");
            }
        }
    }
}

//! Header names: normalisation, matching against aliases and explicit mappings, and finding
//! the header row below title rows and notes.

use super::Field;
use super::cell::Cell;
use crate::domain::date::DateSystem;

/// How many rows from the top of a sheet the header may be in.
pub(crate) const HEADER_SEARCH_ROWS: u32 = 30;

/// A header name compared by what it says: trimmed, lower-case, æ→ae ø→oe å→aa, and nothing but
/// letters and digits ("CPR-nr." ≡ "cprnr", "Iværksat dato" ≡ "ivaerksatdato").
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.trim().chars().flat_map(char::to_lowercase) {
        match c {
            'æ' | 'ä' => out.push_str("ae"),
            'ø' | 'ö' => out.push_str("oe"),
            'å' => out.push_str("aa"),
            'é' | 'è' => out.push('e'),
            'ü' => out.push_str("ue"),
            c if c.is_alphanumeric() => out.push(c),
            _ => {}
        }
    }
    out
}

/// Maps header names to fields: explicit mappings first, then the aliases of the fields that
/// are not explicitly mapped.
#[derive(Clone, Debug, Default)]
pub(crate) struct Matcher {
    /// `(field, normalised header)`.
    explicit: Vec<(Field, String)>,
}

impl Matcher {
    pub(crate) fn new(columns: &[(Field, String)]) -> Matcher {
        Matcher {
            explicit: columns
                .iter()
                .map(|(f, h)| (*f, normalise(h)))
                .filter(|(_, h)| !h.is_empty())
                .collect(),
        }
    }

    /// The field a header names, if any.
    pub(crate) fn field_of(&self, header: &str) -> Option<Field> {
        let n = normalise(header);
        if n.is_empty() {
            return None;
        }
        if let Some((f, _)) = self.explicit.iter().find(|(_, h)| *h == n) {
            return Some(*f);
        }
        Field::from_alias(&n).filter(|f| !self.explicit.iter().any(|(e, _)| e == f))
    }

    /// The number of distinct fields a row's text cells name.
    pub(crate) fn score(&self, cells: &[Cell<'_>]) -> usize {
        let mut seen = [false; Field::COUNT];
        let mut n = 0;
        for c in cells {
            if let Cell::Text(t) = c
                && let Some(f) = self.field_of(t)
                && !seen[f.index()]
            {
                seen[f.index()] = true;
                n += 1;
            }
        }
        n
    }

    /// The header this row is, if it names at least two known fields.
    pub(crate) fn header(&self, row: u32, cells: &[Cell<'_>]) -> Option<Header> {
        if self.score(cells) < 2 {
            return None;
        }
        Some(Header::build(self, row, cells))
    }
}

/// A sheet's header row: which column holds which field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Header {
    /// Row number as the spreadsheet shows it.
    pub(crate) row: u32,
    /// The column of each field, indexed by [`Field::index`].
    columns: [Option<usize>; Field::COUNT],
    /// Every header cell's text, by column (empty where the header cell is empty).
    pub(crate) names: Vec<String>,
    /// Which header became which field, in column order.
    pub(crate) mapping: Vec<(Field, String)>,
    /// Header cells that are not used.
    pub(crate) unused: Vec<String>,
    /// The workbook's date system, for the serial numbers in its date columns.
    pub(crate) dates: DateSystem,
}

impl Header {
    fn build(matcher: &Matcher, row: u32, cells: &[Cell<'_>]) -> Header {
        let mut columns = [None; Field::COUNT];
        let mut names = Vec::with_capacity(cells.len());
        let mut mapping = Vec::new();
        let mut unused = Vec::new();
        for (i, cell) in cells.iter().enumerate() {
            let name = match cell {
                Cell::Empty => String::new(),
                other => other.display(),
            };
            if !name.is_empty() {
                match matcher.field_of(&name) {
                    Some(f) if columns[f.index()].is_none() => {
                        columns[f.index()] = Some(i);
                        mapping.push((f, name.clone()));
                    }
                    _ => unused.push(name.clone()),
                }
            }
            names.push(name);
        }
        Header {
            row,
            columns,
            names,
            mapping,
            unused,
            dates: DateSystem::default(),
        }
    }

    /// The column holding a field.
    pub(crate) fn column(&self, field: Field) -> Option<usize> {
        self.columns[field.index()]
    }

    pub(crate) fn has(&self, field: Field) -> bool {
        self.column(field).is_some()
    }

    /// The cell of a field in a row (empty when the column is absent or the row is short).
    pub(crate) fn cell<'a>(&self, cells: &[Cell<'a>], field: Field) -> Cell<'a> {
        self.column(field)
            .and_then(|i| cells.get(i).copied())
            .unwrap_or(Cell::Empty)
    }

    /// The header text of a field's column as the file writes it, for messages.
    pub(crate) fn name_of(&self, field: Field) -> String {
        self.column(field)
            .and_then(|i| self.names.get(i))
            .cloned()
            .unwrap_or_else(|| field.label().to_string())
    }

    /// Whether a data row repeats this header (an export that pasted two lists together): at
    /// least two cells name the field of their own column.
    pub(crate) fn is_repeated_in(&self, matcher: &Matcher, cells: &[Cell<'_>]) -> bool {
        let mut hits = 0;
        for (field, _) in &self.mapping {
            if let Some(Cell::Text(t)) = self.column(*field).and_then(|i| cells.get(i))
                && matcher.field_of(t) == Some(*field)
            {
                hits += 1;
                if hits >= 2 {
                    return true;
                }
            }
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalisation() {
        assert_eq!(normalise(" CPR-nr. "), "cprnr");
        assert_eq!(normalise("Iværksat dato"), "ivaerksatdato");
        assert_eq!(normalise("Iværksættelsesdato"), "ivaerksaettelsesdato");
        assert_eq!(
            normalise("Tilbudstilknytning dato"),
            "tilbudstilknytningdato"
        );
        assert_eq!(normalise("Ø Å Æ"), "oeaaae");
        assert_eq!(normalise("KvalHep-dato"), "kvalhepdato");
        assert_eq!(normalise("Anmodnings-ID"), "anmodningsid");
        assert_eq!(normalise("  "), "");
    }

    /// Every alias in the contract's table, as written there.
    #[test]
    fn contract_aliases() {
        let m = Matcher::default();
        let table: &[(Field, &[&str])] = &[
            (
                Field::Cpr,
                &[
                    "CPR",
                    "CPR-nr",
                    "CPR-nummer",
                    "Personnummer",
                    "Cprnr",
                    "CPR-nr.",
                ],
            ),
            (Field::Name, &["Navn", "Borger", "Borgernavn"]),
            (
                Field::AnmodningId,
                &["Anmodning ID", "Anmodnings-ID", "AnmodningsID", "Sags-ID"],
            ),
            (
                Field::Anmodningsdato,
                &["Anmodningsdato", "Anmodning dato", "Dato for anmodning"],
            ),
            (
                Field::Ivaerksaettelsesdato,
                &[
                    "Iværksættelsesdato",
                    "Iværksat",
                    "Iværksat dato",
                    "Behandlingsstart",
                ],
            ),
            (
                Field::Tilbud,
                &["Tilbud", "Tilbudsnavn", "Tilknyttet tilbud"],
            ),
            (
                Field::Tilknytningsdato,
                &[
                    "Tilknytningsdato",
                    "Tilbudstilknytningsdato",
                    "Tilbudstilknytning dato",
                ],
            ),
            (Field::KvalHep, &["KvalHep", "KvalHep-dato", "KvalHep dato"]),
            (
                Field::IndskrivningId,
                &["Indskrivning ID", "Indskrivnings-ID", "IndskrivningsID"],
            ),
            (
                Field::Indskrivningsdato,
                &["Indskrivningsdato", "Indskrevet", "Indskrivning dato"],
            ),
            (Field::Ydelse, &["Ydelse", "Ydelser", "Ydelsestype"]),
            (
                Field::YdelseStartdato,
                &["Ydelse startdato", "Ydelse start", "Ydelsesdato"],
            ),
            (Field::Glemt, &["Glemt", "Glemt sag"]),
            (Field::Slutdato, &["Faktisk slutdato", "Slutdato"]),
        ];
        for (field, names) in table {
            for name in *names {
                assert_eq!(m.field_of(name), Some(*field), "{name}");
            }
        }
        assert_eq!(m.field_of("Aktivliste for Kommune"), None);
        assert_eq!(m.field_of(""), None);
    }

    #[test]
    fn explicit_mapping_overrides_aliases() {
        let m = Matcher::new(&[(Field::Ivaerksaettelsesdato, "Start-dato".into())]);
        assert_eq!(m.field_of("startdato"), Some(Field::Ivaerksaettelsesdato));
        // The field's own aliases no longer apply: the user said which column it is.
        assert_eq!(m.field_of("Iværksat"), None);
        assert_eq!(m.field_of("CPR"), Some(Field::Cpr));
        // An explicit mapping may take a header that is another field's alias.
        let m = Matcher::new(&[(Field::Name, "Borger CPR".into())]);
        assert_eq!(m.field_of("Borger CPR"), Some(Field::Name));
    }

    #[test]
    fn header_needs_two_known_columns_and_keeps_the_first_of_a_field() {
        let m = Matcher::default();
        assert!(
            m.header(1, &[Cell::Text("CPR"), Cell::Text("Noget")])
                .is_none()
        );
        let h = m
            .header(
                4,
                &[
                    Cell::Text("CPR-nr."),
                    Cell::Empty,
                    Cell::Text("Anmodningsdato"),
                    Cell::Text("Navn"),
                    Cell::Text("Borgernavn"),
                    Cell::Text("Bemærkning"),
                ],
            )
            .unwrap();
        assert_eq!(h.row, 4);
        assert_eq!(h.column(Field::Cpr), Some(0));
        assert_eq!(h.column(Field::Anmodningsdato), Some(2));
        assert_eq!(h.column(Field::Name), Some(3));
        assert_eq!(
            h.mapping,
            vec![
                (Field::Cpr, "CPR-nr.".to_string()),
                (Field::Anmodningsdato, "Anmodningsdato".to_string()),
                (Field::Name, "Navn".to_string()),
            ]
        );
        assert_eq!(h.unused, vec!["Borgernavn", "Bemærkning"]);
        assert_eq!(h.name_of(Field::Anmodningsdato), "Anmodningsdato");
        assert_eq!(h.name_of(Field::Slutdato), "Slutdato");
        assert!(h.is_repeated_in(
            &m,
            &[Cell::Text("CPR"), Cell::Empty, Cell::Text("Anmodning dato")]
        ));
        assert!(!h.is_repeated_in(
            &m,
            &[
                Cell::Text("010190-2000"),
                Cell::Empty,
                Cell::Text("01-01-2025")
            ]
        ));
    }
}

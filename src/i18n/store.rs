//! The words of the progress store's errors.

use super::Localize;
use crate::domain::cpr::mask_in_text;
use crate::lang::Lang;
use crate::store::StoreError;

impl Localize for StoreError {
    fn localize(&self, lang: Lang) -> String {
        let shown = |p: &std::path::Path| mask_in_text(&p.display().to_string());
        match self {
            StoreError::NotAStore(p) => format!(
                "{}: {}",
                lang.pick(
                    "Filen er ikke et skifteplan-lager",
                    "The file is not a skifteplan store"
                ),
                shown(p)
            ),
            StoreError::Newer { path, version } => format!(
                "{} {version}: {}",
                lang.pick(
                    "Lageret er skrevet af en nyere skifteplan, version",
                    "The store was written by a newer skifteplan, version"
                ),
                shown(path)
            ),
            StoreError::Busy(p) => format!(
                "{}: {}",
                lang.pick(
                    "Lageret er optaget af en kollegas ændring; prøv igen om lidt",
                    "The store is busy with a colleague's change; try again in a moment"
                ),
                shown(p)
            ),
            StoreError::OtherList { path, list } => format!(
                "{} {}: {}",
                lang.pick(
                    "Lageret hører til en anden liste,",
                    "The store belongs to another list,"
                ),
                mask_in_text(list),
                shown(path)
            ),
            StoreError::Database { path, detail } => format!(
                "{} {}: {detail}",
                lang.pick("Lageret kan ikke skrives:", "The store cannot be written:"),
                shown(path)
            ),
        }
    }
}

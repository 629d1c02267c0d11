//! The words of what stops a command ([`crate::error::Error`]): files that cannot be read, dates
//! that break the guide's order, outputs that cannot be written together, a missing terminal.
//! Every path shown has anything CPR-like masked.

use super::Localize;
use crate::domain::cpr::mask_in_text;
use crate::domain::date::fmt_dk;
use crate::error::{Error, FileProblem, UsageProblem};
use crate::export::bundle::BundleError;
use crate::facts::{Fact, FactsProblem};
use crate::lang::Lang;

fn shown(path: &std::path::Path) -> String {
    mask_in_text(&path.display().to_string())
}

impl Localize for FileProblem {
    fn localize(&self, lang: Lang) -> String {
        match self {
            FileProblem::Missing => lang.pick("filen findes ikke", "no such file").into(),
            FileProblem::Folder => lang
                .pick("det er en mappe, ikke en fil", "it is a folder, not a file")
                .into(),
            FileProblem::NotAFile => lang
                .pick(
                    "det er ikke en almindelig fil (en pipe eller en enhed?)",
                    "it is not a regular file (a pipe or a device?)",
                )
                .into(),
            FileProblem::NoAccess => lang
                .pick(
                    "ingen adgang til at læse filen",
                    "no permission to read the file",
                )
                .into(),
            FileProblem::TooLarge { bytes } => {
                let mb = bytes.div_ceil(1_000_000);
                let max = crate::input::MAX_BYTES / 1_000_000;
                match lang {
                    Lang::Da => format!(
                        "filen fylder {mb} MB, mere end nogen aktivliste eller plan (højst {max} MB læses)"
                    ),
                    Lang::En => format!(
                        "the file is {mb} MB, larger than any active-case list or plan (at most {max} MB is read)"
                    ),
                }
            }
            FileProblem::Unreadable(kind) => format!(
                "{} ({})",
                lang.pick("filen kan ikke læses", "the file cannot be read"),
                super::io::cause(*kind, lang)
            ),
        }
    }
}

impl FileProblem {
    /// The problem with the file it concerns: "Filen findes ikke: liste.xlsx".
    pub fn at(&self, path: &std::path::Path, lang: Lang) -> String {
        let what = self.localize(lang);
        let mut first = what.chars();
        let capital: String = first
            .next()
            .map(|c| c.to_uppercase().chain(first).collect())
            .unwrap_or_default();
        format!("{capital}: {}", shown(path))
    }
}

impl Localize for FactsProblem {
    fn localize(&self, lang: Lang) -> String {
        match self {
            FactsProblem::GoLiveNotAfterSwitch { .. } => {
                lang.pick("go-live skal ligge efter D", "go-live must be after D")
            }
            FactsProblem::DeadlineBeforeGoLive { .. } => lang.pick(
                "deadline kan ikke ligge før go-live",
                "the deadline cannot be before go-live",
            ),
        }
        .into()
    }
}

impl FactsProblem {
    /// The problem with the dates that make it: "--go-live 31-03-2026: go-live skal ligge efter
    /// D (D = 31-03-2026, go-live 31-03-2026)".
    pub fn with_dates(&self, lang: Lang) -> String {
        let (d, go_live) = self.dates();
        format!(
            "{} {}: {} (D = {}, go-live {})",
            self.fact().flag(),
            fmt_dk(self.date()),
            self.localize(lang),
            fmt_dk(d),
            fmt_dk(go_live)
        )
    }
}

/// A fact's name, for the set-up's fields and for what the e-mail still misses.
impl Localize for Fact {
    fn localize(&self, lang: Lang) -> String {
        match self {
            Fact::Kommune => "Kommune",
            Fact::Vendor => lang.pick("Leverandør", "Vendor"),
            Fact::System => lang.pick("Systemnavn", "System name"),
            Fact::SwitchDate => lang.pick("Skiftedato (D)", "Switch date (D)"),
            Fact::GoLive => lang.pick("Planlagt go-live", "Planned go-live"),
            Fact::Deadline => lang.pick("Deadline", "Deadline"),
        }
        .into()
    }
}

impl Localize for BundleError {
    fn localize(&self, lang: Lang) -> String {
        match self {
            BundleError::SameOutput(p) => format!(
                "{}: {}",
                lang.pick(
                    "to udskrifter ville skrive samme fil",
                    "two outputs would write the same file"
                ),
                shown(p)
            ),
            BundleError::Export(e) => e.message(lang),
            BundleError::Cancelled => super::ui::T::ExportCancelled.get(lang).into(),
            BundleError::PartlyWritten { written, error } => {
                let files: Vec<String> = written.iter().map(|p| shown(p)).collect();
                format!(
                    "{} ({} {})",
                    error.message(lang),
                    super::ui::T::WrittenBeforeFailure.get(lang),
                    files.join(", ")
                )
            }
        }
    }
}

impl Localize for UsageProblem {
    fn localize(&self, lang: Lang) -> String {
        match self {
            UsageProblem::FileWithCommand => lang.pick(
                "angiv enten en fil til brugerfladen eller en kommando, ikke begge (se skifteplan --help)",
                "give either a file for the UI or a command, not both (see skifteplan --help)",
            ),
            UsageProblem::UiFlagWithCommand => lang.pick(
                "--state og --light hører til brugerfladen: skriv dem efter 'tui' (skifteplan tui FIL --state STI)",
                "--state and --light belong to the UI: give them after 'tui' (skifteplan tui FILE --state PATH)",
            ),
            UsageProblem::MergeWithoutInitials => lang.pick(
                "merge --apply skal vide, hvem der gemmer ændringerne: angiv dine initialer med --by INITIALER",
                "merge --apply must know who records the changes: give your initials with --by INITIALS",
            ),
            UsageProblem::NameNotOneLine(fact) => {
                return format!(
                    "{}: {}",
                    fact.flag(),
                    lang.pick(
                        "navnet skal være én linje uden linjeskift, styretegn eller usynlige tegn (det står i e-mailens emnelinje og tekst)",
                        "the name must be one line, without line breaks, control or invisible characters (it goes into the e-mail's subject and text)",
                    )
                );
            }
        }
        .into()
    }
}

impl Localize for Error {
    fn localize(&self, lang: Lang) -> String {
        match self {
            Error::File { path, problem } => problem.at(path, lang),
            Error::List(e) => e.message(lang),
            Error::Plan { path, error } => {
                format!("{}: {}", shown(path), error.message(lang))
            }
            Error::Export(e) => e.message(lang),
            Error::Bundle(e) => e.localize(lang),
            Error::Facts(p) => p.with_dates(lang),
            Error::ReasonText(p) => p.localize(lang),
            Error::ConfirmNeedsModelOne(model) => {
                crate::review::words::confirm_not_model_one(*model, lang)
            }
            Error::Usage(p) => p.localize(lang),
            Error::NoTerminal => lang
                .pick(
                    "brugerfladen kræver en terminal; uden terminal virker kommandoerne plan, check, notify, confirm, verify og merge (se skifteplan --help)",
                    "the UI needs a terminal; without one, the commands plan, check, notify, confirm, verify and merge work (see skifteplan --help)",
                )
                .into(),
            Error::Open(message) => mask_in_text(message),
            Error::Terminal(kind) => format!(
                "{} ({kind})",
                lang.pick("terminalen svarer ikke", "the terminal does not respond")
            ),
            Error::Stopped(signal) => {
                format!("{} {signal}", super::ui::T::StoppedBySignal.get(lang))
            }
            Error::WorkingFolder(kind) => format!(
                "{} ({kind})",
                lang.pick(
                    "arbejdsmappen kan ikke læses",
                    "the working folder cannot be read"
                )
            ),
            Error::Store(e) => e.localize(lang),
            Error::NoStore(path) => format!(
                "{}: {} {}",
                lang.pick("Intet lager med fremdrift", "No progress store"),
                shown(path),
                lang.pick(
                    "– åbn listen i skifteplan først (skifteplan LISTE) og vælg model og skiftedato, eller angiv lageret med --state STI",
                    "– open the list in skifteplan first (skifteplan LIST) and choose the model and switch date, or give the store with --state PATH",
                )
            ),
            Error::StoreOfAnotherList { store, list } => format!(
                "{} {} {} {}; {}",
                lang.pick("Lageret", "The store"),
                shown(store),
                lang.pick("hører til listen", "belongs to the list"),
                mask_in_text(list),
                lang.pick(
                    "angiv lageret for denne liste med --state STI, eller brug --force for at flette ind alligevel",
                    "give this list's store with --state PATH, or use --force to merge into it anyway",
                )
            ),
            Error::NoSetup(path) => format!(
                "{} {}: {}",
                lang.pick("Lageret", "The store"),
                shown(path),
                lang.pick(
                    "har ingen opsætning endnu – åbn listen i skifteplan og vælg model og skiftedato først",
                    "has no set-up yet – open the list in skifteplan and choose the model and switch date first",
                )
            ),
            Error::Output(kind) => format!(
                "{} ({})",
                lang.pick("kan ikke skrive udskriften", "cannot write the output"),
                super::io::cause(*kind, lang)
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn a_missing_file_is_worded_once_with_its_path_masked() {
        let e = Error::file(
            Path::new("/data/010190-1234 liste.xlsx"),
            FileProblem::Missing,
        );
        assert_eq!(
            e.localize(Lang::Da),
            "Filen findes ikke: /data/010190-xxxx liste.xlsx"
        );
        assert_eq!(
            e.localize(Lang::En),
            "No such file: /data/010190-xxxx liste.xlsx"
        );
    }

    #[test]
    fn a_folder_is_not_called_a_missing_file() {
        let e = Error::file(Path::new("sample-data"), FileProblem::Folder);
        assert_eq!(
            e.localize(Lang::Da),
            "Det er en mappe, ikke en fil: sample-data"
        );
    }

    #[test]
    fn a_date_problem_names_the_flag_and_the_dates() {
        let d = chrono::NaiveDate::from_ymd_opt(2026, 3, 31).expect("date");
        let p = FactsProblem::GoLiveNotAfterSwitch { go_live: d, d };
        assert_eq!(
            p.with_dates(Lang::Da),
            "--go-live 31-03-2026: go-live skal ligge efter D (D = 31-03-2026, go-live 31-03-2026)"
        );
        let go_live = d.succ_opt().expect("date");
        let p = FactsProblem::DeadlineBeforeGoLive {
            deadline: d,
            go_live,
            d,
        };
        assert_eq!(
            p.with_dates(Lang::En),
            "--deadline 31-03-2026: the deadline cannot be before go-live (D = 31-03-2026, go-live 01-04-2026)"
        );
    }
}

//! Every text of what stops a command (the error enum at the edge, its file, usage and date
//! problems, the bundle's errors, the switch's facts), in both languages.

use std::io::ErrorKind;
use std::path::PathBuf;

use super::{Texts, d};
use crate::aktivliste::LoadError;
use crate::error::{Error, FileProblem, UsageProblem};
use crate::export::ExportError;
use crate::export::bundle::BundleError;
use crate::facts::{Fact, FactsProblem};
use crate::plan::Model;
use crate::review::read::ReadError;
use crate::store::StoreError;

#[test]
fn every_error_at_the_edge_in_both_languages() {
    let mut t = Texts::default();
    let p = || PathBuf::from("plan.xlsx");
    let file_problems = every!(FileProblem {
        FileProblem::Missing => FileProblem::Missing,
        FileProblem::Folder => FileProblem::Folder,
        FileProblem::NotAFile => FileProblem::NotAFile,
        FileProblem::NoAccess => FileProblem::NoAccess,
        FileProblem::TooLarge { .. } => FileProblem::TooLarge { bytes: 201_000_000 },
        FileProblem::Unreadable(_) => FileProblem::Unreadable(ErrorKind::Interrupted),
    });
    t.localized(&file_problems);
    let facts_problems = every!(FactsProblem {
        FactsProblem::GoLiveNotAfterSwitch { .. } => FactsProblem::GoLiveNotAfterSwitch {
            go_live: d(2026, 3, 1),
            d: d(2026, 3, 31),
        },
        FactsProblem::DeadlineBeforeGoLive { .. } => FactsProblem::DeadlineBeforeGoLive {
            deadline: d(2026, 3, 1),
            go_live: d(2026, 4, 1),
            d: d(2026, 3, 31),
        },
    });
    t.localized(&facts_problems);
    for problem in &facts_problems {
        t.add(format!("with_dates({problem:?})"), |lang| {
            problem.with_dates(lang)
        });
    }
    t.localized(&every!(Fact {
        Fact::Kommune => Fact::Kommune,
        Fact::Vendor => Fact::Vendor,
        Fact::System => Fact::System,
        Fact::SwitchDate => Fact::SwitchDate,
        Fact::GoLive => Fact::GoLive,
        Fact::Deadline => Fact::Deadline,
    }));
    let usage = every!(UsageProblem {
        UsageProblem::FileWithCommand => UsageProblem::FileWithCommand,
        UsageProblem::UiFlagWithCommand => UsageProblem::UiFlagWithCommand,
        UsageProblem::MergeWithoutInitials => UsageProblem::MergeWithoutInitials,
        UsageProblem::NameNotOneLine(_) => UsageProblem::NameNotOneLine(Fact::Kommune),
    });
    t.localized(&usage);
    t.localized(&every!(BundleError {
        BundleError::SameOutput(_) => BundleError::SameOutput(p()),
        BundleError::Export(_) => BundleError::Export(ExportError::NotAPlan),
        BundleError::Cancelled => BundleError::Cancelled,
        BundleError::PartlyWritten { .. } => BundleError::PartlyWritten {
            written: vec![p()],
            error: ExportError::IsADirectory(PathBuf::from("plan.json")),
        },
    }));
    t.localized(&every!(StoreError {
        StoreError::NotAStore(_) => StoreError::NotAStore(p()),
        StoreError::Newer { .. } => StoreError::Newer { path: p(), version: 2 },
        StoreError::Busy(_) => StoreError::Busy(p()),
        StoreError::OtherList { .. } => StoreError::OtherList {
            path: p(),
            list: "anden.xlsx".into(),
        },
        StoreError::Database { .. } => StoreError::Database {
            path: p(),
            detail: "disk I/O error".into(),
        },
    }));
    t.localized(&every!(Error {
        Error::File { .. } => Error::file(&p(), FileProblem::Folder),
        Error::List(_) => Error::List(LoadError::NotFound(p())),
        Error::Plan { .. } => Error::Plan { path: p(), error: ReadError::NotAPlan },
        Error::Export(_) => Error::Export(ExportError::SameAsInput(p())),
        Error::Bundle(_) => Error::Bundle(BundleError::SameOutput(p())),
        Error::Facts(_) => Error::Facts(facts_problems[0]),
        Error::ReasonText(_) => Error::ReasonText(crate::plan::ReasonTextProblem::Empty),
        Error::ConfirmNeedsModelOne(_) => Error::ConfirmNeedsModelOne(Model::Two),
        Error::Usage(_) => Error::Usage(UsageProblem::FileWithCommand),
        Error::NoTerminal => Error::NoTerminal,
        Error::Open(_) => Error::Open("liste.xlsx".into()),
        Error::Terminal(_) => Error::Terminal(ErrorKind::BrokenPipe),
        Error::Stopped(_) => Error::Stopped("SIGTERM"),
        Error::WorkingFolder(_) => Error::WorkingFolder(ErrorKind::NotFound),
        Error::Output(_) => Error::Output(ErrorKind::BrokenPipe),
        Error::Store(_) => Error::Store(StoreError::Busy(p())),
        Error::NoStore(_) => Error::NoStore(p()),
        Error::StoreOfAnotherList { .. } => Error::StoreOfAnotherList {
            store: p(),
            list: "anden.xlsx".into(),
        },
        Error::NoSetup(_) => Error::NoSetup(p()),
    }));
    for problem in &file_problems {
        t.add(format!("File({problem:?}) at"), |lang| {
            problem.at(&p(), lang)
        });
    }
    t.check();
}

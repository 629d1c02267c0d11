//! Reads every text of the language layer in both languages: none is empty, and no English text
//! holds Danish beyond the domain words allowed in [`super::danish::ALLOWED`]. Fixed tables are
//! walked through their `ALL`; a type with data is walked through one sample of every variant,
//! and [`every!`] fails to compile when a variant is added without a sample. Review, the
//! e-mail and follow-up are in [`review`].

use std::path::PathBuf;

use chrono::NaiveDate;

use super::Localize;
use super::danish::danish_in;
use crate::aktivliste::{
    Expected, Field, IgnoreReason, LoadError, LoadNote, RejectReason, SpreadsheetProblem,
    WarningKind,
};
use crate::domain::date::DateError;
use crate::domain::{Cpr, CprError, Form, Part};
use crate::export::ExportError;
use crate::lang::Lang;
use crate::plan::{ActionKind, ConflictKind, Model, Note, Status, System};

/// One sample of every variant of `$ty`, each checked to be the variant its pattern names. The
/// `match` without a wildcard makes a new variant a compile error here until it has a sample.
macro_rules! every {
    ($ty:ty { $($pat:pat => $val:expr),+ $(,)? }) => {{
        #[allow(dead_code)]
        fn exhaustive(x: &$ty) {
            match x {
                $($pat => {})+
            }
        }
        let mut all: Vec<$ty> = Vec::new();
        $(
            let v: $ty = $val;
            assert!(matches!(&v, $pat), "{} is not {}", stringify!($val), stringify!($pat));
            all.push(v);
        )+
        all
    }};
}

mod edge;
mod merge;
mod review;

pub(super) fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("a real date")
}

/// Every text a test reads, with a name to point at when one is wrong.
#[derive(Default)]
pub(super) struct Texts(Vec<(String, Lang, String)>);

impl Texts {
    pub(super) fn add(&mut self, name: impl Into<String>, render: impl Fn(Lang) -> String) {
        let name = name.into();
        for lang in [Lang::Da, Lang::En] {
            self.0.push((name.clone(), lang, render(lang)));
        }
    }

    pub(super) fn localized<T: Localize + std::fmt::Debug>(&mut self, items: &[T]) {
        for item in items {
            self.add(format!("{item:?}"), |lang| item.localize(lang));
        }
    }

    /// Fails with every empty text and every English text that holds Danish.
    pub(super) fn check(&self) {
        let mut wrong = Vec::new();
        for (name, lang, text) in &self.0 {
            if text.trim().is_empty() {
                wrong.push(format!("{name} ({lang:?}) is empty"));
            } else if *lang == Lang::En {
                let danish = danish_in(text);
                if !danish.is_empty() {
                    wrong.push(format!("{name}: Danish {danish:?} in English: {text}"));
                }
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }
}

fn cpr() -> Cpr {
    Cpr::parse("010190-2000").expect("a fictitious CPR").0
}

#[test]
fn every_fixed_table_in_both_languages() {
    let mut t = Texts::default();
    for key in super::ui::T::ALL {
        t.add(format!("T::{key:?}"), |lang| key.get(lang).to_string());
    }
    for key in super::cli::C::ALL {
        t.add(format!("C::{key:?}"), |lang| key.get(lang).to_string());
    }
    for (i, label) in super::export::all_labels().into_iter().enumerate() {
        t.add(format!("label {i} {label:?}"), |lang| {
            super::export::label(label, lang).to_string()
        });
    }
    for n in [1, 2] {
        t.add(format!("conflicts_waiting({n})"), |lang| {
            super::cli::conflicts_waiting(n, 1, lang)
        });
    }
    let db = std::path::Path::new("liste.skifteplan.db");
    t.add("ticks_from_store", |lang| {
        super::cli::ticks_from_store(3, 3, db, lang)
    });
    t.add("gone_from_store", |lang| {
        super::cli::gone_from_store(2, lang)
    });
    t.add("ticks_from_store, some of another plan", |lang| {
        super::cli::ticks_from_store(3, 5, db, lang)
    });
    t.add("store_not_used", |lang| {
        super::cli::store_not_used(db, &super::cli::store_of_another_list("x.xlsx", lang), lang)
    });
    t.check();
}

#[test]
fn every_word_of_the_domain_in_both_languages() {
    let mut t = Texts::default();
    t.localized(&Model::ALL);
    t.localized(&Form::ALL);
    t.localized(&ActionKind::ALL);
    t.localized(&every!(System { System::Smdb => System::Smdb, System::Nyt => System::Nyt }));
    t.localized(&every!(Part {
        Part::Myndighed => Part::Myndighed,
        Part::Tilbud => Part::Tilbud,
    }));
    t.localized(&every!(Status {
        Status::Aktiv => Status::Aktiv,
        Status::Glemt => Status::Glemt,
    }));
    for model in Model::ALL {
        for (i, _) in super::domain::model_explanation(model, "Systemskift", Lang::Da)
            .iter()
            .enumerate()
        {
            t.add(format!("model_explanation({model:?})[{i}]"), |lang| {
                super::domain::model_explanation(model, "Systemskifte", lang)[i].clone()
            });
        }
    }
    t.localized(&every!(ConflictKind {
        ConflictKind::FormAfterSwitch { .. } => ConflictKind::FormAfterSwitch {
            form: Form::Ivaerksaettelse,
            date: d(2026, 4, 7),
        },
        ConflictKind::TwoAnmodninger { .. } => ConflictKind::TwoAnmodninger { count: 2 },
        ConflictKind::TwoIndskrivninger { .. } => ConflictKind::TwoIndskrivninger {
            tilbud: Some("Behandlingscenter Nord".into()),
            count: 2,
        },
        ConflictKind::ForgottenWithoutEndDate => ConflictKind::ForgottenWithoutEndDate,
        ConflictKind::ForgottenEndAfterSwitch { .. } => ConflictKind::ForgottenEndAfterSwitch {
            slutdato: d(2026, 4, 2),
        },
        ConflictKind::ForgottenEndBeforeStart { .. } => ConflictKind::ForgottenEndBeforeStart {
            slutdato: d(2025, 1, 2),
            form: Form::Anmodning,
            start: d(2025, 2, 1),
        },
        ConflictKind::AnmodningWithoutIvaerksaettelse =>
            ConflictKind::AnmodningWithoutIvaerksaettelse,
        ConflictKind::MissingOriginalDate { .. } => ConflictKind::MissingOriginalDate {
            form: Form::KvalHep,
        },
    }));
    // A form closed on its own, after D: the other wording.
    t.localized(&[ConflictKind::FormAfterSwitch {
        form: Form::Ydelse,
        date: d(2026, 4, 7),
    }]);
    {
        use crate::domain::resolution::{CaseKey, Choice, Resolution};
        for choice in [
            Choice::KeepCloseOthers,
            Choice::KeepDeleteOthers,
            Choice::Redate,
            Choice::DeleteForm,
            Choice::WebForm,
            Choice::OriginalDate,
        ] {
            let keep = CaseKey::new(Some("A-17"), Some(d(2025, 1, 2)), None);
            let r = Resolution::from_choice(choice, Some(keep), Some(d(2026, 3, 1)));
            let r = r.expect("every choice builds");
            t.add(format!("choice_label({choice:?})"), move |lang| {
                super::domain::choice_label(choice, lang).to_string()
            });
            t.add(format!("resolution_text({choice:?})"), move |lang| {
                super::domain::resolution_text(&r, lang)
            });
        }
        use crate::plan::decide::DecisionProblem;
        t.localized(&every!(DecisionProblem {
            DecisionProblem::NotAChoice => DecisionProblem::NotAChoice,
            DecisionProblem::NoSuchCase => DecisionProblem::NoSuchCase,
            DecisionProblem::YearOutOfRange { .. } => DecisionProblem::YearOutOfRange { year: 2204 },
            DecisionProblem::AfterSwitch { .. } => DecisionProblem::AfterSwitch {
                switch: d(2026, 3, 31),
            },
            DecisionProblem::BeforeStart { .. } => DecisionProblem::BeforeStart {
                start: d(2025, 1, 25),
            },
        }));
        let by_date = CaseKey::new(None, Some(d(2025, 1, 2)), Some("Samtale"));
        t.add("case_label(date)".to_string(), move |lang| {
            super::domain::case_label(&by_date, lang)
        });
    }
    t.localized(&every!(Note {
        Note::DeadlineNeeded => Note::DeadlineNeeded,
        Note::BulkDeletionNeedsConfirmation => Note::BulkDeletionNeedsConfirmation,
        Note::TilbudFormsMayNotApply => Note::TilbudFormsMayNotApply,
        Note::TwoPlacesToMaintain => Note::TwoPlacesToMaintain,
        Note::ReasonTextMatters => Note::ReasonTextMatters,
    }));
    let monday = d(2026, 3, 30);
    for i in 0..7 {
        let day = monday + chrono::Days::new(i);
        t.add(format!("weekday({day})"), |lang| {
            super::ui::weekday(day, lang).to_string()
        });
    }
    t.add("switch_dates", |lang| super::ui::switch_dates(monday, lang));
    t.add("count_of", |lang| super::ui::count_of(3, 120, lang));
    t.add("written", |lang| {
        super::ui::written(std::path::Path::new("plan.xlsx"), lang)
    });
    for action in ActionKind::ALL {
        for system in [System::Smdb, System::Nyt] {
            t.add(format!("step_group({action:?}, {system:?})"), |lang| {
                super::ui::step_group(action, system, lang)
            });
        }
    }
    t.check();
}

#[test]
fn every_message_about_reading_a_list_in_both_languages() {
    let mut t = Texts::default();
    let cpr_errors = every!(CprError {
        CprError::Empty => CprError::Empty,
        CprError::WrongLength => CprError::WrongLength,
        CprError::NotDigits => CprError::NotDigits,
        CprError::InvalidDate => CprError::InvalidDate,
    });
    let date_errors = every!(DateError {
        DateError::Unrecognised => DateError::Unrecognised,
        DateError::TwoDigitYear => DateError::TwoDigitYear,
        DateError::Impossible { .. } => DateError::Impossible { day: 31, month: 2, year: 2025 },
        DateError::SerialOutOfRange => DateError::SerialOutOfRange,
        DateError::YearOutOfRange { .. } => DateError::YearOutOfRange { year: 2204 },
    });
    t.localized(&cpr_errors);
    t.localized(&date_errors);
    t.localized(&every!(Expected {
        Expected::YesNo => Expected::YesNo,
        Expected::DateOrYesNo => Expected::DateOrYesNo,
    }));
    let mut reasons = every!(RejectReason {
        RejectReason::MissingCpr => RejectReason::MissingCpr,
        RejectReason::InvalidCpr(_) => RejectReason::InvalidCpr(CprError::NotDigits),
        RejectReason::MissingDate { .. } => RejectReason::MissingDate {
            column: "Anmodningsdato".into(),
        },
        RejectReason::BadDate { .. } => RejectReason::BadDate {
            column: "Anmodningsdato".into(),
            text: "31-02-2025".into(),
            problem: DateError::TwoDigitYear,
        },
        RejectReason::BadValue { .. } => RejectReason::BadValue {
            column: "KvalHep".into(),
            text: "maybe".into(),
            expected: Expected::DateOrYesNo,
        },
        RejectReason::RepeatedHeader => RejectReason::RepeatedHeader,
        RejectReason::NoteLine => RejectReason::NoteLine,
        RejectReason::DuplicateCpr { .. } => RejectReason::DuplicateCpr { first_row: 4 },
        RejectReason::DecisionMatchesNobody => RejectReason::DecisionMatchesNobody,
        RejectReason::FormulaWithoutValue { .. } => RejectReason::FormulaWithoutValue {
            column: "Anmodningsdato".into(),
            cell: "C5".into(),
        },
        RejectReason::UnreadableCell { .. } => RejectReason::UnreadableCell {
            column: "Anmodningsdato".into(),
            cell: "C5".into(),
            detail: "Unsupported cell type x".into(),
        },
    });
    reasons.extend(cpr_errors.iter().map(|e| RejectReason::InvalidCpr(*e)));
    reasons.extend(date_errors.iter().map(|e| RejectReason::BadDate {
        column: "Indskrivningsdato".into(),
        text: "x".into(),
        problem: e.clone(),
    }));
    t.localized(&reasons);
    t.localized(&every!(IgnoreReason {
        IgnoreReason::Empty => IgnoreReason::Empty,
        IgnoreReason::NoHeader => IgnoreReason::NoHeader,
        IgnoreReason::NoCprColumn => IgnoreReason::NoCprColumn,
        IgnoreReason::NoDateColumn => IgnoreReason::NoDateColumn,
        IgnoreReason::NotFirstSheet => IgnoreReason::NotFirstSheet,
        IgnoreReason::Unreadable(_) => IgnoreReason::Unreadable("chart sheet".into()),
    }));
    t.localized(&every!(WarningKind {
        WarningKind::Mod11Failed { .. } => WarningKind::Mod11Failed { cpr: cpr() },
        WarningKind::Replacement { .. } => WarningKind::Replacement { cpr: cpr() },
        WarningKind::YdelseWithoutIndskrivning => WarningKind::YdelseWithoutIndskrivning,
        WarningKind::EndDateWithoutGlemt => WarningKind::EndDateWithoutGlemt,
        WarningKind::SameCaseOtherDate { .. } => WarningKind::SameCaseOtherDate {
            form: crate::domain::Form::Ivaerksaettelse,
            first_row: 4,
        },
        WarningKind::MappingNotFound { .. } => WarningKind::MappingNotFound {
            field: Field::Name,
            header: "Full name".into(),
        },
    }));
    let rows = crate::aktivliste::HiddenRows {
        count: 12,
        first: vec![3, 5, 8],
    };
    let encoding = |encoding| crate::aktivliste::EncodingNote {
        encoding,
        invalid_bytes: 12,
        danish_letters: 10,
        utf8_chars: 0,
        replaced_rows: vec![4],
        replaced_row_count: 1,
    };
    let mut notes = every!(LoadNote {
        LoadNote::HiddenSheet { .. } => LoadNote::HiddenSheet {
            sheet: "Anmodninger".into(),
            very: false,
        },
        LoadNote::HiddenRows { .. } => LoadNote::HiddenRows {
            sheet: "Anmodninger".into(),
            rows: rows.clone(),
        },
        LoadNote::Encoding(_) => LoadNote::Encoding(encoding(crate::aktivliste::TextEncoding::Windows1252)),
    });
    notes.push(LoadNote::HiddenSheet {
        sheet: "Anmodninger".into(),
        very: true,
    });
    notes.push(LoadNote::HiddenRows {
        sheet: "Anmodninger".into(),
        rows: crate::aktivliste::HiddenRows {
            count: 1,
            first: vec![3],
        },
    });
    notes.push(LoadNote::Encoding(encoding(
        crate::aktivliste::TextEncoding::Utf8,
    )));
    t.localized(&notes);
    let problems = every!(SpreadsheetProblem {
        SpreadsheetProblem::TextFile => SpreadsheetProblem::TextFile,
        SpreadsheetProblem::WrongContent { .. } => SpreadsheetProblem::WrongContent {
            expected: "xlsx",
        },
        SpreadsheetProblem::Encrypted => SpreadsheetProblem::Encrypted,
        SpreadsheetProblem::Damaged(_) => SpreadsheetProblem::Damaged("bad zip".into()),
        SpreadsheetProblem::TooLarge { .. } => SpreadsheetProblem::TooLarge {
            part: "xl/worksheets/sheet1.xml".into(),
            mib: 600,
        },
        SpreadsheetProblem::TooManyCells { .. } => SpreadsheetProblem::TooManyCells {
            sheet: "Sheet1".into(),
            rows: 1_048_576,
            columns: 100,
        },
        SpreadsheetProblem::RowsOutOfOrder { .. } => SpreadsheetProblem::RowsOutOfOrder {
            sheet: "Sheet1".into(),
            row: 3,
            after: 5,
        },
        SpreadsheetProblem::CellsOutOfOrder { .. } => SpreadsheetProblem::CellsOutOfOrder {
            sheet: "Sheet1".into(),
            cell: "C2".into(),
            after: "D2".into(),
        },
        SpreadsheetProblem::DuplicatePart { .. } => SpreadsheetProblem::DuplicatePart {
            part: "xl/worksheets/sheet1.xml".into(),
        },
    });
    t.localized(&problems);
    let p = || PathBuf::from("list.xlsx");
    t.localized(&every!(LoadError {
        LoadError::NotFound(_) => LoadError::NotFound(p()),
        LoadError::Locked(_) => LoadError::Locked(p()),
        LoadError::UnsupportedType(_) => LoadError::UnsupportedType(p()),
        LoadError::NotASpreadsheet { .. } => LoadError::NotASpreadsheet {
            path: p(),
            detail: SpreadsheetProblem::Encrypted,
        },
        LoadError::Empty(_) => LoadError::Empty(p()),
        LoadError::NoHeader(_) => LoadError::NoHeader(p()),
        LoadError::NoDecisionColumns(_) => LoadError::NoDecisionColumns(p()),
        LoadError::NoCprColumn { .. } => LoadError::NoCprColumn { sheet: "Sheet1".into() },
        LoadError::BadDecision { .. } => LoadError::BadDecision {
            sheet: "Sheet1".into(),
            row: 3,
            reason: RejectReason::MissingCpr,
        },
        LoadError::File { .. } => LoadError::File {
            path: p(),
            problem: crate::error::FileProblem::NotAFile,
        },
        LoadError::Io(_) => LoadError::Io("list.xlsx: interrupted".into()),
    }));
    t.check();
}

#[test]
fn every_export_error_in_both_languages() {
    let mut t = Texts::default();
    let io = || std::io::Error::other("disk full");
    let p = || PathBuf::from("plan.xlsx");
    t.localized(&every!(ExportError {
        ExportError::CreateTemp { .. } => ExportError::CreateTemp { dir: p(), source: io() },
        ExportError::Write { .. } => ExportError::Write { path: p(), source: io() },
        ExportError::Persist { .. } => ExportError::Persist { path: p(), source: io() },
        ExportError::SameAsInput(_) => ExportError::SameAsInput(p()),
        ExportError::NotARegularFile(_) => ExportError::NotARegularFile(p()),
        ExportError::TooManyRows { .. } => ExportError::TooManyRows {
            sheet: "Handlinger",
            rows: 3_712_345,
        },
        ExportError::IsADirectory(_) => ExportError::IsADirectory(p()),
        ExportError::Xlsx(_) => ExportError::Xlsx("too many rows".into()),
        ExportError::NotAPlan => ExportError::NotAPlan,
        ExportError::UnsupportedVersion(_) => ExportError::UnsupportedVersion(9),
        ExportError::Json(_) => ExportError::Json("expected value".into()),
        ExportError::Io(_) => ExportError::Io(io()),
    }));
    t.check();
}

#[test]
fn the_check_reads_every_line_of_a_report_not_only_the_first() {
    let mut t = Texts::default();
    t.add("mixed", |lang| match lang {
        Lang::Da => "Borgere: 2".to_string(),
        Lang::En => "Citizens: 2\n  Sheet not used 'Noter': arket er tomt".to_string(),
    });
    let caught = std::panic::catch_unwind(|| t.check());
    assert!(caught.is_err(), "Danish in English went unnoticed");
}

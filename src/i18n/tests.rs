//! Reads every text of the language layer in both languages: none is empty, and no English text
//! holds Danish beyond the domain words allowed in [`super::danish::ALLOWED`]. Fixed tables are
//! walked through their `ALL`; a type with data is walked through one sample of every variant,
//! and [`every!`] fails to compile when a variant is added without a sample.

use std::path::PathBuf;

use chrono::NaiveDate;

use super::Localize;
use super::danish::danish_in;
use crate::aktivliste::{
    Expected, Field, IgnoreReason, LoadError, RejectReason, SpreadsheetProblem, WarningKind,
};
use crate::domain::date::DateError;
use crate::domain::{Cpr, CprError, Form, Part};
use crate::export::ExportError;
use crate::facts::SwitchFacts;
use crate::lang::Lang;
use crate::plan::{ActionKind, ConflictKind, Model, Note, Status, System};
use crate::review::check::{Column, Counting, FindingKind};
use crate::review::confirm::Exclusion;
use crate::review::read::ReadError;
use crate::review::verify::{
    CitizenReport, Early, NewCitizen, OpenCase, State, StepLeft, Verification,
};
use crate::review::words::NotifyFacts;

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

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("a real date")
}

/// Every text a test reads, with a name to point at when one is wrong.
#[derive(Default)]
struct Texts(Vec<(String, Lang, String)>);

impl Texts {
    fn add(&mut self, name: impl Into<String>, render: impl Fn(Lang) -> String) {
        let name = name.into();
        for lang in [Lang::Da, Lang::En] {
            self.0.push((name.clone(), lang, render(lang)));
        }
    }

    fn localized<T: Localize + std::fmt::Debug>(&mut self, items: &[T]) {
        for item in items {
            self.add(format!("{item:?}"), |lang| item.localize(lang));
        }
    }

    /// Fails with every empty text and every English text that holds Danish.
    fn check(&self) {
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
            super::cli::conflicts_waiting(n, lang)
        });
    }
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
        for (i, _) in super::domain::model_explanation(model, Lang::Da)
            .iter()
            .enumerate()
        {
            t.add(format!("model_explanation({model:?})[{i}]"), |lang| {
                super::domain::model_explanation(model, lang)[i].to_string()
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
    }));
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
        WarningKind::MappingNotFound { .. } => WarningKind::MappingNotFound {
            field: Field::Name,
            header: "Full name".into(),
        },
    }));
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
fn every_finding_and_plan_reading_error_in_both_languages() {
    let mut t = Texts::default();
    let columns = every!(Column {
        Column::CitizenNo => Column::CitizenNo,
        Column::Step => Column::Step,
        Column::System => Column::System,
        Column::Form => Column::Form,
        Column::Action => Column::Action,
        Column::Date => Column::Date,
        Column::OriginalDate => Column::OriginalDate,
        Column::Done => Column::Done,
    });
    t.localized(&columns);
    let countings = every!(Counting {
        Counting::Citizens => Counting::Citizens,
        Counting::Forgotten => Counting::Forgotten,
        Counting::Actions => Counting::Actions,
        Counting::Kind(..) => Counting::Kind(ActionKind::Registrer, Form::Ydelse),
    });
    t.localized(&countings);
    let mut findings = every!(FindingKind {
        FindingKind::Unreadable { .. } => FindingKind::Unreadable {
            column: Column::Date,
            value: "soon".into(),
        },
        FindingKind::StepGap { .. } => FindingKind::StepGap { after: 2, found: 4 },
        FindingKind::StepDuplicate { .. } => FindingKind::StepDuplicate { step: 3 },
        FindingKind::StepOutOfRowOrder { .. } => FindingKind::StepOutOfRowOrder {
            step: 2,
            after: 3,
        },
        FindingKind::WrongAction { .. } => FindingKind::WrongAction {
            action: ActionKind::Slet,
            system: Some(System::Smdb),
            form: Form::Anmodning,
            model: Model::Two,
            forgotten: false,
        },
        FindingKind::RegisterAfterDelete { .. } => FindingKind::RegisterAfterDelete {
            form: Form::Ydelse,
        },
        FindingKind::CloseAfterRegister { .. } => FindingKind::CloseAfterRegister {
            form: Form::Indskrivning,
        },
        FindingKind::DeleteOrder { .. } => FindingKind::DeleteOrder {
            form: Form::Anmodning,
            after: Form::KvalHep,
        },
        FindingKind::CloseOrder { .. } => FindingKind::CloseOrder {
            form: Form::Ydelse,
            after: Form::Behandling,
        },
        FindingKind::RegisterOrder { .. } => FindingKind::RegisterOrder {
            form: Form::Anmodning,
            after: Form::Ydelse,
        },
        FindingKind::DateNotOriginal { .. } => FindingKind::DateNotOriginal {
            found: None,
            expected: Some(d(2025, 1, 2)),
        },
        FindingKind::CloseDateNotD { .. } => FindingKind::CloseDateNotD {
            found: Some(d(2026, 4, 1)),
            expected: d(2026, 3, 31),
        },
        FindingKind::ReasonNotAnden { .. } => FindingKind::ReasonNotAnden { found: None },
        FindingKind::ReasonTextWrong { .. } => FindingKind::ReasonTextWrong {
            found: Some("Switch".into()),
            expected: "Systemskift".into(),
        },
        FindingKind::ReentryDateWrong { .. } => FindingKind::ReentryDateWrong {
            found: Some(d(2026, 4, 2)),
            expected: d(2026, 4, 1),
        },
        FindingKind::HeaderReentryWrong { .. } => FindingKind::HeaderReentryWrong {
            found: None,
            expected: d(2026, 4, 1),
        },
        FindingKind::ForgottenNoDate => FindingKind::ForgottenNoDate,
        FindingKind::ForgottenAfterSwitch { .. } => FindingKind::ForgottenAfterSwitch {
            found: d(2026, 4, 2),
            switch: d(2026, 3, 31),
        },
        FindingKind::ForgottenBeforeStart { .. } => FindingKind::ForgottenBeforeStart {
            found: d(2025, 1, 1),
            start: d(2025, 2, 1),
        },
        FindingKind::ForgottenSystemskift { .. } => FindingKind::ForgottenSystemskift {
            found: "Systemskift".into(),
        },
        FindingKind::Unpaired { .. } => FindingKind::Unpaired {
            form: Form::Ydelse,
            have: ActionKind::Registrer,
            missing: ActionKind::Slet,
            have_n: 2,
            missing_n: 1,
        },
        FindingKind::CitizenMissing { .. } => FindingKind::CitizenMissing { citizen: 7 },
        FindingKind::CountMismatch { .. } => FindingKind::CountMismatch {
            what: Counting::Citizens,
            stated: 12,
            found: 11,
        },
    });
    // Every column unreadable, every count, every model and a forgotten case doing wrong.
    findings.extend(columns.iter().map(|c| FindingKind::Unreadable {
        column: *c,
        value: "?".into(),
    }));
    findings.extend(countings.iter().map(|c| FindingKind::CountMismatch {
        what: *c,
        stated: 1,
        found: 2,
    }));
    for model in Model::ALL {
        for forgotten in [false, true] {
            findings.push(FindingKind::WrongAction {
                action: ActionKind::FoelgOp,
                system: None,
                form: Form::Behandling,
                model,
                forgotten,
            });
        }
    }
    t.localized(&findings);
    t.localized(&every!(ReadError {
        ReadError::Io(_) => ReadError::Io("entity not found".into()),
        ReadError::NotAPlan => ReadError::NotAPlan,
        ReadError::Damaged(_) => ReadError::Damaged("bad zip".into()),
        ReadError::MissingSheet(_) => ReadError::MissingSheet("Handlinger"),
        ReadError::MissingColumn(_) => ReadError::MissingColumn("Trin"),
        ReadError::MissingSetup(_) => ReadError::MissingSetup("model"),
        ReadError::Json(_) => ReadError::Json("expected value".into()),
        ReadError::TooLarge { .. } => ReadError::TooLarge {
            part: "xl/sharedStrings.xml".into(),
            mib: 600,
        },
    }));
    t.add("ReadError::MissingSetup(switch date)", |lang| {
        ReadError::MissingSetup("switch_date").message(lang)
    });
    for row in [Some(12), None] {
        let at = crate::review::Location {
            sheet: "Handlinger".into(),
            row,
        };
        t.add(format!("location({row:?})"), |lang| {
            super::review::location(&at, lang)
        });
    }
    t.check();
}

#[test]
fn every_mail_confirm_and_verify_text_in_both_languages() {
    let mut t = Texts::default();
    let named = SwitchFacts {
        switch_date: d(2026, 3, 31),
        vendor: Some("Vendor A/S".into()),
        system: Some("Case System".into()),
        kommune: Some("Roskilde".into()),
        go_live: Some(d(2026, 4, 2)),
        deadline: Some(d(2026, 6, 1)),
    };
    for model in Model::ALL {
        for info in [SwitchFacts::new(d(2026, 3, 31)), named.clone()] {
            let facts = NotifyFacts {
                model,
                switch_date: d(2026, 3, 31),
                reason_text: None,
                citizens: 12,
                forgotten: 3,
            };
            t.add(format!("notify_text({model:?}, {info:?})"), |lang| {
                super::review_mail::notify_text(&facts, &info, lang)
            });
        }
    }
    t.add("confirm_sheet", |lang| {
        super::review_followup::confirm_sheet(lang).to_string()
    });
    for i in 0..6 {
        t.add(format!("confirm_headers[{i}]"), |lang| {
            super::review_followup::confirm_headers(lang)[i].to_string()
        });
    }
    t.add("confirm_not_model_one", |lang| {
        super::review_followup::confirm_not_model_one(Model::Two, lang)
    });
    t.add("confirm_summary", |lang| {
        super::review_followup::confirm_summary(3, 7, lang)
    });
    t.add("confirm_full_cpr_reminder", |lang| {
        super::review_followup::confirm_full_cpr_reminder(lang).to_string()
    });
    let exclusions = every!(Exclusion {
        Exclusion::Forgotten => Exclusion::Forgotten,
        Exclusion::NotRegistered { .. } => Exclusion::NotRegistered { done: 1, total: 3 },
    });
    for why in &exclusions {
        t.add(format!("confirm_excluded({why:?})"), |lang| {
            super::review_followup::confirm_excluded("010190-xxxx", why, lang)
        });
    }
    t.localized(&exclusions);
    let states = every!(State {
        State::Done => State::Done,
        State::Blocking => State::Blocking,
        State::Early => State::Early,
        State::Open => State::Open,
    });
    t.localized(&states);
    let early = every!(Early {
        Early::StartsAfterSwitch { .. } => Early::StartsAfterSwitch {
            form: Form::Anmodning,
            id: Some("A-17".into()),
            date: d(2026, 4, 3),
        },
        Early::TwoAnmodninger(_) => Early::TwoAnmodninger(2),
    });
    t.localized(&early);
    let step = StepLeft {
        at: crate::review::Location {
            sheet: "Handlinger".into(),
            row: Some(4),
        },
        step: Some(2),
        system: Some(System::Nyt),
        action: Some(ActionKind::Registrer),
        form: Some(Form::Ivaerksaettelse),
    };
    t.localized(std::slice::from_ref(&step));
    for model in Model::ALL {
        let citizens = states
            .iter()
            .enumerate()
            .flat_map(|(i, state)| {
                let report = |steps_left: Vec<StepLeft>| CitizenReport {
                    citizen: i as u32 + 1,
                    cpr: "010190-xxxx".into(),
                    state: *state,
                    steps_left,
                    early: if *state == State::Early {
                        early.clone()
                    } else {
                        Vec::new()
                    },
                    open: if *state == State::Open {
                        vec![OpenCase {
                            form: Form::Indskrivning,
                            id: Some("I-3".into()),
                            start: d(2025, 5, 1),
                            days: 30,
                        }]
                    } else {
                        Vec::new()
                    },
                };
                [report(vec![step.clone()]), report(Vec::new())]
            })
            .collect();
        let new = [Some(d(2026, 4, 5)), Some(d(2026, 3, 1)), None]
            .into_iter()
            .enumerate()
            .map(|(index, start)| NewCitizen {
                index,
                cpr: "020290-xxxx".into(),
                start,
            })
            .collect();
        let v = Verification {
            model,
            switch_date: d(2026, 3, 31),
            today: d(2026, 5, 1),
            citizens,
            new,
        };
        t.add(format!("verify_report({model:?})"), |lang| {
            super::review_followup::verify_report(&v, "later.xlsx", lang)
        });
        let clean = Verification {
            citizens: Vec::new(),
            new: Vec::new(),
            ..v.clone()
        };
        t.add(format!("verify_report({model:?}, clean)"), |lang| {
            super::review_followup::verify_report(&clean, "later.xlsx", lang)
        });
    }
    t.add("verify_rejected", |lang| {
        super::review_followup::verify_rejected(5, lang)
    });
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

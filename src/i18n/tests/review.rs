//! Every text of review, the e-mail, confirm and verify, in both languages.

use super::{Texts, d};
use crate::domain::Form;
use crate::export::ExportError;
use crate::facts::SwitchFacts;
use crate::plan::{ActionKind, Model, System};
use crate::review::check::{Column, Counting, FindingKind};
use crate::review::confirm::Exclusion;
use crate::review::read::ReadError;
use crate::review::verify::{
    CitizenReport, Early, NewCitizen, OpenCase, Seen, State, StepLeft, Verification,
};
use crate::review::words::NotifyFacts;

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
        FindingKind::ConflictsOpen { .. } => FindingKind::ConflictsOpen { n: 3 },
        FindingKind::StepCount { .. } => FindingKind::StepCount { stated: 4, found: 3 },
        FindingKind::ForgottenDiffers { .. } => FindingKind::ForgottenDiffers {
            row_says: false,
            other_says: true,
        },
        FindingKind::HeaderModelWrong { .. } => FindingKind::HeaderModelWrong {
            stated: Model::Two,
            rows: Model::One,
        },
        FindingKind::HeaderSwitchWrong { .. } => FindingKind::HeaderSwitchWrong {
            stated: d(2026, 3, 31),
            rows: d(2026, 3, 30),
        },
        FindingKind::ReasonTextNotGuide { .. } => FindingKind::ReasonTextNotGuide {
            found: "Ferie".into(),
        },
        FindingKind::DecisionWithoutConflict => FindingKind::DecisionWithoutConflict,
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
        ReadError::File(_) => ReadError::File(crate::error::FileProblem::NotAFile),
        ReadError::NotAPlan => ReadError::NotAPlan,
        ReadError::Damaged(_) => ReadError::Damaged("bad zip".into()),
        ReadError::MissingSheet(_) => ReadError::MissingSheet("Handlinger"),
        ReadError::MissingColumn(_) => ReadError::MissingColumn("Trin"),
        ReadError::MissingSetup(_) => ReadError::MissingSetup("model"),
        ReadError::Json(_) => ReadError::Json(Box::new(ExportError::UnsupportedVersion(9))),
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
            crate::i18n::review::location(&at, lang)
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
                crate::i18n::review_mail::notify_text(&facts, &info, lang)
            });
        }
    }
    t.add("confirm_sheet", |lang| {
        crate::i18n::review_followup::confirm_sheet(lang).to_string()
    });
    for i in 0..6 {
        t.add(format!("confirm_headers[{i}]"), |lang| {
            crate::i18n::review_followup::confirm_headers(lang)[i].to_string()
        });
    }
    t.add("confirm_not_model_one", |lang| {
        crate::i18n::review_followup::confirm_not_model_one(Model::Two, lang)
    });
    t.add("confirm_summary", |lang| {
        crate::i18n::review_followup::confirm_summary(3, 7, lang)
    });
    t.add("confirm_full_cpr_reminder", |lang| {
        crate::i18n::review_followup::confirm_full_cpr_reminder(lang).to_string()
    });
    let exclusions = every!(Exclusion {
        Exclusion::Forgotten => Exclusion::Forgotten,
        Exclusion::OpenConflict { .. } => Exclusion::OpenConflict {
            kind: "two_anmodninger".into(),
        },
        Exclusion::NotRegistered { .. } => Exclusion::NotRegistered { done: 1, total: 3 },
        Exclusion::UnclearDone { .. } => Exclusion::UnclearDone {
            at: crate::review::Location::row("Handlinger", 7),
            value: "maybe".into(),
        },
    });
    for why in &exclusions {
        t.add(format!("confirm_excluded({why:?})"), |lang| {
            crate::i18n::review_followup::confirm_excluded("010190-xxxx", why, lang)
        });
    }
    t.localized(&exclusions);
    let states = every!(State {
        State::Done => State::Done,
        State::Blocking => State::Blocking,
        State::Early => State::Early,
        State::Open => State::Open,
        State::ReEntered => State::ReEntered,
        State::ReentryMissing => State::ReentryMissing,
    });
    t.localized(&states);
    for state in &states {
        t.add(format!("verify_label({state:?})"), |lang| {
            crate::i18n::review_followup::verify_label(*state, lang).to_string()
        });
    }
    let seen = |form, id: &str, date| Seen {
        form,
        id: Some(id.into()),
        date,
    };
    let early = every!(Early {
        Early::StartsAfterSwitch { .. } => Early::StartsAfterSwitch {
            form: Form::Anmodning,
            id: Some("A-17".into()),
            date: d(2026, 4, 3),
        },
        Early::TwoAnmodninger(_) => Early::TwoAnmodninger(2),
        Early::Twice { .. } => Early::Twice {
            old: seen(Form::Anmodning, "A-1", d(2025, 3, 3)),
            new: seen(Form::Anmodning, "N-1", d(2026, 4, 1)),
        },
        Early::OtherDate { .. } => Early::OtherDate {
            new: seen(Form::Anmodning, "N-2", d(2026, 4, 5)),
            expected: d(2026, 4, 1),
        },
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
                    reentered: (*state == State::ReEntered)
                        .then(|| seen(Form::Anmodning, "N-1", d(2026, 4, 1))),
                    expected: Some(d(2026, 4, 1)),
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
            go_live: d(2026, 4, 1),
            go_live_given: false,
            today: d(2026, 5, 1),
            citizens,
            new,
        };
        t.add(format!("verify_report({model:?})"), |lang| {
            crate::i18n::review_followup::verify_report(&v, "later.xlsx", lang)
        });
        let clean = Verification {
            citizens: Vec::new(),
            new: Vec::new(),
            ..v.clone()
        };
        t.add(format!("verify_report({model:?}, clean)"), |lang| {
            crate::i18n::review_followup::verify_report(&clean, "later.xlsx", lang)
        });
    }
    t.add("verify_new_heading", |lang| {
        crate::i18n::review_followup::verify_new_heading(lang).to_string()
    });
    t.add("verify_go_live_assumed", |lang| {
        crate::i18n::review_followup::verify_go_live_assumed(lang).to_string()
    });
    t.add("verify_rejected", |lang| {
        crate::i18n::review_followup::verify_rejected(5, lang)
    });
    t.check();
}

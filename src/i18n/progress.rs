//! The words of the progress as people read it: a step, a tick and who made it, a step's
//! history, a change taken back, the questions asked before a list is opened.

use super::domain::{action_label, form_label, model_label, system_label};
use super::ui::T;
use crate::domain::Cpr;
use crate::domain::cpr::mask_in_text;
use crate::domain::date::fmt_dk;
use crate::lang::Lang;
use crate::plan::Model;
use crate::store::{Change, Event, StepKey};
use crate::workspace::{EarlierTick, Question};

/// A step as it is done: "Registrér Indskrivning (Nyt system) 01-04-2026 Rusmiddelcenter"
/// (the offer or ydelse last, where the plan names one). The progress, the history and the
/// merge report all name a step so.
pub fn step_label(step: &StepKey, lang: Lang) -> String {
    let mut out = format!(
        "{} {} ({})",
        action_label(step.action, lang),
        form_label(step.form, lang),
        system_label(step.system, lang)
    );
    if let Some(d) = step.date {
        out.push_str(&format!(" {}", fmt_dk(d)));
    }
    if let Some(detail) = &step.detail {
        out.push_str(&format!(" {}", mask_in_text(detail)));
    }
    out
}

/// CPR digits as shown: masked unless full CPR is shown; anything that is not a CPR number
/// shows as a mask only.
pub fn cpr_of(digits: &str, show: bool) -> String {
    match Cpr::parse(digits) {
        Ok((cpr, _)) => cpr.display(show),
        Err(_) => "??????-xxxx".to_string(),
    }
}

/// "Model 2 (uden historik), D 31-03-2026", or "ingen opsætning".
pub fn plan_words(model: Option<Model>, d: Option<chrono::NaiveDate>, lang: Lang) -> String {
    match (model, d) {
        (Some(m), Some(d)) => format!("{}, D {}", model_label(m, lang), fmt_dk(d)),
        _ => T::NoPlanWord.get(lang).to_string(),
    }
}

/// A tick done under an earlier plan: the step, who did it when, and the plan it was made
/// under; `with_cpr` puts the citizen first (a list over several citizens).
pub fn earlier_line(t: &EarlierTick, lang: Lang, show_cpr: bool, with_cpr: bool) -> String {
    let r = &t.recorded;
    let who = format!(
        "{} {} {} {}",
        T::DoneOn.get(lang),
        fmt_dk(r.done),
        T::ByWord.get(lang),
        r.worker
    );
    let line = format!(
        "{} · {who} ({})",
        step_label(&t.step, lang),
        plan_words(r.model, r.switch_date, lang)
    );
    if with_cpr {
        format!("{}  {line}", cpr_of(&t.step.cpr, show_cpr))
    } else {
        line
    }
}

/// One event of a step's history: when, who, what, under which plan, and whether it was
/// taken back.
pub fn history_line(e: &Event, undone: bool, lang: Lang) -> String {
    let what = match &e.change {
        Change::Tick { done, by, .. } => {
            let mut w = format!("{} {}", T::HistoryTicked.get(lang), fmt_dk(*done));
            if let Some(by) = by {
                w.push_str(&format!(
                    " {} {by} ({})",
                    T::ByWord.get(lang),
                    T::FromSheet.get(lang)
                ));
            }
            w
        }
        Change::Untick { .. } => T::HistoryUnticked.get(lang).to_string(),
        other => other.kind().to_string(),
    };
    let mut line = format!(
        "{} {}  {what}  ({})",
        e.at.format("%d-%m-%Y %H:%M"),
        e.worker,
        plan_words(e.model, e.switch_date, lang)
    );
    if e.id == 0 {
        line.push_str(&format!("  · {}", T::HistoryNotSaved.get(lang)));
    }
    if undone {
        line.push_str(&format!("  · {}", T::HistoryUndone.get(lang)));
    }
    line
}

/// A change as it is named when taken back.
pub fn change_line(change: &Change, lang: Lang, show_cpr: bool) -> String {
    match change {
        Change::Tick { step, done, .. } => format!(
            "{} {} {} ({})",
            cpr_of(&step.cpr, show_cpr),
            step_label(step, lang),
            T::HistoryTicked.get(lang),
            fmt_dk(*done)
        ),
        Change::Untick { step } => format!(
            "{} {} {}",
            cpr_of(&step.cpr, show_cpr),
            step_label(step, lang),
            T::HistoryUnticked.get(lang)
        ),
        Change::Settings { settings } => format!(
            "{} ({})",
            T::ChangeSettings.get(lang),
            plan_words(Some(settings.model), Some(settings.switch_date), lang)
        ),
        Change::Decision { cpr, .. } => {
            format!("{} {}", T::ChangeDecision.get(lang), cpr_of(cpr, show_cpr))
        }
        Change::Resolve {
            cpr, resolution, ..
        } => match resolution {
            Some(r) => format!(
                "{} {}: {}",
                T::ChangeResolve.get(lang),
                cpr_of(cpr, show_cpr),
                super::domain::resolution_text(r, lang)
            ),
            None => format!("{} {}", T::ChangeUnresolve.get(lang), cpr_of(cpr, show_cpr)),
        },
        Change::Columns { .. } => T::ChangeColumns.get(lang).to_string(),
        Change::Undo { .. } => T::Undone.get(lang).to_string(),
    }
}

/// The lines of a question asked before a list is opened.
pub fn question_lines(q: &Question, lang: Lang) -> Vec<String> {
    match q {
        Question::OtherList { store_list } => vec![
            format!(
                "{} {}.",
                T::OtherListIntro.get(lang),
                crate::domain::cpr::mask_in_text(store_list)
            ),
            T::OtherListAsk.get(lang).to_string(),
        ],
        Question::ManyGone { gone, known } => vec![
            format!(
                "{gone} {} {known} {}",
                T::ManyGoneOf.get(lang),
                T::ManyGoneIntro.get(lang)
            ),
            T::ManyGoneCauses.get(lang).to_string(),
            T::ManyGoneKept.get(lang).to_string(),
        ],
    }
}

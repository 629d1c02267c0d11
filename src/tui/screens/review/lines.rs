//! A reviewed row and a general finding as the lines the review screen and its popups show,
//! CPR numbers masked.

use crate::domain::cpr::mask_in_text;
use crate::domain::date::fmt_dk;
use crate::i18n::domain;
use crate::i18n::ui::T;
use crate::lang::Lang;
use crate::review::{self, words};

/// A finding that concerns no particular row, as one line: where, what, what is expected. The
/// CPR is masked (the plan may hold it in full).
pub(crate) fn general_line(f: &review::Finding, lang: Lang) -> String {
    let (what, expected) = words::finding(&f.kind, lang);
    let whose = f
        .cpr
        .as_deref()
        .map(|c| format!(" {}", crate::domain::cpr::mask_in_text(c)))
        .unwrap_or_default();
    crate::domain::cpr::mask_in_text(&format!(
        "{}{whose}: {what}; {}: {expected}",
        words::location(&f.at, lang),
        words::expected_label(lang)
    ))
}

/// "Anden: Systemskift", or whichever of the two the row has.
pub(crate) fn reason(r: &crate::review::Row) -> String {
    match (&r.reason, &r.reason_text) {
        (Some(a), Some(b)) => format!("{a}: {b}"),
        (Some(a), None) => a.clone(),
        (None, Some(b)) => b.clone(),
        (None, None) => String::new(),
    }
}

/// The Udført cell: its date, or "x" when it holds something else.
pub(crate) fn done(r: &crate::review::Row) -> String {
    match (r.done, r.done_date) {
        (_, Some(d)) => fmt_dk(d),
        (true, None) => "x".to_string(),
        (false, None) => String::new(),
    }
}

/// The row in full on one line: citizen, masked CPR, step, action, dates, reason, case, Udført.
pub(crate) fn row_summary(r: &crate::review::Row, lang: Lang) -> String {
    let mut parts = vec![format!(
        "{} {} {}",
        T::ReviewCitizen.get(lang),
        r.citizen,
        mask_in_text(&r.cpr)
    )];
    if let Some(s) = r.step {
        parts.push(format!("{} {s}", T::StepWord.get(lang)));
    }
    let what: Vec<&str> = [
        r.action.map(|a| domain::action_label(a, lang)),
        r.form.map(|f| domain::form_label(f, lang)),
        r.system.map(|s| domain::system_label(s, lang)),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !what.is_empty() {
        parts.push(what.join(" "));
    }
    if let Some(d) = r.date {
        parts.push(format!("{} {}", T::ColDate.get(lang), fmt_dk(d)));
    }
    if let Some(d) = r.original_date {
        parts.push(format!("{} {}", T::ColOriginal.get(lang), fmt_dk(d)));
    }
    let why = reason(r);
    if !why.is_empty() {
        parts.push(why);
    }
    if let Some(id) = &r.case_id {
        parts.push(format!("{} {id}", T::Case.get(lang)));
    }
    let d = done(r);
    if !d.is_empty() {
        parts.push(format!("{} {d}", T::ColDone.get(lang)));
    }
    mask_in_text(&parts.join(" · "))
}

//! `skifteplan plan FILE --model … --switch-date …`: read the list, plan, write the action sheet
//! and/or JSON, and print a short summary on stderr.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::path::Path;

use chrono::Local;

use super::Outcome;
use crate::aktivliste::{self, Aktivliste, LoadOptions};
use crate::cli::PlanArgs;
use crate::domain::date::fmt_dk;
use crate::error::{Error, FileProblem};
use crate::export::bundle::{Bundle, BundleRequest, JsonTarget, Written};
use crate::export::{self, DoneMark, ExportInput};
use crate::i18n::Localize;
use crate::i18n::cli::C;
use crate::i18n::domain as text;
use crate::lang::Lang;
use crate::plan::{self, Plan, Settings, Status};
use crate::store::{self, Recorded, StepKey, Store};

/// How many conflicts and rejected rows the summary names one by one.
const SUMMARY_LINES: usize = 15;

pub fn run(args: &PlanArgs, lang: Lang, err: &mut dyn Write) -> Result<Outcome, Error> {
    args.mail.check_names()?;
    if let Some(p) = plan::reason_text_problem(&args.reason_text, args.reason_text_any) {
        return Err(Error::ReasonText(p));
    }
    if !plan::is_guide_reason_text(&args.reason_text) {
        let warning = text::reason_text_override(&args.reason_text, lang);
        crate::text::write_line(err, &format!("skifteplan: {warning}"), false)
            .map_err(|e| Error::Output(e.kind()))?;
    }
    let facts = args.mail.facts(args.switch_date);
    facts.check()?;
    let store_path = args
        .state
        .clone()
        .unwrap_or_else(|| store::default_path(&args.file));
    // The e-mail to DST is written only when any of the switch's facts is given, so a text
    // edited by hand is not replaced unasked. Every output is checked against the inputs and
    // the others before anything is read.
    let bundle = Bundle::new(BundleRequest {
        xlsx: args.xlsx.clone(),
        json: args.json.as_ref().map(|p| {
            if p.as_os_str() == "-" {
                JsonTarget::Stdout
            } else {
                JsonTarget::File(p.clone())
            }
        }),
        mail: facts.any_given().then_some(facts),
        // Never over the progress store either.
        inputs: std::iter::once(args.file.clone())
            .chain(args.decisions.clone())
            .chain(std::iter::once(store_path.clone()))
            .collect(),
    })?;
    let options = LoadOptions {
        columns: args.columns.clone(),
    };
    FileProblem::check(&args.file).map_err(|p| Error::file(&args.file, p))?;
    let mut list = aktivliste::load(&args.file, &options)?;
    // The list's store, when it has one: its ticks fill Udført, and the citizens it has seen on
    // an earlier list and no longer on this one keep their steps not yet done (as in the UI).
    let stored = stored(&store_path, &args.file, &list, lang, err);
    let ticks = stored.as_ref().map(|s| &s.ticks);
    let gone = stored.as_ref().map_or(0, |s| s.gone.len());
    if let Some(s) = stored.as_ref().filter(|s| !s.gone.is_empty()) {
        list.citizens.extend(s.gone.iter().cloned());
    }
    let mut settings = Settings::new(args.model, args.switch_date);
    // The guide's spelling as the guide writes it; another text (with the override) as typed.
    settings.reason_text = plan::reason_text_as_written(&args.reason_text);
    // The conflicts decided in the tool, as the UI plans them.
    if let Some(s) = &stored {
        settings.resolutions = s.resolutions.clone();
    }
    if let Some(path) = &args.decisions {
        FileProblem::check(path).map_err(|p| Error::file(path, p))?;
        let decisions = aktivliste::load_decisions(path)?;
        // A decision for no citizen of the list is a rejected row of the decisions file.
        list.rejected
            .extend(decisions.matching_nobody(&list.citizens));
        settings.decisions = decisions.by_cpr;
    }
    // The plan keeps only its counts and forgotten cases, and the action sheet and the JSON
    // plan each plan every citizen again as they write it: a national list never has all its
    // actions in memory at once.
    let plan = plan::plan_outline(&list.citizens, &settings);
    let replan = |i: usize| {
        list.citizens
            .get(i)
            .map(|c| plan::plan_citizen(c, &settings).0.actions)
            .unwrap_or_default()
    };

    // A step counts as done when it was ticked as exactly this action (same date, same case),
    // never moved onto another. The ticks that are steps of this plan are noted as the rows are
    // written (the action sheet and the JSON both ask), so the plan is not gone through again
    // to count them.
    let matched: RefCell<HashSet<&StepKey>> = RefCell::new(HashSet::new());
    let done = |c: &plan::CitizenPlan, a: &plan::Action| {
        let (key, t) = ticks?.get_key_value(&StepKey::of(&c.cpr, a))?;
        matched.borrow_mut().insert(key);
        Some(DoneMark {
            date: t.done,
            by: Some(t.worker.clone()),
        })
    };
    let input = ExportInput {
        plan: &plan,
        list: &list,
        show_cpr: args.show_cpr,
        lang,
        generated_at: Local::now().naive_local(),
        done: &done,
    };
    let stdout = std::io::stdout();
    let written = bundle.write(
        &input,
        Some(&replan as &export::Replan<'_>),
        None,
        &mut stdout.lock(),
    )?;
    let written: Vec<String> = written
        .iter()
        .map(|w| match w {
            Written::File(p) => p.display().to_string(),
            Written::Stdout => C::StandardOutput.get(lang).to_string(),
        })
        .collect();

    // The summary is best effort: a closed stderr must not turn a written plan into a failure.
    let _ = write_summary(err, &list, &plan, &written, args.show_cpr, lang);
    if gone > 0 {
        let _ = crate::text::write_line(
            err,
            &format!("  {}", crate::i18n::cli::gone_from_store(gone, lang)),
            args.show_cpr,
        );
    }
    // Said of what was written: with nothing written there is no Udført to speak of.
    if let Some(t) = ticks.filter(|_| !written.is_empty()) {
        // How many of the store's ticks are steps of this plan (the rest were made under
        // another model or D, and are not written as done).
        let matched = matched.borrow().len();
        let _ = crate::text::write_line(
            err,
            &format!(
                "  {}",
                crate::i18n::cli::ticks_from_store(matched, t.len(), &store_path, lang)
            ),
            args.show_cpr,
        );
    }

    // A sheet that could not be read, or whose header lacks what a list needs, may hold
    // citizens: a person must look at it, as at a rejected row.
    let sheet_unread = list
        .ignored_sheets
        .iter()
        .any(|s| s.reason.needs_a_person());
    // So may characters of a CSV that were replaced.
    let replaced = list.notes.iter().any(aktivliste::LoadNote::needs_a_person);
    Ok(
        if plan.open_conflicts() == 0 && list.rejected.is_empty() && !sheet_unread && !replaced {
            Outcome::Clean
        } else {
            Outcome::NeedsAttention
        },
    )
}

/// What the list's store holds for `plan`: its ticks, and the citizens it saw on an earlier
/// list that this one no longer has.
struct Stored {
    ticks: HashMap<StepKey, Recorded>,
    gone: Vec<crate::domain::Citizen>,
    /// The conflicts decided in the tool.
    resolutions: HashMap<String, Vec<crate::domain::resolution::Decided>>,
}

/// What the store at `path` holds, if there is one there for this list. A store that cannot be
/// opened, or that belongs to another list, is said in one line, and the plan is written
/// without progress.
fn stored(
    path: &Path,
    list_path: &Path,
    list: &crate::aktivliste::Aktivliste,
    lang: Lang,
    err: &mut dyn Write,
) -> Option<Stored> {
    if !path.is_file() {
        return None;
    }
    let list_ref = crate::progress::list_ref(list_path).unwrap_or_default();
    let why = match Store::open(path, &list_ref, "?") {
        Ok(s) if s.list().file_name == list_ref.file_name => {
            let known = s.known_citizens().unwrap_or_default();
            let gone = crate::workspace::compare_with(list, &known).gone;
            return Some(Stored {
                ticks: s.progress().ticks().clone(),
                gone: s.citizens(&gone).unwrap_or_default(),
                resolutions: s.progress().decided_by_cpr(),
            });
        }
        Ok(s) => crate::i18n::cli::store_of_another_list(&s.list().file_name, lang),
        Err(e) => e.localize(lang),
    };
    let _ = crate::text::write_line(
        err,
        &format!(
            "skifteplan: {}",
            crate::i18n::cli::store_not_used(path, &why, lang)
        ),
        false,
    );
    None
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// A short human summary: what was read, what the plan holds, what needs a person, where the
/// files went.
pub fn write_summary(
    w: &mut dyn Write,
    list: &Aktivliste,
    plan: &Plan,
    written: &[String],
    show_cpr: bool,
    lang: Lang,
) -> std::io::Result<()> {
    // Every line through the one sanitiser: a file, sheet or cell name can neither move the
    // cursor nor show a CPR the user did not ask for.
    let line = |w: &mut dyn Write, s: &str| crate::text::write_line(w, s, show_cpr);
    let mut head = format!(
        "{}: {}, {} {}",
        file_name(&list.path),
        text::model_label(plan.model, lang),
        C::SwitchDate.get(lang),
        fmt_dk(plan.switch_date)
    );
    if let Some(d1) = plan.reentry_date {
        head.push_str(&format!(", {} {}", C::Reentry.get(lang), fmt_dk(d1)));
    }
    line(w, &head)?;

    let sheets: Vec<String> = list
        .sheets
        .iter()
        .map(|s| format!("'{}' ({} {})", s.name, s.rows_used, C::Rows.get(lang)))
        .collect();
    line(
        w,
        &format!("  {}: {}", C::SheetsUsed.get(lang), sheets.join(", ")),
    )?;
    for s in &list.ignored_sheets {
        line(
            w,
            &format!(
                "  {} '{}': {}",
                C::SheetNotUsed.get(lang),
                s.name,
                s.reason.localize(lang)
            ),
        )?;
    }
    // How the list was read: hidden sheets and rows (read like the others), a CSV's encoding.
    for n in &list.notes {
        line(
            w,
            &format!("  {}: {}", C::ReadNote.get(lang), n.message(lang)),
        )?;
    }

    let forgotten = plan
        .citizens
        .iter()
        .filter(|c| c.status == Status::Glemt)
        .count();
    line(
        w,
        &format!(
            "  {}: {} ({} {})",
            C::Citizens.get(lang),
            plan.citizens.len(),
            forgotten,
            C::ForgottenCases.get(lang)
        ),
    )?;
    let per_kind: Vec<String> = plan
        .counts()
        .iter()
        .map(|(kind, form, n)| {
            format!(
                "{} {} {n}",
                text::action_label(*kind, lang).to_lowercase(),
                text::form_label(*form, lang).to_lowercase()
            )
        })
        .collect();
    line(
        w,
        &format!(
            "  {}: {}{}",
            C::Actions.get(lang),
            plan.action_count(),
            if per_kind.is_empty() {
                String::new()
            } else {
                format!(" ({})", per_kind.join(", "))
            }
        ),
    )?;
    if !list.warnings.is_empty() {
        line(
            w,
            &format!("  {}: {}", C::Warnings.get(lang), list.warnings.len()),
        )?;
    }

    line(
        w,
        &format!(
            "  {}: {} ({} {})",
            C::Conflicts.get(lang),
            plan.conflicts.len(),
            plan.open_conflicts(),
            C::NotDecided.get(lang)
        ),
    )?;
    for c in plan.conflicts.iter().take(SUMMARY_LINES) {
        let place = c
            .source
            .as_ref()
            .map(|s| format!(" ['{}' {} {}]", s.sheet, C::Row.get(lang), s.row))
            .unwrap_or_default();
        line(
            w,
            &format!(
                "    {}{place} ({}): {}",
                c.cpr.display(show_cpr),
                text::conflict_state(c, lang),
                text::conflict_message(&c.kind, lang)
            ),
        )?;
    }
    more(w, plan.conflicts.len(), lang)?;

    line(
        w,
        &format!("  {}: {}", C::RejectedRows.get(lang), list.rejected.len()),
    )?;
    for r in list.rejected.iter().take(SUMMARY_LINES) {
        line(
            w,
            &format!(
                "    '{}' {} {}: {}",
                r.source.sheet,
                C::Row.get(lang),
                r.source.row,
                r.reason.message(lang)
            ),
        )?;
    }
    more(w, list.rejected.len(), lang)?;

    if written.is_empty() {
        line(w, &format!("  {}", C::NothingWritten.get(lang)))?;
    } else {
        for path in written {
            line(w, &format!("  {}: {path}", C::Written.get(lang)))?;
        }
    }
    Ok(())
}

fn more(w: &mut dyn Write, total: usize, lang: Lang) -> std::io::Result<()> {
    if total > SUMMARY_LINES {
        crate::text::write_line(
            w,
            &format!(
                "    … {} {}",
                total - SUMMARY_LINES,
                C::MoreInExport.get(lang)
            ),
            false,
        )?;
    }
    Ok(())
}

//! `skifteplan plan FILE --model … --switch-date …`: read the list, plan, write the action sheet
//! and/or JSON, and print a short summary on stderr.

use std::io::Write;
use std::path::Path;

use chrono::Local;

use super::{Fatal, Outcome};
use crate::aktivliste::{self, Aktivliste, LoadOptions};
use crate::cli::PlanArgs;
use crate::domain::date::fmt_dk;
use crate::export::{self, ExportInput};
use crate::lang::Lang;
use crate::plan::{self, Plan, Settings, Status};
use crate::review::words::{self, NotifyFacts};
use crate::text;

/// How many conflicts and rejected rows the summary names one by one.
const SUMMARY_LINES: usize = 15;

pub fn run(args: &PlanArgs, lang: Lang, err: &mut dyn Write) -> Result<Outcome, Fatal> {
    super::check_mail_dates(&args.mail, args.switch_date, lang)?;
    // The e-mail to DST goes beside the action sheet, or beside the JSON file without one, when
    // any of the switch's facts is given (so a text edited by hand is not replaced unasked).
    let beside = args
        .xlsx
        .as_ref()
        .or(args.json.as_ref().filter(|p| p.as_os_str() != "-"));
    let mail_path = beside
        .filter(|_| args.mail.given())
        .map(|p| export::mail_path(p));
    refuse_overlaps(args, mail_path.as_deref(), lang)?;
    let options = LoadOptions {
        columns: args.columns.clone(),
    };
    let list = aktivliste::load(&args.file, &options).map_err(|e| Fatal(e.message(lang)))?;
    let mut settings = Settings::new(args.model, args.switch_date);
    settings.reason_text = args.reason_text.clone();
    if let Some(path) = &args.decisions {
        settings.decisions =
            aktivliste::load_decisions(path).map_err(|e| Fatal(e.message(lang)))?;
    }
    // Without JSON (which holds every action) the plan keeps only its counts and forgotten
    // cases, and the action sheet plans each citizen again as it writes its rows: a national
    // list never has all its actions in memory at once.
    let outline = args.json.is_none();
    let plan = if outline {
        plan::plan_outline(&list.citizens, &settings)
    } else {
        plan::plan(&list.citizens, &settings)
    };
    let replan = |i: usize| {
        list.citizens
            .get(i)
            .map(|c| plan::plan_citizen(c, &settings).0.actions)
            .unwrap_or_default()
    };

    let no_ticks = |_: &plan::CitizenPlan, _: &plan::Action| None;
    let input = ExportInput {
        plan: &plan,
        list: &list,
        show_cpr: args.show_cpr,
        lang,
        generated_at: Local::now().naive_local(),
        done: &no_ticks,
    };
    let mut written = Vec::new();
    if let Some(out) = &args.xlsx {
        if outline {
            export::write_xlsx_replanned(out, &input, &replan)
        } else {
            export::write_xlsx(out, &input)
        }
        .map_err(|e| Fatal(e.message(lang)))?;
        written.push(out.display().to_string());
    }
    if let Some(out) = &args.json {
        if out.as_os_str() == "-" {
            let stdout = std::io::stdout();
            let mut lock = stdout.lock();
            export::write_json_to(&mut lock, &input)
                .and_then(|()| lock.flush().map_err(Into::into))
                .map_err(|e| Fatal(e.message(lang)))?;
            written.push(
                lang.pick("standardoutput (stdout)", "standard output")
                    .to_string(),
            );
        } else {
            export::write_json(out, &input).map_err(|e| Fatal(e.message(lang)))?;
            written.push(out.display().to_string());
        }
    }

    if let Some(mail) = &mail_path {
        let text = words::notify_text(&NotifyFacts::of_plan(&plan), &args.mail.info(), lang);
        export::write_mail(mail, &text).map_err(|e| Fatal(e.message(lang)))?;
        written.push(mail.display().to_string());
    }

    // The summary is best effort: a closed stderr must not turn a written plan into a failure.
    let _ = write_summary(err, &list, &plan, &written, args.show_cpr, lang);

    Ok(if plan.conflicts.is_empty() && list.rejected.is_empty() {
        Outcome::Clean
    } else {
        Outcome::NeedsAttention
    })
}

/// Refuses outputs that would write over the list, the decisions file or each other, before
/// anything is read or written.
fn refuse_overlaps(args: &PlanArgs, mail: Option<&Path>, lang: Lang) -> Result<(), Fatal> {
    let json = args.json.as_deref().filter(|p| p.as_os_str() != "-");
    let outputs: Vec<&Path> = [args.xlsx.as_deref(), json, mail]
        .into_iter()
        .flatten()
        .collect();
    for (i, out) in outputs.iter().enumerate() {
        let inputs = std::iter::once(args.file.as_path()).chain(args.decisions.as_deref());
        for input in inputs {
            export::refuse_input(out, input).map_err(|e| Fatal(e.message(lang)))?;
        }
        if outputs[..i]
            .iter()
            .any(|other| export::refuse_input(out, other).is_err())
        {
            return Err(Fatal(format!(
                "{}: {}",
                lang.pick(
                    "to udskrifter ville skrive samme fil",
                    "two outputs would write the same file"
                ),
                out.display()
            )));
        }
    }
    Ok(())
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
    let mut head = format!(
        "{}: {}, {} {}",
        file_name(&list.path),
        text::model_label(plan.model, lang),
        lang.pick("skiftedato", "switch date"),
        fmt_dk(plan.switch_date)
    );
    if let Some(d1) = plan.reentry_date {
        head.push_str(&format!(
            ", {} {}",
            lang.pick("genindtastning", "re-entry"),
            fmt_dk(d1)
        ));
    }
    writeln!(w, "{head}")?;

    let sheets: Vec<String> = list
        .sheets
        .iter()
        .map(|s| {
            format!(
                "'{}' ({} {})",
                s.name,
                s.rows_used,
                lang.pick("rækker", "rows")
            )
        })
        .collect();
    writeln!(
        w,
        "  {}: {}",
        lang.pick("Ark brugt", "Sheets used"),
        sheets.join(", ")
    )?;
    for s in &list.ignored_sheets {
        writeln!(
            w,
            "  {} '{}': {}",
            lang.pick("Ark ikke brugt", "Sheet not used"),
            s.name,
            s.reason
        )?;
    }

    let forgotten = plan
        .citizens
        .iter()
        .filter(|c| c.status == Status::Glemt)
        .count();
    writeln!(
        w,
        "  {}: {} ({} {})",
        lang.pick("Borgere", "Citizens"),
        plan.citizens.len(),
        forgotten,
        lang.pick("glemte sager", "forgotten cases")
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
    writeln!(
        w,
        "  {}: {}{}",
        lang.pick("Handlinger", "Actions"),
        plan.action_count(),
        if per_kind.is_empty() {
            String::new()
        } else {
            format!(" ({})", per_kind.join(", "))
        }
    )?;
    if !list.warnings.is_empty() {
        writeln!(
            w,
            "  {}: {}",
            lang.pick("Advarsler", "Warnings"),
            list.warnings.len()
        )?;
    }

    writeln!(
        w,
        "  {}: {}",
        lang.pick("Konflikter", "Conflicts"),
        plan.conflicts.len()
    )?;
    for c in plan.conflicts.iter().take(SUMMARY_LINES) {
        let place = c
            .source
            .as_ref()
            .map(|s| format!(" ['{}' {} {}]", s.sheet, lang.pick("række", "row"), s.row))
            .unwrap_or_default();
        writeln!(
            w,
            "    {}{place}: {}",
            c.cpr.display(show_cpr),
            text::conflict_message(&c.kind, lang)
        )?;
    }
    more(w, plan.conflicts.len(), lang)?;

    writeln!(
        w,
        "  {}: {}",
        lang.pick("Afviste rækker", "Rejected rows"),
        list.rejected.len()
    )?;
    for r in list.rejected.iter().take(SUMMARY_LINES) {
        writeln!(
            w,
            "    '{}' {} {}: {}",
            r.source.sheet,
            lang.pick("række", "row"),
            r.source.row,
            r.reason.message(lang)
        )?;
    }
    more(w, list.rejected.len(), lang)?;

    if written.is_empty() {
        writeln!(
            w,
            "  {}",
            lang.pick(
                "Intet skrevet: brug --xlsx FIL og/eller --json FIL.",
                "Nothing written: use --xlsx FILE and/or --json FILE."
            )
        )?;
    } else {
        for path in written {
            writeln!(w, "  {}: {path}", lang.pick("Skrevet", "Written"))?;
        }
    }
    Ok(())
}

fn more(w: &mut dyn Write, total: usize, lang: Lang) -> std::io::Result<()> {
    if total > SUMMARY_LINES {
        writeln!(
            w,
            "    … {} {}",
            total - SUMMARY_LINES,
            lang.pick(
                "flere (se handlingsarket eller JSON)",
                "more (see the action sheet or JSON)"
            )
        )?;
    }
    Ok(())
}

//! Writing the action sheet and JSON from the UI, with the ticks in the Udført column, and the
//! e-mail to DST beside the action sheet (or beside the JSON file without one).

use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveDateTime};

use crate::export::{self, ExportInput};
use crate::lang::Lang;
use crate::plan::{Action, CitizenPlan};
use crate::progress::TickKey;
use crate::workspace::Workspace;

/// Writes the chosen exports and the e-mail beside them (never over the list itself); returns
/// the paths written.
pub fn write(
    ws: &Workspace,
    xlsx: Option<&Path>,
    json: Option<&Path>,
    show_cpr: bool,
    lang: Lang,
    now: NaiveDateTime,
) -> Result<Vec<PathBuf>, String> {
    let Some(tracked) = ws.plan() else {
        return Err(lang
            .pick("Der er ingen plan endnu.", "There is no plan yet.")
            .to_string());
    };
    if xlsx.is_none() && json.is_none() {
        return Err(lang.pick("Ingen fil valgt.", "No file chosen.").to_string());
    }
    let done = |c: &CitizenPlan, a: &Action| -> Option<NaiveDate> {
        ws.ticks.get(&TickKey::of(&c.cpr, a)).copied()
    };
    let input = ExportInput {
        plan: &tracked.plan,
        list: &ws.list,
        show_cpr,
        lang,
        generated_at: now,
        done: &done,
    };
    let mut written: Vec<PathBuf> = Vec::new();
    // A failure after a file was written says which were written, so none is thought lost.
    let failed = |e: export::ExportError, written: &[PathBuf]| {
        let mut m = e.message(lang);
        if !written.is_empty() {
            let names: Vec<String> = written
                .iter()
                .map(|p| super::strings::file_name(p))
                .collect();
            m.push_str(&format!(
                " ({} {})",
                lang.pick("skrevet før fejlen:", "written before the failure:"),
                names.join(", ")
            ));
        }
        m
    };
    if let Some(p) = xlsx {
        export::refuse_input(p, ws.list_path()).map_err(|e| failed(e, &written))?;
        export::write_xlsx(p, &input).map_err(|e| failed(e, &written))?;
        written.push(p.to_path_buf());
    }
    if let Some(p) = json {
        export::refuse_input(p, ws.list_path()).map_err(|e| failed(e, &written))?;
        export::write_json(p, &input).map_err(|e| failed(e, &written))?;
        written.push(p.to_path_buf());
    }
    if let Some(beside) = xlsx.or(json)
        && let Some(text) = super::mailview::text(ws, lang)
    {
        let mail = export::mail_path(beside);
        export::refuse_input(&mail, ws.list_path()).map_err(|e| failed(e, &written))?;
        export::write_mail(&mail, &text).map_err(|e| failed(e, &written))?;
        written.push(mail);
    }
    Ok(written)
}

//! `skifteplan confirm PLAN --out FILE.xlsx`: the confirmation list for DST (model 1): the
//! anmodninger and indskrivninger of citizens that are not forgotten and are registered in the
//! new system, as a separate workbook. Left-off citizens are named on standard error.

use std::io::Write;

use rust_xlsxwriter::{Format, Workbook};

use super::Outcome;
use crate::cli::ConfirmArgs;
use crate::domain::cpr::{mask_cpr_value, mask_in_text};
use crate::domain::date::fmt_dk;
use crate::error::Error;
use crate::export;
use crate::export::ExportError;
use crate::i18n::domain::form_label;
use crate::lang::Lang;
use crate::review::confirm::{Confirmation, confirmation};
use crate::review::words;

pub fn run(args: &ConfirmArgs, lang: Lang, err: &mut dyn Write) -> Result<Outcome, Error> {
    export::refuse_input(&args.out, &args.plan)?;
    let plan = super::read_plan_at(&args.plan)?;
    let list = confirmation(&plan).map_err(Error::ConfirmNeedsModelOne)?;
    let mut wb =
        workbook(&list, args.show_cpr, lang).map_err(|e| ExportError::Xlsx(e.to_string()))?;
    export::write_atomic(&args.out, |w| {
        wb.save_to_writer(w).map_err(std::io::Error::other)
    })?;

    // The lines name citizens and places of the plan: masked, and nothing a terminal acts on.
    let line = |err: &mut dyn Write, s: &str| {
        let _ = crate::text::write_line(err, s, false);
    };
    line(
        err,
        &words::confirm_summary(list.included, list.rows.len(), lang),
    );
    for e in &list.excluded {
        line(
            err,
            &words::confirm_excluded(&mask_cpr_value(&e.cpr), &e.why, lang),
        );
    }
    if args.show_cpr {
        line(err, words::confirm_full_cpr_reminder(lang));
    }
    Ok(if list.pending() == 0 {
        Outcome::Clean
    } else {
        Outcome::NeedsAttention
    })
}

/// The workbook: one sheet, every text cell written as a string.
pub fn workbook(
    list: &Confirmation,
    show_cpr: bool,
    lang: Lang,
) -> Result<Workbook, rust_xlsxwriter::XlsxError> {
    let mut wb = Workbook::new();
    let header = Format::new().set_bold();
    let ws = wb.add_worksheet();
    ws.set_name(words::confirm_sheet(lang))?;
    for (c, h) in words::confirm_headers(lang).iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *h, &header)?;
    }
    for (i, r) in list.rows.iter().enumerate() {
        let row = (i + 1) as u32;
        // Names, IDs and offers are masked too where they hold anything CPR-like.
        let text = |t: Option<&str>| -> String {
            let t = t.unwrap_or("");
            if show_cpr {
                t.to_string()
            } else {
                mask_in_text(t)
            }
        };
        let cpr = if show_cpr {
            r.cpr.clone()
        } else {
            mask_cpr_value(&r.cpr)
        };
        ws.write_string(row, 0, cpr)?;
        ws.write_string(row, 1, text(r.name.as_deref()))?;
        ws.write_string(row, 2, form_label(r.form, lang))?;
        ws.write_string(row, 3, text(r.case_id.as_deref()))?;
        ws.write_string(row, 4, r.original_date.map(fmt_dk).unwrap_or_default())?;
        ws.write_string(row, 5, text(r.tilbud.as_deref()))?;
    }
    ws.set_column_width(0, 13)?;
    ws.set_column_width(1, 24)?;
    ws.set_column_width(2, 14)?;
    ws.set_column_width(3, 12)?;
    ws.set_column_width(4, 15)?;
    ws.set_column_width(5, 28)?;
    ws.set_freeze_panes(1, 0)?;
    Ok(wb)
}

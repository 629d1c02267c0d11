//! `skifteplan confirm PLAN --out FILE.xlsx`: the confirmation list for DST (model 1): the
//! anmodninger and indskrivninger of citizens that are not forgotten and are registered in the
//! new system, as a separate workbook. Left-off citizens are named on standard error.

use std::io::Write;

use rust_xlsxwriter::{Format, Workbook};

use super::Outcome;
use crate::cli::ConfirmArgs;
use crate::domain::cpr::mask_in_text;
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

    let _ = writeln!(
        err,
        "{}",
        words::confirm_summary(list.included, list.rows.len(), lang)
    );
    for e in &list.excluded {
        let _ = writeln!(
            err,
            "{}",
            words::confirm_excluded(&mask_in_text(&e.cpr), &e.why, lang)
        );
    }
    if args.show_cpr {
        let _ = writeln!(err, "{}", words::confirm_full_cpr_reminder(lang));
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
        let cpr = if show_cpr {
            r.cpr.clone()
        } else {
            mask_in_text(&r.cpr)
        };
        ws.write_string(row, 0, cpr)?;
        ws.write_string(row, 1, r.name.as_deref().unwrap_or(""))?;
        ws.write_string(row, 2, form_label(r.form, lang))?;
        ws.write_string(row, 3, r.case_id.as_deref().unwrap_or(""))?;
        ws.write_string(row, 4, r.original_date.map(fmt_dk).unwrap_or_default())?;
        ws.write_string(row, 5, r.tilbud.as_deref().unwrap_or(""))?;
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

//! The start, loading, load-summary and set-up screens.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::fit;
use crate::aktivliste::WarningKind;
use crate::domain::date::fmt_dk;
use crate::plan::Model;
use crate::tui::app::App;
use crate::tui::setup::Field;
use crate::tui::start::Entry;
use crate::tui::strings::{self, T};

fn block<'a>(title: String, app: &App, focus: bool) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .border_style(if focus {
            app.theme.border_focus
        } else {
            app.theme.border
        })
        .title(Span::styled(format!(" {title} "), app.theme.title))
}

pub fn start(frame: &mut Frame, app: &mut App, area: Rect) {
    let lang = app.lang();
    let t = app.theme.clone();
    let s = &app.start;
    let outer = block(T::StartTitle.get(lang).to_string(), app, true);
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    let [intro, list, path, cands] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Min(3),
        Constraint::Length(2),
        Constraint::Length(4),
    ])
    .areas(inner);
    frame.render_widget(
        Paragraph::new(vec![
            Line::styled(T::StartIntro.get(lang), t.muted),
            Line::styled(T::StartIntroPlan.get(lang), t.muted),
        ])
        .wrap(Wrap { trim: true }),
        intro,
    );
    let mut lines = Vec::new();
    for (i, e) in s.entries.iter().enumerate() {
        let (kind, text) = match e {
            Entry::Sample(p) => (T::Samples.get(lang), crate::tui::strings::file_name(p)),
            Entry::Recent(p) => (T::Recent.get(lang), p.display().to_string()),
            Entry::Other => ("", T::OtherFile.get(lang).to_string()),
        };
        let selected = i == s.selected && !s.editing;
        let mark = if selected { "▶ " } else { "  " };
        let body = format!("{mark}{text}");
        let style = if selected { t.selected } else { t.base };
        let width = list.width as usize;
        let kind_w = kind.chars().count() + 1;
        let body = fit(&body, width.saturating_sub(kind_w + 1));
        let pad = width.saturating_sub(body.chars().count() + kind_w);
        lines.push(Line::from(vec![
            Span::styled(body, style),
            Span::raw(" ".repeat(pad)),
            Span::styled(format!("{kind} "), t.muted),
        ]));
    }
    if !s.has_samples() {
        lines.insert(0, Line::styled(T::NoSamples.get(lang), t.muted));
    }
    frame.render_widget(Paragraph::new(lines), list);
    app.areas.start_list = Rect {
        y: list.y + u16::from(!s.has_samples()),
        ..list
    };
    let cursor = if s.editing { "█" } else { "" };
    let label_style = if s.editing { t.key } else { t.muted };
    let mut path_lines = vec![Line::from(vec![
        Span::styled(T::PathLabel.get(lang), label_style),
        Span::styled(format!("{}{cursor}", s.path), t.base),
    ])];
    if let Some(e) = &s.error {
        path_lines.push(Line::styled(fit(e, path.width as usize), t.error));
    }
    frame.render_widget(Paragraph::new(path_lines), path);
    if !s.candidates.is_empty() {
        let text = s.candidates.join("  ");
        frame.render_widget(
            Paragraph::new(Span::styled(text, t.muted)).wrap(Wrap { trim: true }),
            cands,
        );
    }
}

pub fn loading(frame: &mut Frame, app: &App, area: Rect) {
    const FRAMES: [&str; 4] = ["⠋", "⠙", "⠸", "⠴"];
    let lang = app.lang();
    let Some(l) = &app.loading else {
        return;
    };
    let secs = l.job.elapsed().as_secs();
    let name = crate::tui::strings::file_name(&l.path);
    let mut text = format!(
        "{} {} {name} ({})",
        FRAMES[app.spinner % FRAMES.len()],
        T::Loading.get(lang),
        strings::size(l.size)
    );
    if secs > 0 {
        text.push_str(&format!(" · {secs} s"));
    }
    let lines = vec![
        Line::styled(text, app.theme.accent),
        Line::styled(T::LoadingNote.get(lang), app.theme.muted),
    ];
    let b = block(T::Loading.get(lang).to_string(), app, true);
    frame.render_widget(Paragraph::new(lines).block(b), area);
}

pub fn summary(frame: &mut Frame, app: &App, area: Rect) {
    let lang = app.lang();
    let t = &app.theme;
    let Some(ws) = &app.ws else {
        return;
    };
    let list = &ws.list;
    let name = crate::tui::strings::file_name(&list.path);
    let anm: usize = list.citizens.iter().map(|c| c.anmodninger.len()).sum();
    let ind: usize = list.citizens.iter().map(|c| c.indskrivninger.len()).sum();
    // Of the warnings, those about a CPR number: counted from the same list, so the part is
    // never larger than the whole.
    let cpr_flags = list
        .warnings
        .iter()
        .filter(|w| {
            matches!(
                w.kind,
                WarningKind::Mod11Failed { .. } | WarningKind::Replacement { .. }
            )
        })
        .count();
    let mut lines = vec![
        Line::from(vec![
            Span::styled(format!("{}: ", T::Citizens.get(lang)), t.header),
            Span::raw(list.citizens.len().to_string()),
            Span::styled(format!("   {}: ", T::Anmodninger.get(lang)), t.header),
            Span::raw(anm.to_string()),
            Span::styled(format!("   {}: ", T::Indskrivninger.get(lang)), t.header),
            Span::raw(ind.to_string()),
        ]),
        Line::from(vec![
            Span::styled(format!("{}: ", T::RejectedRows.get(lang)), t.header),
            Span::styled(
                list.rejected.len().to_string(),
                if list.rejected.is_empty() {
                    t.base
                } else {
                    t.conflict
                },
            ),
            Span::styled(format!("   {}: ", T::CprWarnings.get(lang)), t.header),
            Span::raw(format!("{} ", list.warnings.len())),
            Span::styled(
                if cpr_flags == 0 {
                    String::new()
                } else {
                    format!(
                        "({} {})",
                        cpr_flags,
                        lang.pick(
                            "CPR uden modulus 11 / erstatningsnr.",
                            "CPR failing mod 11 / replacement"
                        )
                    )
                },
                t.muted,
            ),
        ]),
        Line::raw(""),
        Line::styled(T::Sheets.get(lang), t.title),
    ];
    for s in &list.sheets {
        lines.push(Line::from(vec![
            Span::styled(format!("  {} ", s.name), t.header),
            Span::styled(
                format!(
                    "({} {}, {} {})",
                    T::HeaderRow.get(lang),
                    s.header_row,
                    s.rows_used,
                    if s.rows_used == 1 {
                        T::RowUsed
                    } else {
                        T::RowsUsed
                    }
                    .get(lang)
                ),
                t.muted,
            ),
        ]));
        let map: Vec<String> = s
            .mapping
            .iter()
            .map(|(f, h)| format!("{h} → {}", f.label()))
            .collect();
        lines.push(Line::raw(format!("    {}", map.join(" · "))));
        let unused = if s.unused_headers.is_empty() {
            T::NoneWord.get(lang).to_string()
        } else {
            s.unused_headers.join(", ")
        };
        lines.push(Line::from(vec![
            Span::styled(format!("    {}: ", T::UnusedHeaders.get(lang)), t.muted),
            Span::raw(unused),
        ]));
    }
    if !list.ignored_sheets.is_empty() {
        lines.push(Line::styled(T::IgnoredSheets.get(lang), t.title));
        for s in &list.ignored_sheets {
            lines.push(Line::raw(format!(
                "  {}: {}",
                s.name,
                s.reason.message(lang)
            )));
        }
    }
    if !list.warnings.is_empty() {
        lines.push(Line::styled(T::CprWarnings.get(lang), t.title));
        for w in &list.warnings {
            lines.push(Line::raw(format!(
                "  {} {} {}: {}",
                w.source.sheet,
                T::Row.get(lang),
                w.source.row,
                w.message(lang)
            )));
        }
    }
    let title = format!("{}: {name}", T::SummaryTitle.get(lang));
    frame.render_widget(
        Paragraph::new(lines)
            .block(block(title, app, true))
            .wrap(Wrap { trim: false })
            .scroll((app.summary_scroll, 0)),
        area,
    );
}

pub fn setup(frame: &mut Frame, app: &App, area: Rect) {
    let lang = app.lang();
    let t = &app.theme;
    let f = &app.setup;
    let outer = block(T::SetupTitle.get(lang).to_string(), app, true);
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    let label_w = Field::ALL
        .iter()
        .map(|x| x.label(lang).chars().count())
        .max()
        .unwrap_or(10)
        + 2;
    let mut lines = Vec::new();
    for (i, field) in Field::ALL.iter().enumerate() {
        let focus = i == f.field;
        let mark = if focus { "▶ " } else { "  " };
        let label = format!("{mark}{:<w$}", field.label(lang), w = label_w);
        let label_style = if focus { t.key } else { t.header };
        if *field == Field::Model {
            lines.push(Line::styled(label, label_style));
            for m in Model::ALL {
                let chosen = f.model == Some(m);
                let radio = if chosen { "(•)" } else { "( )" };
                let style = if chosen { t.next } else { t.base };
                lines.push(Line::styled(
                    format!("    {radio} {}", crate::text::model_label(m, lang)),
                    style,
                ));
                // The chosen model's consequences always; all of them when there is room.
                if chosen || inner.width >= 124 {
                    for e in crate::text::model_explanation(m, lang) {
                        lines.push(Line::styled(
                            format!("        {e}"),
                            if chosen { t.base } else { t.muted },
                        ));
                    }
                }
            }
            continue;
        }
        if !f.shown(*field) {
            continue;
        }
        let cursor = if focus { "█" } else { "" };
        let spans = vec![
            Span::styled(label, label_style),
            Span::styled(format!("{}{cursor}", f.text(*field)), t.base),
        ];
        lines.push(Line::from(spans));
        if *field == Field::Date {
            let pad = " ".repeat(4);
            lines.push(match f.date_state(lang) {
                Ok(d) => Line::styled(format!("{pad}✓ {}", strings::switch_dates(d, lang)), t.done),
                Err(e) => Line::styled(format!("{pad}{e}"), t.conflict),
            });
        }
        if matches!(*field, Field::GoLive | Field::Deadline) {
            lines.push(mail_date_line(f, *field, app));
        }
    }
    if let Some(e) = &f.error {
        lines.push(Line::styled(e.clone(), t.error));
    } else if let Ok(d) = f.date_state(lang)
        && f.model == Some(Model::Two)
    {
        lines.push(Line::styled(
            format!(
                "{} {} · {} {}",
                lang.pick("Afslut i SMDB:", "Close in SMDB:"),
                fmt_dk(d),
                lang.pick("registrér i nyt system:", "register in the new system:"),
                fmt_dk(crate::domain::date::next_day(d))
            ),
            t.accent,
        ));
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}

/// The line under the go-live or deadline field: the date understood, the default, or why not.
fn mail_date_line<'a>(f: &crate::tui::setup::SetupForm, field: Field, app: &App) -> Line<'a> {
    let lang = app.lang();
    let t = &app.theme;
    let pad = " ".repeat(4);
    let state = if field == Field::GoLive {
        f.go_live_state(lang)
    } else {
        f.deadline_state(lang)
    };
    let day = |d: chrono::NaiveDate| format!("{} {}", strings::weekday(d, lang), fmt_dk(d));
    match state {
        Ok(Some(d)) => Line::styled(format!("{pad}✓ {}", day(d)), t.done),
        Ok(None) if field == Field::GoLive => match f.date_state(lang) {
            Ok(d) => Line::styled(
                format!(
                    "{pad}{} {}",
                    T::GoLiveDefault.get(lang),
                    day(crate::domain::date::next_day(d))
                ),
                t.muted,
            ),
            Err(_) => Line::styled(format!("{pad}{}", T::GoLiveDefault.get(lang)), t.muted),
        },
        Ok(None) => Line::styled(format!("{pad}{}", T::DeadlineHint.get(lang)), t.muted),
        Err(e) => Line::styled(format!("{pad}{e}"), t.conflict),
    }
}

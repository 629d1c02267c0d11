//! Popups drawn over the screen: help, messages, rejected rows, prompts, the mapping editor.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Row, Table, Wrap};

use super::centered;
use crate::aktivliste::Field;
use crate::domain::date::fmt_dk;
use crate::tui::app::{App, Popup};
use crate::tui::keys;
use crate::tui::popups::export;
use crate::tui::strings::T;

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    for (depth, p) in app.popups.iter().enumerate() {
        draw_one(frame, app, area, p, depth);
    }
}

pub(crate) fn frame_block<'a>(app: &App, title: &str, error: bool) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .border_style(if error {
            app.theme.error
        } else {
            app.theme.border_focus
        })
        .title(Span::styled(
            format!(" {title} "),
            if error {
                app.theme.error
            } else {
                app.theme.title
            },
        ))
}

pub(crate) fn show(frame: &mut Frame, rect: Rect, block: Block, body: Paragraph) {
    frame.render_widget(Clear, rect);
    frame.render_widget(body.block(block), rect);
}

fn input_line<'a>(app: &App, label: &str, value: &str, focus: bool) -> Line<'a> {
    Line::from(vec![
        Span::styled(
            format!("{label}: "),
            if focus {
                app.theme.key
            } else {
                app.theme.header
            },
        ),
        Span::styled(
            format!("{value}{}", if focus { "█" } else { "" }),
            app.theme.base,
        ),
    ])
}

fn draw_one(frame: &mut Frame, app: &App, area: Rect, popup: &Popup, depth: usize) {
    let lang = app.lang();
    let t = &app.theme;
    let wide = area.width.saturating_sub(4).min(90);
    match popup {
        Popup::Help { scroll } => {
            let (screen, mut global) = keys::help_rows(app.ctx_at(depth), lang);
            if app.screen == crate::tui::Screen::Review {
                for row in &mut global {
                    row.1 = keys::read_only(row.1, lang);
                }
            }
            let key_w = screen
                .iter()
                .chain(&global)
                .map(|(k, _)| k.chars().count())
                .max()
                .unwrap_or(4);
            let mut lines = vec![Line::styled(T::HelpScreen.get(lang), t.title)];
            let row = |(k, d): &(String, &str)| {
                Line::from(vec![
                    Span::styled(format!("  {k:<key_w$}  "), t.key),
                    Span::raw(d.to_string()),
                ])
            };
            lines.extend(screen.iter().map(row));
            lines.push(Line::raw(""));
            lines.push(Line::styled(T::HelpGlobal.get(lang), t.title));
            lines.extend(global.iter().map(row));
            let h = lines.len() as u16 + 2;
            let rect = centered(area, wide.min(72), h);
            // Taller than the terminal: the title says the help scrolls.
            let title = if rect.height < h {
                format!(
                    "{} · ↑↓ {}",
                    T::HelpTitle.get(lang),
                    T::HelpScrolls.get(lang)
                )
            } else {
                T::HelpTitle.get(lang).to_string()
            };
            show(
                frame,
                rect,
                frame_block(app, &title, false),
                Paragraph::new(lines).scroll((*scroll, 0)),
            );
        }
        Popup::Message {
            title,
            lines,
            error,
            scroll,
        } => {
            let body: Vec<Line> = lines.iter().map(|l| Line::raw(l.clone())).collect();
            let w = wide.min(76);
            let inner_w = w.saturating_sub(2).max(1) as usize;
            let h: usize = lines
                .iter()
                .map(|l| l.chars().count().div_ceil(inner_w).max(1))
                .sum();
            let rect = centered(area, w, h as u16 + 2);
            show(
                frame,
                rect,
                frame_block(app, title, *error),
                Paragraph::new(body)
                    .wrap(Wrap { trim: false })
                    .scroll((*scroll, 0)),
            );
        }
        Popup::Rejected { scroll } => {
            let rect = centered(
                area,
                area.width.saturating_sub(4),
                area.height.saturating_sub(2),
            );
            frame.render_widget(Clear, rect);
            let block = frame_block(app, T::RejectedTitle.get(lang), false);
            let rows: Vec<Row> = app
                .ws
                .iter()
                .flat_map(|w| &w.list.rejected)
                .skip(*scroll)
                .map(|r| {
                    Row::new(vec![
                        r.source.sheet.to_string(),
                        r.source.row.to_string(),
                        r.reason.message(lang),
                    ])
                })
                .collect();
            let empty = rows.is_empty();
            let table = Table::new(
                rows,
                [
                    Constraint::Length(16),
                    Constraint::Length(6),
                    Constraint::Fill(1),
                ],
            )
            .header(
                Row::new(vec![
                    T::ColSheet.get(lang),
                    T::ColRow.get(lang),
                    T::ColWhy.get(lang),
                ])
                .style(t.header),
            )
            .block(block);
            frame.render_widget(table, rect);
            if empty && *scroll == 0 {
                let inner = Rect {
                    x: rect.x + 2,
                    y: rect.y + 2,
                    width: rect.width.saturating_sub(4),
                    height: 1,
                };
                frame.render_widget(Paragraph::new(T::NoneWord.get(lang)), inner);
            }
        }
        Popup::Forgotten {
            citizen,
            input,
            error,
        } => {
            let mut lines = Vec::new();
            if let Some(c) = app
                .ws
                .as_ref()
                .and_then(|w| w.plan())
                .and_then(|v| v.plan.citizens.get(*citizen))
            {
                lines.push(Line::styled(
                    format!(
                        "{} {}",
                        c.cpr.display(app.show_cpr),
                        c.name.as_deref().unwrap_or("")
                    ),
                    t.header,
                ));
            }
            lines.push(Line::raw(T::ForgottenPrompt.get(lang)));
            let latest = app
                .ws
                .as_ref()
                .and_then(|w| w.list.citizens.get(*citizen))
                .and_then(|c| c.start_dates().max());
            let d = app
                .ws
                .as_ref()
                .and_then(|w| w.state.settings.as_ref())
                .map(|s| s.switch_date);
            let mut bounds = T::ForgottenBounds.get(lang).to_string();
            if let (Some(l), Some(d)) = (latest, d) {
                bounds.push_str(&format!(" ({} – {})", fmt_dk(l), fmt_dk(d)));
            }
            lines.push(Line::styled(bounds, t.muted));
            lines.push(Line::raw(""));
            lines.push(input_line(
                app,
                lang.pick("Slutdato (dd-mm-åååå)", "End date (dd-mm-yyyy)"),
                input,
                true,
            ));
            if let Some(e) = error {
                lines.push(Line::styled(e.clone(), t.error));
            }
            let rect = centered(area, wide.min(70), 10);
            show(
                frame,
                rect,
                frame_block(app, T::ForgottenTitle.get(lang), false),
                Paragraph::new(lines).wrap(Wrap { trim: false }),
            );
        }
        Popup::Unforget { .. } => {
            let rect = centered(area, wide.min(60), 4);
            show(
                frame,
                rect,
                frame_block(app, T::UnforgetTitle.get(lang), false),
                Paragraph::new(T::UnforgetPrompt.get(lang)).wrap(Wrap { trim: false }),
            );
        }
        Popup::StatePlace { input, error } => {
            let mut lines = vec![
                Line::raw(T::StatePlacePrompt.get(lang)),
                Line::raw(""),
                input_line(app, lang.pick("Sti", "Path"), input, true),
            ];
            if let Some(e) = error {
                lines.push(Line::styled(e.clone(), t.error));
            }
            let rect = centered(area, wide.min(76), 8);
            show(
                frame,
                rect,
                frame_block(app, T::StatePlaceTitle.get(lang), false),
                Paragraph::new(lines).wrap(Wrap { trim: false }),
            );
        }
        Popup::Export {
            xlsx,
            json,
            field,
            error,
        } => export::draw_prompt(frame, app, area, (xlsx, json, *field, error.as_ref())),
        Popup::ConfirmReplace { xlsx, json } => {
            export::draw_confirm_replace(frame, app, area, [xlsx, json])
        }
        Popup::Exporting => export::draw_progress(frame, app, area),
        Popup::Mapping { selected } => {
            let mut lines = vec![Line::styled(T::MappingNote.get(lang), t.muted)];
            for (i, f) in Field::ALL.iter().enumerate() {
                let chosen = app
                    .columns
                    .iter()
                    .find(|(x, _)| x == f)
                    .map(|(_, h)| h.clone());
                let found = app.ws.as_ref().and_then(|w| {
                    w.list
                        .sheets
                        .iter()
                        .flat_map(|s| &s.mapping)
                        .find(|(x, _)| x == f)
                        .map(|(_, h)| h.clone())
                });
                let (value, style) = match (chosen, found) {
                    (Some(h), _) => (format!("\"{h}\""), t.next),
                    (None, Some(h)) => (format!("\"{h}\" {}", T::MappingAuto.get(lang)), t.base),
                    (None, None) => (T::NotMapped.get(lang).to_string(), t.muted),
                };
                let sel = i == *selected;
                lines.push(Line::from(vec![
                    Span::styled(
                        format!("{}{:<22}", if sel { "▶ " } else { "  " }, f.label()),
                        if sel { t.selected } else { t.header },
                    ),
                    Span::styled(format!(" ← {value}"), style),
                ]));
            }
            let rect = centered(area, wide.min(76), lines.len() as u16 + 2);
            show(
                frame,
                rect,
                frame_block(app, T::MappingTitle.get(lang), false),
                Paragraph::new(lines),
            );
        }
        Popup::MappingHeader { field, input } => {
            let f = Field::ALL[*field];
            let headers: Vec<String> = app
                .ws
                .iter()
                .flat_map(|w| &w.list.sheets)
                .flat_map(|s| {
                    s.mapping
                        .iter()
                        .map(|(_, h)| h.clone())
                        .chain(s.unused_headers.iter().cloned())
                })
                .collect();
            let lines = vec![
                Line::raw(format!("{} {}:", T::MappingPrompt.get(lang), f.label())),
                input_line(app, lang.pick("Overskrift", "Header"), input, true),
                Line::raw(""),
                Line::styled(headers.join(" · "), t.muted),
            ];
            let rect = centered(area, wide.min(76), 9);
            show(
                frame,
                rect,
                frame_block(app, T::MappingTitle.get(lang), false),
                Paragraph::new(lines).wrap(Wrap { trim: false }),
            );
        }
        Popup::Mail { text, scroll, note } => {
            super::mail::draw(frame, app, area, text, *scroll, note.as_ref())
        }
    }
}

/// Keeps the end of a long path visible.
pub(crate) fn fit_tail(text: &str, width: usize) -> String {
    let n = text.chars().count();
    if n <= width || width == 0 {
        return text.to_string();
    }
    let tail: String = text.chars().skip(n - width + 1).collect();
    format!("…{tail}")
}

//! The column mapping: which header of the list holds which field, and a header typed for one;
//! the list is read again with them.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::{frame_block, input_line, show};
use crate::aktivliste::Field;
use crate::i18n::ui::T;
use crate::tui::app::{App, Popup};
use crate::tui::keys::Control;
use crate::tui::view::centered;

impl App {
    /// Keys in the column mapping and in the header prompt.
    pub(crate) fn mapping_step(&mut self, c: Control) {
        let Some(top) = self.popups.last_mut() else {
            return;
        };
        match top {
            Popup::Mapping { selected } => match c {
                Control::Up | Control::ScrollUp => *selected = selected.saturating_sub(1),
                Control::Down | Control::ScrollDown => {
                    *selected = (*selected + 1).min(Field::ALL.len() - 1)
                }
                Control::Confirm => {
                    let field = *selected;
                    let f = Field::ALL[field];
                    let input = self
                        .columns
                        .iter()
                        .find(|(x, _)| *x == f)
                        .map(|(_, h)| h.clone())
                        .unwrap_or_default();
                    self.popups.push(Popup::MappingHeader { field, input });
                }
                Control::Delete => {
                    let f = Field::ALL[*selected];
                    self.columns.retain(|(x, _)| *x != f);
                }
                Control::Reload => {
                    self.popups.pop();
                    if let Some(path) = self.ws.as_ref().map(|w| w.list_path().to_path_buf()) {
                        self.ws = None;
                        self.open_path(path);
                    }
                }
                Control::Back => {
                    self.popups.pop();
                }
                _ => {}
            },
            Popup::MappingHeader { field, input } => match c {
                Control::Input(ch) => input.push(ch),
                Control::Backspace => {
                    input.pop();
                }
                Control::Back => {
                    self.popups.pop();
                }
                Control::Confirm => {
                    let f = Field::ALL[*field];
                    let h = input.trim().to_string();
                    self.popups.pop();
                    self.columns.retain(|(x, _)| *x != f);
                    if !h.is_empty() {
                        self.columns.push((f, h));
                    }
                }
                _ => {}
            },
            _ => {}
        }
    }
}

/// Draws the column mapping or the header prompt.
pub(crate) fn draw(frame: &mut Frame, app: &App, area: Rect, popup: &Popup) {
    let lang = app.lang();
    let t = &app.theme;
    let wide = area.width.saturating_sub(4).min(90);
    match popup {
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
                input_line(app, T::HeaderInput.get(lang), input, true),
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
        _ => {}
    }
}

//! The rows of the list that could not be read, with why, scrolled.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::widgets::{Clear, Paragraph, Row, Table};

use super::frame_block;
use crate::i18n::ui::T;
use crate::tui::app::{App, Popup};
use crate::tui::keys::Control;
use crate::tui::view::centered;

impl App {
    /// Keys in the rejected rows: scroll, and close.
    pub(crate) fn rejected_step(&mut self, c: Control) {
        let Some(top) = self.popups.last_mut() else {
            return;
        };
        let Popup::Rejected { scroll } = top else {
            return;
        };
        match c {
            Control::Up | Control::ScrollUp => *scroll = scroll.saturating_sub(1),
            Control::Down | Control::ScrollDown => *scroll += 1,
            Control::PageUp => *scroll = scroll.saturating_sub(10),
            Control::PageDown => *scroll += 10,
            Control::Back | Control::Confirm | Control::Help => {
                self.popups.pop();
            }
            _ => {}
        }
    }
}

/// Draws the rejected rows.
pub(crate) fn draw(frame: &mut Frame, app: &App, area: Rect, popup: &Popup) {
    let lang = app.lang();
    let t = &app.theme;
    let Popup::Rejected { scroll } = popup else {
        return;
    };
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

//! A message: a title and lines, scrolled; an error in the error colour. Its keys serve the
//! help too: both are text to read and close.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::{frame_block, show};
use crate::tui::app::{App, Popup};
use crate::tui::keys::Control;
use crate::tui::view::centered;

impl App {
    /// Keys in the help and in a message: scroll, and close.
    pub(crate) fn viewer_step(&mut self, c: Control) {
        let Some(top) = self.popups.last_mut() else {
            return;
        };
        let (Popup::Help { scroll } | Popup::Message { scroll, .. }) = top else {
            return;
        };
        match c {
            Control::Up | Control::ScrollUp => *scroll = scroll.saturating_sub(1),
            Control::Down | Control::ScrollDown => *scroll = scroll.saturating_add(1),
            Control::PageUp => *scroll = scroll.saturating_sub(10),
            Control::PageDown => *scroll = scroll.saturating_add(10),
            Control::Back | Control::Confirm | Control::Help => {
                self.popups.pop();
            }
            _ => {}
        }
    }
}

/// Draws a message.
pub(crate) fn draw(frame: &mut Frame, app: &App, area: Rect, popup: &Popup) {
    let wide = area.width.saturating_sub(4).min(90);
    let Popup::Message {
        title,
        lines,
        error,
        scroll,
    } = popup
    else {
        return;
    };
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

//! The e-mail to DST over the whole body: one line with the title and what was last done, then
//! the text as plain lines from the left edge with nothing beside them, so a terminal selection
//! copies it cleanly.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::fit;
use crate::tui::app::App;
use crate::tui::strings::T;

pub fn draw(
    frame: &mut Frame,
    app: &App,
    area: Rect,
    text: &str,
    scroll: u16,
    note: Option<&(String, bool)>,
) {
    let lang = app.lang();
    let t = &app.theme;
    frame.render_widget(Clear, area);
    let [top, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
    let title = format!(" {} ", T::MailTitle.get(lang));
    let room = (top.width as usize).saturating_sub(title.chars().count() + 1);
    let (msg, style) = match note {
        Some((msg, true)) => (msg.as_str(), t.error),
        Some((msg, false)) => (msg.as_str(), t.done),
        None => (T::MailNote.get(lang), t.muted),
    };
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(title, t.title),
            Span::raw(" "),
            Span::styled(fit(msg, room), style),
        ])),
        top,
    );
    let lines: Vec<Line> = text
        .lines()
        .map(|l| Line::styled(l.to_string(), t.base))
        .collect();
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0)),
        body,
    );
}

//! The help: the keys of what lies beneath it, from the one key table, then the global keys.
//! Its keys are the message's (scroll and close).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{frame_block, show};
use crate::i18n::ui::T;
use crate::tui::app::{App, Popup};
use crate::tui::keys::{self};
use crate::tui::view::centered;

/// Draws the help for the context beneath it (`depth` popups open below it).
pub(crate) fn draw(frame: &mut Frame, app: &App, area: Rect, popup: &Popup, depth: usize) {
    let lang = app.lang();
    let t = &app.theme;
    let wide = area.width.saturating_sub(4).min(90);
    let Popup::Help { scroll } = popup else {
        return;
    };
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

//! Drawing: a pure function of the app state (it only records screen areas for the mouse).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::app::{App, Screen};
use super::keys;
use crate::i18n::ui::T;

/// Draws the whole screen.
pub fn draw(frame: &mut Frame, app: &mut App) {
    let area = frame.area();
    let [header, body, status, hints] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    draw_header(frame, app, header);
    match app.screen {
        Screen::Start => crate::tui::screens::start::draw(frame, app, body),
        Screen::Loading => crate::tui::screens::loading::draw(frame, app, body),
        Screen::Summary => crate::tui::screens::summary::draw(frame, app, body),
        Screen::Setup => crate::tui::screens::setup::draw(frame, app, body),
        Screen::Plan => crate::tui::screens::plan::draw::draw(frame, app, body),
        Screen::Verify => crate::tui::screens::verify::draw::draw(frame, app, body),
        Screen::Review => crate::tui::screens::review::draw::draw(frame, app, body),
    }
    // Changes not saved are said until they are, over anything else on the line.
    let unsaved = app.ws.as_ref().filter(|w| !w.all_saved()).map(|w| {
        use crate::i18n::Localize;
        let lang = app.lang();
        let why = w
            .problem()
            .map(|e| e.localize(lang))
            .unwrap_or_else(|| T::NoStorePlace.get(lang).to_string());
        if w.unsaved() == 0 {
            // Nothing lost yet; the next change will be.
            return (why, false);
        }
        (
            format!(
                "{} ({}): {why} · {}",
                T::NotSavedYet.get(lang),
                w.unsaved(),
                T::NotSavedHint.get(lang)
            ),
            true,
        )
    });
    if let Some((msg, err)) = unsaved.as_ref().or(app.status.as_ref()) {
        let style = if *err {
            app.theme.error
        } else {
            app.theme.muted
        };
        frame.render_widget(Paragraph::new(Span::styled(msg.as_str(), style)), status);
    }
    draw_hints(frame, app, hints);
    if !app.popups.is_empty() {
        crate::tui::popups::draw(frame, app, body);
    }
}

fn draw_header(frame: &mut Frame, app: &App, area: Rect) {
    let lang = app.lang();
    let t = &app.theme;
    let mut spans = vec![Span::styled(format!(" {} ", T::AppName.get(lang)), t.title)];
    if app.show_cpr {
        spans.push(Span::styled(
            format!(" {} ", T::CprShown.get(lang)),
            t.marker,
        ));
        spans.push(Span::raw(" "));
    }
    if app
        .ws
        .as_ref()
        .is_some_and(crate::workspace::Workspace::list_replaced)
    {
        // Said where it stays in view, not on the status line other messages need.
        spans.push(Span::styled(
            format!(" {} ", T::ListReplacedShort.get(lang)),
            t.marker,
        ));
        spans.push(Span::raw(" "));
    }
    if let Some(ws) = &app.ws {
        let name = crate::i18n::ui::file_name(ws.list_path());
        spans.push(Span::styled(format!("· {name} "), t.base));
        if let Some(s) = ws.saved_settings() {
            spans.push(Span::styled(
                format!(
                    "· {} · D {} ",
                    crate::i18n::domain::model_label(s.model, lang),
                    crate::domain::date::fmt_dk(s.switch_date)
                ),
                t.accent,
            ));
            if !s.kommune.is_empty() {
                spans.push(Span::styled(format!("· {} ", s.kommune), t.muted));
            }
        }
    }
    spans.extend(crate::tui::screens::review::draw::header_spans(app));
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// The bottom hint bar, from the key table: what fits, and always the help key last.
fn draw_hints(frame: &mut Frame, app: &App, area: Rect) {
    let lang = app.lang();
    let mut all = keys::hints(app.ctx(), lang);
    if app.screen == crate::tui::Screen::Review {
        for h in &mut all {
            h.1 = keys::read_only(h.1, lang);
        }
    } else if app.ws.as_ref().is_some_and(|w| w.unsaved() > 0) {
        // Quitting would lose work: said first, so it is never cut off for lack of room.
        if let Some(p) = all.iter().position(|h| h.1 == T::KeyQuit.get(lang)) {
            let mut quit = all.remove(p);
            quit.1 = T::KeyQuitUnsaved.get(lang);
            all.insert(0, quit);
        }
    }
    let cost = |k: &str, d: &str| k.chars().count() + d.chars().count() + 3;
    let help_w: usize = all.iter().filter(|h| h.2).map(|h| cost(&h.0, h.1)).sum();
    let mut room = (area.width as usize).saturating_sub(help_w);
    let mut spans = Vec::new();
    for (key, desc, is_help) in all
        .iter()
        .filter(|h| !h.2)
        .chain(all.iter().filter(|h| h.2))
    {
        let w = cost(key, desc);
        if !*is_help {
            if w > room {
                continue;
            }
            room -= w;
        }
        spans.push(Span::styled(format!(" {key}"), app.theme.key));
        spans.push(Span::styled(format!(" {desc} "), app.theme.muted));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// A rectangle of at most `w`×`h` centred in `area`.
pub(crate) fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

/// Cuts text to `width` characters, marking the cut with `…`.
pub(crate) fn fit(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut s: String = text.chars().take(width - 1).collect();
    s.push('…');
    s
}

/// A screen's bordered block with its title, its border marking focus.
pub(crate) fn block<'a>(title: String, app: &App, focus: bool) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .border_style(if focus {
            app.theme.border_focus
        } else {
            app.theme.border
        })
        .title(Span::styled(format!(" {title} "), app.theme.title))
}

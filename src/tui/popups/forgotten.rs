//! Marking a citizen's case forgotten (with its real end date, typed) and undoing it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::{frame_block, input_line, show};
use crate::domain::date::{fmt_dk, parse_date_text};
use crate::i18n::ui::T;
use crate::tui::app::{App, Popup};
use crate::tui::keys::Control;
use crate::tui::view::centered;

impl App {
    /// Keys in the forgotten prompt and in the question to undo it.
    pub(crate) fn forgotten_step(&mut self, c: Control) {
        let lang = self.lang();
        let Some(top) = self.popups.last_mut() else {
            return;
        };
        match top {
            Popup::Unforget { citizen } => {
                let i = *citizen;
                match c {
                    Control::Yes => {
                        self.popups.pop();
                        self.set_forgotten(i, None);
                    }
                    Control::No | Control::Back => {
                        self.popups.pop();
                    }
                    _ => {}
                }
            }
            Popup::Forgotten {
                citizen,
                input,
                error,
            } => match c {
                Control::Input(ch) => {
                    input.push(ch);
                    *error = None;
                }
                Control::Backspace => {
                    input.pop();
                }
                Control::Back => {
                    self.popups.pop();
                }
                Control::Confirm => match parse_date_text(input) {
                    Ok(d) => {
                        let i = *citizen;
                        // Refused where it is typed: on or after every start date, on or
                        // before D (the range the prompt states).
                        let (from, to) = bounds(self.ws.as_ref(), i);
                        let outside = from.is_some_and(|f| d < f) || to.is_some_and(|t| d > t);
                        if outside {
                            let mut e = T::ForgottenOutOfBounds.get(lang).to_string();
                            if let (Some(f), Some(t)) = (from, to) {
                                e.push_str(&format!(" ({} – {})", fmt_dk(f), fmt_dk(t)));
                            }
                            if let Some(Popup::Forgotten { error, .. }) = self.popups.last_mut() {
                                *error = Some(e);
                            }
                            return;
                        }
                        self.popups.pop();
                        self.set_forgotten(i, Some(d));
                    }
                    Err(_) => *error = Some(T::NotADate.get(lang).to_string()),
                },
                _ => {}
            },
            _ => {}
        }
    }
}

/// The real end dates a forgotten case may have: from its latest start date to D.
fn bounds(
    ws: Option<&crate::workspace::Workspace>,
    citizen: usize,
) -> (Option<chrono::NaiveDate>, Option<chrono::NaiveDate>) {
    let latest = ws
        .and_then(|w| w.list.citizens.get(citizen))
        .and_then(|c| c.start_dates().max());
    let d = ws.and_then(|w| w.saved_settings()).map(|s| s.switch_date);
    (latest, d)
}

/// Draws the forgotten prompt or the question to undo it.
pub(crate) fn draw(frame: &mut Frame, app: &App, area: Rect, popup: &Popup) {
    let lang = app.lang();
    let t = &app.theme;
    let wide = area.width.saturating_sub(4).min(90);
    match popup {
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
            let (latest, d) = bounds(app.ws.as_ref(), *citizen);
            let mut bounds = T::ForgottenBounds.get(lang).to_string();
            if let (Some(l), Some(d)) = (latest, d) {
                bounds.push_str(&format!(" ({} – {})", fmt_dk(l), fmt_dk(d)));
            }
            lines.push(Line::styled(bounds, t.muted));
            lines.push(Line::raw(""));
            lines.push(input_line(app, T::EndDateInput.get(lang), input, true));
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
        _ => {}
    }
}

//! Popups: each owns its key handling and its drawing in one file. The stack of open popups is
//! the app's; the top one takes the input, and all are drawn, the top one last.

pub(crate) mod ask;
pub(crate) mod decide;
pub(crate) mod export;
mod forgotten;
mod help;
pub(crate) mod mail;
mod mapping;
mod message;
mod rejected;
mod state_place;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use crate::tui::app::{App, Popup};
use crate::tui::keys::Control;

impl App {
    /// Gives a control to the top popup.
    pub(crate) fn popup_step(&mut self, c: Control) {
        match self.popups.last() {
            Some(Popup::Help { .. } | Popup::Message { .. }) => self.viewer_step(c),
            Some(Popup::Rejected { .. }) => self.rejected_step(c),
            Some(Popup::Forgotten { .. } | Popup::Unforget { .. }) => self.forgotten_step(c),
            Some(Popup::StatePlace { .. }) => self.state_place_step(c),
            Some(Popup::Export { .. }) => self.export_prompt_step(c),
            Some(Popup::ConfirmReplace { .. }) => self.confirm_replace_step(c),
            Some(Popup::Exporting) => self.exporting_step(c),
            Some(Popup::Mapping { .. } | Popup::MappingHeader { .. }) => self.mapping_step(c),
            Some(Popup::Mail { .. }) => self.mail_step(c),
            Some(Popup::Ask { .. }) => self.ask_step(c),
            Some(Popup::Input { .. }) => self.input_step(c),
            Some(Popup::Decide(_)) => self.decide_step(c),
            None => {}
        }
    }
}

/// Draws the open popups over the screen's body, the top one last.
pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    for (depth, p) in app.popups.iter().enumerate() {
        match p {
            Popup::Help { .. } => help::draw(frame, app, area, p, depth),
            Popup::Message { .. } => message::draw(frame, app, area, p),
            Popup::Rejected { .. } => rejected::draw(frame, app, area, p),
            Popup::Forgotten { .. } | Popup::Unforget { .. } => {
                forgotten::draw(frame, app, area, p)
            }
            Popup::StatePlace { .. } => state_place::draw(frame, app, area, p),
            Popup::Export {
                xlsx,
                json,
                field,
                error,
                ..
            } => export::draw_prompt(frame, app, area, (xlsx, json, *field, error.as_ref())),
            Popup::ConfirmReplace { existing, .. } => {
                export::draw_confirm_replace(frame, app, area, existing)
            }
            Popup::Exporting => export::draw_progress(frame, app, area),
            Popup::Mapping { .. } | Popup::MappingHeader { .. } => {
                mapping::draw(frame, app, area, p)
            }
            Popup::Ask { .. } => ask::draw_ask(frame, app, area, p),
            Popup::Input { .. } => ask::draw_input(frame, app, area, p),
            Popup::Decide(d) => decide::draw(frame, app, area, d),
            Popup::Mail { text, scroll, note } => {
                mail::draw(frame, app, area, text, *scroll, note.as_ref())
            }
        }
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

pub(crate) fn input_line<'a>(app: &App, label: &str, value: &str, focus: bool) -> Line<'a> {
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

/// Keeps the end of a long path visible.
pub(crate) fn fit_tail(text: &str, width: usize) -> String {
    let n = text.chars().count();
    if n <= width || width == 0 {
        return text.to_string();
    }
    let tail: String = text.chars().skip(n - width + 1).collect();
    format!("…{tail}")
}

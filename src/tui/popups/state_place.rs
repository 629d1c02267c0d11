//! Another place for the progress store when the list's folder cannot be written (or the store
//! there cannot be used); the place is remembered for the list in the worker's own config.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::{frame_block, input_line, show};
use crate::i18n::Localize;
use crate::i18n::ui::T;
use crate::tui::app::{App, Popup};
use crate::tui::keys::Control;
use crate::tui::view::centered;

impl App {
    /// Keys in the prompt for the state file's place.
    pub(crate) fn state_place_step(&mut self, c: Control) {
        let lang = self.lang();
        let Some(top) = self.popups.last_mut() else {
            return;
        };
        let Popup::StatePlace { input, error } = top else {
            return;
        };
        match c {
            Control::Input(ch) => input.push(ch),
            Control::Backspace => {
                input.pop();
            }
            Control::Back => {
                self.popups.pop();
                // The store stays where it is; only work not written is said (the status and
                // hint lines go on saying it until it is).
                let n = self
                    .ws
                    .as_ref()
                    .map_or(0, crate::workspace::Workspace::unsaved);
                if n > 0 {
                    self.status = Some((
                        format!(
                            "{}: {} ({n})",
                            T::NotSavedYet.get(lang),
                            T::SaveFailed.get(lang)
                        ),
                        true,
                    ));
                }
            }
            Control::Confirm => {
                let path = self.cfg.cwd.join(input.trim());
                if let Some(ws) = self.ws.as_mut() {
                    match ws.move_store(path.clone()) {
                        Ok(moved) => {
                            self.popups.pop();
                            let list = ws.list_path().to_path_buf();
                            self.status = Some(match self.cfg.user.remember_place(&list, &path) {
                                Ok(()) => (
                                    format!("{} {}", T::SavedTo.get(lang), path.display()),
                                    false,
                                ),
                                Err(e) => (
                                    format!(
                                        "{} {} ({}: {e})",
                                        T::SavedTo.get(lang),
                                        path.display(),
                                        T::PlaceNotRemembered.get(lang)
                                    ),
                                    true,
                                ),
                            });
                            self.plan_rebuilt();
                            self.after_store_moved();
                            let mut lines = Vec::new();
                            if moved.setup_left_out {
                                lines.push(T::StoreSetupKept.get(lang).to_string());
                            }
                            if let Some(old) = &moved.left_behind {
                                lines.push(format!(
                                    "{} {}",
                                    T::StoreLeftBehind.get(lang),
                                    old.display()
                                ));
                            }
                            if !lines.is_empty() {
                                self.error(T::NoticeTitle, lines);
                            }
                        }
                        Err(e) => *error = Some(e.localize(lang)),
                    }
                }
            }
            _ => {}
        }
    }
}

/// Draws the prompt for the state file's place.
pub(crate) fn draw(frame: &mut Frame, app: &App, area: Rect, popup: &Popup) {
    let lang = app.lang();
    let t = &app.theme;
    let wide = area.width.saturating_sub(4).min(90);
    let Popup::StatePlace { input, error } = popup else {
        return;
    };
    let mut lines = vec![
        Line::raw(T::StatePlacePrompt.get(lang)),
        Line::raw(""),
        input_line(app, T::PathInput.get(lang), input, true),
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

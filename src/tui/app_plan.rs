//! The plan screen's and the popups' part of [`App::step`].

use std::path::PathBuf;

use super::app::{App, Popup};
use super::keys::Control;
use super::strings::T;
use crate::aktivliste::Field;
use crate::domain::date::parse_date_text;

impl App {
    pub(crate) fn popup_step(&mut self, c: Control) {
        let lang = self.lang();
        let now = self.now();
        let Some(top) = self.popups.last_mut() else {
            return;
        };
        match top {
            Popup::Help { scroll } | Popup::Message { scroll, .. } => match c {
                Control::Up | Control::ScrollUp => *scroll = scroll.saturating_sub(1),
                Control::Down | Control::ScrollDown => *scroll = scroll.saturating_add(1),
                Control::PageUp => *scroll = scroll.saturating_sub(10),
                Control::PageDown => *scroll = scroll.saturating_add(10),
                Control::Back | Control::Confirm | Control::Help => {
                    self.popups.pop();
                }
                _ => {}
            },
            Popup::Rejected { scroll } => match c {
                Control::Up | Control::ScrollUp => *scroll = scroll.saturating_sub(1),
                Control::Down | Control::ScrollDown => *scroll += 1,
                Control::PageUp => *scroll = scroll.saturating_sub(10),
                Control::PageDown => *scroll += 10,
                Control::Back | Control::Confirm | Control::Help => {
                    self.popups.pop();
                }
                _ => {}
            },
            Popup::Unforget { citizen } => {
                let i = *citizen;
                match c {
                    Control::Yes => {
                        self.popups.pop();
                        self.set_forgotten(i, None);
                        self.save();
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
                        self.popups.pop();
                        self.set_forgotten(i, Some(d));
                        self.save();
                    }
                    Err(_) => {
                        *error = Some(
                            lang.pick(
                                "Ikke en dato: skriv dd-mm-åååå.",
                                "Not a date: type dd-mm-yyyy.",
                            )
                            .to_string(),
                        )
                    }
                },
                _ => {}
            },
            Popup::StatePlace { input, error } => match c {
                Control::Input(ch) => input.push(ch),
                Control::Backspace => {
                    input.pop();
                }
                Control::Back => {
                    self.popups.pop();
                    self.status = Some((T::SaveFailed.get(lang).to_string(), true));
                }
                Control::Confirm => {
                    let path = PathBuf::from(input.trim());
                    if let Some(ws) = self.ws.as_mut() {
                        match ws.move_state(path.clone(), now) {
                            Ok(()) => {
                                self.popups.pop();
                                self.status = Some((
                                    format!("{} {}", T::SavedTo.get(lang), path.display()),
                                    false,
                                ));
                            }
                            Err(e) => *error = Some(e.to_string()),
                        }
                    }
                }
                _ => {}
            },
            Popup::Export { .. } => self.export_prompt_step(c),
            Popup::ConfirmReplace { .. } => self.confirm_replace_step(c),
            Popup::Exporting => self.exporting_step(c),
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
            Popup::Mail { .. } => self.mail_step(c),
        }
    }
}

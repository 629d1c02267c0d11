//! Questions before something is done that cannot be taken back quietly (open a list that lost
//! many citizens, change D or the model while ticks would stop counting, quit with changes not
//! saved, record what returned sheets add), and one-line inputs (the worker's initials, a done
//! date, the sheets to read). Each names what follows its answer.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::{frame_block, input_line, show};
use crate::domain::date::parse_date_text;
use crate::i18n::ui::T;
use crate::progress::SavedSettings;
use crate::tui::app::{App, Popup};
use crate::tui::keys::Control;
use crate::tui::view::centered;

/// What a yes does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Then {
    /// Open the list that was read (its store asked a question first).
    OpenList,
    /// Store this set-up; ticks that stop counting stay in the history.
    Settings(Box<SavedSettings>),
    /// Store this set-up although its description is not the guide's (asked first).
    ReasonText(Box<SavedSettings>),
    /// Quit with changes not saved.
    Quit,
    /// Record the changes read from returned action sheets.
    Merge,
}

/// What an input is for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InputFor {
    Initials,
    /// The day a step was done.
    DoneDate {
        citizen: usize,
        action: usize,
    },
    /// Returned action sheets to read Udført from (paths separated by ';').
    MergeSheets,
}

impl App {
    /// Keys in a question: yes does what it names, no or Esc leaves everything as it was.
    pub(crate) fn ask_step(&mut self, c: Control) {
        let Some(Popup::Ask { then, .. }) = self.popups.last() else {
            return;
        };
        let then = then.clone();
        match c {
            Control::Yes | Control::Confirm => {
                self.popups.pop();
                match then {
                    Then::OpenList => self.open_prepared(),
                    Then::Settings(saved) => self.apply_settings(*saved),
                    Then::ReasonText(saved) => self.request_settings(*saved),
                    Then::Quit => {
                        self.stop_export();
                        self.quit = true;
                    }
                    Then::Merge => self.apply_merge(),
                }
            }
            Control::No | Control::Back => {
                self.popups.pop();
                if then == Then::OpenList {
                    self.drop_prepared();
                }
                if then == Then::Merge {
                    self.drop_merge();
                }
            }
            Control::Up | Control::ScrollUp => self.scroll_ask(-1),
            Control::Down | Control::ScrollDown => self.scroll_ask(1),
            Control::PageUp => self.scroll_ask(-10),
            Control::PageDown => self.scroll_ask(10),
            _ => {}
        }
    }

    fn scroll_ask(&mut self, by: i32) {
        if let Some(Popup::Ask { scroll, .. }) = self.popups.last_mut() {
            *scroll = u16::try_from((i32::from(*scroll) + by).max(0)).unwrap_or(0);
        }
    }

    /// Keys in a one-line input.
    pub(crate) fn input_step(&mut self, c: Control) {
        let lang = self.lang();
        let today = self.today();
        // Without initials given and no user name to fall back on, a tick would say "?": the
        // question stays until initials are typed.
        let nameless = self.cfg.user.worker() == "?";
        let Some(Popup::Input {
            input, error, for_, ..
        }) = self.popups.last_mut()
        else {
            return;
        };
        match c {
            Control::Input(ch) => {
                input.push(ch);
                *error = None;
            }
            Control::Backspace => {
                input.pop();
            }
            Control::Back if *for_ == InputFor::Initials && nameless => {
                *error = Some(T::InitialsEmpty.get(lang).to_string());
            }
            Control::Back => {
                self.popups.pop();
            }
            Control::Confirm => {
                let text = input.trim().to_string();
                match for_.clone() {
                    InputFor::Initials => {
                        let initials = crate::userconf::clean_initials(&text);
                        if initials.is_empty() {
                            *error = Some(T::InitialsEmpty.get(lang).to_string());
                            return;
                        }
                        self.popups.pop();
                        self.set_initials(&initials);
                    }
                    InputFor::DoneDate { citizen, action } => match parse_date_text(&text) {
                        Ok(d) if d > today => {
                            *error = Some(T::DoneDateFuture.get(lang).to_string());
                        }
                        Ok(d) => {
                            self.popups.pop();
                            self.mark_done_on(citizen, action, d);
                        }
                        Err(_) => *error = Some(T::NotADate.get(lang).to_string()),
                    },
                    InputFor::MergeSheets => {
                        let paths: Vec<std::path::PathBuf> = text
                            .split(';')
                            .map(str::trim)
                            .filter(|p| !p.is_empty())
                            .map(|p| self.cfg.cwd.join(p))
                            .collect();
                        if paths.is_empty() {
                            *error = Some(T::NoFileChosen.get(lang).to_string());
                            return;
                        }
                        match self.prepare_merge(&paths) {
                            Ok(()) => {
                                // What was read replaces the input.
                                let shown = self.popups.pop();
                                self.popups.pop();
                                self.popups.extend(shown);
                            }
                            Err(e) => {
                                if let Some(Popup::Input { error, .. }) = self.popups.last_mut() {
                                    *error = Some(e);
                                }
                            }
                        }
                    }
                }
            }
            _ => {}
        }
    }
}

/// Draws a question.
pub(crate) fn draw_ask(frame: &mut Frame, app: &App, area: Rect, popup: &Popup) {
    let lang = app.lang();
    let Popup::Ask {
        title,
        lines,
        scroll,
        ..
    } = popup
    else {
        return;
    };
    let w = area.width.saturating_sub(4).min(84);
    let inner_w = w.saturating_sub(2).max(1) as usize;
    let mut body: Vec<Line> = lines.iter().map(|l| Line::raw(l.clone())).collect();
    body.push(Line::raw(""));
    body.push(Line::styled(T::AskYesNo.get(lang), app.theme.key));
    let h: usize = lines
        .iter()
        .map(|l| l.chars().count().div_ceil(inner_w).max(1))
        .sum::<usize>()
        + 2;
    let rect = centered(area, w, u16::try_from(h + 2).unwrap_or(u16::MAX));
    show(
        frame,
        rect,
        frame_block(app, title, false),
        Paragraph::new(body)
            .wrap(Wrap { trim: false })
            .scroll((*scroll, 0)),
    );
}

/// Draws a one-line input.
pub(crate) fn draw_input(frame: &mut Frame, app: &App, area: Rect, popup: &Popup) {
    let lang = app.lang();
    let Popup::Input {
        title,
        prompt,
        label,
        input,
        error,
        for_,
    } = popup
    else {
        return;
    };
    let mut lines: Vec<Line> = prompt.iter().map(|l| Line::raw(l.clone())).collect();
    lines.push(Line::raw(""));
    lines.push(input_line(app, label, input, true));
    if let Some(e) = error {
        lines.push(Line::styled(e.clone(), app.theme.error));
    }
    let keys = match for_ {
        InputFor::MergeSheets => T::InputEnterRead,
        _ => T::InputEnterEsc,
    };
    lines.push(Line::styled(keys.get(lang), app.theme.muted));
    let h = u16::try_from(lines.len() + 4).unwrap_or(u16::MAX);
    let rect = centered(area, area.width.saturating_sub(4).min(80), h);
    show(
        frame,
        rect,
        frame_block(app, title, false),
        Paragraph::new(lines).wrap(Wrap { trim: false }),
    );
}

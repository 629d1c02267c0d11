//! The plan screen's and the popups' part of [`App::step`].

use std::path::PathBuf;

use super::app::{App, Popup, Screen, contains};
use super::keys::Control;
use super::planview::{Focus, PlanView};
use super::screens::setup::SetupForm;
use super::strings::T;
use crate::aktivliste::Field;
use crate::domain::date::parse_date_text;
use crate::plan::Status;
use crate::workspace::TrackedPlan;

/// Rows moved by one wheel notch.
const WHEEL: usize = 3;

impl App {
    pub(crate) fn plan_step(&mut self, c: Control) {
        let today = self.today();
        let page_c = self.areas.citizens.height.max(1) as usize;
        let page_a = self.areas.actions.height.max(1) as usize;
        let (ca, aa) = (self.areas.citizens, self.areas.actions);
        if self.ws.is_none() {
            self.screen = Screen::Start;
            return;
        }
        let Some((ws, view)) = self.planned_mut() else {
            self.screen = Screen::Setup;
            return;
        };
        let Some(tp) = ws.plan() else {
            return;
        };
        if view.searching {
            match c {
                Control::Input(ch) => {
                    view.query.push(ch);
                    view.refresh_rows(tp);
                }
                Control::Backspace => {
                    view.query.pop();
                    view.refresh_rows(tp);
                }
                Control::Confirm => view.searching = false,
                Control::Back => {
                    view.searching = false;
                    view.query.clear();
                    view.refresh_rows(tp);
                }
                Control::Up => move_citizen(view, -1),
                Control::Down => move_citizen(view, 1),
                _ => {}
            }
            return;
        }
        let mut changed = false;
        match c {
            Control::Up => move_focused(view, tp, -1),
            Control::Down => move_focused(view, tp, 1),
            Control::PageUp => move_focused_by(view, tp, -(page_c as isize), -(page_a as isize)),
            Control::PageDown => move_focused_by(view, tp, page_c as isize, page_a as isize),
            Control::Home => move_focused(view, tp, isize::MIN / 2),
            Control::End => move_focused(view, tp, isize::MAX / 2),
            Control::ScrollUp => move_focused(view, tp, -(WHEEL as isize)),
            Control::ScrollDown => move_focused(view, tp, WHEEL as isize),
            Control::NextField => {
                view.focus = match view.focus {
                    Focus::Citizens if view.current().is_some() => {
                        if let Some(i) = view.current() {
                            view.action_selected = tp.next_action(i).unwrap_or(0);
                        }
                        Focus::Actions
                    }
                    _ => Focus::Citizens,
                }
            }
            Control::Tick => {
                if let Some(i) = view.current() {
                    let target = match view.focus {
                        Focus::Actions => Some(view.action_selected),
                        Focus::Citizens => tp.next_action(i),
                    };
                    if let Some(a) = target
                        && a < tp.citizen(i).actions.len()
                    {
                        let ticking = tp.done_of(i)[a].is_none();
                        ws.toggle(i, a, today);
                        if ticking
                            && view.focus == Focus::Actions
                            && let Some(tp) = ws.plan()
                        {
                            move_action(view, tp, 1);
                        }
                        changed = true;
                    }
                }
            }
            Control::Search => {
                view.searching = true;
                view.focus = Focus::Citizens;
            }
            Control::Filter => {
                view.filter = view.filter.next();
                view.refresh_rows(tp);
            }
            Control::Sort => {
                view.sort = view.sort.next();
                view.refresh_rows(tp);
            }
            Control::Forgotten => {
                if let Some(i) = view.current() {
                    let cp = tp.citizen(i);
                    if cp.status == Status::Glemt {
                        self.popups.push(Popup::Unforget { citizen: i });
                    } else {
                        self.popups.push(Popup::Forgotten {
                            citizen: i,
                            input: String::new(),
                            error: None,
                        });
                    }
                }
            }
            Control::RevealCpr => self.show_cpr = !self.show_cpr,
            Control::Export => {
                let popup = self.export_popup();
                self.popups.push(popup);
            }
            Control::Setup => {
                if let Some(s) = ws.state.settings.as_ref() {
                    self.setup = SetupForm::from_saved(s);
                }
                self.screen = Screen::Setup;
            }
            Control::Summary => self.screen = Screen::Summary,
            Control::Mail => self.open_mail(),
            Control::Verify => self.open_verify(),
            Control::Back => {
                if !view.query.is_empty() || view.filter != super::planview::Filter::All {
                    view.query.clear();
                    view.filter = super::planview::Filter::All;
                    view.refresh_rows(tp);
                } else {
                    self.screen = Screen::Setup;
                }
            }
            Control::Click(x, y) => {
                if contains(ca, x, y) {
                    let row = view.offset + (y - ca.y) as usize;
                    if row < view.rows.len() {
                        view.selected = row;
                        view.action_selected = 0;
                        view.action_offset = 0;
                    }
                    view.focus = Focus::Citizens;
                } else if contains(aa, x, y)
                    && let Some(i) = view.current()
                {
                    let row = view.action_offset + (y - aa.y) as usize;
                    if row < tp.citizen(i).actions.len() {
                        view.action_selected = row;
                    }
                    view.focus = Focus::Actions;
                }
            }
            _ => {}
        }
        if changed {
            self.save();
        }
    }

    /// Marks a case forgotten (or not) and shows the citizen's actions from the first.
    fn set_forgotten(&mut self, citizen: usize, slutdato: Option<chrono::NaiveDate>) {
        let Some(ws) = self.ws.as_mut() else {
            return;
        };
        ws.set_forgotten(citizen, slutdato);
        if ws.is_planned()
            && let Some(view) = self.plan_view.as_mut()
        {
            view.action_selected = 0;
            view.action_offset = 0;
        }
    }

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

fn move_focused(view: &mut PlanView, plan: &TrackedPlan, delta: isize) {
    match view.focus {
        Focus::Citizens => move_citizen(view, delta),
        Focus::Actions => move_action(view, plan, delta),
    }
}

fn move_focused_by(view: &mut PlanView, plan: &TrackedPlan, citizens: isize, actions: isize) {
    match view.focus {
        Focus::Citizens => move_citizen(view, citizens),
        Focus::Actions => move_action(view, plan, actions),
    }
}

fn move_citizen(view: &mut PlanView, delta: isize) {
    if view.rows.is_empty() {
        return;
    }
    let max = view.rows.len() as isize - 1;
    let new = (view.selected as isize).saturating_add(delta).clamp(0, max) as usize;
    if new != view.selected {
        view.selected = new;
        view.action_selected = 0;
        view.action_offset = 0;
    }
}

fn move_action(view: &mut PlanView, plan: &TrackedPlan, delta: isize) {
    let Some(i) = view.current() else {
        return;
    };
    let n = plan.citizen(i).actions.len() as isize;
    if n == 0 {
        return;
    }
    view.action_selected = (view.action_selected as isize)
        .saturating_add(delta)
        .clamp(0, n - 1) as usize;
}

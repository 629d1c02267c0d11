//! The plan screen: what it shows of the plan (the workspace's [`TrackedPlan`]): the visible
//! order of citizens (search, filter, sort) and the cursors, and its keys; the drawing is in
//! [`draw`]. Built for lists of 100,000 citizens: the row order is only recomputed when search,
//! filter or sort change, and drawing looks only at the visible rows.

pub(crate) mod draw;

use crate::i18n::ui::T;
use crate::plan::Status;
use crate::tui::app::{App, Popup, Screen, contains};
use crate::tui::keys::Control;
use crate::tui::screens::setup::SetupForm;
use crate::workspace::TrackedPlan;

/// Rows moved by one wheel notch.
const WHEEL: usize = 3;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Filter {
    All,
    Conflicts,
    NotStarted,
    InProgress,
    Done,
    Forgotten,
}

impl Filter {
    pub fn next(self) -> Filter {
        match self {
            Filter::All => Filter::Conflicts,
            Filter::Conflicts => Filter::NotStarted,
            Filter::NotStarted => Filter::InProgress,
            Filter::InProgress => Filter::Done,
            Filter::Done => Filter::Forgotten,
            Filter::Forgotten => Filter::All,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortKey {
    List,
    Name,
    Cpr,
    Progress,
    Conflicts,
}

impl SortKey {
    pub fn next(self) -> SortKey {
        match self {
            SortKey::List => SortKey::Name,
            SortKey::Name => SortKey::Cpr,
            SortKey::Cpr => SortKey::Progress,
            SortKey::Progress => SortKey::Conflicts,
            SortKey::Conflicts => SortKey::List,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Focus {
    Citizens,
    Actions,
}

/// The plan screen's view of the plan: which citizens are shown in which order, and where the
/// cursors are.
#[derive(Clone, Debug)]
pub struct PlanView {
    /// Indices of the citizens shown, in the order shown.
    pub rows: Vec<u32>,
    pub selected: usize,
    pub offset: usize,
    pub action_selected: usize,
    pub action_offset: usize,
    pub focus: Focus,
    pub filter: Filter,
    pub sort: SortKey,
    pub query: String,
    pub searching: bool,
}

impl PlanView {
    /// Every citizen shown in list order, the first selected.
    pub fn new(plan: &TrackedPlan) -> PlanView {
        let mut view = PlanView {
            rows: Vec::new(),
            selected: 0,
            offset: 0,
            action_selected: 0,
            action_offset: 0,
            focus: Focus::Citizens,
            filter: Filter::All,
            sort: SortKey::List,
            query: String::new(),
            searching: false,
        };
        view.refresh_rows(plan);
        view
    }

    /// The view of a plan made again (a new model or D): the search, filter and sort stay, and
    /// so does the selected citizen when still shown.
    pub fn rebuilt(old: Option<&PlanView>, plan: &TrackedPlan) -> PlanView {
        let mut view = PlanView::new(plan);
        if let Some(old) = old {
            view.filter = old.filter;
            view.sort = old.sort;
            view.query = old.query.clone();
            view.refresh_rows(plan);
            view.searching = old.searching;
            if let Some(i) = old.current() {
                view.select_citizen(i);
                // Others' changes arrive under the cursor: the pane and the step selected stay,
                // so the next Space ticks what the person is looking at.
                if view.current() == Some(i) {
                    view.focus = old.focus;
                    let n = plan.citizen(i).actions.len();
                    view.action_selected = old.action_selected.min(n.saturating_sub(1));
                    view.action_offset = old.action_offset.min(view.action_selected);
                }
            }
        }
        view
    }

    /// The index of the selected citizen, if any row is shown.
    pub fn current(&self) -> Option<usize> {
        self.rows.get(self.selected).map(|&i| i as usize)
    }

    /// Recomputes the shown rows from search, filter and sort, keeping the selected citizen
    /// selected when it is still shown.
    pub fn refresh_rows(&mut self, plan: &TrackedPlan) {
        let keep = self.current();
        let q = self.query.trim().to_lowercase();
        let q_digits: String = q.chars().filter(|c| c.is_ascii_digit()).collect();
        let digits_only = !q.is_empty() && q.chars().all(|c| c.is_ascii_digit() || c == '-');
        let cits = &plan.plan.citizens;
        let mut rows: Vec<u32> = (0..plan.len() as u32)
            .filter(|&i| {
                let i = i as usize;
                let done = plan.done_count(i);
                let passes = match self.filter {
                    Filter::All => true,
                    Filter::Conflicts => plan.conflict_count(i) > 0,
                    Filter::NotStarted => done == 0 && !cits[i].actions.is_empty(),
                    Filter::InProgress => done > 0 && done < cits[i].actions.len(),
                    Filter::Done => done == cits[i].actions.len(),
                    Filter::Forgotten => cits[i].status == Status::Glemt,
                };
                passes
                    && (q.is_empty()
                        || if digits_only {
                            cits[i].cpr.digits().contains(&q_digits)
                        } else {
                            plan.search_key(i).contains(&q)
                        })
            })
            .collect();
        match self.sort {
            SortKey::List => {}
            SortKey::Name => {
                rows.sort_by(|&a, &b| plan.search_key(a as usize).cmp(plan.search_key(b as usize)))
            }
            SortKey::Cpr => rows.sort_by_key(|&i| cits[i as usize].cpr),
            SortKey::Progress => rows.sort_by(|&a, &b| {
                let f = |i: u32| {
                    let n = cits[i as usize].actions.len().max(1) as u64;
                    plan.done_count(i as usize) as u64 * 1_000_000 / n
                };
                f(a).cmp(&f(b))
            }),
            SortKey::Conflicts => {
                rows.sort_by_key(|&i| std::cmp::Reverse(plan.conflict_count(i as usize)))
            }
        }
        self.rows = rows;
        self.selected = keep
            .and_then(|k| self.rows.iter().position(|&r| r as usize == k))
            .unwrap_or(0);
        self.offset = self.offset.min(self.selected);
    }

    /// Selects a citizen by index, when shown.
    pub fn select_citizen(&mut self, citizen: usize) {
        if let Some(p) = self.rows.iter().position(|&r| r as usize == citizen) {
            self.selected = p;
            self.action_selected = 0;
            self.action_offset = 0;
        }
    }
}

impl App {
    pub(crate) fn plan_step(&mut self, c: Control) {
        let today = self.today();
        let now = self.now();
        if matches!(
            c,
            Control::Undo
                | Control::History
                | Control::DoneDate
                | Control::Initials
                | Control::StorePlace
                | Control::Merge
        ) {
            self.plan_progress_step(c);
            return;
        }
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
        let mut saved = None;
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
                        saved = Some(ws.toggle(i, a, today, now));
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
            Control::Decide => {
                if let Some(i) = view.current() {
                    let cpr = tp.citizen(i).cpr;
                    let mut topics: Vec<_> = tp
                        .plan
                        .conflicts_of(&cpr)
                        .filter_map(|c| c.topic.as_deref().cloned())
                        .collect();
                    topics.dedup();
                    if topics.is_empty() {
                        let lang = self.lang();
                        self.status = Some((T::DecideNothing.get(lang).to_string(), false));
                    } else {
                        let d = crate::tui::popups::decide::Deciding::new(i, topics);
                        self.status = None;
                        self.popups.push(Popup::Decide(d));
                    }
                }
            }
            Control::RevealCpr => self.show_cpr = !self.show_cpr,
            Control::Export => {
                let popup = self.export_popup();
                self.popups.push(popup);
            }
            Control::Setup => {
                if let Some(s) = ws.saved_settings() {
                    self.setup = SetupForm::from_saved(s);
                }
                self.screen = Screen::Setup;
            }
            Control::Summary => self.screen = Screen::Summary,
            Control::Mail => self.open_mail(),
            Control::Verify => self.open_verify(),
            Control::Back => {
                if !view.query.is_empty() || view.filter != Filter::All {
                    view.query.clear();
                    view.filter = Filter::All;
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
        if changed && let Some(r) = saved {
            // A message about something earlier does not stay under a new tick.
            self.status = None;
            self.note_saved(r);
        }
    }

    /// The keys of the progress itself: undo, a step's history, its done date, the initials.
    fn plan_progress_step(&mut self, c: Control) {
        let target = self.planned().and_then(|(ws, view)| {
            let i = view.current()?;
            let tp = ws.plan()?;
            let a = match view.focus {
                Focus::Actions => Some(view.action_selected),
                Focus::Citizens => tp.next_action(i).or(Some(0)),
            }?;
            (a < tp.citizen(i).actions.len()).then_some((i, a))
        });
        match (c, target) {
            (Control::Undo, _) => self.undo(),
            (Control::Initials, _) => self.ask_initials(),
            (Control::StorePlace, _) => self.ask_store_place(),
            (Control::Merge, _) => self.ask_merge_sheets(),
            (Control::History, Some((i, a))) => self.show_history(i, a),
            (Control::DoneDate, Some((i, a))) => self.ask_done_date(i, a),
            _ => {}
        }
    }

    /// Marks a case forgotten (or not) and shows the citizen's actions from the first.
    pub(crate) fn set_forgotten(&mut self, citizen: usize, slutdato: Option<chrono::NaiveDate>) {
        let now = self.now();
        let Some(ws) = self.ws.as_mut() else {
            return;
        };
        let r = ws.set_forgotten(citizen, slutdato, now);
        if ws.is_planned()
            && let Some(view) = self.plan_view.as_mut()
        {
            view.action_selected = 0;
            view.action_offset = 0;
        }
        self.plan_rebuilt();
        self.note_saved(r);
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

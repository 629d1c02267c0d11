//! What the plan screen shows of the plan (the workspace's [`TrackedPlan`]): the visible order
//! of citizens (search, filter, sort) and the cursors. Built for lists of 100,000 citizens: the
//! row order is only recomputed when search, filter or sort change, and drawing looks only at
//! the visible rows.

use crate::plan::Status;
use crate::workspace::TrackedPlan;

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
            if let Some(i) = old.current() {
                view.select_citizen(i);
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

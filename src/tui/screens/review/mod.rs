//! Review mode's screen: a written plan read back (action sheet or JSON), the check's findings
//! tied to the rows they concern, the visible order of rows (all, or only rows with findings),
//! and its keys. Opening a plan is in [`open`], its drawing in [`draw`]. Read-only: nothing here
//! changes the plan or writes a file.
//!
//! Built for plans of 600,000 rows: findings are indexed per row once, jumping to the next
//! finding is a binary search, and drawing looks only at the visible rows.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use ratatui::layout::Rect;

pub(crate) mod draw;
pub(crate) mod lines;
pub(crate) mod open;

use crate::domain::cpr::mask_in_text;
use crate::i18n::ui::T;
use crate::review::{self, Finding, FindingKind, Location, PlanRows, Row, words};
use crate::tui::app::{App, Popup, Screen, contains};
use crate::tui::keys::Control;
use lines::{general_line, row_summary};

/// Rows moved by one wheel notch.
const WHEEL: isize = 3;

pub struct ReviewView {
    pub path: PathBuf,
    pub plan: PlanRows,
    pub findings: Vec<Finding>,
    /// Row `i`'s findings are `by_row[starts[i]..starts[i + 1]]` (indices into `findings`).
    starts: Vec<u32>,
    by_row: Vec<u32>,
    /// The rows with at least one finding, in row order.
    finding_rows: Vec<u32>,
    /// Findings that concern no particular row: the set-up, stated counts, missing citizens,
    /// and cells that could not be read into a row at all.
    pub general: Vec<u32>,
    /// Number of citizens (distinct citizen numbers) in the rows.
    pub citizens: usize,
    /// Some CPR in the plan is written in full (the screen still masks it).
    pub full_cpr: bool,
    /// Only rows with findings are shown.
    pub only_findings: bool,
    /// Position of the selected row among the shown rows.
    pub selected: usize,
    /// The first shown row drawn.
    pub offset: usize,
    /// Where the rows were drawn last (for the mouse and the page size).
    pub table_area: Rect,
}

fn key(at: &Location) -> (&str, Option<u32>) {
    (at.sheet.as_str(), at.row)
}

/// Findings that belong to the plan as a whole even when they carry a row's place.
fn is_general(kind: &FindingKind) -> bool {
    matches!(
        kind,
        FindingKind::CitizenMissing { .. }
            | FindingKind::CountMismatch { .. }
            | FindingKind::HeaderReentryWrong { .. }
    )
}

impl ReviewView {
    /// Checks a plan read back and ties every finding to its row.
    pub fn new(path: &Path, plan: PlanRows) -> ReviewView {
        let findings = review::check(&plan);
        let index: HashMap<(&str, Option<u32>), u32> = plan
            .rows
            .iter()
            .enumerate()
            .map(|(i, r)| ((r.at.sheet.as_str(), r.at.row), i as u32))
            .collect();
        let mut pairs: Vec<(u32, u32)> = Vec::new();
        let mut general = Vec::new();
        for (f, finding) in findings.iter().enumerate() {
            let row = (!is_general(&finding.kind))
                .then(|| index.get(&key(&finding.at)).copied())
                .flatten();
            match row {
                Some(r) => pairs.push((r, f as u32)),
                None => general.push(f as u32),
            }
        }
        drop(index);
        pairs.sort_unstable();
        let n = plan.rows.len();
        let mut starts = vec![0u32; n + 1];
        for &(r, _) in &pairs {
            starts[r as usize + 1] += 1;
        }
        for i in 0..n {
            starts[i + 1] += starts[i];
        }
        let by_row: Vec<u32> = pairs.iter().map(|&(_, f)| f).collect();
        let mut finding_rows: Vec<u32> = pairs.iter().map(|&(r, _)| r).collect();
        finding_rows.dedup();
        let mut numbers: Vec<u32> = plan.rows.iter().map(|r| r.citizen).collect();
        numbers.sort_unstable();
        numbers.dedup();
        let full_cpr = plan.rows.iter().any(|r| mask_in_text(&r.cpr) != r.cpr);
        ReviewView {
            path: path.to_path_buf(),
            findings,
            starts,
            by_row,
            finding_rows,
            general,
            citizens: numbers.len(),
            full_cpr,
            only_findings: false,
            selected: 0,
            offset: 0,
            table_area: Rect::default(),
            plan,
        }
    }

    /// Reads a plan file and checks it; the error is one line for a person.
    pub fn open(path: &Path, lang: crate::lang::Lang) -> Result<ReviewView, String> {
        let plan = review::read_plan_file(path).map_err(|e| e.message(lang))?;
        Ok(ReviewView::new(path, plan))
    }

    pub fn file_name(&self) -> String {
        crate::i18n::ui::file_name(&self.path)
    }

    /// Number of rows shown (all, or those with findings).
    pub fn shown(&self) -> usize {
        if self.only_findings {
            self.finding_rows.len()
        } else {
            self.plan.rows.len()
        }
    }

    /// The row index of a shown position.
    pub fn row_at(&self, pos: usize) -> Option<usize> {
        if self.only_findings {
            self.finding_rows.get(pos).map(|&r| r as usize)
        } else {
            (pos < self.plan.rows.len()).then_some(pos)
        }
    }

    /// The selected row's index, if any row is shown.
    pub fn current(&self) -> Option<usize> {
        self.row_at(self.selected)
    }

    pub fn row(&self, i: usize) -> &Row {
        &self.plan.rows[i]
    }

    /// The findings of a row, in the check's order.
    pub fn findings_of(&self, i: usize) -> impl Iterator<Item = &Finding> {
        let (a, b) = (self.starts[i] as usize, self.starts[i + 1] as usize);
        self.by_row[a..b]
            .iter()
            .map(|&f| &self.findings[f as usize])
    }

    pub fn finding_count(&self, i: usize) -> usize {
        (self.starts[i + 1] - self.starts[i]) as usize
    }

    /// Rows with at least one finding.
    pub fn rows_with_findings(&self) -> usize {
        self.finding_rows.len()
    }

    /// Moves the selection by `delta` shown rows, staying within the list.
    pub fn move_by(&mut self, delta: isize) {
        let n = self.shown();
        if n == 0 {
            self.selected = 0;
            return;
        }
        let to = (self.selected as isize).saturating_add(delta);
        self.selected = to.clamp(0, n as isize - 1) as usize;
    }

    /// Selects the next (or previous) row with findings after the selected one, wrapping
    /// around the ends. Returns whether it wrapped; None when no row has findings.
    pub fn jump_finding(&mut self, forward: bool) -> Option<bool> {
        if self.finding_rows.is_empty() {
            return None;
        }
        let n = self.finding_rows.len();
        if self.only_findings {
            let wrapped = if forward {
                self.selected + 1 >= n
            } else {
                self.selected == 0
            };
            self.selected = match (forward, wrapped) {
                (true, true) => 0,
                (true, false) => self.selected + 1,
                (false, true) => n - 1,
                (false, false) => self.selected - 1,
            };
            return Some(wrapped);
        }
        let cur = self.selected as u32;
        let (target, wrapped) = if forward {
            let p = self.finding_rows.partition_point(|&r| r <= cur);
            match self.finding_rows.get(p) {
                Some(&r) => (r, false),
                None => (self.finding_rows[0], true),
            }
        } else {
            let p = self.finding_rows.partition_point(|&r| r < cur);
            match p.checked_sub(1) {
                Some(q) => (self.finding_rows[q], false),
                None => (self.finding_rows[n - 1], true),
            }
        };
        self.selected = target as usize;
        Some(wrapped)
    }

    /// Shows only rows with findings, or all rows again. The selected row stays selected when
    /// it is still shown; otherwise the next row with findings is selected.
    pub fn toggle_filter(&mut self) {
        let keep = self.current();
        self.only_findings = !self.only_findings;
        self.selected = match keep {
            None => 0,
            Some(r) if self.only_findings => {
                let p = self.finding_rows.partition_point(|&x| (x as usize) < r);
                p.min(self.finding_rows.len().saturating_sub(1))
            }
            Some(r) => r,
        };
        self.offset = self.offset.min(self.selected);
    }

    /// Keeps the selected row inside a window of `height` rows.
    pub fn scroll_into_view(&mut self, height: usize) {
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if height > 0 && self.selected >= self.offset + height {
            self.offset = self.selected + 1 - height;
        }
        let n = self.shown();
        if height > 0 && self.offset + height > n {
            self.offset = n.saturating_sub(height).min(self.selected);
        }
    }
}

impl App {
    pub(crate) fn review_step(&mut self, c: Control) {
        let lang = self.lang();
        let Some(view) = self.review.as_mut() else {
            self.screen = Screen::Start;
            return;
        };
        let page = view.table_area.height.max(1) as isize;
        self.status = None;
        match c {
            Control::Up => view.move_by(-1),
            Control::Down => view.move_by(1),
            Control::PageUp => view.move_by(-page),
            Control::PageDown => view.move_by(page),
            Control::Home => view.move_by(isize::MIN / 2),
            Control::End => view.move_by(isize::MAX / 2),
            Control::ScrollUp => view.move_by(-WHEEL),
            Control::ScrollDown => view.move_by(WHEEL),
            Control::Click(x, y) => {
                let a = view.table_area;
                if contains(a, x, y) {
                    let pos = view.offset + (y - a.y) as usize;
                    if pos < view.shown() {
                        view.selected = pos;
                    }
                }
            }
            Control::NextFinding | Control::PrevFinding => {
                let forward = c == Control::NextFinding;
                self.status = match view.jump_finding(forward) {
                    None => Some((T::ReviewNoFindingsToJump.get(lang).to_string(), false)),
                    Some(true) => {
                        let t = if forward {
                            T::ReviewWrappedTop
                        } else {
                            T::ReviewWrappedBottom
                        };
                        Some((t.get(lang).to_string(), false))
                    }
                    Some(false) => None,
                };
            }
            Control::Filter => view.toggle_filter(),
            Control::Confirm => {
                if let Some(i) = view.current() {
                    let r = view.row(i);
                    let mut lines = vec![row_summary(r, lang), String::new()];
                    for f in view.findings_of(i) {
                        let (what, expected) = words::finding(&f.kind, lang);
                        lines.push(mask_in_text(&format!("⚠ {what}")));
                        lines.push(mask_in_text(&format!(
                            "  {}: {expected}",
                            words::expected_label(lang)
                        )));
                    }
                    if view.finding_count(i) == 0 {
                        lines.push(format!("✓ {}", T::ReviewNoRowFindings.get(lang)));
                    }
                    self.popups.push(Popup::Message {
                        title: words::location(&r.at, lang),
                        lines,
                        error: false,
                        scroll: 0,
                    });
                }
            }
            Control::GeneralFindings => {
                let lines: Vec<String> = if view.general.is_empty() {
                    vec![T::NoneWord.get(lang).to_string()]
                } else {
                    view.general
                        .iter()
                        .map(|&f| general_line(&view.findings[f as usize], lang))
                        .collect()
                };
                self.popups.push(Popup::Message {
                    title: format!(
                        "{} ({})",
                        T::ReviewGeneralTitle.get(lang),
                        view.general.len()
                    ),
                    lines,
                    error: false,
                    scroll: 0,
                });
            }
            Control::Back => self.quit = true,
            _ => {}
        }
    }
}

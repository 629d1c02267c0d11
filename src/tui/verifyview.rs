//! Follow-up from the plan screen: a later Aktivliste (read off the UI thread with the list's
//! column mappings) against the plan in memory and its ticks, through the same
//! [`crate::review::verify::verify`] as the `verify` command. The citizens are grouped by where
//! they stand, what the user must act on first.

use std::path::PathBuf;

use chrono::{NaiveDate, NaiveDateTime};

use super::app::{App, Screen};
use super::job::Job;
use super::keys::Control;
use super::screens::start::StartState;
use super::strings::T;
use crate::aktivliste::{self, Aktivliste, LoadOptions};
use crate::domain::Cpr;
use crate::domain::date::fmt_dk;
use crate::export::{self, ExportInput};
use crate::lang::Lang;
use crate::plan::{Action, CitizenPlan, Model};
use crate::progress::TickKey;
use crate::review::PlanRows;
use crate::review::verify::{self, State, Verification};
use crate::review::words;
use crate::workspace::Workspace;

/// Where a citizen stands, in the order the screen lists them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Group {
    Blocking,
    Early,
    New,
    Open,
    Done,
}

impl Group {
    pub const ALL: [Group; 5] = [
        Group::Blocking,
        Group::Early,
        Group::New,
        Group::Open,
        Group::Done,
    ];

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Group::Blocking => T::VerifyBlocking.get(lang),
            Group::Early => T::VerifyEarly.get(lang),
            Group::New => T::VerifyNew.get(lang),
            Group::Open => T::VerifyOpen.get(lang),
            Group::Done => T::VerifyDone.get(lang),
        }
    }

    /// Needs a person: still blocking, re-entered too early or twice, or new.
    pub fn needs_action(self) -> bool {
        matches!(self, Group::Blocking | Group::Early | Group::New)
    }

    fn of(state: State) -> Group {
        match state {
            State::Blocking => Group::Blocking,
            State::Early => Group::Early,
            State::Open => Group::Open,
            State::Done => Group::Done,
        }
    }
}

/// One line of the verification.
#[derive(Clone, Debug)]
pub struct Entry {
    pub group: Group,
    /// Masked `DDMMYY-xxxx`.
    pub masked: String,
    /// The full number, shown only while the plan screen shows full CPR.
    pub cpr: Option<Cpr>,
    pub name: String,
    /// The steps left, the reason, or the days open.
    pub detail: String,
}

impl Entry {
    pub fn cpr_text(&self, show_full: bool) -> String {
        match (&self.cpr, show_full) {
            (Some(c), true) => c.display(true),
            _ => self.masked.clone(),
        }
    }
}

/// The later list checked against the plan.
pub struct Checked {
    pub path: PathBuf,
    pub verification: Verification,
    /// Rows of the later list that could not be read.
    pub rejected: usize,
    /// Every citizen, grouped in [`Group`] order.
    pub entries: Vec<Entry>,
}

impl Checked {
    pub fn count(&self, g: Group) -> usize {
        self.entries.iter().filter(|e| e.group == g).count()
    }

    pub fn blocks(&self) -> bool {
        self.verification.blocks() || self.rejected > 0
    }
}

type ReadResult = Result<Checked, String>;

pub struct Reading {
    pub path: PathBuf,
    pub(super) job: Job<Checked>,
}

pub struct VerifyView {
    /// The path field, with the start screen's completion.
    pub field: StartState,
    /// The path prompt is open.
    pub editing: bool,
    pub reading: Option<Reading>,
    pub checked: Option<Checked>,
    /// Why the last list could not be used (shown under the path).
    pub error: Option<String>,
    /// Only this group; None: all.
    pub filter: Option<Group>,
    pub selected: usize,
    pub offset: usize,
}

impl VerifyView {
    /// A path prompt starting at `path` (the list's folder, or the last list).
    pub fn new(path: String) -> VerifyView {
        VerifyView {
            field: StartState {
                path,
                editing: true,
                ..StartState::default()
            },
            editing: true,
            reading: None,
            checked: None,
            error: None,
            filter: None,
            selected: 0,
            offset: 0,
        }
    }

    /// The entries shown under the filter.
    pub fn rows(&self) -> Vec<&Entry> {
        self.checked
            .iter()
            .flat_map(|c| &c.entries)
            .filter(|e| self.filter.is_none_or(|f| e.group == f))
            .collect()
    }

    /// The next filter: all, then each group that has citizens.
    fn next_filter(&mut self) {
        let Some(c) = &self.checked else {
            return;
        };
        let present: Vec<Group> = Group::ALL.into_iter().filter(|g| c.count(*g) > 0).collect();
        self.filter = match self.filter {
            None => present.first().copied(),
            Some(f) => present.iter().copied().find(|g| *g > f),
        };
        self.selected = 0;
        self.offset = 0;
    }
}

/// The plan's side of a check, taken on the UI thread: the plan and its ticks as the rows of a
/// written plan (ticks count as done steps), and each planned citizen's CPR and name. The rows
/// hold the full CPR for matching only; what is shown is masked unless chosen otherwise.
pub struct PlanSide {
    rows: PlanRows,
    planned: Vec<(Cpr, String)>,
}

pub fn plan_side(ws: &Workspace, lang: Lang, now: NaiveDateTime) -> Option<PlanSide> {
    let tracked = ws.plan()?;
    let done = |c: &CitizenPlan, a: &Action| -> Option<NaiveDate> {
        ws.ticks.get(&TickKey::of(&c.cpr, a)).copied()
    };
    let input = ExportInput {
        plan: &tracked.plan,
        list: &ws.list,
        show_cpr: true,
        lang,
        generated_at: now,
        done: &done,
    };
    Some(PlanSide {
        rows: crate::review::read::from_json(&export::build_json(&input)),
        planned: tracked
            .plan
            .citizens
            .iter()
            .map(|c| (c.cpr, c.name.as_deref().unwrap_or_default().to_string()))
            .collect(),
    })
}

/// The later list against the plan (off the UI thread: a long list takes a while).
pub fn check(side: &PlanSide, after: &Aktivliste, lang: Lang, today: NaiveDate) -> Checked {
    let v = verify::verify(&side.rows, &after.citizens, today);
    let mut entries = Vec::new();
    for r in &v.citizens {
        let planned = (r.citizen as usize)
            .checked_sub(1)
            .and_then(|i| side.planned.get(i));
        entries.push(Entry {
            group: Group::of(r.state),
            masked: r.cpr.clone(),
            cpr: planned.map(|p| p.0),
            name: planned.map(|p| p.1.clone()).unwrap_or_default(),
            detail: detail(r, v.model, lang),
        });
    }
    // New citizens: the later list's own, in its order.
    for n in &v.new {
        let c = after.citizens.get(n.index);
        let detail = match n.start {
            Some(d) => format!(
                "{} {} {}",
                T::VerifyStarted.get(lang),
                fmt_dk(d),
                if d > v.switch_date {
                    T::VerifyNewAfter.get(lang)
                } else {
                    T::VerifyNewBefore.get(lang)
                }
            ),
            None => String::new(),
        };
        entries.push(Entry {
            group: Group::New,
            masked: n.cpr.clone(),
            cpr: c.map(|c| c.cpr),
            name: c
                .and_then(|c| c.name.as_deref())
                .unwrap_or_default()
                .to_string(),
            detail,
        });
    }
    entries.sort_by_key(|e| e.group);
    Checked {
        path: after.path.clone(),
        verification: v,
        rejected: after.rejected.len(),
        entries,
    }
}

/// What is left for a citizen: the reason, the days open, the steps left.
fn detail(r: &verify::CitizenReport, model: Model, lang: Lang) -> String {
    let mut what: Vec<String> = r
        .early
        .iter()
        .map(|e| words::verify_early(e, lang))
        .collect();
    for o in &r.open {
        // The days first: they are what the list has room for.
        what.push(format!(
            "{} {} {}: {}{} {} {}",
            T::VerifyOpenFor.get(lang),
            o.days,
            T::VerifyDays.get(lang),
            crate::text::form_label(o.form, lang).to_lowercase(),
            o.id.as_deref().map(|i| format!(" {i}")).unwrap_or_default(),
            T::VerifyStarted.get(lang),
            fmt_dk(o.start),
        ));
    }
    if matches!(r.state, State::Blocking | State::Early) && model != Model::Mellem {
        if r.steps_left.is_empty() {
            what.push(T::VerifyAllTicked.get(lang).to_string());
        } else {
            let steps: Vec<String> = r
                .steps_left
                .iter()
                .map(|s| words::verify_step(s, lang))
                .collect();
            what.push(format!(
                "{}: {}",
                T::VerifyStepsLeft.get(lang),
                steps.join(", ")
            ));
        }
    }
    if r.state == State::Done {
        what.push(T::VerifyNotActive.get(lang).to_string());
    }
    what.join("; ")
}

/// Reads a later list with the plan's column mappings and checks it against the plan; the error
/// is one line for a person.
fn read_and_check(
    path: &std::path::Path,
    options: &LoadOptions,
    side: &PlanSide,
    lang: Lang,
    today: NaiveDate,
) -> ReadResult {
    let after = aktivliste::load(path, options).map_err(|e| e.message(lang))?;
    Ok(check(side, &after, lang, today))
}

impl App {
    /// Opens the follow-up: the path prompt, starting at the last later list or the list's
    /// folder.
    pub(crate) fn open_verify(&mut self) {
        let Some(ws) = self.ws.as_ref() else {
            return;
        };
        if !ws.is_planned() {
            return;
        }
        // The last later list, else the list's folder; relative to the working folder when
        // inside it.
        let cwd = &self.cfg.cwd;
        let relative = |p: &std::path::Path| p.strip_prefix(cwd).unwrap_or(p).display().to_string();
        let last = self
            .verify
            .as_ref()
            .and_then(|v| v.checked.as_ref())
            .map(|c| relative(&c.path));
        let path = last.unwrap_or_else(|| {
            let dir = ws.list_path().parent().unwrap_or(std::path::Path::new(""));
            match relative(dir) {
                d if d.is_empty() => d,
                d => format!("{d}/"),
            }
        });
        let mut view = VerifyView::new(path);
        if let Some(old) = self.verify.take() {
            view.checked = old.checked;
        }
        self.verify = Some(view);
        self.screen = Screen::Verify;
    }

    pub(crate) fn verify_step(&mut self, c: Control) {
        let page = self.areas.citizens.height.max(1) as usize;
        let body = self.areas.citizens;
        let Some(v) = self.verify.as_mut() else {
            self.screen = Screen::Plan;
            return;
        };
        if v.editing {
            match c {
                Control::Input(ch) => {
                    v.field.path.push(ch);
                    v.field.candidates.clear();
                    v.error = None;
                }
                Control::Backspace => {
                    v.field.path.pop();
                    v.field.candidates.clear();
                }
                Control::Complete => v.field.complete(&self.cfg.cwd),
                Control::Confirm => {
                    let path = v.field.typed_path(&self.cfg.cwd);
                    self.start_verify_read(path);
                }
                Control::Back => {
                    if v.checked.is_some() {
                        v.editing = false;
                        v.reading = None;
                    } else {
                        self.verify = None;
                        self.screen = Screen::Plan;
                    }
                }
                _ => {}
            }
            return;
        }
        let n = v.rows().len();
        let mut to = |delta: isize| {
            if n > 0 {
                v.selected = (v.selected as isize)
                    .saturating_add(delta)
                    .clamp(0, n as isize - 1) as usize;
            }
        };
        match c {
            Control::Up | Control::ScrollUp => to(-1),
            Control::Down | Control::ScrollDown => to(1),
            Control::PageUp => to(-(page as isize)),
            Control::PageDown => to(page as isize),
            Control::Home => to(isize::MIN / 2),
            Control::End => to(isize::MAX / 2),
            Control::Click(x, y) => {
                // A click on a citizen's line selects it.
                let inside = x >= body.x
                    && x < body.x.saturating_add(body.width)
                    && y >= body.y
                    && y < body.y.saturating_add(body.height);
                let row = v.offset + usize::from(y.saturating_sub(body.y));
                if inside && row < n {
                    v.selected = row;
                }
            }
            Control::Filter => v.next_filter(),
            Control::Verify => {
                v.editing = true;
                v.error = None;
            }
            Control::Back => self.screen = Screen::Plan,
            _ => {}
        }
    }

    /// Starts reading a later list off the UI thread.
    fn start_verify_read(&mut self, path: PathBuf) {
        let lang = self.lang();
        let (now, today) = (self.now(), self.today());
        let options = LoadOptions {
            columns: self.columns.clone(),
        };
        let side = self.ws.as_ref().and_then(|ws| plan_side(ws, lang, now));
        let Some(v) = self.verify.as_mut() else {
            return;
        };
        if !path.is_file() {
            v.error = Some(format!(
                "{}: {}",
                lang.pick("Ingen sådan fil", "No such file"),
                path.display()
            ));
            return;
        }
        let Some(side) = side else {
            v.error = Some(
                lang.pick("Der er ingen plan endnu.", "There is no plan yet.")
                    .to_string(),
            );
            return;
        };
        v.error = None;
        let p = path.clone();
        // A panic in the reader becomes a failed read shown on the screen.
        let job = Job::spawn(
            move |_| read_and_check(&p, &options, &side, lang, today),
            move |_| T::ReadInternalError.get(lang).to_string(),
            T::ReadStopped.get(lang).to_string(),
        );
        v.reading = Some(Reading { path, job });
    }

    /// A later list is being read.
    pub fn verify_busy(&self) -> bool {
        self.verify.as_ref().is_some_and(|v| v.reading.is_some())
    }

    /// Checks on the read of a later list; returns whether the screen changed.
    pub fn poll_verify(&mut self) -> bool {
        let Some(reading) = self.verify.as_ref().and_then(|v| v.reading.as_ref()) else {
            return false;
        };
        self.spinner = self.spinner.wrapping_add(1);
        let Some(result) = reading.job.poll() else {
            return true;
        };
        self.finish_verify(result);
        true
    }

    /// Waits for the read of a later list (tests).
    pub fn wait_for_verify(&mut self) {
        let Some(reading) = self.verify.as_mut().and_then(|v| v.reading.take()) else {
            return;
        };
        let r = reading.job.wait();
        self.finish_verify(r);
    }

    fn finish_verify(&mut self, result: ReadResult) {
        let Some(v) = self.verify.as_mut() else {
            return;
        };
        v.reading = None;
        match result {
            Err(msg) => v.error = Some(msg),
            Ok(c) => {
                v.checked = Some(c);
                v.editing = false;
                v.filter = None;
                v.selected = 0;
                v.offset = 0;
            }
        }
    }
}

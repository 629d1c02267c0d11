//! Deciding a citizen's conflict: which conflict (when there are several), which of the choices
//! the core offers for it, which case holds (when the choice keeps one), and a date (when the
//! choice needs one, with its bounds shown and checked where it is typed).

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::{frame_block, input_line, show};
use crate::domain::date::{fmt_dk, parse_date_text};
use crate::domain::resolution::{CaseKey, Choice, Resolution, Topic};
use crate::i18n::Localize;
use crate::i18n::domain;
use crate::i18n::ui::T;
use crate::tui::app::{App, Popup};
use crate::tui::keys::Control;
use crate::tui::view::centered;

/// Where the decision stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Deciding {
    pub citizen: usize,
    /// The citizen's conflicts a person decides here, as the plan lists them.
    pub topics: Vec<Topic>,
    pub topic: Option<usize>,
    pub choice: Option<Choice>,
    pub keep: Option<CaseKey>,
    /// The highlighted line of the list shown.
    pub selected: usize,
    pub input: String,
    pub error: Option<String>,
}

/// One line to choose in the list shown.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Item {
    Topic(usize),
    Choice(Choice),
    /// Take the decision back: the conflict is open again.
    TakeBack,
    Case(CaseKey),
}

impl Deciding {
    /// Starts on the citizen's decidable conflicts: the first open one when there is a single
    /// one, else the list of them.
    pub fn new(citizen: usize, topics: Vec<Topic>) -> Deciding {
        let topic = (topics.len() == 1).then_some(0);
        Deciding {
            citizen,
            topics,
            topic,
            choice: None,
            keep: None,
            selected: 0,
            input: String::new(),
            error: None,
        }
    }

    fn wants_date(&self) -> bool {
        self.choice
            .is_some_and(|c| c.needs_date() && (!c.needs_case() || self.keep.is_some()))
    }
}

impl App {
    /// The items of the list the popup shows now (empty while a date is typed).
    fn decide_items(&self, d: &Deciding) -> Vec<Item> {
        let Some(t) = d.topic else {
            return (0..d.topics.len()).map(Item::Topic).collect();
        };
        let topic = &d.topics[t];
        match d.choice {
            None => {
                let mut items: Vec<Item> =
                    topic.choices().iter().copied().map(Item::Choice).collect();
                if self.decision_of(d.citizen, topic).is_some() {
                    items.push(Item::TakeBack);
                }
                items
            }
            Some(c) if c.needs_case() && d.keep.is_none() => self
                .ws
                .as_ref()
                .and_then(|w| w.list.citizens.get(d.citizen))
                .map(|c| crate::plan::decide::cases(c, topic))
                .unwrap_or_default()
                .into_iter()
                .map(Item::Case)
                .collect(),
            Some(_) => Vec::new(),
        }
    }

    /// The decision the plan holds for a citizen's conflict.
    fn decision_of(&self, citizen: usize, topic: &Topic) -> Option<Resolution> {
        let (ws, _) = self.planned()?;
        let tp = ws.plan()?;
        let cpr = tp.plan.citizens.get(citizen)?.cpr;
        tp.plan
            .conflicts_of(&cpr)
            .find(|c| c.topic.as_deref() == Some(topic))
            .and_then(|c| c.resolution.as_deref().cloned())
    }

    /// Keys in the decision popup.
    pub(crate) fn decide_step(&mut self, c: Control) {
        let lang = self.lang();
        let Some(Popup::Decide(d)) = self.popups.last() else {
            return;
        };
        let mut d = d.clone();
        let items = self.decide_items(&d);
        match c {
            Control::Back => {
                self.popups.pop();
                return;
            }
            Control::NextField | Control::Down if !items.is_empty() => {
                d.selected = (d.selected + 1) % items.len();
            }
            Control::Up | Control::PrevField if !items.is_empty() => {
                d.selected = (d.selected + items.len() - 1) % items.len();
            }
            Control::Input(ch) if items.is_empty() => {
                d.input.push(ch);
                d.error = None;
            }
            Control::Input(ch) if ch.is_ascii_digit() => {
                // A number picks its line.
                let n = ch.to_digit(10).unwrap_or(0) as usize;
                if (1..=items.len()).contains(&n) {
                    d.selected = n - 1;
                    return self.decide_pick(d, &items);
                }
            }
            Control::Backspace => {
                d.input.pop();
            }
            Control::Confirm if items.is_empty() => match parse_date_text(&d.input) {
                Ok(date) => return self.decide_finish(d, Some(date)),
                Err(_) => d.error = Some(T::NotADate.get(lang).to_string()),
            },
            Control::Confirm => return self.decide_pick(d, &items),
            _ => {}
        }
        if let Some(top) = self.popups.last_mut() {
            *top = Popup::Decide(d);
        }
    }

    fn decide_pick(&mut self, mut d: Deciding, items: &[Item]) {
        match items.get(d.selected).cloned() {
            Some(Item::Topic(t)) => d.topic = Some(t),
            Some(Item::Choice(c)) => d.choice = Some(c),
            Some(Item::Case(k)) => d.keep = Some(k),
            Some(Item::TakeBack) => {
                self.popups.pop();
                let topic = d.topic.map(|t| d.topics[t].clone());
                if let Some(topic) = topic {
                    self.record_decision(d.citizen, topic, None);
                }
                return;
            }
            None => {}
        }
        d.selected = 0;
        let done = d
            .choice
            .is_some_and(|c| !c.needs_date() && (!c.needs_case() || d.keep.is_some()));
        if done {
            return self.decide_finish(d, None);
        }
        if let Some(top) = self.popups.last_mut() {
            *top = Popup::Decide(d);
        }
    }

    fn decide_finish(&mut self, mut d: Deciding, date: Option<NaiveDate>) {
        let lang = self.lang();
        let (Some(t), Some(choice)) = (d.topic, d.choice) else {
            return;
        };
        let topic = d.topics[t].clone();
        let Some(resolution) = Resolution::from_choice(choice, d.keep.clone(), date) else {
            return;
        };
        match self.record_decision(d.citizen, topic, Some(resolution)) {
            Some(problem) => {
                d.error = Some(problem.localize(lang));
                if let Some(top) = self.popups.last_mut() {
                    *top = Popup::Decide(d);
                }
            }
            None => {
                self.popups.pop();
            }
        }
    }

    /// Records a decision (or takes it back) and re-plans; returns why it was refused.
    fn record_decision(
        &mut self,
        citizen: usize,
        topic: Topic,
        resolution: Option<Resolution>,
    ) -> Option<crate::plan::decide::DecisionProblem> {
        let now = self.now();
        let ws = self.ws.as_mut()?;
        let r = ws.resolve(citizen, topic, resolution, now);
        let (saved, problem) = match r {
            Ok(Ok(())) => (Ok(()), None),
            Ok(Err(p)) => return Some(p),
            Err(e) => (Err(e), None),
        };
        self.plan_rebuilt();
        self.note_saved(saved);
        problem
    }
}

/// Draws the decision popup.
pub(crate) fn draw(frame: &mut Frame, app: &App, area: Rect, d: &Deciding) {
    let lang = app.lang();
    let t = &app.theme;
    let wide = area.width.saturating_sub(4).min(96);
    let mut lines = Vec::new();
    let plan = app.ws.as_ref().and_then(|w| w.plan());
    if let Some(c) = plan.and_then(|p| p.plan.citizens.get(d.citizen)) {
        lines.push(Line::styled(
            format!(
                "{} {}",
                c.cpr.display(app.show_cpr),
                crate::text::one_line(c.name.as_deref().unwrap_or(""))
            ),
            t.header,
        ));
    }
    let conflict_of = |topic: &Topic| {
        let p = plan?;
        let cpr = p.plan.citizens.get(d.citizen)?.cpr;
        p.plan
            .conflicts_of(&cpr)
            .find(|c| c.topic.as_deref() == Some(topic))
            .cloned()
    };
    if let Some(topic) = d.topic.map(|i| &d.topics[i]) {
        if let Some(c) = conflict_of(topic) {
            lines.push(Line::raw(domain::conflict_message(&c.kind, lang)));
            if let Some(r) = &c.resolution {
                let mut now = domain::resolution_text(r, lang);
                if let Some(by) = app
                    .ws
                    .as_ref()
                    .and_then(|w| w.resolved_by(d.citizen, topic))
                {
                    now.push_str(&format!(
                        " ({} {}, {})",
                        T::DecidedBy.get(lang),
                        crate::text::one_line(&by.worker),
                        fmt_dk(by.at.date())
                    ));
                }
                lines.push(Line::styled(now, t.muted));
            }
        }
        if let Some(choice) = d.choice {
            lines.push(Line::styled(
                format!("→ {}", domain::choice_label(choice, lang)),
                t.key,
            ));
        }
        if let Some(keep) = &d.keep {
            lines.push(Line::styled(
                format!("→ {}", domain::case_label(keep, lang)),
                t.key,
            ));
        }
    } else {
        lines.push(Line::raw(T::DecideWhichConflict.get(lang)));
    }
    lines.push(Line::raw(""));
    let items = app.decide_items(d);
    if d.wants_date() {
        let citizen = app.ws.as_ref().and_then(|w| w.list.citizens.get(d.citizen));
        if let (Some(c), Some(p), Some(ti), Some(choice)) = (citizen, plan, d.topic, d.choice) {
            let (from, to) = crate::plan::decide::date_bounds(
                c,
                &p.settings,
                &d.topics[ti],
                choice,
                d.keep.as_ref(),
            );
            let range = match from {
                Some(f) => format!("{} – {}", fmt_dk(f), fmt_dk(to)),
                None => format!("{} {}", T::DecideAtLatest.get(lang), fmt_dk(to)),
            };
            lines.push(Line::styled(
                format!("{} {range}", T::DecideDateBounds.get(lang)),
                t.muted,
            ));
        }
        lines.push(input_line(app, T::DecideDate.get(lang), &d.input, true));
    } else {
        lines.push(Line::styled(
            match (d.topic, d.choice) {
                (None, _) => T::DecideChooseConflict.get(lang),
                (Some(_), None) => T::DecideChoose.get(lang),
                (Some(_), Some(_)) => T::DecideWhichCase.get(lang),
            },
            t.muted,
        ));
        for (n, item) in items.iter().enumerate() {
            let text = match item {
                Item::Topic(i) => conflict_of(&d.topics[*i])
                    .map(|c| {
                        let state = domain::conflict_state(&c, lang);
                        format!("{} ({state})", domain::conflict_message(&c.kind, lang))
                    })
                    .unwrap_or_default(),
                Item::Choice(c) => domain::choice_label(*c, lang).to_string(),
                Item::TakeBack => T::DecideTakeBack.get(lang).to_string(),
                Item::Case(k) => domain::case_label(k, lang),
            };
            let marker = if n == d.selected { "▶" } else { " " };
            let style = if n == d.selected { t.selected } else { t.base };
            lines.push(Line::styled(format!("{marker} {}. {text}", n + 1), style));
        }
    }
    if let Some(e) = &d.error {
        lines.push(Line::styled(e.clone(), t.error));
    }
    let height = (lines.len() as u16 + 6).min(area.height.saturating_sub(2));
    let rect = centered(area, wide, height);
    show(
        frame,
        rect,
        frame_block(app, T::DecideTitle.get(lang), d.error.is_some()),
        Paragraph::new(lines).wrap(Wrap { trim: false }),
    );
}

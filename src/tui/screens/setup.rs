//! The set-up: the form (kommune, vendor, system name, D, the model, and for the e-mail to DST
//! the planned go-live and (model 1) the deadline, dates validated as typed), its keys and its
//! drawing.

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::domain::date::fmt_dk;
use crate::domain::date::{DateError, parse_date_text};
use crate::facts::FactsProblem;
use crate::i18n::Localize;
use crate::i18n::ui::{self, T};
use crate::lang::Lang;
use crate::plan::{DEFAULT_REASON_TEXT, Model};
use crate::progress::SavedSettings;
use crate::tui::app::{App, Popup, Screen};
use crate::tui::keys::Control;
use crate::tui::view::block;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Kommune,
    Vendor,
    SystemName,
    Date,
    Model,
    Reason,
    /// Planned go-live; empty: D + 1.
    GoLive,
    /// Model 1 only: the deadline for re-reporting every active citizen.
    Deadline,
}

impl Field {
    pub const ALL: [Field; 8] = [
        Field::Kommune,
        Field::Vendor,
        Field::SystemName,
        Field::Date,
        Field::Model,
        Field::Reason,
        Field::GoLive,
        Field::Deadline,
    ];

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Field::Kommune => T::Kommune.get(lang),
            Field::Vendor => T::Vendor.get(lang),
            Field::SystemName => T::SystemName.get(lang),
            Field::Date => T::SwitchDate.get(lang),
            Field::Model => T::Model.get(lang),
            Field::Reason => T::ReasonText.get(lang),
            Field::GoLive => T::GoLive.get(lang),
            Field::Deadline => T::Deadline.get(lang),
        }
    }

    pub fn takes_text(self) -> bool {
        self != Field::Model
    }
}

#[derive(Clone, Debug)]
pub struct SetupForm {
    pub kommune: String,
    pub vendor: String,
    pub system_name: String,
    pub date: String,
    pub model: Option<Model>,
    pub reason: String,
    pub go_live: String,
    pub deadline: String,
    pub field: usize,
    pub error: Option<String>,
}

impl Default for SetupForm {
    fn default() -> SetupForm {
        SetupForm {
            kommune: String::new(),
            vendor: String::new(),
            system_name: String::new(),
            date: String::new(),
            model: None,
            reason: DEFAULT_REASON_TEXT.to_string(),
            go_live: String::new(),
            deadline: String::new(),
            field: 0,
            error: None,
        }
    }
}

impl SetupForm {
    pub fn from_saved(s: &SavedSettings) -> SetupForm {
        SetupForm {
            kommune: s.kommune.clone(),
            vendor: s.vendor.clone(),
            system_name: s.system_name.clone(),
            date: crate::domain::date::fmt_dk(s.switch_date),
            model: Some(s.model),
            reason: s.reason_text.clone(),
            go_live: s
                .go_live
                .map(crate::domain::date::fmt_dk)
                .unwrap_or_default(),
            deadline: s
                .deadline
                .map(crate::domain::date::fmt_dk)
                .unwrap_or_default(),
            field: 3,
            error: None,
        }
    }

    pub fn current(&self) -> Field {
        Field::ALL[self.field.min(Field::ALL.len() - 1)]
    }

    pub fn text_mut(&mut self) -> Option<&mut String> {
        match self.current() {
            Field::Kommune => Some(&mut self.kommune),
            Field::Vendor => Some(&mut self.vendor),
            Field::SystemName => Some(&mut self.system_name),
            Field::Date => Some(&mut self.date),
            Field::Reason => Some(&mut self.reason),
            Field::GoLive => Some(&mut self.go_live),
            Field::Deadline => Some(&mut self.deadline),
            Field::Model => None,
        }
    }

    pub fn text(&self, field: Field) -> &str {
        match field {
            Field::Kommune => &self.kommune,
            Field::Vendor => &self.vendor,
            Field::SystemName => &self.system_name,
            Field::Date => &self.date,
            Field::Reason => &self.reason,
            Field::GoLive => &self.go_live,
            Field::Deadline => &self.deadline,
            Field::Model => "",
        }
    }

    /// Moves the model choice one step (1 → 2 → interim, and back).
    pub fn cycle_model(&mut self, forward: bool) {
        let all = Model::ALL;
        let i = self
            .model
            .and_then(|m| all.iter().position(|x| *x == m))
            .map(|i| {
                if forward {
                    (i + 1) % all.len()
                } else {
                    (i + all.len() - 1) % all.len()
                }
            })
            .unwrap_or(if forward { 0 } else { all.len() - 1 });
        self.model = Some(all[i]);
    }

    /// Whether a field is shown and takes the focus: the deadline only in model 1.
    pub fn shown(&self, field: Field) -> bool {
        field != Field::Deadline || self.model == Some(Model::One)
    }

    /// Moves the focus to the next (or previous) shown field.
    pub fn move_field(&mut self, forward: bool) {
        let n = Field::ALL.len();
        for _ in 0..n {
            self.field = if forward {
                (self.field + 1) % n
            } else {
                (self.field + n - 1) % n
            };
            if self.shown(self.current()) {
                return;
            }
        }
    }

    /// The date as typed: Ok(date), or Err(why) — "incomplete" while still being typed.
    pub fn date_state(&self, lang: Lang) -> Result<NaiveDate, String> {
        typed_date(&self.date, lang)
    }

    /// The go-live as typed: Ok(None) when empty (D + 1 is meant), Ok(Some) when a date after
    /// D, else why not.
    pub fn go_live_state(&self, lang: Lang) -> Result<Option<NaiveDate>, String> {
        if self.go_live.trim().is_empty() {
            return Ok(None);
        }
        let g = typed_date(&self.go_live, lang)?;
        match self.date_state(lang) {
            Ok(d) => match FactsProblem::of_go_live(d, g) {
                Some(p) => Err(p.localize(lang)),
                None => Ok(Some(g)),
            },
            _ => Ok(Some(g)),
        }
    }

    /// The deadline as typed (model 1): Ok(None) when empty, Ok(Some) when a date on or after
    /// the go-live, else why not.
    pub fn deadline_state(&self, lang: Lang) -> Result<Option<NaiveDate>, String> {
        if self.deadline.trim().is_empty() {
            return Ok(None);
        }
        let dl = typed_date(&self.deadline, lang)?;
        let d = self.date_state(lang).ok();
        let go_live = match (self.go_live_state(lang), d) {
            (Ok(Some(g)), _) => Some(g),
            (_, Some(d)) => Some(crate::domain::date::next_day(d)),
            _ => None,
        };
        let problem = go_live.and_then(|g| FactsProblem::of_deadline(d.unwrap_or(g), g, dl));
        match problem {
            Some(p) => Err(p.localize(lang)),
            None => Ok(Some(dl)),
        }
    }

    /// The settings, when the form is complete.
    pub fn to_saved(&self, lang: Lang) -> Result<SavedSettings, String> {
        let date = self
            .date_state(lang)
            .map_err(|_| T::SetupNeedsDate.get(lang).to_string())?;
        let model = self
            .model
            .ok_or_else(|| T::ChooseModel.get(lang).to_string())?;
        let go_live = self
            .go_live_state(lang)
            .map_err(|e| format!("{}: {e}", T::GoLive.get(lang)))?;
        let deadline = if model == Model::One {
            self.deadline_state(lang)
                .map_err(|e| format!("{}: {e}", T::Deadline.get(lang)))?
        } else {
            None
        };
        // Empty is refused; the guide's spellings as the guide writes them; another text is
        // asked about before it is stored (see the set-up's confirm).
        if let Some(p @ crate::plan::ReasonTextProblem::Empty) =
            crate::plan::reason_text_problem(&self.reason, true)
        {
            return Err(format!("{}: {}", T::ReasonText.get(lang), p.localize(lang)));
        }
        let reason = crate::plan::reason_text_as_written(&self.reason);
        Ok(SavedSettings {
            model,
            switch_date: date,
            reason_text: reason,
            kommune: self.kommune.trim().to_string(),
            vendor: self.vendor.trim().to_string(),
            system_name: self.system_name.trim().to_string(),
            go_live,
            deadline,
        })
    }
}

/// A date field as typed: Ok(date), or Err(why) — "incomplete" while still being typed.
fn typed_date(text: &str, lang: Lang) -> Result<NaiveDate, String> {
    let t = text.trim();
    if t.is_empty() {
        return Err(T::DateFormatHint.get(lang).to_string());
    }
    match parse_date_text(t) {
        Ok(d) => Ok(d),
        Err(_) if t.len() < 10 => Err(T::DateIncomplete.get(lang).to_string()),
        Err(e) => Err(date_error(&e, lang)),
    }
}

fn date_error(e: &DateError, lang: Lang) -> String {
    match e {
        DateError::TwoDigitYear => T::DateFourDigitYear.get(lang).into(),
        DateError::Impossible { .. } | DateError::SerialOutOfRange => {
            T::DateNoSuchDate.get(lang).into()
        }
        DateError::Unrecognised => T::DateNotADate.get(lang).into(),
        DateError::YearOutOfRange { .. } => crate::i18n::list::date_problem(e, lang).into(),
    }
}

impl App {
    pub(crate) fn setup_step(&mut self, c: Control) {
        let f = &mut self.setup;
        match c {
            Control::NextField => f.move_field(true),
            Control::PrevField => f.move_field(false),
            Control::Left | Control::Right if f.current() == Field::Model => {
                f.cycle_model(c == Control::Right)
            }
            Control::Input(ch) => {
                if let Some(t) = f.text_mut() {
                    t.push(ch);
                }
            }
            Control::Backspace => {
                if let Some(t) = f.text_mut() {
                    t.pop();
                }
            }
            Control::Confirm => match f.to_saved(self.cfg.lang) {
                Ok(saved) => {
                    f.error = None;
                    let guides = crate::plan::is_guide_reason_text(&saved.reason_text);
                    if self.ws.is_none() {
                        // Nothing to store it in yet.
                    } else if guides || saved.model != Model::Two {
                        self.request_settings(saved);
                    } else {
                        // Another description than the guide's only when confirmed.
                        let lang = self.cfg.lang;
                        let warning =
                            crate::i18n::domain::reason_text_override(&saved.reason_text, lang);
                        self.popups.push(Popup::Ask {
                            title: T::ReasonTextAskTitle.get(lang).to_string(),
                            lines: vec![warning, String::new(), T::ReasonTextAsk.get(lang).into()],
                            scroll: 0,
                            then: crate::tui::popups::ask::Then::ReasonText(Box::new(saved)),
                        });
                    }
                }
                Err(e) => f.error = Some(e),
            },
            Control::Back => {
                let planned = self.ws.as_ref().is_some_and(|w| w.is_planned());
                if let Some(s) = self.ws.as_ref().and_then(|w| w.saved_settings()) {
                    self.setup = SetupForm::from_saved(s);
                }
                self.screen = if planned {
                    Screen::Plan
                } else {
                    Screen::Summary
                };
            }
            _ => {}
        }
    }
}

/// Draws the set-up form.
pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let lang = app.lang();
    let t = &app.theme;
    let f = &app.setup;
    let outer = block(T::SetupTitle.get(lang).to_string(), app, true);
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    let label_w = Field::ALL
        .iter()
        .map(|x| x.label(lang).chars().count())
        .max()
        .unwrap_or(10)
        + 2;
    let mut lines = Vec::new();
    for (i, field) in Field::ALL.iter().enumerate() {
        let focus = i == f.field;
        let mark = if focus { "▶ " } else { "  " };
        let label = format!("{mark}{:<w$}", field.label(lang), w = label_w);
        let label_style = if focus { t.key } else { t.header };
        if *field == Field::Model {
            lines.push(Line::styled(label, label_style));
            for m in Model::ALL {
                let chosen = f.model == Some(m);
                let radio = if chosen { "(•)" } else { "( )" };
                let style = if chosen { t.next } else { t.base };
                lines.push(Line::styled(
                    format!("    {radio} {}", crate::i18n::domain::model_label(m, lang)),
                    style,
                ));
                // The chosen model's consequences always; all of them when there is room.
                if chosen || inner.width >= 124 {
                    let reason = if f.reason.trim().is_empty() {
                        DEFAULT_REASON_TEXT
                    } else {
                        f.reason.as_str()
                    };
                    for e in crate::i18n::domain::model_explanation(m, reason, lang) {
                        lines.push(Line::styled(
                            format!("        {e}"),
                            if chosen { t.base } else { t.muted },
                        ));
                    }
                }
            }
            continue;
        }
        if !f.shown(*field) {
            continue;
        }
        let cursor = if focus { "█" } else { "" };
        let spans = vec![
            Span::styled(label, label_style),
            Span::styled(format!("{}{cursor}", f.text(*field)), t.base),
        ];
        lines.push(Line::from(spans));
        if *field == Field::Date {
            let pad = " ".repeat(4);
            lines.push(match f.date_state(lang) {
                Ok(d) => Line::styled(format!("{pad}✓ {}", ui::switch_dates(d, lang)), t.done),
                Err(e) => Line::styled(format!("{pad}{e}"), t.conflict),
            });
        }
        if matches!(*field, Field::GoLive | Field::Deadline) {
            lines.push(mail_date_line(f, *field, app));
        }
    }
    if let Some(e) = &f.error {
        lines.push(Line::styled(e.clone(), t.error));
    } else if let Ok(d) = f.date_state(lang)
        && f.model == Some(Model::Two)
    {
        lines.push(Line::styled(
            format!(
                "{} {} · {} {}",
                T::SetupCloseInSmdb.get(lang),
                fmt_dk(d),
                T::SetupRegisterInNew.get(lang),
                fmt_dk(crate::domain::date::next_day(d))
            ),
            t.accent,
        ));
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}

/// The line under the go-live or deadline field: the date understood, the default, or why not.
fn mail_date_line<'a>(f: &SetupForm, field: Field, app: &App) -> Line<'a> {
    let lang = app.lang();
    let t = &app.theme;
    let pad = " ".repeat(4);
    let state = if field == Field::GoLive {
        f.go_live_state(lang)
    } else {
        f.deadline_state(lang)
    };
    let day = |d: chrono::NaiveDate| format!("{} {}", ui::weekday(d, lang), fmt_dk(d));
    match state {
        Ok(Some(d)) => Line::styled(format!("{pad}✓ {}", day(d)), t.done),
        Ok(None) if field == Field::GoLive => match f.date_state(lang) {
            Ok(d) => Line::styled(
                format!(
                    "{pad}{} {}",
                    T::GoLiveDefault.get(lang),
                    day(crate::domain::date::next_day(d))
                ),
                t.muted,
            ),
            Err(_) => Line::styled(format!("{pad}{}", T::GoLiveDefault.get(lang)), t.muted),
        },
        Ok(None) => Line::styled(format!("{pad}{}", T::DeadlineHint.get(lang)), t.muted),
        Err(e) => Line::styled(format!("{pad}{e}"), t.conflict),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_is_validated_as_typed() {
        let mut f = SetupForm {
            date: "31-0".into(),
            ..SetupForm::default()
        };
        assert_eq!(f.date_state(Lang::En).unwrap_err(), "incomplete date");
        f.date = "31-02-2026".into();
        assert_eq!(f.date_state(Lang::En).unwrap_err(), "no such date");
        f.date = "31-03-2026".into();
        assert_eq!(
            f.date_state(Lang::Da).unwrap(),
            NaiveDate::from_ymd_opt(2026, 3, 31).unwrap()
        );
        assert!(f.to_saved(Lang::Da).is_err());
        f.cycle_model(true);
        f.cycle_model(true);
        assert_eq!(f.to_saved(Lang::Da).unwrap().model, Model::Two);
    }

    #[test]
    fn the_reason_text_is_never_empty_and_the_guides_spelling_is_kept_as_it_writes_it() {
        let mut f = SetupForm {
            date: "31-03-2026".into(),
            model: Some(Model::Two),
            reason: "  ".into(),
            ..SetupForm::default()
        };
        assert!(
            f.to_saved(Lang::Da)
                .unwrap_err()
                .contains("må ikke være tom")
        );
        f.reason = " systemskifte ".into();
        assert_eq!(f.to_saved(Lang::Da).unwrap().reason_text, "Systemskifte");
        // Another text is stored only after a question (see the set-up's confirm).
        f.reason = "Ferie".into();
        assert_eq!(f.to_saved(Lang::Da).unwrap().reason_text, "Ferie");
    }

    #[test]
    fn go_live_and_deadline_are_validated_and_saved() {
        let mut f = SetupForm {
            date: "31-03-2026".into(),
            model: Some(Model::One),
            ..SetupForm::default()
        };
        // Empty: go-live is D + 1, no deadline yet.
        let s = f.to_saved(Lang::En).unwrap();
        assert_eq!((s.go_live, s.deadline), (None, None));
        f.go_live = "31-03-2026".into();
        assert_eq!(
            f.go_live_state(Lang::En).unwrap_err(),
            "go-live must be after D"
        );
        assert!(f.to_saved(Lang::En).is_err());
        f.go_live = "15-04-2026".into();
        f.deadline = "01-04-2026".into();
        assert!(f.deadline_state(Lang::En).is_err());
        f.deadline = "30-06-20".into();
        assert_eq!(f.deadline_state(Lang::En).unwrap_err(), "incomplete date");
        f.deadline = "30-06-2026".into();
        let s = f.to_saved(Lang::En).unwrap();
        assert_eq!(s.go_live, NaiveDate::from_ymd_opt(2026, 4, 15));
        assert_eq!(s.deadline, NaiveDate::from_ymd_opt(2026, 6, 30));
        assert_eq!(SetupForm::from_saved(&s).deadline, "30-06-2026");
        // Other models have no deadline: it is skipped and not saved.
        f.model = Some(Model::Two);
        assert_eq!(f.to_saved(Lang::En).unwrap().deadline, None);
        f.field = 6;
        f.move_field(true);
        assert_eq!(f.current(), Field::Kommune);
        f.move_field(false);
        assert_eq!(f.current(), Field::GoLive);
    }
}

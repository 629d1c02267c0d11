//! The UI's side of the progress store: what a change's write is told as, others' changes read
//! every two seconds, undo, a step's history, the done date, the worker's initials, a change of
//! set-up that would stop ticks counting, and quitting with changes not saved.

use std::time::{Duration, Instant};

use chrono::NaiveDate;

use super::app::{App, Popup, Screen};
use super::popups::ask::{InputFor, Then};
use super::screens::plan::PlanView;
use crate::i18n::Localize;
use crate::i18n::ui::T;
use crate::progress::SavedSettings;
use crate::store::StoreError;

/// "Opsætning gemt: Model 2 (uden historik), D 31-03-2026".
fn setup_line(
    label: T,
    setup: Option<(crate::plan::Model, NaiveDate)>,
    lang: crate::lang::Lang,
) -> String {
    let (model, d) = setup.unzip();
    format!(
        "{}: {}",
        label.get(lang),
        crate::i18n::progress::plan_words(model, d, lang)
    )
}

/// How often others' changes are read from the store.
pub const REFRESH_EVERY: Duration = Duration::from_secs(2);

impl App {
    /// Tells the outcome of a write: nothing when saved (the hint bar says so), else why not.
    pub(crate) fn note_saved(&mut self, r: Result<(), StoreError>) {
        if let Err(e) = r {
            let lang = self.lang();
            self.status = Some((
                format!("{}: {}", T::NotSavedYet.get(lang), e.localize(lang)),
                true,
            ));
        }
    }

    /// Whether quitting may go ahead now; with changes not saved it asks first.
    pub(crate) fn may_quit(&mut self) -> bool {
        let lang = self.lang();
        let Some(ws) = self.ws.as_mut() else {
            return true;
        };
        if ws.unsaved() == 0 || ws.flush() {
            return true;
        }
        let n = ws.unsaved();
        let mut lines = vec![format!("{} {n}", T::QuitUnsavedCount.get(lang))];
        if let Some(e) = ws.problem() {
            lines.push(e.localize(lang));
        }
        lines.push(String::new());
        lines.push(T::QuitUnsavedHint.get(lang).to_string());
        self.popups.push(Popup::Ask {
            title: T::QuitUnsavedTitle.get(lang).to_string(),
            lines,
            scroll: 0,
            then: Then::Quit,
        });
        false
    }

    /// Reads others' changes (and writes what is pending) every [`REFRESH_EVERY`]; returns
    /// whether the screen changed.
    pub fn poll_store(&mut self) -> bool {
        if self.last_refresh.elapsed() < REFRESH_EVERY {
            return false;
        }
        self.refresh_now()
    }

    /// Reads others' changes now (tests call this instead of waiting).
    pub fn refresh_now(&mut self) -> bool {
        self.last_refresh = Instant::now();
        let lang = self.lang();
        let Some(ws) = self.ws.as_mut() else {
            return false;
        };
        let was_unsaved = ws.unsaved();
        let setup_before = ws.saved_settings().map(|s| (s.model, s.switch_date));
        let changed = ws.refresh();
        let setup_now = ws.saved_settings().map(|s| (s.model, s.switch_date));
        if was_unsaved > 0 && ws.unsaved() == 0 {
            self.status = Some((T::SavedNow.get(lang).to_string(), false));
        }
        if setup_before.is_some() && setup_now != setup_before {
            // A colleague changed model or D: said, so a plan that changes under someone is
            // never a surprise.
            self.status = Some((setup_line(T::SetupChangedElsewhere, setup_now, lang), false));
        }
        if changed {
            self.plan_rebuilt();
        }
        changed || was_unsaved > 0
    }

    /// The plan changed under the view (others' changes, an undo): rows and counts again.
    pub(crate) fn plan_rebuilt(&mut self) {
        let Some(ws) = self.ws.as_ref() else {
            return;
        };
        self.plan_view = ws
            .plan()
            .map(|p| PlanView::rebuilt(self.plan_view.as_ref(), p));
        if let Some(s) = ws.saved_settings()
            && self.screen != Screen::Setup
        {
            self.setup = super::screens::setup::SetupForm::from_saved(s);
        }
    }

    /// The progress now comes from another store: one with a set-up shows its plan.
    pub(crate) fn after_store_moved(&mut self) {
        let Some(ws) = self.ws.as_ref() else {
            return;
        };
        if let Some(s) = ws.saved_settings() {
            self.setup = super::screens::setup::SetupForm::from_saved(s);
        }
        if ws.is_planned() && matches!(self.screen, Screen::Summary | Screen::Setup) {
            self.screen = Screen::Plan;
        }
    }

    /// Asks for the worker's initials (once: they are kept in the user's own config).
    pub(crate) fn ask_initials(&mut self) {
        let lang = self.lang();
        let input = self
            .cfg
            .user
            .initials()
            .map(str::to_string)
            .or_else(crate::userconf::os_user)
            .unwrap_or_default();
        self.popups.push(Popup::Input {
            title: T::InitialsTitle.get(lang).to_string(),
            prompt: vec![T::InitialsPrompt.get(lang).to_string()],
            label: T::InitialsLabel.get(lang).to_string(),
            input,
            error: None,
            for_: InputFor::Initials,
        });
    }

    pub(crate) fn set_initials(&mut self, initials: &str) {
        let lang = self.lang();
        self.status = Some(match self.cfg.user.set_initials(initials) {
            Ok(()) => (format!("{} {initials}", T::InitialsSaved.get(lang)), false),
            Err(e) => (format!("{}: {e}", T::InitialsNotSaved.get(lang)), true),
        });
        if let Some(ws) = self.ws.as_mut() {
            ws.set_worker(initials);
        }
    }

    /// Asks the day the selected step was done (default today).
    pub(crate) fn ask_done_date(&mut self, citizen: usize, action: usize) {
        let lang = self.lang();
        let current = self
            .ws
            .as_ref()
            .and_then(|w| w.plan())
            .and_then(|p| p.done_of(citizen).get(action).cloned().flatten())
            .map_or_else(|| self.today(), |m| m.date);
        self.popups.push(Popup::Input {
            title: T::DoneDateTitle.get(lang).to_string(),
            prompt: vec![T::DoneDatePrompt.get(lang).to_string()],
            label: T::DoneDateLabel.get(lang).to_string(),
            input: crate::domain::date::fmt_dk(current),
            error: None,
            for_: InputFor::DoneDate { citizen, action },
        });
    }

    /// Ticks a step done on the given day (or moves its done date there).
    pub(crate) fn mark_done_on(&mut self, citizen: usize, action: usize, date: NaiveDate) {
        let now = self.now();
        let Some(ws) = self.ws.as_mut() else {
            return;
        };
        let r = ws.mark(citizen, action, Some(date), now);
        self.plan_rebuilt();
        self.note_saved(r);
    }

    /// Takes back this worker's last change.
    pub(crate) fn undo(&mut self) {
        let lang = self.lang();
        let now = self.now();
        let Some(ws) = self.ws.as_mut() else {
            return;
        };
        match ws.undo(now) {
            Ok(Some((change, made_over))) => {
                let what = crate::i18n::progress::change_line(&change, lang, self.show_cpr);
                self.plan_rebuilt();
                let mut line = format!("{}: {what}", T::Undone.get(lang));
                if made_over {
                    line.push_str(&format!(" – {}", T::UndoMadeOver.get(lang)));
                }
                self.status = Some((line, false));
            }
            Ok(None) => self.status = Some((T::NothingToUndo.get(lang).to_string(), false)),
            Err(e) => self.note_saved(Err(e)),
        }
    }

    /// Shows every tick and untick of the selected step: who, when, under which plan.
    pub(crate) fn show_history(&mut self, citizen: usize, action: usize) {
        let lang = self.lang();
        let Some(ws) = self.ws.as_ref() else {
            return;
        };
        let lines = match ws.history(citizen, action) {
            Ok(events) if events.is_empty() => vec![T::HistoryNone.get(lang).to_string()],
            Ok(events) => events
                .iter()
                .map(|(e, undone)| crate::i18n::progress::history_line(e, *undone, lang))
                .collect(),
            Err(e) => vec![e.localize(lang)],
        };
        let title = ws
            .plan()
            .and_then(|p| p.step_key(citizen, action))
            .map(|step| {
                format!(
                    "{}: {}",
                    T::HistoryTitle.get(lang),
                    crate::i18n::progress::step_label(&step, lang)
                )
            })
            .unwrap_or_else(|| T::HistoryTitle.get(lang).to_string());
        self.popups.push(Popup::Message {
            title,
            lines,
            error: false,
            scroll: 0,
        });
    }

    /// A new set-up from the form: when ticks would stop counting (other dates or actions),
    /// they are listed and asked about first.
    pub(crate) fn request_settings(&mut self, saved: SavedSettings) {
        let lang = self.lang();
        let Some(ws) = self.ws.as_ref() else {
            return;
        };
        let lost = ws.ticks_lost_by(&saved);
        if lost.is_empty() {
            self.apply_settings(saved);
            return;
        }
        let mut lines = vec![
            format!("{} {}", lost.len(), T::TicksLostIntro.get(lang)),
            T::TicksLostKept.get(lang).to_string(),
            String::new(),
        ];
        lines.extend(
            lost.iter()
                .map(|t| crate::i18n::progress::earlier_line(t, lang, self.show_cpr, true)),
        );
        self.popups.push(Popup::Ask {
            title: T::TicksLostTitle.get(lang).to_string(),
            lines,
            scroll: 0,
            then: Then::Settings(Box::new(saved)),
        });
    }

    /// Stores a set-up and shows the plan under it.
    pub(crate) fn apply_settings(&mut self, saved: SavedSettings) {
        let now = self.now();
        let Some(ws) = self.ws.as_mut() else {
            return;
        };
        let r = if ws.saved_settings() != Some(&saved) || !ws.is_planned() {
            ws.set_settings(saved, now)
        } else {
            Ok(())
        };
        let setup = ws.saved_settings().map(|s| (s.model, s.switch_date));
        self.screen = Screen::Plan;
        self.plan_rebuilt();
        if r.is_ok() {
            self.status = Some((setup_line(T::SetupSaved, setup, self.lang()), false));
        }
        self.note_saved(r);
    }

    /// Before the program ends: a last try to write what is pending.
    pub fn flush_before_exit(&mut self) {
        if let Some(ws) = self.ws.as_mut() {
            ws.flush();
        }
    }
}

//! The one key table. Input maps to a [`Control`] through it, and the help overlay and the hint
//! bar are generated from it, so what the screen says and what the keys do cannot drift apart.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::i18n::ui::T;
use crate::lang::Lang;

/// Everything a user can ask for. Input (keys, mouse) becomes a `Control`; `App::step` applies it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Control {
    Up,
    Down,
    PageUp,
    PageDown,
    Home,
    End,
    Left,
    Right,
    Confirm,
    Back,
    Quit,
    Help,
    NextField,
    PrevField,
    Tick,
    Search,
    Filter,
    Sort,
    Forgotten,
    /// Decide the selected citizen's conflict.
    Decide,
    RevealCpr,
    Export,
    Setup,
    Summary,
    Rejected,
    Mapping,
    Reload,
    Yes,
    No,
    Complete,
    Input(char),
    Backspace,
    Delete,
    ScrollUp,
    ScrollDown,
    Click(u16, u16),
    /// The e-mail to DST.
    Mail,
    /// Follow-up: the plan against a later list.
    Verify,
    /// Copy to the clipboard (OSC 52).
    Copy,
    /// Save as a file.
    WriteFile,
    /// Review: the next row with findings.
    NextFinding,
    /// Review: the previous row with findings.
    PrevFinding,
    /// Review: the findings that concern no particular row.
    GeneralFindings,
    /// Take back the last change of this worker.
    Undo,
    /// The selected step's history.
    History,
    /// Tick the selected step with another done date.
    DoneDate,
    /// The worker's initials.
    Initials,
    /// Choose where the progress is kept.
    StorePlace,
    /// Read Udført back from returned action sheets.
    Merge,
}

/// Where a binding applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ctx {
    /// Every screen without an open text field.
    Global,
    Start,
    /// Typing a path on the start screen.
    StartPath,
    Summary,
    Setup,
    /// The set-up's focused field takes text.
    SetupText,
    Plan,
    /// Typing a search on the plan.
    PlanSearch,
    /// A popup that only shows text (help, messages, rejected rows).
    Viewer,
    /// A popup asking yes or no.
    Confirm,
    /// A popup with one or more text fields.
    Prompt,
    Mapping,
    /// The e-mail to DST.
    Mail,
    /// Typing the path of a later list to verify the plan against.
    VerifyPath,
    /// The verification against a later list.
    Verify,
    /// A written plan, read-only, with the check's findings.
    Review,
    /// Work running under a popup (an export): it can only be cancelled.
    Busy,
}

impl Ctx {
    /// Contexts where letters are typed text.
    pub fn is_text(self) -> bool {
        matches!(
            self,
            Ctx::StartPath | Ctx::SetupText | Ctx::PlanSearch | Ctx::Prompt | Ctx::VerifyPath
        )
    }
}

/// A key as the table names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum K {
    Ch(char),
    Code(KeyCode),
    Ctrl(char),
}

impl K {
    fn matches(self, ev: &KeyEvent) -> bool {
        let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
        match self {
            K::Ch(c) => !ctrl && ev.code == KeyCode::Char(c),
            K::Code(code) => ev.code == code,
            K::Ctrl(c) => ctrl && ev.code == KeyCode::Char(c),
        }
    }

    pub fn name(self, lang: Lang) -> String {
        match self {
            K::Ch(' ') => T::KeySpace.get(lang).to_string(),
            K::Ch(c) => c.to_string(),
            K::Ctrl(c) => format!("Ctrl-{}", c.to_ascii_uppercase()),
            K::Code(code) => match code {
                KeyCode::Up => "↑".into(),
                KeyCode::Down => "↓".into(),
                KeyCode::Left => "←".into(),
                KeyCode::Right => "→".into(),
                KeyCode::PageUp => "PgUp".into(),
                KeyCode::PageDown => "PgDn".into(),
                KeyCode::Home => "Home".into(),
                KeyCode::End => "End".into(),
                KeyCode::Enter => "Enter".into(),
                KeyCode::Esc => "Esc".into(),
                KeyCode::Tab => "Tab".into(),
                KeyCode::BackTab => "Shift-Tab".into(),
                KeyCode::Backspace => "Backspace".into(),
                KeyCode::Delete => "Del".into(),
                other => format!("{other:?}"),
            },
        }
    }
}

/// One row of the key table.
pub struct Binding {
    pub ctx: Ctx,
    pub keys: &'static [K],
    /// None: a row shown in help only (typing, mouse), handled outside the table.
    pub control: Option<Control>,
    pub desc: T,
    /// Shown in the bottom hint bar.
    pub hint: bool,
}

mod table;

pub use table::BINDINGS;

use Control as C;
use KeyCode as KC;

/// Keys every text field understands besides typing.
static TEXT_KEYS: &[(K, Control)] = &[
    (K::Code(KC::Backspace), C::Backspace),
    (K::Code(KC::Delete), C::Delete),
    (K::Ctrl('c'), C::Quit),
];

/// Maps a key event to a control in a context. Only key presses count (some terminals send
/// releases and repeats too).
pub fn map_key(ctx: Ctx, ev: &KeyEvent) -> Option<Control> {
    if ev.kind != KeyEventKind::Press {
        return None;
    }
    if let Some(c) = BINDINGS
        .iter()
        .filter(|b| b.ctx == ctx)
        .find(|b| b.keys.iter().any(|k| k.matches(ev)))
        .and_then(|b| b.control)
    {
        // Arrow rows shared between up and down: tell them apart by the key.
        return Some(direction(c, ev));
    }
    if ctx.is_text() {
        if let Some((_, c)) = TEXT_KEYS.iter().find(|(k, _)| k.matches(ev)) {
            return Some(*c);
        }
        if let KeyCode::Char(ch) = ev.code
            && !ev.modifiers.contains(KeyModifiers::CONTROL)
        {
            return Some(C::Input(ch));
        }
        return None;
    }
    BINDINGS
        .iter()
        .filter(|b| b.ctx == Ctx::Global)
        .find(|b| b.keys.iter().any(|k| k.matches(ev)))
        .and_then(|b| b.control)
}

fn direction(c: Control, ev: &KeyEvent) -> Control {
    match (c, ev.code) {
        (C::Up | C::Down | C::NextField, KC::Up) => {
            if c == C::NextField {
                C::PrevField
            } else {
                C::Up
            }
        }
        (C::Up | C::Down, KC::Down) => C::Down,
        (C::Right, KC::Left) => C::Left,
        _ => c,
    }
}

/// The rows of the key table for a context (and the global rows unless it takes text).
pub fn rows_for(ctx: Ctx) -> impl Iterator<Item = &'static Binding> {
    BINDINGS
        .iter()
        .filter(move |b| b.ctx == ctx || (!ctx.is_text() && b.ctx == Ctx::Global))
}

/// The keys of a row that act in `ctx`: a global row loses the keys the context's own rows take
/// (in a viewer `q` and `?` close it, so they are not offered there as quit and help).
pub fn live_keys(ctx: Ctx, binding: &Binding) -> Vec<K> {
    binding
        .keys
        .iter()
        .copied()
        .filter(|k| {
            binding.ctx != Ctx::Global
                || !BINDINGS
                    .iter()
                    .any(|own| own.ctx == ctx && own.ctx != Ctx::Global && own.keys.contains(k))
        })
        .collect()
}

/// The rows of a context with the keys that act there; rows left without a key are dropped
/// (the mouse row, which has none, stays).
fn live_rows(ctx: Ctx) -> impl Iterator<Item = (&'static Binding, Vec<K>)> {
    rows_for(ctx)
        .map(move |b| (b, live_keys(ctx, b)))
        .filter(|(b, keys)| !keys.is_empty() || b.keys.is_empty())
}

/// Keys as the user reads them: "↑/k".
pub fn keys_label(keys: &[K], lang: Lang) -> String {
    keys.iter()
        .map(|k| k.name(lang))
        .collect::<Vec<_>>()
        .join("/")
}

/// Hint bar entries: (key, description, is the help key). The first key of each hint row, or
/// the first two when both are arrows (←/→).
pub fn hints(ctx: Ctx, lang: Lang) -> Vec<(String, &'static str, bool)> {
    let arrow = |k: &K| matches!(k, K::Code(KC::Up | KC::Down | KC::Left | KC::Right));
    live_rows(ctx)
        .filter(|(b, _)| b.hint)
        .map(|(b, keys)| {
            let n = if keys.len() >= 2 && keys[..2].iter().all(arrow) {
                2
            } else {
                1
            };
            let key = keys_label(&keys[..n.min(keys.len())], lang);
            (key, b.desc.get(lang), b.control == Some(C::Help))
        })
        .collect()
}

/// A description as a read-only screen says it: nothing is saved there, so quitting does not
/// promise that all is saved.
pub fn read_only(desc: &'static str, lang: Lang) -> &'static str {
    if desc == T::KeyQuit.get(lang) {
        T::KeyQuitReview.get(lang)
    } else {
        desc
    }
}

/// One row of the help: the keys and what they do.
pub type HelpRow = (String, &'static str);

/// Help rows: (keys, description) for a context, then the global ones.
pub fn help_rows(ctx: Ctx, lang: Lang) -> (Vec<HelpRow>, Vec<HelpRow>) {
    let mut screen: Vec<(String, &'static str)> = Vec::new();
    let mut global = Vec::new();
    for (b, keys) in live_rows(ctx) {
        let keys = if b.control.is_none() {
            T::Mouse.get(lang).to_string()
        } else {
            keys_label(&keys, lang)
        };
        let row = (keys, b.desc.get(lang));
        let target = if b.ctx == Ctx::Global {
            &mut global
        } else {
            &mut screen
        };
        // Join rows that share a description (↑/k and ↓/j → one "move" row).
        if let Some(last) = target.last_mut()
            && last.1 == row.1
        {
            last.0 = format!("{} {}", last.0, row.0);
            continue;
        }
        target.push(row);
    }
    if ctx.is_text() {
        screen.push(("a–z".to_string(), T::KeyType.get(lang)));
    }
    (screen, global)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn arrows_and_vim_keys_move() {
        assert_eq!(map_key(Ctx::Plan, &press(KC::Up)), Some(C::Up));
        assert_eq!(map_key(Ctx::Plan, &press(KC::Char('k'))), Some(C::Up));
        assert_eq!(map_key(Ctx::Plan, &press(KC::Down)), Some(C::Down));
        assert_eq!(map_key(Ctx::Plan, &press(KC::Char('j'))), Some(C::Down));
        assert_eq!(map_key(Ctx::PlanSearch, &press(KC::Up)), Some(C::Up));
        assert_eq!(map_key(Ctx::Setup, &press(KC::Up)), Some(C::PrevField));
        assert_eq!(map_key(Ctx::Setup, &press(KC::Left)), Some(C::Left));
    }

    #[test]
    fn text_fields_take_letters() {
        assert_eq!(
            map_key(Ctx::PlanSearch, &press(KC::Char('q'))),
            Some(C::Input('q'))
        );
        assert_eq!(map_key(Ctx::Plan, &press(KC::Char('q'))), Some(C::Quit));
        let ctrl_c = KeyEvent::new(KC::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(map_key(Ctx::Prompt, &ctrl_c), Some(C::Quit));
    }

    #[test]
    fn releases_are_ignored() {
        let mut ev = press(KC::Char('q'));
        ev.kind = KeyEventKind::Release;
        assert_eq!(map_key(Ctx::Plan, &ev), None);
    }

    #[test]
    fn hints_offer_no_key_the_screen_uses_for_something_else() {
        // In a viewer `q` and `?` close it: the bar must not call them quit and help.
        let hints = hints(Ctx::Viewer, Lang::Da);
        assert!(hints.iter().any(|(k, _, _)| k == "Ctrl-C"), "{hints:?}");
        for (key, desc, _) in &hints {
            let claimed = BINDINGS.iter().filter(|b| b.ctx == Ctx::Viewer);
            for b in claimed {
                if b.desc.get(Lang::Da) != *desc {
                    assert!(
                        !b.keys.iter().any(|k| k.name(Lang::Da) == *key),
                        "{key} offered as {desc:?} but does {:?}",
                        b.desc.get(Lang::Da)
                    );
                }
            }
        }
        assert_eq!(
            map_key(Ctx::Viewer, &press(KC::Char('q'))),
            Some(C::Back),
            "q closes a viewer"
        );
    }

    #[test]
    fn every_hint_is_in_the_help() {
        for ctx in [Ctx::Start, Ctx::Summary, Ctx::Setup, Ctx::Plan, Ctx::Prompt] {
            let (screen, global) = help_rows(ctx, Lang::Da);
            for (_, desc, _) in hints(ctx, Lang::Da) {
                assert!(
                    screen.iter().chain(&global).any(|(_, d)| *d == desc),
                    "{desc}"
                );
            }
        }
    }
}

//! The rows of the key table: which keys do what on which screen, and what help and the hint
//! bar say about them.

use ratatui::crossterm::event::KeyCode as KC;

use super::{Binding, Control as C, Ctx, K};
use crate::tui::strings::T;

const fn b(ctx: Ctx, keys: &'static [K], control: C, desc: T, hint: bool) -> Binding {
    Binding {
        ctx,
        keys,
        control: Some(control),
        desc,
        hint,
    }
}

const UP: &[K] = &[K::Code(KC::Up), K::Ch('k')];
const DOWN: &[K] = &[K::Code(KC::Down), K::Ch('j')];
const ARROWS: &[K] = &[K::Code(KC::Up), K::Code(KC::Down)];

/// The key table. Order is the order of the help overlay and the hint bar.
pub static BINDINGS: &[Binding] = &[
    // Start
    b(Ctx::Start, UP, C::Up, T::KeyMove, false),
    b(Ctx::Start, DOWN, C::Down, T::KeyMove, false),
    b(
        Ctx::Start,
        &[K::Code(KC::Enter)],
        C::Confirm,
        T::KeyOpen,
        true,
    ),
    b(Ctx::Start, &[K::Code(KC::Esc)], C::Back, T::KeyQuit, false),
    b(
        Ctx::StartPath,
        &[K::Code(KC::Enter)],
        C::Confirm,
        T::KeyOpen,
        true,
    ),
    b(
        Ctx::StartPath,
        &[K::Code(KC::Tab)],
        C::Complete,
        T::KeyComplete,
        true,
    ),
    b(Ctx::StartPath, ARROWS, C::Up, T::KeyMove, false),
    b(
        Ctx::StartPath,
        &[K::Code(KC::Esc)],
        C::Back,
        T::KeyBack,
        true,
    ),
    // Load summary
    b(
        Ctx::Summary,
        &[K::Code(KC::Enter)],
        C::Confirm,
        T::KeyContinue,
        true,
    ),
    b(Ctx::Summary, UP, C::Up, T::KeyScroll, false),
    b(Ctx::Summary, DOWN, C::Down, T::KeyScroll, false),
    b(
        Ctx::Summary,
        &[K::Code(KC::PageUp)],
        C::PageUp,
        T::KeyPage,
        false,
    ),
    b(
        Ctx::Summary,
        &[K::Code(KC::PageDown)],
        C::PageDown,
        T::KeyPage,
        false,
    ),
    b(
        Ctx::Summary,
        &[K::Ch('r')],
        C::Rejected,
        T::KeyRejected,
        true,
    ),
    b(Ctx::Summary, &[K::Ch('m')], C::Mapping, T::KeyMapping, true),
    b(
        Ctx::Summary,
        &[K::Code(KC::Esc)],
        C::Back,
        T::KeyBack,
        false,
    ),
    // Set-up
    b(
        Ctx::Setup,
        &[K::Code(KC::Tab), K::Code(KC::Down)],
        C::NextField,
        T::KeyField,
        true,
    ),
    b(
        Ctx::Setup,
        &[K::Code(KC::BackTab), K::Code(KC::Up)],
        C::PrevField,
        T::KeyField,
        false,
    ),
    b(
        Ctx::Setup,
        &[K::Code(KC::Left), K::Code(KC::Right), K::Ch(' ')],
        C::Right,
        T::KeyChoose,
        true,
    ),
    b(
        Ctx::Setup,
        &[K::Code(KC::Enter)],
        C::Confirm,
        T::KeyContinue,
        true,
    ),
    b(Ctx::Setup, &[K::Code(KC::Esc)], C::Back, T::KeyBack, true),
    b(
        Ctx::SetupText,
        &[K::Code(KC::Tab), K::Code(KC::Down)],
        C::NextField,
        T::KeyField,
        true,
    ),
    b(
        Ctx::SetupText,
        &[K::Code(KC::BackTab), K::Code(KC::Up)],
        C::PrevField,
        T::KeyField,
        false,
    ),
    b(
        Ctx::SetupText,
        &[K::Code(KC::Enter)],
        C::Confirm,
        T::KeyContinue,
        true,
    ),
    b(
        Ctx::SetupText,
        &[K::Code(KC::Esc)],
        C::Back,
        T::KeyBack,
        true,
    ),
    // Plan
    b(Ctx::Plan, UP, C::Up, T::KeyMove, false),
    b(Ctx::Plan, DOWN, C::Down, T::KeyMove, false),
    b(
        Ctx::Plan,
        &[K::Code(KC::PageUp)],
        C::PageUp,
        T::KeyPage,
        false,
    ),
    b(
        Ctx::Plan,
        &[K::Code(KC::PageDown)],
        C::PageDown,
        T::KeyPage,
        false,
    ),
    b(
        Ctx::Plan,
        &[K::Code(KC::Home)],
        C::Home,
        T::KeyHomeEnd,
        false,
    ),
    b(Ctx::Plan, &[K::Code(KC::End)], C::End, T::KeyHomeEnd, false),
    b(Ctx::Plan, &[K::Ch(' ')], C::Tick, T::KeyTick, true),
    b(Ctx::Plan, &[K::Ch('/')], C::Search, T::KeySearch, true),
    b(Ctx::Plan, &[K::Ch('f')], C::Filter, T::KeyFilter, false),
    b(Ctx::Plan, &[K::Ch('s')], C::Sort, T::KeySort, false),
    b(
        Ctx::Plan,
        &[K::Ch('g')],
        C::Forgotten,
        T::KeyForgotten,
        true,
    ),
    b(Ctx::Plan, &[K::Ch('c')], C::RevealCpr, T::KeyReveal, false),
    b(Ctx::Plan, &[K::Ch('e')], C::Export, T::KeyExport, true),
    b(
        Ctx::Plan,
        &[K::Code(KC::Tab), K::Code(KC::Enter)],
        C::NextField,
        T::KeyFocus,
        true,
    ),
    b(Ctx::Plan, &[K::Ch('o')], C::Setup, T::KeySetup, false),
    b(Ctx::Plan, &[K::Ch('i')], C::Summary, T::KeySummary, false),
    b(Ctx::Plan, &[K::Code(KC::Esc)], C::Back, T::KeyBack, false),
    b(
        Ctx::PlanSearch,
        &[K::Code(KC::Enter)],
        C::Confirm,
        T::KeyConfirm,
        true,
    ),
    b(
        Ctx::PlanSearch,
        &[K::Code(KC::Esc)],
        C::Back,
        T::KeyClear,
        true,
    ),
    b(Ctx::PlanSearch, ARROWS, C::Down, T::KeyMove, false),
    // Popups
    b(Ctx::Viewer, UP, C::Up, T::KeyScroll, false),
    b(Ctx::Viewer, DOWN, C::Down, T::KeyScroll, false),
    b(
        Ctx::Viewer,
        &[K::Code(KC::PageUp)],
        C::PageUp,
        T::KeyPage,
        false,
    ),
    b(
        Ctx::Viewer,
        &[K::Code(KC::PageDown)],
        C::PageDown,
        T::KeyPage,
        false,
    ),
    b(
        Ctx::Viewer,
        &[K::Code(KC::Esc), K::Code(KC::Enter), K::Ch('q'), K::Ch('?')],
        C::Back,
        T::Close,
        true,
    ),
    b(
        Ctx::Confirm,
        &[K::Ch('y'), K::Ch('j')],
        C::Yes,
        T::KeyYes,
        true,
    ),
    b(
        Ctx::Confirm,
        &[K::Ch('n'), K::Code(KC::Esc)],
        C::No,
        T::KeyNo,
        true,
    ),
    b(
        Ctx::Prompt,
        &[K::Code(KC::Enter)],
        C::Confirm,
        T::KeyConfirm,
        true,
    ),
    b(
        Ctx::Prompt,
        &[K::Code(KC::Tab), K::Code(KC::Down), K::Code(KC::Up)],
        C::NextField,
        T::KeyField,
        false,
    ),
    b(
        Ctx::Prompt,
        &[K::Code(KC::Esc)],
        C::Back,
        T::KeyCancel,
        true,
    ),
    b(Ctx::Mapping, UP, C::Up, T::KeyMove, false),
    b(Ctx::Mapping, DOWN, C::Down, T::KeyMove, false),
    b(
        Ctx::Mapping,
        &[K::Code(KC::Enter)],
        C::Confirm,
        T::KeyMapping,
        true,
    ),
    b(
        Ctx::Mapping,
        &[K::Code(KC::Delete), K::Code(KC::Backspace)],
        C::Delete,
        T::KeyClear,
        true,
    ),
    b(Ctx::Mapping, &[K::Ch('l')], C::Reload, T::KeyReload, true),
    b(Ctx::Mapping, &[K::Code(KC::Esc)], C::Back, T::Close, true),
    // Everywhere (without a text field)
    b(Ctx::Global, &[K::Ch('?')], C::Help, T::KeyHelp, true),
    b(
        Ctx::Global,
        &[K::Ch('q'), K::Ctrl('c')],
        C::Quit,
        T::KeyQuit,
        true,
    ),
    Binding {
        ctx: Ctx::Global,
        keys: &[],
        control: None,
        desc: T::KeyMouse,
        hint: false,
    },
];

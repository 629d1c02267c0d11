//! All colours of the UI in one place: a dark theme, a light variant, and plain styles when
//! `NO_COLOR` is set (only bold, reverse and underline remain).

use ratatui::style::{Color, Modifier, Style};

#[derive(Clone, Debug)]
pub struct Theme {
    pub base: Style,
    pub title: Style,
    pub header: Style,
    pub selected: Style,
    pub selected_unfocused: Style,
    pub muted: Style,
    pub done: Style,
    pub next: Style,
    pub conflict: Style,
    pub error: Style,
    pub accent: Style,
    pub marker: Style,
    pub key: Style,
    pub border: Style,
    pub border_focus: Style,
}

impl Theme {
    pub fn new(light: bool, no_color: bool) -> Theme {
        if no_color {
            return Theme::plain();
        }
        if light { Theme::light() } else { Theme::dark() }
    }

    fn dark() -> Theme {
        Theme {
            base: Style::default(),
            title: Style::default()
                .fg(Color::Cyan)
                .add_modifier(Modifier::BOLD),
            header: Style::default()
                .fg(Color::Gray)
                .add_modifier(Modifier::BOLD),
            selected: Style::default().bg(Color::Blue).fg(Color::White),
            selected_unfocused: Style::default().bg(Color::DarkGray),
            muted: Style::default().fg(Color::DarkGray),
            done: Style::default().fg(Color::Green),
            next: Style::default()
                .fg(Color::Yellow)
                .add_modifier(Modifier::BOLD),
            conflict: Style::default().fg(Color::LightRed),
            error: Style::default()
                .fg(Color::LightRed)
                .add_modifier(Modifier::BOLD),
            accent: Style::default().fg(Color::Cyan),
            marker: Style::default()
                .fg(Color::Black)
                .bg(Color::Yellow)
                .add_modifier(Modifier::BOLD),
            key: Style::default()
                .fg(Color::Cyan)
                .add_modifier(Modifier::BOLD),
            border: Style::default().fg(Color::DarkGray),
            border_focus: Style::default().fg(Color::Cyan),
        }
    }

    fn light() -> Theme {
        Theme {
            base: Style::default(),
            title: Style::default()
                .fg(Color::Blue)
                .add_modifier(Modifier::BOLD),
            header: Style::default()
                .fg(Color::Black)
                .add_modifier(Modifier::BOLD),
            selected: Style::default().bg(Color::LightBlue).fg(Color::Black),
            selected_unfocused: Style::default().bg(Color::Gray).fg(Color::Black),
            muted: Style::default().fg(Color::Gray),
            done: Style::default().fg(Color::Green),
            next: Style::default()
                .fg(Color::Magenta)
                .add_modifier(Modifier::BOLD),
            conflict: Style::default().fg(Color::Red),
            error: Style::default().fg(Color::Red).add_modifier(Modifier::BOLD),
            accent: Style::default().fg(Color::Blue),
            marker: Style::default()
                .fg(Color::White)
                .bg(Color::Red)
                .add_modifier(Modifier::BOLD),
            key: Style::default()
                .fg(Color::Blue)
                .add_modifier(Modifier::BOLD),
            border: Style::default().fg(Color::Gray),
            border_focus: Style::default().fg(Color::Blue),
        }
    }

    fn plain() -> Theme {
        let s = Style::default();
        Theme {
            base: s,
            title: s.add_modifier(Modifier::BOLD),
            header: s.add_modifier(Modifier::BOLD),
            selected: s.add_modifier(Modifier::REVERSED),
            selected_unfocused: s.add_modifier(Modifier::UNDERLINED),
            muted: s,
            done: s,
            next: s.add_modifier(Modifier::BOLD),
            conflict: s.add_modifier(Modifier::BOLD),
            error: s.add_modifier(Modifier::BOLD),
            accent: s,
            marker: s.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            key: s.add_modifier(Modifier::BOLD),
            border: s,
            border_focus: s.add_modifier(Modifier::BOLD),
        }
    }
}

/// Whether `NO_COLOR` asks for no colours (set and not empty, per no-color.org).
pub fn no_color_env() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

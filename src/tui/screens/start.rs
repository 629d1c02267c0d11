//! The start screen: bundled sample lists, recently opened files, and a path field with
//! completion of folders and files; its keys and its drawing. Also where recent files are
//! remembered.

use std::path::{Path, PathBuf};

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::i18n::ui::T;
use crate::tui::app::{App, contains};
use crate::tui::keys::Control;
use crate::tui::view::{block, fit};

/// One line of the start screen's list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Entry {
    Sample(PathBuf),
    Recent(PathBuf),
    /// "Open another file …": moves to the path field.
    Other,
}

#[derive(Clone, Debug, Default)]
pub struct StartState {
    pub entries: Vec<Entry>,
    pub selected: usize,
    pub path: String,
    pub editing: bool,
    /// Candidates shown under the path field after an ambiguous completion.
    pub candidates: Vec<String>,
    pub error: Option<String>,
}

/// File types the reader accepts.
const LIST_EXTENSIONS: [&str; 5] = ["xlsx", "xls", "xlsb", "ods", "csv"];

impl StartState {
    pub fn new(sample_dirs: &[PathBuf], recent: &[PathBuf]) -> StartState {
        // Recently opened lists first: on the second day, Enter goes on where work stopped.
        let mut entries: Vec<Entry> = recent
            .iter()
            .filter(|p| p.exists())
            .cloned()
            .map(Entry::Recent)
            .collect();
        for dir in sample_dirs {
            let Ok(rd) = std::fs::read_dir(dir) else {
                continue;
            };
            let mut files: Vec<PathBuf> = rd
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| is_list(p) && !is_output(p))
                .collect();
            files.sort();
            if !files.is_empty() {
                entries.extend(files.into_iter().map(Entry::Sample));
                break;
            }
        }
        entries.push(Entry::Other);
        StartState {
            entries,
            ..StartState::default()
        }
    }

    pub fn has_samples(&self) -> bool {
        self.entries.iter().any(|e| matches!(e, Entry::Sample(_)))
    }

    /// Completes the path field: the longest common prefix of the matching names; a single
    /// folder gets its `/`. Several matches are listed as candidates.
    pub fn complete(&mut self, cwd: &Path) {
        self.error = None;
        let typed = self.path.clone();
        let (dir_text, prefix) = match typed.rfind('/') {
            Some(p) => (typed[..=p].to_string(), typed[p + 1..].to_string()),
            None => (String::new(), typed.clone()),
        };
        let dir = resolve(&dir_text, cwd);
        let Ok(rd) = std::fs::read_dir(&dir) else {
            self.candidates.clear();
            return;
        };
        let mut names: Vec<(String, bool)> = rd
            .filter_map(Result::ok)
            .filter_map(|e| {
                let name = e.file_name().to_string_lossy().into_owned();
                let is_dir = e.path().is_dir();
                let shown = (prefix.starts_with('.') || !name.starts_with('.'))
                    && name.starts_with(&prefix)
                    && (is_dir || is_list(&e.path()));
                shown.then_some((name, is_dir))
            })
            .collect();
        names.sort();
        match names.len() {
            0 => self.candidates.clear(),
            1 => {
                let (name, is_dir) = &names[0];
                self.path = format!("{dir_text}{name}{}", if *is_dir { "/" } else { "" });
                self.candidates.clear();
            }
            _ => {
                let common = common_prefix(names.iter().map(|(n, _)| n.as_str()));
                self.path = format!("{dir_text}{common}");
                self.candidates = names
                    .into_iter()
                    .map(|(n, d)| if d { format!("{n}/") } else { n })
                    .collect();
            }
        }
    }

    /// The path typed, resolved against the working folder and `~`.
    pub fn typed_path(&self, cwd: &Path) -> PathBuf {
        resolve(self.path.trim(), cwd)
    }
}

fn resolve(text: &str, cwd: &Path) -> PathBuf {
    if let Some(rest) = text.strip_prefix("~/")
        && let Some(home) = std::env::var_os("HOME")
    {
        return PathBuf::from(home).join(rest);
    }
    if text.is_empty() {
        return cwd.to_path_buf();
    }
    let p = PathBuf::from(text);
    if p.is_absolute() { p } else { cwd.join(p) }
}

fn common_prefix<'a>(mut names: impl Iterator<Item = &'a str>) -> String {
    let Some(first) = names.next() else {
        return String::new();
    };
    let mut len = first.len();
    for n in names {
        len = first
            .char_indices()
            .zip(n.chars())
            .take_while(|((_, a), b)| a == b)
            .map(|((i, a), _)| i + a.len_utf8())
            .last()
            .unwrap_or(0)
            .min(len);
    }
    first[..len].to_string()
}

pub fn is_list(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| LIST_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// Files this program wrote (action sheets) and decisions files are not offered as lists.
fn is_output(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    ["handlinger", "skifteplan", "beslutning", "decision"]
        .iter()
        .any(|w| name.contains(w))
}

/// Where recent files are remembered: `$XDG_CONFIG_HOME/skifteplan/recent.json` or
/// `~/.config/skifteplan/recent.json`. Holds paths only.
pub fn default_recent_file() -> Option<PathBuf> {
    Some(crate::userconf::config_dir()?.join("recent.json"))
}

pub fn read_recent(file: Option<&Path>) -> Vec<PathBuf> {
    file.and_then(|f| std::fs::read_to_string(f).ok())
        .and_then(|t| serde_json::from_str::<Vec<PathBuf>>(&t).ok())
        .unwrap_or_default()
}

/// Puts a path first in the recent list (at most eight) and writes it; best effort.
pub fn remember(file: Option<&Path>, path: &Path) {
    let Some(file) = file else {
        return;
    };
    let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut list = read_recent(Some(file));
    list.retain(|p| p != &path);
    list.insert(0, path);
    list.truncate(8);
    if let Some(dir) = file.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    if let Ok(text) = serde_json::to_string_pretty(&list) {
        let _ = std::fs::write(file, text);
    }
}

/// Where the bundled sample lists may be: `sample-data/` in the working folder, beside the
/// program (and two folders up, for a build tree), and in the source tree it was built from.
pub fn sample_dirs(cwd: &Path) -> Vec<PathBuf> {
    let mut dirs = vec![cwd.join("sample-data")];
    if let Ok(exe) = std::env::current_exe()
        && let Some(dir) = exe.parent()
    {
        dirs.push(dir.join("sample-data"));
        if let Some(up) = dir.parent().and_then(Path::parent) {
            dirs.push(up.join("sample-data"));
        }
    }
    dirs.push(PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/sample-data"
    )));
    dirs
}

impl App {
    pub(crate) fn start_step(&mut self, c: Control) {
        let s = &mut self.start;
        if s.editing {
            match c {
                Control::Input(ch) => {
                    s.path.push(ch);
                    s.candidates.clear();
                }
                Control::Backspace => {
                    s.path.pop();
                    s.candidates.clear();
                }
                Control::Complete => s.complete(&self.cfg.cwd),
                Control::Confirm => {
                    let path = s.typed_path(&self.cfg.cwd);
                    self.open_path(path);
                }
                Control::Back | Control::Up => s.editing = false,
                _ => {}
            }
            return;
        }
        let n = s.entries.len();
        match c {
            Control::Up | Control::ScrollUp => s.selected = s.selected.saturating_sub(1),
            Control::Down | Control::ScrollDown => {
                if s.selected + 1 < n {
                    s.selected += 1;
                } else {
                    s.editing = true;
                }
            }
            Control::Click(x, y) => {
                let a = self.areas.start_list;
                if contains(a, x, y) {
                    let i = (y - a.y) as usize;
                    if i < n {
                        s.selected = i;
                    }
                }
            }
            Control::Confirm => match s.entries.get(s.selected).cloned() {
                Some(Entry::Sample(p) | Entry::Recent(p)) => self.open_path(p),
                Some(Entry::Other) | None => s.editing = true,
            },
            Control::Back => self.quit = true,
            _ => {}
        }
    }
}

/// Draws the start screen.
pub fn draw(frame: &mut Frame, app: &mut App, area: Rect) {
    let lang = app.lang();
    let t = app.theme.clone();
    let s = &app.start;
    let outer = block(T::StartTitle.get(lang).to_string(), app, true);
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    let [intro, list, path, cands] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Min(3),
        Constraint::Length(2),
        Constraint::Length(4),
    ])
    .areas(inner);
    frame.render_widget(
        Paragraph::new(vec![
            Line::styled(T::StartIntro.get(lang), t.muted),
            Line::styled(T::StartIntroPlan.get(lang), t.muted),
        ])
        .wrap(Wrap { trim: true }),
        intro,
    );
    let mut lines = Vec::new();
    for (i, e) in s.entries.iter().enumerate() {
        let (kind, text) = match e {
            Entry::Sample(p) => (T::Samples.get(lang), crate::i18n::ui::file_name(p)),
            Entry::Recent(p) => (T::Recent.get(lang), p.display().to_string()),
            Entry::Other => ("", T::OtherFile.get(lang).to_string()),
        };
        let selected = i == s.selected && !s.editing;
        let mark = if selected { "▶ " } else { "  " };
        let body = format!("{mark}{text}");
        let style = if selected { t.selected } else { t.base };
        let width = list.width as usize;
        let kind_w = kind.chars().count() + 1;
        let body = fit(&body, width.saturating_sub(kind_w + 1));
        let pad = width.saturating_sub(body.chars().count() + kind_w);
        lines.push(Line::from(vec![
            Span::styled(body, style),
            Span::raw(" ".repeat(pad)),
            Span::styled(format!("{kind} "), t.muted),
        ]));
    }
    if !s.has_samples() {
        lines.insert(0, Line::styled(T::NoSamples.get(lang), t.muted));
    }
    frame.render_widget(Paragraph::new(lines), list);
    app.areas.start_list = Rect {
        y: list.y + u16::from(!s.has_samples()),
        ..list
    };
    let cursor = if s.editing { "█" } else { "" };
    let label_style = if s.editing { t.key } else { t.muted };
    let mut path_lines = vec![Line::from(vec![
        Span::styled(T::PathLabel.get(lang), label_style),
        Span::styled(format!("{}{cursor}", s.path), t.base),
    ])];
    if let Some(e) = &s.error {
        path_lines.push(Line::styled(fit(e, path.width as usize), t.error));
    }
    frame.render_widget(Paragraph::new(path_lines), path);
    if !s.candidates.is_empty() {
        let text = s.candidates.join("  ");
        frame.render_widget(
            Paragraph::new(Span::styled(text, t.muted)).wrap(Wrap { trim: true }),
            cands,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn completes_folders_and_lists() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("lister")).unwrap();
        std::fs::write(dir.path().join("lister/aktiv-a.xlsx"), "").unwrap();
        std::fs::write(dir.path().join("lister/aktiv-b.csv"), "").unwrap();
        std::fs::write(dir.path().join("lister/noter.txt"), "").unwrap();
        let mut s = StartState {
            path: "li".into(),
            ..StartState::default()
        };
        s.complete(dir.path());
        assert_eq!(s.path, "lister/");
        s.complete(dir.path());
        assert_eq!(s.path, "lister/aktiv-");
        assert_eq!(s.candidates, vec!["aktiv-a.xlsx", "aktiv-b.csv"]);
        s.path.push('b');
        s.complete(dir.path());
        assert_eq!(s.path, "lister/aktiv-b.csv");
    }

    #[test]
    fn recent_lists_come_before_the_samples() {
        let dir = tempfile::tempdir().unwrap();
        let samples = dir.path().join("sample-data");
        std::fs::create_dir(&samples).unwrap();
        std::fs::write(samples.join("aktivliste.xlsx"), "").unwrap();
        let recent = dir.path().join("kommunens-liste.xlsx");
        std::fs::write(&recent, "").unwrap();
        let gone = dir.path().join("flyttet.xlsx");
        let s = StartState::new(std::slice::from_ref(&samples), &[recent.clone(), gone]);
        assert_eq!(
            s.entries,
            vec![
                Entry::Recent(recent),
                Entry::Sample(samples.join("aktivliste.xlsx")),
                Entry::Other
            ]
        );
    }
}

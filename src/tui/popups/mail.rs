//! The e-mail to DST from the plan screen: its text (from the plan and the set-up), copied to the
//! clipboard with OSC 52, or written beside the list where the action sheet goes. Drawn over the
//! whole body: one line with the title and what was last done, then the text as plain lines
//! from the left edge with nothing beside them, so a terminal selection copies it cleanly.

use std::path::{Path, PathBuf};

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use crate::export;
use crate::i18n::ui::{self, T};
use crate::lang::Lang;
use crate::tui::app::{App, Popup};
use crate::tui::keys::Control;
use crate::tui::view::fit;
use crate::workspace::Workspace;

/// The e-mail text for the workspace's plan and set-up; None before there is a plan. Names not
/// given show as placeholders. Only counts leave the plan, and a CPR-like number typed into a
/// name is masked all the same.
pub fn text(ws: &Workspace, lang: Lang) -> Option<String> {
    let tracked = ws.plan()?;
    let facts = facts(ws)?;
    Some(crate::export::bundle::mail_text(
        &crate::review::words::NotifyFacts::of_plan(&tracked.plan),
        &facts,
        lang,
    ))
}

/// The switch's facts for the e-mail: as set up, else just D; None before there is a plan.
pub fn facts(ws: &Workspace) -> Option<crate::facts::SwitchFacts> {
    let tracked = ws.plan()?;
    Some(ws.saved_settings().map_or_else(
        || crate::facts::SwitchFacts::new(tracked.plan.switch_date),
        crate::progress::SavedSettings::facts,
    ))
}

/// The action sheet's default place: `<list>-handlinger.xlsx` beside the list.
pub fn default_xlsx(list: &Path) -> PathBuf {
    let stem = list
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "aktivliste".into());
    list.with_file_name(format!("{stem}-handlinger.xlsx"))
}

/// The e-mail's place when written from the plan screen: beside the default action sheet.
pub fn default_path(list: &Path) -> PathBuf {
    export::mail_path(&default_xlsx(list))
}

/// The OSC 52 escape sequence that puts `text` on the terminal's clipboard.
pub fn osc52(text: &str) -> Vec<u8> {
    let mut out = b"\x1b]52;c;".to_vec();
    out.extend(base64(text.as_bytes()).as_bytes());
    out.push(0x07);
    out
}

fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut s = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                s.push(ABC[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                s.push('=');
            }
        }
    }
    s
}

impl App {
    /// Opens the e-mail popup (with a plan only).
    pub(crate) fn open_mail(&mut self) {
        let lang = self.lang();
        if let Some(text) = self.ws.as_ref().and_then(|ws| text(ws, lang)) {
            self.popups.push(Popup::Mail {
                text,
                scroll: 0,
                note: None,
            });
        }
    }

    pub(crate) fn mail_step(&mut self, c: Control) {
        let lang = self.lang();
        let list = self.ws.as_ref().map(|w| w.list_path().to_path_buf());
        let Some(Popup::Mail { text, scroll, note }) = self.popups.last_mut() else {
            return;
        };
        let max = text.lines().count().saturating_sub(1) as u16;
        match c {
            Control::Up | Control::ScrollUp => *scroll = scroll.saturating_sub(1),
            Control::Down | Control::ScrollDown => *scroll = (*scroll + 1).min(max),
            Control::PageUp => *scroll = scroll.saturating_sub(10),
            Control::PageDown => *scroll = scroll.saturating_add(10).min(max),
            Control::Copy => {
                self.to_terminal.extend(osc52(text));
                *note = Some((T::MailCopied.get(lang).to_string(), false));
                self.status = Some((T::MailCopiedShort.get(lang).to_string(), false));
            }
            Control::WriteFile => {
                let Some(list) = list else {
                    return;
                };
                let path = default_path(&list);
                let written = export::refuse_input(&path, &list)
                    .and_then(|()| export::write_mail(&path, text));
                let line = match written {
                    Ok(()) => (ui::written(&path, lang), false),
                    Err(e) => (
                        format!("{}: {}", T::MailWriteFailed.get(lang), e.message(lang)),
                        true,
                    ),
                };
                self.status = Some(line.clone());
                *note = Some(line);
            }
            Control::Back => {
                self.popups.pop();
            }
            Control::Help => self.popups.push(Popup::Help { scroll: 0 }),
            _ => {}
        }
    }
}

/// Draws the e-mail with the note of what was last done with it.
pub fn draw(
    frame: &mut Frame,
    app: &App,
    area: Rect,
    text: &str,
    scroll: u16,
    note: Option<&(String, bool)>,
) {
    let lang = app.lang();
    let t = &app.theme;
    frame.render_widget(Clear, area);
    let [top, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
    let title = format!(" {} ", T::MailTitle.get(lang));
    let room = (top.width as usize).saturating_sub(title.chars().count() + 1);
    let (msg, style) = match note {
        Some((msg, true)) => (msg.as_str(), t.error),
        Some((msg, false)) => (msg.as_str(), t.done),
        None => (T::MailNote.get(lang), t.muted),
    };
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(title, t.title),
            Span::raw(" "),
            Span::styled(fit(msg, room), style),
        ])),
        top,
    );
    let lines: Vec<Line> = text
        .lines()
        .map(|l| Line::styled(l.to_string(), t.base))
        .collect();
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0)),
        body,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_pads_like_the_standard() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64("Kære".as_bytes()), "S8OmcmU=");
        assert_eq!(osc52("foo"), b"\x1b]52;c;Zm9v\x07".to_vec());
    }

    #[test]
    fn the_mail_goes_beside_the_default_action_sheet() {
        assert_eq!(
            default_path(Path::new("/d/aktivliste.xlsx")),
            PathBuf::from("/d/aktivliste-handlinger.mail-til-dst.txt")
        );
    }
}

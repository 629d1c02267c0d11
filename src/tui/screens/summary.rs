//! The load summary: what was read from the list (sheets, columns, rejected rows, warnings)
//! before the set-up; its keys and its drawing.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::aktivliste::WarningKind;
use crate::i18n::ui::T;
use crate::tui::app::{App, Popup, Screen};
use crate::tui::keys::Control;
use crate::tui::view::block;

impl App {
    pub(crate) fn summary_step(&mut self, c: Control) {
        match c {
            Control::Up | Control::ScrollUp => {
                self.summary_scroll = self.summary_scroll.saturating_sub(1)
            }
            Control::Down | Control::ScrollDown => {
                self.summary_scroll = self.summary_scroll.saturating_add(1)
            }
            Control::PageUp => self.summary_scroll = self.summary_scroll.saturating_sub(10),
            Control::PageDown => self.summary_scroll = self.summary_scroll.saturating_add(10),
            Control::Rejected => self.popups.push(Popup::Rejected { scroll: 0 }),
            Control::Mapping => self.popups.push(Popup::Mapping { selected: 0 }),
            Control::Confirm => {
                let planned = self.ws.as_ref().is_some_and(|w| w.is_planned());
                self.screen = if planned { Screen::Plan } else { Screen::Setup };
            }
            Control::Back => {
                self.ws = None;
                self.screen = Screen::Start;
            }
            _ => {}
        }
    }
}

/// Draws the load summary.
pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let lang = app.lang();
    let t = &app.theme;
    let Some(ws) = &app.ws else {
        return;
    };
    let list = &ws.list;
    let name = crate::i18n::ui::file_name(&list.path);
    // The list's own citizens (those gone from it since an earlier list come after them).
    let read = &list.citizens[..ws.list_len()];
    let anm: usize = read.iter().map(|c| c.anmodninger.len()).sum();
    let ind: usize = read.iter().map(|c| c.indskrivninger.len()).sum();
    // Of the warnings, those about a CPR number: counted from the same list, so the part is
    // never larger than the whole.
    let cpr_flags = list
        .warnings
        .iter()
        .filter(|w| {
            matches!(
                w.kind,
                WarningKind::Mod11Failed { .. } | WarningKind::Replacement { .. }
            )
        })
        .count();
    let mut lines = vec![
        Line::from(vec![
            Span::styled(format!("{}: ", T::Citizens.get(lang)), t.header),
            Span::raw(read.len().to_string()),
            Span::styled(format!("   {}: ", T::Anmodninger.get(lang)), t.header),
            Span::raw(anm.to_string()),
            Span::styled(format!("   {}: ", T::Indskrivninger.get(lang)), t.header),
            Span::raw(ind.to_string()),
        ]),
        Line::from(vec![
            Span::styled(format!("{}: ", T::RejectedRows.get(lang)), t.header),
            Span::styled(
                list.rejected.len().to_string(),
                if list.rejected.is_empty() {
                    t.base
                } else {
                    t.conflict
                },
            ),
            Span::styled(format!("   {}: ", T::CprWarnings.get(lang)), t.header),
            Span::raw(format!("{} ", list.warnings.len())),
            Span::styled(
                if cpr_flags == 0 {
                    String::new()
                } else {
                    format!("({} {})", cpr_flags, T::CprWarningsNote.get(lang))
                },
                t.muted,
            ),
        ]),
        Line::raw(""),
        Line::styled(T::Sheets.get(lang), t.title),
    ];
    if let Some(ch) = ws.list_changes() {
        lines.insert(
            1,
            Line::from(vec![
                Span::styled(format!("{}: ", T::SinceLastList.get(lang)), t.header),
                Span::raw(format!(
                    "{} {} · {} {}",
                    ch.new.len(),
                    T::NewWord.get(lang),
                    ch.gone.len(),
                    T::GoneMark.get(lang)
                )),
            ]),
        );
    }
    for s in &list.sheets {
        lines.push(Line::from(vec![
            Span::styled(format!("  {} ", s.name), t.header),
            Span::styled(
                format!(
                    "({} {}, {} {})",
                    T::HeaderRow.get(lang),
                    s.header_row,
                    s.rows_used,
                    if s.rows_used == 1 {
                        T::RowUsed
                    } else {
                        T::RowsUsed
                    }
                    .get(lang)
                ),
                t.muted,
            ),
        ]));
        let map: Vec<String> = s
            .mapping
            .iter()
            .map(|(f, h)| format!("{h} → {}", f.label()))
            .collect();
        lines.push(Line::raw(format!("    {}", map.join(" · "))));
        let unused = if s.unused_headers.is_empty() {
            T::NoneWord.get(lang).to_string()
        } else {
            s.unused_headers.join(", ")
        };
        lines.push(Line::from(vec![
            Span::styled(format!("    {}: ", T::UnusedHeaders.get(lang)), t.muted),
            Span::raw(unused),
        ]));
    }
    if !list.ignored_sheets.is_empty() {
        lines.push(Line::styled(T::IgnoredSheets.get(lang), t.title));
        for s in &list.ignored_sheets {
            lines.push(Line::raw(format!(
                "  {}: {}",
                s.name,
                s.reason.message(lang)
            )));
        }
    }
    if !list.notes.is_empty() {
        lines.push(Line::styled(T::ReadNotes.get(lang), t.title));
        for n in &list.notes {
            lines.push(Line::raw(format!("  {}", n.message(lang))));
        }
    }
    if !list.warnings.is_empty() {
        lines.push(Line::styled(T::CprWarnings.get(lang), t.title));
        for w in &list.warnings {
            lines.push(Line::raw(format!(
                "  {} {} {}: {}",
                w.source.sheet,
                T::Row.get(lang),
                w.source.row,
                w.message(lang)
            )));
        }
    }
    let title = format!("{}: {name}", T::SummaryTitle.get(lang));
    frame.render_widget(
        Paragraph::new(lines)
            .block(block(title, app, true))
            .wrap(Wrap { trim: false })
            .scroll((app.summary_scroll, 0)),
        area,
    );
}

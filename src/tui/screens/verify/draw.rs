//! The follow-up screen: the path of a later list, then the counts per state at the top, the
//! citizens grouped by where they stand (blocking first) with what is left beside each, and the
//! selected citizen's whole story under the list.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::{Group, VerifyView};
use crate::domain::date::fmt_dk;
use crate::i18n::ui::{self, T};
use crate::review::words;
use crate::tui::app::App;
use crate::tui::theme::Theme;
use crate::tui::view::fit;

fn block<'a>(title: String, t: &Theme) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .border_style(t.border_focus)
        .title(Span::styled(format!(" {title} "), t.title))
}

pub fn draw(frame: &mut Frame, app: &mut App, area: Rect) {
    let Some(v) = app.verify.as_ref() else {
        return;
    };
    if v.editing || v.checked.is_none() {
        prompt(frame, app, v, area);
    } else {
        results(frame, app, area);
    }
}

fn prompt(frame: &mut Frame, app: &App, v: &VerifyView, area: Rect) {
    const FRAMES: [&str; 4] = ["⠋", "⠙", "⠸", "⠴"];
    let lang = app.lang();
    let t = &app.theme;
    let outer = block(T::VerifyTitle.get(lang).to_string(), t);
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    let mut lines = vec![
        Line::styled(T::VerifyPrompt.get(lang), t.muted),
        Line::raw(""),
        Line::from(vec![
            Span::styled(T::PathLabel.get(lang), t.key),
            Span::styled(format!("{}█", v.field.path), t.base),
        ]),
    ];
    if let Some(e) = &v.error {
        lines.push(Line::styled(e.clone(), t.error));
    }
    if let Some(r) = &v.reading {
        let name = crate::i18n::ui::file_name(&r.path);
        let secs = r.job.elapsed().as_secs();
        let mut text = format!(
            "{} {} {name}",
            FRAMES[app.spinner % FRAMES.len()],
            T::VerifyReading.get(lang)
        );
        if secs > 0 {
            text.push_str(&format!(" · {secs} s"));
        }
        lines.push(Line::styled(text, t.accent));
    }
    if !v.field.candidates.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::styled(v.field.candidates.join("  "), t.muted));
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}

fn results(frame: &mut Frame, app: &mut App, area: Rect) {
    let lang = app.lang();
    let show = app.show_cpr;
    let t = app.theme.clone();
    let Some(v) = app.verify.as_mut() else {
        return;
    };
    let Some(c) = v.checked.as_ref() else {
        return;
    };
    let vf = &c.verification;
    let rejected = usize::from(c.rejected > 0);
    let [info, counts, result, list, detail] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1 + rejected as u16),
        Constraint::Min(4),
        Constraint::Length(7),
    ])
    .areas(area);

    let name = crate::i18n::ui::file_name(&c.path);
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(format!(" {}: ", T::VerifyLater.get(lang)), t.header),
            Span::styled(name, t.base),
            Span::styled(
                format!(
                    " · {} {} · {}",
                    T::VerifyChecked.get(lang),
                    fmt_dk(vf.today),
                    words::verify_go_live(vf)
                ),
                t.muted,
            ),
        ])),
        info,
    );

    let mut spans = vec![Span::raw(" ")];
    for g in Group::ALL {
        let n = c.count(g);
        // The groups of one model or one side of go-live only when they hold someone.
        if matches!(g, Group::Open | Group::ReEntered | Group::ReentryMissing) && n == 0 {
            continue;
        }
        if spans.len() > 1 {
            spans.push(Span::styled(" · ", t.muted));
        }
        let style = match (g.needs_action(), n) {
            (true, n) if n > 0 => t.conflict,
            (false, n) if n > 0 && g.is_done() => t.done,
            _ => t.base,
        };
        spans.push(Span::styled(format!("{} {n}", g.label(lang)), style));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), counts);

    let mut result_lines = vec![if c.blocks() {
        Line::styled(
            format!(" ⚠ {}", T::VerifyResultBlocks.get(lang)),
            t.conflict,
        )
    } else {
        Line::styled(format!(" ✓ {}", T::VerifyResultClean.get(lang)), t.done)
    }];
    if c.rejected > 0 {
        result_lines.push(Line::styled(
            fit(
                &format!(" {} {}", c.rejected, T::VerifyRejected.get(lang)),
                result.width as usize,
            ),
            t.conflict,
        ));
    }
    frame.render_widget(Paragraph::new(result_lines), result);

    let filter = v
        .filter
        .map(|g| g.label(lang))
        .unwrap_or(T::VerifyAll.get(lang));
    let rows = v.rows();
    let title = format!(
        "{} {} · {}: {filter}",
        T::Citizens.get(lang),
        ui::count_of(rows.len(), c.entries.len(), lang),
        T::Filter.get(lang)
    );
    let outer = block(title, &t);
    let inner = outer.inner(list);
    frame.render_widget(outer, list);
    let [head, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(inner);
    let width = inner.width as usize;
    let name_w = if width >= 96 { 22 } else { 16 };
    let state_w = Group::ALL
        .iter()
        .map(|g| g.label(lang).chars().count())
        .max()
        .unwrap_or(10);
    let detail_w = width.saturating_sub(2 + 12 + name_w + 1 + state_w + 1);
    let heading = format!(
        "  {:<12}{:<nw$} {:<sw$} {}",
        T::ColCpr.get(lang),
        T::ColName.get(lang),
        T::ColStatus.get(lang),
        T::VerifyColumns.get(lang),
        nw = name_w,
        sw = state_w
    );
    frame.render_widget(
        Paragraph::new(Line::styled(fit(&heading, width), t.header)),
        head,
    );
    let height = body.height.max(1) as usize;
    let selected = v.selected.min(rows.len().saturating_sub(1));
    let mut offset = v.offset;
    if selected < offset {
        offset = selected;
    } else if selected >= offset + height {
        offset = selected + 1 - height;
    }
    let mut lines = Vec::new();
    if rows.is_empty() {
        lines.push(Line::styled(T::VerifyNone.get(lang), t.muted));
    }
    for (i, e) in rows.iter().enumerate().skip(offset).take(height) {
        let is_sel = i == selected;
        let mark = if is_sel { "▶ " } else { "  " };
        let state_style = match e.group {
            g if g.needs_action() => t.conflict,
            g if g.is_done() => t.done,
            _ => t.accent,
        };
        let base = if is_sel { t.selected } else { t.base };
        lines.push(Line::from(vec![
            Span::styled(format!("{mark}{:<12}", e.cpr_text(show)), base),
            Span::styled(
                format!("{:<nw$} ", fit(&e.name, name_w - 1), nw = name_w),
                base,
            ),
            Span::styled(
                format!("{:<sw$} ", e.group.label(lang), sw = state_w),
                if is_sel { t.selected } else { state_style },
            ),
            Span::styled(
                fit(&e.detail, detail_w),
                if is_sel { t.selected } else { t.muted },
            ),
        ]));
    }
    frame.render_widget(Paragraph::new(lines), body);

    let mut detail_lines = Vec::new();
    if let Some(e) = rows.get(selected) {
        let who = if e.name.is_empty() {
            e.cpr_text(show)
        } else {
            format!("{} {}", e.cpr_text(show), e.name)
        };
        detail_lines.push(Line::from(vec![
            Span::styled(format!("{who} · "), t.header),
            Span::styled(e.group.heading(lang), t.accent),
        ]));
        if !e.detail.is_empty() {
            detail_lines.push(Line::styled(e.detail.clone(), t.base));
        }
    }
    let dblock = Block::default()
        .borders(Borders::TOP)
        .border_style(t.border);
    frame.render_widget(
        Paragraph::new(detail_lines)
            .wrap(Wrap { trim: false })
            .block(dblock),
        detail,
    );
    v.selected = selected;
    v.offset = offset;
    app.areas.citizens = body;
}

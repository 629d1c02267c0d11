//! The plan screen: progress line, the table of citizens, and the selected citizen's actions.
//! Only visible rows are built.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Row, Table, Wrap};

use super::{Filter, Focus, PlanView, SortKey};
use crate::domain::date::fmt_dk;
use crate::i18n::domain;
use crate::i18n::ui::{self, T};
use crate::plan::Status;
use crate::tui::app::App;
use crate::workspace::TrackedPlan;

pub fn draw(frame: &mut Frame, app: &mut App, area: Rect) {
    let lang = app.lang();
    let show = app.show_cpr;
    let t = app.theme.clone();
    let (Some(tp), Some(view)) = (
        app.ws.as_ref().and_then(|w| w.plan()),
        app.plan_view.as_mut(),
    ) else {
        return;
    };
    let [progress, rest] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(4)]).areas(area);
    frame.render_widget(
        Paragraph::new(progress_line(tp, &t, lang, progress.width)),
        progress,
    );

    let cit_h = (rest.height * 2 / 5).max(5);
    let [cit_area, act_area] =
        Layout::vertical([Constraint::Length(cit_h), Constraint::Min(3)]).areas(rest);

    // Citizens.
    let focus_c = view.focus == Focus::Citizens;
    let title = citizens_title(view, tp, lang);
    let cblock = Block::default()
        .borders(Borders::ALL)
        .border_style(if focus_c { t.border_focus } else { t.border })
        .title(Span::styled(title, t.title));
    let cinner = cblock.inner(cit_area);
    frame.render_widget(cblock, cit_area);
    let rows_h = cinner.height.saturating_sub(1) as usize;
    if view.selected < view.offset {
        view.offset = view.selected;
    } else if rows_h > 0 && view.selected >= view.offset + rows_h {
        view.offset = view.selected + 1 - rows_h;
    }
    let visible_rows = Rect {
        y: cinner.y + 1,
        height: cinner.height.saturating_sub(1),
        ..cinner
    };
    let citizen_rect = visible_rows;
    if view.rows.is_empty() {
        let msg = if tp.is_empty() {
            T::NoCitizens
        } else {
            T::NoMatches
        };
        frame.render_widget(
            Paragraph::new(Span::styled(msg.get(lang), t.muted)),
            visible_rows,
        );
    } else {
        let header = Row::new(vec![
            "".to_string(),
            T::ColCpr.get(lang).to_string(),
            T::ColName.get(lang).to_string(),
            T::ColStatus.get(lang).to_string(),
            T::ColDone.get(lang).to_string(),
            "!".to_string(),
        ])
        .style(t.header);
        let end = (view.offset + rows_h).min(view.rows.len());
        let rows: Vec<Row> = (view.offset..end)
            .map(|r| {
                let i = view.rows[r] as usize;
                let c = tp.citizen(i);
                let done = tp.done_count(i);
                let total = c.actions.len();
                let conflicts = tp.conflict_count(i);
                let selected = r == view.selected;
                let style = if selected {
                    if focus_c {
                        t.selected
                    } else {
                        t.selected_unfocused
                    }
                } else if total > 0 && done == total {
                    t.done
                } else {
                    t.base
                };
                Row::new(vec![
                    Span::raw(if selected { "▶" } else { " " }),
                    Span::raw(c.cpr.display(show)),
                    Span::raw(c.name.as_deref().unwrap_or_default().to_string()),
                    // A citizen no longer on the list is marked where its status would read.
                    Span::raw(if tp.is_gone(i) {
                        T::GoneShort.get(lang)
                    } else {
                        domain::status_label(c.status, lang)
                    }),
                    Span::raw(format!("{done}/{total}")),
                    if conflicts > 0 {
                        Span::styled("⚠", if selected { style } else { t.conflict })
                    } else {
                        Span::raw("")
                    },
                ])
                .style(style)
            })
            .collect();
        let widths = [
            Constraint::Length(1),
            Constraint::Length(11),
            Constraint::Fill(1),
            Constraint::Length(9),
            Constraint::Length(7),
            Constraint::Length(1),
        ];
        frame.render_widget(
            Table::new(rows, widths).header(header).column_spacing(1),
            cinner,
        );
    }

    // Actions.
    let focus_a = view.focus == Focus::Actions;
    let ablock = Block::default()
        .borders(Borders::ALL)
        .border_style(if focus_a { t.border_focus } else { t.border })
        .title(Span::styled(actions_title(view, tp, show, lang), t.title));
    let ainner = ablock.inner(act_area);
    frame.render_widget(ablock, act_area);
    let action_rect = draw_actions(frame, view, tp, &t, lang, ainner, focus_a);
    app.areas.citizens = citizen_rect;
    app.areas.actions = action_rect;
}

/// The progress line, as long as it fits: the steps named in full ("Afslut i SMDB"), then by
/// their action alone (each action happens in one system), then the conflicts as a bare count.
fn progress_line<'a>(
    plan: &TrackedPlan,
    t: &crate::tui::theme::Theme,
    lang: crate::lang::Lang,
    width: u16,
) -> Line<'a> {
    let mut line = Line::default();
    for (short_steps, short_conflicts) in [(false, false), (true, false), (true, true)] {
        line = progress_spans(plan, t, lang, short_steps, short_conflicts);
        if line.width() <= usize::from(width) {
            break;
        }
    }
    line
}

fn progress_spans<'a>(
    plan: &TrackedPlan,
    t: &crate::tui::theme::Theme,
    lang: crate::lang::Lang,
    short_steps: bool,
    short_conflicts: bool,
) -> Line<'a> {
    let pct = (plan.total_done() * 100)
        .checked_div(plan.total_actions())
        .unwrap_or(0);
    let mut spans = vec![
        Span::styled(format!(" {} ", T::DoneTotal.get(lang)), t.header),
        Span::raw(format!(
            "{}/{} ({pct}%)",
            plan.total_done(),
            plan.total_actions()
        )),
    ];
    // The conflicts still to decide (decided ones and notes wait for nobody).
    let conflicts = plan.plan.open_conflicts();
    spans.push(Span::styled(" · ", t.muted));
    spans.push(Span::styled(
        if short_conflicts {
            format!("⚠ {conflicts}")
        } else {
            let word = if conflicts == 1 {
                T::ConflictLeft
            } else {
                T::ConflictsLeft
            };
            format!("⚠ {conflicts} {}", word.get(lang))
        },
        if conflicts > 0 { t.conflict } else { t.muted },
    ));
    for (n, g) in plan.groups().iter().enumerate() {
        let label = if short_steps {
            crate::i18n::domain::action_label(g.action, lang).to_string()
        } else {
            ui::step_group(g.action, g.system, lang)
        };
        spans.push(Span::styled(" · ", t.muted));
        spans.push(Span::styled(format!("{}. {label} ", n + 1), t.muted));
        spans.push(Span::raw(format!("{}/{}", g.done, g.total)));
    }
    let forgotten = plan.forgotten_count();
    if forgotten > 0 {
        spans.push(Span::styled(
            format!(" · {forgotten} {}", T::ForgottenCount.get(lang)),
            t.muted,
        ));
    }
    Line::from(spans)
}

fn citizens_title(view: &PlanView, tp: &TrackedPlan, lang: crate::lang::Lang) -> String {
    let filter = match view.filter {
        Filter::All => T::FilterAll,
        Filter::Conflicts => T::FilterConflicts,
        Filter::NotStarted => T::FilterNotStarted,
        Filter::InProgress => T::FilterInProgress,
        Filter::Done => T::FilterDone,
        Filter::Forgotten => T::FilterForgotten,
    };
    let sort = match view.sort {
        SortKey::List => T::SortList,
        SortKey::Name => T::SortName,
        SortKey::Cpr => T::SortCpr,
        SortKey::Progress => T::SortProgress,
        SortKey::Conflicts => T::SortConflicts,
    };
    let mut s = format!(
        " {} {} · {}: {} · {}: {} ",
        T::PlanTitle.get(lang),
        ui::count_of(view.rows.len(), tp.len(), lang),
        T::Filter.get(lang),
        filter.get(lang),
        T::Sort.get(lang),
        sort.get(lang)
    );
    if view.searching || !view.query.is_empty() {
        let cursor = if view.searching { "█" } else { "" };
        s.push_str(&format!(
            "· {}: {}{cursor} ",
            T::Search.get(lang),
            view.query
        ));
    }
    s
}

fn actions_title(view: &PlanView, tp: &TrackedPlan, show: bool, lang: crate::lang::Lang) -> String {
    match view.current() {
        Some(i) => {
            let c = tp.citizen(i);
            format!(
                " {} · {} {} · {}/{} {} ",
                T::ActionsTitle.get(lang),
                c.cpr.display(show),
                c.name.as_deref().unwrap_or(""),
                tp.done_count(i),
                c.actions.len(),
                T::DoneOn.get(lang)
            )
        }
        None => format!(" {} ", T::ActionsTitle.get(lang)),
    }
}

/// Draws the selected citizen's actions and the details below; returns the rows' area.
fn draw_actions(
    frame: &mut Frame,
    view: &mut PlanView,
    tp: &TrackedPlan,
    t: &crate::tui::theme::Theme,
    lang: crate::lang::Lang,
    area: Rect,
    focus: bool,
) -> Rect {
    let Some(i) = view.current() else {
        return Rect::default();
    };
    let c = tp.citizen(i);
    let conflicts: Vec<String> = tp
        .plan
        .conflicts_of(&c.cpr)
        .map(|k| {
            let message = domain::conflict_message(&k.kind, lang);
            match &k.resolution {
                _ if !k.kind.needs_decision() => format!("ℹ {message}"),
                Some(r) => format!("✓ {message} {}", domain::resolution_text(r, lang)),
                None => format!("⚠ {message}"),
            }
        })
        .collect();
    let mut info: Vec<Line> = Vec::new();
    if c.status == Status::Glemt {
        let end = c.slutdato.map(fmt_dk).unwrap_or_else(|| "?".into());
        info.push(Line::styled(
            format!(
                "{}: {} {end}",
                domain::status_label(Status::Glemt, lang),
                T::RealEndDate.get(lang)
            ),
            t.accent,
        ));
    }
    if tp.is_gone(i) {
        info.push(Line::styled(
            format!("⚑ {}", T::GoneMark.get(lang)),
            t.accent,
        ));
    }
    let earlier = tp.earlier_of(i);
    for e in earlier.iter().take(3) {
        info.push(Line::styled(
            format!(
                "{}: {}",
                T::EarlierTicks.get(lang),
                crate::i18n::progress::earlier_line(e, lang, false, false)
            ),
            t.muted,
        ));
    }
    if earlier.len() > 3 {
        info.push(Line::styled(
            format!("… +{} {}", earlier.len() - 3, T::EarlierTicks.get(lang)),
            t.muted,
        ));
    }
    let n_actions = c.actions.len();
    if view.action_selected >= n_actions {
        view.action_selected = n_actions.saturating_sub(1);
    }
    if let Some(a) = c.actions.get(view.action_selected) {
        let mut parts = Vec::new();
        if let Some(r) = &a.reason {
            parts.push(format!("{}: {r}", T::ColWhy.get(lang)));
        }
        if let Some(x) = &a.reason_text {
            parts.push(format!("{}: {x}", T::ActionReasonText.get(lang)));
        }
        parts.extend([
            format!("{}: {}", T::Privilege.get(lang), a.privilege.label()),
            format!(
                "{}: {}",
                T::ColPart.get(lang),
                domain::part_label(a.part, lang)
            ),
        ]);
        if let Some(id) = &a.case_id {
            parts.push(format!("{}: {id}", T::Case.get(lang)));
        }
        if let Some(d) = &a.detail {
            parts.push(format!("{}: {d}", T::Offer.get(lang)));
        }
        parts.push(format!(
            "{}: {} {} {}",
            T::Source.get(lang),
            a.source.sheet,
            T::Row.get(lang),
            a.source.row
        ));
        if let Some(m) = &tp.done_of(i)[view.action_selected] {
            parts.push(format!(
                "{} {} {} {}",
                T::DoneOn.get(lang),
                fmt_dk(m.date),
                T::ByWord.get(lang),
                m.by
            ));
        }
        info.push(Line::styled(
            format!("#{} {}", a.step, parts.join(" · ")),
            t.muted,
        ));
    }
    let room = area.height.saturating_sub(3) as usize;
    for msg in conflicts.iter().take(room.min(3)) {
        info.push(Line::styled(msg.clone(), t.conflict));
    }
    let w = area.width.max(1) as usize;
    let wrapped: usize = info.iter().map(|l| l.width().div_ceil(w).max(1)).sum();
    let info_h = (wrapped as u16).min(area.height.saturating_sub(3));
    let [table_area, info_area] =
        Layout::vertical([Constraint::Min(2), Constraint::Length(info_h)]).areas(area);
    frame.render_widget(Paragraph::new(info).wrap(Wrap { trim: false }), info_area);

    if n_actions == 0 {
        frame.render_widget(
            Paragraph::new(Span::styled(T::NoActions.get(lang), t.muted)),
            table_area,
        );
        return Rect::default();
    }
    let rows_h = table_area.height.saturating_sub(1) as usize;
    if view.action_selected < view.action_offset {
        view.action_offset = view.action_selected;
    } else if rows_h > 0 && view.action_selected >= view.action_offset + rows_h {
        view.action_offset = view.action_selected + 1 - rows_h;
    }
    let wide = area.width >= 100;
    let next = tp.next_action(i);
    let done = tp.done_of(i);
    let mut header = vec![
        "".to_string(),
        T::ColStep.get(lang).to_string(),
        T::ColSystem.get(lang).to_string(),
    ];
    if wide {
        header.push(T::ColPart.get(lang).to_string());
    }
    header.extend([
        T::ColForm.get(lang).to_string(),
        T::ColAction.get(lang).to_string(),
        T::ColDate.get(lang).to_string(),
        T::ColOriginal.get(lang).to_string(),
        T::ColReason.get(lang).to_string(),
    ]);
    let end = (view.action_offset + rows_h).min(n_actions);
    let rows: Vec<Row> = (view.action_offset..end)
        .map(|j| {
            let a = &c.actions[j];
            let is_done = done[j].is_some();
            let is_next = next == Some(j);
            let mark = if is_done {
                "✓"
            } else if is_next {
                "▶"
            } else {
                " "
            };
            let style = if j == view.action_selected && focus {
                t.selected
            } else if j == view.action_selected {
                t.selected_unfocused
            } else if is_done {
                t.done
            } else if is_next {
                t.next
            } else {
                Style::default()
            };
            let reason = match (&a.reason, &a.reason_text) {
                (Some(r), Some(x)) => format!("{r}: {x}"),
                (Some(r), None) => r.to_string(),
                (None, Some(x)) => x.to_string(),
                (None, None) => a.detail.as_deref().unwrap_or_default().to_string(),
            };
            let mut cells = vec![
                mark.to_string(),
                a.step.to_string(),
                domain::system_label(a.system, lang).to_string(),
            ];
            if wide {
                cells.push(domain::part_label(a.part, lang).to_string());
            }
            cells.extend([
                domain::form_label(a.form, lang).to_string(),
                domain::action_label(a.action, lang).to_string(),
                a.date.map(fmt_dk).unwrap_or_else(|| "?".into()),
                a.original_date.map(fmt_dk).unwrap_or_default(),
                reason,
            ]);
            Row::new(cells).style(style)
        })
        .collect();
    let mut widths = vec![
        Constraint::Length(1),
        Constraint::Length(2),
        Constraint::Length(10),
    ];
    if wide {
        widths.push(Constraint::Length(9));
    }
    widths.extend([
        Constraint::Length(18),
        Constraint::Length(9),
        Constraint::Length(10),
        Constraint::Length(10),
        Constraint::Fill(1),
    ]);
    frame.render_widget(
        Table::new(rows, widths)
            .header(Row::new(header).style(t.header))
            .column_spacing(1),
        table_area,
    );
    Rect {
        y: table_area.y + 1,
        height: table_area.height.saturating_sub(1),
        ..table_area
    }
}

//! The review screen: a written plan read-only, its rows per citizen with a marker beside every
//! row the check has findings for, the selected row's findings with what is expected, and the
//! findings that concern no particular row. Only visible rows are built.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Row, Table, Wrap};

use super::ReviewView;
use super::lines::{done, general_line, reason, row_summary};
use crate::domain::cpr::mask_in_text;
use crate::domain::date::{fmt_dk, next_day};
use crate::i18n::domain;
use crate::i18n::ui::{self, T};
use crate::lang::Lang;
use crate::plan::Model;
use crate::review::words;
use crate::tui::app::App;
use crate::tui::keys::{self, Control, Ctx};
use crate::tui::theme::Theme;
use crate::tui::view::fit;

/// The header line's part: the file and the read-only mark.
pub fn header_spans(app: &App) -> Vec<Span<'static>> {
    let Some(view) = &app.review else {
        return Vec::new();
    };
    let lang = app.lang();
    vec![
        Span::styled(
            format!("· {} · {} ", T::ReviewTitle.get(lang), view.file_name()),
            app.theme.base,
        ),
        Span::styled(format!(" {} ", T::ReadOnly.get(lang)), app.theme.marker),
    ]
}

pub fn draw(frame: &mut Frame, app: &mut App, area: Rect) {
    let lang = app.lang();
    let t = app.theme.clone();
    let Some(view) = app.review.as_mut() else {
        return;
    };
    let [facts, counts, rest] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(3),
    ])
    .areas(area);
    frame.render_widget(
        Paragraph::new(facts_line(view, &t, lang, facts.width)),
        facts,
    );
    frame.render_widget(
        Paragraph::new(counts_line(view, &t, lang, counts.width)),
        counts,
    );

    let general_n = view.general.len();
    let general_h = if general_n == 0 {
        0
    } else {
        let room = (rest.height / 8).max(2) as usize;
        1 + general_n.min(room) as u16
    };
    let detail_h = (rest.height / 3).clamp(5, 7);
    let [table_area, general_area, detail_area] = Layout::vertical([
        Constraint::Min(3),
        Constraint::Length(general_h),
        Constraint::Length(detail_h),
    ])
    .areas(rest);

    draw_table(frame, view, &t, lang, table_area);
    if general_h > 0 {
        draw_general(frame, view, &t, lang, general_area);
    }
    draw_detail(frame, view, &t, lang, detail_area);
}

/// Segments of a line, each a separator and its spans: whole segments are left off at the end
/// rather than cut in the middle of a word.
fn fitted<'a>(segments: Vec<Vec<Span<'a>>>, width: u16, t: &Theme) -> Line<'a> {
    let mut room = width as usize;
    let mut spans = Vec::new();
    for (n, seg) in segments.into_iter().enumerate() {
        let sep = if n == 0 { " " } else { " · " };
        let w = sep.chars().count() + seg.iter().map(|s| s.width()).sum::<usize>();
        if w > room {
            break;
        }
        room -= w;
        spans.push(Span::styled(sep, t.muted));
        spans.extend(seg);
    }
    Line::from(spans)
}

/// Model, D (and D + 1 in model 2), and a note when the plan holds full CPR.
fn facts_line<'a>(view: &ReviewView, t: &Theme, lang: Lang, width: u16) -> Line<'a> {
    let h = &view.plan.header;
    let dates = if h.model == Model::Two {
        ui::switch_dates(h.switch_date, lang)
    } else {
        format!(
            "D = {} {}",
            ui::weekday(h.switch_date, lang),
            fmt_dk(h.switch_date)
        )
    };
    let mut segments = vec![
        vec![Span::styled(domain::model_label(h.model, lang), t.header)],
        vec![Span::styled(dates, t.accent)],
    ];
    if h.model == Model::Two
        && let Some(d1) = h.reentry_date
        && d1 != next_day(h.switch_date)
    {
        segments.push(vec![Span::styled(
            format!("{} D + 1 = {}", T::ReviewPlanSays.get(lang), fmt_dk(d1)),
            t.conflict,
        )]);
    }
    if view.full_cpr {
        segments.insert(
            0,
            vec![Span::styled(T::ReviewFullCpr.get(lang), t.conflict)],
        );
    }
    fitted(segments, width, t)
}

/// Findings (in how many rows, how many without a row), citizens, actions, listed conflicts.
fn counts_line<'a>(view: &ReviewView, t: &Theme, lang: Lang, width: u16) -> Line<'a> {
    let n = view.findings.len();
    let mut segments = Vec::new();
    if n == 0 {
        segments.push(vec![Span::styled(
            format!("✓ {}", T::ReviewClean.get(lang)),
            t.done,
        )]);
    } else {
        segments.push(vec![Span::styled(
            format!("⚠ {n} {}", T::ReviewFindings.get(lang)),
            t.conflict,
        )]);
        let rows = view.rows_with_findings();
        segments.push(vec![Span::raw(format!(
            "{rows} {}",
            one_or_many(
                rows,
                T::ReviewRowWithFindings,
                T::ReviewRowsWithFindings,
                lang
            )
        ))]);
        if !view.general.is_empty() {
            segments.push(vec![Span::raw(format!(
                "{} {}",
                view.general.len(),
                T::ReviewWithoutRow.get(lang)
            ))]);
        }
    }
    segments.push(vec![Span::raw(format!(
        "{} {}",
        view.citizens,
        one_or_many(view.citizens, T::ReviewOneCitizen, T::Citizens, lang).to_lowercase()
    ))]);
    let actions = view.plan.rows.len();
    segments.push(vec![Span::raw(format!(
        "{actions} {}",
        one_or_many(actions, T::ReviewAction, T::ActionsTitle, lang).to_lowercase()
    ))]);
    let conflicts = view.plan.conflicts.len();
    if conflicts > 0 {
        segments.push(vec![Span::styled(
            format!(
                "{conflicts} {}",
                one_or_many(conflicts, T::ReviewConflict, T::ReviewConflicts, lang)
            ),
            t.muted,
        )]);
    }
    fitted(segments, width, t)
}

/// The singular for one, the plural otherwise.
fn one_or_many(n: usize, one: T, many: T, lang: crate::lang::Lang) -> &'static str {
    if n == 1 {
        one.get(lang)
    } else {
        many.get(lang)
    }
}

fn section<'a>(title: String, t: &Theme) -> Block<'a> {
    Block::default()
        .borders(Borders::TOP)
        .border_style(t.border)
        .title(Span::styled(title, t.title))
}

fn draw_table(frame: &mut Frame, view: &mut ReviewView, t: &Theme, lang: Lang, area: Rect) {
    let filter = if view.only_findings {
        T::ReviewOnlyFindings
    } else {
        T::ReviewAllRows
    };
    let position = match view.shown() {
        0 => String::new(),
        n => format!("{} · ", ui::count_of(view.selected + 1, n, lang)),
    };
    let title = format!(
        " {} {position}{}: {} ",
        T::ColRow.get(lang),
        T::Filter.get(lang),
        filter.get(lang)
    );
    let block = section(title, t);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let rows_area = Rect {
        y: inner.y + 1,
        height: inner.height.saturating_sub(1),
        ..inner
    };
    view.table_area = rows_area;
    if view.shown() == 0 {
        frame.render_widget(
            Paragraph::new(Span::styled(T::ReviewNoRows.get(lang), t.muted)),
            rows_area,
        );
        return;
    }
    let height = rows_area.height as usize;
    view.scroll_into_view(height);

    // Columns by width: the row number and case ID from 100 columns, the reason from 120.
    let wide = area.width >= 100;
    let widest = area.width >= 120;
    // A JSON plan has no row numbers (its places are shown in the detail).
    let row_numbers = wide && view.plan.format == crate::review::PlanFormat::Xlsx;
    let form_w = if widest { 18 } else { 14 };
    let mut header = vec![String::new()];
    let mut widths = vec![Constraint::Length(2)];
    if row_numbers {
        header.push(T::ColRow.get(lang).to_string());
        widths.push(Constraint::Length(6));
    }
    header.extend([
        T::ColCitizenNo.get(lang).to_string(),
        T::ColCpr.get(lang).to_string(),
        T::ColStep.get(lang).to_string(),
        T::ColSystem.get(lang).to_string(),
        T::ColAction.get(lang).to_string(),
        T::ColForm.get(lang).to_string(),
        T::ColDate.get(lang).to_string(),
    ]);
    widths.extend([
        Constraint::Length(4),
        Constraint::Length(11),
        Constraint::Length(2),
        Constraint::Length(10),
        Constraint::Length(9),
        if widest {
            Constraint::Length(form_w)
        } else {
            Constraint::Fill(1)
        },
        Constraint::Length(10),
    ]);
    if widest {
        header.push(T::ColWhy.get(lang).to_string());
        widths.push(Constraint::Fill(1));
    }
    if wide {
        header.push(T::Case.get(lang).to_string());
        widths.push(Constraint::Length(10));
    }
    header.push(T::ColDone.get(lang).to_string());
    widths.push(Constraint::Length(10));

    let end = (view.offset + height).min(view.shown());
    // The citizen's number and CPR on the first row of each citizen in view.
    let mut previous: Option<u32> = None;
    let rows: Vec<Row> = (view.offset..end)
        .filter_map(|pos| view.row_at(pos).map(|i| (pos, i)))
        .map(|(pos, i)| {
            let r = view.row(i);
            let n = view.finding_count(i);
            let selected = pos == view.selected;
            let first = previous != Some(r.citizen);
            previous = Some(r.citizen);
            let mark = format!(
                "{}{}",
                if selected { "▶" } else { " " },
                if n > 0 { "⚠" } else { " " }
            );
            let mut cells = vec![Span::styled(
                mark,
                if n > 0 && !selected {
                    t.conflict
                } else {
                    t.base
                },
            )];
            if row_numbers {
                cells.push(Span::raw(
                    r.at.row.map(|n| n.to_string()).unwrap_or_default(),
                ));
            }
            let (no, cpr) = if first {
                (r.citizen.to_string(), mask_in_text(&r.cpr))
            } else {
                (String::new(), String::new())
            };
            cells.extend([
                Span::raw(no),
                Span::raw(cpr),
                Span::raw(r.step.map(|s| s.to_string()).unwrap_or_else(|| "?".into())),
                Span::raw(
                    r.system
                        .map(|s| domain::system_label(s, lang))
                        .unwrap_or("?"),
                ),
                Span::raw(
                    r.action
                        .map(|a| domain::action_label(a, lang))
                        .unwrap_or("?"),
                ),
                Span::raw(r.form.map(|f| domain::form_label(f, lang)).unwrap_or("?")),
                Span::raw(r.date.map(fmt_dk).unwrap_or_default()),
            ]);
            if widest {
                cells.push(Span::raw(mask_in_text(&reason(r))));
            }
            if wide {
                cells.push(Span::raw(
                    r.case_id.as_deref().map(mask_in_text).unwrap_or_default(),
                ));
            }
            cells.push(Span::raw(done(r)));
            let style = if selected { t.selected } else { t.base };
            Row::new(cells).style(style)
        })
        .collect();
    frame.render_widget(
        Table::new(rows, widths)
            .header(Row::new(header).style(t.header))
            .column_spacing(1),
        inner,
    );
}

/// The findings that concern no particular row; what does not fit is counted, and the key that
/// shows them all is named from the key table.
fn draw_general(frame: &mut Frame, view: &ReviewView, t: &Theme, lang: Lang, area: Rect) {
    let n = view.general.len();
    let title = format!(" {} ({n}) ", T::ReviewGeneralTitle.get(lang));
    let block = section(title, t);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let room = inner.height as usize;
    let width = inner.width as usize;
    let shown = if n > room { room.saturating_sub(1) } else { n };
    let mut lines: Vec<Line> = view.general[..shown]
        .iter()
        .map(|&f| {
            Line::styled(
                fit(
                    &format!("⚠ {}", general_line(&view.findings[f as usize], lang)),
                    width,
                ),
                t.conflict,
            )
        })
        .collect();
    if shown < n {
        let key = keys::BINDINGS
            .iter()
            .find(|b| b.ctx == Ctx::Review && b.control == Some(Control::GeneralFindings))
            .map(|b| keys::keys_label(b.keys, lang))
            .unwrap_or_default();
        lines.push(Line::styled(
            format!(
                "  … {} {} ({key}: {})",
                n - shown,
                T::ReviewMore.get(lang),
                T::KeyGeneralFindings.get(lang)
            ),
            t.muted,
        ));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The selected row in full, and its findings with what is expected.
fn draw_detail(frame: &mut Frame, view: &ReviewView, t: &Theme, lang: Lang, area: Rect) {
    let Some(i) = view.current() else {
        frame.render_widget(
            section(format!(" {} ", T::ReviewRowFindings.get(lang)), t),
            area,
        );
        return;
    };
    let r = view.row(i);
    let title = format!(
        " {} · {} ",
        T::ReviewRowFindings.get(lang),
        words::location(&r.at, lang)
    );
    let block = section(title, t);
    let inner = block.inner(area);
    frame.render_widget(block, area);

    let info = row_summary(r, lang);
    let mut lines = vec![Line::styled(info.clone(), t.muted)];
    let mut any = false;
    for f in view.findings_of(i) {
        any = true;
        let (what, expected) = words::finding(&f.kind, lang);
        lines.push(Line::styled(
            format!("⚠ {}", mask_in_text(&what)),
            t.conflict,
        ));
        lines.push(Line::from(vec![
            Span::styled(format!("  {}: ", words::expected_label(lang)), t.header),
            Span::raw(mask_in_text(&expected)),
        ]));
    }
    if !any {
        lines.push(Line::styled(
            format!("✓ {}", T::ReviewNoRowFindings.get(lang)),
            t.done,
        ));
    }
    // The findings come first: when all does not fit, the row's own line is cut to one.
    let w = inner.width.max(1) as usize;
    let needed: usize = lines.iter().map(|l| l.width().div_ceil(w).max(1)).sum();
    if needed > inner.height as usize {
        lines[0] = Line::styled(fit(&info, w), t.muted);
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}

//! The JSON plan: a stable, versioned contract (documented in README) that another command reads
//! back to check a plan. The DTOs below are the contract; the field names and the machine keys
//! (`"slet"`, `"anmodning"`, `"1"`, ...) never change within a version. Human texts (conflict
//! messages, notes, reasons) follow the chosen language, which the top level records in `lang`.
//!
//! The JSON holds no timestamp: the same input gives the same bytes.

use std::collections::BTreeMap;
use std::io::{self, Read, Write};

use chrono::NaiveDate;
use serde::ser::{SerializeSeq, SerializeStruct, Serializer};
use serde::{Deserialize, Serialize};

use super::{
    ExportError, ExportInput, Replan, ignore_reason, ignore_reason_key, reject_reason,
    reject_reason_key, warning_key, warning_message,
};
use crate::aktivliste::{IgnoredSheet, RejectedRow, Warning};
use crate::domain::cpr::mask_in_text;
use crate::domain::{CprClass, Form, Part, Privilege, SourceRef};
use crate::i18n::domain;
use crate::lang::Lang;
use crate::plan::{Action, ActionKind, CitizenPlan, Conflict, Model, Note, Status, System};

/// The value of the top-level `format` field.
pub const FORMAT: &str = "skifteplan-plan";
/// The version this program writes and the newest it reads.
pub const VERSION: u32 = 1;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanJson {
    /// Always [`FORMAT`].
    pub format: String,
    /// Always [`VERSION`] when written by this program.
    pub version: u32,
    /// The language of the human texts (`"da"` or `"en"`).
    pub lang: Lang,
    /// `"1"`, `"2"` or `"mellem"`.
    pub model: Model,
    pub switch_date: NaiveDate,
    /// D + 1 for model 2, else null.
    pub reentry_date: Option<NaiveDate>,
    pub reason_text: String,
    /// The list's file name, without folders.
    pub source_file: String,
    /// True when CPR numbers are masked (`DDMMYY-xxxx`).
    pub cpr_masked: bool,
    pub citizens: Vec<CitizenJson>,
    pub conflicts: Vec<ConflictJson>,
    pub notes: Vec<String>,
    pub rejected_rows: Vec<RejectedRowJson>,
    pub ignored_sheets: Vec<IgnoredSheetJson>,
    pub warnings: Vec<WarningJson>,
    pub counts: CountsJson,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CitizenJson {
    /// Masked `DDMMYY-xxxx` unless full CPR was chosen.
    pub cpr: String,
    pub name: Option<String>,
    /// `"aktiv"` or `"glemt"`.
    pub status: Status,
    /// The real end date of a forgotten case.
    pub slutdato: Option<NaiveDate>,
    /// Null, `"mod11"` (fails the modulus-11 check) or `"replacement"` (erstatningsnummer).
    pub cpr_warning: Option<String>,
    pub actions: Vec<ActionJson>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionJson {
    /// 1-based order within the citizen.
    pub step: u32,
    /// `"smdb"` or `"nyt"`.
    pub system: System,
    /// `"myndighed"` or `"tilbud"`.
    pub part: Part,
    pub form: Form,
    /// `"slet"`, `"afslut"`, `"registrer"` or `"foelg_op"`.
    pub action: ActionKind,
    pub date: Option<NaiveDate>,
    pub original_date: Option<NaiveDate>,
    /// `"Anden"` for closes in model 2, else null.
    pub reason: Option<String>,
    pub reason_text: Option<String>,
    /// `"indberetter"` or `"sundhedsfaglig"`.
    pub privilege: Privilege,
    pub case_id: Option<String>,
    pub detail: Option<String>,
    pub source: SourceJson,
    /// The date the action was ticked off as done, or null.
    pub done: Option<NaiveDate>,
    /// Who ticked it off (initials); left out when not known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done_by: Option<String>,
    /// The step departs from its model's rule because a conflict was decided so; left out
    /// when false.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub by_decision: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceJson {
    pub sheet: String,
    pub row: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConflictJson {
    pub cpr: String,
    /// The citizen's 1-based position in `citizens`; left out by plans written before it was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub citizen: Option<u32>,
    /// A stable key such as `"form_after_switch"`.
    pub kind: String,
    /// `"open"`, `"decided"` or `"note"` (nothing to decide); plans written before it was
    /// state nothing, and every conflict but a note counts as open.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    pub message: String,
    /// The decision taken: its stable key (`"keep_delete_others"`, `"redate"`, …) and text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub choice: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<String>,
    pub sheet: Option<String>,
    pub row: Option<u32>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RejectedRowJson {
    pub sheet: String,
    pub row: u32,
    /// A stable key such as `"missing_date"`.
    pub reason_key: String,
    pub reason: String,
    /// The row's cells as text, with anything that looks like a CPR masked.
    pub values: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IgnoredSheetJson {
    pub name: String,
    /// A stable key such as `"no_header"`.
    pub reason_key: String,
    pub reason: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WarningJson {
    pub sheet: String,
    pub row: u32,
    /// A stable key such as `"cpr_mod11_failed"`.
    pub kind: String,
    pub message: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CountsJson {
    pub citizens: usize,
    /// Citizens whose case is forgotten (glemt).
    pub forgotten: usize,
    pub actions: usize,
    pub conflicts: usize,
    pub rejected_rows: usize,
    /// Every action key, with 0 for those that do not occur.
    pub per_action: BTreeMap<ActionKind, usize>,
    /// Every form key, with 0 for those that do not occur.
    pub per_form: BTreeMap<Form, usize>,
}

impl From<&SourceRef> for SourceJson {
    fn from(s: &SourceRef) -> SourceJson {
        SourceJson {
            sheet: s.sheet.to_string(),
            row: s.row,
        }
    }
}

/// The machine key of a CPR warning, if the number needs a look.
pub fn cpr_warning_key(class: CprClass) -> Option<&'static str> {
    match class {
        CprClass::Valid => None,
        CprClass::Mod11Failed => Some("mod11"),
        CprClass::Replacement => Some("replacement"),
    }
}

/// Every text from the list (names, IDs, offers, ydelser, sheet and file names) with anything
/// CPR-like masked, unless full CPR was chosen.
fn text_of(show: bool, t: &str) -> String {
    if show { t.to_string() } else { mask_in_text(t) }
}

/// One citizen of the JSON plan, with `actions` as its actions (the plan's own, or planned
/// again for an outline plan).
fn citizen_json(input: &ExportInput<'_>, c: &CitizenPlan, actions: &[Action]) -> CitizenJson {
    let show = input.show_cpr;
    let text = |t: &str| text_of(show, t);
    CitizenJson {
        cpr: c.cpr.display(show),
        name: c.name.as_deref().map(text),
        status: c.status,
        slutdato: c.slutdato,
        cpr_warning: cpr_warning_key(c.cpr_class).map(str::to_string),
        actions: actions
            .iter()
            .map(|a| {
                let done = (input.done)(c, a);
                ActionJson {
                    step: a.step,
                    system: a.system,
                    part: a.part,
                    form: a.form,
                    action: a.action,
                    date: a.date,
                    original_date: a.original_date,
                    reason: a.reason.as_deref().map(text),
                    reason_text: a.reason_text.as_deref().map(text),
                    privilege: a.privilege,
                    case_id: a.case_id.as_deref().map(text),
                    detail: a.detail.as_deref().map(text),
                    source: SourceJson {
                        sheet: text(&a.source.sheet),
                        row: a.source.row,
                    },
                    done: done.as_ref().map(|d| d.date),
                    done_by: done.and_then(|d| d.by).map(|b| text(&b)),
                    by_decision: a.by_decision,
                }
            })
            .collect(),
    }
}

/// The citizen numbers [`crate::plan::Plan::conflict_citizens`] gives, 0 for none.
fn citizen_no(numbers: &[u32], i: usize) -> Option<u32> {
    numbers.get(i).copied().filter(|n| *n > 0)
}

fn conflict_json(input: &ExportInput<'_>, c: &Conflict, citizen: Option<u32>) -> ConflictJson {
    let text = |t: &str| text_of(input.show_cpr, t);
    ConflictJson {
        cpr: c.cpr.display(input.show_cpr),
        citizen,
        kind: c.kind.key().to_string(),
        state: Some(c.state().key().to_string()),
        message: text(&domain::conflict_message(&c.kind, input.lang)),
        choice: c.resolution.as_ref().map(|r| r.choice().key().to_string()),
        decision: c
            .resolution
            .as_ref()
            .map(|r| text(&domain::resolution_text(r, input.lang))),
        sheet: c.source.as_ref().map(|s| text(&s.sheet)),
        row: c.source.as_ref().map(|s| s.row),
    }
}

fn note_json(input: &ExportInput<'_>, n: Note) -> String {
    domain::note_text(n, &input.plan.reason_text, input.lang)
}

fn rejected_json(input: &ExportInput<'_>, r: &RejectedRow) -> RejectedRowJson {
    let text = |t: &str| text_of(input.show_cpr, t);
    RejectedRowJson {
        sheet: text(&r.source.sheet),
        row: r.source.row,
        reason_key: reject_reason_key(r).to_string(),
        reason: text(&reject_reason(r, input.lang)),
        values: r.values.iter().map(|v| text(v)).collect(),
    }
}

fn ignored_json(input: &ExportInput<'_>, s: &IgnoredSheet) -> IgnoredSheetJson {
    let text = |t: &str| text_of(input.show_cpr, t);
    IgnoredSheetJson {
        name: text(&s.name),
        reason_key: ignore_reason_key(s).to_string(),
        reason: text(&ignore_reason(s, input.lang)),
    }
}

fn warning_json(input: &ExportInput<'_>, w: &Warning) -> WarningJson {
    let text = |t: &str| text_of(input.show_cpr, t);
    WarningJson {
        sheet: text(&w.source.sheet),
        row: w.source.row,
        kind: warning_key(w).to_string(),
        message: text(&warning_message(w, input.lang)),
    }
}

/// The counts of a plan, whole or outline ([`crate::plan::plan_outline`] keeps the counts of
/// every action).
fn counts_json(input: &ExportInput<'_>) -> CountsJson {
    let plan = input.plan;
    let mut per_action: BTreeMap<ActionKind, usize> =
        ActionKind::ALL.into_iter().map(|k| (k, 0)).collect();
    let mut per_form: BTreeMap<Form, usize> = Form::ALL.into_iter().map(|f| (f, 0)).collect();
    for (kind, form, n) in plan.counts() {
        *per_action.entry(kind).or_default() += n;
        *per_form.entry(form).or_default() += n;
    }
    CountsJson {
        citizens: plan.citizens.len(),
        forgotten: plan
            .citizens
            .iter()
            .filter(|c| c.status == Status::Glemt)
            .count(),
        actions: plan.action_count(),
        conflicts: plan.conflicts.len(),
        rejected_rows: input.list.rejected.len(),
        per_action,
        per_form,
    }
}

/// Builds the whole JSON plan in memory from an export input (for reading a plan in memory as
/// if read back). Writing goes through [`write_plan`], which never holds it all.
pub fn build_json(input: &ExportInput<'_>) -> PlanJson {
    debug_assert!(
        input.plan.outline.is_none(),
        "the JSON plan needs every action: plan with plan::plan, not plan_outline"
    );
    let plan = input.plan;
    let list = input.list;
    let show = input.show_cpr;
    PlanJson {
        format: FORMAT.to_string(),
        version: VERSION,
        lang: input.lang,
        model: plan.model,
        switch_date: plan.switch_date,
        reentry_date: plan.reentry_date,
        reason_text: text_of(show, &plan.reason_text),
        source_file: text_of(show, &input.source_file()),
        cpr_masked: !show,
        citizens: plan
            .citizens
            .iter()
            .map(|c| citizen_json(input, c, &c.actions))
            .collect(),
        conflicts: {
            let numbers = plan.conflict_citizens();
            plan.conflicts
                .iter()
                .enumerate()
                .map(|(i, c)| conflict_json(input, c, citizen_no(&numbers, i)))
                .collect()
        },
        notes: plan.notes.iter().map(|n| note_json(input, *n)).collect(),
        rejected_rows: list
            .rejected
            .iter()
            .map(|r| rejected_json(input, r))
            .collect(),
        ignored_sheets: list
            .ignored_sheets
            .iter()
            .map(|s| ignored_json(input, s))
            .collect(),
        warnings: list
            .warnings
            .iter()
            .map(|w| warning_json(input, w))
            .collect(),
        counts: counts_json(input),
    }
}

/// The JSON plan as it is written: the fields of [`PlanJson`] in its order, each list made one
/// element at a time as it is written, so a plan of a national list is never in memory as JSON.
struct Streamed<'a, 'b> {
    input: &'a ExportInput<'b>,
    /// Set for an outline plan: a citizen's actions, planned again by its index.
    replan: Option<&'a Replan<'a>>,
}

/// A JSON array whose elements are made as they are written.
struct Each<'a, T, F: Fn(&T) -> R, R: Serialize> {
    items: &'a [T],
    make: F,
}

impl<T, F: Fn(&T) -> R, R: Serialize> Serialize for Each<'_, T, F, R> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.items.len()))?;
        for item in self.items {
            seq.serialize_element(&(self.make)(item))?;
        }
        seq.end()
    }
}

/// The citizens of the plan, each with its actions, made as they are written.
struct Citizens<'a, 'b>(&'a Streamed<'a, 'b>);

impl Serialize for Citizens<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let Streamed { input, replan } = *self.0;
        let citizens = &input.plan.citizens;
        let mut seq = s.serialize_seq(Some(citizens.len()))?;
        for (i, c) in citizens.iter().enumerate() {
            let planned_again = replan.map(|r| r(i));
            let actions = planned_again.as_deref().unwrap_or(&c.actions);
            seq.serialize_element(&citizen_json(input, c, actions))?;
        }
        seq.end()
    }
}

impl Serialize for Streamed<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let input = self.input;
        let plan = input.plan;
        let list = input.list;
        let show = input.show_cpr;
        // The same fields in the same order as [`PlanJson`]: the same bytes as its serializing.
        let mut st = s.serialize_struct("PlanJson", 17)?;
        st.serialize_field("format", FORMAT)?;
        st.serialize_field("version", &VERSION)?;
        st.serialize_field("lang", &input.lang)?;
        st.serialize_field("model", &plan.model)?;
        st.serialize_field("switch_date", &plan.switch_date)?;
        st.serialize_field("reentry_date", &plan.reentry_date)?;
        st.serialize_field("reason_text", &text_of(show, &plan.reason_text))?;
        st.serialize_field("source_file", &text_of(show, &input.source_file()))?;
        st.serialize_field("cpr_masked", &!show)?;
        st.serialize_field("citizens", &Citizens(self))?;
        let numbers = plan.conflict_citizens();
        let next = std::cell::Cell::new(0);
        st.serialize_field(
            "conflicts",
            &Each {
                items: &plan.conflicts,
                make: |c| {
                    let i = next.replace(next.get() + 1);
                    conflict_json(input, c, citizen_no(&numbers, i))
                },
            },
        )?;
        st.serialize_field(
            "notes",
            &Each {
                items: &plan.notes,
                make: |n| note_json(input, *n),
            },
        )?;
        st.serialize_field(
            "rejected_rows",
            &Each {
                items: &list.rejected,
                make: |r| rejected_json(input, r),
            },
        )?;
        st.serialize_field(
            "ignored_sheets",
            &Each {
                items: &list.ignored_sheets,
                make: |i| ignored_json(input, i),
            },
        )?;
        st.serialize_field(
            "warnings",
            &Each {
                items: &list.warnings,
                make: |w| warning_json(input, w),
            },
        )?;
        st.serialize_field("counts", &counts_json(input))?;
        st.end()
    }
}

/// Writes the JSON plan citizen by citizen, the same bytes as [`to_writer`] of [`build_json`]
/// (pretty-printed, ending in a newline). With `replan`, the plan is an outline
/// ([`crate::plan::plan_outline`]) and each citizen's actions are planned again as they are
/// written: neither the whole plan nor its JSON is ever in memory.
pub fn write_plan(
    w: &mut dyn Write,
    input: &ExportInput<'_>,
    replan: Option<&Replan<'_>>,
) -> io::Result<()> {
    debug_assert!(
        replan.is_some() || input.plan.outline.is_none(),
        "an outline plan is written with its actions planned again"
    );
    let mut ser = serde_json::Serializer::with_formatter(
        &mut *w,
        Escaping(serde_json::ser::PrettyFormatter::new()),
    );
    Streamed { input, replan }
        .serialize(&mut ser)
        .map_err(io::Error::from)?;
    w.write_all(b"\n")
}

/// Writes the plan pretty-printed (two-space indent), ending in a newline. A character a
/// terminal would act on or not show ([`crate::text::is_unsafe`]: DEL, the C1 controls, bidi
/// and other invisible format characters; JSON escapes the C0 controls itself) is written as a
/// `\uXXXX` escape: the same JSON string, and `--json -` on a terminal shows it as it is.
pub fn to_writer(w: &mut dyn Write, dto: &PlanJson) -> io::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(
        &mut *w,
        Escaping(serde_json::ser::PrettyFormatter::new()),
    );
    dto.serialize(&mut ser).map_err(io::Error::from)?;
    w.write_all(b"\n")
}

/// serde_json's pretty printing, with every character [`crate::text::is_unsafe`] holds escaped.
struct Escaping<'a>(serde_json::ser::PrettyFormatter<'a>);

impl serde_json::ser::Formatter for Escaping<'_> {
    fn write_string_fragment<W: ?Sized + Write>(&mut self, w: &mut W, s: &str) -> io::Result<()> {
        let mut at = 0;
        for (i, c) in s.char_indices() {
            if crate::text::is_unsafe(c) {
                w.write_all(&s.as_bytes()[at..i])?;
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    write!(w, "\\u{unit:04x}")?;
                }
                at = i + c.len_utf8();
            }
        }
        w.write_all(&s.as_bytes()[at..])
    }
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_value(w)
    }
}

/// Reads a plan back, checking `format` and `version` before the rest.
pub fn from_reader(mut r: impl Read) -> Result<PlanJson, ExportError> {
    let mut bytes = Vec::new();
    r.read_to_end(&mut bytes).map_err(ExportError::Io)?;
    from_slice(&bytes)
}

/// Reads a plan back from bytes, checking `format` and `version` before the rest. Typed all
/// the way: a first pass reads only the two fields (skipping the rest without building it),
/// the second the plan itself, so a plan of 600,000 actions never becomes a JSON tree.
pub fn from_slice(bytes: &[u8]) -> Result<PlanJson, ExportError> {
    #[derive(Deserialize)]
    struct Probe {
        format: Option<serde_json::Value>,
        version: Option<serde_json::Value>,
    }
    // A plan saved again by an editor on Windows may start with a byte order mark.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let json = |e: serde_json::Error| ExportError::Json(e.to_string());
    let probe: Probe = match serde_json::from_slice(bytes) {
        Ok(p) => p,
        // Valid JSON of another shape (an array, a number) is simply not a plan.
        Err(e) => {
            return Err(
                match serde_json::from_slice::<serde::de::IgnoredAny>(bytes) {
                    Ok(_) => ExportError::NotAPlan,
                    Err(_) => json(e),
                },
            );
        }
    };
    if probe.format.as_ref().and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(ExportError::NotAPlan);
    }
    if let Some(v) = probe.version.as_ref().and_then(|v| v.as_u64())
        && v > u64::from(VERSION)
    {
        return Err(ExportError::UnsupportedVersion(
            u32::try_from(v).unwrap_or(u32::MAX),
        ));
    }
    serde_json::from_slice(bytes).map_err(json)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::DoneMark;
    use crate::export::fixture::{self, CPR_A, CPR_B, CPR_C};
    use crate::plan::{Action, CitizenPlan};

    fn render(model: Model, show_cpr: bool, lang: Lang) -> String {
        let plan = fixture::plan(model);
        let list = fixture::list();
        let done = |c: &CitizenPlan, a: &Action| {
            (c.cpr.full() == CPR_A && a.step == 1).then(|| DoneMark {
                date: fixture::d(2026, 3, 20),
                by: Some("AB".into()),
            })
        };
        let input = ExportInput {
            plan: &plan,
            list: &list,
            show_cpr,
            lang,
            generated_at: fixture::generated_at(),
            done: &done,
        };
        let mut out = Vec::new();
        super::super::write_json_to(&mut out, &input).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn snapshot_model_two() {
        let text = render(Model::Two, false, Lang::Da);
        insta::with_settings!({snapshot_path => concat!(env!("CARGO_MANIFEST_DIR"), "/snapshots")}, {
            insta::assert_snapshot!("export_json_model_two", text);
        });
    }

    #[test]
    fn round_trip_every_model_and_language() {
        for model in Model::ALL {
            for lang in [Lang::Da, Lang::En] {
                for show in [false, true] {
                    let text = render(model, show, lang);
                    let back = from_reader(text.as_bytes()).unwrap();
                    let plan = fixture::plan(model);
                    let list = fixture::list();
                    let none = |_: &CitizenPlan, _: &Action| None;
                    let mut expected = build_json(&ExportInput {
                        plan: &plan,
                        list: &list,
                        show_cpr: show,
                        lang,
                        generated_at: fixture::generated_at(),
                        done: &none,
                    });
                    expected.citizens[0].actions[0].done = Some(fixture::d(2026, 3, 20));
                    expected.citizens[0].actions[0].done_by = Some("AB".into());
                    assert_eq!(back, expected);
                    // Same input, same bytes.
                    assert_eq!(text, render(model, show, lang));
                }
            }
        }
    }

    #[test]
    fn cpr_is_masked_unless_chosen() {
        let masked = render(Model::One, false, Lang::Da);
        for cpr in [CPR_A, CPR_B, CPR_C] {
            assert!(!masked.contains(cpr), "{cpr} leaked");
            assert!(!masked.contains(&cpr.replace('-', "")), "{cpr} leaked");
            assert!(masked.contains(&format!("{}-xxxx", &cpr[..6])));
        }
        let full = render(Model::One, true, Lang::Da);
        assert!(full.contains(CPR_A) && full.contains("\"cpr_masked\": false"));
    }

    #[test]
    fn counts_and_reentry() {
        let dto = from_reader(render(Model::Two, false, Lang::En).as_bytes()).unwrap();
        assert_eq!(dto.reentry_date, Some(fixture::d(2026, 4, 1)));
        assert_eq!(dto.counts.citizens, 3);
        assert_eq!(dto.counts.forgotten, 1);
        let n: usize = dto.citizens.iter().map(|c| c.actions.len()).sum();
        assert_eq!(dto.counts.actions, n);
        assert_eq!(dto.counts.per_action.values().sum::<usize>(), n);
        assert_eq!(dto.counts.per_form.values().sum::<usize>(), n);
        assert_eq!(dto.counts.per_action.len(), ActionKind::ALL.len());
        assert_eq!(dto.source_file, "aktivliste-2026.xlsx");
        let one = from_reader(render(Model::One, false, Lang::Da).as_bytes()).unwrap();
        assert_eq!(one.reentry_date, None);
    }

    #[test]
    fn writes_a_file_and_reads_it_back() {
        let plan = fixture::plan(Model::One);
        let list = fixture::list();
        let none = |_: &CitizenPlan, _: &Action| None;
        let input = ExportInput {
            plan: &plan,
            list: &list,
            show_cpr: false,
            lang: Lang::Da,
            generated_at: fixture::generated_at(),
            done: &none,
        };
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.json");
        super::super::write_json(&path, &input).unwrap();
        let back = from_reader(std::fs::File::open(&path).unwrap()).unwrap();
        assert_eq!(back, build_json(&input));
        assert!(back.citizens[0].actions.iter().all(|a| a.done.is_none()));
        // Who ticked it is left out when not known, so a plan without ticks reads as before.
        assert!(!std::fs::read_to_string(&path).unwrap().contains("done_by"));
    }

    #[test]
    fn cpr_warning_keys() {
        assert_eq!(cpr_warning_key(CprClass::Valid), None);
        assert_eq!(cpr_warning_key(CprClass::Mod11Failed), Some("mod11"));
        assert_eq!(cpr_warning_key(CprClass::Replacement), Some("replacement"));
        let dto = from_reader(render(Model::One, false, Lang::Da).as_bytes()).unwrap();
        assert_eq!(dto.citizens[2].cpr_warning.as_deref(), Some("replacement"));
    }

    #[test]
    fn rejects_other_formats_and_newer_versions() {
        assert!(matches!(
            from_reader(&b"{\"format\": \"x\", \"version\": 1}"[..]),
            Err(ExportError::NotAPlan)
        ));
        assert!(matches!(
            from_reader(&b"{\"format\": \"skifteplan-plan\", \"version\": 2}"[..]),
            Err(ExportError::UnsupportedVersion(2))
        ));
        assert!(matches!(
            from_reader(&b"not json"[..]),
            Err(ExportError::Json(_))
        ));
        // A malformed field that holds a CPR never reaches the message unmasked.
        let text = render(Model::One, false, Lang::Da).replacen(
            "\"step\": 1",
            "\"step\": \"010190-2000\"",
            1,
        );
        let err = from_reader(text.as_bytes()).unwrap_err();
        assert!(matches!(err, ExportError::Json(_)));
        assert!(!err.message(Lang::Da).contains("010190-2000"));
        assert!(!err.to_string().contains("010190-2000"));
    }
}

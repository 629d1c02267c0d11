//! Follow-up after (or during) the switch: a plan read back against a newer Aktivliste, by model
//! and by date. Per citizen of the plan:
//!
//! - before go-live (today before the new system reports): done (no longer active in SMDB),
//!   still blocking (active, with the plan's steps not yet done), re-entered too early or twice
//!   (an active form that starts after the switch date, or two active anmodninger);
//! - after go-live, model 2: the old case closed and one active anmodning from D + 1 is
//!   re-entered; the old case gone and nothing new is closed with the re-entry missing; the old
//!   case still active beside a new one is twice;
//! - after go-live, model 1: the old IDs gone and the case back with its original date under a
//!   new ID is re-entered; the old IDs gone and nothing back is deleted with the re-entry
//!   missing; an old ID still active blocks;
//! - the interim model: the old cases still open in the web form with how long each has been
//!   open;
//! - a forgotten case: gone is done (it is closed, never re-entered), active blocks.
//!
//! Citizens of the later list that the plan does not hold are reported as new.
//!
//! Which active case is the old one: in model 1 its SMDB ID is one the plan names (the
//! re-entered case has the old case's dates and a new ID, so without IDs on both sides an active
//! case counts as the old one); in model 2 an ID the plan names or any start on or before D.
//!
//! Pure: the plan's rows and the later list's citizens in, a [`Verification`] out.

use std::collections::{BTreeSet, HashMap};

use chrono::NaiveDate;

use super::{Location, PlanRows, Row};
use crate::domain::cpr::{Cpr, mask_cpr_like};
use crate::domain::date::next_day;
use crate::domain::{Citizen, Form};
use crate::plan::{ActionKind, Model, System};

/// Where a planned citizen stands in the later list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum State {
    /// No longer active in SMDB, and no re-entry to look for (before go-live, a forgotten case,
    /// the interim model, or a plan that registers nothing in the new system).
    Done,
    /// After go-live: the old case gone and the re-entered case active with the date the plan
    /// gives it (model 2: D + 1; model 1: the original date, under a new ID).
    ReEntered,
    /// After go-live: the old case closed (model 2) or deleted (model 1), but no re-entered case
    /// in the list. Left to do.
    ReentryMissing,
    /// Still active, with steps of the plan left.
    Blocking,
    /// Active with a start date the model does not allow, or twice.
    Early,
    /// Interim model: an old case still open in the web form, as planned (not blocking).
    Open,
}

impl State {
    /// Every state, in the order the follow-up lists them: what needs a person first.
    pub const ALL: [State; 6] = [
        State::Blocking,
        State::Early,
        State::ReentryMissing,
        State::Open,
        State::ReEntered,
        State::Done,
    ];

    /// Something is left for a person: still blocking, re-entered too early or twice, or the
    /// re-entry missing.
    pub fn needs_action(self) -> bool {
        matches!(self, State::Blocking | State::Early | State::ReentryMissing)
    }
}

/// An active form of the later list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Seen {
    pub form: Form,
    pub id: Option<String>,
    pub date: NaiveDate,
}

/// A step of the plan not ticked off.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StepLeft {
    pub at: Location,
    pub step: Option<u32>,
    pub system: Option<System>,
    pub action: Option<ActionKind>,
    pub form: Option<Form>,
}

/// Why an active citizen counts as re-entered too early, twice or on the wrong date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Early {
    /// An active form in SMDB that starts after the switch date: entered into SMDB instead of
    /// the new system.
    StartsAfterSwitch {
        form: Form,
        id: Option<String>,
        date: NaiveDate,
    },
    /// More than one active anmodning (only one may be active).
    TwoAnmodninger(usize),
    /// After go-live: the old case still active in SMDB beside the re-entered one.
    Twice { old: Seen, new: Seen },
    /// After go-live: the old case gone and one anmodning back, but with another start date
    /// than the plan gives its re-entry (model 2: D + 1; model 1: the original date).
    OtherDate { new: Seen, expected: NaiveDate },
}

/// An old case still open in SMDB (interim model), with days since its start.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpenCase {
    pub form: Form,
    pub id: Option<String>,
    pub start: NaiveDate,
    pub days: i64,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CitizenReport {
    pub citizen: u32,
    /// Masked `DDMMYY-xxxx`.
    pub cpr: String,
    pub state: State,
    pub steps_left: Vec<StepLeft>,
    pub early: Vec<Early>,
    pub open: Vec<OpenCase>,
    /// The re-entered anmodning ([`State::ReEntered`]).
    pub reentered: Option<Seen>,
    /// The start date the plan gives the re-entered anmodning, when it registers one.
    pub expected: Option<NaiveDate>,
}

/// A citizen active in the later list that the plan does not hold.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewCitizen {
    /// The citizen's position among the later list's citizens.
    pub index: usize,
    /// Masked `DDMMYY-xxxx`.
    pub cpr: String,
    /// The earliest start date of the citizen's active forms.
    pub start: Option<NaiveDate>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verification {
    pub model: Model,
    pub switch_date: NaiveDate,
    /// The new system's go-live: from then on a case gone from SMDB must be back as re-entered.
    pub go_live: NaiveDate,
    /// Whether the go-live was given (else it is D + 1).
    pub go_live_given: bool,
    pub today: NaiveDate,
    pub citizens: Vec<CitizenReport>,
    pub new: Vec<NewCitizen>,
}

impl Verification {
    pub fn count(&self, state: State) -> usize {
        self.citizens.iter().filter(|c| c.state == state).count()
    }
    /// Something keeps the new system from reporting, or needs a person: a citizen still
    /// blocking, re-entered too early or twice, whose re-entry is missing, or new since the plan.
    pub fn blocks(&self) -> bool {
        !self.new.is_empty() || self.citizens.iter().any(|c| c.state.needs_action())
    }

    /// Today is on or after go-live: a case gone from SMDB must be back as re-entered.
    pub fn after_go_live(&self) -> bool {
        self.today >= self.go_live
    }
}

/// How a citizen of the plan is recognised in a list: the full CPR when the plan holds it,
/// else the masked CPR and, when both sides have one, the name (as the plan shows it: anything
/// CPR-like in a name is masked in a masked plan).
fn matches(plan_cpr: &str, full: Option<&Cpr>, plan_name: Option<&str>, c: &Citizen) -> bool {
    let same_number = match full {
        Some(cpr) => cpr.digits() == c.cpr.digits(),
        None => plan_cpr.trim() == c.cpr.masked(),
    };
    let same_name = match (plan_name, c.name.as_deref()) {
        (Some(a), Some(b)) if full.is_none() => {
            let shown = |t: &str| mask_cpr_like(t.trim()).to_lowercase();
            shown(a) == shown(b)
        }
        _ => true,
    };
    same_number && same_name
}

fn starts(c: &Citizen) -> Vec<Seen> {
    let mut out: Vec<Seen> = c
        .anmodninger
        .iter()
        .map(|a| Seen {
            form: Form::Anmodning,
            id: a.id.as_deref().map(String::from),
            date: a.anmodningsdato,
        })
        .collect();
    out.extend(c.indskrivninger.iter().map(|i| Seen {
        form: Form::Indskrivning,
        id: i.id.as_deref().map(String::from),
        date: i.indskrivningsdato,
    }));
    out
}

fn mask(plan_cpr: &str) -> String {
    crate::domain::cpr::mask_cpr_value(plan_cpr)
}

/// What the plan says of one citizen's old case and its re-entry.
struct Planned {
    model: Model,
    d: NaiveDate,
    forgotten: bool,
    /// The SMDB IDs of the old case (anmodning and indskrivning IDs) the plan names.
    old_ids: BTreeSet<String>,
    /// The start dates the plan's registration of the anmodning in the new system may carry;
    /// empty when it registers none.
    reentry: BTreeSet<NaiveDate>,
}

impl Planned {
    fn of(rows: &[&Row], model: Model, d: NaiveDate, reentry_date: Option<NaiveDate>) -> Planned {
        let old_ids = rows
            .iter()
            .filter_map(|r| r.case_id.as_deref().map(str::trim))
            .filter(|id| !id.is_empty())
            .map(String::from)
            .collect();
        let mut reentry = BTreeSet::new();
        for r in rows.iter().filter(|r| {
            r.system == Some(System::Nyt)
                && r.action == Some(ActionKind::Registrer)
                && r.form == Some(Form::Anmodning)
        }) {
            match model {
                // The original data and dates (§3.2), or the date a decision gave it.
                Model::One => reentry.extend(r.original_date.into_iter().chain(r.date)),
                // Every re-entry starts the day after D (§4).
                _ => {
                    reentry.insert(r.date.or(reentry_date).unwrap_or_else(|| next_day(d)));
                }
            }
        }
        Planned {
            model,
            d,
            forgotten: rows.iter().any(|r| r.forgotten),
            old_ids,
            reentry,
        }
    }

    /// Whether an active form of the later list is the old case.
    fn is_old(&self, f: &Seen) -> bool {
        let named = match f.id.as_deref().map(str::trim) {
            Some(id) if !id.is_empty() && !self.old_ids.is_empty() => {
                Some(self.old_ids.contains(id))
            }
            _ => None,
        };
        match (self.model, named) {
            (Model::One, Some(named)) => named,
            (_, Some(named)) => named || f.date <= self.d,
            // No ID to tell them apart by: a case from before the switch is the old one.
            (_, None) => f.date <= self.d,
        }
    }
}

/// The later list `after` against the plan, as of `today`, with the new system live from
/// `go_live` (None: the day after the switch date).
pub fn verify(
    plan: &PlanRows,
    after: &[Citizen],
    today: NaiveDate,
    go_live: Option<NaiveDate>,
) -> Verification {
    let h = &plan.header;
    let d = h.switch_date;
    let go_live_given = go_live.is_some();
    let go_live = go_live.unwrap_or_else(|| next_day(d));
    let live = today >= go_live;
    let mut used = vec![false; after.len()];
    // The later list's citizens by masked CPR, in list order: a plan's CPR (full or masked)
    // is looked up among the few that share its masked form, not the whole list.
    let mut by_masked: HashMap<String, Vec<usize>> = HashMap::with_capacity(after.len());
    for (i, c) in after.iter().enumerate() {
        by_masked.entry(c.cpr.masked()).or_default().push(i);
    }
    let mut citizens = Vec::new();
    for (citizen, rows) in plan.by_citizen() {
        let first: &Row = rows[0];
        let full = Cpr::parse(&first.cpr).ok().map(|(cpr, _)| cpr);
        let key = match &full {
            Some(cpr) => cpr.masked(),
            None => first.cpr.trim().to_string(),
        };
        let found = by_masked
            .get(&key)
            .into_iter()
            .flatten()
            .copied()
            .find(|&i| {
                !used[i] && matches(&first.cpr, full.as_ref(), first.name.as_deref(), &after[i])
            })
            .map(|i| (i, &after[i]));
        let planned = Planned::of(&rows, h.model, d, h.reentry_date);
        let by_date = live && h.model != Model::Mellem;
        let mut report = CitizenReport {
            citizen,
            cpr: mask(&first.cpr),
            state: State::Done,
            steps_left: Vec::new(),
            early: Vec::new(),
            open: Vec::new(),
            reentered: None,
            expected: planned.reentry.first().copied(),
        };
        let left = |filter: &dyn Fn(&Row) -> bool| -> Vec<StepLeft> {
            rows.iter()
                .filter(|r| !r.done && filter(r))
                .map(|r| StepLeft {
                    at: r.at.clone(),
                    step: r.step,
                    system: r.system,
                    action: r.action,
                    form: r.form,
                })
                .collect()
        };
        match found {
            Some((i, c)) if by_date => {
                used[i] = true;
                let forms = starts(c);
                let (old, new): (Vec<Seen>, Vec<Seen>) =
                    forms.into_iter().partition(|f| planned.is_old(f));
                let new: Vec<Seen> = new
                    .into_iter()
                    .filter(|f| f.form == Form::Anmodning)
                    .collect();
                report.state = if planned.forgotten {
                    // Closed with its real dates and never re-entered: a later case is not
                    // the plan's.
                    if old.is_empty() {
                        State::Done
                    } else {
                        State::Blocking
                    }
                } else if let Some(o) = old.first() {
                    if let Some(n) = new.first() {
                        let o = old.iter().find(|f| f.form == Form::Anmodning).unwrap_or(o);
                        report.early.push(Early::Twice {
                            old: o.clone(),
                            new: n.clone(),
                        });
                        State::Early
                    } else if c.anmodninger.len() > 1 {
                        report
                            .early
                            .push(Early::TwoAnmodninger(c.anmodninger.len()));
                        State::Early
                    } else {
                        State::Blocking
                    }
                } else {
                    match &new[..] {
                        [] if planned.reentry.is_empty() => State::Done,
                        [] => State::ReentryMissing,
                        [n] if planned.reentry.is_empty() || planned.reentry.contains(&n.date) => {
                            report.reentered = Some(n.clone());
                            State::ReEntered
                        }
                        [n] => {
                            report.early.push(Early::OtherDate {
                                new: n.clone(),
                                expected: planned.reentry.first().copied().unwrap_or(n.date),
                            });
                            State::Early
                        }
                        more => {
                            report.early.push(Early::TwoAnmodninger(more.len()));
                            State::Early
                        }
                    }
                };
                report.steps_left = match report.state {
                    State::Blocking | State::Early => left(&|_| true),
                    State::ReentryMissing => left(&|r| r.system == Some(System::Nyt)),
                    _ => Vec::new(),
                };
            }
            Some((i, c)) => {
                used[i] = true;
                for Seen { form, id, date } in starts(c) {
                    if date > d {
                        report
                            .early
                            .push(Early::StartsAfterSwitch { form, id, date });
                    } else if h.model == Model::Mellem {
                        report.open.push(OpenCase {
                            form,
                            id,
                            start: date,
                            days: (today - date).num_days(),
                        });
                    }
                }
                if c.anmodninger.len() > 1 {
                    report
                        .early
                        .push(Early::TwoAnmodninger(c.anmodninger.len()));
                }
                report.state = if !report.early.is_empty() {
                    State::Early
                } else if h.model == Model::Mellem {
                    State::Open
                } else {
                    State::Blocking
                };
                if h.model != Model::Mellem {
                    report.steps_left = left(&|_| true);
                }
            }
            None if by_date && !planned.forgotten && !planned.reentry.is_empty() => {
                report.state = State::ReentryMissing;
                report.steps_left = left(&|r| r.system == Some(System::Nyt));
            }
            None => {}
        }
        citizens.push(report);
    }
    let new = after
        .iter()
        .enumerate()
        .zip(&used)
        .filter(|(_, u)| !**u)
        .map(|((index, c), _)| NewCitizen {
            index,
            cpr: c.cpr.masked(),
            start: starts(c).into_iter().map(|f| f.date).min(),
        })
        .collect();
    Verification {
        model: h.model,
        switch_date: d,
        go_live,
        go_live_given,
        today,
        citizens,
        new,
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::aktivliste::Aktivliste;
    use crate::domain::{Anmodning, Decision, SourceRef};
    use crate::export::{ExportInput, build_json, fixture};
    use crate::lang::Lang;
    use crate::plan::{Action, CitizenPlan, Settings};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        fixture::d(y, m, day)
    }

    /// The switch date of every plan here.
    fn sd() -> NaiveDate {
        d(2026, 3, 31)
    }

    /// Fictitious: Per, with one anmodning from 2025; Glen, a forgotten case.
    const PER: &str = "010190-2000";
    const GLEN: &str = "750372-4001";

    fn anmodning(id: Option<&str>, date: NaiveDate) -> Anmodning {
        Anmodning {
            id: id.map(Into::into),
            anmodningsdato: date,
            ivaerksaettelsesdato: None,
            tilbudstilknytning: None,
            kvalhep: None,
            source: SourceRef {
                sheet: "Anmodninger".into(),
                row: 2,
            },
        }
    }

    /// `cpr` with these active anmodninger.
    fn citizen(cpr: &str, anmodninger: &[(Option<&str>, NaiveDate)]) -> Citizen {
        let (cpr, class) = Cpr::parse(cpr).unwrap();
        let mut c = Citizen::new(cpr, class);
        c.anmodninger = anmodninger
            .iter()
            .map(|(id, date)| anmodning(*id, *date))
            .collect();
        c
    }

    fn per(anmodninger: &[(Option<&str>, NaiveDate)]) -> Citizen {
        citizen(PER, anmodninger)
    }

    /// Per's old case: A-1 from 03-03-2025.
    fn per_before() -> Citizen {
        per(&[(Some("A-1"), d(2025, 3, 3))])
    }

    fn glen_before() -> Citizen {
        let mut c = citizen(GLEN, &[(Some("G-1"), d(2024, 5, 1))]);
        c.decision = Decision {
            glemt: true,
            slutdato: Some(d(2025, 6, 30)),
            ..Decision::default()
        };
        c
    }

    /// Per and Glen planned in `model`, every step ticked off, read back as a written plan.
    fn planned(model: Model) -> PlanRows {
        let citizens = vec![per_before(), glen_before()];
        let plan = crate::plan::plan(&citizens, &Settings::new(model, sd()));
        let list = Aktivliste {
            path: PathBuf::from("foer.csv"),
            citizens,
            sheets: Vec::new(),
            ignored_sheets: Vec::new(),
            rejected: Vec::new(),
            warnings: Vec::new(),
            notes: Vec::new(),
        };
        let done = |_: &CitizenPlan, _: &Action| Some(crate::export::DoneMark::on(sd()));
        crate::review::read::from_json(&build_json(&ExportInput {
            plan: &plan,
            list: &list,
            show_cpr: false,
            lang: Lang::Da,
            generated_at: fixture::generated_at(),
            done: &done,
        }))
    }

    /// Per's report against `after` on `today`, go-live D + 1.
    fn per_on(model: Model, after: &[Citizen], today: NaiveDate) -> CitizenReport {
        let v = verify(&planned(model), after, today, None);
        assert!(v.new.is_empty(), "{v:?}");
        v.citizens
            .into_iter()
            .find(|c| c.cpr == "010190-xxxx")
            .unwrap()
    }

    fn glen_on(model: Model, after: &[Citizen], today: NaiveDate) -> State {
        let v = verify(&planned(model), after, today, None);
        v.citizens
            .into_iter()
            .find(|c| c.cpr == "750372-xxxx")
            .unwrap()
            .state
    }

    /// Before go-live (D + 1 = 01-04-2026) and after it.
    fn before() -> NaiveDate {
        sd()
    }
    fn after() -> NaiveDate {
        d(2026, 4, 30)
    }

    #[test]
    fn before_go_live_a_case_from_d_plus_one_is_too_early_and_gone_is_done() {
        for model in [Model::One, Model::Two] {
            let r = per_on(model, &[per(&[(Some("N-1"), d(2026, 4, 1))])], before());
            assert_eq!(r.state, State::Early, "{model:?}");
            assert!(matches!(
                r.early[..],
                [Early::StartsAfterSwitch { date, .. }] if date == d(2026, 4, 1)
            ));
            assert_eq!(
                per_on(model, &[per_before()], before()).state,
                State::Blocking
            );
            assert_eq!(per_on(model, &[], before()).state, State::Done);
        }
    }

    #[test]
    fn a_later_go_live_keeps_the_rules_of_before() {
        // Today 30-04-2026 but go-live 15-05-2026: still before.
        let v = verify(
            &planned(Model::Two),
            &[per(&[(Some("N-1"), d(2026, 4, 1))])],
            after(),
            Some(d(2026, 5, 15)),
        );
        assert!(!v.after_go_live());
        assert_eq!(v.citizens[0].state, State::Early);
        assert!(v.go_live_given);
    }

    #[test]
    fn model_two_after_go_live_re_entered_from_d_plus_one_is_done() {
        let r = per_on(Model::Two, &[per(&[(Some("N-1"), d(2026, 4, 1))])], after());
        assert_eq!(r.state, State::ReEntered, "{r:?}");
        assert_eq!(
            r.reentered,
            Some(Seen {
                form: Form::Anmodning,
                id: Some("N-1".into()),
                date: d(2026, 4, 1)
            })
        );
        assert!(r.early.is_empty() && r.steps_left.is_empty());
        // Without IDs in the later list: the start date tells the new case from the old.
        let r = per_on(Model::Two, &[per(&[(None, d(2026, 4, 1))])], after());
        assert_eq!(r.state, State::ReEntered);
    }

    #[test]
    fn model_two_after_go_live_closed_without_re_entry_is_left_to_do() {
        let v = verify(&planned(Model::Two), &[], after(), None);
        let r = &v.citizens[0];
        assert_eq!(r.state, State::ReentryMissing, "{r:?}");
        assert_eq!(r.expected, Some(d(2026, 4, 1)));
        assert!(v.blocks(), "a missing re-entry is something left");
        assert_eq!(v.count(State::Done), 1, "only the forgotten case is done");
    }

    #[test]
    fn model_two_after_go_live_old_and_new_active_is_twice() {
        let both = per(&[(Some("A-1"), d(2025, 3, 3)), (Some("N-1"), d(2026, 4, 1))]);
        let r = per_on(Model::Two, &[both], after());
        assert_eq!(r.state, State::Early);
        assert!(
            matches!(&r.early[..], [Early::Twice { old, new }]
                if old.id.as_deref() == Some("A-1") && new.id.as_deref() == Some("N-1")),
            "{r:?}"
        );
        // The old case alone still blocks.
        assert_eq!(
            per_on(Model::Two, &[per_before()], after()).state,
            State::Blocking
        );
    }

    #[test]
    fn model_two_after_go_live_re_entered_on_another_date_needs_a_person() {
        let r = per_on(Model::Two, &[per(&[(Some("N-1"), d(2026, 4, 6))])], after());
        assert_eq!(r.state, State::Early);
        assert!(matches!(
            &r.early[..],
            [Early::OtherDate { new, expected }] if new.date == d(2026, 4, 6) && *expected == d(2026, 4, 1)
        ));
    }

    #[test]
    fn model_one_after_go_live_back_with_its_original_date_under_a_new_id_is_done() {
        let r = per_on(Model::One, &[per(&[(Some("N-7"), d(2025, 3, 3))])], after());
        assert_eq!(r.state, State::ReEntered, "{r:?}");
        assert_eq!(r.reentered.as_ref().unwrap().id.as_deref(), Some("N-7"));
        // Back on D + 1 instead of the original date.
        let r = per_on(Model::One, &[per(&[(Some("N-7"), d(2026, 4, 1))])], after());
        assert_eq!(r.state, State::Early);
        assert!(matches!(
            &r.early[..],
            [Early::OtherDate { expected, .. }] if *expected == d(2025, 3, 3)
        ));
    }

    #[test]
    fn model_one_after_go_live_deleted_without_re_entry_is_left_to_do() {
        let r = per_on(Model::One, &[], after());
        assert_eq!(r.state, State::ReentryMissing);
        assert_eq!(r.expected, Some(d(2025, 3, 3)), "the original date");
    }

    #[test]
    fn model_one_after_go_live_an_old_id_still_active_blocks() {
        assert_eq!(
            per_on(Model::One, &[per_before()], after()).state,
            State::Blocking
        );
        // The old ID beside the re-entered case: twice.
        let both = per(&[(Some("A-1"), d(2025, 3, 3)), (Some("N-7"), d(2025, 3, 3))]);
        let r = per_on(Model::One, &[both], after());
        assert_eq!(r.state, State::Early);
        assert!(matches!(&r.early[..], [Early::Twice { .. }]), "{r:?}");
        // No ID in the later list: the old case cannot be told from the re-entered one.
        let r = per_on(Model::One, &[per(&[(None, d(2025, 3, 3))])], after());
        assert_eq!(r.state, State::Blocking);
    }

    #[test]
    fn a_forgotten_case_gone_is_done_and_active_blocks_on_either_side_of_go_live() {
        for model in [Model::One, Model::Two] {
            for today in [before(), after()] {
                assert_eq!(glen_on(model, &[], today), State::Done, "{model:?} {today}");
                assert_eq!(
                    glen_on(model, &[glen_before()], today),
                    State::Blocking,
                    "{model:?} {today}"
                );
            }
        }
    }

    #[test]
    fn interim_after_go_live_is_as_before() {
        let v = verify(&planned(Model::Mellem), &[per_before()], after(), None);
        assert_eq!(v.citizens[0].state, State::Open);
        let v = verify(&planned(Model::Mellem), &[], after(), None);
        assert_eq!(v.citizens[0].state, State::Done);
        assert!(!v.blocks());
    }
}

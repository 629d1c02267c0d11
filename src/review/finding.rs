//! What `check` finds in a plan: a [`Finding`] at a place of the plan, of a [`FindingKind`]. The
//! texts are in [`super::words`].

use chrono::NaiveDate;

use super::Location;
use crate::domain::Form;
use crate::plan::{ActionKind, Model, System};

/// One thing wrong in a plan, where it is, and whose it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub at: Location,
    /// The citizen's CPR as the plan shows it (masked unless the plan holds full CPR; the
    /// command masks it again before printing).
    pub cpr: Option<String>,
    pub kind: FindingKind,
}

/// What is wrong. Every variant carries what was found and what is expected; the texts are in
/// [`super::words`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FindingKind {
    /// A cell could not be read as what its column holds.
    Unreadable { column: Column, value: String },
    /// A step number is missing: the citizen's steps jump from `after` to `found`.
    StepGap { after: u32, found: u32 },
    /// The same step number twice for one citizen.
    StepDuplicate { step: u32 },
    /// A row shows a step before a lower one of the same citizen (rows moved).
    StepOutOfRowOrder { step: u32, after: u32 },
    /// An action the model does not have for this citizen.
    WrongAction {
        action: ActionKind,
        system: Option<System>,
        form: Form,
        model: Model,
        forgotten: bool,
    },
    /// Model 1: a registration after a deletion in SMDB.
    RegisterAfterDelete { form: Form },
    /// Model 2: a close in SMDB after a registration in the new system.
    CloseAfterRegister { form: Form },
    /// Model 1: deletions out of [`Form::DELETE_ORDER`] (a→f).
    DeleteOrder { form: Form, after: Form },
    /// Closes out of [`Form::CLOSE_ORDER`].
    CloseOrder { form: Form, after: Form },
    /// Registrations out of the reporting order, [`Form::REGISTER_ORDER`].
    RegisterOrder { form: Form, after: Form },
    /// Model 1 registration or interim follow-up not on the form's original date.
    DateNotOriginal {
        found: Option<NaiveDate>,
        expected: Option<NaiveDate>,
    },
    /// Model 2: a close not on D.
    CloseDateNotD {
        found: Option<NaiveDate>,
        expected: NaiveDate,
    },
    /// Model 2: a close without reason "Anden".
    ReasonNotAnden { found: Option<String> },
    /// Model 2: a close without the plan's reason text.
    ReasonTextWrong {
        found: Option<String>,
        expected: String,
    },
    /// Model 2: the plan's description is not one of the guide's spellings.
    ReasonTextNotGuide { found: String },
    /// Model 2: a registration not on D + 1.
    ReentryDateWrong {
        found: Option<NaiveDate>,
        expected: NaiveDate,
    },
    /// The plan's stated re-entry date is not D + 1.
    HeaderReentryWrong {
        found: Option<NaiveDate>,
        expected: NaiveDate,
    },
    /// A forgotten case's close without a date.
    ForgottenNoDate,
    /// A forgotten case closed after D.
    ForgottenAfterSwitch { found: NaiveDate, switch: NaiveDate },
    /// A forgotten case closed before the form started.
    ForgottenBeforeStart { found: NaiveDate, start: NaiveDate },
    /// A forgotten case closed with the switch reason text.
    ForgottenSystemskift { found: String },
    /// A form acted on once but not the other (registered, never deleted; closed, never
    /// re-entered, ...).
    Unpaired {
        form: Form,
        have: ActionKind,
        missing: ActionKind,
        have_n: usize,
        missing_n: usize,
    },
    /// A citizen the summary counts has no rows.
    CitizenMissing { citizen: u32 },
    /// A citizen has fewer (or more) rows than its Trin i alt states: a row was removed (or
    /// copied).
    StepCount { stated: u32, found: usize },
    /// A row's Status says otherwise than the citizen's other rows, or than Glemte sager.
    ForgottenDiffers { row_says: bool, other_says: bool },
    /// The stated model is not the one the rows follow (a changed Oversigt cell): one finding
    /// there instead of one per row.
    HeaderModelWrong { stated: Model, rows: Model },
    /// Model 2: every close is on another day than the stated D (a changed Oversigt cell).
    HeaderSwitchWrong { stated: NaiveDate, rows: NaiveDate },
    /// Conflicts the plan lists are not decided (found at the first of them).
    ConflictsOpen { n: usize },
    /// A row marked as following a decision, for a citizen with no decided conflict.
    DecisionWithoutConflict,
    /// A count of the summary differs from the rows.
    CountMismatch {
        what: Counting,
        stated: usize,
        found: usize,
    },
}

/// The columns of the action sheet the checks read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    CitizenNo,
    Step,
    System,
    Form,
    Action,
    Date,
    OriginalDate,
    Done,
}

/// What a stated count counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Counting {
    Citizens,
    Forgotten,
    Actions,
    Kind(ActionKind, Form),
}

//! The words of the commands (`plan`, `check`, `confirm`, `notify`, `verify`): their summaries
//! and messages. Words of the domain come from [`super::domain`], of review from
//! [`super::review`] and its siblings.

use crate::lang::Lang;

texts! {
    /// A fixed text of a command's summary or message.
    pub enum C {
        SwitchDate => "skiftedato", "switch date";
        Reentry => "genindtastning", "re-entry";
        Rows => "rækker", "rows";
        Row => "række", "row";
        SheetsUsed => "Ark brugt", "Sheets used";
        SheetNotUsed => "Ark ikke brugt", "Sheet not used";
        Citizens => "Borgere", "Citizens";
        CitizensLower => "borgere", "citizens";
        ForgottenCases => "glemte sager", "forgotten cases";
        Actions => "Handlinger", "Actions";
        ActionsLower => "handlinger", "actions";
        Warnings => "Advarsler", "Warnings";
        Conflicts => "Konflikter", "Conflicts";
        RejectedRows => "Afviste rækker", "Rejected rows";
        NothingWritten => "Intet skrevet: brug --xlsx FIL og/eller --json FIL.", "Nothing written: use --xlsx FILE and/or --json FILE.";
        Written => "Skrevet", "Written";
        StandardOutput => "standardoutput (stdout)", "standard output";
        MoreInExport => "flere (se handlingsarket eller JSON)", "more (see the action sheet or JSON)";
        NoFindings => "Ingen fund: planen følger reglerne.", "No findings: the plan follows the rules.";
        Findings => "Fund", "Findings";
        ConflictWaiting => "konflikt står i planen og venter på en person (arket Konflikter).", "conflict is listed in the plan and waits for a person (sheet Konflikter).";
        ConflictsWaiting => "konflikter står i planen og venter på en person (arket Konflikter).", "conflicts are listed in the plan and wait for a person (sheet Konflikter).";
        FillPlaceholders => "Udfyld pladsholderne før mailen sendes, eller angiv:", "Fill in the placeholders before sending, or give:";
        DeadlineNeeded => "Model 1: DST skal have en deadline for genindberetning.", "Model 1: DST needs a deadline for re-reporting.";
    }
}

/// "1 konflikt står i planen …" / "3 conflicts are listed in the plan …".
pub fn conflicts_waiting(n: usize, lang: Lang) -> String {
    let text = if n == 1 {
        C::ConflictWaiting
    } else {
        C::ConflictsWaiting
    };
    format!("{n} {}", text.get(lang))
}

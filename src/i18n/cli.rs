//! The words of the commands (`plan`, `check`, `confirm`, `notify`, `verify`): their summaries
//! and messages. Words of the domain come from [`super::domain`], of review from
//! [`super::review`] and its siblings.

use crate::domain::cpr::mask_in_text;
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
        ReadNote => "Bemærk", "Note";
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
        NotDecided => "ikke afgjort", "not decided";
        Findings => "Fund", "Findings";
        ConflictWaiting => "konflikt eller bemærkning står i planen", "conflict or note is listed in the plan";
        ConflictsWaiting => "konflikter og bemærkninger står i planen", "conflicts and notes are listed in the plan";
        OpenLower => "ikke afgjort", "not decided";
        FillPlaceholders => "Udfyld pladsholderne før mailen sendes, eller angiv:", "Fill in the placeholders before sending, or give:";
        DeadlineNeeded => "Model 1: DST skal have en deadline for genindberetning.", "Model 1: DST needs a deadline for re-reporting.";
        HalfWrittenRemoved => "filer under skrivning er fjernet, intet er efterladt halvt skrevet", "files being written were removed, nothing is left half written";
    }
}

/// "Udført: 5 afkrydsninger fra liste.skifteplan.db" — the store's ticks that fill the Udført
/// columns of the export.
pub fn ticks_from_store(
    matched: usize,
    total: usize,
    path: &std::path::Path,
    lang: Lang,
) -> String {
    let mut line = format!(
        "{}: {matched} {} {}",
        lang.pick("Udført", "Done"),
        lang.pick("afkrydsninger fra", "ticks from"),
        mask_in_text(&path.display().to_string())
    );
    if total > matched {
        line.push_str(&format!(
            " ({} {} {})",
            total - matched,
            lang.pick("til", "to"),
            lang.pick(
                "trin under en anden model eller D skrives ikke som udført",
                "steps under another model or D are not written as done"
            )
        ));
    }
    line
}

/// Citizens from the store no longer on the list, planned with the rest.
pub fn gone_from_store(n: usize, lang: Lang) -> String {
    format!(
        "{}: {n} {}",
        lang.pick("Ikke længere på listen", "No longer on the list"),
        lang.pick(
            "borgere fra lageret er med i planen med alle deres trin (de udførte står som udført)",
            "citizens from the store are in the plan with all their steps (those done marked done)"
        )
    )
}

/// The store was not used for the export's Udført columns, and why.
pub fn store_not_used(path: &std::path::Path, why: &str, lang: Lang) -> String {
    format!(
        "{} {}: {why}",
        lang.pick(
            "planen skrives uden fremdrift (Udført tom); lageret bruges ikke:",
            "the plan is written without progress (Done empty); the store is not used:"
        ),
        mask_in_text(&path.display().to_string())
    )
}

/// Why a store is not this list's.
pub fn store_of_another_list(other: &str, lang: Lang) -> String {
    format!(
        "{} {}",
        lang.pick(
            "lageret hører til en anden liste:",
            "the store belongs to another list:"
        ),
        mask_in_text(other)
    )
}

/// "3 konflikter og bemærkninger står i planen (1 ikke afgjort)." / "3 conflicts and notes …".
pub fn conflicts_waiting(n: usize, open: usize, lang: Lang) -> String {
    let text = if n == 1 {
        C::ConflictWaiting
    } else {
        C::ConflictsWaiting
    };
    format!(
        "{n} {} ({open} {}).",
        text.get(lang),
        C::OpenLower.get(lang)
    )
}

/// Which description the plan's closes carry, and whose spelling it is.
pub fn reason_text_used(text: &str, lang: Lang) -> String {
    let text = crate::text::one_line(text.trim()).into_owned();
    let whose = match crate::plan::guide_spelling(&text, &crate::plan::GUIDE_REASON_TEXTS) {
        Some("Systemskifte") => lang.pick(
            "vejledningens stavemåde i afsnit 4",
            "the guide's spelling in §4",
        ),
        Some(_) => lang.pick(
            "vejledningens stavemåde i afsnit 1 og 6",
            "the guide's spelling in §1 and §6",
        ),
        None => lang.pick("ikke vejledningens", "not the guide's"),
    };
    format!(
        "{} \"{text}\" ({whose})",
        lang.pick("Beskriv afslutningsårsag:", "Close description:")
    )
}

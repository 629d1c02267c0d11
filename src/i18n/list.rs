//! The words of reading an Aktivliste (or a decisions file): why a row was rejected, why a sheet
//! was not used, what a person should look at, and why a file could not be read at all. No text
//! holds CPR digits beyond the masked form; quoted cell text is masked before it gets here.

use std::path::Path;

use crate::aktivliste::{
    EncodingNote, Expected, IgnoreReason, LoadError, LoadNote, RejectReason, SpreadsheetProblem,
    TextEncoding, WarningKind,
};
use crate::domain::CprError;
use crate::domain::date::DateError;
use crate::lang::Lang;

use super::Localize;

/// The size a zip part declares, for a message: "512 MiB", or "over 4 GiB" for a zip64 part.
pub fn unpacked_size(mib: u64) -> String {
    if mib == u64::MAX >> 20 {
        "over 4 GiB".to_string()
    } else {
        format!("{mib} MiB")
    }
}

/// What is wrong with a CPR cell, without "CPR" (the caller names it).
pub fn cpr_problem(e: CprError, lang: Lang) -> &'static str {
    match e {
        CprError::Empty => lang.pick("tomt", "empty"),
        CprError::WrongLength => lang.pick("skal have 10 cifre", "must have 10 digits"),
        CprError::NotDigits => lang.pick(
            "indeholder andet end cifre og én bindestreg",
            "holds characters other than digits and one hyphen",
        ),
        CprError::InvalidDate => lang.pick(
            "begynder ikke med en gyldig dato",
            "does not start with a valid date",
        ),
    }
}

/// A date problem in words, Danish or English.
pub fn date_problem(e: &DateError, lang: Lang) -> &'static str {
    match e {
        DateError::Unrecognised => lang.pick(
            "ikke en dato (forventet dd-mm-åååå eller åååå-mm-dd)",
            "not a date (expected dd-mm-yyyy or yyyy-mm-dd)",
        ),
        DateError::TwoDigitYear => lang.pick(
            "tocifret årstal gættes ikke (skriv året med fire cifre)",
            "two-digit year is not guessed (write the year with four digits)",
        ),
        DateError::Impossible { .. } => lang.pick("umulig dato", "impossible date"),
        DateError::SerialOutOfRange => lang.pick(
            "Excel-datotal uden for gyldigt område (1900-2100)",
            "Excel date number out of range (1900-2100)",
        ),
        DateError::YearOutOfRange { .. } => lang.pick(
            "årstallet ligger uden for 1900-2100",
            "the year is outside 1900-2100",
        ),
    }
}

impl Localize for CprError {
    fn localize(&self, lang: Lang) -> String {
        cpr_problem(*self, lang).to_string()
    }
}

impl Localize for DateError {
    fn localize(&self, lang: Lang) -> String {
        date_problem(self, lang).to_string()
    }
}

impl Localize for Expected {
    fn localize(&self, lang: Lang) -> String {
        match self {
            Expected::YesNo => lang.pick("forventet Ja/Nej eller x", "expected Ja/Nej or x"),
            Expected::DateOrYesNo => lang.pick(
                "forventet en dato, Ja/Nej eller x",
                "expected a date, Ja/Nej or x",
            ),
        }
        .to_string()
    }
}

/// One line for a caseworker on a row that could not be used.
impl Localize for RejectReason {
    fn localize(&self, lang: Lang) -> String {
        match self {
            RejectReason::MissingCpr => lang.pick("CPR mangler", "CPR is missing").to_string(),
            RejectReason::InvalidCpr(e) => format!(
                "{}: {}",
                lang.pick("Ugyldigt CPR", "Invalid CPR"),
                cpr_problem(*e, lang)
            ),
            RejectReason::MissingDate { column } => {
                format!("{column} {}", lang.pick("mangler", "is missing"))
            }
            RejectReason::BadDate {
                column,
                text,
                problem,
            } => format!("{column} '{text}': {}", date_problem(problem, lang)),
            RejectReason::BadValue {
                column,
                text,
                expected,
            } => format!("{column} '{text}': {}", expected.localize(lang)),
            RejectReason::RepeatedHeader => lang
                .pick(
                    "rækken gentager kolonneoverskrifterne",
                    "the row repeats the column headers",
                )
                .to_string(),
            RejectReason::NoteLine => lang
                .pick(
                    "rækken er en note eller sumlinje, ikke en borger",
                    "the row is a note or a total line, not a citizen",
                )
                .to_string(),
            RejectReason::DuplicateCpr { first_row } => format!(
                "{} {first_row}",
                lang.pick("samme CPR står også i række", "the same CPR is also in row")
            ),
            RejectReason::DecisionMatchesNobody => lang
                .pick(
                    "beslutningsfilens CPR er ingen borger på listen (ret CPR, eller fjern rækken); beslutningen er ikke brugt",
                    "the decisions file's CPR is no citizen on the list (correct the CPR, or remove the row); the decision is not used",
                )
                .to_string(),
            RejectReason::FormulaWithoutValue { column, cell } => format!(
                "{column} ({cell}): {}",
                lang.pick(
                    "formlen er gemt uden sin værdi; åbn projektmappen i Excel og gem den, så værdierne gemmes med",
                    "the formula was saved without its value; open the workbook in Excel and save it, so the values are saved with it",
                )
            ),
            RejectReason::UnreadableCell {
                column,
                cell,
                detail,
            } => format!(
                "{column} ({cell}): {}: {detail}",
                lang.pick("cellen kan ikke læses", "the cell cannot be read")
            ),
        }
    }
}

/// Why a sheet was not used.
impl Localize for IgnoreReason {
    fn localize(&self, lang: Lang) -> String {
        match self {
            IgnoreReason::Empty => lang.pick("arket er tomt", "the sheet is empty").to_string(),
            IgnoreReason::NoHeader => lang
                .pick(
                    "ingen kolonneoverskrifter genkendt i de første 30 rækker",
                    "no column headers recognised in the first 30 rows",
                )
                .to_string(),
            IgnoreReason::NoCprColumn => lang
                .pick(
                    "ingen CPR-kolonne (angiv den med --column cpr=\"...\")",
                    "no CPR column (name it with --column cpr=\"...\")",
                )
                .to_string(),
            IgnoreReason::NoDateColumn => lang
                .pick(
                    "hverken en anmodningsdato- eller en indskrivningsdato-kolonne",
                    "neither an anmodningsdato nor an indskrivningsdato column",
                )
                .to_string(),
            IgnoreReason::NotFirstSheet => lang
                .pick(
                    "kun det første ark med beslutninger læses",
                    "only the first sheet with decisions is read",
                )
                .to_string(),
            IgnoreReason::Unreadable(detail) => format!(
                "{}: {detail}",
                lang.pick("arket kan ikke læses", "the sheet cannot be read")
            ),
        }
    }
}

/// What a person should look at in a row that was used.
impl Localize for WarningKind {
    fn localize(&self, lang: Lang) -> String {
        match self {
            WarningKind::Mod11Failed { cpr } => format!(
                "CPR {} {}",
                cpr.masked(),
                lang.pick(
                    "består ikke modulus 11-kontrollen (tilladt siden 2007; kontrollér nummeret)",
                    "fails the modulus-11 check (allowed since 2007; check the number)"
                )
            ),
            WarningKind::Replacement { cpr } => format!(
                "CPR {} {}",
                cpr.masked(),
                lang.pick(
                    "er et erstatningspersonnummer",
                    "is a replacement number (erstatningspersonnummer)"
                )
            ),
            WarningKind::YdelseWithoutIndskrivning => lang
                .pick(
                    "ydelser uden indskrivningsdato er ikke brugt",
                    "ydelser without an indskrivningsdato are not used",
                )
                .to_string(),
            WarningKind::MappingNotFound { field, header } => format!(
                "{} '{header}' ({}) {}",
                lang.pick("Kolonnen", "The column"),
                field.key(),
                lang.pick(
                    "findes ikke i noget brugt ark",
                    "is not in any sheet that was used"
                )
            ),
            WarningKind::EndDateWithoutGlemt => lang
                .pick(
                    "rækken har en slutdato, men sagen er ikke markeret som glemt (Glemt = ja): datoen er ikke brugt",
                    "the row has an end date, but the case is not marked forgotten (Glemt = yes): the date is not used",
                )
                .to_string(),
            WarningKind::SameCaseOtherDate { form, first_row } => match lang {
                Lang::Da => format!(
                    "rækken gentager sagen fra række {first_row} (samme ID eller dato) med en anden dato for {}: datoen fra række {first_row} er brugt; tjek sagen i SMDB",
                    super::domain::form_label(*form, lang)
                ),
                Lang::En => format!(
                    "the row repeats the case of row {first_row} (the same ID or date) with another date for {}: row {first_row}'s date is used; check the case in SMDB",
                    super::domain::form_label(*form, lang)
                ),
            },
        }
    }
}

/// Row numbers for a note: the first few, and "…" when there are more.
fn row_list(first: &[u32], count: usize) -> String {
    let mut s = first
        .iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    if count > first.len() {
        s.push_str(", …");
    }
    s
}

fn encoding_note(n: &EncodingNote, lang: Lang) -> String {
    let invalid = n.invalid_bytes;
    let utf8 = n.utf8_chars;
    match (n.encoding, lang) {
        (TextEncoding::Windows1252, Lang::Da) => format!(
            "læst som Windows-1252: {invalid} bytes er ikke gyldig UTF-8 ({} af dem er æ, ø, å, Æ, Ø eller Å i Windows-1252), og {utf8} tegn er skrevet i UTF-8",
            n.danish_letters
        ),
        (TextEncoding::Windows1252, Lang::En) => format!(
            "read as Windows-1252: {invalid} bytes are not valid UTF-8 ({} of them are the Danish letters 'æ', 'ø', 'å', 'Æ', 'Ø' or 'Å' in Windows-1252), and {utf8} characters are written in UTF-8",
            n.danish_letters
        ),
        (TextEncoding::Utf8, Lang::Da) => format!(
            "læst som UTF-8: {utf8} tegn er skrevet i UTF-8, men {invalid} bytes er ikke gyldig UTF-8 og er erstattet med � i {} rækker (række {}); kontrollér dem",
            n.replaced_row_count,
            row_list(&n.replaced_rows, n.replaced_row_count)
        ),
        (TextEncoding::Utf8, Lang::En) => format!(
            "read as UTF-8: {utf8} characters are written in UTF-8, but {invalid} bytes are not valid UTF-8 and were replaced with � in {} rows (rows {}); check them",
            n.replaced_row_count,
            row_list(&n.replaced_rows, n.replaced_row_count)
        ),
    }
}

/// How a list was read, for a person to know.
impl Localize for LoadNote {
    fn localize(&self, lang: Lang) -> String {
        match self {
            LoadNote::HiddenSheet { sheet, very: false } => match lang {
                Lang::Da => {
                    format!("arket '{sheet}' er skjult i projektmappen; det er læst som de andre")
                }
                Lang::En => format!(
                    "sheet '{sheet}' is hidden in the workbook; it was read like the others"
                ),
            },
            LoadNote::HiddenSheet { sheet, very: true } => match lang {
                Lang::Da => format!(
                    "arket '{sheet}' er meget skjult i projektmappen (kan kun vises med en makro); det er læst som de andre"
                ),
                Lang::En => format!(
                    "sheet '{sheet}' is very hidden in the workbook (it can only be shown with a macro); it was read like the others"
                ),
            },
            LoadNote::HiddenRows { sheet, rows } => {
                let list = row_list(&rows.first, rows.count);
                match (lang, rows.count) {
                    (Lang::Da, 1) => format!(
                        "arket '{sheet}' har 1 skjult række (række {list}); den er læst som de andre"
                    ),
                    (Lang::Da, n) => format!(
                        "arket '{sheet}' har {n} skjulte rækker (række {list}); de er læst som de andre"
                    ),
                    (Lang::En, 1) => format!(
                        "sheet '{sheet}' has 1 hidden row (row {list}); it was read like the others"
                    ),
                    (Lang::En, n) => format!(
                        "sheet '{sheet}' has {n} hidden rows (rows {list}); they were read like the others"
                    ),
                }
            }
            LoadNote::Encoding(n) => encoding_note(n, lang),
        }
    }
}

/// Why the content of a file is not a spreadsheet this program reads.
impl Localize for SpreadsheetProblem {
    fn localize(&self, lang: Lang) -> String {
        match self {
            SpreadsheetProblem::TextFile => lang
                .pick(
                    "filen indeholder tekst, ikke et Excel-regneark (er det en CSV-fil? giv den endelsen .csv)",
                    "the file holds text, not an Excel workbook (is it a CSV file? give it the .csv extension)",
                )
                .to_string(),
            SpreadsheetProblem::WrongContent { expected } => format!(
                "{} {expected}",
                lang.pick(
                    "indholdet er ikke et regneark af typen",
                    "the content is not a workbook of type"
                )
            ),
            SpreadsheetProblem::Encrypted => lang
                .pick(
                    "regnearket er beskyttet med adgangskode; gem det uden adgangskode",
                    "the workbook is password-protected; save it without a password",
                )
                .to_string(),
            SpreadsheetProblem::Damaged(detail) => format!(
                "{}: {detail}",
                lang.pick(
                    "filen er beskadiget eller ufuldstændig",
                    "the file is damaged or incomplete"
                )
            ),
            SpreadsheetProblem::TooLarge { part, mib } => {
                let size = unpacked_size(*mib);
                format!(
                    "{} '{part}' {} {size}: {}",
                    lang.pick("delen", "the part"),
                    lang.pick("pakkes ud til", "unpacks to"),
                    lang.pick(
                        "mere end en aktivliste kan fylde (er filen beskadiget?)",
                        "more than an active-case list can hold (is the file damaged?)"
                    )
                )
            }
            SpreadsheetProblem::TooManyCells {
                sheet,
                rows,
                columns,
            } => {
                let millions = rows.saturating_mul(*columns).div_ceil(1_000_000);
                match lang {
                    Lang::Da => format!(
                        "arket '{sheet}' spænder over {rows} rækker × {columns} kolonner, {millions} mio. celler at læse (står der noget langt under eller til højre for listen?); slet de tomme rækker og kolonner efter listen, eller gem filen som .xlsx"
                    ),
                    Lang::En => format!(
                        "sheet '{sheet}' spans {rows} rows × {columns} columns, {millions} million cells to read (is there something far below or right of the list?); delete the empty rows and columns after the list, or save the file as .xlsx"
                    ),
                }
            }
            SpreadsheetProblem::RowsOutOfOrder { sheet, row, after } => match lang {
                Lang::Da => format!(
                    "arket '{sheet}' har ikke rækkerne i rækkefølge (række {row} står efter række {after}), så rækker kunne gå tabt; åbn filen i Excel og gem den igen"
                ),
                Lang::En => format!(
                    "sheet '{sheet}' does not hold its rows in order (row {row} comes after row {after}), so rows could be lost; open the file in Excel and save it again"
                ),
            },
            SpreadsheetProblem::CellsOutOfOrder { sheet, cell, after } => match lang {
                Lang::Da => format!(
                    "arket '{sheet}' har ikke cellerne i rækkefølge (cellen {cell} står efter {after}), så en værdi kunne gå tabt; åbn filen i Excel og gem den igen"
                ),
                Lang::En => format!(
                    "sheet '{sheet}' does not hold its cells in order (cell {cell} comes after {after}), so a value could be lost; open the file in Excel and save it again"
                ),
            },
            SpreadsheetProblem::DuplicatePart { part } => match lang {
                Lang::Da => format!(
                    "delen '{part}' findes to gange i filen, og det er uvist hvilken der gælder (filen er beskadiget eller skrevet forkert); gem den igen fra Excel"
                ),
                Lang::En => format!(
                    "the part '{part}' is in the file twice, and which one counts is unknown (the file is damaged or written wrongly); save it again from Excel"
                ),
            },
        }
    }
}

fn shown(path: &Path) -> String {
    path.display().to_string()
}

/// Why a list could not be read at all: one line a caseworker understands, naming the file.
impl Localize for LoadError {
    fn localize(&self, lang: Lang) -> String {
        match self {
            LoadError::NotFound(p) => crate::error::FileProblem::Missing.at(p, lang),
            LoadError::File { path, problem } => problem.at(path, lang),
            LoadError::Locked(p) => format!(
                "{}: {}",
                lang.pick(
                    "Filen kan ikke åbnes (er den åben i Excel eller låst?)",
                    "The file cannot be opened (is it open in Excel, or locked?)"
                ),
                shown(p)
            ),
            LoadError::UnsupportedType(p) => format!(
                "{}: {}",
                lang.pick(
                    "Filtypen kan ikke læses (brug .xlsx, .xls, .xlsb, .ods eller .csv)",
                    "This file type cannot be read (use .xlsx, .xls, .xlsb, .ods or .csv)"
                ),
                shown(p)
            ),
            LoadError::NotASpreadsheet { path, detail } => format!(
                "{} {}: {}",
                shown(path),
                lang.pick(
                    "kan ikke læses som regneark",
                    "cannot be read as a spreadsheet"
                ),
                detail.localize(lang)
            ),
            LoadError::Empty(p) => format!(
                "{} {}",
                shown(p),
                lang.pick(
                    "indeholder ingen ark med data",
                    "holds no sheets with data"
                )
            ),
            LoadError::NoHeader(p) => format!(
                "{} {}",
                shown(p),
                lang.pick(
                    "har ingen genkendelige kolonneoverskrifter: intet ark har en række med en CPR-kolonne og en anmodningsdato- eller indskrivningsdato-kolonne blandt de første 30 rækker (angiv kolonner med --column)",
                    "has no recognisable header: no sheet has a row with a CPR column and an anmodningsdato or indskrivningsdato column in its first 30 rows (name columns with --column)"
                )
            ),
            LoadError::NoCprColumn { sheet } => format!(
                "{} '{sheet}' {}",
                lang.pick("Arket", "Sheet"),
                lang.pick(
                    "har kolonneoverskrifter, men ingen CPR-kolonne (angiv den med --column cpr=\"...\")",
                    "has a header but no CPR column (name it with --column cpr=\"...\")"
                )
            ),
            LoadError::NoDecisionColumns(p) => format!(
                "{} {}",
                shown(p),
                lang.pick(
                    "har intet ark med en CPR-kolonne og en Glemt- eller Slutdato-kolonne",
                    "has no sheet with a CPR column and a Glemt or Slutdato column"
                )
            ),
            LoadError::BadDecision { sheet, row, reason } => format!(
                "{} '{sheet}' {} {row}: {}",
                lang.pick("Beslutningsfilen, ark", "Decisions file, sheet"),
                lang.pick("række", "row"),
                reason.localize(lang)
            ),
            LoadError::Io(detail) => format!(
                "{}: {detail}",
                lang.pick("Filen kunne ikke læses", "The file could not be read")
            ),
        }
    }
}

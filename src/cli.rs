//! The command line: clap definitions. `skifteplan` alone opens the terminal UI.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};

use crate::aktivliste::Field;
use crate::domain::date::parse_date_text;
use crate::lang::Lang;
use crate::plan::Model;

const ABOUT: &str =
    "Plan and track a system switch (systemskifte) in Stofmisbrugsdatabasen (SMDB).";

const AFTER_HELP: &str = "\
Examples:
  skifteplan                                  open the terminal UI (start screen)
  skifteplan sample-data/aktivliste-lille.xlsx
                                              open a list in the terminal UI
  skifteplan plan sample-data/aktivliste-rodet.xlsx --model 2 --switch-date 2026-03-31 \\
      --xlsx handlinger.xlsx --json plan.json
                                              plan model 2, write the action sheet and JSON
  skifteplan review handlinger.xlsx          review a written plan in the terminal UI
  skifteplan merge liste.xlsx handlinger-ab.xlsx handlinger-cd.xlsx
                                              show what the Udført columns people filled in
                                              would change in the list's progress
  skifteplan merge liste.xlsx handlinger-ab.xlsx --apply --by KO
                                              record it

Exit codes of `plan`: 0 plan without conflicts or rejected rows; 1 plan written but something
needs a person; 2 nothing could be planned.";

#[derive(Debug, Parser)]
#[command(name = "skifteplan", version, about = ABOUT, after_help = AFTER_HELP)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// The list to open in the terminal UI.
    pub file: Option<PathBuf>,

    #[command(flatten)]
    pub tui: TuiArgs,

    /// Language of the texts: da (default) or en.
    #[arg(long, global = true, value_enum, default_value_t = Lang::Da)]
    pub lang: Lang,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Plan a switch from an Aktivliste and write the action sheet and/or JSON.
    Plan(PlanArgs),
    /// Check a written plan (action sheet .xlsx, possibly edited, or JSON) against the rules.
    /// Exit 0 clean, 1 findings, 2 unreadable.
    Check(CheckArgs),
    /// Write the e-mail text to DST (SMDB@dst.dk) from a plan: go-live, vendor, system, model,
    /// deadline (model 1) and counts; never CPR. Exit 1 when the vendor, the system or (model
    /// 1) the deadline is not given and shows as a placeholder.
    Notify(NotifyArgs),
    /// Model 1: write the confirmation list for DST (.xlsx): the anmodninger and indskrivninger
    /// of citizens that are not forgotten and whose registrations in the new system are all
    /// marked done. Exit 0 every such citizen is on it, 1 some are left off, 2 not possible.
    Confirm(ConfirmArgs),
    /// Verify the switch: a plan against a later Aktivliste, by model and date. Per citizen
    /// done, still blocking, re-entered too early or twice, and new citizens; after go-live also
    /// re-entered or the re-entry missing; interim: old cases still open. Exit 0 nothing blocks,
    /// 1 something blocks, is missing or is new, 2 unreadable.
    Verify(VerifyArgs),
    /// Merge the Udført / Udført af columns of action sheets filled in by people (in Excel) into
    /// the list's progress store: new ticks, unticks (only an explicit nej/0/false/"ikke endnu";
    /// a blank cell never unticks), disagreements between sheets, rows of no action of the
    /// current plan, values that cannot be read. Without --apply nothing is written. Exit 0
    /// nothing to record and nothing to look at, 1 changes to record (without --apply) or
    /// something a person must look at, 2 not possible (no store, unreadable file).
    Merge(MergeArgs),
    /// Open a written plan (action sheet .xlsx or JSON) read-only in the terminal UI, with the
    /// check's findings beside the rows they concern: a reviewer's view.
    Review {
        /// The plan: the action sheet (.xlsx) or the JSON plan written by `plan`.
        plan: PathBuf,
        /// Use the light colour theme.
        #[arg(long)]
        light: bool,
    },
    /// Open the terminal UI (the default when no command is given).
    Tui {
        /// The list to open.
        file: Option<PathBuf>,
        #[command(flatten)]
        tui: TuiArgs,
    },
}

#[derive(Debug, Args, Default)]
pub struct TuiArgs {
    /// Where progress is kept, a SQLite store (default: beside the list as
    /// <name>.skifteplan.db; a .json path names an earlier progress file to import).
    #[arg(long, value_name = "PATH")]
    pub state: Option<PathBuf>,
    /// Use the light colour theme.
    #[arg(long)]
    pub light: bool,
}

#[derive(Debug, Args)]
pub struct PlanArgs {
    /// The Aktivliste: .xlsx, .xls, .xlsb, .ods or .csv.
    pub file: PathBuf,

    /// The model: 1 (keep history), 2 (no history) or mellem (interim).
    #[arg(long, value_parser = parse_model)]
    pub model: Model,

    /// The switch date D (YYYY-MM-DD, or dd-mm-yyyy).
    #[arg(long, value_name = "DATE", value_parser = parse_switch_date)]
    pub switch_date: NaiveDate,

    /// Write the action sheet (.xlsx) here.
    #[arg(long, value_name = "OUT")]
    pub xlsx: Option<PathBuf>,

    /// Write the JSON plan here; `-` writes it to standard output.
    #[arg(long, value_name = "OUT")]
    pub json: Option<PathBuf>,

    /// Show full CPR numbers in the outputs (masked DDMMYY-xxxx by default).
    #[arg(long)]
    pub show_cpr: bool,

    /// The list's progress store, whose ticks fill the Udført and Udført af columns (default:
    /// beside the list as <name>.skifteplan.db, used only when it exists).
    #[arg(long, value_name = "PATH")]
    pub state: Option<PathBuf>,

    /// Map a field to a header of the list, e.g. --column ivaerksaettelsesdato="Startdato".
    /// Repeatable.
    #[arg(long = "column", value_name = "FIELD=HEADER", value_parser = parse_column)]
    pub columns: Vec<(Field, String)>,

    /// The description every model-2 close carries: "Systemskift" (the default) or
    /// "Systemskifte", the guide's two spellings; any other text only with --reason-text-any.
    #[arg(long, value_name = "TEXT", default_value = crate::plan::DEFAULT_REASON_TEXT)]
    pub reason_text: String,

    /// Allow a --reason-text other than the guide's (DST may then count the citizens as new
    /// cases: agree it with DST first).
    #[arg(long)]
    pub reason_text_any: bool,

    /// A decisions file (CSV or spreadsheet with columns CPR, Glemt, Slutdato) marking forgotten
    /// cases and their real end dates; it overrides the list's own columns.
    #[arg(long, value_name = "FILE")]
    pub decisions: Option<PathBuf>,

    /// The facts for the e-mail to DST: given any of them, the e-mail is written beside the
    /// action sheet (or the JSON file) as <name>.mail-til-dst.txt; names not given show as
    /// placeholders to fill in.
    #[command(flatten)]
    pub mail: MailArgs,
}

/// The switch's facts for the e-mail to DST that are not in the list.
#[derive(Debug, Args, Default, Clone)]
pub struct MailArgs {
    /// The new system's vendor (for the e-mail to DST).
    #[arg(long, value_name = "NAME")]
    pub vendor: Option<String>,
    /// The new system's name (for the e-mail to DST).
    #[arg(long, value_name = "NAME")]
    pub system: Option<String>,
    /// The kommune's name (for the e-mail's subject and signature).
    #[arg(long, value_name = "NAME")]
    pub kommune: Option<String>,
    /// Planned go-live date (default: the day after the switch date).
    #[arg(long, value_name = "DATE", value_parser = parse_switch_date)]
    pub go_live: Option<NaiveDate>,
    /// Model 1: the deadline for re-reporting every active citizen.
    #[arg(long, value_name = "DATE", value_parser = parse_switch_date)]
    pub deadline: Option<NaiveDate>,
}

impl MailArgs {
    /// The switch's facts for a switch on `switch_date`.
    pub fn facts(&self, switch_date: NaiveDate) -> crate::facts::SwitchFacts {
        crate::facts::SwitchFacts {
            switch_date,
            vendor: self.vendor.clone(),
            system: self.system.clone(),
            kommune: self.kommune.clone(),
            go_live: self.go_live,
            deadline: self.deadline,
        }
    }

    /// Refuses, before anything is read, a name that is not one line of visible text (see
    /// [`crate::facts::SwitchFacts::name_not_one_line`]): `--kommune $'X\nBcc: …'` never
    /// reaches the e-mail.
    pub fn check_names(&self) -> Result<(), crate::error::Error> {
        match self.facts(NaiveDate::default()).name_not_one_line() {
            Some(fact) => Err(crate::error::Error::Usage(
                crate::error::UsageProblem::NameNotOneLine(fact),
            )),
            None => Ok(()),
        }
    }
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The plan: the action sheet (.xlsx) or the JSON plan written by `plan`.
    pub plan: PathBuf,
}

#[derive(Debug, Args)]
pub struct NotifyArgs {
    /// The plan: the action sheet (.xlsx) or the JSON plan written by `plan`.
    pub plan: PathBuf,
    #[command(flatten)]
    pub mail: MailArgs,
    /// Write the text here instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ConfirmArgs {
    /// The model-1 plan: the action sheet (.xlsx, with the Udført column filled in) or the JSON
    /// plan.
    pub plan: PathBuf,
    /// Write the confirmation list (.xlsx) here.
    #[arg(long, value_name = "FILE.xlsx")]
    pub out: PathBuf,
    /// Show full CPR numbers (masked DDMMYY-xxxx by default; needs a plan written with full
    /// CPR). Such a list goes to DST by encrypted mail only.
    #[arg(long)]
    pub show_cpr: bool,
}

#[derive(Debug, Args)]
pub struct MergeArgs {
    /// The Aktivliste the progress belongs to.
    pub list: PathBuf,
    /// The action sheets (.xlsx, as written by `plan` or the UI and filled in) or JSON plans.
    #[arg(required = true, value_name = "SHEET")]
    pub sheets: Vec<PathBuf>,
    /// The list's progress store (default: beside the list as <name>.skifteplan.db).
    #[arg(long, value_name = "PATH")]
    pub state: Option<PathBuf>,
    /// The initials the changes are recorded under where a sheet's Udført af is empty
    /// (default: the user name of the system).
    #[arg(long, value_name = "INITIALS")]
    pub by: Option<String>,
    /// Record the changes (without it, only the report is shown and nothing is written).
    #[arg(long)]
    pub apply: bool,
    /// Merge into a store made for another list.
    #[arg(long)]
    pub force: bool,
    /// Show full CPR numbers in the report (masked DDMMYY-xxxx by default).
    #[arg(long)]
    pub show_cpr: bool,
}

#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// The plan: the action sheet (.xlsx) or the JSON plan written by `plan`.
    #[arg(long, value_name = "PLAN")]
    pub plan: PathBuf,
    /// The later Aktivliste: .xlsx, .xls, .xlsb, .ods or .csv.
    #[arg(long, value_name = "LIST")]
    pub after: PathBuf,
    /// Check as of this date, and count days open to it (default: today).
    #[arg(long, value_name = "DATE", value_parser = parse_switch_date)]
    pub today: Option<NaiveDate>,
    /// The new system's go-live (default: the day after the switch date). From go-live on, a
    /// case gone from SMDB must be back as re-entered (model 1: its original date under a new
    /// ID; model 2: from D + 1).
    #[arg(long, value_name = "DATE", value_parser = parse_switch_date)]
    pub go_live: Option<NaiveDate>,
}

fn parse_model(text: &str) -> Result<Model, String> {
    Model::parse(text).ok_or_else(|| {
        format!("unknown model '{text}': use 1 (keep history), 2 (no history) or mellem (interim)")
    })
}

fn parse_switch_date(text: &str) -> Result<NaiveDate, String> {
    parse_date_text(text).map_err(|e| format!("'{text}' is not a usable switch date: {e}"))
}

fn parse_column(text: &str) -> Result<(Field, String), String> {
    let (field, header) = text.split_once('=').ok_or_else(|| {
        format!("'{text}': write FIELD=HEADER, e.g. ivaerksaettelsesdato=\"Startdato\"")
    })?;
    let field = Field::from_key(field.trim()).ok_or_else(|| {
        let known: Vec<&str> = Field::ALL.iter().map(|f| f.key()).collect();
        format!(
            "unknown field '{}': known fields are {}",
            field.trim(),
            known.join(", ")
        )
    })?;
    let header = header.trim().trim_matches('"').to_string();
    if header.is_empty() {
        return Err("the header after '=' is empty".into());
    }
    Ok((field, header))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn refuses_impossible_dates_and_unknown_models() {
        assert!(parse_switch_date("2026-02-30").is_err());
        assert!(parse_switch_date("31-03-26").is_err());
        assert_eq!(
            parse_switch_date("2026-03-31").unwrap(),
            NaiveDate::from_ymd_opt(2026, 3, 31).unwrap()
        );
        assert!(parse_model("3").unwrap_err().contains("mellem"));
        assert_eq!(parse_model("mellem").unwrap(), Model::Mellem);
    }
}

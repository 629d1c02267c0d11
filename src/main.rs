//! `skifteplan`: parse the command line, dispatch, map the outcome to an exit code
//! (0 clean, 1 done but something needs a person, 2 nothing could be done).
//!
//! The one place where an error becomes text: every failure is an [`Error`], worded in the chosen
//! language. A reader that went away (`… | head`) ends quietly with 0.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use skifteplan::cli::{Cli, Command, TuiArgs};
use skifteplan::cmd::{self, Outcome};
use skifteplan::error::{Error, UsageProblem};
use skifteplan::i18n::Localize;
use skifteplan::i18n::cli::C;
use skifteplan::lang::Lang;
use skifteplan::tui::{self, TuiOptions};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = cli.lang;
    match run(cli) {
        Ok(outcome) => ExitCode::from(outcome.exit_code()),
        Err(e) if e.is_broken_pipe() => ExitCode::SUCCESS,
        Err(e) => {
            // A closed standard error must not turn the error into a panic. A path or a detail
            // from a file is shown masked and without anything a terminal acts on.
            let _ = skifteplan::text::write_line(
                &mut std::io::stderr(),
                &format!("skifteplan: {}", e.localize(lang)),
                false,
            );
            ExitCode::from(e.exit_code())
        }
    }
}

fn run(cli: Cli) -> Result<Outcome, Error> {
    let lang = cli.lang;
    let ui_flags = cli.tui.state.is_some() || cli.tui.light;
    if let Some(command) = &cli.command {
        if cli.file.is_some() {
            return Err(Error::Usage(UsageProblem::FileWithCommand));
        }
        // `review` opens the UI read-only: --light fits it, --state (progress) does not.
        let fits = match command {
            Command::Tui { .. } => true,
            Command::Review { .. } => cli.tui.state.is_none(),
            _ => false,
        };
        if ui_flags && !fits {
            return Err(Error::Usage(UsageProblem::UiFlagWithCommand));
        }
    }
    let light = cli.tui.light;
    // The commands without the UI (which has its own) end on TERM, INT and HUP with the
    // temporary file of a write in progress removed, and say so.
    if cli
        .command
        .as_ref()
        .is_some_and(|c| !matches!(c, Command::Tui { .. } | Command::Review { .. }))
    {
        skifteplan::export::temp::remove_on_signals(move |signal| {
            format!(
                "skifteplan: {}: {}",
                Error::Stopped(signal).localize(lang),
                C::HalfWrittenRemoved.get(lang)
            )
        });
    }
    let outcome = match cli.command {
        Some(Command::Plan(args)) => cmd::plan::run(&args, lang, &mut std::io::stderr())?,
        Some(Command::Check(args)) => cmd::check::run(&args, lang, &mut std::io::stdout())?,
        Some(Command::Notify(args)) => {
            cmd::notify::run(&args, lang, &mut std::io::stdout(), &mut std::io::stderr())?
        }
        Some(Command::Confirm(args)) => cmd::confirm::run(&args, lang, &mut std::io::stderr())?,
        Some(Command::Verify(args)) => cmd::verify::run(&args, lang, &mut std::io::stdout())?,
        Some(Command::Merge(args)) => cmd::merge::run(&args, lang, &mut std::io::stdout())?,
        Some(Command::Review {
            plan,
            light: review_light,
        }) => {
            tui::run(TuiOptions {
                review: Some(plan),
                lang,
                light: light || review_light,
                ..TuiOptions::default()
            })?;
            Outcome::Clean
        }
        Some(Command::Tui { file, tui }) => {
            let merged = TuiArgs {
                state: tui.state.or(cli.tui.state),
                light: tui.light || light,
            };
            run_tui(file, merged, lang)?
        }
        None => run_tui(cli.file, cli.tui, lang)?,
    };
    Ok(outcome)
}

fn run_tui(file: Option<PathBuf>, args: TuiArgs, lang: Lang) -> Result<Outcome, Error> {
    tui::run(TuiOptions {
        file,
        state: args.state,
        lang,
        light: args.light,
        review: None,
    })?;
    Ok(Outcome::Clean)
}

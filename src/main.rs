//! `skifteplan`: parse the command line, dispatch, map the outcome to an exit code
//! (0 clean, 1 done but something needs a person, 2 nothing could be done).

use std::process::ExitCode;

use clap::Parser;
use skifteplan::cli::{Cli, Command, TuiArgs};
use skifteplan::cmd;
use skifteplan::tui::{self, TuiOptions};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = cli.lang;
    let result = match cli.command {
        Some(Command::Plan(args)) => {
            cmd::plan::run(&args, lang, &mut std::io::stderr()).map_err(anyhow::Error::from)
        }
        Some(Command::Check(args)) => {
            cmd::check::run(&args, lang, &mut std::io::stdout()).map_err(anyhow::Error::from)
        }
        Some(Command::Notify(args)) => {
            cmd::notify::run(&args, lang, &mut std::io::stdout(), &mut std::io::stderr())
                .map_err(anyhow::Error::from)
        }
        Some(Command::Confirm(args)) => {
            cmd::confirm::run(&args, lang, &mut std::io::stderr()).map_err(anyhow::Error::from)
        }
        Some(Command::Verify(args)) => {
            cmd::verify::run(&args, lang, &mut std::io::stdout()).map_err(anyhow::Error::from)
        }
        Some(Command::Review { plan, light }) => tui::run(TuiOptions {
            review: Some(plan),
            lang,
            light,
            ..TuiOptions::default()
        })
        .map(|()| cmd::Outcome::Clean),
        Some(Command::Tui { file, tui }) => run_tui(file, tui, lang),
        None => run_tui(cli.file, cli.tui, lang),
    };
    match result {
        Ok(outcome) => ExitCode::from(outcome.exit_code()),
        Err(e) => {
            eprintln!("skifteplan: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run_tui(
    file: Option<std::path::PathBuf>,
    args: TuiArgs,
    lang: skifteplan::lang::Lang,
) -> anyhow::Result<cmd::Outcome> {
    tui::run(TuiOptions {
        file,
        state: args.state,
        lang,
        light: args.light,
        review: None,
    })?;
    Ok(cmd::Outcome::Clean)
}

//! The commands behind the CLI. Each returns an [`Outcome`] that `main` maps to an exit code.

pub mod check;
pub mod confirm;
pub mod notify;
pub mod plan;
pub mod verify;

/// How a command ended, for the exit code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// 0: done, nothing needs a person.
    Clean,
    /// 1: done, but something needs a person (conflicts, rejected rows, findings).
    NeedsAttention,
}

impl Outcome {
    pub fn exit_code(self) -> u8 {
        match self {
            Outcome::Clean => 0,
            Outcome::NeedsAttention => 1,
        }
    }
}

/// A command that could not do its job (exit code 2), with a one-line message for a person.
#[derive(Debug)]
pub struct Fatal(pub String);

impl std::fmt::Display for Fatal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Fatal {}

/// The e-mail's dates against the switch date `d`: go-live after D, the deadline not before
/// go-live. A date that breaks that is a bad argument, named with the flag that gave it.
pub fn check_mail_dates(
    mail: &crate::cli::MailArgs,
    d: chrono::NaiveDate,
    lang: crate::lang::Lang,
) -> Result<(), Fatal> {
    use crate::domain::date::fmt_dk;
    use crate::review::words::MailDateProblem;
    let info = mail.info();
    match info.check_dates(d) {
        Ok(()) => Ok(()),
        Err(p) => {
            let (flag, date) = match p {
                MailDateProblem::GoLiveNotAfterSwitch => ("--go-live", info.go_live_or_default(d)),
                MailDateProblem::DeadlineBeforeGoLive => ("--deadline", info.deadline.unwrap_or(d)),
            };
            Err(Fatal(format!(
                "{flag} {}: {} (D = {}, go-live {})",
                fmt_dk(date),
                p.message(lang),
                fmt_dk(d),
                fmt_dk(info.go_live_or_default(d))
            )))
        }
    }
}

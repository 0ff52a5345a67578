//! `hearback letter thank-you|invitation|report ID`: a letter the loop owes the customer,
//! printed with its From, To and Cc, or written as an `.eml` file a mail client opens as a
//! draft (`--eml`, by default into DATA/letters/); `--record` records it as sent. The
//! dashboard's `e` in a letter runs this command, so both write the same file.

use super::{Context, Writing, lookup};
use crate::core::Dataset;
use crate::core::letters::{LetterKind, letter, record_sent};
use crate::core::queue::Subject;
use crate::core::report::format;
use crate::io::letters;
use anyhow::Context as _;
use clap::{Args, ValueEnum};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The folder in the data directory that letters are written to by default.
pub const LETTERS: &str = "letters";

/// Which letter, as typed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Which {
    /// The thank-you for an interview or survey response (I..).
    ThankYou,
    /// The invitation to the follow-up call on a low score (F..), copied to the people the
    /// severity rule requires.
    Invitation,
    /// The formal report with actions (F..), copied to the same people.
    Report,
}

impl Which {
    fn kind(self) -> LetterKind {
        match self {
            Which::ThankYou => LetterKind::ThankYou,
            Which::Invitation => LetterKind::Invitation,
            Which::Report => LetterKind::Report,
        }
    }
}

/// `hearback letter`.
#[derive(Debug, Args)]
pub struct LetterArgs {
    /// Which letter.
    #[arg(value_enum)]
    pub which: Which,
    /// The interview (thank-you, e.g. I20) or follow-up (invitation, report, e.g. F3).
    pub id: String,
    /// Write it as an email file (.eml) for a mail client to send (marked unsent: Outlook
    /// opens it as a draft), instead of printing it: into DATA/letters/ as "DATE KIND ID CUSTOMER.eml", or to --out.
    #[arg(long)]
    pub eml: bool,
    /// Where to write the email file.
    #[arg(long, value_name = "FILE", requires = "eml")]
    pub out: Option<PathBuf>,
    /// Record it as sent once it is written: the thank-you as done, the report as presented
    /// (which closes the follow-up), the invitation on the customer's timeline.
    #[arg(long)]
    pub record: bool,
}

/// Runs `hearback letter` on `data`; `writer` is the session to record in (`--record`).
pub fn run(
    ctx: &Context,
    data: &Dataset,
    writer: Option<&Writing<'_>>,
    args: LetterArgs,
) -> anyhow::Result<ExitCode> {
    let rules = ctx.rules()?;
    let kind = args.which.kind();
    let subject = match kind {
        LetterKind::ThankYou => Subject::Interview(lookup::interview(data, &args.id)?.id),
        LetterKind::Invitation | LetterKind::Report => {
            Subject::FollowUp(lookup::followup(data, &args.id)?.id)
        }
    };
    let derived = super::report::Derived::of(data, rules, ctx.now);
    let src = derived.sources(data, rules, ctx.now);
    let letter = letter(&src, kind, subject)?;
    let days = rules.policy.deadlines.action_followup_days;
    let words = letters::words(&src, &letter, days)?;
    match args.eml.then_some(args.out.as_ref()) {
        None => {
            for line in letters::headers(&letter, &words) {
                crate::cli::say!("{line}");
            }
            crate::cli::say!();
            crate::cli::say_raw!("{}", words.body);
            for missing in &letter.missing {
                crate::cli::say_err!("note: {missing}");
            }
        }
        Some(out) => {
            let bytes = letters::eml(&letter, &words, ctx.now)?;
            let path = match out {
                Some(file) => file.clone(),
                None => {
                    let dir = ctx.data_dir.join(LETTERS);
                    create_private(&dir)?;
                    let date = format::date(&rules.work_week, ctx.now);
                    dir.join(letters::file_name(&letter, &date))
                }
            };
            super::console::write_file(&path, &bytes)?;
            crate::cli::say_err!(
                "wrote the {} to {}: open it in your mail client to send it",
                kind.label(),
                path.display()
            );
        }
    }
    // Only once the letter exists in full is it recorded as sent.
    if let Some(session) = writer {
        let set = record_sent(data, &letter, ctx.now, &ctx.actor)?;
        session.commit(&set)?;
        crate::cli::say_err!(
            "recorded: the {} to {} as sent",
            kind.label(),
            letter.fields.customer
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Creates `dir` (and its parents) 0700 if missing: letters name customers and scores.
fn create_private(dir: &Path) -> anyhow::Result<()> {
    use std::os::unix::fs::DirBuilderExt as _;
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(super::console::path(dir))
        .with_context(|| format!("cannot create {}", dir.display()))
}

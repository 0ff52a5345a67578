//! The clap definitions of `hearback interview ...` (the handlers are in `interview.rs`).

use crate::cli::TimeArg;
use crate::core::interview_flow::Step;
use clap::{Args, Subcommand};

/// Who, why and how long: shared by `schedule` and `record`.
#[derive(Debug, Args)]
pub struct Who {
    /// Customer: id (C12), name, or a unique part of the name.
    #[arg(long)]
    pub customer: String,
    /// Our executive conducting it (default: the customer's executive sponsor).
    #[arg(long)]
    pub executive: Option<String>,
    /// The customer's contact interviewed (name or email).
    #[arg(long)]
    pub contact: Option<String>,
    /// It follows this major deliverable (trigger: deliverable).
    #[arg(long, conflicts_with = "ad_hoc")]
    pub deliverable: Option<String>,
    /// Outside the cadence (trigger: ad hoc). Default trigger: cadence.
    #[arg(long)]
    pub ad_hoc: bool,
}

/// Scores and comments: shared by `record` and `complete`.
#[derive(Debug, Args)]
pub struct Answers {
    /// One score per question in order, 1-5, or `n` for not asked: `5,4,2,5,3,5`.
    #[arg(long, value_name = "LIST")]
    pub scores: String,
    /// A comment on question N (1-based): `--comment 3="slow to answer"`. Repeatable, once
    /// per question.
    #[arg(long = "comment", value_name = "N=TEXT")]
    pub comments: Vec<String>,
    /// Question N's comment is about one of our people: it stays out of the workforce digest
    /// whatever its score (it still reaches the debrief and the President). Repeatable, once
    /// per question.
    #[arg(long = "individual", value_name = "N")]
    pub individual: Vec<usize>,
    /// Question N's comment is praise of one of our people that may be shared with the
    /// workforce as written. Repeatable, once per question.
    #[arg(long = "praise", value_name = "N")]
    pub praise: Vec<usize>,
    /// Significant issues came up: other executives must be informed.
    #[arg(long)]
    pub significant: bool,
}

/// Interview subcommands.
#[derive(Debug, Subcommand)]
pub enum InterviewCommand {
    /// Book an interview (30 minutes at the customer's office by default).
    Schedule {
        #[command(flatten)]
        who: Who,
        /// When.
        /// TIME: 10:00, "tomorrow 9", fri, +2d, YYYY-MM-DD, "YYYY-MM-DD 14:30" or RFC 3339.
        #[arg(long, value_name = "TIME", value_parser = crate::cli::parse_time)]
        at: TimeArg,
        /// Length: minutes (5-480), e.g. 45, 45m or 1h30.
        #[arg(long, visible_alias = "duration", value_name = "LENGTH", default_value = "30",
              value_parser = crate::core::booking::parse_minutes)]
        minutes: u16,
        /// Where: phone, video, on site (the customer's office, the default) or a place.
        #[arg(long, value_name = "PLACE", value_parser = parse_location)]
        location: Option<Location>,
        /// Book even within the feedback calendar's spacing of another request, or in the past.
        #[arg(long)]
        confirm: bool,
    },
    /// Record a completed interview in one step (paper form, phone notes).
    Record {
        #[command(flatten)]
        who: Who,
        /// When it took place.
        /// TIME: 10:00, "tomorrow 9", fri, +2d, YYYY-MM-DD, "YYYY-MM-DD 14:30" or RFC 3339.
        #[arg(long, value_name = "TIME", value_parser = crate::cli::parse_time)]
        at: TimeArg,
        #[command(flatten)]
        answers: Answers,
    },
    /// Complete a booked interview with its scores and comments.
    Complete {
        /// Interview id, e.g. I20.
        id: String,
        #[command(flatten)]
        answers: Answers,
        /// When it was completed (default: now).
        /// TIME: 10:00, "tomorrow 9", fri, +2d, YYYY-MM-DD, "YYYY-MM-DD 14:30" or RFC 3339.
        #[arg(long, value_name = "TIME", value_parser = crate::cli::parse_time)]
        at: Option<TimeArg>,
    },
    /// Record a step: invitation-sent, bio-sent, prebriefed, acknowledged, debriefed,
    /// executives-informed, reported, disseminated.
    Mark {
        /// Interview id.
        id: String,
        /// The step.
        #[arg(value_parser = parse_step)]
        step: Step,
        /// When (default: now).
        /// TIME: 10:00, "tomorrow 9", fri, +2d, YYYY-MM-DD, "YYYY-MM-DD 14:30" or RFC 3339.
        #[arg(long, value_name = "TIME", value_parser = crate::cli::parse_time)]
        at: Option<TimeArg>,
    },
    /// Write the invitation (the questions and the executive's bio) for a booked interview.
    Invitation {
        /// Interview id.
        id: String,
        /// Write it to this file instead of standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<std::path::PathBuf>,
        /// Use this template instead of the shipped assets/invitation.md (Jinja syntax).
        #[arg(long, value_name = "FILE")]
        template: Option<std::path::PathBuf>,
        /// Also record that the questions and the bio were sent.
        #[arg(long)]
        mark: bool,
    },
    /// Move a booked interview to another time (who, where and how long stay).
    Reschedule {
        /// Interview id, e.g. I20.
        id: String,
        /// The new time.
        /// TIME: 10:00, "tomorrow 9", fri, +2d, YYYY-MM-DD, "YYYY-MM-DD 14:30" or RFC 3339.
        #[arg(long, value_name = "TIME", value_parser = crate::cli::parse_time)]
        at: TimeArg,
        /// Move it even within the feedback calendar's spacing of another request, or into
        /// the past.
        #[arg(long)]
        confirm: bool,
    },
    /// Cancel a booked interview.
    Cancel {
        /// Interview id.
        id: String,
        /// Why.
        #[arg(long)]
        reason: String,
    },
}

/// A place as `--location` gives it: `None` inside means the customer's office.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location(pub Option<String>);

fn parse_location(text: &str) -> Result<Location, String> {
    crate::core::booking::parse_location(text).map(Location)
}

fn parse_step(text: &str) -> Result<Step, String> {
    Step::ALL
        .into_iter()
        .find(|s| s.as_str() == text.trim())
        .ok_or_else(|| {
            let names: Vec<&str> = Step::ALL.iter().map(|s| s.as_str()).collect();
            format!("'{text}' is not a step; use one of {}", names.join(", "))
        })
}

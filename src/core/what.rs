//! What a queue item asks for, in words. Kept as data and rendered (`Display`) only for the
//! rows on screen: building text for every one of tens of thousands of items on each
//! recompute would cost more than the rules themselves.

use super::senior::{Senior, SeniorSource};
use super::{ActionKind, Instant};
use std::fmt;

/// The exact obligation of a queue item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum What {
    /// A fixed sentence.
    Text(&'static str),
    /// The next interview of the cadence.
    Cadence {
        /// The interval in months.
        months: u32,
        /// When the last interview took place.
        last: Instant,
    },
    /// The customer was never interviewed.
    FirstInterview,
    /// An interview after a deliverable.
    AfterDeliverable {
        /// What was delivered.
        name: String,
        /// When.
        delivered: Instant,
    },
    /// The pre-brief of a booked interview.
    PreBrief {
        /// When the interview is.
        at: Instant,
    },
    /// Contact the customer about a low score.
    LowScore {
        /// The lowest score.
        severity: u8,
        /// The questions scored low, joined.
        questions: String,
        /// Whether senior management must attend, and whether anyone was found.
        senior: Senior,
    },
    /// A corrective or preventive action to carry out.
    Action {
        /// Its title.
        title: String,
        /// Corrective or preventive.
        kind: ActionKind,
        /// Whether its owner set no due date.
        no_due_date: bool,
    },
    /// Tell the customer an action is done.
    ActionDone {
        /// Its title.
        title: String,
    },
    /// Answer or resolve a customer's request.
    Request {
        /// Whether the first response is owed (else the resolution).
        respond: bool,
        /// How it came in.
        channel: super::requests::Channel,
        /// Who asked.
        from: String,
        /// What about.
        about: String,
    },
}

impl fmt::Display for What {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            What::Text(text) => f.write_str(text),
            What::Cadence { months, last } => {
                write!(f, "{months}-monthly interview (last {})", last.date_naive())
            }
            What::FirstInterview => f.write_str("First feedback interview (never interviewed)"),
            What::AfterDeliverable { name, delivered } => {
                match name.strip_prefix(super::crm_triggers::NAME_PREFIX) {
                    Some(why) => write!(
                        f,
                        "Interview after a CRM change: {why} ({})",
                        delivered.date_naive()
                    ),
                    None => write!(
                        f,
                        "Interview after deliverable \"{name}\" ({})",
                        delivered.date_naive()
                    ),
                }
            }
            What::PreBrief { at } => {
                write!(
                    f,
                    "Pre-brief for the interview on {}",
                    at.format("%Y-%m-%d %H:%M UTC")
                )
            }
            What::LowScore {
                severity,
                questions,
                senior,
            } => {
                // The gap leads, so a row cut short at the right still shows it.
                if senior.is_missing() {
                    f.write_str("NO SENIOR MANAGER for lowest score ")?;
                } else {
                    f.write_str("Lowest score ")?;
                }
                write!(f, "{severity}")?;
                if !questions.is_empty() {
                    write!(f, " on {questions}")?;
                }
                let who = match senior {
                    Senior::NotNeeded => "client manager and service manager to call",
                    Senior::Attends {
                        source: SeniorSource::SponsorFallback,
                        ..
                    } => "senior management must attend (the executive sponsor stands in)",
                    Senior::Attends { .. } => "senior management must attend",
                    Senior::Missing => {
                        return f.write_str(
                            ": senior management must attend; set one with `hearback staff set NAME --role senior_management` (or name people in [policy.senior_management])",
                        );
                    }
                };
                write!(f, ": {who}; record the context")
            }
            What::Action {
                title,
                kind,
                no_due_date,
            } => {
                write!(f, "{title} ({}", kind.as_str())?;
                if *no_due_date {
                    f.write_str("; no due date set")?;
                }
                f.write_str(")")
            }
            What::ActionDone { title } => write!(f, "Tell the customer: \"{title}\" is done"),
            What::Request {
                respond,
                channel,
                from,
                about,
            } => {
                f.write_str(if *respond { "Answer " } else { "Resolve " })?;
                f.write_str(channel.as_str())?;
                if !from.is_empty() {
                    write!(f, " from {from}")?;
                }
                write!(f, ": \"{about}\"")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};

    #[test]
    fn renders_each_kind() {
        let t = Utc
            .with_ymd_and_hms(2026, 3, 1, 10, 0, 0)
            .single()
            .expect("valid");
        let cases = [
            (What::Text("Send it"), "Send it"),
            (
                What::Cadence { months: 6, last: t },
                "6-monthly interview (last 2026-03-01)",
            ),
            (
                What::FirstInterview,
                "First feedback interview (never interviewed)",
            ),
            (
                What::AfterDeliverable {
                    name: "Go-live".into(),
                    delivered: t,
                },
                "Interview after deliverable \"Go-live\" (2026-03-01)",
            ),
            (
                What::PreBrief { at: t },
                "Pre-brief for the interview on 2026-03-01 10:00 UTC",
            ),
            (
                What::LowScore {
                    severity: 2,
                    questions: "delivery, loyalty".into(),
                    senior: Senior::Attends {
                        id: crate::core::StaffId(1),
                        source: SeniorSource::Role,
                    },
                },
                "Lowest score 2 on delivery, loyalty: senior management must attend; record the context",
            ),
            (
                What::LowScore {
                    severity: 2,
                    questions: "delivery".into(),
                    senior: Senior::Attends {
                        id: crate::core::StaffId(1),
                        source: SeniorSource::SponsorFallback,
                    },
                },
                "Lowest score 2 on delivery: senior management must attend (the executive sponsor stands in); record the context",
            ),
            (
                What::LowScore {
                    severity: 1,
                    questions: "delivery".into(),
                    senior: Senior::Missing,
                },
                "NO SENIOR MANAGER for lowest score 1 on delivery: senior management must attend; set one with `hearback staff set NAME --role senior_management` (or name people in [policy.senior_management])",
            ),
            (
                What::LowScore {
                    severity: 3,
                    questions: String::new(),
                    senior: Senior::NotNeeded,
                },
                "Lowest score 3: client manager and service manager to call; record the context",
            ),
            (
                What::Action {
                    title: "Fix rota".into(),
                    kind: ActionKind::Corrective,
                    no_due_date: true,
                },
                "Fix rota (corrective; no due date set)",
            ),
            (
                What::Action {
                    title: "Fix rota".into(),
                    kind: ActionKind::Preventive,
                    no_due_date: false,
                },
                "Fix rota (preventive)",
            ),
            (
                What::ActionDone {
                    title: "Fix rota".into(),
                },
                "Tell the customer: \"Fix rota\" is done",
            ),
        ];
        for (what, want) in cases {
            assert_eq!(what.to_string(), want);
        }
    }
}

//! Recording that a letter was sent. The thank-you and the formal report are steps of the
//! loop: recording them is the same [`discharge`] as `x` on their queue item (the report
//! closes the follow-up). The invitation to the call is not a step (the call is): it goes on
//! the customer's timeline, so everyone sees when and to whom it went.

use super::{Letter, LetterKind, Mailbox};
use crate::core::discharge::{Refusal, discharge};
use crate::core::{Change, ChangeSet, Dataset, EventKind, Instant, TimelineEvent};

/// Why a letter could not be recorded as sent.
#[derive(Debug, thiserror::Error)]
pub enum SentError {
    /// The step was refused (already recorded, the follow-up not contacted yet, ...).
    #[error("cannot record the {0} as sent: {1}")]
    Step(&'static str, Refusal),
    /// The record is gone.
    #[error("cannot record the {0} as sent: {1} is no longer in the store")]
    Missing(&'static str, String),
}

/// The records that say `letter` was sent at `now` by `actor`.
pub fn record_sent(
    data: &Dataset,
    letter: &Letter,
    now: Instant,
    actor: &str,
) -> Result<ChangeSet, SentError> {
    let label = letter.kind.label();
    match letter.kind {
        LetterKind::ThankYou | LetterKind::Report => {
            discharge(letter.kind.item_kind(), letter.subject, data, now, actor)
                .map_err(|e| SentError::Step(label, e))
        }
        LetterKind::Invitation => {
            let customer = data
                .followups
                .iter()
                .find(|f| crate::core::queue::Subject::FollowUp(f.id) == letter.subject)
                .map(|f| f.customer)
                .ok_or_else(|| SentError::Missing(label, letter.subject.to_string()))?;
            let copied: Vec<&str> = letter.cc.iter().map(|m| m.name.as_str()).collect();
            let cc = if copied.is_empty() {
                String::new()
            } else {
                format!(", copied to {}", copied.join(", "))
            };
            let mut set = ChangeSet::new();
            set.push(Change::Event(TimelineEvent {
                customer,
                at: now,
                actor: actor.to_string(),
                kind: EventKind::LetterSent,
                summary: format!(
                    "Invitation to the follow-up call sent to {}{cc}",
                    name(&letter.to)
                ),
                reference: Some(letter.subject.to_string()),
            }));
            Ok(set)
        }
    }
}

fn name(m: &Mailbox) -> &str {
    if m.name.is_empty() { &m.email } else { &m.name }
}

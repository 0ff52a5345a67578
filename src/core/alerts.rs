//! Notifications: what raises one, how they are grouped and spaced, quiet hours, and the
//! unread count the status line shows until the lead looks at the queue. Pure: the time comes
//! in as an argument; the runtime writes the escape sequence or runs the desktop notifier.
//!
//! Two kinds raise a notification: a **new low score** (a follow-up opened while the
//! dashboard is open: from the form, the inbox or a command run through the dashboard) and an
//! **item turning overdue** while it sits open (the tick). Each kind is signalled at most once
//! a [`SPACING`]: the first event at once, the ones after it within the minute together when
//! the minute is over ("3 new low scores"). During quiet hours nothing is signalled (what
//! happened is dropped, not saved up for the morning); the unread count still grows, so the
//! status line tells the lead on their return.

mod settings;

pub use settings::{Settings, SettingsError, Signal, TerminalEnv};

use super::Instant;
use chrono::{Duration, FixedOffset};

/// At most one notification per kind this often.
pub const SPACING: Duration = Duration::seconds(60);

/// How many names a notification lists before "and N more".
const NAMED: usize = 3;

/// What raised a notification.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A follow-up was opened by a low score.
    LowScore,
    /// A queue item turned overdue.
    Overdue,
}

impl Kind {
    fn index(self) -> usize {
        match self {
            Kind::LowScore => 0,
            Kind::Overdue => 1,
        }
    }

    /// "1 new low score", "3 items overdue".
    fn headline(self, n: usize) -> String {
        match (self, n) {
            (Kind::LowScore, 1) => "1 new low score".to_string(),
            (Kind::LowScore, n) => format!("{n} new low scores"),
            (Kind::Overdue, 1) => "1 item overdue".to_string(),
            (Kind::Overdue, n) => format!("{n} items overdue"),
        }
    }
}

/// One notification to raise: a headline and what it is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    /// What raised it.
    pub kind: Kind,
    /// "3 new low scores".
    pub title: String,
    /// "Acme Corp scored 2, Beta Ltd scored 3 and 1 more".
    pub body: String,
}

/// Notifications waiting for their minute, when each kind was last raised, and the count
/// the status line shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Alerts {
    /// What happened since the kind was last raised, per kind.
    waiting: [Vec<String>; 2],
    /// When each kind was last raised.
    last: [Option<Instant>; 2],
    /// Events since the lead last looked at the queue.
    pub unread: usize,
}

impl Alerts {
    /// Records that `what` happened (one entry per event: "Acme Corp scored 2"): it is
    /// counted unread and waits to be raised. A kind switched off in `settings` is neither.
    pub fn happened(&mut self, kind: Kind, what: Vec<String>, settings: &Settings) {
        if what.is_empty() || !settings.raises(kind) {
            return;
        }
        self.unread = self.unread.saturating_add(what.len());
        if let Some(waiting) = self.waiting.get_mut(kind.index()) {
            waiting.extend(what);
        }
    }

    /// The lead looked at the queue: the count starts again.
    pub fn seen(&mut self) {
        self.unread = 0;
    }

    /// The notifications to raise at `now`: each kind with something waiting whose last one
    /// is at least [`SPACING`] ago. In quiet hours what waits is dropped instead.
    pub fn due(&mut self, now: Instant, offset: FixedOffset, settings: &Settings) -> Vec<Notice> {
        let quiet = settings.is_quiet(now, offset);
        let mut out = Vec::new();
        for kind in [Kind::LowScore, Kind::Overdue] {
            let i = kind.index();
            let (Some(waiting), Some(last)) = (self.waiting.get_mut(i), self.last.get_mut(i))
            else {
                continue;
            };
            if waiting.is_empty() || last.is_some_and(|at| now - at < SPACING) {
                continue;
            }
            let what = std::mem::take(waiting);
            if quiet {
                continue;
            }
            *last = Some(now);
            out.push(Notice {
                kind,
                title: kind.headline(what.len()),
                body: listed(&what),
            });
        }
        out
    }

    /// Whether anything waits for its minute (the tick must keep asking).
    pub fn waiting(&self) -> bool {
        self.waiting.iter().any(|w| !w.is_empty())
    }
}

/// "A, B and C", "A, B, C and 2 more".
fn listed(what: &[String]) -> String {
    match what {
        [] => String::new(),
        [one] => one.clone(),
        _ if what.len() <= NAMED => {
            let (last, first) = what
                .split_last()
                .map_or((None, what), |(l, f)| (Some(l), f));
            format!(
                "{} and {}",
                first.join(", "),
                last.map_or("", String::as_str)
            )
        }
        _ => format!(
            "{} and {} more",
            what.get(..NAMED).unwrap_or(what).join(", "),
            what.len() - NAMED
        ),
    }
}

#[cfg(test)]
mod tests;

//! Requests and our responses: what a customer asked for (a call, an email, a helpdesk ticket,
//! something raised in a meeting), when we first answered, and when it was resolved, by whom.
//!
//! Logged one by one (the CLI, the dashboard while on the phone) or imported in bulk from a
//! helpdesk's ticket export; an imported request carries the helpdesk's key (`zendesk:4812`), so
//! importing the same export again updates it instead of adding a second copy.

use super::{
    Change, ChangeSet, CustomerId, EventKind, IdAllocator, Instant, RequestId, StaffId,
    TimelineEvent, ms, sanitize,
};
use serde::{Deserialize, Serialize};

mod due;
pub mod import;
pub mod responsiveness;

pub(crate) use due::collect as obligations;
pub use due::{resolution_due, response_due};

/// How a request reached us. Append-only: stored in every request.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Channel {
    /// A phone call.
    Call,
    /// An email.
    Email,
    /// A helpdesk ticket (web form, portal, chat).
    Ticket,
    /// Raised in a meeting.
    Meeting,
    /// Anything else.
    Other,
}

impl Channel {
    /// Every channel, in display order.
    pub const ALL: [Channel; 5] = [
        Channel::Call,
        Channel::Email,
        Channel::Ticket,
        Channel::Meeting,
        Channel::Other,
    ];

    /// The stable lowercase name used on the command line, in files and in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Call => "call",
            Channel::Email => "email",
            Channel::Ticket => "ticket",
            Channel::Meeting => "meeting",
            Channel::Other => "other",
        }
    }

    /// Parses a channel name, any case; a few words helpdesks use count too (`phone`, `web`).
    pub fn parse(text: &str) -> Option<Channel> {
        let t = text.trim().to_ascii_lowercase();
        Channel::ALL
            .into_iter()
            .find(|c| c.as_str() == t)
            .or(match t.as_str() {
                "phone" | "voice" | "phone call" => Some(Channel::Call),
                "mail" | "e-mail" => Some(Channel::Email),
                "web" | "portal" | "chat" | "web form" | "feedback widget" | "api" => {
                    Some(Channel::Ticket)
                }
                _ => None,
            })
    }
}

/// One request from a customer and our response to it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Request {
    /// Store-assigned id.
    pub id: RequestId,
    /// Whose request.
    pub customer: CustomerId,
    /// How it came in.
    pub channel: Channel,
    /// Who at the customer asked (a name or an email); may be blank.
    pub from: String,
    /// What it is about, one line.
    pub about: String,
    /// When it came in; the time limits run from here.
    #[serde(with = "ms")]
    pub received_at: Instant,
    /// Who of ours owns it; `None`: the customer's account manager answers for it.
    pub owner: Option<StaffId>,
    /// The helpdesk group it was in (Zendesk's and Freshdesk's "Group"); blank when unknown.
    pub team: String,
    /// When we first answered.
    #[serde(with = "ms::opt")]
    pub first_response_at: Option<Instant>,
    /// Who answered first.
    pub responded_by: Option<StaffId>,
    /// When it was resolved.
    #[serde(with = "ms::opt")]
    pub resolved_at: Option<Instant>,
    /// Who resolved it.
    pub resolved_by: Option<StaffId>,
    /// The helpdesk's key (`zendesk:4812`) of an imported request; blank when logged here.
    pub external_key: String,
}

impl Request {
    /// Whether anything is still owed on it: not resolved.
    pub fn is_open(&self) -> bool {
        self.resolved_at.is_none()
    }

    /// Whether nobody has answered it yet (and it is not resolved).
    pub fn is_unanswered(&self) -> bool {
        self.first_response_at.is_none() && self.resolved_at.is_none()
    }

    /// Who answers for it: its owner, else the customer's account manager.
    pub fn answerable(&self, account_manager: Option<StaffId>) -> Option<StaffId> {
        self.owner.or(account_manager)
    }
}

/// What a new request needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewRequest {
    /// Whose.
    pub customer: CustomerId,
    /// How it came in.
    pub channel: Channel,
    /// Who asked.
    pub from: String,
    /// What about.
    pub about: String,
    /// When it came in.
    pub received_at: Instant,
    /// Who of ours owns it.
    pub owner: Option<StaffId>,
}

/// Why a request step was refused.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum RequestError {
    /// Blank subject.
    #[error("a request needs a subject saying what the customer asked about")]
    NoSubject,
    /// A time after now.
    #[error("{what} {at} is in the future (now is {now}); give a time that has passed")]
    Future {
        /// Which time.
        what: &'static str,
        /// The time given.
        at: String,
        /// Now.
        now: String,
    },
    /// A response or resolution before the request came in.
    #[error("{what} {at} is before {id} came in ({received}); give a later time")]
    BeforeReceived {
        /// Which time.
        what: &'static str,
        /// The request.
        id: RequestId,
        /// The time given.
        at: String,
        /// When it came in.
        received: String,
    },
    /// The step was recorded already.
    #[error("{id} was already {what} at {at}")]
    Already {
        /// The request.
        id: RequestId,
        /// "answered" or "resolved".
        what: &'static str,
        /// When.
        at: String,
    },
}

fn stamp(t: Instant) -> String {
    t.format("%Y-%m-%d %H:%M UTC").to_string()
}

fn not_future(what: &'static str, at: Instant, now: Instant) -> Result<(), RequestError> {
    if at > now {
        return Err(RequestError::Future {
            what,
            at: stamp(at),
            now: stamp(now),
        });
    }
    Ok(())
}

fn event(r: &Request, at: Instant, actor: &str, kind: EventKind, summary: String) -> Change {
    Change::Event(TimelineEvent {
        customer: r.customer,
        at,
        actor: actor.into(),
        kind,
        summary,
        reference: Some(r.id.to_string()),
    })
}

/// The sentence a timeline uses for a request: `call from Ann Lee: "Invoice is wrong"`.
pub fn describe(r: &Request) -> String {
    if r.from.is_empty() {
        format!("{}: \"{}\"", r.channel.as_str(), r.about)
    } else {
        format!("{} from {}: \"{}\"", r.channel.as_str(), r.from, r.about)
    }
}

/// Logs a new request received at `new.received_at` (not after `now`), with its timeline event.
pub fn log(
    new: NewRequest,
    now: Instant,
    actor: &str,
    ids: &mut IdAllocator,
) -> Result<(Request, ChangeSet), RequestError> {
    let about = sanitize::line(&new.about);
    if about.is_empty() {
        return Err(RequestError::NoSubject);
    }
    not_future("the request time", new.received_at, now)?;
    let r = Request {
        id: RequestId(ids.next_id()),
        customer: new.customer,
        channel: new.channel,
        from: sanitize::line(&new.from),
        about,
        received_at: new.received_at,
        owner: new.owner,
        team: String::new(),
        first_response_at: None,
        responded_by: None,
        resolved_at: None,
        resolved_by: None,
        external_key: String::new(),
    };
    let mut set = ChangeSet::new();
    set.push(event(
        &r,
        now,
        actor,
        EventKind::CustomerRequest,
        format!("Request {} by {}", r.id, describe(&r)),
    ));
    set.push(Change::Request(r.clone()));
    Ok((r, set))
}

fn after_received(r: &Request, what: &'static str, at: Instant) -> Result<(), RequestError> {
    if at < r.received_at {
        return Err(RequestError::BeforeReceived {
            what,
            id: r.id,
            at: stamp(at),
            received: stamp(r.received_at),
        });
    }
    Ok(())
}

/// Records our first response to `r` at `at` by `by`.
pub fn respond(
    mut r: Request,
    at: Instant,
    by: Option<StaffId>,
    now: Instant,
    actor: &str,
) -> Result<ChangeSet, RequestError> {
    if let Some(done) = r.first_response_at {
        return Err(RequestError::Already {
            id: r.id,
            what: "answered",
            at: stamp(done),
        });
    }
    not_future("the response time", at, now)?;
    after_received(&r, "the response time", at)?;
    r.first_response_at = Some(at);
    r.responded_by = by;
    let mut set = ChangeSet::new();
    set.push(event(
        &r,
        now,
        actor,
        EventKind::OurResponse,
        format!("First response to {} ({})", r.id, describe(&r)),
    ));
    set.push(Change::Request(r));
    Ok(set)
}

/// Records that `r` was resolved at `at` by `by`. A request resolved without a response on
/// record was answered by its resolution (a call settled on the phone), so the first response
/// is recorded at the same time.
pub fn resolve(
    mut r: Request,
    at: Instant,
    by: Option<StaffId>,
    now: Instant,
    actor: &str,
) -> Result<ChangeSet, RequestError> {
    if let Some(done) = r.resolved_at {
        return Err(RequestError::Already {
            id: r.id,
            what: "resolved",
            at: stamp(done),
        });
    }
    not_future("the resolution time", at, now)?;
    after_received(&r, "the resolution time", at)?;
    if r.first_response_at.is_none() {
        r.first_response_at = Some(at);
        r.responded_by = by;
    }
    r.resolved_at = Some(at);
    r.resolved_by = by;
    let mut set = ChangeSet::new();
    set.push(event(
        &r,
        now,
        actor,
        EventKind::OurResponse,
        format!("Resolved {} ({})", r.id, describe(&r)),
    ));
    set.push(Change::Request(r));
    Ok(set)
}

/// How many requests the customer views list.
pub const LATEST: usize = 5;

/// Where a request stands: `resolved 2026-11-23 09:00`, `answered ...` or `not answered yet`,
/// with times written by `time`.
pub fn state(r: &Request, time: impl Fn(Instant) -> String) -> String {
    match (r.first_response_at, r.resolved_at) {
        (_, Some(t)) => format!("resolved {}", time(t)),
        (Some(t), None) => format!("answered {}", time(t)),
        (None, None) => "not answered yet".into(),
    }
}

/// The stored request an imported one updates: the one with the same helpdesk key.
pub fn by_external_key<'a>(requests: &'a [Request], key: &str) -> Option<&'a Request> {
    if key.is_empty() {
        return None;
    }
    requests.iter().find(|r| r.external_key == key)
}

#[cfg(test)]
mod tests;

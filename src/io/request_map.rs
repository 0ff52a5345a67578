//! Which columns of a helpdesk's ticket export hold what a request needs: the two exports
//! hearback knows by name (`--from zendesk`, `--from freshdesk`) and the map file of any other
//! (`--map MAP.toml`).
//!
//! ```toml
//! source = "jira"                 # the helpdesk's name: keys are `jira:<ticket>`
//! ticket = "Issue key"            # required: the ticket's id
//! subject = "Summary"             # required
//! created = "Created"             # required: when it came in
//! requester = "Reporter"          # who asked (a name)
//! email = "Reporter email"        # the requester's email: finds the customer by contact or domain
//! company = "Organization"        # the customer's name
//! crm_id = "Account ID"           # the customer's CRM record id
//! channel = "Channel"             # phone, email, web, chat, meeting ...
//! assignee = "Assignee"           # one of our people by email or name
//! team = "Team"
//! first_response = "First reply"  # a time, or:
//! # first_response_minutes = "Minutes to first reply"
//! resolved = "Resolved"           # a time; `closed` is read when it is blank
//! # closed = "Closed"
//! date_format = "%d.%m.%Y %H:%M"  # when the times are in none of the usual formats
//! utc_offset = "+01:00"           # the zone of times written without one (default UTC)
//! ```

use super::survey_map::ColumnRef;
use chrono::FixedOffset;
use serde::Deserialize;

/// A checked map.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RequestMap {
    /// The helpdesk's name, the prefix of every key.
    pub source: String,
    /// The ticket id.
    pub ticket: ColumnRef,
    /// The subject.
    pub subject: ColumnRef,
    /// When it came in.
    pub created: ColumnRef,
    /// Who asked.
    pub requester: Option<ColumnRef>,
    /// The requester's email.
    pub email: Option<ColumnRef>,
    /// The customer's name.
    pub company: Option<ColumnRef>,
    /// The customer's CRM id.
    pub crm_id: Option<ColumnRef>,
    /// How it came in.
    pub channel: Option<ColumnRef>,
    /// Our person it is assigned to.
    pub assignee: Option<ColumnRef>,
    /// The helpdesk group.
    pub team: Option<ColumnRef>,
    /// When we first answered.
    pub first_response: Option<ColumnRef>,
    /// Minutes from coming in to our first answer (Zendesk writes this, not a time).
    pub first_response_minutes: Option<ColumnRef>,
    /// When it was resolved.
    pub resolved: Option<ColumnRef>,
    /// When it was closed, read when `resolved` is blank.
    pub closed: Option<ColumnRef>,
    /// A chrono format of the times, tried first.
    pub date_format: Option<String>,
    /// The zone of times written without one.
    pub utc_offset: FixedOffset,
}

fn h(text: &str) -> ColumnRef {
    ColumnRef::Header(text.into())
}

fn oh(text: &str) -> Option<ColumnRef> {
    Some(h(text))
}

impl RequestMap {
    /// Zendesk's ticket CSV export (Admin Center, Reports, Export): times like
    /// `2026-11-02 09:14:00 +0100`, the first reply as minutes after creation.
    pub fn zendesk() -> RequestMap {
        RequestMap {
            source: "zendesk".into(),
            ticket: h("Id"),
            subject: h("Subject"),
            created: h("Created at"),
            requester: oh("Requester"),
            email: oh("Requester email"),
            company: oh("Organization"),
            crm_id: None,
            channel: oh("Via"),
            assignee: oh("Assignee"),
            team: oh("Group"),
            first_response: None,
            first_response_minutes: oh("First reply time in minutes"),
            resolved: oh("Solved at"),
            closed: None,
            date_format: None,
            utc_offset: FixedOffset::east_opt(0).expect("zero offset"),
        }
    }

    /// Freshdesk's ticket export (Tickets, Export, CSV) with the contact's and company's
    /// fields ticked: times like `2026-11-02 09:14:05` in the helpdesk's zone.
    pub fn freshdesk(utc_offset: FixedOffset) -> RequestMap {
        RequestMap {
            source: "freshdesk".into(),
            ticket: h("Ticket ID"),
            subject: h("Subject"),
            created: h("Created time"),
            requester: oh("Full name"),
            email: oh("Email"),
            company: oh("Company Name"),
            crm_id: None,
            channel: oh("Source"),
            assignee: oh("Agent"),
            team: oh("Group"),
            first_response: oh("Initial response time"),
            first_response_minutes: None,
            resolved: oh("Resolved time"),
            closed: oh("Closed time"),
            date_format: None,
            utc_offset,
        }
    }

    /// Reads a map file; the message names the key at fault.
    pub fn from_toml(text: &str) -> Result<RequestMap, String> {
        let raw: RawMap =
            toml::from_str(text).map_err(|e| crate::core::sanitize::text(&e.to_string()))?;
        let need = |key: &str, v: Option<ColumnRef>| {
            v.ok_or_else(|| format!("the map needs `{key}`: the column holding the {key}"))
        };
        if raw.first_response.is_some() && raw.first_response_minutes.is_some() {
            return Err(
                "give `first_response` (a time) or `first_response_minutes`, not both".into(),
            );
        }
        let source = raw.source.unwrap_or_else(|| "helpdesk".into());
        let source = source.trim().to_ascii_lowercase();
        if source.is_empty()
            || source.len() > 40
            || !source
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        {
            return Err(format!(
                "`source` = '{source}' must be a short name of letters, digits, - or _ (it \
                 prefixes every ticket's key)"
            ));
        }
        let utc_offset = match raw.utc_offset.as_deref() {
            None => FixedOffset::east_opt(0).expect("zero offset"),
            Some(text) => parse_offset(text).ok_or_else(|| {
                format!("`utc_offset` = '{text}' is not an offset like \"+01:00\" or \"-05:00\"")
            })?,
        };
        Ok(RequestMap {
            source,
            ticket: need("ticket", raw.ticket)?,
            subject: need("subject", raw.subject)?,
            created: need("created", raw.created)?,
            requester: raw.requester,
            email: raw.email,
            company: raw.company,
            crm_id: raw.crm_id,
            channel: raw.channel,
            assignee: raw.assignee,
            team: raw.team,
            first_response: raw.first_response,
            first_response_minutes: raw.first_response_minutes,
            resolved: raw.resolved,
            closed: raw.closed,
            date_format: raw.date_format,
            utc_offset,
        })
    }
}

/// Reads `+01:00`, `-0500`, `Z` or `UTC`.
pub fn parse_offset(text: &str) -> Option<FixedOffset> {
    let t = text.trim();
    if t.eq_ignore_ascii_case("z") || t.eq_ignore_ascii_case("utc") {
        return FixedOffset::east_opt(0);
    }
    let (sign, rest) = match t.as_bytes().first()? {
        b'+' => (1, &t[1..]),
        b'-' => (-1, &t[1..]),
        _ => return None,
    };
    let digits: String = rest.chars().filter(|c| *c != ':').collect();
    if digits.len() != 4 || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let hours: i32 = digits[..2].parse().ok()?;
    let minutes: i32 = digits[2..].parse().ok()?;
    if hours > 14 || minutes > 59 {
        return None;
    }
    FixedOffset::east_opt(sign * (hours * 3600 + minutes * 60))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMap {
    source: Option<String>,
    ticket: Option<ColumnRef>,
    subject: Option<ColumnRef>,
    created: Option<ColumnRef>,
    requester: Option<ColumnRef>,
    email: Option<ColumnRef>,
    company: Option<ColumnRef>,
    crm_id: Option<ColumnRef>,
    channel: Option<ColumnRef>,
    assignee: Option<ColumnRef>,
    team: Option<ColumnRef>,
    first_response: Option<ColumnRef>,
    first_response_minutes: Option<ColumnRef>,
    resolved: Option<ColumnRef>,
    closed: Option<ColumnRef>,
    date_format: Option<String>,
    utc_offset: Option<String>,
}

//! Reading a helpdesk's ticket export through a [`RequestMap`] into [`RequestRow`]s, and every
//! row that cannot be read with its line, column and reason.

use super::customers_csv::RowError;
use super::request_map::RequestMap;
use super::survey_csv::{SurveyFileError, SurveyLayout, SurveySource, SurveyTable, open_rows};
use super::survey_map::ColumnRef;
use crate::core::excerpt::excerpt;
use crate::core::requests::Channel;
use crate::core::requests::import::RequestRow;
use crate::core::when::YEARS;
use crate::core::{Instant, sanitize};
use crate::io::csv_checks::{MAX_LINE_CHARS, too_long};
use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDateTime, TimeZone, Utc};
use std::io::Read;

/// The rows of an export read through a map.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ParsedRequests {
    /// Rows read, in file order.
    pub rows: Vec<RequestRow>,
    /// Rows not read, in file order.
    pub errors: Vec<RowError>,
    /// The columns the customer is found by, for messages: `columns 'Requester email', ...`.
    pub customer_columns: String,
}

/// The map's columns as indices into the export.
struct Binding {
    ticket: usize,
    subject: usize,
    created: usize,
    requester: Option<usize>,
    email: Option<usize>,
    company: Option<usize>,
    crm_id: Option<usize>,
    channel: Option<usize>,
    assignee: Option<usize>,
    team: Option<usize>,
    first_response: Option<usize>,
    first_response_minutes: Option<usize>,
    resolved: Option<usize>,
    closed: Option<usize>,
}

impl Binding {
    fn all(&self) -> impl Iterator<Item = usize> {
        [
            Some(self.ticket),
            Some(self.subject),
            Some(self.created),
            self.requester,
            self.email,
            self.company,
            self.crm_id,
            self.channel,
            self.assignee,
            self.team,
            self.first_response,
            self.first_response_minutes,
            self.resolved,
            self.closed,
        ]
        .into_iter()
        .flatten()
    }
}

/// Reads the export in `reader` through `map`. A column the map names that the file lacks
/// refuses the whole file (naming the key); a bad row is a [`RowError`].
pub fn parse_requests<R: Read>(
    reader: R,
    map: &RequestMap,
) -> Result<ParsedRequests, SurveyFileError> {
    let source = SurveySource::read(reader)?;
    let reading = open_rows(&source, Some(SurveyLayout::Generic))?;
    let table = SurveyTable::header_only(reading.layout, reading.columns.clone());
    let find = |key: &str, column: &ColumnRef| table.column(key, column);
    let opt = |key: &str, column: &Option<ColumnRef>| table.optional(key, column);
    let b = Binding {
        ticket: find("ticket", &map.ticket)?,
        subject: find("subject", &map.subject)?,
        created: find("created", &map.created)?,
        requester: opt("requester", &map.requester)?,
        email: opt("email", &map.email)?,
        company: opt("company", &map.company)?,
        crm_id: opt("crm_id", &map.crm_id)?,
        channel: opt("channel", &map.channel)?,
        assignee: opt("assignee", &map.assignee)?,
        team: opt("team", &map.team)?,
        first_response: opt("first_response", &map.first_response)?,
        first_response_minutes: opt("first_response_minutes", &map.first_response_minutes)?,
        resolved: opt("resolved", &map.resolved)?,
        closed: opt("closed", &map.closed)?,
    };
    let who = table.quoted(&[b.crm_id, b.company, b.email]);
    let mut parsed = ParsedRequests {
        customer_columns: match who.len() {
            0 => "the map names no customer column: add company, email or crm_id".into(),
            1 => format!("column {}", who.join(", ")),
            _ => format!("columns {}", who.join(", ")),
        },
        ..ParsedRequests::default()
    };
    for row in reading {
        match row {
            Ok((line, record)) => match read_row(&b, &table, map, &record, line) {
                Ok(row) => parsed.rows.push(row),
                Err(reason) => parsed.errors.push(RowError { line, reason }),
            },
            Err(e) => parsed.errors.push(e),
        }
    }
    Ok(parsed)
}

/// A time as helpdesks write it: the map's format first (a date-only one reads as midnight),
/// then `2026-11-02 09:14:00 +0100`,
/// RFC 3339 (`2026-11-02T09:14:00Z`), `2026-11-02 09:14:05`, `2026-11-02 09:14` and
/// `2026-11-02T09:14:05`; a time without a zone is in `offset`.
pub fn parse_time(text: &str, format: Option<&str>, offset: FixedOffset) -> Option<Instant> {
    let t = text.trim();
    let naive = |f: &str| {
        NaiveDateTime::parse_from_str(t, f)
            .ok()
            .and_then(|n| offset.from_local_datetime(&n).single())
            .map(|d| d.with_timezone(&Utc))
    };
    let zoned = |f: &str| {
        DateTime::parse_from_str(t, f)
            .ok()
            .map(|d| d.with_timezone(&Utc))
    };
    // A date-only format reads as midnight.
    let day = |f: &str| {
        chrono::NaiveDate::parse_from_str(t, f)
            .ok()
            .and_then(|d| {
                offset
                    .from_local_datetime(&d.and_time(chrono::NaiveTime::MIN))
                    .single()
            })
            .map(|d| d.with_timezone(&Utc))
    };
    if let Some(at) = format.and_then(|f| zoned(f).or_else(|| naive(f)).or_else(|| day(f))) {
        return Some(at);
    }
    zoned("%Y-%m-%d %H:%M:%S %z")
        .or_else(|| zoned("%Y-%m-%d %H:%M %z"))
        .or_else(|| {
            DateTime::parse_from_rfc3339(t)
                .ok()
                .map(|d| d.with_timezone(&Utc))
        })
        .or_else(|| naive("%Y-%m-%d %H:%M:%S"))
        .or_else(|| naive("%Y-%m-%d %H:%M"))
        .or_else(|| naive("%Y-%m-%dT%H:%M:%S"))
}

/// How a request came in, from a helpdesk's channel name (`Phone call (incoming)`, `Mail`,
/// `Portal`, `Feedback Widget`); a name we do not know is `other`, never an error.
pub fn channel_of(text: &str) -> Channel {
    let t = text.trim().to_ascii_lowercase();
    Channel::parse(&t).unwrap_or(if t.contains("phone") || t.contains("voice") {
        Channel::Call
    } else if t.contains("mail") {
        Channel::Email
    } else if t.contains("meeting") {
        Channel::Meeting
    } else if t.contains("web") || t.contains("chat") || t.contains("portal") || t.is_empty() {
        Channel::Ticket
    } else {
        Channel::Other
    })
}

/// One data row as a request.
fn read_row(
    b: &Binding,
    table: &SurveyTable,
    map: &RequestMap,
    record: &csv::StringRecord,
    line: u64,
) -> Result<RequestRow, String> {
    table.fits(record)?;
    let cell = |i: usize| record.get(i).unwrap_or("");
    let header = |i: usize| table.header(i);
    for i in b.all() {
        if let Some(problem) = too_long(&header(i), cell(i), MAX_LINE_CHARS) {
            return Err(problem);
        }
    }
    let text = |i: Option<usize>| i.map(|i| sanitize::line(cell(i))).unwrap_or_default();
    let mut problems = Vec::new();
    let mut time = |i: Option<usize>| -> Option<Instant> {
        let i = i?;
        let value = cell(i).trim();
        if value.is_empty() {
            return None;
        }
        let at = parse_time(value, map.date_format.as_deref(), map.utc_offset);
        match at {
            None => problems.push(format!(
                "'{}' is not a time like 2026-11-02 09:14:00 (column '{}')",
                excerpt(value),
                header(i)
            )),
            Some(t) if !YEARS.contains(&t.year()) => {
                problems.push(format!(
                    "'{}' is not between the years {} and {} (column '{}')",
                    excerpt(value),
                    YEARS.start(),
                    YEARS.end(),
                    header(i)
                ));
                return None;
            }
            Some(_) => {}
        }
        at
    };
    let received = time(Some(b.created));
    let mut first = time(b.first_response);
    let resolved = time(b.resolved).or_else(|| time(b.closed));
    let ticket = text(Some(b.ticket));
    if ticket.is_empty() {
        problems.push(format!(
            "the ticket id is blank (column '{}'); every row needs one",
            header(b.ticket)
        ));
    }
    let about = text(Some(b.subject));
    if about.is_empty() {
        problems.push(format!(
            "the subject is blank (column '{}'); say what the customer asked about",
            header(b.subject)
        ));
    }
    if cell(b.created).trim().is_empty() {
        problems.push(format!(
            "the time it came in is blank (column '{}')",
            header(b.created)
        ));
    }
    if let (Some(i), Some(received)) = (b.first_response_minutes, received) {
        let value = cell(i).trim();
        if !value.is_empty() {
            match value.parse::<f64>() {
                Ok(m) if m.is_finite() && (0.0..=5_256_000.0).contains(&m) => {
                    first =
                        received.checked_add_signed(Duration::seconds((m * 60.0).round() as i64));
                }
                _ => problems.push(format!(
                    "'{}' is not a number of minutes (column '{}')",
                    excerpt(value),
                    header(i)
                )),
            }
        }
    }
    if let Some(received) = received {
        for (what, at, column) in [
            ("first response", first, b.first_response),
            ("resolution", resolved, b.resolved),
        ] {
            if let (Some(at), Some(i)) = (at, column)
                && at < received
            {
                problems.push(format!(
                    "the {what} {} is before the ticket came in (column '{}')",
                    at.format("%Y-%m-%d %H:%M UTC"),
                    header(i)
                ));
            }
        }
    }
    if !problems.is_empty() {
        return Err(problems.join("; "));
    }
    let Some(received_at) = received else {
        return Err("the row has no time it came in".into());
    };
    Ok(RequestRow {
        line,
        key: format!("{}:{ticket}", map.source),
        about,
        from: text(b.requester),
        email: text(b.email),
        company: text(b.company),
        crm_id: text(b.crm_id),
        channel: channel_of(&text(b.channel)),
        received_at,
        assignee: text(b.assignee),
        team: text(b.team),
        // A request resolved with no reply on record was answered by its resolution.
        first_response_at: first.or(resolved),
        resolved_at: resolved,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> Instant {
        DateTime::parse_from_rfc3339(text)
            .expect("rfc 3339")
            .with_timezone(&Utc)
    }

    #[test]
    fn times_read_in_the_formats_helpdesks_write() {
        let plus1 = FixedOffset::east_opt(3600).expect("offset");
        let utc = FixedOffset::east_opt(0).expect("offset");
        let cases = [
            (
                "2026-11-02 09:14:00 +0100",
                None,
                utc,
                "2026-11-02T08:14:00Z",
            ),
            ("2026-11-02T09:14:00Z", None, plus1, "2026-11-02T09:14:00Z"),
            ("2026-11-02 09:14:05", None, plus1, "2026-11-02T08:14:05Z"),
            ("2026-11-02 09:14", None, utc, "2026-11-02T09:14:00Z"),
            (
                "02.11.2026 09:14",
                Some("%d.%m.%Y %H:%M"),
                utc,
                "2026-11-02T09:14:00Z",
            ),
            (
                "02/11/2026",
                Some("%d/%m/%Y"),
                plus1,
                "2026-11-01T23:00:00Z",
            ),
        ];
        for (text, format, offset, want) in cases {
            assert_eq!(parse_time(text, format, offset), Some(at(want)), "{text}");
        }
        assert_eq!(parse_time("04/11/2026 8am", None, utc), None);
        assert_eq!(parse_time("2026-02-30 10:00", None, utc), None);
    }

    #[test]
    fn channels_from_helpdesk_words() {
        let cases = [
            ("Phone call (incoming)", Channel::Call),
            ("Mail", Channel::Email),
            ("Outbound Email", Channel::Email),
            ("Web form", Channel::Ticket),
            ("Feedback Widget", Channel::Ticket),
            ("Portal", Channel::Ticket),
            ("Twitter", Channel::Other),
            ("", Channel::Ticket),
        ];
        for (text, want) in cases {
            assert_eq!(channel_of(text), want, "{text}");
        }
    }
}

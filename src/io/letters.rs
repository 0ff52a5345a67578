//! The loop's letters in words (`assets/letter_thank_you.md`, `letter_invitation.md`,
//! `letter_report.md`: Jinja syntax via minijinja, the first line `Subject: ...`), and as an
//! RFC 5322 message (`.eml`) that any mail client opens (marked unsent, so Outlook opens it
//! as a draft). Whom each letter
//! goes to is decided in [`crate::core::letters`]; nothing here sends anything.

use super::report::{DocumentError, render};
use crate::core::letters::{Fields, Letter, LetterKind, Mailbox};
use crate::core::queue::Subject;
use crate::core::report::Sources;
use crate::core::{Instant, sanitize};
use lettre::Message;
use lettre::message::header::{ContentType, HeaderName, HeaderValue};
use serde::Serialize;

/// The shipped thank-you template.
pub const THANK_YOU_TEMPLATE: &str = include_str!("../../assets/letter_thank_you.md");
/// The shipped template of the invitation to the follow-up call.
pub const INVITATION_TEMPLATE: &str = include_str!("../../assets/letter_invitation.md");
/// The shipped template of the letter carrying the formal report.
pub const REPORT_TEMPLATE: &str = include_str!("../../assets/letter_report.md");

/// A letter in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Words {
    /// The subject line.
    pub subject: String,
    /// The text, ending in a newline.
    pub body: String,
}

/// Why a letter could not be put in words or written as a message.
#[derive(Debug, thiserror::Error)]
pub enum LetterTextError {
    /// The records or a template did not allow it.
    #[error(transparent)]
    Document(#[from] DocumentError),
    /// A template whose first line is not `Subject: ...`.
    #[error("{0} template: the first line must be the subject, as `Subject: ...`")]
    NoSubject(&'static str),
    /// Addresses are missing: each sentence says whose and what to do.
    #[error("cannot write the email: {}", .0.join("; "))]
    Missing(Vec<String>),
    /// An address on file is not one a mail client would take.
    #[error(
        "cannot write the email: {0} is not a valid address ({1}): correct it where it is kept"
    )]
    Address(String, String),
    /// lettre refused the message as a whole.
    #[error("cannot write the email: {0}")]
    Message(String),
}

/// The template data of the report letter: the letter's fields and the report itself.
#[derive(Serialize)]
struct WithReport<'a> {
    #[serde(flatten)]
    fields: &'a Fields,
    report: &'a str,
}

/// Puts `letter` in words. The report letter carries the formal report to the customer
/// (`assets/report_customer.md`), as `hearback report customer` writes it.
pub fn words(
    src: &Sources<'_>,
    letter: &Letter,
    followup_days: u32,
) -> Result<Words, LetterTextError> {
    let text = match (letter.kind, letter.subject) {
        (LetterKind::ThankYou, _) => {
            render("letter_thank_you.md", THANK_YOU_TEMPLATE, &letter.fields)?
        }
        (LetterKind::Invitation, _) => {
            render("letter_invitation.md", INVITATION_TEMPLATE, &letter.fields)?
        }
        (LetterKind::Report, Subject::FollowUp(id)) => {
            let (report, _) = super::report::customer(src, id, followup_days)?;
            let data = WithReport {
                fields: &letter.fields,
                report: &report,
            };
            render("letter_report.md", REPORT_TEMPLATE, &data)?
        }
        (LetterKind::Report, _) => {
            return Err(LetterTextError::Missing(vec![
                "a formal report is about a follow-up (F..)".into(),
            ]));
        }
    };
    let name = template_name(letter.kind);
    let (first, rest) = text.split_once('\n').unwrap_or((text.as_str(), ""));
    let subject = first
        .strip_prefix("Subject:")
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .ok_or(LetterTextError::NoSubject(name))?;
    Ok(Words {
        subject: sanitize::line(subject),
        body: format!("{}\n", rest.trim()),
    })
}

fn template_name(kind: LetterKind) -> &'static str {
    match kind {
        LetterKind::ThankYou => "letter_thank_you.md",
        LetterKind::Invitation => "letter_invitation.md",
        LetterKind::Report => "letter_report.md",
    }
}

/// The headers as the dashboard and `hearback letter` show them above the text.
pub fn headers(letter: &Letter, words: &Words) -> Vec<String> {
    let cc: Vec<String> = letter.cc.iter().map(shown).collect();
    let mut out = vec![
        format!("From: {}", shown(&letter.from)),
        format!("To: {}", shown(&letter.to)),
    ];
    if !cc.is_empty() {
        out.push(format!("Cc: {}", cc.join(", ")));
    }
    out.push(format!("Subject: {}", words.subject));
    out
}

/// `Ada Byrne <ada@acme.example>`, or the name and `(no email on file)`.
fn shown(m: &Mailbox) -> String {
    match (m.name.is_empty(), m.email.is_empty()) {
        (true, true) => "(nobody named)".to_string(),
        (false, true) => format!("{} (no email on file)", m.name),
        (true, false) => format!("<{}>", m.email),
        (false, false) => format!("{} <{}>", m.name, m.email),
    }
}

/// The letter as an RFC 5322 message dated `at`: plain text, UTF-8, marked unsent
/// (`X-Unsent: 1`, which Outlook opens as a draft). Refused while an address is missing.
pub fn eml(letter: &Letter, words: &Words, at: Instant) -> Result<Vec<u8>, LetterTextError> {
    if !letter.missing.is_empty() {
        return Err(LetterTextError::Missing(letter.missing.clone()));
    }
    let mailbox = |m: &Mailbox| -> Result<lettre::message::Mailbox, LetterTextError> {
        let address = m
            .email
            .parse()
            .map_err(|e: lettre::address::AddressError| {
                LetterTextError::Address(sanitize::quote(&m.email), e.to_string())
            })?;
        Ok(lettre::message::Mailbox::new(Some(m.name.clone()), address))
    };
    let mut builder = Message::builder()
        .from(mailbox(&letter.from)?)
        .to(mailbox(&letter.to)?)
        .subject(words.subject.clone())
        .date(std::time::SystemTime::from(at))
        .message_id(Some(format!(
            "<{}-{}-{}@hearback>",
            letter.kind.as_str(),
            letter.subject,
            at.timestamp()
        )))
        .raw_header(HeaderValue::new(
            HeaderName::new_from_ascii_str("X-Unsent"),
            "1".to_string(),
        ))
        .header(ContentType::TEXT_PLAIN);
    for m in &letter.cc {
        builder = builder.cc(mailbox(m)?);
    }
    let message = builder
        .body(words.body.clone())
        .map_err(|e| LetterTextError::Message(e.to_string()))?;
    Ok(message.formatted())
}

/// A file name for the letter: `2026-11-23 thank-you I20 Acme Freight.eml`, with nothing a
/// file system would refuse.
pub fn file_name(letter: &Letter, date: &str) -> String {
    let customer: String = letter
        .fields
        .customer
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, ' ' | '-' | '_' | '.' | '&') {
                c
            } else {
                '-'
            }
        })
        .take(60)
        .collect();
    format!(
        "{date} {} {} {}.eml",
        letter.kind.as_str(),
        letter.subject,
        customer.trim().trim_start_matches('.')
    )
}

#[cfg(test)]
mod tests;

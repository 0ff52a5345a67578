//! Golden texts of each letter (insta snapshots: read them as the customer would), and the
//! `.eml` as a mail client reads it (mail-parser, another project than the writer).

use super::*;
use crate::core::letters::tests::{fixture, now, with_sources};
use crate::core::letters::{LetterKind, letter};
use crate::core::{
    ActionId, ActionItem, ActionKind, ActionState, CustomerId, Dataset, FollowUpId, InterviewId,
    StaffId,
};
use mail_parser::MessageParser;

/// The fixture, with a corrective action on Acme's follow-up (a formal report needs one).
fn data() -> Dataset {
    let mut data = fixture();
    data.actions.push(ActionItem {
        id: ActionId(50),
        customer: CustomerId(10),
        followup: Some(followup(&data, 20)),
        interview: Some(InterviewId(20)),
        kind: ActionKind::Corrective,
        title: "Answer every ticket within four working hours".into(),
        detail: "A second person on the support rota during the release weeks.".into(),
        owner: Some(StaffId(2)),
        due: Some(now() + chrono::Duration::days(14)),
        state: ActionState::Doing,
        created_at: now(),
        done_at: None,
        followed_up_at: None,
    });
    data
}

/// [`data`] once Acme was called on Monday morning (a formal report quotes what they said).
fn contacted() -> Dataset {
    let mut data = data();
    for f in &mut data.followups {
        if f.interview == InterviewId(20) {
            f.state = crate::core::FollowUpState::Contacted;
            f.contacted_at = Some(now());
            f.context = "Two releases slipped without warning; tickets waited two days.".into();
        }
    }
    data
}

fn followup(data: &Dataset, interview: u64) -> FollowUpId {
    data.followups
        .iter()
        .find(|f| f.interview == InterviewId(interview))
        .map(|f| f.id)
        .expect("a follow-up")
}

/// The letter of `kind` about `subject`, in words, as the dashboard shows it: headers, a blank
/// line, the text.
fn written(data: &Dataset, kind: LetterKind, subject: Subject) -> (Letter, Words) {
    with_sources(data, |src| {
        let letter = letter(src, kind, subject).expect("a letter");
        let words = words(src, &letter, 7).expect("in words");
        (letter, words)
    })
}

fn shown(letter: &Letter, words: &Words) -> String {
    format!("{}\n\n{}", headers(letter, words).join("\n"), words.body)
}

#[test]
fn golden_thank_you_after_a_low_score() {
    let data = data();
    let (letter, words) = written(
        &data,
        LetterKind::ThankYou,
        Subject::Interview(InterviewId(20)),
    );
    insta::assert_snapshot!(shown(&letter, &words));
}

#[test]
fn golden_invitation_with_senior_management() {
    let data = data();
    let f = followup(&data, 20);
    let (letter, words) = written(&data, LetterKind::Invitation, Subject::FollowUp(f));
    insta::assert_snapshot!(shown(&letter, &words));
}

#[test]
fn golden_formal_report() {
    let data = contacted();
    let f = followup(&data, 20);
    let (letter, words) = written(&data, LetterKind::Report, Subject::FollowUp(f));
    insta::assert_snapshot!(shown(&letter, &words));
}

#[test]
fn golden_invitation_eml() {
    let data = data();
    let f = followup(&data, 21);
    let (letter, words) = written(&data, LetterKind::Invitation, Subject::FollowUp(f));
    let bytes = eml(&letter, &words, now()).expect("an email");
    insta::assert_snapshot!(String::from_utf8_lossy(&bytes));
}

/// The addresses a mail client reads from the file: To the customer's contact, Cc the people
/// the severity rule brings to the call (senior management for a lowest 2, the managers for a
/// 3), From the owner; the text and subject intact, marked unsent.
#[test]
fn the_eml_reads_back_with_the_people_of_the_severity() {
    let data = data();
    for (interview, cc) in [
        (20, vec!["sam@ours.example", "morgan@ours.example"]),
        (21, vec!["sam@ours.example"]),
    ] {
        let f = followup(&data, interview);
        let (letter, words) = written(&data, LetterKind::Invitation, Subject::FollowUp(f));
        let bytes = eml(&letter, &words, now()).expect("an email");
        let message = MessageParser::default()
            .parse(&bytes)
            .expect("a mail client reads it");
        let list = |a: Option<&mail_parser::Address<'_>>| -> Vec<String> {
            a.map(|a| {
                a.iter()
                    .filter_map(|m| m.address.as_deref().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default()
        };
        let to = if interview == 20 {
            "ada@acme.example"
        } else {
            "ben@birch.example"
        };
        assert_eq!(list(message.to()), [to]);
        assert_eq!(list(message.cc()), cc, "severity of I{interview}");
        assert_eq!(list(message.from()), ["dana@ours.example"]);
        assert_eq!(message.subject(), Some(words.subject.as_str()));
        let body = message
            .body_text(0)
            .expect("a text body")
            .replace("\r\n", "\n");
        assert_eq!(body.trim_end(), words.body.trim_end());
        assert_eq!(
            message.header_raw("X-Unsent").map(str::trim),
            Some("1"),
            "marked unsent"
        );
        let named: Vec<String> = message
            .to()
            .into_iter()
            .flat_map(|a| a.iter())
            .filter_map(|m| m.name.as_deref().map(str::to_string))
            .collect();
        assert_eq!(named.len(), 1);
    }
}

#[test]
fn an_email_with_an_address_missing_is_refused_saying_whose() {
    let data = data();
    let (letter, words) = written(
        &data,
        LetterKind::ThankYou,
        Subject::Interview(InterviewId(20)),
    );
    let e = eml(&letter, &words, now()).expect_err("Alex Chen has no email");
    assert_eq!(
        e.to_string(),
        "cannot write the email: Alex Chen has no email on file: hearback staff set \"Alex Chen\" --email ADDRESS"
    );
    let mut bad = letter.clone();
    bad.missing.clear();
    bad.from.email = "not an address".into();
    let e = eml(&bad, &words, now()).expect_err("not an address");
    assert!(
        e.to_string()
            .starts_with("cannot write the email: 'not an address' is not a valid address"),
        "{e}"
    );
}

#[test]
fn a_file_name_says_the_date_kind_record_and_customer() {
    let data = data();
    let (mut letter, _) = written(
        &data,
        LetterKind::ThankYou,
        Subject::Interview(InterviewId(20)),
    );
    assert_eq!(
        file_name(&letter, "2026-11-23"),
        "2026-11-23 thank-you I20 Acme Freight.eml"
    );
    letter.fields.customer = "../A/B: \"C\"".into();
    assert_eq!(
        file_name(&letter, "2026-11-23"),
        "2026-11-23 thank-you I20 -A-B- -C-.eml"
    );
}

use super::*;
use crate::core::business_time::WorkWeek;
use crate::core::completion::plan_completion;
use crate::core::policy::Policy;
use crate::core::queue::{Item, queue};
use crate::core::{
    Answer, Contact, ContactId, CustomerId, Dataset, IdAllocator, Individual, Instant, Interview,
    Money, QuestionSet, Role, Score, Staff,
};
use chrono::{TimeZone, Utc};
use std::collections::HashMap;

/// Monday 2026-11-23 09:00 UTC.
pub(crate) fn now() -> Instant {
    Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0)
        .single()
        .expect("valid")
}

fn person(id: u64, name: &str, email: Option<&str>, roles: &[Role]) -> Staff {
    Staff {
        id: StaffId(id),
        name: name.into(),
        email: email.map(Into::into),
        roles: roles.to_vec(),
        bio: String::new(),
        active: true,
    }
}

fn customer(id: u64, name: &str, contact: (&str, &str)) -> Customer {
    Customer::new(CustomerId(id), name, Money::new(1_000_000, "USD"), now())
        .with_account_manager(StaffId(1))
        .with_service_manager(StaffId(2))
        .with_executive_sponsor(StaffId(4))
        .with_contacts(vec![Contact {
            id: ContactId(id * 10),
            name: contact.0.into(),
            role: "COO".into(),
            email: contact.1.into(),
            phone: String::new(),
            personality: String::new(),
        }])
}

/// Staff: Dana Reyes (account manager), Sam Okafor (service manager), Morgan Hale (senior
/// management), Alex Chen (executive, no email). Acme Freight's interview I20 scored a lowest
/// 2 (follow-up F1 with senior management); Birch Ltd's I21 a lowest 3 (F2, the managers); both
/// completed last Friday 15:00.
pub(crate) fn fixture() -> Dataset {
    let mut data = Dataset {
        staff: vec![
            person(
                1,
                "Dana Reyes",
                Some("dana@ours.example"),
                &[Role::AccountManager],
            ),
            person(
                2,
                "Sam Okafor",
                Some("sam@ours.example"),
                &[Role::ServiceManager],
            ),
            person(
                3,
                "Morgan Hale",
                Some("morgan@ours.example"),
                &[Role::SeniorManagement],
            ),
            person(4, "Alex Chen", None, &[Role::Executive]),
        ],
        customers: vec![
            customer(10, "Acme Freight", ("Ada Byrne", "ada@acme.example")),
            customer(11, "Birch Ltd", ("Ben Birch", "ben@birch.example")),
        ],
        ..Dataset::default()
    };
    let questions = QuestionSet::defaults();
    let friday = Utc
        .with_ymd_and_hms(2026, 11, 20, 15, 0, 0)
        .single()
        .expect("valid");
    let mut ids = IdAllocator::starting_at(1);
    for (interview, customer, scores) in
        [(20, 10, [5, 4, 2, 5, 3, 5]), (21, 11, [5, 3, 4, 5, 4, 5])]
    {
        let booked = Interview {
            contact: Some(ContactId(customer * 10)),
            executive: Some(StaffId(4)),
            answers: questions
                .questions
                .iter()
                .zip(scores)
                .map(|(q, s)| Answer {
                    question_key: q.key.clone(),
                    question: q.text.clone(),
                    score: Score::new(s),
                    comment: String::new(),
                    individual: Individual::No,
                })
                .collect(),
            ..Interview::booked(
                InterviewId(interview),
                CustomerId(customer),
                Trigger::Cadence,
                friday,
            )
        };
        let plan = plan_completion(&data, booked, &Policy::default(), friday, "t", &mut ids)
            .expect("completes");
        data.apply(&plan.changes);
    }
    data
}

pub(crate) fn items(data: &Dataset) -> Vec<Item> {
    queue(data, &Policy::default(), &WorkWeek::default(), now())
}

/// Calls `f` with what letters read over `data` at [`now`]: its queue, the shipped questions
/// and a UTC week.
pub(crate) fn with_sources<T>(data: &Dataset, f: impl FnOnce(&Sources<'_>) -> T) -> T {
    let items = items(data);
    let risk = HashMap::new();
    let questions = QuestionSet::defaults();
    let cal = WorkWeek::default();
    f(&Sources {
        data,
        items: &items,
        risk: &risk,
        questions: &questions,
        work_week: &cal,
        now: now(),
    })
}

pub(crate) fn write(data: &Dataset, kind: LetterKind, subject: Subject) -> Letter {
    with_sources(data, |src| letter(src, kind, subject).expect("a letter"))
}

fn followup_of(data: &Dataset, interview: u64) -> FollowUpId {
    data.followups
        .iter()
        .find(|f| f.interview == InterviewId(interview))
        .map(|f| f.id)
        .expect("a follow-up")
}

fn emails(boxes: &[Mailbox]) -> Vec<&str> {
    boxes.iter().map(|m| m.email.as_str()).collect()
}

#[test]
fn a_lowest_2_copies_in_senior_management_and_a_3_the_two_managers() {
    let data = fixture();
    let severe = write(
        &data,
        LetterKind::Invitation,
        Subject::FollowUp(followup_of(&data, 20)),
    );
    assert_eq!(severe.to.email, "ada@acme.example");
    assert_eq!(severe.from.email, "dana@ours.example", "the owner sends it");
    assert_eq!(
        emails(&severe.cc),
        ["sam@ours.example", "morgan@ours.example"]
    );
    assert_eq!(severe.fields.lowest, 2);
    assert_eq!(
        severe.fields.call_by, "2026-11-23",
        "1 business day after Friday 15:00"
    );
    let roles: Vec<(&str, &str)> = severe
        .fields
        .team
        .iter()
        .map(|a| (a.name.as_str(), a.role.as_str()))
        .collect();
    assert_eq!(
        roles,
        [
            ("Dana Reyes", "your client manager"),
            ("Sam Okafor", "your service manager"),
            ("Morgan Hale", "senior management")
        ]
    );
    assert!(severe.missing.is_empty(), "{:?}", severe.missing);

    let light = write(
        &data,
        LetterKind::Invitation,
        Subject::FollowUp(followup_of(&data, 21)),
    );
    assert_eq!(light.to.email, "ben@birch.example");
    assert_eq!(emails(&light.cc), ["sam@ours.example"]);
    assert_eq!(light.fields.call_by, "2026-11-24", "2 business days");
    let report = write(
        &data,
        LetterKind::Report,
        Subject::FollowUp(followup_of(&data, 20)),
    );
    assert_eq!(
        report.cc, severe.cc,
        "the report goes to the people of the call"
    );
}

#[test]
fn the_thank_you_comes_from_the_executive_and_copies_the_account_manager() {
    let mut data = fixture();
    let letter = write(
        &data,
        LetterKind::ThankYou,
        Subject::Interview(InterviewId(20)),
    );
    assert_eq!(letter.from.name, "Alex Chen");
    assert_eq!(emails(&letter.cc), ["dana@ours.example"]);
    assert_eq!(
        letter.missing,
        ["Alex Chen has no email on file: hearback staff set \"Alex Chen\" --email ADDRESS"]
    );
    assert_eq!(letter.fields.feedback_date, "2026-11-20");
    assert_eq!(letter.fields.source, "feedback interview");
    let low: Vec<u8> = letter.fields.low.iter().map(|a| a.score).collect();
    assert_eq!(low, [2, 3], "the questions below 4, in the order asked");
    assert_eq!(letter.fields.call_by, "2026-11-23");

    // No executive: the account manager sends it, and is not copied to themselves.
    for i in &mut data.interviews {
        i.executive = None;
    }
    let letter = write(
        &data,
        LetterKind::ThankYou,
        Subject::Interview(InterviewId(21)),
    );
    assert_eq!(letter.from.email, "dana@ours.example");
    assert!(letter.cc.is_empty(), "{:?}", letter.cc);
}

#[test]
fn a_contact_without_an_email_is_named_with_what_to_do() {
    let mut data = fixture();
    for c in &mut data.customers {
        for contact in &mut c.contacts {
            contact.email = String::new();
        }
    }
    let letter = write(
        &data,
        LetterKind::ThankYou,
        Subject::Interview(InterviewId(21)),
    );
    assert_eq!(letter.to.name, "Ben Birch");
    assert!(
        letter.missing[0].starts_with("Ben Birch of Birch Ltd has no email on file"),
        "{:?}",
        letter.missing
    );
}

#[test]
fn letters_about_the_wrong_record_or_an_interview_not_held_are_refused() {
    let data = fixture();
    with_sources(&data, |src| {
        assert!(
            letter(
                src,
                LetterKind::Invitation,
                Subject::Interview(InterviewId(20))
            )
            .is_err()
        );
        assert_eq!(
            letter(src, LetterKind::Report, Subject::FollowUp(FollowUpId(99))),
            Err(LetterError::Unknown("follow-up F99".into()))
        );
    });
    assert_eq!(LetterKind::for_item(ItemKind::Debrief), None);
    assert_eq!(
        LetterKind::ALL.map(|k| LetterKind::for_item(k.item_kind())),
        LetterKind::ALL.map(Some)
    );
}

//! Tests for survey imports: scale mapping, matching, completion through the shared rules,
//! and re-imports.

use super::*;
use crate::core::{
    Contact, Customer, FollowUpState, InterviewStatus, Money, Role, Staff, StaffId, Tier,
};

fn at(text: &str) -> Instant {
    chrono::DateTime::parse_from_rfc3339(text)
        .expect("valid time")
        .with_timezone(&chrono::Utc)
}

pub(super) fn now() -> Instant {
    at("2026-11-23T09:00:00Z")
}

fn customer(id: u64, name: &str, emails: &[(u64, &str)]) -> Customer {
    let contacts = emails
        .iter()
        .map(|&(contact, email)| Contact {
            id: ContactId(contact),
            name: format!("Person {contact}"),
            role: String::new(),
            email: email.into(),
            phone: String::new(),
            personality: String::new(),
        })
        .collect();
    Customer::new(
        CustomerId(id),
        name,
        Money::new(100_000, "USD"),
        at("2026-01-01T00:00:00Z"),
    )
    .with_tier(Tier::Key)
    .with_account_manager(StaffId(1))
    .with_service_manager(StaffId(2))
    .with_executive_sponsor(StaffId(3))
    .with_contacts(contacts)
}

fn staff(id: u64, name: &str, role: Role) -> Staff {
    Staff {
        id: StaffId(id),
        name: name.into(),
        email: None,
        roles: vec![role],
        bio: String::new(),
        active: true,
    }
}

/// C10 Acme Freight (ada@acme.example), C20 Northwind Traders Ltd (no contacts),
/// C30 Blue Sky and C31 Blue Sky Inc (same normalised name; both know shared@x.example),
/// C40 archived Gone Ltd (old@gone.example).
pub(super) fn data() -> Dataset {
    let mut gone = customer(40, "Gone Ltd", &[(41, "old@gone.example")]);
    gone.archived = true;
    Dataset {
        staff: vec![
            staff(1, "Dana Reyes", Role::AccountManager),
            staff(2, "Sam Ortiz", Role::ServiceManager),
            staff(3, "Alex Chen", Role::SeniorManagement),
        ],
        customers: vec![
            customer(10, "Acme Freight", &[(11, "Ada@Acme.example")]),
            customer(20, "Northwind Traders Ltd", &[]),
            customer(30, "Blue Sky", &[(32, "shared@x.example")]),
            customer(31, "Blue Sky Inc", &[(33, "shared@x.example")]),
            gone,
        ],
        ..Dataset::default()
    }
}

#[test]
fn scales_map_onto_one_to_five_with_halves_going_down() {
    let nps = Scale::new(0, 10).expect("scale");
    let nine = Scale::new(1, 9).expect("scale");
    let seven = Scale::new(1, 7).expect("scale");
    // (scale, answer, score)
    let cases: &[(Scale, f64, Option<u8>)] = &[
        (Scale::ONE_TO_FIVE, 1.0, Some(1)),
        (Scale::ONE_TO_FIVE, 3.0, Some(3)),
        (Scale::ONE_TO_FIVE, 5.0, Some(5)),
        (Scale::ONE_TO_FIVE, 0.0, None),
        (Scale::ONE_TO_FIVE, 6.0, None),
        (nps, 0.0, Some(1)),
        (nps, 1.0, Some(1)),
        (nps, 2.0, Some(2)),
        (nps, 3.0, Some(2)),
        (nps, 4.0, Some(3)),
        (nps, 6.0, Some(3)),
        (nps, 7.0, Some(4)),
        (nps, 8.0, Some(4)),
        (nps, 9.0, Some(5)),
        (nps, 10.0, Some(5)),
        (nps, 11.0, None),
        (nps, -1.0, None),
        (nine, 6.0, Some(3)), // 3.5: the tie goes to the lower score
        (nine, 2.0, Some(1)), // 1.5
        (seven, 5.0, Some(4)),
        (Scale::ONE_TO_FIVE, 4.5, Some(4)),
        (Scale::ONE_TO_FIVE, f64::NAN, None),
    ];
    for &(scale, value, want) in cases {
        assert_eq!(
            scale.to_score(value).map(Score::get),
            want,
            "{value} on {scale:?}"
        );
    }
    assert_eq!(Scale::new(5, 5), None);
    assert_eq!(Scale::new(10, 0), None);
}

#[test]
fn respondents_match_by_email_then_company_and_never_by_guess() {
    let data = data();
    let found = |email: &str, company: &str| match_respondent(&data, email, company);
    // (email, company, customer, contact)
    let matched = [
        ("ada@acme.example", "", 10, Some(11)),
        (" ADA@ACME.EXAMPLE ", "Northwind", 10, Some(11)),
        ("", "northwind traders", 20, None),
        ("", "NORTHWIND TRADERS, LTD.", 20, None),
        ("nobody@acme.example", "Acme Freight Inc", 10, None),
    ];
    for (email, company, customer, contact) in matched {
        let who = found(email, company).expect("matched");
        assert_eq!(
            (who.customer, who.contact),
            (CustomerId(customer), contact.map(ContactId)),
            "{email} / {company}"
        );
    }
    // (email, company, words the reason must contain)
    let refused = [
        ("", "", "no email or company"),
        ("x@y.example", "", "no contact has the email 'x@y.example'"),
        ("", "Globex", "no customer is named 'Globex'"),
        ("shared@x.example", "", "Blue Sky (C30), Blue Sky Inc (C31)"),
        ("", "Blue Sky", "matches Blue Sky (C30), Blue Sky Inc (C31)"),
        ("old@gone.example", "Gone Ltd", "no contact has the email"),
    ];
    for (email, company, words) in refused {
        let reason = found(email, company).expect_err("not matched");
        assert!(reason.contains(words), "{email} / {company}: {reason}");
    }
}

pub(super) fn response(line: u64, id: &str, email: &str, scores: &[Option<u8>]) -> SurveyResponse {
    let keys = ["overall", "understanding", "responsiveness"];
    SurveyResponse {
        line,
        response_id: id.into(),
        email: email.into(),
        company: String::new(),
        submitted_at: Some(at("2026-11-20T15:00:00Z")),
        answers: keys
            .iter()
            .zip(scores)
            .map(|(key, score)| SurveyAnswer {
                question_key: (*key).into(),
                question: format!("Survey wording of {key}"),
                score: score.and_then(Score::new),
                comment: format!("about {key}\r\nsecond line \u{1b}[31mred"),
            })
            .collect(),
    }
}

/// A Typeform import by "Test Lead" at [`now`] under the given questions and policy.
pub(super) fn context<'a>(questions: &'a QuestionSet, policy: &'a Policy) -> ImportContext<'a> {
    ImportContext {
        source: "typeform",
        questions,
        policy,
        now: now(),
        actor: "Test Lead",
    }
}

fn plan(data: &Dataset, responses: &[SurveyResponse]) -> SurveyImportPlan {
    let (questions, policy) = (QuestionSet::defaults(), Policy::default());
    let cx = context(&questions, &policy);
    plan_survey_import(
        data,
        responses,
        cx,
        &mut IdAllocator::after(data).expect("room for ids"),
    )
}

#[test]
fn a_response_completes_like_an_interview_and_opens_the_same_follow_up() {
    let data = data();
    let plan = plan(
        &data,
        &[response(
            2,
            "r1",
            "ada@acme.example",
            &[Some(5), Some(2), None],
        )],
    );
    assert_eq!(plan.rejected, []);
    let [imported] = plan.imported.as_slice() else {
        panic!("one import: {plan:?}");
    };
    assert_eq!((imported.line, imported.lowest.get()), (2, 2));
    let interviews: Vec<&Interview> = plan
        .changes
        .changes
        .iter()
        .filter_map(|c| match c {
            Change::Interview(i) => Some(i),
            _ => None,
        })
        .collect();
    let [interview] = interviews.as_slice() else {
        panic!("one interview: {interviews:?}");
    };
    assert_eq!(interview.status, InterviewStatus::Completed);
    assert_eq!(interview.completed_at, Some(at("2026-11-20T15:00:00Z")));
    assert_eq!(interview.acknowledged_at, None, "the thank-you is owed");
    assert_eq!(
        interview.trigger,
        Trigger::SurveyImport {
            source: "typeform".into(),
            response_id: "r1".into()
        }
    );
    assert_eq!(interview.contact, Some(ContactId(11)));
    assert_eq!(
        interview.answers.len(),
        6,
        "every question, unasked ones blank"
    );
    let understanding = &interview.answers[1];
    assert_eq!(understanding.question, "Survey wording of understanding");
    assert_eq!(
        understanding.comment, "about understanding\nsecond line red",
        "sanitised, line breaks kept"
    );
    assert_eq!(interview.answers[2].score, None, "blank = not asked");
    let followup = plan
        .changes
        .changes
        .iter()
        .find_map(|c| match c {
            Change::FollowUp(f) => Some(f),
            _ => None,
        })
        .expect("a low score opens a follow-up");
    assert_eq!(followup.severity.get(), 2);
    assert_eq!(followup.state, FollowUpState::Open);
    assert_eq!(followup.low_questions, ["understanding"]);
    assert_eq!(
        followup.participants,
        [StaffId(1), StaffId(2), StaffId(3)],
        "a 2 brings senior management"
    );
    assert_eq!(imported.followup, Some(followup.id));
    let imported_event = plan.changes.changes.iter().any(|c| {
        matches!(c, Change::Event(e) if e.kind == EventKind::Imported && e.at == now()
            && e.summary.contains("r1 from ada@acme.example imported from typeform"))
    });
    assert!(imported_event, "{:?}", plan.changes);
}

#[test]
fn re_importing_creates_nothing_twice_and_rejects_with_reasons() {
    let mut data = data();
    let responses = [
        response(2, "r1", "ada@acme.example", &[Some(4)]),
        response(3, "r2", "stranger@x.example", &[Some(4)]),
        response(4, "r3", "ada@acme.example", &[None, None]),
        response(5, "  ", "ada@acme.example", &[Some(4)]),
    ];
    let first = plan(&data, &responses);
    assert_eq!(first.imported.len(), 1);
    let rejected: Vec<u64> = first.rejected.iter().map(|r| r.line).collect();
    assert_eq!(rejected, [3, 4, 5], "{:?}", first.rejected);
    assert!(first.rejected[1].reason.contains("no question is answered"));
    assert!(first.rejected[2].reason.contains("response id is blank"));
    data.apply(&first.changes);

    let second = plan(&data, &responses);
    assert_eq!(second.imported, []);
    assert!(second.changes.is_empty());
    assert_eq!(second.already_imported, [2]);

    // The same id twice in one batch is imported once.
    let twice = plan(
        &data,
        &vec![response(7, "r9", "ada@acme.example", &[Some(5)]); 2],
    );
    assert_eq!((twice.imported.len(), twice.already_imported.len()), (1, 1));
}

#[test]
fn ids_are_unique_per_source_and_future_times_are_taken_as_now() {
    let mut data = data();
    let typeform = plan(&data, &[response(2, "r1", "ada@acme.example", &[Some(5)])]);
    data.apply(&typeform.changes);
    let questions = QuestionSet::defaults();
    let policy = Policy::default();
    let cx = ImportContext {
        source: "qualtrics",
        questions: &questions,
        policy: &policy,
        now: now(),
        actor: "Test Lead",
    };
    let mut later = response(2, "r1", "ada@acme.example", &[Some(5)]);
    later.submitted_at = Some(at("2027-01-01T00:00:00Z"));
    let other = plan_survey_import(
        &data,
        &[later],
        cx,
        &mut IdAllocator::after(&data).expect("room for ids"),
    );
    assert_eq!(
        other.imported.len(),
        1,
        "another source's r1 is another response"
    );
    let completed = other.changes.changes.iter().find_map(|c| match c {
        Change::Interview(i) => i.completed_at,
        _ => None,
    });
    assert_eq!(completed, Some(now()));
}

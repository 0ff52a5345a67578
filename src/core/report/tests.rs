use super::*;
use crate::core::policy::Policy;
use crate::core::queue::queue;
use crate::core::risk::assess;
use crate::core::{
    ActionId, ActionItem, ActionKind, ActionState, Answer, Customer, Individual, InterviewId,
    Money, Role, Score, Staff, StaffId, Tier, Trigger,
};
use chrono::{TimeZone, Utc};

pub(super) fn t(day: u32, hour: u32) -> Instant {
    Utc.with_ymd_and_hms(2026, 11, day, hour, 0, 0)
        .single()
        .expect("valid")
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

pub(super) fn answer(
    key: &str,
    score: Option<u8>,
    comment: &str,
    individual: Individual,
) -> Answer {
    Answer {
        question_key: key.into(),
        question: format!("How is {key}?"),
        score: score.and_then(Score::new),
        comment: comment.into(),
        individual,
    }
}

pub(super) const NO: Individual = Individual::No;
pub(super) const PRIVATE: Individual = Individual::Private;
pub(super) const PRAISE: Individual = Individual::Praise;

/// One customer, one interview completed on 2026-11-10 with every case of the digest rule,
/// and an action whose title names one of our people.
pub(super) fn data() -> Dataset {
    let customer = Customer::new(
        crate::core::CustomerId(3),
        "Acme Freight",
        Money::new(10_000_000, "USD"),
        t(1, 0),
    )
    .with_tier(Tier::Key)
    .with_segment("Logistics")
    .with_region("EMEA")
    .with_account_manager(StaffId(1))
    .with_salesperson(StaffId(2))
    .with_executive_sponsor(StaffId(2));
    let interview = Interview {
        status: InterviewStatus::Completed,
        executive: Some(StaffId(2)),
        completed_at: Some(t(10, 10)),
        answers: vec![
            answer("overall", Some(2), "Sam was rude on the phone.", PRIVATE),
            answer("understanding", Some(5), "Priya was brilliant.", PRAISE),
            answer(
                "responsiveness",
                None,
                "Hard to say; Lee ignores us.",
                PRIVATE,
            ),
            answer(
                "delivery",
                Some(3),
                "dana  REYES promised a date and missed it.",
                NO,
            ),
            answer("resolution", Some(3), "Fixes take too long.", NO),
            answer(
                "loyalty",
                Some(4),
                "Fine overall, but Kim in dispatch was rude.",
                PRIVATE,
            ),
        ],
        notes: "Dana Reyes to call them on Friday.".into(),
        ..Interview::booked(
            InterviewId(5),
            crate::core::CustomerId(3),
            Trigger::Cadence,
            t(10, 9),
        )
    };
    let action = |id: u64, title: &str| ActionItem {
        id: ActionId(id),
        customer: crate::core::CustomerId(3),
        followup: None,
        interview: Some(InterviewId(5)),
        kind: ActionKind::Corrective,
        title: title.into(),
        detail: "Dana Reyes owns this.".into(),
        owner: Some(StaffId(1)),
        due: Some(t(30, 0)),
        state: ActionState::Doing,
        created_at: t(11, 0),
        done_at: None,
        followed_up_at: None,
    };
    Dataset {
        staff: vec![
            staff(1, "Dana Reyes", Role::AccountManager),
            staff(2, "Alex Chen", Role::Executive),
        ],
        customers: vec![customer],
        interviews: vec![interview],
        actions: vec![
            action(7, "Weekly status call"),
            action(8, "Alex Chen to visit their site"),
        ],
        ..Dataset::default()
    }
}

/// Builds the sources over `data` at 2026-11-23 09:00 and hands them to `f`.
pub(super) fn with_sources<R>(data: &Dataset, f: impl FnOnce(&Sources<'_>) -> R) -> R {
    let now = t(23, 9);
    let cal = crate::core::business_time::WorkWeek::default();
    let items = queue(data, &Policy::default(), &cal, now);
    let policy = Policy::default();
    let risk = assess(
        data,
        &items,
        crate::core::monitors::Monitoring::new(now, cal.offset, &policy),
    );
    let questions = QuestionSet::defaults();
    f(&Sources {
        data,
        items: &items,
        risk: &risk,
        questions: &questions,
        work_week: &cal,
        now,
    })
}

fn november() -> Period {
    Period::new(t(1, 0), t(23, 9)).expect("a period")
}

#[test]
fn the_digest_keeps_praise_and_leaves_out_negative_feedback_about_people() {
    let data = data();
    let digest = with_sources(&data, |src| digest(src, november()));
    let kept: Vec<(&str, &str)> = digest
        .comments
        .iter()
        .map(|c| (c.question.as_str(), c.comment.as_str()))
        .collect();
    assert_eq!(
        kept,
        [
            // Marked as praise to share: stays, as written.
            ("understanding", "Priya was brilliant."),
            // Low and not about anyone: stays.
            ("resolution", "Fixes take too long."),
        ],
        "private 2 out, private unscored out, private 4 out, unflagged low naming a staff member out"
    );
    // Neither the action naming one of our people nor any owner appears.
    let titles: Vec<&str> = digest.actions.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(titles, ["Weekly status call"]);
    // Nothing left out leaves a trace anywhere in what the template receives.
    let all = serde_json::to_string(&digest).expect("serialises");
    for gone in [
        "Sam", "Lee", "promised", "Dana", "Reyes", "Alex", "Chen", "Friday", "owns", "Kim",
        "dispatch",
    ] {
        assert!(!all.contains(gone), "{gone} in {all}");
    }
}

#[test]
fn the_rule_case_by_case() {
    let names = digest::staff_names(&data());
    let cases = [
        // Private: out whatever the score, scored or not.
        (answer("q", Some(2), "Sam was rude.", PRIVATE), false),
        (answer("q", Some(3), "Sam was slow.", PRIVATE), false),
        (
            answer("q", Some(4), "Fine, but Sam was rude.", PRIVATE),
            false,
        ),
        (answer("q", Some(5), "Sam was great.", PRIVATE), false),
        (answer("q", None, "Sam, hmm.", PRIVATE), false),
        // Praise to share: in, even naming one of our people.
        (answer("q", Some(5), "Sam was great.", PRAISE), true),
        (answer("q", Some(5), "Alex Chen was superb.", PRAISE), true),
        // Unflagged: in, unless it names one of our people in full.
        (answer("q", Some(2), "Slow deliveries.", NO), true),
        (answer("q", Some(2), "Alex Chen let us down.", NO), false),
        (answer("q", Some(5), "Alex Chen was superb.", NO), false),
        (answer("q", Some(5), "Alex was superb.", NO), true),
        (answer("q", Some(5), "   ", NO), false),
        (answer("q", Some(5), "   ", PRAISE), false),
    ];
    for (a, want) in cases {
        assert_eq!(digest::shareable(&a, &names), want, "{a:?}");
    }
}

#[test]
fn the_debrief_shows_every_comment_and_marks_those_about_individuals() {
    let data = data();
    let d = with_sources(&data, |src| debrief(src, InterviewId(5))).expect("a debrief");
    assert_eq!(d.answers.len(), 6);
    assert!(d.answers[0].individual == PRIVATE && d.answers[0].comment.contains("Sam"));
    assert_eq!(d.answers[1].individual, PRAISE);
    assert_eq!(d.answers[2].score, "N/A");
    assert_eq!(d.about_individuals, 4);
    assert_eq!(d.account_manager, "Dana Reyes");
    assert_eq!(d.executive, "Alex Chen");
    assert_eq!(d.average, "3.4");
    assert_eq!(d.lowest, "2");
    let owed: Vec<&str> = d.owed.iter().map(|o| o.what.as_str()).collect();
    assert!(
        owed.contains(&"Debrief account manager and salesperson"),
        "{owed:?}"
    );
    assert_eq!(d.actions.len(), 2);
}

#[test]
fn a_debrief_needs_a_completed_interview_that_exists() {
    let mut data = data();
    let err = with_sources(&data, |src| debrief(src, InterviewId(99))).expect_err("unknown");
    assert_eq!(err.to_string(), "there is no interview I99");
    data.interviews[0].status = InterviewStatus::Scheduled;
    let err = with_sources(&data, |src| debrief(src, InterviewId(5))).expect_err("booked");
    assert_eq!(
        err.to_string(),
        "I5 is not completed yet: nothing to debrief"
    );
}

#[test]
fn periods_are_half_open_and_compare_with_the_one_before() {
    assert!(Period::new(t(2, 0), t(1, 0)).is_err());
    assert!(Period::new(t(1, 0), t(1, 0)).is_err());
    let p = Period::new(t(10, 0), t(20, 0)).expect("valid");
    let october_31 = t(1, 0) - chrono::Duration::days(1);
    assert_eq!(
        p.previous(),
        Period::new(october_31, t(10, 0)).expect("valid")
    );
    assert!(p.contains(t(10, 0)) && !p.contains(t(20, 0)));
    let data = data();
    assert_eq!(interviews_in(&data, p).len(), 1);
    assert!(interviews_in(&data, p.previous()).is_empty());
}

#[test]
fn the_president_sees_every_low_score_lowest_first_with_the_previous_period() {
    let data = data();
    let p = with_sources(&data, |src| president(src, november()));
    let low: Vec<(u8, &str)> = p
        .low_scores
        .iter()
        .map(|l| (l.score, l.question.as_str()))
        .collect();
    assert_eq!(low, [(2, "overall"), (3, "delivery"), (3, "resolution")]);
    assert_eq!(p.low_scores[0].individual, PRIVATE);
    let figures: Vec<(&str, &str, &str, &str)> = p
        .headline
        .iter()
        .map(|f| {
            (
                f.label.as_str(),
                f.now.as_str(),
                f.before.as_str(),
                f.change.as_str(),
            )
        })
        .collect();
    assert_eq!(figures[0], ("Interviews completed", "1", "0", "↑1"));
    assert_eq!(
        figures[1],
        ("Average score (all answers)", "3.4", "n/a", "n/a")
    );
    assert_eq!(figures[2], ("Scores below 4", "3", "0", "↑3"));
    let q: Vec<(&str, &str, usize)> = p
        .questions
        .iter()
        .map(|q| (q.key.as_str(), q.average.as_str(), q.answers))
        .collect();
    assert_eq!(q[2], ("responsiveness", "n/a", 0));
    assert_eq!(q[3], ("delivery", "3.0", 1));
}

#[test]
fn a_report_owed_on_an_interview_covers_whole_weeks_to_this_one() {
    let cal = crate::core::business_time::WorkWeek::default();
    // 2026-11-19 is a Thursday, 2026-11-23 a Monday.
    let cases = [
        (t(19, 15), t(23, 9), (t(16, 0), t(30, 0))),
        (t(16, 0), t(16, 0), (t(16, 0), t(23, 0))),
        (t(22, 23), t(22, 23), (t(16, 0), t(23, 0))),
        (t(2, 10), t(23, 9), (t(2, 0), t(30, 0))),
    ];
    for (from, now, (since, until)) in cases {
        let p = Period::weeks_from(from, now, &cal);
        assert_eq!((p.since, p.until), (Some(since), until), "{from} {now}");
        assert!(p.contains(from) && p.contains(now));
    }
}

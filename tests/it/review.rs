//! `hearback review` run as the real binary on a store holding a week worked out by hand (the
//! same week as the core's tests, `src/core/review/tests.rs`, where the arithmetic of every
//! figure is written out): the text's sections and figures, the JSON's shape and figures, how
//! a week is chosen (`--week DAY`, `--last`, the current week so far) and refused (a week not
//! begun), and an empty week.

use crate::common;

use chrono::{Duration, TimeZone, Utc};
use hearback::core::*;
use serde_json::Value;
use std::path::{Path, PathBuf};

/// 2026-11-`d` `h`:`m` UTC. Monday the 16th to Sunday the 22nd is the week reviewed.
fn t(d: u32, h: u32, m: u32) -> Instant {
    Utc.with_ymd_and_hms(2026, 11, d, h, m, 0)
        .single()
        .expect("valid")
}

fn person(id: u64, name: &str) -> Staff {
    Staff {
        id: StaffId(id),
        name: name.into(),
        email: None,
        roles: vec![Role::AccountManager],
        bio: String::new(),
        active: true,
    }
}

fn completed(id: u64, customer: u64, at: Instant) -> Interview {
    Interview {
        status: InterviewStatus::Completed,
        completed_at: Some(at),
        ..Interview::booked(InterviewId(id), CustomerId(customer), Trigger::Cadence, at)
    }
}

fn followup(id: u64, customer: u64, severity: u8, opened: Instant) -> FollowUp {
    FollowUp {
        id: FollowUpId(id),
        customer: CustomerId(customer),
        interview: InterviewId(20),
        severity: Score::new(severity).expect("a score"),
        low_questions: vec!["overall".into()],
        owner: None,
        participants: vec![],
        state: FollowUpState::Open,
        opened_at: opened,
        contacted_at: None,
        context: String::new(),
        report_committed_at: None,
        report_presented_at: None,
        closed_at: None,
    }
}

fn action(id: u64, customer: u64, owner: u64, due: Instant) -> ActionItem {
    ActionItem {
        id: ActionId(id),
        customer: CustomerId(customer),
        followup: None,
        interview: None,
        kind: ActionKind::Corrective,
        title: format!("Action {id}"),
        detail: String::new(),
        owner: Some(StaffId(owner)),
        due: Some(due),
        state: ActionState::Doing,
        created_at: t(1, 9, 0),
        done_at: None,
        followed_up_at: None,
    }
}

/// The hand-computed week: Dana (1) manages Acme (C10); Beta (C11) has no account manager;
/// Eve (3) is the executive of I20 and I22; Max (4) owns F32 and A41; Sam (2) owns A42.
pub fn fixture() -> ChangeSet {
    let created = t(1, 0, 0) - Duration::days(31);
    let acme = Customer::new(
        CustomerId(10),
        "Acme Freight",
        Money::new(100, "USD"),
        created,
    )
    .with_account_manager(StaffId(1));
    let beta = Customer::new(CustomerId(11), "Beta Ltd", Money::new(100, "USD"), created);
    let interviews = [
        Interview {
            executive: Some(StaffId(3)),
            prebriefed_at: Some(t(12, 9, 0)),
            acknowledged_at: Some(t(16, 10, 0)),
            debriefed_at: Some(t(14, 10, 0)),
            reported_at: Some(t(19, 9, 0)),
            ..completed(20, 10, t(13, 16, 0))
        },
        Interview {
            acknowledged_at: Some(t(18, 11, 30)),
            debriefed_at: Some(t(19, 10, 0)),
            ..completed(21, 11, t(18, 9, 0))
        },
        Interview {
            executive: Some(StaffId(3)),
            prebriefed_at: Some(t(20, 15, 0)),
            ..Interview::booked(
                InterviewId(22),
                CustomerId(10),
                Trigger::Cadence,
                t(24, 10, 0),
            )
        },
    ];
    let followups = [
        FollowUp {
            owner: Some(StaffId(1)),
            state: FollowUpState::Closed,
            contacted_at: Some(t(17, 10, 0)),
            report_presented_at: Some(t(20, 10, 0)),
            closed_at: Some(t(20, 11, 0)),
            ..followup(30, 10, 2, t(13, 16, 0))
        },
        FollowUp {
            state: FollowUpState::Contacted,
            contacted_at: Some(t(23, 10, 0)),
            ..followup(31, 11, 3, t(18, 9, 0))
        },
        FollowUp {
            owner: Some(StaffId(4)),
            state: FollowUpState::Closed,
            contacted_at: Some(t(3, 9, 0)),
            closed_at: Some(t(18, 15, 0)),
            ..followup(32, 10, 3, t(2, 9, 0))
        },
    ];
    let actions = [
        ActionItem {
            state: ActionState::Done,
            done_at: Some(t(19, 9, 0)),
            ..action(40, 10, 1, t(18, 17, 0))
        },
        action(41, 11, 4, t(17, 17, 0)),
        ActionItem {
            state: ActionState::FollowedUp,
            done_at: Some(t(12, 10, 0)),
            followed_up_at: Some(t(17, 14, 0)),
            ..action(42, 10, 2, t(10, 17, 0))
        },
    ];
    let mut set = ChangeSet::new();
    for (id, name) in [
        (1, "Dana Reyes"),
        (2, "Sam Lee"),
        (3, "Eve Okafor"),
        (4, "Max Stone"),
    ] {
        set.push(Change::Staff(person(id, name)));
    }
    set.push(Change::Customer(acme));
    set.push(Change::Customer(beta));
    interviews
        .into_iter()
        .for_each(|i| set.push(Change::Interview(i)));
    followups
        .into_iter()
        .for_each(|f| set.push(Change::FollowUp(f)));
    actions
        .into_iter()
        .for_each(|a| set.push(Change::Action(a)));
    set
}

/// A data dir holding the fixture.
fn stored() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("d");
    hearback::store::Store::open(&data)
        .and_then(|s| s.commit(&fixture()))
        .expect("the fixture is stored");
    (dir, data)
}

/// `hearback review ARGS` at Wednesday 25 Nov 12:00, which must succeed: its stdout.
fn review(data: &Path, args: &[&str]) -> String {
    let mut all = vec!["--now", "2026-11-25T12:00:00Z", "review"];
    all.extend_from_slice(args);
    common::hearback_ok(data, &all)
}

/// The lines from the one starting with `start` up to the next blank line.
fn section<'a>(text: &'a str, start: &str) -> Vec<&'a str> {
    text.lines()
        .skip_while(|l| !l.starts_with(start))
        .take_while(|l| !l.is_empty())
        .collect()
}

#[test]
fn the_text_shows_the_hand_computed_figures_per_owner() {
    let (_dir, data) = stored();
    let out = review(&data, &["--week", "2026-11-18"]);
    assert!(
        out.starts_with("Week of Mon 16 Nov 2026 to Sun 22 Nov 2026 (complete)\n"),
        "{out}"
    );
    // 11 steps: Dana 7 (3 late: the thank-you, the contact, A40), Eve 1, Max 1 (the close
    // that discharged a late formal report), unassigned 2 (the late debrief of I21).
    assert_eq!(
        section(&out, "Closed:"),
        [
            "Closed: 11 steps done by 4 owners",
            "  Owner       Steps  Late  Follow-ups closed  Actions done",
            "  Dana Reyes      7     3                  1             1",
            "  Eve Okafor      1     0                  0             0",
            "  Max Stone       1     1                  1             0",
            "  Unassigned      2     1                  0             0",
        ]
    );
    // Grouped by owner: each step done late (due time from the queue's rules) and each item
    // still overdue when the week ended (F31 was contacted only on the Monday after).
    assert_eq!(
        section(&out, "Slipped:"),
        [
            "Slipped: 5 steps done late, 2 items overdue at the end of the week",
            "  Dana Reyes",
            "    done late  Thank-you sent       Acme Freight  I20  due Fri 13 Nov 20:00, done 2d 14h late",
            "    done late  Customer contacted   Acme Freight  F30  due Mon 16 Nov 16:00, done 18h 0m late",
            "    done late  Action done          Acme Freight  A40  due Wed 18 Nov 17:00, done 16h 0m late",
            "  Max Stone",
            "    done late  Follow-up closed     Acme Freight  F32  due Tue 17 Nov 09:00, done 1d 6h late",
            "    overdue    Action item          Beta Ltd      A41  due Tue 17 Nov 17:00, 5d 7h overdue",
            "  Unassigned",
            "    done late  Debrief done         Beta Ltd      I21  due Thu 19 Nov 09:00, done 1h 0m late",
            "    overdue    Low-score follow-up  Beta Ltd      F31  due Fri 20 Nov 09:00, 2d 15h overdue",
        ]
    );
    assert_eq!(
        section(&out, "Response times"),
        [
            "Response times against the policy (nearest-rank median and 90th percentile)",
            "  Measure           Owner       Count  Median    90th  In policy",
            // I20: Fri 16:00 -> Mon 10:00 = 8 + 10 business hours; I21: 2 h 30 m.
            "  To thank-you      Dana Reyes      1  18h 0m  18h 0m  0 of 1",
            "                    Unassigned      1  2h 30m  2h 30m  1 of 1",
            // Nearest rank of two values: the median is the 1st, the 90th percentile the 2nd.
            "                    Everyone        2  2h 30m  18h 0m  1 of 2",
            // F30: Fri 16:00 -> Tue 10:00 = 8 h + Monday + 10 h of business time.
            "  To contact        Dana Reyes      1  1d 18h  1d 18h  0 of 1",
            "                    Everyone        1  1d 18h  1d 18h  0 of 1",
            "  To formal report  Dana Reyes      1   3d 0h   3d 0h  1 of 1",
            "                    Everyone        1   3d 0h   3d 0h  1 of 1",
            // Calendar time: F30 Fri 13 16:00 -> Fri 20 11:00; F32 Mon 2 09:00 -> Wed 18 15:00.
            "  To close          Dana Reyes      1  6d 19h  6d 19h  no limit",
            "                    Max Stone       1  16d 6h  16d 6h  no limit",
            "                    Everyone        2  6d 19h  16d 6h  no limit",
        ]
    );
}

#[test]
fn the_json_has_the_same_figures_for_scripts() {
    let (_dir, data) = stored();
    let v: Value = serde_json::from_str(&review(&data, &["--last", "--format", "json"]))
        .expect("review --format json prints JSON");
    assert_eq!(v["week"]["since"], "2026-11-16T00:00:00+00:00");
    assert_eq!(v["week"]["until"], "2026-11-23T00:00:00+00:00");
    assert_eq!(v["week"]["complete"], true);
    let closed = v["closed"].as_array().expect("closed is a list");
    assert_eq!(closed.len(), 11);
    assert_eq!(closed[0]["step"], "thank_you");
    assert_eq!(closed[0]["record"], "I20");
    assert_eq!(closed[0]["owner"], "Dana Reyes");
    assert_eq!(closed[0]["due"], "2026-11-13T20:00:00+00:00");
    assert_eq!(closed[0]["late_minutes"], 62 * 60);
    assert_eq!(
        closed[3]["owner"],
        Value::Null,
        "Beta's thank-you is unassigned"
    );
    assert_eq!(closed[3]["late_minutes"], Value::Null, "on time");
    let late = v["slipped"]["done_late"].as_array().expect("done_late");
    assert_eq!(late.len(), 5);
    let overdue = v["slipped"]["overdue"].as_array().expect("overdue");
    let keys: Vec<&str> = overdue.iter().filter_map(|o| o["key"].as_str()).collect();
    assert_eq!(keys, ["low_score_followup:F31", "action_item:A41"]);
    assert_eq!(overdue[1]["owner"], "Max Stone");
    assert_eq!(overdue[1]["overdue_minutes"], (5 * 24 + 7) * 60);
    let times = v["response_times"].as_array().expect("response_times");
    assert_eq!(times.len(), 10);
    let everyone_thanks = &times[2];
    assert_eq!(everyone_thanks["measure"], "time_to_thank_you");
    assert_eq!(everyone_thanks["everyone"], true);
    assert_eq!(everyone_thanks["business_time"], true);
    assert_eq!(everyone_thanks["count"], 2);
    assert_eq!(everyone_thanks["median_minutes"], 150);
    assert_eq!(everyone_thanks["p90_minutes"], 18 * 60);
    assert_eq!(everyone_thanks["within_policy"], 1);
    let close = &times[9];
    assert_eq!(close["measure"], "time_to_close");
    assert_eq!(close["within_policy"], Value::Null, "no limit");
    assert_eq!(close["p90_minutes"], (16 * 24 + 6) * 60);
    assert_eq!(v["responses"].as_array().map(Vec::len), Some(6));
}

#[test]
fn the_week_is_chosen_by_any_day_in_it_and_defaults_to_this_week_so_far() {
    let (_dir, data) = stored();
    let last = review(&data, &["--last"]);
    assert_eq!(
        review(&data, &["--week", "2026-11-22"]),
        last,
        "Sunday is in it"
    );
    assert_eq!(
        review(&data, &["--week", "2026-11-16"]),
        last,
        "so is Monday"
    );
    let now = review(&data, &[]);
    assert_eq!(review(&data, &["--week"]), now, "--week alone is this week");
    assert!(
        now.starts_with("Week of Mon 23 Nov 2026 to Sun 29 Nov 2026 (so far, to Wed 25 Nov 12:00)"),
        "{now}"
    );
    assert!(
        now.contains("Slipped: 1 step done late, 2 items overdue now"),
        "{now}"
    );
    let out = common::hearback_cli(
        &data,
        &[
            "--now",
            "2026-11-25T12:00:00Z",
            "review",
            "--week",
            "2026-12-01",
        ],
    );
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("the week of 2026-11-30 00:00 has not started yet") && err.contains("--week"),
        "{err}"
    );
}

#[test]
fn an_empty_week_says_so_in_every_section() {
    let (_dir, data) = stored();
    let out = review(&data, &["--week", "2026-10-07"]);
    for want in [
        "Closed: nothing was recorded as done this week.",
        "Slipped: nothing. Every step done this week was on time and nothing is overdue at the end of the week.",
        "Response times: no thank-you, contact, formal report or close was recorded this week.",
    ] {
        assert!(out.contains(want), "{want}\nnot in:\n{out}");
    }
}

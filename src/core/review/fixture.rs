//! The week worked out by hand that the weekly review's tests check against (see `tests.rs`
//! for the policy and the calendar it is read with).

use super::*;
use crate::core::{
    ActionId, ActionItem, ActionKind, ActionState, Customer, FollowUp, FollowUpId, FollowUpState,
    Interview, InterviewId, Money, Role, Score, Staff, Trigger,
};
use chrono::{TimeZone, Utc};

/// 2026-11-`d` `h`:`m` UTC.
pub(super) fn t(d: u32, h: u32, m: u32) -> Instant {
    Utc.with_ymd_and_hms(2026, 11, d, h, m, 0)
        .single()
        .expect("valid")
}

pub(super) const DANA: StaffId = StaffId(1);
pub(super) const SAM: StaffId = StaffId(2);
pub(super) const EVE: StaffId = StaffId(3);
pub(super) const MAX: StaffId = StaffId(4);
pub(super) const ACME: CustomerId = CustomerId(10);
pub(super) const BETA: CustomerId = CustomerId(11);

fn person(id: StaffId, name: &str) -> Staff {
    Staff {
        id,
        name: name.into(),
        email: None,
        roles: vec![Role::AccountManager],
        bio: String::new(),
        active: true,
    }
}

fn completed(id: u64, customer: CustomerId, at: Instant) -> Interview {
    Interview {
        status: InterviewStatus::Completed,
        completed_at: Some(at),
        ..Interview::booked(InterviewId(id), customer, Trigger::Cadence, at)
    }
}

pub(super) fn followup(id: u64, customer: CustomerId, severity: u8, opened: Instant) -> FollowUp {
    FollowUp {
        id: FollowUpId(id),
        customer,
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

fn action(id: u64, customer: CustomerId, owner: StaffId, due: Instant) -> ActionItem {
    ActionItem {
        id: ActionId(id),
        customer,
        followup: None,
        interview: None,
        kind: ActionKind::Corrective,
        title: format!("Action {id}"),
        detail: String::new(),
        owner: Some(owner),
        due: Some(due),
        state: ActionState::Doing,
        created_at: t(1, 9, 0),
        done_at: None,
        followed_up_at: None,
    }
}

/// The week by hand. Acme's account manager is Dana; Beta has none (its work is unassigned).
pub(super) fn fixture() -> Dataset {
    let created = t(1, 0, 0) - Duration::days(31);
    let acme = Customer::new(ACME, "Acme Freight", Money::new(100, "USD"), created)
        .with_account_manager(DANA);
    let beta = Customer::new(BETA, "Beta Ltd", Money::new(100, "USD"), created);
    // I20: Acme, our executive Eve, completed Fri 13 Nov 16:00 (the week before).
    let i20 = Interview {
        executive: Some(EVE),
        prebriefed_at: Some(t(12, 9, 0)),
        acknowledged_at: Some(t(16, 10, 0)),
        debriefed_at: Some(t(14, 10, 0)),
        reported_at: Some(t(19, 9, 0)),
        ..completed(20, ACME, t(13, 16, 0))
    };
    // I21: Beta, no executive and no account manager, completed Wed 18 Nov 09:00.
    let i21 = Interview {
        acknowledged_at: Some(t(18, 11, 30)),
        debriefed_at: Some(t(19, 10, 0)),
        ..completed(21, BETA, t(18, 9, 0))
    };
    // I22: Acme, booked for Tue 24 Nov 10:00, Eve pre-briefed on Fri 20 Nov 15:00.
    let i22 = Interview {
        executive: Some(EVE),
        prebriefed_at: Some(t(20, 15, 0)),
        ..Interview::booked(InterviewId(22), ACME, Trigger::Cadence, t(24, 10, 0))
    };
    // F30: Acme, lowest score 2 (senior: 1 business day), Dana's, opened with I20.
    let f30 = FollowUp {
        owner: Some(DANA),
        state: FollowUpState::Closed,
        contacted_at: Some(t(17, 10, 0)),
        report_presented_at: Some(t(20, 10, 0)),
        closed_at: Some(t(20, 11, 0)),
        ..followup(30, ACME, 2, t(13, 16, 0))
    };
    // F31: Beta, lowest score 3 (2 business days), nobody's, contacted only the week after.
    let f31 = FollowUp {
        state: FollowUpState::Contacted,
        contacted_at: Some(t(23, 10, 0)),
        ..followup(31, BETA, 3, t(18, 9, 0))
    };
    // F32: Acme, Max's, opened Mon 2 Nov, contacted the next day, closed without a report.
    let f32 = FollowUp {
        owner: Some(MAX),
        state: FollowUpState::Closed,
        contacted_at: Some(t(3, 9, 0)),
        closed_at: Some(t(18, 15, 0)),
        ..followup(32, ACME, 3, t(2, 9, 0))
    };
    let a40 = ActionItem {
        state: ActionState::Done,
        done_at: Some(t(19, 9, 0)),
        ..action(40, ACME, DANA, t(18, 17, 0))
    };
    let a41 = action(41, BETA, MAX, t(17, 17, 0));
    let a42 = ActionItem {
        state: ActionState::FollowedUp,
        done_at: Some(t(12, 10, 0)),
        followed_up_at: Some(t(17, 14, 0)),
        ..action(42, ACME, SAM, t(10, 17, 0))
    };
    Dataset {
        staff: vec![
            person(DANA, "Dana Reyes"),
            person(SAM, "Sam Lee"),
            person(EVE, "Eve Okafor"),
            person(MAX, "Max Stone"),
        ],
        customers: vec![acme, beta],
        interviews: vec![i20, i21, i22],
        followups: vec![f30, f31, f32],
        actions: vec![a40, a41, a42],
        ..Dataset::default()
    }
}

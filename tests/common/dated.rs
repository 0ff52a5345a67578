//! Records dated at chosen instants (the ends of time, random ones), for the tests and fuzz
//! targets that check date arithmetic never panics.

use hearback::core::*;

/// Records that put each of `instants` into every rule: a new customer, a deliverable, a
/// booked interview, a completed one owing every step, a follow-up, an action and a snooze.
pub fn records_at(base: &Dataset, instants: &[Instant]) -> ChangeSet {
    let mut ids = IdAllocator::after(base).expect("room for ids");
    let mut set = ChangeSet::new();
    for &at in instants {
        let c = CustomerId(ids.next_id());
        let mut customer = super::customer(c.0, &format!("Far {}", c.0), 1_000_000);
        customer.lifecycle = Lifecycle::Active;
        customer.created_at = at;
        customer.updated_at = at;
        customer.contacts.clear();
        set.changes.push(Change::Customer(customer));
        set.changes.push(Change::Deliverable(Deliverable {
            id: DeliverableId(ids.next_id()),
            customer: c,
            name: "Go-live".into(),
            delivered_at: at,
        }));
        let booked = Interview::booked(InterviewId(ids.next_id()), c, Trigger::AdHoc, at);
        set.changes.push(Change::Interview(booked));
        let done_id = InterviewId(ids.next_id());
        let mut done = Interview::booked(done_id, c, Trigger::Cadence, at);
        done.status = InterviewStatus::Completed;
        done.completed_at = Some(at);
        done.significant_issue = true;
        done.answers = interview_flow::blank_answers(&QuestionSet::defaults());
        for a in &mut done.answers {
            a.score = Score::new(1);
        }
        set.changes.push(Change::Interview(done.clone()));
        for state in [FollowUpState::Open, FollowUpState::Contacted] {
            let mut f = super::followup(ids.next_id());
            (f.customer, f.interview, f.state) = (c, done_id, state);
            f.opened_at = at;
            f.contacted_at = Some(at);
            set.changes.push(Change::FollowUp(f));
        }
        for state in [ActionState::Doing, ActionState::Done] {
            let mut a = super::action(ids.next_id());
            (a.customer, a.followup, a.interview, a.state) = (c, None, Some(done_id), state);
            a.due = Some(at);
            a.created_at = at;
            a.done_at = Some(at);
            set.changes.push(Change::Action(a));
        }
        let mut s = super::snooze();
        s.customer = c;
        s.until = at;
        set.changes.push(Change::Snooze(s));
    }
    set
}

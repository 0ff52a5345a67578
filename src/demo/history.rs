//! One customer's two years: interviews and their closed loop, deliverables, requests, churn.

use super::dates::{DAY, between, days, shift};
use super::followups::Deck;
use super::interview::{booked_interview, past_interview};
use super::notes::REQUESTS;
use super::plan::Plan;
use super::rng::Rng;
use super::schedule::Schedule;
use super::team::Team;
use crate::core::policy::Policy;
use crate::core::{
    ActionItem, Change, ChangeSet, ContactId, Customer, CustomerId, Dataset, Deliverable,
    DeliverableId, EventKind, FollowUp, IdAllocator, Instant, Interview, Lifecycle, PreBrief,
    QuestionSet, TimelineEvent,
};

/// What every part of one customer's history reads: the clock, the team, the customer.
pub(crate) struct Scene<'a> {
    /// The demo's `now`, whole seconds.
    pub now: Instant,
    /// Our people.
    pub team: &'a Team,
    /// The six questions.
    pub questions: &'a QuestionSet,
    /// Our staff as a dataset, for the programme's rules that look people up.
    pub roster: &'a Dataset,
    /// The shipped closed-loop policy.
    pub policy: &'a Policy,
    /// The customer whose history this is.
    pub customer: &'a Customer,
    /// Its part in the story.
    pub plan: &'a Plan,
    /// Its dates.
    pub schedule: &'a Schedule,
}

/// The records of one customer's history, ready to be added to the change set.
pub(crate) struct History {
    /// Whose history.
    customer: CustomerId,
    /// Major deliverables.
    pub deliverables: Vec<Deliverable>,
    /// Interviews and survey responses.
    pub interviews: Vec<Interview>,
    /// Follow-ups of low scores.
    pub followups: Vec<FollowUp>,
    /// Corrective and preventive actions.
    pub actions: Vec<ActionItem>,
    /// The timeline.
    pub events: Vec<TimelineEvent>,
}

impl History {
    /// An empty history of `customer`.
    fn new(customer: CustomerId) -> History {
        History {
            customer,
            deliverables: Vec::new(),
            interviews: Vec::new(),
            followups: Vec::new(),
            actions: Vec::new(),
            events: Vec::new(),
        }
    }

    /// Appends a timeline event about the record `reference` (a display id such as `I12`).
    pub(crate) fn event(
        &mut self,
        at: Instant,
        actor: &str,
        kind: EventKind,
        summary: String,
        reference: Option<String>,
    ) {
        self.events.push(TimelineEvent {
            customer: self.customer,
            at,
            actor: actor.to_string(),
            kind,
            summary,
            reference,
        });
    }

    /// Adds every record to `out`, the timeline in time order.
    pub(crate) fn push_into(mut self, out: &mut ChangeSet) {
        self.events.sort_by_key(|e| e.at);
        out.changes.reserve(
            self.deliverables.len()
                + self.interviews.len()
                + self.followups.len()
                + self.actions.len()
                + self.events.len(),
        );
        out.changes
            .extend(self.deliverables.into_iter().map(Change::Deliverable));
        out.changes
            .extend(self.interviews.into_iter().map(Change::Interview));
        out.changes
            .extend(self.followups.into_iter().map(Change::FollowUp));
        out.changes
            .extend(self.actions.into_iter().map(Change::Action));
        out.changes
            .extend(self.events.into_iter().map(Change::Event));
    }
}

/// Builds the history of the customer in `scene`.
pub(crate) fn build(
    scene: &Scene,
    ids: &mut IdAllocator,
    rng: &mut Rng,
    deck: &mut Deck,
) -> History {
    let c = scene.customer;
    let team = scene.team;
    let am = team.name(c.account_manager);
    let mut h = History::new(c.id);
    h.event(
        c.created_at,
        "demo",
        EventKind::CustomerCreated,
        format!(
            "Customer created: {} ({} account, {})",
            c.name,
            c.tier.as_str(),
            c.size.compact()
        ),
        Some(c.id.to_string()),
    );
    if c.prebrief != PreBrief::default() {
        h.event(
            scene.schedule.prebrief_at,
            am,
            EventKind::PreBriefEdited,
            "Pre-brief notes updated".to_string(),
            None,
        );
    }
    let count = scene.schedule.past.len();
    for (k, &start) in scene.schedule.past.iter().enumerate() {
        let pos = (count - 1 - k) as u32;
        past_interview(scene, start, pos, ids, rng, deck, &mut h);
    }
    if let Some(start) = scene.schedule.next {
        booked_interview(scene, start, ids, rng, &mut h);
    }
    if let Some(at) = scene.schedule.fresh_deliverable {
        let name = rng.pick(scene.plan.segment.deliverables);
        deliverable(scene, name, at, ids, &mut h);
    }
    requests(scene, rng, &mut h);
    if let Lifecycle::Lost { reason, at } = &c.lifecycle {
        h.event(
            *at,
            am,
            EventKind::CustomerLost,
            format!("Marked lost: {reason}"),
            Some(c.id.to_string()),
        );
    }
    if let Some(at) = scene.schedule.archived_at {
        h.event(
            at,
            am,
            EventKind::CustomerUpdated,
            "Archived: account dormant, kept for its history".to_string(),
            Some(c.id.to_string()),
        );
    }
    h
}

/// A contact of the customer: usually the main one.
pub(crate) fn pick_contact(c: &Customer, rng: &mut Rng) -> Option<ContactId> {
    let main = c.contacts.first().map(|p| p.id);
    if rng.chance(0.7) {
        main
    } else {
        rng.choose(&c.contacts).map(|p| p.id).or(main)
    }
}

/// A contact's name, or a stand-in when the customer has none.
pub(crate) fn contact_name(c: &Customer, id: Option<ContactId>) -> &str {
    id.and_then(|id| c.contact(id))
        .map_or("their contact", |p| p.name.as_str())
}

/// Records a major deliverable and its timeline event.
pub(crate) fn deliverable(
    scene: &Scene,
    name: &str,
    at: Instant,
    ids: &mut IdAllocator,
    h: &mut History,
) {
    let d = Deliverable {
        id: DeliverableId(ids.next_id()),
        customer: scene.customer.id,
        name: name.to_string(),
        delivered_at: at,
    };
    h.event(
        at,
        scene.team.name(scene.customer.account_manager),
        EventKind::DeliverableRecorded,
        format!("Delivered: {name}"),
        Some(d.id.to_string()),
    );
    h.deliverables.push(d);
}

/// A few things the customer asked for, and our answers (a recent one may still be open).
fn requests(scene: &Scene, rng: &mut Rng, h: &mut History) {
    let (now, team, c) = (scene.now, scene.team, scene.customer);
    let count = if rng.chance(0.35) {
        1 + rng.index(2)
    } else {
        0
    };
    let first = rng.index(REQUESTS.len());
    let until = scene
        .schedule
        .lost_at
        .or(scene.schedule.archived_at)
        .unwrap_or(now);
    for k in 0..count {
        let Some((asked, answered)) = REQUESTS.get((first + k * 3) % REQUESTS.len()) else {
            continue;
        };
        let from = days(until, -700).max(c.created_at);
        let at = between(rng, from, days(until, -1));
        h.event(
            at,
            team.name(c.account_manager),
            EventKind::CustomerRequest,
            asked.to_string(),
            None,
        );
        let reply = shift(at, rng.range(DAY, 8 * DAY));
        if reply <= now {
            let by = if rng.chance(0.5) {
                c.account_manager
            } else {
                c.service_manager
            };
            h.event(
                reply,
                team.name(by),
                EventKind::OurResponse,
                answered.to_string(),
                None,
            );
        }
    }
}

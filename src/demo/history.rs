//! One customer's two years: interviews and their closed loop, deliverables, requests, churn.

use super::answers::{Scoring, answers};
use super::dates::{self, between, day_text, days, shift};
use super::followups::{self, Deck};
use super::notes::{INTERVIEW_NOTES, REQUESTS};
use super::plan::{Missing, Plan, Rhythm, Schedule};
use super::rng::Rng;
use super::team::Team;
use crate::core::{
    ActionItem, Change, ChangeSet, ContactId, Customer, CustomerId, Deliverable, DeliverableId,
    EventKind, FollowUp, IdAllocator, Instant, Interview, InterviewId, InterviewStatus, Lifecycle,
    QuestionSet, TimelineEvent, Trigger,
};

/// Minutes in a day, for offsets.
const DAY: i64 = 24 * 60;

/// What every part of one customer's history reads: the clock, the team, the customer.
pub(crate) struct Scene<'a> {
    /// The demo's `now`, whole seconds.
    pub now: Instant,
    /// Our people.
    pub team: &'a Team,
    /// The six questions.
    pub questions: &'a QuestionSet,
    /// The customer whose history this is.
    pub customer: &'a Customer,
    /// Its part in the story.
    pub plan: &'a Plan,
    /// Its dates.
    pub schedule: &'a Schedule,
}

/// The records of one customer's history, ready to be added to the change set.
pub(crate) struct History {
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
    if c.prebrief != Default::default() {
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
fn pick_contact(c: &Customer, rng: &mut Rng) -> Option<ContactId> {
    let main = c.contacts.first().map(|p| p.id);
    if rng.chance(0.7) {
        main
    } else {
        rng.choose(&c.contacts).map(|p| p.id).or(main)
    }
}

/// A contact's name, or a stand-in when the customer has none.
fn contact_name(c: &Customer, id: Option<ContactId>) -> &str {
    id.and_then(|id| c.contact(id))
        .map_or("their contact", |p| p.name.as_str())
}

fn deliverable(scene: &Scene, name: &str, at: Instant, ids: &mut IdAllocator, h: &mut History) {
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

/// A completed interview (or survey response) `pos` interviews before the latest, its closed
/// loop, and the follow-up it opens if anything scored below 4.
fn past_interview(
    scene: &Scene,
    start: Instant,
    pos: u32,
    ids: &mut IdAllocator,
    rng: &mut Rng,
    deck: &mut Deck,
    h: &mut History,
) {
    let (now, team, c, plan) = (scene.now, scene.team, scene.customer, scene.plan);
    let latest = pos == 0;
    let missing = match plan.rhythm {
        Rhythm::Overdue(m) if latest => Some(m),
        _ => None,
    };
    let forced_low = if latest { plan.forced_low } else { None };
    let survey = missing.is_none() && forced_low.is_none() && rng.chance(0.08);
    let id = InterviewId(ids.next_id());
    let reference = Some(id.to_string());
    let contact = pick_contact(c, rng);
    let who = contact_name(c, contact);
    let am = team.name(c.account_manager);
    let executive = if survey {
        None
    } else if rng.chance(0.8) {
        c.executive_sponsor
    } else {
        rng.choose(&team.executives).copied()
    };
    let exec = team.name(executive);

    let roll = rng.unit();
    let trigger = if survey {
        Trigger::SurveyImport {
            source: "typeform".to_string(),
            response_id: response_id(rng),
        }
    } else if roll < 0.14 {
        let name = rng.pick(plan.segment.deliverables);
        let at = shift(start, -rng.range(7 * DAY, 21 * DAY));
        deliverable(scene, name, at, ids, h);
        Trigger::Deliverable {
            name: name.to_string(),
        }
    } else if roll < 0.19 {
        Trigger::AdHoc
    } else {
        Trigger::Cadence
    };

    let (invitation, bio, prebriefed, started, completed);
    if survey {
        let sent = shift(start, -rng.range(2 * DAY, 8 * DAY));
        h.event(
            sent,
            am,
            EventKind::InvitationSent,
            format!("Survey link sent to {who}"),
            reference.clone(),
        );
        (invitation, bio, prebriefed) = (Some(sent), None, None);
        (started, completed) = (None, start);
    } else {
        let booked = shift(start, -rng.range(10 * DAY, 35 * DAY));
        let why = match &trigger {
            Trigger::Deliverable { name } => format!(" after {name}"),
            Trigger::AdHoc => " at their request".to_string(),
            _ => String::new(),
        };
        h.event(
            booked,
            am,
            EventKind::InterviewScheduled,
            format!("Interview with {who} booked for {}{why}", day_text(start)),
            reference.clone(),
        );
        invitation = rng
            .chance(0.8)
            .then(|| between(rng, days(booked, 1), days(start, -2)));
        bio = invitation.filter(|_| executive.is_some() && rng.chance(0.6));
        prebriefed = rng
            .chance(0.9)
            .then(|| between(rng, days(start, -3), dates::hours(start, -2)));
        let begun = shift(start, rng.range(0, 6));
        (started, completed) = (Some(begun), shift(begun, rng.range(28, 42)));
        if let Some(at) = invitation {
            let what = if bio.is_some() {
                format!("Questions and {}'s bio", team.first_name(executive))
            } else {
                "Questions".to_string()
            };
            h.event(
                at,
                am,
                EventKind::InvitationSent,
                format!("{what} sent to {who}"),
                reference.clone(),
            );
        }
        if let Some(at) = prebriefed {
            h.event(
                at,
                am,
                EventKind::PreBriefed,
                format!("{exec} pre-briefed"),
                reference.clone(),
            );
        }
    }

    let scoring = Scoring {
        mood: plan.mood,
        lift: plan.lift,
        pos,
        survey,
        forced_low,
    };
    let answers = answers(scene.questions, &scoring, rng);
    let lowest = answers
        .iter()
        .filter_map(|a| a.score)
        .min()
        .map_or(5, |s| s.get());
    let significant = match lowest {
        1 | 2 => forced_low.is_some() || rng.chance(0.85),
        3 => rng.chance(0.1),
        _ => false,
    };

    // The closed loop, mostly on time; anything that would lie after `now` has not happened.
    let done = completed;
    let past = |t: Instant| (t <= now).then_some(t);
    let ack = if rng.chance(0.93) {
        shift(done, rng.range(20, 300))
    } else {
        shift(done, rng.range(DAY, 2 * DAY))
    };
    let debrief = if rng.chance(0.85) {
        shift(done, rng.range(60, 1200))
    } else {
        shift(done, rng.range(26 * 60, 50 * 60))
    };
    let informed = shift(done, rng.range(120, DAY));
    let report_delay = if rng.chance(0.85) { (2, 6) } else { (8, 11) };
    let reported = shift(done, rng.range(report_delay.0 * DAY, report_delay.1 * DAY));
    let shared = shift(reported, rng.range(3 * DAY, 14 * DAY));
    let mut acknowledged_at = past(ack);
    let mut debriefed_at = past(debrief);
    let mut executives_informed_at = if significant { past(informed) } else { None };
    let mut reported_at = past(reported);
    match missing {
        Some(Missing::Acknowledgement) => acknowledged_at = None,
        Some(Missing::Debrief) => {
            debriefed_at = None;
            executives_informed_at = None;
            reported_at = None;
        }
        Some(Missing::Report) => reported_at = None,
        None => {}
    }
    let disseminated_at = reported_at.and(past(shared));

    let interview = Interview {
        id,
        customer: c.id,
        contact,
        executive,
        trigger,
        scheduled_at: start,
        duration_minutes: 30,
        location: if survey {
            Some("Online survey".to_string())
        } else {
            match rng.below(10) {
                0..7 => None,
                7 | 8 => Some("Video call".to_string()),
                _ => Some("Our offices".to_string()),
            }
        },
        invitation_sent_at: invitation,
        bio_sent_at: bio,
        prebriefed_at: prebriefed,
        status: InterviewStatus::Completed,
        started_at: started,
        completed_at: Some(completed),
        answers,
        significant_issue: significant,
        acknowledged_at,
        debriefed_at,
        executives_informed_at,
        reported_at,
        disseminated_at,
        notes: if !survey && rng.chance(0.35) {
            rng.pick(INTERVIEW_NOTES).to_string()
        } else {
            String::new()
        },
    };
    loop_events(scene, &interview, h);
    followups::open(scene, &interview, missing.is_some(), ids, rng, deck, h);
    h.interviews.push(interview);
}

/// The timeline of a completed interview's closed loop.
fn loop_events(scene: &Scene, i: &Interview, h: &mut History) {
    let (team, c) = (scene.team, scene.customer);
    let reference = Some(i.id.to_string());
    let who = contact_name(c, i.contact);
    let survey = matches!(i.trigger, Trigger::SurveyImport { .. });
    let actor = if survey {
        team.name(c.account_manager)
    } else {
        team.name(i.executive)
    };
    let average = i.average_score().unwrap_or(0.0);
    let lowest = i.lowest_score().map_or(0, |s| s.get());
    if let Some(at) = i.completed_at {
        let summary = if survey {
            format!(
                "Survey response from {who} imported from typeform: average {average:.1}, lowest {lowest}"
            )
        } else {
            format!("Interview with {who} completed: average {average:.1}, lowest {lowest}")
        };
        let by = if survey { "demo" } else { actor };
        h.event(
            at,
            by,
            EventKind::InterviewCompleted,
            summary,
            reference.clone(),
        );
    }
    let sales = team.first_name(c.salesperson);
    let am = team.first_name(c.account_manager);
    let debriefed = if c.salesperson == c.account_manager {
        format!("Debriefed {am}")
    } else {
        format!("Debriefed {am} and {sales}")
    };
    let left_out = i.answers.iter().filter(|a| a.about_individual).count();
    let shared = match left_out {
        0 => "Results shared with the workforce".to_string(),
        1 => {
            "Results shared with the workforce; one remark about an individual left out".to_string()
        }
        n => format!("Results shared with the workforce; {n} remarks about individuals left out"),
    };
    let steps = [
        (
            i.acknowledged_at,
            EventKind::Acknowledged,
            format!("Thank-you note sent to {who}"),
        ),
        (i.debriefed_at, EventKind::Debriefed, debriefed),
        (
            i.executives_informed_at,
            EventKind::ExecutivesInformed,
            "Other executives informed of a significant issue".to_string(),
        ),
        (
            i.reported_at,
            EventKind::ReportedToPresident,
            format!("Written report sent to {}", team.name(team.president)),
        ),
        (i.disseminated_at, EventKind::Disseminated, shared),
    ];
    for (at, kind, summary) in steps {
        if let Some(at) = at {
            h.event(at, actor, kind, summary, reference.clone());
        }
    }
}

/// The next interview, booked for a date after `now`.
fn booked_interview(
    scene: &Scene,
    start: Instant,
    ids: &mut IdAllocator,
    rng: &mut Rng,
    h: &mut History,
) {
    let (now, team, c) = (scene.now, scene.team, scene.customer);
    let id = InterviewId(ids.next_id());
    let reference = Some(id.to_string());
    let contact = pick_contact(c, rng);
    let who = contact_name(c, contact);
    let am = team.name(c.account_manager);
    let booked = between(rng, days(now, -20), days(now, -2)).max(c.created_at);
    let invitation = rng.chance(0.6).then(|| between(rng, booked, now));
    let bio = invitation.filter(|_| rng.chance(0.6));
    let soon = start <= days(now, 3);
    let prebriefed =
        (soon && rng.chance(0.5)).then(|| between(rng, days(now, -1).max(booked), now));
    let trigger = if rng.chance(0.1) {
        Trigger::AdHoc
    } else {
        Trigger::Cadence
    };
    h.event(
        booked,
        am,
        EventKind::InterviewScheduled,
        format!("Interview with {who} booked for {}", day_text(start)),
        reference.clone(),
    );
    if let Some(at) = invitation {
        let what = if bio.is_some() {
            format!(
                "Questions and {}'s bio",
                team.first_name(c.executive_sponsor)
            )
        } else {
            "Questions".to_string()
        };
        h.event(
            at,
            am,
            EventKind::InvitationSent,
            format!("{what} sent to {who}"),
            reference.clone(),
        );
    }
    if let Some(at) = prebriefed {
        let exec = team.name(c.executive_sponsor);
        h.event(
            at,
            am,
            EventKind::PreBriefed,
            format!("{exec} pre-briefed"),
            reference,
        );
    }
    h.interviews.push(Interview {
        id,
        customer: c.id,
        contact,
        executive: c.executive_sponsor,
        trigger,
        scheduled_at: start,
        duration_minutes: 30,
        location: None,
        invitation_sent_at: invitation,
        bio_sent_at: bio,
        prebriefed_at: prebriefed,
        status: InterviewStatus::Scheduled,
        started_at: None,
        completed_at: None,
        answers: Vec::new(),
        significant_issue: false,
        acknowledged_at: None,
        debriefed_at: None,
        executives_informed_at: None,
        reported_at: None,
        disseminated_at: None,
        notes: String::new(),
    });
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

/// A survey tool's response id: 16 lower-case letters and digits.
fn response_id(rng: &mut Rng) -> String {
    const ALPHABET: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";
    (0..16)
        .map(|_| char::from(ALPHABET[rng.index(ALPHABET.len())]))
        .collect()
}

//! Interviews: the completed ones with their closed loop, and the next one booked.

use super::answers::{Scoring, answers};
use super::dates::{DAY, between, day_text, days, later, shift};
use super::followups::{self, Deck};
use super::history::{History, Scene, contact_name, deliverable, pick_contact};
use super::notes::INTERVIEW_NOTES;
use super::plan::{Missing, Rhythm};
use super::rng::Rng;
use crate::core::{
    EventKind, FollowUpState, IdAllocator, Individual, Instant, Interview, InterviewId,
    InterviewStatus, Score, Trigger,
};

/// A completed interview (or survey response) `pos` interviews before the latest, its closed
/// loop, and the follow-up it opens if anything scored below 4.
pub(crate) fn past_interview(
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

    // An interview after a deliverable is booked soon after it (it is due within two weeks).
    let roll = rng.unit();
    let lead = if roll < 0.14 {
        rng.range(6, 10)
    } else {
        rng.range(10, 35)
    };
    let booked = later(rng, start, -lead, -lead);
    let trigger = if survey {
        Trigger::SurveyImport {
            source: "typeform".to_string(),
            response_id: response_id(rng),
        }
    } else if roll < 0.14 {
        let name = rng.pick(plan.segment.deliverables);
        let at = later(rng, booked, -3, -1);
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
        let sent = later(rng, start, -8, -2);
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
            .then(|| later(rng, start, 1 - lead, -2).max(shift(booked, 60)));
        bio = invitation.filter(|_| executive.is_some() && rng.chance(0.6));
        prebriefed = rng.chance(0.9).then(|| later(rng, start, -3, -1));
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
        .map_or(5, Score::get);
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
    let (lo, hi) = if rng.chance(0.85) { (2, 6) } else { (8, 11) };
    let reported = later(rng, done, lo, hi);
    let shared = later(rng, reported, 3, 14);
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
    let stage = match plan.rhythm {
        Rhythm::Overdue(_) if latest => Some(FollowUpState::Open),
        Rhythm::InFollowUp(stage) if latest => Some(stage),
        _ => None,
    };
    followups::open(scene, &interview, stage, ids, rng, deck, h);
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
    let lowest = i.lowest_score().map_or(0, Score::get);
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
    let left_out = i
        .answers
        .iter()
        .filter(|a| a.individual == Individual::Private)
        .count();
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
pub(crate) fn booked_interview(
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
        contact,
        executive: c.executive_sponsor,
        invitation_sent_at: invitation,
        bio_sent_at: bio,
        prebriefed_at: prebriefed,
        ..Interview::booked(id, c.id, trigger, start)
    });
}

/// A survey tool's response id: 16 lower-case letters and digits.
fn response_id(rng: &mut Rng) -> String {
    const ALPHABET: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";
    (0..16)
        .map(|_| char::from(ALPHABET[rng.index(ALPHABET.len())]))
        .collect()
}

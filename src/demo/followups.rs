//! Low scores followed up: who calls, what they learn, and the actions that come out of it.

use super::dates::{DAY, between, day_text, days, later, on_day_at, shift};
use super::history::{History, Scene, contact_name};
use super::remedies::remedy;
use super::rng::Rng;
use crate::core::completion::participants;
use crate::core::{
    ActionId, ActionItem, ActionKind, ActionState, EventKind, FollowUp, FollowUpId, FollowUpState,
    IdAllocator, Instant, Interview,
};
use std::collections::VecDeque;

/// Deals board columns to actions still in progress, in turn, so every column is populated
/// whatever the seed (a random draw could leave one empty in a small demo). A `late` card is
/// the failure the console exists to catch: a to-do or doing past its due date, or a done
/// action the customer has not been told about for over a week. Late cards wait for an action
/// old enough to be late.
#[derive(Debug, Default)]
pub(crate) struct Deck {
    /// Cards not yet dealt from the current round.
    pending: VecDeque<(ActionState, bool)>,
}

/// The order cards are dealt in: (column, late).
const CARDS: [(ActionState, bool); 8] = [
    (ActionState::ToDo, true),
    (ActionState::Doing, false),
    (ActionState::Done, true),
    (ActionState::FollowedUp, false),
    (ActionState::Doing, true),
    (ActionState::ToDo, false),
    (ActionState::Done, false),
    (ActionState::FollowedUp, false),
];

impl Deck {
    /// The next card an action of this age can take: (column, late).
    fn deal(&mut self, old_enough: bool) -> (ActionState, bool) {
        if self.pending.is_empty() {
            self.pending.extend(CARDS);
        }
        let fits = self
            .pending
            .iter()
            .position(|&(_, late)| old_enough || !late)
            .unwrap_or(0);
        let (column, late) = self
            .pending
            .remove(fits)
            .unwrap_or((ActionState::ToDo, false));
        (column, late && old_enough)
    }
}

/// Opens the follow-up a completed interview calls for (any score below the policy's
/// threshold, 4), takes it as far as the time since allows, and adds its actions. `stage`, when
/// set, is where the story needs it to be (an overdue loop stays open).
pub(crate) fn open(
    scene: &Scene,
    interview: &Interview,
    stage: Option<FollowUpState>,
    ids: &mut IdAllocator,
    rng: &mut Rng,
    deck: &mut Deck,
    h: &mut History,
) {
    let (now, team, c) = (scene.now, scene.team, scene.customer);
    let (Some(severity), Some(opened)) = (interview.lowest_score(), interview.completed_at) else {
        return;
    };
    let threshold = scene.policy.low_scores.threshold;
    if severity.get() >= threshold {
        return;
    }
    let low: Vec<&crate::core::Answer> = interview
        .answers
        .iter()
        .filter(|a| a.score.is_some_and(|s| s.get() < threshold))
        .collect();
    let worst = low
        .iter()
        .min_by_key(|a| a.score)
        .map_or("overall", |a| a.question_key.as_str());
    let owner = c.account_manager;
    // Who takes part is the programme's rule, not the demo's: the same function the console
    // uses when an interview is completed.
    let participants = participants(scene.roster, c, severity.get(), scene.policy).people;

    // How far the loop got: by the follow-up's age, never past `now`.
    let age_days = (now - opened).num_hours() / 24;
    let roll = rng.below(100);
    let mut state = match (stage, age_days) {
        (Some(stage), _) => stage,
        (None, 0) => FollowUpState::Open,
        (None, 1..40) => match roll {
            0..25 => FollowUpState::Open,
            25..60 => FollowUpState::Contacted,
            _ => FollowUpState::ReportCommitted,
        },
        (None, 40..90) => match roll {
            0..10 => FollowUpState::Contacted,
            10..50 => FollowUpState::ReportCommitted,
            _ => FollowUpState::Closed,
        },
        _ => FollowUpState::Closed,
    };
    let contact_delay = if severity.get() <= 2 {
        rng.range(4 * 60, 36 * 60)
    } else {
        rng.range(12 * 60, 96 * 60)
    };
    let contacted = shift(opened, contact_delay);
    let committed = later(rng, contacted, 1, 7);
    let presented = later(rng, committed, 5, 20);
    let closed = later(rng, presented, 1, 7);
    if state == FollowUpState::Closed && closed > now {
        state = FollowUpState::ReportCommitted;
    }
    if state == FollowUpState::ReportCommitted && committed > now {
        state = FollowUpState::Contacted;
    }
    if state == FollowUpState::Contacted && contacted > now {
        state = FollowUpState::Open;
    }
    let reached = |s: FollowUpState| rank(state) >= rank(s);
    let presented_at = match state {
        FollowUpState::Closed => Some(presented),
        FollowUpState::ReportCommitted if presented <= now && rng.chance(0.4) => Some(presented),
        _ => None,
    };

    let followup = FollowUp {
        id: FollowUpId(ids.next_id()),
        customer: c.id,
        interview: interview.id,
        severity,
        low_questions: low.iter().map(|a| a.question_key.clone()).collect(),
        owner,
        participants,
        state,
        opened_at: opened,
        contacted_at: reached(FollowUpState::Contacted).then_some(contacted),
        context: if reached(FollowUpState::Contacted) {
            rng.pick(remedy(worst).contexts).to_string()
        } else {
            String::new()
        },
        report_committed_at: reached(FollowUpState::ReportCommitted).then_some(committed),
        report_presented_at: presented_at,
        closed_at: reached(FollowUpState::Closed).then_some(closed),
    };

    let reference = Some(followup.id.to_string());
    let who = followup
        .participants
        .iter()
        .map(|p| team.first_name(Some(*p)))
        .collect::<Vec<_>>()
        .join(", ");
    let keys = followup.low_questions.join(", ");
    h.event(
        opened,
        "demo",
        EventKind::FollowUpOpened,
        format!("Lowest score {} on {keys}: {who} to call", severity.get()),
        reference.clone(),
    );
    let by = team.name(owner);
    let called = format!(
        "Called {}; context recorded",
        contact_name(c, interview.contact)
    );
    let steps = [
        (
            followup.contacted_at,
            EventKind::FollowUpContacted,
            called.as_str(),
        ),
        (
            followup.report_committed_at,
            EventKind::FollowUpReportCommitted,
            "Committed to a formal report with actions",
        ),
        (
            followup.report_presented_at,
            EventKind::FollowUpReportPresented,
            "Report presented to the customer",
        ),
        (
            followup.closed_at,
            EventKind::FollowUpClosed,
            "Loop closed with the customer",
        ),
    ];
    for (at, kind, summary) in steps {
        if let Some(at) = at {
            h.event(at, by, kind, summary.to_string(), reference.clone());
        }
    }

    // Actions come with the formal report; a call alone sometimes yields a quick fix.
    let created = match state {
        FollowUpState::ReportCommitted | FollowUpState::Closed => Some(committed),
        FollowUpState::Contacted if rng.chance(0.5) => Some(contacted),
        _ => None,
    };
    if let Some(created) = created {
        let r = remedy(worst);
        let first = rng.index(r.corrective.len());
        let mut plan = vec![(ActionKind::Corrective, r.corrective.get(first))];
        if state != FollowUpState::Contacted {
            plan.push((ActionKind::Preventive, rng.choose(r.preventive)));
            if rng.chance(0.3) {
                plan.push((
                    ActionKind::Corrective,
                    r.corrective.get((first + 1) % r.corrective.len()),
                ));
            }
        }
        for (kind, text) in plan {
            if let Some(&(title, detail)) = text {
                let draft = Draft {
                    kind,
                    title,
                    detail,
                    created,
                };
                action(scene, &followup, draft, ids, rng, deck, h);
            }
        }
    }
    h.followups.push(followup);
}

/// The order of states in the loop.
fn rank(s: FollowUpState) -> u8 {
    match s {
        FollowUpState::Open => 0,
        FollowUpState::Contacted => 1,
        FollowUpState::ReportCommitted => 2,
        FollowUpState::Closed => 3,
    }
}

/// What an action will be before it is placed on the board.
struct Draft {
    /// Corrective or preventive.
    kind: ActionKind,
    /// One line: what will be done.
    title: &'static str,
    /// Longer description.
    detail: &'static str,
    /// When it was agreed.
    created: Instant,
}

/// One action of a follow-up: owner, due date, how far it has moved on the board, and its
/// timeline.
fn action(
    scene: &Scene,
    f: &FollowUp,
    draft: Draft,
    ids: &mut IdAllocator,
    rng: &mut Rng,
    deck: &mut Deck,
    h: &mut History,
) {
    let (now, team, c) = (scene.now, scene.team, scene.customer);
    let Draft {
        kind,
        title,
        detail,
        created,
    } = draft;
    let service_led = f
        .low_questions
        .iter()
        .any(|k| matches!(k.as_str(), "responsiveness" | "resolution" | "delivery"));
    let owner = match kind {
        ActionKind::Corrective if service_led => c.service_manager,
        ActionKind::Corrective => c.account_manager,
        ActionKind::Preventive if rng.chance(0.5) => c.service_manager,
        ActionKind::Preventive => rng.choose(&team.seniors).copied(),
    };
    let due_days = match kind {
        ActionKind::Corrective => rng.range(7, 28),
        ActionKind::Preventive => rng.range(21, 60),
    };
    let mut due = on_day_at(days(created, due_days), 17 * 60);
    let elapsed = (now - created).num_minutes();
    let part = |num: i64, den: i64| shift(created, elapsed * num / den);

    // Closed loops had their fixes done and reported back before closing, though prevention
    // work agreed in a recent loop may still be under way. Open ones are dealt over the board's
    // columns as far as the time since creation allows.
    let ongoing =
        kind == ActionKind::Preventive && c.is_current() && f.closed_at > Some(days(now, -120));
    let (state, started, done_at, followed_up_at) = match f.closed_at {
        Some(closed) if !ongoing => {
            let span = (closed - created).num_minutes();
            let done = between(rng, created, shift(created, span * 2 / 3));
            let told = between(rng, done, closed);
            (ActionState::FollowedUp, None, Some(done), Some(told))
        }
        _ => {
            let (column, late) = deck.deal(elapsed >= 10 * DAY);
            match column {
                ActionState::Done if late => {
                    let done = between(rng, shift(created, DAY), days(now, -8));
                    (ActionState::Done, None, Some(done), None)
                }
                ActionState::Done if elapsed >= 2 * DAY => {
                    let done = between(rng, part(1, 5).max(days(now, -6)), now);
                    (ActionState::Done, None, Some(done), None)
                }
                ActionState::FollowedUp if elapsed >= 3 * DAY => {
                    let done = between(rng, part(1, 5), part(1, 2));
                    let told = between(rng, done, now);
                    (ActionState::FollowedUp, None, Some(done), Some(told))
                }
                column => {
                    due = if late {
                        on_day_at(between(rng, days(created, 3), days(now, -1)), 17 * 60)
                    } else {
                        due.max(on_day_at(days(now, rng.range(2, 14)), 17 * 60))
                    };
                    if column == ActionState::ToDo {
                        (ActionState::ToDo, None, None, None)
                    } else {
                        let started = between(rng, created, now);
                        (ActionState::Doing, Some(started), None, None)
                    }
                }
            }
        }
    };

    let item = ActionItem {
        id: ActionId(ids.next_id()),
        customer: c.id,
        followup: Some(f.id),
        interview: Some(f.interview),
        kind,
        title: title.to_string(),
        detail: detail.to_string(),
        owner,
        due: Some(due),
        state,
        created_at: created,
        done_at,
        followed_up_at,
    };
    let reference = Some(item.id.to_string());
    let kind_text = match kind {
        ActionKind::Corrective => "Corrective",
        ActionKind::Preventive => "Preventive",
    };
    h.event(
        created,
        team.name(f.owner),
        EventKind::ActionCreated,
        format!(
            "{kind_text} action: {title} (owner {}, due {})",
            team.first_name(owner),
            day_text(due)
        ),
        reference.clone(),
    );
    let by = team.name(owner);
    if let Some(at) = started {
        h.event(
            at,
            by,
            EventKind::ActionUpdated,
            format!("Started: {title}"),
            reference.clone(),
        );
    }
    if let Some(at) = done_at {
        h.event(
            at,
            by,
            EventKind::ActionUpdated,
            format!("Done: {title}"),
            reference.clone(),
        );
    }
    if let Some(at) = followed_up_at {
        h.event(
            at,
            team.name(c.account_manager),
            EventKind::ActionFollowedUp,
            format!("Customer told: {title}"),
            reference,
        );
    }
    h.actions.push(item);
}

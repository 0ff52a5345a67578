//! The follow-up queue: what is owed, by whom, by when. This one pure function is the only place
//! that decides what is due or overdue; the dashboard, the CLI and the reports all read it.
//!
//! An obligation is derived from the records and stays until the matching record discharges it
//! (e.g. `debriefed_at` set), so nothing silently drops out. A snooze hides an item until a time
//! but never discharges it.

use super::business_time::WorkWeek;
use super::ids::IdMap;
use super::policy::Policy;
use super::reach::{CustomerSet, Scope};
use super::what::What;
use super::{
    ActionState, Customer, CustomerId, Dataset, FollowUpState, Instant, InterviewStatus, Role,
    StaffId, Trigger,
};
use chrono::Months;

mod kinds;
pub use kinds::{ItemKind, Subject, item_key, parse_item_key};

/// How urgent an item is now.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DueState {
    /// Past its due time.
    Overdue,
    /// Due later today (in the calendar's day).
    Due,
    /// Due on a later day.
    Upcoming,
}

impl DueState {
    /// The stable name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            DueState::Overdue => "overdue",
            DueState::Due => "due",
            DueState::Upcoming => "upcoming",
        }
    }
}

/// What an obligation rule decides: the work, whose it is, and by when. The rules in
/// `obligations` build these; the queue adds where each stands at `now` ([`Item`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Obligation {
    /// What must be done.
    pub kind: ItemKind,
    /// The record it is about.
    pub subject: Subject,
    /// Whose obligation.
    pub customer: CustomerId,
    /// Exactly what is owed; rendered with `Display` where it is shown.
    pub what: What,
    /// The role that must act (`None` for action items: their owner acts, whatever the role).
    pub owner_role: Option<Role>,
    /// The named person from the customer or follow-up record; `None` means unassigned.
    pub owner: Option<StaffId>,
    /// Others who must take part.
    pub participants: Vec<StaffId>,
    /// When it is due.
    pub due: Instant,
    /// For follow-ups: the lowest score (1-2 most severe).
    pub severity: Option<u8>,
    /// When the work appeared (the interview completed, the follow-up or action opened);
    /// `None` for obligations that only wait for a date (scheduling, pre-briefs).
    pub opened_at: Option<Instant>,
}

/// One obligation in the queue, and where it stands at `now`.
///
/// It derefs to its [`Obligation`], so `item.kind` or `item.due` read the obligation's fields
/// without a second copy of them here.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    /// What is owed, by whom, by when.
    pub obligation: Obligation,
    /// Overdue, due or upcoming at `now`.
    pub state: DueState,
    /// Set while a snooze hides the item.
    pub snoozed_until: Option<Instant>,
    /// The customer's size in minor units (for ordering).
    pub customer_size: i64,
    /// Opened within [`RECENT_HOURS`] of `now`: shown in the default view even before it is due.
    pub recent: bool,
}

impl std::ops::Deref for Item {
    type Target = Obligation;

    fn deref(&self) -> &Obligation {
        &self.obligation
    }
}

/// How long newly opened work shows in the default queue before it is due, so what an
/// interview or a follow-up just opened is seen, not only under "show all".
pub const RECENT_HOURS: i64 = 24;

/// Whether work opened at `opened` is recent at `now` (see [`RECENT_HOURS`]).
fn is_recent(opened: Option<Instant>, now: Instant) -> bool {
    opened.is_some_and(|t| t <= now && now - t < chrono::Duration::hours(RECENT_HOURS))
}

impl Item {
    /// The stable key (`kind:subject`).
    pub fn key(&self) -> String {
        item_key(self.kind, self.subject)
    }

    /// Whether this is a follow-up that needs senior management and nobody counts as one.
    pub fn lacks_senior_manager(&self) -> bool {
        matches!(&self.what, What::LowScore { senior, .. } if senior.is_missing())
    }

    /// Whether the item is awake (not snoozed).
    pub fn is_visible(&self) -> bool {
        self.snoozed_until.is_none()
    }

    /// Whether the default queue view shows it: awake, and due or overdue, or opened recently.
    /// The one rule for the dashboard and `hearback queue`.
    pub fn in_default_view(&self) -> bool {
        self.is_visible() && (self.state != DueState::Upcoming || self.recent)
    }

    /// Sort key: overdue before due before upcoming; then severity (1-2 before 3, follow-ups
    /// before everything else); then the larger customer; then the earlier due time; then kind
    /// and record, so the order is total and does not depend on the order of the input.
    fn rank(&self) -> Rank {
        let subject = match self.subject {
            Subject::Customer(id) => id.0,
            Subject::Interview(id) => id.0,
            Subject::FollowUp(id) => id.0,
            Subject::Action(id) => id.0,
            Subject::Request(id) => id.0,
        };
        (
            self.state,
            self.severity.unwrap_or(u8::MAX),
            std::cmp::Reverse(self.customer_size),
            self.due.timestamp_millis(),
            self.kind,
            subject,
        )
    }
}

/// The queue order as plain numbers, computed once per item by `sort_by_cached_key`.
type Rank = (DueState, u8, std::cmp::Reverse<i64>, i64, ItemKind, u64);

/// The state of a due time at `now` in `cal`'s days.
pub fn due_state(due: Instant, now: Instant, cal: &WorkWeek) -> DueState {
    state_before(due, now, cal.next_day_start(now))
}

/// The state of a due time, given when `now`'s day ends (computed once per queue).
fn state_before(due: Instant, now: Instant, end_of_today: Instant) -> DueState {
    if super::lateness::is_overdue(due, now) {
        DueState::Overdue
    } else if due < end_of_today {
        DueState::Due
    } else {
        DueState::Upcoming
    }
}

/// Every undischarged obligation at `now`, in queue order. Snoozed items are included with
/// `snoozed_until` set; callers showing the default queue keep only [`Item::is_visible`] ones.
pub fn queue(data: &Dataset, policy: &Policy, cal: &WorkWeek, now: Instant) -> Vec<Item> {
    queue_of(data, policy, cal, now, Scope::All)
}

/// The items of [`queue`] that belong to the customers in `scope`, in queue order, computed
/// from their records alone (plus the staff and, for a first round, their cohort's customers):
/// what the dashboard recomputes after a save that touched a few customers.
pub fn queue_of(
    data: &Dataset,
    policy: &Policy,
    cal: &WorkWeek,
    now: Instant,
    scope: Scope<'_>,
) -> Vec<Item> {
    let customers: IdMap<CustomerId, &Customer> =
        data.customers.iter().map(|c| (c.id, c)).collect();
    // The store keeps one snooze per item key; should a dataset hold more, the latest wins.
    let mut snoozes: std::collections::HashMap<(ItemKind, Subject), Instant> = Default::default();
    for s in data.snoozes.iter().filter(|s| s.until > now) {
        if let Some(key) = parse_item_key(&s.item_key) {
            let until = snoozes.entry(key).or_insert(s.until);
            *until = (*until).max(s.until);
        }
    }
    // Roughly one scheduling item per customer plus the open work: reserving avoids regrowing
    // (and re-faulting) a multi-megabyte vector on large programmes.
    let estimate = match scope {
        Scope::All => data.customers.len() + data.followups.len() / 4 + data.actions.len() / 8,
        Scope::Only(set) => set.len() * 8,
    };
    let mut out = Builder {
        scope,
        customers: &customers,
        snoozes: &snoozes,
        cal,
        now,
        end_of_today: cal.next_day_start(now),
        items: Vec::with_capacity(estimate),
    };
    super::obligations::collect(data, policy, &mut out);
    let mut items = out.items;
    items.sort_by_cached_key(Item::rank);
    items
}

/// Replaces the items of the customers in `scope` with `fresh` (their items from
/// [`queue_of`], in queue order), keeping the queue order: the rest stay as they are.
pub fn replace_items(items: &mut Vec<Item>, fresh: Vec<Item>, scope: Scope<'_>) {
    items.retain(|i| !scope.covers(i.customer));
    if fresh.is_empty() {
        return;
    }
    let old = std::mem::take(items);
    items.reserve(old.len() + fresh.len());
    let mut old = old.into_iter().peekable();
    let mut fresh = fresh.into_iter().peekable();
    loop {
        let take_old = match (old.peek(), fresh.peek()) {
            (Some(a), Some(b)) => a.rank() <= b.rank(),
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (None, None) => break,
        };
        let next = if take_old { old.next() } else { fresh.next() };
        items.extend(next);
    }
}

/// Brings a queue computed earlier up to `now` without recomputing it: due times depend only on
/// the data and the policy, so as the clock moves only states and expired snoozes change. This
/// is what a tick costs; a full [`queue`] is needed only when the data or policy change.
/// Returns whether anything changed (the order is restored when it did). The result equals
/// `queue(data, policy, cal, now)` for any `now` not before the one `items` was computed at.
pub fn refresh(items: &mut [Item], cal: &WorkWeek, now: Instant) -> bool {
    !refresh_telling(items, cal, now).customers.is_empty()
}

/// What a [`refresh`] moved: whose items changed (only those customers' risk can move), and
/// which turned overdue.
#[derive(Debug, Default)]
pub struct Refreshed {
    /// Whose items changed.
    pub customers: CustomerSet,
    /// The items that turned overdue in sight: overdue now and not before, or woken from a
    /// snooze overdue (kind, subject, customer), in queue order before the refresh.
    pub turned_overdue: Vec<(ItemKind, Subject, CustomerId)>,
}

/// [`refresh`], telling what it moved.
pub fn refresh_telling(items: &mut [Item], cal: &WorkWeek, now: Instant) -> Refreshed {
    let end_of_today = cal.next_day_start(now);
    let mut out = Refreshed::default();
    for item in items.iter_mut() {
        let state = state_before(item.due, now, end_of_today);
        let awake = item.snoozed_until.is_some_and(|until| until <= now);
        let recent = is_recent(item.opened_at, now);
        if state != item.state || awake || recent != item.recent {
            let visible = item.snoozed_until.is_none() || awake;
            if state == DueState::Overdue && visible && (item.state != state || awake) {
                out.turned_overdue
                    .push((item.kind, item.subject, item.customer));
            }
            item.state = state;
            item.recent = recent;
            if awake {
                item.snoozed_until = None;
            }
            out.customers.insert(item.customer);
        }
    }
    if !out.customers.is_empty() {
        items.sort_by_cached_key(Item::rank);
    }
    out
}

/// Collects items, filling in what every item needs from the customer and the clock.
pub(crate) struct Builder<'a> {
    /// Whose obligations are collected.
    pub scope: Scope<'a>,
    customers: &'a IdMap<CustomerId, &'a Customer>,
    snoozes: &'a std::collections::HashMap<(ItemKind, Subject), Instant>,
    /// The business calendar.
    pub cal: &'a WorkWeek,
    now: Instant,
    end_of_today: Instant,
    items: Vec<Item>,
}

impl Builder<'_> {
    /// The customer record, if it exists.
    pub fn customer(&self, id: CustomerId) -> Option<&Customer> {
        self.customers.get(&id).copied()
    }

    /// Adds an obligation.
    pub fn push(&mut self, o: Obligation) {
        let customer_size = self.customer(o.customer).map_or(0, |c| c.size.minor);
        let snoozed_until = if self.snoozes.is_empty() {
            None
        } else {
            self.snoozes.get(&(o.kind, o.subject)).copied()
        };
        self.items.push(Item {
            state: state_before(o.due, self.now, self.end_of_today),
            snoozed_until,
            customer_size,
            recent: is_recent(o.opened_at, self.now),
            obligation: o,
        });
    }
}

/// Whether an interview goes through the post-interview steps (debrief, report, ...): survey
/// responses get the thank-you and low-score follow-ups only, because steps 5-7 of the
/// programme are about a conversation our executive had.
pub fn is_conversation(trigger: &Trigger) -> bool {
    !matches!(trigger, Trigger::SurveyImport { .. })
}

/// The cadence due date after the last interview.
pub fn cadence_due(last: Instant, months: u32) -> Instant {
    last.checked_add_months(Months::new(months))
        .unwrap_or(chrono::DateTime::<chrono::Utc>::MAX_UTC)
}

/// Whether the state is one of the open follow-up states.
pub fn followup_is_open(state: FollowUpState) -> bool {
    state != FollowUpState::Closed
}

/// Whether an action still needs doing on our side.
pub fn action_is_open(state: ActionState) -> bool {
    matches!(state, ActionState::ToDo | ActionState::Doing)
}

/// Whether an interview holds a booking.
pub fn is_booked(status: InterviewStatus) -> bool {
    matches!(
        status,
        InterviewStatus::Scheduled | InterviewStatus::InProgress
    )
}

//! The spacing rule on the calendar: no two feedback requests to one customer closer than
//! `policy.cadence.spacing_days`. A request is an interview or survey response that is
//! completed, booked or in progress (cancelled ones asked nothing); its time is when it was
//! completed, else when it is booked, as in [`crate::core::spacing`]. Around each request lie
//! the customer's *quiet days*, on which another request would be too close; two requests
//! already too close are a *conflict*.

use super::{Window, day_of};
use crate::core::business_time::WorkWeek;
use crate::core::policy::Policy;
use crate::core::time_math;
use crate::core::{CustomerId, Dataset, Instant, Interview, InterviewId, InterviewStatus, Trigger};
use chrono::{Duration, NaiveDate};
use std::collections::{BTreeMap, BTreeSet};

/// One feedback request to a customer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Request {
    /// The interview (or survey response) record.
    pub interview: InterviewId,
    /// When it was completed, else when it is booked.
    pub at: Instant,
    /// Completed, scheduled or in progress.
    pub status: InterviewStatus,
    /// An imported survey response rather than a conversation.
    pub survey: bool,
}

impl Request {
    fn of(i: &Interview) -> Option<Request> {
        (i.status != InterviewStatus::Cancelled).then(|| Request {
            interview: i.id,
            at: i.completed_at.unwrap_or(i.scheduled_at),
            status: i.status,
            survey: matches!(i.trigger, Trigger::SurveyImport { .. }),
        })
    }

    /// What it is, in a few words: `interview`, `booked interview`, `survey response`.
    pub fn label(&self) -> &'static str {
        match (self.survey, self.status) {
            (true, _) => "survey response",
            (false, InterviewStatus::Scheduled) => "booked interview",
            (false, InterviewStatus::InProgress) => "interview in progress",
            (false, _) => "interview",
        }
    }
}

/// The quiet days around one request: `first..=last`, the days on which a new request would
/// be closer than the spacing to this one, for at least part of the day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QuietWindow {
    /// The request it surrounds.
    pub request: Request,
    /// The first quiet day.
    pub first: NaiveDate,
    /// The last quiet day.
    pub last: NaiveDate,
}

impl QuietWindow {
    /// Whether `day` is quiet.
    pub fn contains(&self, day: NaiveDate) -> bool {
        self.first <= day && day <= self.last
    }
}

/// A run of quiet days: overlapping or touching quiet windows as one, with the requests
/// behind them, oldest first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuietSpan {
    /// The first quiet day.
    pub first: NaiveDate,
    /// The last quiet day.
    pub last: NaiveDate,
    /// The requests whose windows make it up.
    pub requests: Vec<Request>,
}

/// Two requests to one customer closer than the spacing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Conflict {
    /// The earlier one.
    pub earlier: Request,
    /// The later one.
    pub later: Request,
}

impl Conflict {
    /// The request on the other side of `id`, if `id` is one of the two.
    pub fn other(&self, id: InterviewId) -> Option<&Request> {
        if self.earlier.interview == id {
            Some(&self.later)
        } else if self.later.interview == id {
            Some(&self.earlier)
        } else {
            None
        }
    }
}

/// One customer's requests, quiet days and conflicts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Spacing {
    /// Whose.
    pub customer: CustomerId,
    /// The spacing in force, in days.
    pub days: u32,
    /// The requests, oldest first.
    pub requests: Vec<Request>,
    /// One quiet window per request, in the same order.
    pub windows: Vec<QuietWindow>,
    /// Every pair closer than the spacing, by the earlier one's time.
    pub conflicts: Vec<Conflict>,
}

impl Spacing {
    /// Whether `day` is quiet for this customer.
    pub fn is_quiet(&self, day: NaiveDate) -> bool {
        self.windows.iter().any(|w| w.contains(day))
    }

    /// The runs of quiet days that touch `window`, in order.
    pub fn quiet_spans(&self, window: Window) -> Vec<QuietSpan> {
        let mut spans: Vec<QuietSpan> = Vec::new();
        let touching = self
            .windows
            .iter()
            .filter(|w| window.from <= w.last && w.first < window.until);
        for w in touching {
            match spans.last_mut() {
                Some(span) if w.first <= span.last.succ_opt().unwrap_or(span.last) => {
                    span.last = span.last.max(w.last);
                    span.requests.push(w.request);
                }
                _ => spans.push(QuietSpan {
                    first: w.first,
                    last: w.last,
                    requests: vec![w.request],
                }),
            }
        }
        spans
    }

    /// The requests too close to interview `id`, nearest first.
    pub fn too_close_to(&self, id: InterviewId) -> Vec<Request> {
        let Some(this) = self.requests.iter().find(|r| r.interview == id) else {
            return Vec::new();
        };
        let mut others: Vec<Request> = self
            .conflicts
            .iter()
            .filter_map(|c| c.other(id).copied())
            .collect();
        others.sort_by_key(|o| ((o.at - this.at).abs(), o.interview));
        others
    }
}

/// The spacing of one customer.
pub fn spacing(data: &Dataset, customer: CustomerId, policy: &Policy, cal: &WorkWeek) -> Spacing {
    let wanted = BTreeSet::from([customer]);
    spacing_of(data, &wanted, policy, cal)
        .remove(&customer)
        .unwrap_or_else(|| build(customer, Vec::new(), policy.cadence.spacing_days, cal))
}

/// The spacing of each of `customers`, reading the interviews once.
pub fn spacing_of(
    data: &Dataset,
    customers: &BTreeSet<CustomerId>,
    policy: &Policy,
    cal: &WorkWeek,
) -> BTreeMap<CustomerId, Spacing> {
    let mut requests: BTreeMap<CustomerId, Vec<Request>> =
        customers.iter().map(|c| (*c, Vec::new())).collect();
    for i in &data.interviews {
        if let Some(list) = requests.get_mut(&i.customer)
            && let Some(r) = Request::of(i)
        {
            list.push(r);
        }
    }
    let days = policy.cadence.spacing_days;
    requests
        .into_iter()
        .map(|(customer, mut list)| {
            list.sort_by_key(|r| (r.at, r.interview));
            (customer, build(customer, list, days, cal))
        })
        .collect()
}

fn build(customer: CustomerId, requests: Vec<Request>, days: u32, cal: &WorkWeek) -> Spacing {
    let span = Policy::days(days);
    let mut windows = Vec::new();
    let mut conflicts = Vec::new();
    if days > 0 {
        // A request at `t` makes every instant strictly within `span` of it too close; a day is
        // quiet when any part of it is. The end is exclusive, hence the millisecond.
        for r in &requests {
            windows.push(QuietWindow {
                request: *r,
                first: day_of(cal, time_math::earlier(r.at, span)),
                last: day_of(
                    cal,
                    time_math::later(r.at, span - Duration::milliseconds(1)),
                ),
            });
        }
        for (n, earlier) in requests.iter().enumerate() {
            // Sorted by time: the first later request far enough away ends the search.
            for later in requests.iter().skip(n + 1) {
                if later.at - earlier.at >= span {
                    break;
                }
                conflicts.push(Conflict {
                    earlier: *earlier,
                    later: *later,
                });
            }
        }
    }
    Spacing {
        customer,
        days,
        requests,
        windows,
        conflicts,
    }
}

//! The figures of one customer's monitors at a date: schedule adherence over the policy's
//! window, claims and returns per period, credit notes' sums per currency.
//!
//! "In the last N days" means dated from `today - (N - 1)` to `today`, both included: the last
//! 30 days of 2026-03-31 begin on 2026-03-02. Events dated after today are not counted yet.
//!
//! A delivery counts in the on-time figure when its promised date lies in the window and is
//! already due, or when it was delivered in the window ahead of a later promised date (an early
//! delivery is on time). It is on time when delivered on or before the promised date; not yet
//! delivered and promised before today, it is late; promised today and not yet delivered, it is
//! not counted until tomorrow.

use super::{MonitorEvent, MonitorKind, Monitoring, instant_date};
use crate::core::Money;
use chrono::{Days, NaiveDate};
use std::collections::BTreeMap;

/// The periods claims, returns and credit notes are counted over, in days.
pub const PERIODS: [u32; 2] = [30, 90];

/// One customer's monitor figures at a date.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Figures {
    /// The on-time window in days.
    pub window_days: u32,
    /// Deliveries counted in the window.
    pub deliveries: usize,
    /// Of those, made on or before the promised date.
    pub on_time: usize,
    /// Of the late ones, not delivered yet.
    pub overdue: usize,
    /// Returns in each of [`PERIODS`].
    pub returns: [usize; 2],
    /// Warranty claims in each of [`PERIODS`].
    pub claims: [usize; 2],
    /// Credit notes in each of [`PERIODS`].
    pub credit_notes: [usize; 2],
    /// Credit notes' amounts in the longest period, summed per currency (never converted), in
    /// currency order.
    pub credited: Vec<Money>,
    /// Whether the customer has any monitor event at all.
    pub any: bool,
}

/// The first day of the last `days` days up to `today`.
fn since(today: NaiveDate, days: u32) -> NaiveDate {
    today
        .checked_sub_days(Days::new(u64::from(days.saturating_sub(1))))
        .unwrap_or(NaiveDate::MIN)
}

impl Figures {
    /// The figures of `events` (one customer's) at `m.today`.
    pub fn of<'a>(
        events: impl IntoIterator<Item = &'a MonitorEvent>,
        m: Monitoring<'_>,
    ) -> Figures {
        let today = m.today;
        let window = since(today, m.policy.window_days);
        let starts = PERIODS.map(|days| since(today, days));
        let longest = since(today, PERIODS[PERIODS.len() - 1]);
        let mut f = Figures {
            window_days: m.policy.window_days,
            ..Figures::default()
        };
        let mut credited: BTreeMap<String, i64> = BTreeMap::new();
        for e in events {
            f.any = true;
            let on = instant_date(e.on);
            let within = |from: NaiveDate| on >= from && on <= today;
            let counts = starts.map(within);
            match &e.kind {
                MonitorKind::Delivery {
                    promised,
                    delivered,
                } => {
                    let promised = instant_date(*promised);
                    let delivered = delivered.map(instant_date);
                    let due_in_window = promised >= window && promised <= today;
                    let early_in_window =
                        promised > today && delivered.is_some_and(|d| d >= window && d <= today);
                    let counted = (due_in_window && (delivered.is_some() || promised < today))
                        || early_in_window;
                    if counted {
                        f.deliveries += 1;
                        match delivered {
                            Some(d) if d <= promised => f.on_time += 1,
                            Some(_) => {}
                            None => f.overdue += 1,
                        }
                    }
                }
                MonitorKind::Claim => add(&mut f.claims, counts),
                MonitorKind::Return => add(&mut f.returns, counts),
                MonitorKind::CreditNote { amount } => {
                    add(&mut f.credit_notes, counts);
                    if let Some(a) = amount.as_ref().filter(|_| within(longest)) {
                        let sum = credited.entry(a.currency.clone()).or_insert(0);
                        *sum = sum.saturating_add(a.minor);
                    }
                }
            }
        }
        f.credited = credited
            .into_iter()
            .map(|(currency, minor)| Money { minor, currency })
            .collect();
        f
    }

    /// The on-time share in whole percent (rounded down, so 79.9 % never reads 80 %), when
    /// any delivery counts.
    pub fn on_time_percent(&self) -> Option<u32> {
        (self.deliveries > 0)
            .then(|| u32::try_from(self.on_time * 100 / self.deliveries).unwrap_or(u32::MAX))
    }

    /// `on-time 71 % (5 of 7 deliveries in 90 days)`, when any delivery counts.
    pub fn on_time_text(&self) -> Option<String> {
        let percent = self.on_time_percent()?;
        let n = self.deliveries;
        Some(format!(
            "on-time {percent} % ({} of {n} deliver{} in {} days)",
            self.on_time,
            if n == 1 { "y" } else { "ies" },
            self.window_days
        ))
    }

    /// The lines a customer view shows: on-time, then claims, returns and credit notes per
    /// period; empty when the customer has no monitor event.
    pub fn lines(&self) -> Vec<String> {
        if !self.any {
            return Vec::new();
        }
        let mut out = Vec::new();
        match self.on_time_text() {
            Some(text) => {
                let overdue = match self.overdue {
                    0 => String::new(),
                    n => format!(", {n} not delivered yet"),
                };
                out.push(format!("{}{overdue}", capital(&text)));
            }
            None => out.push(format!(
                "On-time: no delivery due in {} days",
                self.window_days
            )),
        }
        let per = |label: &str, counts: [usize; 2]| {
            format!(
                "{label}: {} in {} days, {} in {} days",
                counts[0], PERIODS[0], counts[1], PERIODS[1]
            )
        };
        out.push(per("Returns", self.returns));
        out.push(per("Warranty claims", self.claims));
        let mut credit = per("Credit notes", self.credit_notes);
        if !self.credited.is_empty() {
            let sums: Vec<String> = self.credited.iter().map(Money::to_string).collect();
            credit.push_str(&format!(" ({} in {} days)", sums.join(", "), PERIODS[1]));
        }
        out.push(credit);
        out
    }
}

fn add(into: &mut [usize; 2], counts: [bool; 2]) {
    for (n, c) in into.iter_mut().zip(counts) {
        *n += usize::from(c);
    }
}

fn capital(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

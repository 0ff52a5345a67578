//! Deterministic, realistic sample data for `hearback demo`.
//!
//! The demo is the first thing a new user sees and what tests and screenshots are built on, so
//! it tells a believable story: customers of very different sizes with two years of interview
//! history, low scores followed up and acted on, and, at `now`, a handful of things overdue in
//! every part of the closed loop. It is pure: the same options and `now` always give the same
//! records (no clock, no IO, its own random numbers).

mod answers;
mod comments;
mod customers;
mod dates;
mod followups;
mod history;
mod interview;
mod markets;
mod names;
mod notes;
mod plan;
mod remedies;
mod rng;
mod schedule;
pub mod synthetic;
mod team;

use crate::core::policy::Policy;
use crate::core::{Change, ChangeSet, Dataset, IdAllocator, Instant, QuestionSet};
use rng::Rng;

/// How much demo data to make, and from which seed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DemoOptions {
    /// How many customers (0 gives our staff only).
    pub customers: usize,
    /// The seed of the random choices; the same seed gives the same data.
    pub seed: u64,
}

impl Default for DemoOptions {
    fn default() -> DemoOptions {
        DemoOptions {
            customers: 40,
            seed: 7,
        }
    }
}

/// Makes the demo data as of `now`, taking ids from `ids`: staff, customers with contacts,
/// interviews, follow-ups, actions, deliverables and every customer's timeline.
pub fn generate(options: &DemoOptions, now: Instant, ids: &mut IdAllocator) -> ChangeSet {
    let now = dates::whole_seconds(now);
    let questions = QuestionSet::defaults();
    let team = team::Team::build(ids);
    let roster = Dataset {
        staff: team.staff.clone(),
        ..Dataset::default()
    };
    let policy = Policy::default();
    let mut out = ChangeSet::new();
    out.changes
        .extend(team.staff.iter().cloned().map(Change::Staff));

    let plans = plan::plan(options.customers, &mut Rng::new(options.seed));
    let mut names = customers::NameBook::default();
    let mut deck = followups::Deck::default();
    for p in &plans {
        // One stream per customer: a customer's records do not depend on its neighbours'.
        let mut rng = Rng::derive(options.seed, p.index as u64);
        let schedule = schedule::schedule(p, now, &mut rng);
        let customer = customers::build(p, &schedule, &team, ids, &mut rng, &mut names);
        let scene = history::Scene {
            now,
            team: &team,
            questions: &questions,
            roster: &roster,
            policy: &policy,
            customer: &customer,
            plan: p,
            schedule: &schedule,
        };
        let history = history::build(&scene, ids, &mut rng, &mut deck);
        out.push(Change::Customer(customer));
        history.push_into(&mut out);
    }
    out
}

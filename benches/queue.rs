//! How long one recompute of the follow-up queue takes on a large programme (target: <= 5 ms),
//! since the dashboard recomputes it on every tick and after every change.

use criterion::{Criterion, criterion_group, criterion_main};
use hearback::core::business_time::WorkWeek;
use hearback::core::policy::Policy;
use hearback::core::queue::{DueState, ItemKind, queue};
use hearback::demo::synthetic;
use std::hint::black_box;
use std::time::Duration;

fn recompute(c: &mut Criterion) {
    let data = synthetic::dataset();
    let (policy, calendar, now) = (Policy::default(), WorkWeek::default(), synthetic::now());
    let items = queue(&data, &policy, &calendar, now);
    let count = |state| items.iter().filter(|i| i.state == state).count();
    eprintln!(
        "synthetic: {} customers, {} interviews, {} follow-ups, {} actions, {} deliverables, {} snoozes -> {} queue items ({} overdue, {} due, {} upcoming, {} snoozed)",
        data.customers.len(),
        data.interviews.len(),
        data.followups.len(),
        data.actions.len(),
        data.deliverables.len(),
        data.snoozes.len(),
        items.len(),
        count(DueState::Overdue),
        count(DueState::Due),
        count(DueState::Upcoming),
        items.iter().filter(|i| !i.is_visible()).count(),
    );
    let by_kind: Vec<String> = ItemKind::ALL
        .iter()
        .map(|&k| {
            format!(
                "{} {}",
                items.iter().filter(|i| i.kind == k).count(),
                k.as_str()
            )
        })
        .collect();
    eprintln!("by kind: {}", by_kind.join(", "));
    // The tick path: the same queue brought forward by one second (what the dashboard does every
    // second) and by a day (many states change, so it re-sorts). The clone is set-up, untimed.
    for (name, later) in [
        (
            "queue refresh, 1 s later (tick)",
            now + chrono::Duration::seconds(1),
        ),
        (
            "queue refresh, 1 day later (re-sort)",
            now + chrono::Duration::days(1),
        ),
    ] {
        c.bench_function(name, |b| {
            b.iter_batched(
                || items.clone(),
                |mut v| hearback::core::queue::refresh(&mut v, &calendar, black_box(later)),
                criterion::BatchSize::LargeInput,
            )
        });
    }
    c.bench_function("queue recompute (10k customers, 100k interviews)", |b| {
        b.iter(|| {
            queue(
                black_box(&data),
                black_box(&policy),
                black_box(&calendar),
                black_box(now),
            )
        })
    });
}

/// The risk pass over the same programme and its queue (the customer list shows a level per
/// row), and demo generation at 2,000 customers. Both were wall-clock asserts in the tests
/// (`assess_is_linear_in_the_data` < 3 s, the large demo < 20 s); the figures belong here.
fn assessment_and_demo(c: &mut Criterion) {
    let data = synthetic::dataset();
    let (policy, calendar, now) = (Policy::default(), WorkWeek::default(), synthetic::now());
    let items = queue(&data, &policy, &calendar, now);
    c.bench_function("risk assessment (10k customers, 100k interviews)", |b| {
        b.iter(|| {
            let m = hearback::core::monitors::Monitoring::new(now, calendar.offset, &policy);
            hearback::core::risk::assess(black_box(&data), black_box(&items), m)
        })
    });
    let options = hearback::demo::DemoOptions {
        customers: 2_000,
        seed: 7,
    };
    c.bench_function("demo generation (2,000 customers)", |b| {
        b.iter(|| {
            hearback::demo::generate(
                black_box(&options),
                now,
                &mut hearback::core::IdAllocator::starting_at(1),
            )
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(30)
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(5));
    targets = recompute, assessment_and_demo
}
criterion_main!(benches);

//! Fuzz targets for what bounds dates and policy values (issue 12), with the machinery of
//! tests/it/fuzz.rs (tests/common/fuzzer.rs): a time budget per target (`HEARBACK_FUZZ_SECS`,
//! 2 s by default), a seed (`HEARBACK_FUZZ_SEED`), and a failing input saved to disk.
//!
//! - the backup reader: random and mutated valid backups (the hostile fixtures among them);
//!   what it accepts is queued and laid out in the calendar, as the dashboard does next;
//! - the time parser `core::when` at random instants and offsets: never a panic, and
//!   whatever it accepts lies within `when::YEARS`;
//! - policy/config loading from random TOML, and the deadlines a policy it accepts gives;
//! - business time and every obligation's deadline at random instants (the whole of chrono's
//!   range, its ends included) under random valid policies.

use crate::common;

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, Offset, Utc};
use common::dashboard;
use common::fuzzer::fuzz;
use common::rng::Rng;
use hearback::core::business_time::WorkWeek;
use hearback::core::feedback_calendar::{Window, events};
use hearback::core::policy::Policy;
use hearback::core::{Dataset, IdAllocator, Instant, QuestionSet, queue, when};
use hearback::io::backup::Backup;

fn hostile(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/hostile/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("reads a fixture")
}

/// An instant anywhere in chrono's range, often at or near its ends or inside `YEARS`.
fn instant(rng: &mut Rng) -> Instant {
    let (min, max) = (
        DateTime::<Utc>::MIN_UTC.timestamp_millis(),
        DateTime::<Utc>::MAX_UTC.timestamp_millis(),
    );
    let ms = match rng.next() % 4 {
        0 => max - (rng.next() % 1_000_000_000) as i64,
        1 => min + (rng.next() % 1_000_000_000) as i64,
        2 => (rng.next() % 7_258_118_400_000) as i64, // 1970..2200
        _ => min + (rng.next() % (max - min) as u64) as i64,
    };
    DateTime::from_timestamp_millis(ms).unwrap_or(DateTime::<Utc>::MAX_UTC)
}

fn offset(rng: &mut Rng) -> FixedOffset {
    let secs = (rng.next() % (28 * 3600 + 1)) as i32 - 14 * 3600;
    FixedOffset::east_opt(secs).unwrap_or(Utc.fix())
}

/// The queue, the calendar month of `now` and the calendar's business arithmetic over `data`.
fn exercise(data: &Dataset, policy: &Policy, cal: &WorkWeek, now: Instant) {
    let items = queue::queue(data, policy, cal, now);
    let day = NaiveDate::from_ymd_opt(now.year().clamp(1970, 2200), 1, 1).unwrap_or_default();
    let _ = events(data, &items, cal, Window::months(day, 1), now);
    let _ = queue::refresh(&mut items.clone(), cal, now);
}

#[test]
fn backup_reader_never_panics() {
    let questions = QuestionSet::defaults();
    let mut demo = Vec::new();
    Backup::new(dashboard::demo_data(), Vec::new(), dashboard::now())
        .to_writer(&mut demo)
        .expect("writes");
    let corpus = vec![
        demo,
        hostile("backup_valid_small.json"),
        hostile("backup_bad_values.json"),
        hostile("backup_duplicate_ids.json"),
        hostile("backup_max_id.json"),
        hostile("backup_escapes.json"),
    ];
    let rules = dashboard::rules();
    let valid: Vec<serde_json::Value> = corpus
        .iter()
        .filter_map(|b| serde_json::from_slice(b).ok())
        .collect();
    let restore = |bytes: &[u8]| {
        if let Ok(checked) = Backup::from_reader(bytes, &questions) {
            let (data, _timeline) = checked.backup.into_parts();
            let _ = IdAllocator::after(&data);
            exercise(&data, &rules.policy, &rules.work_week, dashboard::now());
        }
    };
    fuzz("backup", corpus, |bytes| {
        restore(bytes);
        // Structure-aware too: most byte mutations break the JSON, so a valid backup (this
        // input, or a seed) also gets a few of its numbers (ids, dates, sizes, scores)
        // replaced by edge values, seeded by the input so a failure reproduces from its file.
        let seed = bytes
            .iter()
            .fold(0x5EEDu64, |h, &b| h.rotate_left(7) ^ u64::from(b));
        let mut rng = Rng(seed);
        let mut json = serde_json::from_slice(bytes)
            .ok()
            .or_else(|| valid.get(rng.next() as usize % valid.len().max(1)).cloned());
        if let Some(json) = &mut json {
            for _ in 0..=rng.next() % 3 {
                edge_number(json, &mut rng);
            }
            restore(&serde_json::to_vec(json).unwrap_or_default());
        }
    });
}

/// Replaces one number in `v` by an edge value; half the time one of the dates (`*_at`,
/// `due`, `until`), where the arithmetic is.
fn edge_number(v: &mut serde_json::Value, rng: &mut Rng) {
    type Leaf<'a> = (bool, &'a mut serde_json::Value);
    fn numbers<'a>(v: &'a mut serde_json::Value, date: bool, out: &mut Vec<Leaf<'a>>) {
        match v {
            serde_json::Value::Number(_) => out.push((date, v)),
            serde_json::Value::Array(items) => {
                items.iter_mut().for_each(|x| numbers(x, date, out));
            }
            serde_json::Value::Object(map) => {
                for (key, x) in map.iter_mut() {
                    let date =
                        key.ends_with("_at") || key == "at" || key == "due" || key == "until";
                    numbers(x, date, out);
                }
            }
            _ => {}
        }
    }
    let edges: [serde_json::Value; 9] = [
        u64::MAX.into(),
        (1u64 << 53).into(),
        0.into(),
        (-1).into(),
        DateTime::<Utc>::MAX_UTC.timestamp_millis().into(),
        DateTime::<Utc>::MIN_UTC.timestamp_millis().into(),
        i64::MIN.into(),
        u32::MAX.into(),
        7.into(),
    ];
    let mut found = Vec::new();
    numbers(v, false, &mut found);
    if rng.next().is_multiple_of(2) {
        found.retain(|(date, _)| *date);
    }
    let n = found.len();
    if n > 0 {
        let edge = edges[rng.next() as usize % edges.len()].clone();
        *found.swap_remove(rng.next() as usize % n).1 = edge;
    }
}

#[test]
fn time_parser_never_panics_and_keeps_to_its_years() {
    let corpus = [
        "10:00",
        "today 15:30",
        "tomorrow 9",
        "fri 14:00",
        "+2d",
        "+1w",
        "+30 min",
        "2026-11-25",
        "2026-11-25 14:30",
        "2026-11-25T14:30:00Z",
        "+262142-12-31",
        "now",
        "9am",
        "2:30pm",
    ]
    .iter()
    .map(|s| s.as_bytes().to_vec())
    .collect();
    let rng = std::cell::RefCell::new(Rng(7));
    fuzz("when", corpus, |bytes| {
        let text = String::from_utf8_lossy(bytes);
        let mut rng = rng.borrow_mut();
        let (now, offset) = (instant(&mut rng), offset(&mut rng));
        let parsed = [
            when::parse_when(&text, now, offset),
            when::parse_absolute(&text, offset),
        ];
        for at in parsed.into_iter().flatten() {
            assert!(when::YEARS.contains(&at.year()), "{text:?} gave {at}");
            let _ = when::describe(at, now, offset);
        }
    });
}

#[test]
fn policy_loading_never_panics_and_its_deadlines_never_hang() {
    let corpus = vec![
        include_bytes!("../../assets/policy.toml").to_vec(),
        hostile("policy_huge_business_days.toml"),
        hostile("policy_no_working_days.toml"),
        hostile("policy_escape_in_day.toml"),
        b"[policy.deadlines]\nacknowledge_business_hours = 4\ndebrief_hours = 24\n".to_vec(),
        b"[policy.low_scores]\nsenior_business_days = 1\nmanagers_business_days = 2\n".to_vec(),
        b"[policy.business_time]\nworking_days = [\"sat\"]\nutc_offset = \"+14:00\"\n".to_vec(),
    ];
    let data = dashboard::demo_data();
    fuzz("policy", corpus, |bytes| {
        let text = String::from_utf8_lossy(bytes);
        if let Ok(policy) = Policy::from_toml(&text) {
            let cal = policy.work_week(Utc.fix());
            exercise(&data, &policy, &cal, dashboard::now());
        }
    });
}

/// A valid policy with random values inside every documented range.
fn random_policy(rng: &mut Rng) -> Policy {
    let mut p = Policy::default();
    let mut pick = |hi: u32| (rng.next() % (u64::from(hi) + 1)) as u32;
    p.cadence.months = 1 + pick(59);
    p.cadence.after_deliverable_days = pick(365);
    p.cadence.spacing_days = pick(365);
    p.cadence.first_round_per_week = 1 + pick(999);
    let d = &mut p.deadlines;
    d.prebrief_business_days_before = pick(30);
    d.acknowledge_business_hours = pick(720);
    d.debrief_hours = pick(720);
    d.inform_executives_hours = pick(720);
    d.report_president_days = pick(365);
    d.disseminate_days_after_report = pick(365);
    d.formal_report_days = pick(365);
    d.action_followup_days = pick(365);
    p.low_scores.senior_business_days = pick(30);
    p.low_scores.managers_business_days = pick(30);
    let days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    let mask = 1 + pick(126);
    p.business_time.working_days = (0..7)
        .filter(|i| mask & (1 << i) != 0)
        .map(|i| days[i].to_string())
        .collect();
    p
}

#[test]
fn business_time_and_obligations_never_panic_at_random_instants() {
    let base = dashboard::demo_data();
    let corpus = vec![vec![0u8; 16]];
    fuzz("deadlines", corpus, |bytes| {
        // The input seeds the instants and the policy, so a failure reproduces from its file.
        let seed = bytes
            .iter()
            .fold(0xB0C5u64, |h, &b| h.rotate_left(5) ^ u64::from(b));
        let mut rng = Rng(seed);
        let policy = random_policy(&mut rng);
        let offset = offset(&mut rng);
        let cal = policy.work_week(offset);
        let (t, now) = (instant(&mut rng), instant(&mut rng));
        let amount = chrono::Duration::hours((rng.next() % 10_000) as i64);
        let _ = (
            cal.add(t, amount),
            cal.add_days(t, 400),
            cal.sub_days(t, 400),
        );
        let _ = cal.next_day_start(t);
        let mut data = Dataset {
            staff: base.staff.clone(),
            ..Dataset::default()
        };
        data.apply(&common::dated::records_at(&data, &[t, instant(&mut rng)]));
        exercise(&data, &policy, &cal, now);
    });
}

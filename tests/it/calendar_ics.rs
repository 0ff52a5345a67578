//! `hearback calendar`, end to end: the real binary on the demo data at a fixed `--now`, its
//! output read back with an independent iCalendar parser (`ical`, not the `icalendar` crate
//! that wrote it), and compared with the interviews the store exports.

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, Utc};
use ical::parser::ical::component::{IcalCalendar, IcalEvent};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::{Command, Output};

const NOW: &str = "2026-11-23T09:00:00Z";

fn hearback(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hearback"))
        .args(args)
        .env("HEARBACK_DATA", data)
        .env("HEARBACK_NOW", NOW)
        .env("TZ", "UTC")
        // A user's config must not change the day boundaries under test.
        .env("HEARBACK_CONFIG", "/dev/null")
        .output()
        .expect("runs hearback")
}

fn ok(data: &Path, args: &[&str]) -> Output {
    let o = hearback(data, args);
    assert!(
        o.status.success(),
        "hearback {args:?} failed: {}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    o
}

fn json(data: &Path, args: &[&str]) -> Value {
    serde_json::from_slice(&ok(data, args).stdout).expect("JSON output")
}

/// The demo store, and the calendar for three months from --now, as bytes.
fn demo_calendar() -> (tempfile::TempDir, std::path::PathBuf, Vec<u8>) {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("d");
    ok(&data, &["demo"]);
    let ics = ok(&data, &["calendar", "--months", "3"]).stdout;
    (dir, data, ics)
}

/// Parses the file with `ical`: exactly one calendar.
fn parse(ics: &[u8]) -> IcalCalendar {
    let mut calendars = ical::IcalParser::new(std::io::BufReader::new(ics));
    let cal = calendars
        .next()
        .expect("one calendar in the file")
        .expect("the calendar parses");
    assert!(calendars.next().is_none(), "a single VCALENDAR");
    cal
}

fn prop<'a>(props: &'a [ical::property::Property], name: &str) -> Option<&'a str> {
    props
        .iter()
        .find(|p| p.name == name)
        .and_then(|p| p.value.as_deref())
}

fn value_type(e: &IcalEvent, name: &str) -> Option<String> {
    let p = e.properties.iter().find(|p| p.name == name)?;
    p.params
        .as_ref()?
        .iter()
        .find(|(k, _)| k == "VALUE")
        .and_then(|(_, v)| v.first().cloned())
}

fn utc(text: &str) -> DateTime<Utc> {
    NaiveDateTime::parse_from_str(text, "%Y%m%dT%H%M%SZ")
        .unwrap_or_else(|e| panic!("{text} is not a UTC date-time: {e}"))
        .and_utc()
}

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y%m%d")
        .unwrap_or_else(|e| panic!("{text} is not a date: {e}"))
}

fn uids(cal: &IcalCalendar) -> Vec<String> {
    cal.events
        .iter()
        .map(|e| {
            prop(&e.properties, "UID")
                .expect("every event has a UID")
                .to_string()
        })
        .collect()
}

/// Booked interviews (id -> scheduled_at, minutes) as the store exports them.
fn booked_interviews(data: &Path) -> BTreeMap<u64, (DateTime<Utc>, i64)> {
    // The full backup holds every field of the stored record, the duration among them.
    let backup = json(data, &["export", "all", "--format", "json"]);
    let minutes: BTreeMap<u64, i64> = backup["interviews"]
        .as_array()
        .expect("interviews in the backup")
        .iter()
        .map(|i| {
            let id = i["id"].as_u64().expect("id");
            (id, i["duration_minutes"].as_i64().expect("duration"))
        })
        .collect();
    json(data, &["export", "interviews", "--format", "json"])
        .as_array()
        .expect("an array of interviews")
        .iter()
        .filter(|i| matches!(i["status"].as_str(), Some("scheduled" | "in_progress")))
        .map(|i| {
            let id = i["id"].as_u64().expect("id");
            let at = DateTime::parse_from_rfc3339(i["scheduled_at"].as_str().expect("time"))
                .expect("RFC 3339")
                .with_timezone(&Utc);
            (id, (at, minutes.get(&id).copied().expect("duration known")))
        })
        .collect()
}

#[test]
fn the_calendar_holds_every_booked_and_due_interview() {
    let (_dir, data, ics) = demo_calendar();
    let text = String::from_utf8(ics.clone()).expect("UTF-8");
    assert!(
        text.split_inclusive('\n').all(|l| l.ends_with("\r\n")),
        "every line ends CRLF"
    );
    let cal = parse(&ics);
    assert_eq!(prop(&cal.properties, "VERSION"), Some("2.0"));
    assert_eq!(prop(&cal.properties, "CALSCALE"), Some("GREGORIAN"));
    assert_eq!(
        prop(&cal.properties, "PRODID"),
        Some("-//hearback//Feedback calendar//EN")
    );
    assert_eq!(
        prop(&cal.properties, "X-WR-CALNAME"),
        Some("Feedback interviews")
    );

    // Every booked interview of the window is there, at its time, for its length.
    let today = date("20261123");
    let until = date("20270223");
    let booked = booked_interviews(&data);
    let in_window: BTreeMap<u64, (DateTime<Utc>, i64)> = booked
        .into_iter()
        .filter(|(_, (at, _))| (today..until).contains(&at.date_naive()))
        .collect();
    assert!(!in_window.is_empty(), "the demo books interviews ahead");
    let mut seen = BTreeSet::new();
    for e in &cal.events {
        let p = &e.properties;
        let uid = prop(p, "UID").expect("UID");
        let start = prop(p, "DTSTART").expect("DTSTART");
        let end = prop(p, "DTEND").expect("DTEND");
        assert!(
            prop(p, "DTSTAMP").is_some_and(|s| s.ends_with('Z')),
            "{uid}"
        );
        if let Some(n) = uid
            .strip_prefix("interview-I")
            .and_then(|r| r.strip_suffix("@hearback"))
        {
            let id: u64 = n.parse().expect("a numeric interview id");
            let (at, minutes) = in_window
                .get(&id)
                .unwrap_or_else(|| panic!("{uid} is not a booked interview in the window"));
            assert_eq!(utc(start), *at, "{uid} starts when it is booked");
            assert_eq!(utc(end) - utc(start), Duration::minutes(*minutes), "{uid}");
            assert_eq!(prop(p, "STATUS"), Some("CONFIRMED"));
            assert!(
                prop(p, "SUMMARY").is_some_and(|s| s.starts_with("Feedback interview: ")),
                "{uid}"
            );
            assert!(prop(p, "LOCATION").is_some(), "{uid} says where");
            seen.insert(id);
        } else {
            assert!(
                uid.starts_with("due-C") && uid.ends_with("@hearback"),
                "{uid}"
            );
            assert_eq!(value_type(e, "DTSTART").as_deref(), Some("DATE"), "{uid}");
            assert_eq!(value_type(e, "DTEND").as_deref(), Some("DATE"), "{uid}");
            let (first, next) = (date(start), date(end));
            assert_eq!(next - first, Duration::days(1), "{uid} is one whole day");
            assert!((today..until).contains(&first), "{uid} on {first}");
            assert_eq!(prop(p, "TRANSP"), Some("TRANSPARENT"));
            let summary = prop(p, "SUMMARY").expect("SUMMARY");
            assert!(
                summary.starts_with("Book feedback interview: "),
                "{summary}"
            );
            // Overdue ones sit on today and say since when.
            if summary.contains("overdue since") {
                assert_eq!(first, today, "{summary}");
            }
        }
    }
    assert_eq!(seen, in_window.keys().copied().collect::<BTreeSet<u64>>());
    let all = uids(&cal);
    let unique: BTreeSet<&String> = all.iter().collect();
    assert_eq!(unique.len(), all.len(), "UIDs are unique");
    assert!(
        all.iter().any(|u| u.starts_with("due-C")),
        "the demo has interviews due"
    );
    assert!(
        cal.events
            .iter()
            .any(|e| prop(&e.properties, "SUMMARY").is_some_and(|s| s.contains("(overdue since "))),
        "the demo has overdue ones"
    );
}

#[test]
fn a_second_export_is_byte_identical() {
    let (_dir, data, first) = demo_calendar();
    let second = ok(&data, &["calendar", "--months", "3"]).stdout;
    assert!(first == second, "two exports of the same data differ");
}

#[test]
fn booking_a_due_customer_swaps_its_due_event_for_the_interview() {
    let (_dir, data, before) = demo_calendar();
    let old: BTreeSet<String> = uids(&parse(&before)).into_iter().collect();
    let customer = old
        .iter()
        .find_map(|u| u.strip_prefix("due-")?.strip_suffix("@hearback"))
        .expect("a customer due for an interview")
        .to_string();
    ok(
        &data,
        &[
            "interview",
            "schedule",
            "--customer",
            &customer,
            "--at",
            "2026-12-15T10:00:00Z",
            "--confirm",
        ],
    );
    let after = ok(&data, &["calendar", "--months", "3"]).stdout;
    let new: BTreeSet<String> = uids(&parse(&after)).into_iter().collect();
    let gone: Vec<&String> = old.difference(&new).collect();
    let added: Vec<&String> = new.difference(&old).collect();
    assert_eq!(gone, [&format!("due-{customer}@hearback")]);
    assert_eq!(added.len(), 1, "{added:?}");
    // The new event is the interview just booked for that customer.
    let number: u64 = customer[1..].parse().expect("customer number");
    let interviews = json(&data, &["export", "interviews", "--format", "json"]);
    let booked = interviews
        .as_array()
        .expect("interviews")
        .iter()
        .find(|i| {
            i["customer_id"].as_u64() == Some(number) && i["status"].as_str() == Some("scheduled")
        })
        .and_then(|i| i["id"].as_u64())
        .expect("the new booking is exported");
    assert_eq!(added[0], &format!("interview-I{booked}@hearback"));
    let event = parse(&after)
        .events
        .into_iter()
        .find(|e| prop(&e.properties, "UID") == Some(added[0].as_str()))
        .expect("the interview's event");
    assert_eq!(
        prop(&event.properties, "DTSTART").map(utc),
        Some(utc("20261215T100000Z"))
    );
}

#[test]
fn an_empty_store_gives_an_empty_calendar_and_says_so() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("empty");
    let o = ok(&data, &["calendar"]);
    let cal = parse(&o.stdout);
    assert!(cal.events.is_empty());
    assert_eq!(prop(&cal.properties, "VERSION"), Some("2.0"));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("nothing to schedule"), "{err}");
}

#[test]
fn months_out_of_range_are_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let o = hearback(&dir.path().join("d"), &["calendar", "--months", "0"]);
    assert_eq!(o.status.code(), Some(2), "a usage error");
    assert!(o.stdout.is_empty(), "no half-written calendar");
}

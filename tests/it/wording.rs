//! One wording for why an interview happens: the dashboard's Interviews pane, the debrief
//! document and the iCalendar description say the same words for every trigger.

use crate::common;

use common::dashboard::{now, rules, screen};
use common::{customer, interview};
use hearback::app::{App, Msg, update};
use hearback::core::policy::Policy;
use hearback::core::queue::queue;
use hearback::core::report::Sources;
use hearback::core::report::debrief::debrief;
use hearback::core::risk::assess;
use hearback::core::*;

fn triggers() -> Vec<Trigger> {
    vec![
        Trigger::Cadence,
        Trigger::Deliverable {
            name: "Phase 2 go-live".into(),
        },
        Trigger::AdHoc,
        Trigger::SurveyImport {
            source: "qualtrics".into(),
            response_id: "R_1".into(),
        },
    ]
}

/// A customer with a booked interview (shown in the pane) and a completed one (debriefed),
/// both with `trigger`.
fn data(trigger: &Trigger) -> Dataset {
    let mut set = ChangeSet::new();
    set.push(Change::Customer(customer(10, "Acme Freight", 125_000_000)));
    set.push(Change::Interview(Interview {
        trigger: trigger.clone(),
        ..interview(20, 10)
    }));
    set.push(Change::Interview(Interview {
        trigger: trigger.clone(),
        ..Interview::booked(
            InterviewId(21),
            CustomerId(10),
            trigger.clone(),
            now() + chrono::Duration::days(2),
        )
    }));
    let mut data = Dataset::default();
    data.apply(&set);
    data
}

#[test]
fn the_pane_and_the_debrief_say_the_same_words_for_every_trigger() {
    for trigger in triggers() {
        let data = data(&trigger);
        let r = rules();
        let items = queue(&data, &Policy::default(), &r.work_week, now());
        let risk = assess(&data, &items, r.monitoring(now()));
        let src = Sources {
            data: &data,
            items: &items,
            risk: &risk,
            questions: &r.questions,
            work_week: &r.work_week,
            now: now(),
        };
        let words = debrief(&src, InterviewId(20)).expect("a debrief").trigger;
        let mut app = App::new(
            data.clone(),
            rules(),
            now(),
            true,
            "/data/hearback".into(),
            "tester".into(),
        );
        update(
            &mut app,
            Msg::Key(crossterm::event::KeyEvent::new(
                crossterm::event::KeyCode::Char('3'),
                crossterm::event::KeyModifiers::NONE,
            )),
        );
        let text = screen(&app, 200, 60);
        assert!(
            text.contains(&words),
            "{trigger:?}: the pane does not say {words:?}\n{text}"
        );
    }
}

/// `hearback customer` lists each interview with the same status words as the dashboard's
/// customer detail (`completed`, `booked`), not the program's internal names.
#[test]
fn the_cli_says_an_interviews_status_in_words() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    common::hearback_ok(&data, &["demo"]);
    let first = common::hearback_ok(&data, &["customers", "--format", "json"]);
    let list: serde_json::Value = serde_json::from_str(&first).expect("json");
    let name = list
        .as_array()
        .and_then(|l| l.first())
        .and_then(|c| c["name"].as_str())
        .expect("a customer")
        .to_string();
    let text = common::hearback_ok(&data, &["customer", &name]);
    let lines: Vec<&str> = text
        .lines()
        .skip_while(|l| *l != "Interviews")
        .skip(1)
        .take_while(|l| l.starts_with("  I"))
        .collect();
    assert!(!lines.is_empty(), "{text}");
    for line in lines {
        let status = line.split_whitespace().nth(2).unwrap_or_default();
        assert!(
            ["booked", "in", "completed", "cancelled"].contains(&status),
            "{line}"
        );
    }
}

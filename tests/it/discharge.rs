//! Which step discharges which queue item: one core function, every kind decided, and the
//! dashboard's `x` and the CLI's `--record` storing the same change for the same item.

use crate::common;

use common::dashboard::{now, rules};
use common::{at, one_of_each};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use hearback::app::{App, Effect, Msg, update};
use hearback::core::discharge::{Refusal, closes_a_loop, discharge, discharged_at};
use hearback::core::interview_flow::InterviewError;
use hearback::core::queue::{ItemKind, Subject};
use hearback::core::*;

fn data() -> Dataset {
    let mut data = Dataset::default();
    data.apply(&one_of_each());
    data
}

const I20: Subject = Subject::Interview(InterviewId(20));
const F30: Subject = Subject::FollowUp(FollowUpId(30));
const A40: Subject = Subject::Action(ActionId(40));
const R60: Subject = Subject::Request(RequestId(60));

/// The record a change set stores for `subject`, and the kinds of the events it writes.
fn stored(set: &ChangeSet) -> (Vec<&Change>, Vec<EventKind>) {
    let records = set
        .changes
        .iter()
        .filter(|c| !matches!(c, Change::Event(_)))
        .collect();
    let events = set
        .changes
        .iter()
        .filter_map(|c| match c {
            Change::Event(e) => Some(e.kind),
            _ => None,
        })
        .collect();
    (records, events)
}

fn interview_after(set: &ChangeSet) -> Interview {
    match stored(set).0.as_slice() {
        [Change::Interview(i)] => i.clone(),
        other => panic!("not one interview: {other:?}"),
    }
}

/// Every kind, on the record `one_of_each` holds for it: the change set, or the refusal. The
/// match has no catch-all arm, so a new kind fails to compile here until it has a case.
#[test]
fn every_kind_gives_its_change_or_its_refusal() {
    let data = data();
    let when = at(1_000);
    let mut base = data.interviews.first().cloned().expect("an interview");
    for kind in ItemKind::ALL {
        let subject = match kind {
            ItemKind::ScheduleInterview => Subject::Customer(CustomerId(10)),
            ItemKind::PreBrief
            | ItemKind::Acknowledge
            | ItemKind::Debrief
            | ItemKind::InformExecutives
            | ItemKind::ReportPresident
            | ItemKind::Disseminate => I20,
            ItemKind::LowScoreFollowUp | ItemKind::FormalReport => F30,
            ItemKind::ActionItem | ItemKind::ActionFollowUp => A40,
            ItemKind::RequestResponse | ItemKind::RequestResolution => R60,
        };
        let got = discharge(kind, subject, &data, when, "Dana Reyes");
        match kind {
            ItemKind::ScheduleInterview => {
                assert_eq!(got, Err(Refusal::NeedsBooking(CustomerId(10))));
            }
            // The sample interview was pre-briefed and thanked before: the first time stands.
            ItemKind::PreBrief | ItemKind::Acknowledge => {
                assert!(
                    matches!(
                        got,
                        Err(Refusal::Interview(InterviewError::AlreadyRecorded(..)))
                    ),
                    "{kind:?}: {got:?}"
                );
            }
            ItemKind::Debrief
            | ItemKind::InformExecutives
            | ItemKind::ReportPresident
            | ItemKind::Disseminate => {
                let set = got.expect("recorded");
                let i = interview_after(&set);
                assert_eq!(discharged_at(kind, &i), Some(when), "{kind:?}");
                assert_eq!(discharged_at(kind, &base), None, "{kind:?}");
                let expected = match kind {
                    ItemKind::Debrief => EventKind::Debriefed,
                    ItemKind::InformExecutives => EventKind::ExecutivesInformed,
                    ItemKind::ReportPresident => EventKind::ReportedToPresident,
                    _ => EventKind::Disseminated,
                };
                assert_eq!(stored(&set).1, vec![expected]);
                // Nothing else on the interview moves.
                base = Interview {
                    debriefed_at: i.debriefed_at,
                    executives_informed_at: i.executives_informed_at,
                    reported_at: i.reported_at,
                    disseminated_at: i.disseminated_at,
                    ..base.clone()
                };
                assert_eq!(i, base);
                base = data.interviews[0].clone();
            }
            ItemKind::LowScoreFollowUp => {
                assert_eq!(got, Err(Refusal::NeedsContext(FollowUpId(30))));
            }
            ItemKind::FormalReport => {
                let set = got.expect("presented and closed");
                let (records, events) = stored(&set);
                match records.as_slice() {
                    [Change::FollowUp(f)] => {
                        assert_eq!(f.state, FollowUpState::Closed);
                        assert_eq!(
                            (f.report_presented_at, f.closed_at),
                            (Some(when), Some(when))
                        );
                    }
                    other => panic!("not one follow-up: {other:?}"),
                }
                assert_eq!(events.len(), 2, "{events:?}");
            }
            ItemKind::ActionItem | ItemKind::ActionFollowUp => {
                let set = got.expect("moved");
                let want = if kind == ItemKind::ActionItem {
                    ActionState::Done
                } else {
                    ActionState::FollowedUp
                };
                match stored(&set).0.as_slice() {
                    [Change::Action(a)] => assert_eq!(a.state, want),
                    other => panic!("not one action: {other:?}"),
                }
            }
            ItemKind::RequestResponse | ItemKind::RequestResolution => {
                let set = got.expect("recorded");
                let (records, events) = stored(&set);
                match records.as_slice() {
                    [Change::Request(r)] => {
                        assert_eq!(r.first_response_at, Some(when), "{kind:?}");
                        let resolved = kind == ItemKind::RequestResolution;
                        assert_eq!(r.resolved_at, resolved.then_some(when), "{kind:?}");
                    }
                    other => panic!("not one request: {other:?}"),
                }
                assert_eq!(events, vec![EventKind::OurResponse]);
            }
        }
    }
}

#[test]
fn a_missing_record_or_a_kind_on_the_wrong_record_is_refused_in_words() {
    let data = data();
    let gone = Subject::Interview(InterviewId(99));
    let e = discharge(ItemKind::Debrief, gone, &data, at(0), "x").expect_err("gone");
    assert_eq!(e.to_string(), "I99 is no longer in the store");
    let e = discharge(ItemKind::Debrief, A40, &data, at(0), "x").expect_err("wrong record");
    assert_eq!(e.to_string(), "Debrief AM/sales is not about A40");
    let e = discharge(ItemKind::LowScoreFollowUp, F30, &data, at(0), "x").expect_err("form");
    assert_eq!(
        e.to_string(),
        "record what the customer said on F30: that closes the low-score follow-up"
    );
}

#[test]
fn only_the_last_steps_of_a_loop_ask_first() {
    let asks: Vec<ItemKind> = ItemKind::ALL
        .into_iter()
        .filter(|k| closes_a_loop(*k))
        .collect();
    assert_eq!(
        asks,
        [
            ItemKind::Disseminate,
            ItemKind::FormalReport,
            ItemKind::ActionFollowUp,
            ItemKind::RequestResolution
        ]
    );
}

fn hearback(data: &std::path::Path, args: &[&str]) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_hearback"))
        .args(args)
        .env("HEARBACK_DATA", data)
        .env("HEARBACK_NOW", now().to_rfc3339())
        .env("TZ", "UTC")
        .env("XDG_CONFIG_HOME", data.join("no-config"))
        .env_remove("HEARBACK_CONFIG")
        .output()
        .expect("runs hearback");
    assert!(
        out.status.success(),
        "hearback {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The interview as stored in `dir`, and its customer's timeline.
fn stored_in(dir: &std::path::Path, id: InterviewId) -> (Interview, Vec<TimelineEvent>) {
    let store = hearback::store::Store::open(dir).expect("opens the store");
    let data = store.load().expect("loads");
    let i = data
        .interviews
        .iter()
        .find(|i| i.id == id)
        .cloned()
        .expect("the interview");
    let events = store.timeline(i.customer).expect("reads the timeline");
    (i, events)
}

/// The same debrief item, closed with `x` on the dashboard and with `report debrief --record`
/// on the command line, leaves the same interview and the same timeline in the store.
#[test]
fn the_dashboard_and_the_cli_store_the_same_change_for_the_same_item() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (by_key, by_cli) = (dir.path().join("dashboard"), dir.path().join("cli"));
    hearback(&by_key, &["demo"]);
    hearback(&by_cli, &["demo"]);
    let before = hearback::store::Store::open(&by_key)
        .and_then(|s| s.load())
        .expect("loads the demo");

    let mut app = App::new(
        before,
        rules(),
        now(),
        true,
        "/data/hearback".into(),
        "Dana Reyes".into(),
    );
    let key = |c| Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    update(&mut app, key('2'));
    let row = app
        .queue_rows()
        .iter()
        .position(|i| i.kind == ItemKind::Debrief)
        .expect("a debrief in the demo queue");
    app.queue.selected = row;
    app.clamp_selections();
    let Some(Subject::Interview(id)) = app.selected_item().map(|i| i.subject) else {
        panic!("a debrief is about an interview");
    };
    let (_, events_before) = stored_in(&by_key, id);
    let changes = update(&mut app, key('x'))
        .into_iter()
        .find_map(|e| match e {
            Effect::Commit { changes, .. } => Some(changes),
            _ => None,
        })
        .expect("x saves the debrief");
    hearback::store::Store::open(&by_key)
        .and_then(|s| s.commit(&changes))
        .expect("the dashboard's change is stored");

    let out = dir.path().join("debrief.md");
    let out_text = out.to_string_lossy().into_owned();
    let id_text = id.to_string();
    hearback(
        &by_cli,
        &[
            "--as",
            "Dana Reyes",
            "report",
            "debrief",
            "--interview",
            &id_text,
            "--out",
            &out_text,
            "--record",
        ],
    );

    let (i_key, events_key) = stored_in(&by_key, id);
    let (i_cli, events_cli) = stored_in(&by_cli, id);
    assert_eq!(i_key.debriefed_at, Some(now()));
    assert_eq!(i_key, i_cli);
    assert_eq!(events_key, events_cli);
    assert_eq!(events_key.len(), events_before.len() + 1);
}

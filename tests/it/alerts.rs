//! Notifications in the dashboard: a follow-up that arrives (saved here, or by a command
//! through the dashboard) is a new low score, an item the tick turns overdue is the other kind;
//! one notification per kind a minute, grouped; the status line counts them until the lead
//! looks at the queue. The escape sequences themselves are tested in `runtime::notify`, and
//! in the terminal by the inbox's tmux test.

use crate::common::dashboard::{app, demo_data, now, rules, screen};
use chrono::Duration;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use hearback::app::{App, Effect, Msg, Pane, update};
use hearback::core::alerts::{Kind, Notice};
use hearback::core::queue::DueState;
use hearback::core::{Change, ChangeSet, FollowUp, FollowUpId, FollowUpState, Score};

fn key(app: &mut App, c: char) -> Vec<Effect> {
    update(
        app,
        Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)),
    )
}

fn notices(effects: &[Effect]) -> Vec<Notice> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::Notify(n) => Some(n.clone()),
            _ => None,
        })
        .collect()
}

/// A new open follow-up on the same interview as an existing one, scored `severity`.
fn new_followup(app: &App, severity: u8) -> FollowUp {
    let template = app.data.followups.first().expect("the demo has follow-ups");
    let next = app.data.followups.iter().map(|f| f.id.0).max().unwrap_or(0) + 1;
    FollowUp {
        id: FollowUpId(next),
        state: FollowUpState::Open,
        severity: Score::new(severity).expect("a score"),
        contacted_at: None,
        report_committed_at: None,
        report_presented_at: None,
        closed_at: None,
        context: String::new(),
        opened_at: app.now,
        ..template.clone()
    }
}

fn saved(app: &mut App, followup: FollowUp) -> Vec<Effect> {
    update(
        app,
        Msg::Saved {
            changes: ChangeSet {
                changes: vec![Change::FollowUp(followup)],
            },
            label: "follow-up opened".into(),
            result: Ok(()),
        },
    )
}

fn customer_name(app: &App, f: &FollowUp) -> String {
    app.data
        .customer(f.customer)
        .expect("its customer")
        .name
        .clone()
}

fn live_app() -> App {
    App::new(
        demo_data(),
        rules(),
        now(),
        false,
        "/data".into(),
        "t".into(),
    )
}

#[test]
fn a_low_score_saved_from_here_raises_a_notification_counted_until_the_queue_is_looked_at() {
    let mut a = app();
    key(&mut a, '1');
    assert_eq!(a.focus, Pane::Customers);
    let f = new_followup(&a, 2);
    let name = customer_name(&a, &f);
    let effects = saved(&mut a, f);
    assert_eq!(
        notices(&effects),
        vec![Notice {
            kind: Kind::LowScore,
            title: "1 new low score".into(),
            body: format!("{name} scored 2"),
        }]
    );
    assert_eq!(a.alerts.unread, 1);
    let status = screen(&a, 120, 30);
    let last = status.lines().last().unwrap_or_default().to_string();
    assert!(last.contains("1 new: 2 queue"), "{last}");

    // Keys elsewhere leave it; going to the queue clears it.
    key(&mut a, 'j');
    assert_eq!(a.alerts.unread, 1);
    key(&mut a, '2');
    assert_eq!(a.alerts.unread, 0);
    let last = screen(&a, 120, 30)
        .lines()
        .last()
        .unwrap_or_default()
        .to_string();
    assert!(!last.contains(" new"), "{last}");
}

#[test]
fn a_follow_up_a_command_saved_through_the_dashboard_is_news_too() {
    let mut a = app();
    let f = new_followup(&a, 3);
    let name = customer_name(&a, &f);
    let mut data = a.data.clone();
    data.apply(&ChangeSet {
        changes: vec![Change::FollowUp(f)],
    });
    let effects = update(
        &mut a,
        Msg::Remote {
            said: String::new(),
            data: Some(Ok(data.clone())),
        },
    );
    assert_eq!(
        notices(&effects)
            .iter()
            .map(|n| n.body.clone())
            .collect::<Vec<_>>(),
        vec![format!("{name} scored 3")]
    );
    // The same data read back again (another command that changed nothing new) is no news.
    let again = update(
        &mut a,
        Msg::Remote {
            said: String::new(),
            data: Some(Ok(data)),
        },
    );
    assert_eq!(notices(&again), vec![]);
}

#[test]
fn low_scores_within_a_minute_come_together_once_it_is_over() {
    let mut a = live_app();
    let first = new_followup(&a, 2);
    assert_eq!(notices(&saved(&mut a, first)).len(), 1);
    let second = new_followup(&a, 3);
    assert_eq!(notices(&saved(&mut a, second)), vec![], "within the minute");
    let third = new_followup(&a, 1);
    assert_eq!(notices(&saved(&mut a, third)), vec![]);
    let early = update(&mut a, Msg::Tick(now() + Duration::seconds(59)));
    assert_eq!(notices(&early), vec![]);
    let grouped = notices(&update(&mut a, Msg::Tick(now() + Duration::seconds(60))));
    assert_eq!(grouped.len(), 1, "{grouped:?}");
    assert_eq!(grouped[0].title, "2 new low scores");
    assert_eq!(a.alerts.unread, 3);
}

#[test]
fn an_item_the_tick_turns_overdue_is_raised_once() {
    let mut a = live_app();
    let item = a
        .items
        .iter()
        .filter(|i| i.state != DueState::Overdue && i.is_visible())
        .min_by_key(|i| i.due)
        .expect("the demo has work not yet late")
        .clone();
    let name = a
        .data
        .customer(item.customer)
        .expect("its customer")
        .name
        .clone();
    let before = update(&mut a, Msg::Tick(item.due));
    assert_eq!(notices(&before), vec![], "due exactly now is not late yet");
    let late = notices(&update(&mut a, Msg::Tick(item.due + Duration::seconds(1))));
    let overdue: Vec<&Notice> = late.iter().filter(|n| n.kind == Kind::Overdue).collect();
    assert_eq!(overdue.len(), 1, "{late:?}");
    assert!(
        overdue[0]
            .body
            .contains(&format!("{}: {name} ({})", item.kind.label(), item.subject)),
        "{:?}",
        overdue[0]
    );
    let later = update(&mut a, Msg::Tick(item.due + Duration::seconds(120)));
    assert!(
        notices(&later)
            .iter()
            .all(|n| !n.body.contains(&name) || n.kind != Kind::Overdue),
        "already overdue: not raised again"
    );
}

/// Loaded here (`d` on the welcome screen) or written by `hearback demo` in another terminal.
#[test]
fn demo_data_loaded_into_an_empty_dashboard_is_not_news() {
    let mut a = App::new(
        Default::default(),
        rules(),
        now(),
        true,
        "/data".into(),
        "t".into(),
    );
    let effects = update(&mut a, Msg::Reloaded(Ok(demo_data())));
    assert_eq!(notices(&effects), vec![]);
    assert_eq!(a.alerts.unread, 0);
    let mut b = App::new(
        Default::default(),
        rules(),
        now(),
        true,
        "/data".into(),
        "t".into(),
    );
    let effects = update(
        &mut b,
        Msg::Remote {
            said: "hearback demo (another terminal)".into(),
            data: Some(Ok(demo_data())),
        },
    );
    assert_eq!(notices(&effects), vec![]);
    assert_eq!(b.alerts.unread, 0);
}

/// What the dashboard wrote to its terminal so far (a `pipe-pane` log), waiting up to `HANG`
/// for `ok`.
pub fn written(log: &std::path::Path, what: &str, ok: impl Fn(&str) -> bool) -> String {
    let started = std::time::Instant::now();
    loop {
        let text = String::from_utf8_lossy(&std::fs::read(log).unwrap_or_default()).into_owned();
        if ok(&text) {
            return text;
        }
        assert!(
            started.elapsed() < crate::common::HANG,
            "{what}: not written to the terminal in {:?}; it wrote {} bytes",
            crate::common::HANG,
            text.len()
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

/// With `terminal = "osc777"` in the config, a low score recorded from another terminal while
/// the dashboard is open is announced in the dashboard's terminal with OSC 777, naming the
/// customer and the score, and the status line counts it.
#[test]
fn a_low_score_recorded_from_another_terminal_is_announced_in_the_dashboard_terminal() {
    let config = tempfile::tempdir().expect("tempdir");
    let file = config.path().join("hearback.toml");
    std::fs::write(&file, "[notifications]\nterminal = \"osc777\"\n").expect("the config");
    let path = file.to_string_lossy().into_owned();
    let open = crate::hub::Open::with_env("alerts-osc777", &[("HEARBACK_CONFIG", &path)]);
    let log = open.dir.path().join("pane.log");
    open.tmux.log_output(&log);
    open.tmux.keys(&["1"]);
    let out = crate::hub::hearback(
        &open.data(),
        open.dir.path(),
        &[
            "interview",
            "record",
            "--customer",
            "Caldera",
            "--at",
            "2026-11-23 08:30",
            "--scores",
            "5,4,2,5,3,n",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let wrote = written(&log, "the OSC 777 notification", |t| {
        t.contains("\u{1b}]777;")
    });
    assert!(
        wrote.contains("\u{1b}]777;notify;hearback: 1 new low score;Caldera"),
        "{:?}",
        wrote
            .get(wrote.find("\u{1b}]777").unwrap_or(0)..)
            .unwrap_or_default()
    );
    assert!(wrote.contains("scored 2\u{7}"));
    open.tmux.wait_for("the count in the status line", |s| {
        s.contains("1 new: 2 queue")
    });
}

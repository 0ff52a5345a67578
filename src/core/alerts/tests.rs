use super::*;
use chrono::{NaiveTime, TimeZone, Utc};

fn at(h: u32, m: u32, s: u32) -> Instant {
    Utc.with_ymd_and_hms(2026, 12, 4, h, m, s)
        .single()
        .expect("valid")
}

fn utc() -> FixedOffset {
    FixedOffset::east_opt(0).expect("offset")
}

fn names(n: &[&str]) -> Vec<String> {
    n.iter().map(|s| s.to_string()).collect()
}

#[test]
fn the_first_event_is_raised_at_once_and_the_rest_of_the_minute_together() {
    let s = Settings::default();
    let mut a = Alerts::default();
    a.happened(Kind::LowScore, names(&["Acme scored 2"]), &s);
    let first = a.due(at(9, 0, 0), utc(), &s);
    assert_eq!(
        first,
        vec![Notice {
            kind: Kind::LowScore,
            title: "1 new low score".into(),
            body: "Acme scored 2".into()
        }]
    );
    a.happened(Kind::LowScore, names(&["Beta scored 3"]), &s);
    assert_eq!(
        a.due(at(9, 0, 20), utc(), &s),
        vec![],
        "20 s after the last one"
    );
    a.happened(
        Kind::LowScore,
        names(&["Gamma scored 1", "Delta scored 2"]),
        &s,
    );
    assert!(a.waiting());
    assert_eq!(a.due(at(9, 0, 59), utc(), &s), vec![]);
    let grouped = a.due(at(9, 1, 0), utc(), &s);
    assert_eq!(grouped.len(), 1);
    assert_eq!(grouped[0].title, "3 new low scores");
    assert_eq!(
        grouped[0].body,
        "Beta scored 3, Gamma scored 1 and Delta scored 2"
    );
    assert!(!a.waiting());
    assert_eq!(a.due(at(9, 5, 0), utc(), &s), vec![], "nothing waits");
    assert_eq!(a.unread, 4);
}

#[test]
fn each_kind_has_its_own_minute() {
    let s = Settings::default();
    let mut a = Alerts::default();
    a.happened(Kind::LowScore, names(&["Acme scored 2"]), &s);
    assert_eq!(a.due(at(9, 0, 0), utc(), &s).len(), 1);
    a.happened(Kind::Overdue, names(&["Send thank-you: Acme (I2)"]), &s);
    let overdue = a.due(at(9, 0, 10), utc(), &s);
    assert_eq!(
        overdue,
        vec![Notice {
            kind: Kind::Overdue,
            title: "1 item overdue".into(),
            body: "Send thank-you: Acme (I2)".into()
        }]
    );
}

#[test]
fn a_long_list_names_three_and_counts_the_rest() {
    let s = Settings::default();
    let mut a = Alerts::default();
    a.happened(Kind::Overdue, names(&["a", "b", "c", "d", "e"]), &s);
    let n = a.due(at(9, 0, 0), utc(), &s);
    assert_eq!(n[0].title, "5 items overdue");
    assert_eq!(n[0].body, "a, b, c and 2 more");
    assert_eq!(listed(&names(&["a", "b"])), "a and b");
}

#[test]
fn quiet_hours_raise_nothing_and_keep_nothing_for_later_but_count() {
    let s = Settings {
        quiet_hours: Some((
            NaiveTime::from_hms_opt(19, 0, 0).expect("time"),
            NaiveTime::from_hms_opt(8, 0, 0).expect("time"),
        )),
        ..Settings::default()
    };
    let mut a = Alerts::default();
    a.happened(Kind::LowScore, names(&["Acme scored 2"]), &s);
    assert_eq!(a.due(at(7, 59, 59), utc(), &s), vec![], "quiet until 08:00");
    assert!(!a.waiting(), "dropped, not kept for the morning");
    assert_eq!(a.unread, 1, "the status line still counts it");
    a.happened(Kind::LowScore, names(&["Beta scored 3"]), &s);
    assert_eq!(a.due(at(8, 0, 0), utc(), &s).len(), 1, "08:00 is not quiet");
    a.happened(Kind::Overdue, names(&["x"]), &s);
    assert_eq!(a.due(at(19, 0, 0), utc(), &s), vec![], "19:00 is quiet");
    // Local time: 18:30 UTC is 19:30 at +01:00.
    let plus_one = FixedOffset::east_opt(3600).expect("offset");
    assert!(s.is_quiet(at(18, 30, 0), plus_one));
    assert!(!s.is_quiet(at(18, 30, 0), utc()));
    let daytime = Settings {
        quiet_hours: Some((
            NaiveTime::from_hms_opt(12, 0, 0).expect("time"),
            NaiveTime::from_hms_opt(13, 0, 0).expect("time"),
        )),
        ..Settings::default()
    };
    assert!(daytime.is_quiet(at(12, 30, 0), utc()));
    assert!(!daytime.is_quiet(at(13, 0, 0), utc()));
    assert!(!daytime.is_quiet(at(11, 59, 0), utc()));
}

#[test]
fn a_kind_switched_off_is_neither_raised_nor_counted() {
    let s = Settings {
        overdue: false,
        ..Settings::default()
    };
    let mut a = Alerts::default();
    a.happened(Kind::Overdue, names(&["x"]), &s);
    assert_eq!(a.due(at(9, 0, 0), utc(), &s), vec![]);
    assert_eq!(a.unread, 0);
    a.happened(Kind::LowScore, names(&["y"]), &s);
    assert_eq!(a.due(at(9, 0, 0), utc(), &s).len(), 1);
}

#[test]
fn everything_raised_is_counted_until_seen() {
    let s = Settings::default();
    let mut a = Alerts::default();
    a.happened(Kind::LowScore, names(&["x"]), &s);
    assert_eq!(a.due(at(9, 0, 0), utc(), &s).len(), 1);
    assert_eq!(a.unread, 1, "raising does not make it read");
    a.happened(Kind::LowScore, names(&["y", "z"]), &s);
    assert_eq!(a.unread, 3);
    a.seen();
    assert_eq!(a.unread, 0);
}

#[test]
fn the_shipped_section_parses_to_the_defaults() {
    let shipped = Settings::from_toml(crate::core::policy::DEFAULT_POLICY_TOML);
    assert_eq!(shipped, Ok(Settings::default()));
    assert_eq!(Settings::from_toml(""), Ok(Settings::default()));
}

#[test]
fn the_config_keys_are_read_and_bad_values_named() {
    let s = Settings::from_toml(
        "[notifications]\nlow_scores = false\nterminal = \"osc777\"\ndesktop = true\nquiet_hours = \"22:30-07:00\"\n",
    )
    .expect("valid");
    assert!(!s.low_scores && s.overdue && s.desktop);
    assert_eq!(s.terminal, Signal::Osc777);
    assert_eq!(
        s.quiet_hours,
        Some((
            NaiveTime::from_hms_opt(22, 30, 0).expect("time"),
            NaiveTime::from_hms_opt(7, 0, 0).expect("time")
        ))
    );
    let bad =
        Settings::from_toml("[notifications]\nquiet_hours = \"7pm-8am\"\n").expect_err("not times");
    assert!(
        bad.to_string()
            .starts_with("notifications.quiet_hours: \"7pm-8am\""),
        "{bad}"
    );
    assert!(Settings::from_toml("[notifications]\nquiet_hours = \"08:00-08:00\"\n").is_err());
    let bad = Settings::from_toml("[notifications]\nterminal = \"loud\"\n").expect_err("unknown");
    assert!(bad.to_string().contains("terminal"), "{bad}");
    let bad = Settings::from_toml("[notifications]\nsound = true\n").expect_err("unknown key");
    assert!(bad.to_string().contains("sound"), "{bad}");
}

#[test]
fn auto_picks_the_terminal_own_notification_and_the_bell_in_a_multiplexer() {
    let env = |term: &str, program: &str, multiplexed: bool, vte: bool| TerminalEnv {
        term: term.into(),
        term_program: program.into(),
        multiplexed,
        vte,
    };
    let auto = Signal::Auto;
    assert_eq!(
        auto.for_terminal(&env("xterm-256color", "iTerm.app", false, false)),
        Signal::Osc9
    );
    assert_eq!(
        auto.for_terminal(&env("xterm-256color", "WezTerm", false, false)),
        Signal::Osc9
    );
    assert_eq!(
        auto.for_terminal(&env("xterm-kitty", "", false, false)),
        Signal::Osc9
    );
    assert_eq!(
        auto.for_terminal(&env("foot", "", false, false)),
        Signal::Osc777
    );
    assert_eq!(
        auto.for_terminal(&env("xterm-256color", "", false, true)),
        Signal::Osc777
    );
    assert_eq!(
        auto.for_terminal(&env("xterm-256color", "", false, false)),
        Signal::Bell
    );
    assert_eq!(
        auto.for_terminal(&env("tmux-256color", "iTerm.app", true, false)),
        Signal::Bell
    );
    assert_eq!(
        auto.for_terminal(&env("screen", "", false, false)),
        Signal::Bell
    );
    assert_eq!(
        Signal::Osc9.for_terminal(&env("tmux-256color", "", true, false)),
        Signal::Osc9,
        "a setting other than auto is taken as it is"
    );
}

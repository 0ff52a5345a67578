//! The insight view driven by its real keys on the demo dashboard at a fixed `now`: snapshots
//! at 80x24 and 200x60 (opened, by account manager, with the comments panel), and what the
//! keys do to the state.
//!
//! Update after an intended change: `INSTA_UPDATE=always cargo test --test it ui_insight::`, then
//! read the diff of `tests/snapshots/`.

use crate::common;

use common::dashboard::{SIZES, app, screen};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use hearback::app::{App, InsightView, Msg, Overlay, update};
use hearback::core::insight::GroupBy;

fn press(app: &mut App, code: KeyCode) {
    update(app, Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

fn keys(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

/// The demo dashboard with the insight view opened by its key.
fn opened() -> App {
    let mut app = app();
    keys(&mut app, "I");
    app
}

fn view(app: &App) -> &InsightView {
    match &app.overlay {
        Some(Overlay::Insight(v)) => v,
        other => panic!("the insight view is not open: {other:?}"),
    }
}

fn snap(name: &str, app: &App) {
    for (w, h) in SIZES {
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), screen(app, w, h));
    }
}

#[test]
fn opened_by_segment_over_the_last_year() {
    let app = opened();
    let v = view(&app);
    assert_eq!(v.by, GroupBy::Segment);
    assert_eq!(v.preset.label(), "last year");
    assert!(
        v.insight.all.interviews > 0,
        "the demo has interviews this year"
    );
    snap("insight_open", &app);
}

#[test]
fn by_account_manager() {
    let mut app = opened();
    keys(&mut app, "b");
    keys(&mut app, "b");
    keys(&mut app, "b");
    assert_eq!(view(&app).by, GroupBy::Manager);
    snap("insight_by_manager", &app);
}

#[test]
fn comments_panel_behind_a_number() {
    let mut app = opened();
    // The second group, the `understanding` column.
    keys(&mut app, "jl");
    press(&mut app, KeyCode::Enter);
    let v = view(&app);
    let panel = v.comments.as_ref().expect("Enter opens the comments");
    assert_eq!(panel.question.as_deref(), Some("understanding"));
    assert_eq!(
        Some(panel.group.as_str()),
        v.insight.groups.get(1).map(|g| g.label.as_str())
    );
    assert!(!panel.comments.is_empty(), "the demo has comments there");
    let dates: Vec<_> = panel.comments.iter().map(|c| c.at).collect();
    assert!(dates.windows(2).all(|w| w[0] >= w[1]), "newest first");
    assert!(
        panel
            .comments
            .iter()
            .all(|c| c.question_key == "understanding")
    );
    snap("insight_comments", &app);
}

#[test]
fn comments_about_an_individual_are_shown_and_marked() {
    let mut app = opened();
    // The programme row (last), the average column (last): every comment of the period.
    keys(&mut app, &"j".repeat(20));
    keys(&mut app, &"l".repeat(20));
    let v = view(&app);
    assert_eq!(v.row, v.insight.groups.len(), "the programme row");
    assert_eq!(v.selected_question(), None, "the average column");
    press(&mut app, KeyCode::Enter);
    let at = view(&app)
        .comments
        .as_ref()
        .expect("comments open")
        .comments
        .iter()
        .position(|c| c.individual == hearback::core::Individual::Private)
        .expect("the demo has a comment flagged about an individual");
    keys(&mut app, &"j".repeat(at));
    let text = screen(&app, 200, 60);
    assert!(
        text.contains("about an individual (private): kept out of the workforce digest"),
        "{text}"
    );
}

#[test]
fn b_cycles_the_four_groupings() {
    let mut app = opened();
    let mut seen = vec![view(&app).by];
    for _ in 0..4 {
        keys(&mut app, "b");
        seen.push(view(&app).by);
    }
    assert_eq!(
        seen,
        [
            GroupBy::Segment,
            GroupBy::Region,
            GroupBy::Tier,
            GroupBy::Manager,
            GroupBy::Segment
        ]
    );
    keys(&mut app, "b");
    let text = screen(&app, 80, 24);
    assert!(text.contains("scores by region"), "{text}");
    assert!(text.contains("All customers"), "{text}");
}

#[test]
fn brackets_change_the_period_and_the_counts() {
    let mut app = opened();
    let count = |app: &App| view(app).insight.all.interviews;
    let year = count(&app);
    keys(&mut app, "[");
    assert_eq!(view(&app).preset.label(), "last 180 days");
    let half = count(&app);
    keys(&mut app, "[[");
    assert_eq!(
        view(&app).preset.label(),
        "last 90 days",
        "stops at the shortest"
    );
    let quarter = count(&app);
    keys(&mut app, "]]]]]]");
    assert_eq!(
        view(&app).preset.label(),
        "all time",
        "stops at the longest"
    );
    let all = count(&app);
    assert!(
        quarter < half && half < year && year < all,
        "{quarter} < {half} < {year} < {all}"
    );
    assert_eq!(view(&app).insight.period.since, None);
    let completed = app
        .data
        .interviews
        .iter()
        .filter(|i| i.is_completed())
        .count();
    assert_eq!(all, completed, "all time counts every completed interview");
    let text = screen(&app, 80, 24);
    assert!(text.contains(&format!("{all} interviews")), "{text}");
}

#[test]
fn selection_moves_and_stays_in_range() {
    let mut app = opened();
    keys(&mut app, "kh");
    assert_eq!((view(&app).row, view(&app).column), (0, 0));
    keys(&mut app, &"l".repeat(3));
    assert_eq!(view(&app).selected_question(), Some("delivery"));
    let text = screen(&app, 80, 24);
    assert!(
        text.contains("[deli]"),
        "the selected column is bracketed: {text}"
    );
    keys(&mut app, &"l".repeat(30));
    assert_eq!(view(&app).column, view(&app).columns() - 1);
    // Regrouping keeps the question; a new period keeps the selected group.
    keys(&mut app, "hj");
    let group = view(&app).insight.row(1).map(|g| g.key.clone());
    keys(&mut app, "]");
    let v = view(&app);
    assert_eq!(v.insight.row(v.row).map(|g| g.key.clone()), group);
    assert_eq!(v.selected_question(), Some("loyalty"));
}

#[test]
fn esc_closes_the_comments_first_then_the_view() {
    let mut app = opened();
    press(&mut app, KeyCode::Enter);
    assert!(view(&app).comments.is_some());
    // While the panel is open, j/k scroll it and the grouping keys do nothing.
    keys(&mut app, "jb");
    assert_eq!(view(&app).comments.as_ref().map(|p| p.scroll), Some(1));
    assert_eq!(view(&app).by, GroupBy::Segment);
    press(&mut app, KeyCode::Esc);
    assert!(view(&app).comments.is_none(), "Esc closed the panel only");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.overlay, None, "the second Esc closed the view");
    keys(&mut app, "I");
    keys(&mut app, "q");
    assert_eq!(app.overlay, None, "q closes it too");
}

#[test]
fn an_empty_period_says_how_to_widen_it() {
    let mut app = opened();
    // Every interview of the demo is completed before the fixed now: move the clock on.
    app.now += chrono::Duration::days(400);
    keys(&mut app, "[[");
    assert_eq!(view(&app).insight.all.interviews, 0);
    for (w, h) in SIZES {
        let text = screen(&app, w, h);
        assert!(
            text.contains("No interviews completed in this period: widen it with ]"),
            "{w}x{h}: {text}"
        );
    }
}

#[test]
fn reports_for_the_period_do_not_lose_the_view() {
    let mut app = opened();
    for key in ["r", "d"] {
        keys(&mut app, key);
        assert!(
            matches!(
                app.overlay,
                Some(Overlay::Insight(_) | Overlay::Document(_))
            ),
            "{key}: {:?}",
            app.overlay
        );
        if matches!(app.overlay, Some(Overlay::Document(_))) {
            app.overlay = None;
            keys(&mut app, "I");
        }
    }
}

#[test]
fn any_terminal_size_draws_without_panicking() {
    let mut app = opened();
    for comments in [false, true] {
        if comments {
            press(&mut app, KeyCode::Enter);
        }
        for (w, h) in [
            (1, 1),
            (10, 3),
            (30, 8),
            (50, 12),
            (81, 25),
            (120, 30),
            (300, 90),
        ] {
            let text = screen(&app, w, h);
            assert_eq!(text.lines().count(), usize::from(h), "{w}x{h}");
        }
    }
    // Too narrow for every column: the selected one stays in view.
    press(&mut app, KeyCode::Esc);
    assert!(view(&app).comments.is_none());
    let narrow = screen(&app, 50, 24);
    assert!(!narrow.contains("Aver"), "not every column fits: {narrow}");
    keys(&mut app, &"l".repeat(6));
    let text = screen(&app, 50, 24);
    assert!(
        text.contains("[Aver]"),
        "the selected average column is shown: {text}"
    );
}

#[test]
fn a_report_opened_from_insight_closes_back_to_insight() {
    let mut app = common::dashboard::app();
    press(&mut app, KeyCode::Char('I'));
    press(&mut app, KeyCode::Char('r'));
    assert!(
        matches!(app.overlay, Some(Overlay::Document(_))),
        "r opens the President report: {:?}",
        app.message
    );
    press(&mut app, KeyCode::Esc);
    assert!(matches!(app.overlay, Some(Overlay::Insight(_))));
    press(&mut app, KeyCode::Char('d'));
    assert!(matches!(app.overlay, Some(Overlay::Document(_))));
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.overlay, None);
}

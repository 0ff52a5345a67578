//! The live interview form: keys as pure functions (scores by digit, navigation, comment
//! editing, flags, completion) and how it is drawn (snapshots, timer colours).

use crate::common;

use common::dashboard::{app, now};

use chrono::Duration;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use hearback::app::{App, Effect, Msg, Pane, update};
use hearback::core::*;
use ratatui::style::Color;

fn key(app: &mut App, code: KeyCode) -> Vec<Effect> {
    update(app, Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)))
}

fn ctrl(app: &mut App, c: char) -> Vec<Effect> {
    update(
        app,
        Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)),
    )
}

fn chars(app: &mut App, text: &str) -> Vec<Effect> {
    text.chars()
        .flat_map(|c| key(app, KeyCode::Char(c)))
        .collect()
}

/// Opens the form on the first booked interview.
fn open(app: &mut App) -> InterviewId {
    chars(app, "3");
    assert_eq!(app.focus, Pane::Interview);
    let effects = key(app, KeyCode::Enter);
    let form = app.form.as_ref().expect("form open");
    assert_eq!(
        (form.interview.status, form.interview.started_at),
        (InterviewStatus::Scheduled, None),
        "looking is not starting"
    );
    assert_eq!(
        form.interview.answers.len(),
        6,
        "blank answers from the question set"
    );
    assert!(effects.is_empty(), "no draft until something is entered");
    form.interview.id
}

fn scores(app: &App) -> Vec<Option<u8>> {
    app.form
        .as_ref()
        .expect("form")
        .interview
        .answers
        .iter()
        .map(|a| a.score.map(Score::get))
        .collect()
}

#[test]
fn a_digit_scores_and_moves_on() {
    let mut a = app();
    open(&mut a);
    chars(&mut a, "54n2");
    assert_eq!(scores(&a), [Some(5), Some(4), None, Some(2), None, None]);
    assert_eq!(a.form.as_ref().map(|f| f.question), Some(4));
    chars(&mut a, "kk3");
    assert_eq!(
        scores(&a)[2],
        Some(3),
        "re-scoring a question after moving back"
    );
    chars(&mut a, "j");
    key(&mut a, KeyCode::BackTab);
    assert_eq!(a.form.as_ref().map(|f| f.question), Some(3));
    chars(&mut a, "9");
    assert_eq!(scores(&a)[3], Some(2), "9 is not a score");
    chars(&mut a, "55555");
    assert_eq!(
        a.form.as_ref().map(|f| f.question),
        Some(5),
        "stays on the last question"
    );
}

#[test]
fn every_change_asks_for_a_draft_with_a_newer_version() {
    let mut a = app();
    open(&mut a);
    let versions: Vec<u64> = chars(&mut a, "54c")
        .into_iter()
        .chain(chars(&mut a, "ok"))
        .filter_map(|e| match e {
            Effect::SaveDraft { version, draft } => {
                assert_eq!(draft.interview.status, InterviewStatus::InProgress);
                Some(version)
            }
            _ => None,
        })
        .collect();
    assert_eq!(
        versions.len(),
        5,
        "score, score, open editor, two characters"
    );
    assert!(versions.windows(2).all(|w| w[0] < w[1]), "{versions:?}");
    let form = a.form.as_ref().expect("form");
    assert!(!form.is_saved());
    let last = *versions.last().expect("some");
    update(
        &mut a,
        Msg::DraftSaved {
            version: last,
            result: Ok(()),
        },
    );
    assert!(a.form.as_ref().expect("form").is_saved());
}

#[test]
fn comments_are_typed_with_editing_keys_and_kept_on_leaving_the_editor() {
    let mut a = app();
    open(&mut a);
    key(&mut a, KeyCode::Char('c'));
    chars(&mut a, "Tickets wait");
    key(&mut a, KeyCode::Enter);
    chars(&mut a, "two days");
    // q and digits are text inside the editor, not commands.
    chars(&mut a, " q5");
    key(&mut a, KeyCode::Backspace);
    key(&mut a, KeyCode::Backspace);
    key(&mut a, KeyCode::Esc);
    let form = a.form.as_ref().expect("form still open");
    assert!(form.editor.is_none());
    assert_eq!(form.interview.answers[0].comment, "Tickets wait\ntwo days ");
    assert_eq!(
        scores(&a)[0],
        None,
        "the 5 typed in the comment scored nothing"
    );
}

#[test]
fn i_cycles_none_private_praise_and_bang_flags_a_significant_issue() {
    let mut a = app();
    open(&mut a);
    chars(&mut a, "j");
    chars(&mut a, "i!");
    let flag = |a: &hearback::app::App, n: usize| {
        a.form.as_ref().expect("form").interview.answers[n].individual
    };
    assert_eq!(flag(&a, 1), Individual::Private);
    assert_eq!(flag(&a, 0), Individual::No);
    assert!(
        screen(&a, 200, 60)
            .0
            .contains("[about an individual: private]")
    );
    assert!(a.form.as_ref().expect("form").interview.significant_issue);
    chars(&mut a, "i!");
    assert_eq!(flag(&a, 1), Individual::Praise);
    let shown = screen(&a, 200, 60).0;
    assert!(shown.contains("[praise to share]") && !shown.contains("private]"));
    assert!(!a.form.as_ref().expect("form").interview.significant_issue);
    chars(&mut a, "i");
    assert_eq!(flag(&a, 1), Individual::No);
}

#[test]
fn ctrl_s_shows_the_summary_then_one_save_completes_it() {
    let mut a = app();
    let id = open(&mut a);
    chars(&mut a, "542535");
    assert!(ctrl(&mut a, 's').is_empty());
    let form = a.form.as_ref().expect("form");
    assert!(form.confirming);
    let preview = form.preview.clone().expect("preview").expect("a follow-up");
    assert_eq!(preview.severity.get(), 2);
    // Any other key goes back; Ctrl-S again and y completes.
    chars(&mut a, "x");
    assert!(!a.form.as_ref().expect("form").confirming);
    ctrl(&mut a, 's');
    let effects = chars(&mut a, "y");
    let Some(Effect::Commit { changes, label }) = effects.into_iter().next() else {
        panic!("one commit")
    };
    assert!(changes.changes.iter().any(|c| matches!(c, Change::Interview(i) if i.id == id && i.status == InterviewStatus::Completed)));
    assert!(
        changes
            .changes
            .iter()
            .any(|c| matches!(c, Change::FollowUp(f) if f.severity.get() == 2))
    );
    assert!(
        changes
            .changes
            .iter()
            .any(|c| matches!(c, Change::DiscardDraft(d) if *d == id))
    );
    assert!(
        a.form.is_some(),
        "the form stays until the store says saved"
    );
    update(
        &mut a,
        Msg::Saved {
            changes,
            label,
            result: Ok(()),
        },
    );
    assert!(a.form.is_none());
    let kinds: Vec<_> = a
        .items
        .iter()
        .filter(|i| i.subject == hearback::core::queue::Subject::Interview(id))
        .map(|i| i.kind)
        .collect();
    assert!(
        kinds.contains(&hearback::core::queue::ItemKind::Acknowledge)
            && kinds.contains(&hearback::core::queue::ItemKind::Debrief)
    );
}

#[test]
fn a_failed_completion_keeps_the_form_and_its_answers() {
    let mut a = app();
    open(&mut a);
    chars(&mut a, "555555");
    ctrl(&mut a, 's');
    let Some(Effect::Commit { changes, label }) = chars(&mut a, "y").into_iter().next() else {
        panic!("commit")
    };
    update(
        &mut a,
        Msg::Saved {
            changes,
            label,
            result: Err("disk full".into()),
        },
    );
    let form = a.form.as_ref().expect("still open");
    assert!(!form.confirming && !form.completing);
    assert_eq!(scores(&a), [Some(5); 6].map(Some).map(|s| s.flatten()));
}

#[test]
fn completing_without_any_score_is_refused() {
    let mut a = app();
    open(&mut a);
    ctrl(&mut a, 's');
    assert!(!a.form.as_ref().expect("form").confirming);
    assert!(
        a.message
            .as_deref()
            .is_some_and(|m| m.contains("no scores")),
        "{:?}",
        a.message
    );
}

#[test]
fn leaving_keeps_the_form_and_enter_brings_it_back() {
    let mut a = app();
    let id = open(&mut a);
    chars(&mut a, "54");
    chars(&mut a, "q");
    assert!(
        a.form.is_none() && !a.quit,
        "q leaves the form, not hearback"
    );
    key(&mut a, KeyCode::Enter);
    let form = a.form.as_ref().expect("back");
    assert_eq!(form.interview.id, id);
    assert_eq!(scores(&a)[..2], [Some(5), Some(4)]);
}

#[test]
fn a_draft_reopens_exactly_where_it_was() {
    let mut a = app();
    open(&mut a);
    chars(&mut a, "5");
    key(&mut a, KeyCode::Char('c'));
    chars(&mut a, "first line");
    key(&mut a, KeyCode::Enter);
    chars(&mut a, "second");
    key(&mut a, KeyCode::Left);
    key(&mut a, KeyCode::Left);
    let draft = a.form.as_ref().expect("form").draft(now());
    assert_eq!(
        (
            draft.cursor.question,
            draft.cursor.editing_comment,
            draft.cursor.row,
            draft.cursor.col
        ),
        (1, true, 1, 4)
    );
    let mut b = app();
    b.resume(draft);
    let form = b.form.as_ref().expect("resumed");
    assert_eq!(form.question, 1);
    assert_eq!(form.editor.as_ref().map(|e| e.cursor()), Some((1, 4)));
    chars(&mut b, "X");
    assert_eq!(
        b.form.as_ref().expect("form").interview.answers[1].comment,
        "first line\nsecoXnd"
    );
}

fn screen(app: &App, w: u16, h: u16) -> (String, ratatui::buffer::Buffer) {
    let buffer = common::dashboard::draw(app, w, h)
        .backend()
        .buffer()
        .clone();
    (common::dashboard::buffer_text(&buffer), buffer)
}

#[test]
fn form_snapshots() {
    let mut a = app();
    open(&mut a);
    chars(&mut a, "542");
    key(&mut a, KeyCode::Char('c'));
    chars(&mut a, "Tickets wait two days for triage");
    for (w, h) in [(80, 24), (200, 60)] {
        insta::assert_snapshot!(format!("form_editing_{w}x{h}"), screen(&a, w, h).0);
    }
    key(&mut a, KeyCode::Esc);
    ctrl(&mut a, 's');
    for (w, h) in [(80, 24), (200, 60)] {
        insta::assert_snapshot!(format!("form_summary_{w}x{h}"), screen(&a, w, h).0);
    }
}

#[test]
fn the_timer_turns_amber_at_25_minutes_and_red_past_30() {
    let base = app();
    let colour_of_timer = |minutes: i64| {
        let mut a = base.clone();
        open(&mut a);
        chars(&mut a, "t");
        a.now = now() + Duration::minutes(minutes);
        let (text, buffer) = screen(&a, 120, 30);
        let line = text.lines().next().expect("title line").to_string();
        let col = line
            .chars()
            .take_while(|c| !c.is_ascii_digit() || !line.contains("elapsed"))
            .count();
        let x = line
            .find(" elapsed")
            .map(|byte| line[..byte].chars().count() - 1)
            .unwrap_or(col);
        (line, buffer[(u16::try_from(x).expect("fits"), 0)].fg)
    };
    let (line, calm) = colour_of_timer(10);
    assert!(line.contains("10:00 elapsed · 20:00 left"), "{line}");
    let (line, amber) = colour_of_timer(26);
    assert!(line.contains("26:00 elapsed · 04:00 left"), "{line}");
    let (line, red) = colour_of_timer(33);
    assert!(line.contains("33:00 elapsed · 03:00 OVER"), "{line}");
    assert!(
        calm != amber && amber != red && calm != red,
        "{calm:?} {amber:?} {red:?}"
    );
    assert_ne!(red, Color::Reset);
}

#[test]
fn the_prebrief_is_edited_from_the_form_and_saved_with_the_customer() {
    let mut a = app();
    let id = open(&mut a);
    let customer = a.form.as_ref().expect("form").interview.customer;
    chars(&mut a, "e");
    assert!(matches!(a.overlay, Some(hearback::app::Overlay::Prompt(_))));
    // Keys go to the prompt, not the form: a 5 is text here.
    chars(&mut a, " (5 sites)");
    let mut effects = Vec::new();
    for _ in 0..4 {
        effects = key(&mut a, KeyCode::Enter);
    }
    let Some(Effect::Commit { changes, label }) = effects.into_iter().next() else {
        panic!("one commit")
    };
    update(
        &mut a,
        Msg::Saved {
            changes,
            label,
            result: Ok(()),
        },
    );
    assert!(
        a.data
            .customer(customer)
            .expect("customer")
            .prebrief
            .successes
            .ends_with(" (5 sites)")
    );
    assert_eq!(scores(&a)[0], None, "the form underneath was not scored");
    assert_eq!(
        a.form.as_ref().map(|f| f.interview.id),
        Some(id),
        "still recording"
    );
}

#[test]
fn looking_at_a_form_starts_no_timer_and_leaves_nothing() {
    let mut a = app();
    let id = open(&mut a);
    a.now = now() + Duration::minutes(5);
    // Moving between questions and opening the comment editor is looking, not recording.
    let mut effects = chars(&mut a, "jjk");
    effects.extend(key(&mut a, KeyCode::Enter));
    effects.extend(key(&mut a, KeyCode::Esc));
    assert!(effects.is_empty(), "{effects:?}");
    let title = screen(&a, 120, 30).0;
    let title = title.lines().next().unwrap_or_default();
    assert!(
        title.contains("not started") && !title.contains("elapsed"),
        "{title}"
    );
    let effects = chars(&mut a, "q");
    assert!(effects.is_empty(), "closing writes nothing: {effects:?}");
    assert!(a.form.is_none() && a.parked.is_none(), "nothing left open");
    let stored = a
        .data
        .interviews
        .iter()
        .find(|i| i.id == id)
        .expect("stored");
    assert_eq!(stored.status, InterviewStatus::Scheduled);
    assert!(
        a.message.as_deref().is_some_and(|m| m.contains("nothing")),
        "{:?}",
        a.message
    );
}

#[test]
fn the_timer_starts_on_the_first_score_or_on_t() {
    for first in ["4", "t"] {
        let mut a = app();
        open(&mut a);
        let later = now() + Duration::minutes(7);
        a.now = later;
        let effects = chars(&mut a, first);
        let form = a.form.as_ref().expect("form");
        assert_eq!(form.interview.started_at, Some(later), "{first}");
        assert_eq!(form.interview.status, InterviewStatus::InProgress);
        assert!(
            matches!(effects.as_slice(), [Effect::SaveDraft { draft, .. }] if draft.interview.started_at == Some(later)),
            "{first}: {effects:?}"
        );
        // From then on, moving saves too (the cursor is part of the draft).
        assert_eq!(chars(&mut a, "k").len(), 1, "{first}");
    }
    // A comment's first character starts it as well.
    let mut a = app();
    open(&mut a);
    assert!(key(&mut a, KeyCode::Char('c')).is_empty());
    let effects = chars(&mut a, "x");
    assert_eq!(effects.len(), 1);
    assert!(
        a.form
            .as_ref()
            .and_then(|f| f.interview.started_at)
            .is_some()
    );
}

#[test]
fn a_draft_is_discarded_after_a_confirm_naming_the_customer() {
    let mut a = app();
    let id = open(&mut a);
    chars(&mut a, "54");
    let customer = a.form.as_ref().map(|f| f.interview.customer).expect("form");
    let name = a.data.customer(customer).expect("customer").name.clone();
    assert!(chars(&mut a, "d").is_empty());
    let text = screen(&a, 200, 60).0;
    assert!(
        text.contains(&format!("Discard the draft of {name}'s interview?"))
            && text.contains("Everything typed is")
            && text.contains("lost. y/n"),
        "{text}"
    );
    // n keeps everything.
    assert!(chars(&mut a, "n").is_empty());
    assert_eq!(scores(&a)[..2], [Some(5), Some(4)]);
    chars(&mut a, "d");
    let Some(Effect::Commit { changes, label }) = chars(&mut a, "y").into_iter().next() else {
        panic!("one commit")
    };
    assert_eq!(
        changes.changes,
        vec![Change::DiscardDraft(id)],
        "only the draft goes"
    );
    update(
        &mut a,
        Msg::Saved {
            changes,
            label,
            result: Ok(()),
        },
    );
    assert!(a.form.is_none() && a.parked.is_none());
    let stored = a
        .data
        .interviews
        .iter()
        .find(|i| i.id == id)
        .expect("stored");
    assert_eq!(stored.status, InterviewStatus::Scheduled, "booked again");
    // Opening it again starts from nothing.
    key(&mut a, KeyCode::Enter);
    assert_eq!(scores(&a), [None; 6]);
}

#[test]
fn a_cursor_only_move_in_the_comment_is_saved_with_the_draft() {
    let mut a = app();
    open(&mut a);
    key(&mut a, KeyCode::Char('c'));
    chars(&mut a, "abc");
    let effects = key(&mut a, KeyCode::Left);
    let saved: Vec<_> = effects
        .iter()
        .filter_map(|e| match e {
            Effect::SaveDraft { draft, .. } => Some((draft.cursor.row, draft.cursor.col)),
            _ => None,
        })
        .collect();
    assert_eq!(saved, vec![(0, 2)], "the move alone asks for a save");
    // A key that neither types nor moves saves nothing.
    key(&mut a, KeyCode::Home);
    assert!(key(&mut a, KeyCode::Left).is_empty());
}

#[test]
fn the_summary_lists_every_obligation_completion_opens_and_completion_opens_exactly_those() {
    let mut a = app();
    let id = open(&mut a);
    chars(&mut a, "542535!");
    ctrl(&mut a, 's');
    let text = screen(&a, 80, 24).0;
    for owed in [
        "Thank the customer",
        "Debrief account manager",
        "inform the other executives",
        "Written report of the interview",
        "Share the results with the",
        "Lowest score 2 on responsiveness",
    ] {
        assert!(text.contains(owed), "{owed} missing from:\n{text}");
    }
    let listed: std::collections::BTreeSet<String> = a
        .form
        .as_ref()
        .expect("form")
        .opens
        .iter()
        .map(|i| i.key())
        .collect();
    let before: std::collections::BTreeSet<String> = a.items.iter().map(|i| i.key()).collect();
    let Some(Effect::Commit { changes, label }) = chars(&mut a, "y").into_iter().next() else {
        panic!("one commit")
    };
    update(
        &mut a,
        Msg::Saved {
            changes,
            label,
            result: Ok(()),
        },
    );
    let opened: std::collections::BTreeSet<String> = a
        .items
        .iter()
        .map(|i| i.key())
        .filter(|k| !before.contains(k))
        .collect();
    assert_eq!(listed, opened, "the summary said what completing did");
    assert!(
        opened.contains(&format!("inform_executives:{id}")),
        "{opened:?}"
    );
}

#[test]
fn after_completion_the_new_follow_up_is_in_the_default_queue_and_selected() {
    let mut a = app();
    assert!(!a.queue.show_all);
    let id = open(&mut a);
    chars(&mut a, "542535");
    ctrl(&mut a, 's');
    let Some(Effect::Commit { changes, label }) = chars(&mut a, "y").into_iter().next() else {
        panic!("one commit")
    };
    let followup = changes
        .changes
        .iter()
        .find_map(|c| match c {
            Change::FollowUp(f) if f.interview == id => Some(f.id),
            _ => None,
        })
        .expect("a follow-up");
    update(
        &mut a,
        Msg::Saved {
            changes,
            label,
            result: Ok(()),
        },
    );
    use hearback::core::queue::{DueState, ItemKind, Subject};
    let item = a
        .items
        .iter()
        .find(|i| i.subject == Subject::FollowUp(followup))
        .expect("queued");
    assert_eq!(
        (item.kind, item.state),
        (ItemKind::LowScoreFollowUp, DueState::Upcoming),
        "due tomorrow: hidden by the old default view"
    );
    assert!(
        a.queue_rows()
            .iter()
            .any(|i| i.subject == Subject::FollowUp(followup)),
        "opened in the last 24 h: shown without `a`"
    );
    assert_eq!(a.focus, Pane::Queue);
    assert_eq!(
        a.selected_item().map(|i| i.subject),
        Some(Subject::FollowUp(followup)),
        "and selected, so it is on screen"
    );
    assert!(
        a.message
            .as_deref()
            .is_some_and(|m| m.contains(&followup.to_string())),
        "{:?}",
        a.message
    );
    // Every step the completion opened shows today; a day later those not due yet are
    // ordinary upcoming items again, under `a` only.
    let report = |app: &App| {
        app.queue_rows()
            .iter()
            .any(|i| i.kind == ItemKind::ReportPresident && i.subject == Subject::Interview(id))
    };
    assert!(
        report(&a),
        "the report to the President (due in a week) shows today"
    );
    let mut later = a.clone();
    later.fixed_now = false;
    later.advance(now() + Duration::hours(24) + Duration::minutes(1));
    assert!(!report(&later), "and no longer a day later");
    later.queue.show_all = true;
    assert!(report(&later), "it is still there under `a`");
}

/// A comment as typed during a call: one long line of about 300 characters.
const LONG_COMMENT: &str = "Tickets wait two days before anyone triages them, and when the \
    payroll run failed in March nobody called back until the Thursday. Karin says the new \
    portal helps, but the escalation path is still unclear to her team leads, and they want \
    one named contact with a deputy for holidays. Overall fair, could be good.";

#[test]
fn a_long_comment_wraps_on_screen_and_up_down_move_by_screen_line() {
    assert!((280..=320).contains(&LONG_COMMENT.chars().count()));
    for (w, h) in common::dashboard::SIZES {
        let mut a = app();
        update(
            &mut a,
            Msg::Resize {
                width: w,
                height: h,
            },
        );
        open(&mut a);
        key(&mut a, KeyCode::Char('c'));
        chars(&mut a, LONG_COMMENT);
        let text = screen(&a, w, h).0;
        insta::assert_snapshot!(format!("form_long_comment_{w}x{h}"), text);
        // Every word is on screen: the whole comment can be reread.
        let on_screen: Vec<&str> = text.split(|c: char| !c.is_alphanumeric()).collect();
        for word in LONG_COMMENT.split(|c: char| !c.is_alphanumeric()) {
            assert!(
                on_screen.contains(&word),
                "{w}x{h}: '{word}' not on screen:\n{text}"
            );
        }
        let end = LONG_COMMENT.chars().count();
        let cursor = |a: &App| {
            a.form
                .as_ref()
                .and_then(|f| f.editor.as_ref())
                .map(|e| e.cursor())
        };
        assert_eq!(cursor(&a), Some((0, end)));
        let wrap = usize::from(hearback::app::comment_width(w));
        key(&mut a, KeyCode::Up);
        let (row, col) = cursor(&a).expect("editing");
        assert!(
            row == 0 && col < end && col + 2 * wrap > end,
            "{w}x{h}: Up went to {col} of {end} (lines of {wrap})"
        );
        key(&mut a, KeyCode::Down);
        assert_eq!(cursor(&a), Some((0, end)), "{w}x{h}: Down comes back");
    }
}

/// The pre-brief beside the form shows the customer's monitors, so the interviewer knows about
/// late deliveries and returns before the customer raises them; a customer without any events
/// gets no Monitors section.
#[test]
fn the_prebrief_shows_the_customers_monitors() {
    use hearback::core::monitors::{MonitorEvent, MonitorId, MonitorKind};
    let mut app = app();
    let id = open(&mut app);
    let customer = app
        .form
        .as_ref()
        .map(|f| f.interview.customer)
        .expect("the form's customer");
    let shown = common::dashboard::screen(&app, 200, 60);
    assert!(shown.contains("Pre-brief"), "{shown}");
    assert!(
        !shown.contains("Monitors"),
        "no events, no section:\n{shown}"
    );

    let mut set = ChangeSet::new();
    for (n, days_ago) in [3, 9, 20].into_iter().enumerate() {
        set.push(Change::Monitor(MonitorEvent {
            id: MonitorId(900_000 + n as u64),
            customer,
            kind: MonitorKind::Return,
            on: now() - Duration::days(days_ago),
            reference: format!("RMA-{n}"),
            note: String::new(),
        }));
    }
    update(
        &mut app,
        Msg::Saved {
            changes: set,
            label: "import monitors".into(),
            result: Ok(()),
        },
    );
    assert_eq!(app.form.as_ref().map(|f| f.interview.id), Some(id));
    // The form itself shows no monitors: these lines are the pre-brief's.
    let shown = common::dashboard::screen(&app, 200, 60);
    assert!(shown.contains("Monitors"), "{shown}");
    assert!(
        shown.contains("Returns: 3 in 30 days, 3 in 90 days"),
        "{shown}"
    );
}

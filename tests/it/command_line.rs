//! The command line inside the dashboard (`:`), driven by keys over the demo dashboard with
//! the real vocabulary of the CLI: it opens, completes customers and flags from the clap
//! definitions, hands the line to the runtime, and shows what came back in the document view.
//! Snapshots at 80x24 and 200x60; update after an intended change with
//! `INSTA_UPDATE=always cargo test --test it command_line::` and read them.

use crate::common;

use common::dashboard::{SIZES, screen};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use hearback::app::{App, Effect, Msg, Overlay, Refers, update};
use hearback::keymap::KeyContext;

fn key(app: &mut App, code: KeyCode) -> Vec<Effect> {
    update(app, Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)))
}

fn typing(app: &mut App, text: &str) {
    for c in text.chars() {
        key(app, KeyCode::Char(c));
    }
}

/// The demo dashboard with the CLI's vocabulary, as the runtime sets it up.
fn app() -> App {
    let mut app = common::dashboard::app();
    app.set_vocabulary(hearback::cli::vocabulary());
    app
}

fn line(app: &App) -> &str {
    app.command
        .as_ref()
        .map_or("<closed>", |c| c.field.value.as_str())
}

fn done(app: &mut App, line: &str, stdout: &str, stderr: &str, code: u8) -> Vec<Effect> {
    update(
        app,
        Msg::CommandDone {
            line: line.into(),
            stdout: stdout.into(),
            stderr: stderr.into(),
            code,
        },
    )
}

fn document(app: &App) -> &hearback::app::DocumentView {
    match &app.overlay {
        Some(Overlay::Document(v)) => v,
        other => panic!("no document open: {other:?}, message {:?}", app.message),
    }
}

#[test]
fn colon_opens_the_prompt_at_the_bottom() {
    let mut app = app();
    assert!(key(&mut app, KeyCode::Char(':')).is_empty());
    assert_eq!(app.key_context(), KeyContext::Command);
    typing(&mut app, "queue");
    let shown = screen(&app, 80, 24);
    let last = shown.lines().last().unwrap_or_default();
    assert!(last.starts_with(":queue"), "{last}");
    assert!(
        last.contains("Enter runs · Tab completes · Esc cancels"),
        "{last}"
    );
    key(&mut app, KeyCode::Esc);
    assert!(app.command.is_none(), "Esc cancels");
    assert_eq!(app.key_context(), KeyContext::Queue);
}

#[test]
fn tab_completes_a_customer_quoted() {
    let mut app = app();
    key(&mut app, KeyCode::Char(':'));
    typing(&mut app, "action add --customer lindq");
    key(&mut app, KeyCode::Tab);
    assert_eq!(
        line(&app),
        "action add --customer 'Lindqvist Pet Supplies' "
    );
    typing(&mut app, "--ki");
    key(&mut app, KeyCode::Tab);
    typing(&mut app, "c");
    key(&mut app, KeyCode::Tab);
    typing(&mut app, "--owner pri");
    key(&mut app, KeyCode::Tab);
    assert_eq!(
        line(&app),
        "action add --customer 'Lindqvist Pet Supplies' --kind corrective --owner 'Priya Raghunathan' "
    );
}

#[test]
fn several_candidates_are_listed_and_tab_goes_through_them() {
    let mut app = app();
    key(&mut app, KeyCode::Char(':'));
    typing(&mut app, "customer kes");
    key(&mut app, KeyCode::Tab);
    assert_eq!(line(&app), "customer 'Kestrel ");
    for (w, h) in SIZES {
        insta::assert_snapshot!(
            format!("command_line_candidates_{w}x{h}"),
            screen(&app, w, h)
        );
    }
    key(&mut app, KeyCode::Tab);
    assert_eq!(line(&app), "customer 'Kestrel Haulage' ");
    key(&mut app, KeyCode::Tab);
    assert_eq!(line(&app), "customer 'Kestrel Logistics' ");
    key(&mut app, KeyCode::BackTab);
    assert_eq!(line(&app), "customer 'Kestrel Haulage' ");
    typing(&mut app, "x");
    assert!(
        app.command.as_ref().is_some_and(|c| c.cycle.is_none()),
        "typing ends the round"
    );
}

#[test]
fn enter_runs_the_line_and_up_brings_it_back() {
    let mut app = app();
    key(&mut app, KeyCode::Char(':'));
    typing(&mut app, "queue --format json");
    let effects = key(&mut app, KeyCode::Enter);
    assert_eq!(
        effects,
        vec![Effect::RunCommand {
            line: "queue --format json".into()
        }]
    );
    assert!(app.command.is_none());
    assert_eq!(app.message.as_deref(), Some("running: queue --format json"));
    assert_eq!(app.command_history(), ["queue --format json"]);
    key(&mut app, KeyCode::Char(':'));
    key(&mut app, KeyCode::Up);
    assert_eq!(line(&app), "queue --format json");
    key(&mut app, KeyCode::Down);
    assert_eq!(line(&app), "");
    assert!(
        key(&mut app, KeyCode::Enter).is_empty(),
        "an empty line only closes"
    );
    assert!(app.command.is_none());
}

#[test]
fn the_line_is_edited_as_in_a_shell() {
    let mut app = app();
    let ctrl = |app: &mut App, c: char| {
        update(
            app,
            Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)),
        )
    };
    key(&mut app, KeyCode::Char(':'));
    typing(&mut app, "queue --all");
    ctrl(&mut app, 'w');
    assert_eq!(line(&app), "queue ");
    ctrl(&mut app, 'a');
    typing(&mut app, "hearback ");
    ctrl(&mut app, 'e');
    typing(&mut app, "--format json");
    key(&mut app, KeyCode::Left);
    key(&mut app, KeyCode::Backspace);
    assert_eq!(line(&app), "hearback queue --format jsn");
    ctrl(&mut app, 'u');
    assert_eq!(line(&app), "");
    assert_eq!(ctrl(&mut app, 'z'), vec![Effect::Suspend]);
    assert!(app.command.is_some(), "still open after a suspend");
}

#[test]
fn the_output_opens_in_the_document_view() {
    let mut app = app();
    key(&mut app, KeyCode::Char(':'));
    typing(&mut app, "customer nobody");
    key(&mut app, KeyCode::Enter);
    done(
        &mut app,
        "customer nobody",
        "",
        "error: no customer matches 'nobody'\n  try: hearback customers\n",
        1,
    );
    let view = document(&app);
    assert_eq!(view.title, ": customer nobody");
    assert!(view.text.ends_with("exit code 1."), "{}", view.text);
    for (w, h) in SIZES {
        insta::assert_snapshot!(format!("command_line_output_{w}x{h}"), screen(&app, w, h));
    }
    let copied = key(&mut app, KeyCode::Char('y'));
    assert!(
        matches!(copied.as_slice(), [Effect::Copy(text)] if text.starts_with("error: no customer")),
        "{copied:?}"
    );
    key(&mut app, KeyCode::Esc);
    assert!(app.overlay.is_none(), "Esc closes, back to the panes");
}

#[test]
fn output_that_arrives_during_a_form_waits_for_it() {
    let mut app = app();
    key(&mut app, KeyCode::Char(':'));
    typing(&mut app, "queue");
    key(&mut app, KeyCode::Enter);
    // The user books an interview meanwhile: the small form must keep the keys.
    key(&mut app, KeyCode::Char('b'));
    assert!(
        matches!(app.overlay, Some(Overlay::Prompt(_))),
        "{:?}",
        app.overlay
    );
    typing(&mut app, "tom");
    done(&mut app, "queue", "F1 ...\n", "", 0);
    assert!(matches!(app.overlay, Some(Overlay::Prompt(_))));
    let said = app.message.clone().unwrap_or_default();
    assert!(said.contains("opens when you close"), "{said}");
    key(&mut app, KeyCode::Esc);
    assert_eq!(document(&app).text, "F1 ...");
}

#[test]
fn the_command_line_opens_over_a_view_and_goes_back_to_it() {
    let mut app = app();
    key(&mut app, KeyCode::Char('S'));
    assert!(matches!(app.overlay, Some(Overlay::Staff(_))));
    key(&mut app, KeyCode::Char(':'));
    assert!(app.command.is_some(), "the staff view takes :");
    typing(&mut app, "staff list");
    key(&mut app, KeyCode::Enter);
    done(&mut app, "staff list", "S1 Margit\n", "", 0);
    assert_eq!(document(&app).text, "S1 Margit");
    key(&mut app, KeyCode::Esc);
    assert!(
        matches!(app.overlay, Some(Overlay::Staff(_))),
        "back to the staff view"
    );
}

#[test]
fn help_from_the_command_line_lists_its_keys() {
    let mut app = app();
    key(&mut app, KeyCode::Char(':'));
    typing(&mut app, "qu");
    key(&mut app, KeyCode::F(1));
    assert_eq!(app.overlay, Some(Overlay::Help));
    let shown = screen(&app, 80, 24);
    assert!(shown.contains("Keys: Command line"), "{shown}");
    assert!(shown.contains("complete the word"), "{shown}");
    assert!(shown.contains("previous command"), "{shown}");
    assert!(shown.contains("delete the previous word"), "{shown}");
    assert!(
        !shown.contains("make the terminal taller"),
        "every key shows: {shown}"
    );
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.overlay, None);
    assert_eq!(line(&app), "qu", "back at the line as it was");
}

#[test]
fn colon_is_text_in_the_forms_and_the_filter() {
    let mut app = app();
    key(&mut app, KeyCode::Char('1'));
    key(&mut app, KeyCode::Char('/'));
    typing(&mut app, "a:");
    assert!(app.command.is_none());
    assert_eq!(app.customers.filter, "a:");
}

#[test]
fn the_vocabulary_is_the_cli_s() {
    let v = hearback::cli::vocabulary();
    let names: Vec<&str> = v.root.subcommands.iter().map(|c| c.name.as_str()).collect();
    for name in [
        "queue",
        "action",
        "customer",
        "deliverable",
        "staff",
        "report",
    ] {
        assert!(names.contains(&name), "{name} in {names:?}");
    }
    assert!(!names.contains(&"help"));
    let globals: Vec<&str> = v.root.flags.iter().map(|f| f.long.as_str()).collect();
    assert_eq!(
        globals,
        ["now", "config", "as"],
        "--data is the dashboard's own"
    );
    let add = v
        .root
        .subcommand("action")
        .and_then(|a| a.subcommand("add"))
        .expect("action add");
    let kind = add.flag("kind").expect("--kind");
    assert_eq!(kind.value.choices, ["corrective", "preventive"]);
    assert_eq!(
        add.flag("customer").map(|f| f.value.refers),
        Some(Refers::Customer)
    );
    assert_eq!(
        add.flag("owner").map(|f| f.value.refers),
        Some(Refers::Staff)
    );
    let customer = v.root.subcommand("customer").expect("customer");
    assert_eq!(customer.positionals[0].value.refers, Refers::Customer);
    let deliverable = v.root.subcommand("deliverable").expect("deliverable");
    assert_eq!(
        deliverable.flag("customer").map(|f| f.value.refers),
        Some(Refers::Customer)
    );
    // `request answer --by` names one of our people; `request add --channel` is a list.
    let answer = v
        .root
        .subcommand("request")
        .and_then(|r| r.subcommand("answer"))
        .expect("request answer");
    assert_eq!(
        answer.flag("by").map(|f| f.value.refers),
        Some(Refers::Staff)
    );
    let request_add = v
        .root
        .subcommand("request")
        .and_then(|r| r.subcommand("add"))
        .expect("request add");
    let channel = request_add.flag("channel").expect("--channel");
    assert_eq!(
        channel.value.choices,
        ["call", "email", "ticket", "meeting", "other"]
    );
    let stats = v.root.subcommand("stats").expect("stats");
    assert_eq!(
        stats.flag("by").map(|f| f.value.refers),
        Some(Refers::Nothing)
    );
    assert!(
        stats
            .flag("by")
            .is_some_and(|f| f.value.choices.contains(&"segment".to_string()))
    );
    let staff_add = v
        .root
        .subcommand("staff")
        .and_then(|s| s.subcommand("add"))
        .expect("staff add");
    let role = staff_add.flag("role").expect("--role");
    assert!(
        role.repeats
            && role
                .value
                .choices
                .contains(&"senior_management".to_string())
    );
    let moving = v
        .root
        .subcommand("action")
        .and_then(|a| a.subcommand("move"))
        .expect("action move");
    assert_eq!(moving.positionals[0].value.refers, Refers::Action);
    assert_eq!(moving.positionals[1].value.refers, Refers::Nothing);
    assert!(
        moving.positionals[1]
            .value
            .choices
            .contains(&"followed-up".to_string())
    );
    assert!(
        v.root
            .subcommand("queue")
            .and_then(|q| q.flag("all"))
            .is_some_and(|f| !f.takes_value)
    );
}

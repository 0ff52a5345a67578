use super::complete::tests::{data, vocabulary};
use super::output::{MAX_BYTES, MAX_LINES, output_text};
use super::*;

fn typed(text: &str) -> CommandLine {
    let mut line = CommandLine::default();
    line.show(text);
    line
}

fn tab(line: &mut CommandLine) {
    line.tab(&vocabulary(), &data(), false);
}

#[test]
fn one_candidate_is_inserted_quoted_with_a_space() {
    let mut line = typed("customer o");
    tab(&mut line);
    assert_eq!(line.field.value, "customer \"O'Brien & Sons\" ");
    assert_eq!(line.field.cursor, line.field.value.chars().count());
    let mut line = typed("action add --customer zen");
    tab(&mut line);
    assert_eq!(line.field.value, "action add --customer Zenith ");
    let mut line = typed("queue --format=j");
    tab(&mut line);
    assert_eq!(line.field.value, "queue --format=json ");
}

#[test]
fn several_candidates_insert_their_shared_start_then_cycle() {
    let mut line = typed("customer ac");
    tab(&mut line);
    assert_eq!(
        line.field.value, "customer 'Acme ",
        "the shared start, quote open"
    );
    let cycle = line.cycle.clone().expect("the candidates are listed");
    assert_eq!(cycle.candidates.len(), 2);
    assert_eq!(cycle.selected, None);
    tab(&mut line);
    assert_eq!(line.field.value, "customer 'Acme Corp' ");
    tab(&mut line);
    assert_eq!(line.field.value, "customer 'Acme Logistics' ");
    tab(&mut line);
    assert_eq!(line.field.value, "customer 'Acme Corp' ", "round again");
    line.tab(&vocabulary(), &data(), true);
    assert_eq!(
        line.field.value, "customer 'Acme Logistics' ",
        "Shift-Tab goes back"
    );
    // Text after the cursor stays where it was.
    let mut line = typed("action m --x");
    line.field.cursor = 8;
    tab(&mut line);
    assert_eq!(line.field.value, "action move  --x");
}

#[test]
fn ctrl_w_deletes_the_word_before_the_cursor() {
    let mut line = typed("action add --title  ");
    line.field.delete_word();
    assert_eq!(line.field.value, "action add ");
    line.field.home_end(false);
    line.field.move_cursor(6);
    line.field.delete_word();
    assert_eq!(line.field.value, " add ");
    assert_eq!(line.field.cursor, 0);
    line.field.delete_word();
    assert_eq!(line.field.value, " add ", "nothing before the cursor");
}

#[test]
fn nothing_to_complete_says_so() {
    let mut line = typed("customer qqq");
    tab(&mut line);
    assert_eq!(line.field.value, "customer qqq");
    assert_eq!(line.note.as_deref(), Some("nothing to complete for 'qqq'"));
    assert!(line.cycle.is_none());
}

#[test]
fn up_and_down_walk_the_history_and_come_back_to_the_new_line() {
    let history: Vec<String> = ["queue", "status", "customers"].map(String::from).into();
    let mut line = typed("act");
    line.history_forward(&history);
    assert_eq!(
        line.field.value, "act",
        "down with nothing older shown does nothing"
    );
    line.history_back(&history);
    assert_eq!(line.field.value, "customers", "the newest first");
    line.history_back(&history);
    line.history_back(&history);
    assert_eq!(line.field.value, "queue");
    line.history_back(&history);
    assert_eq!(line.field.value, "queue", "stays at the oldest");
    line.history_forward(&history);
    assert_eq!(line.field.value, "status");
    line.history_forward(&history);
    line.history_forward(&history);
    assert_eq!(
        line.field.value, "act",
        "past the newest: the line being typed"
    );
    let mut empty = typed("x");
    empty.history_back(&[]);
    assert_eq!(empty.field.value, "x");
}

fn app() -> App {
    let rules = super::super::Rules {
        policy: crate::core::policy::Policy::default(),
        work_week: crate::core::business_time::WorkWeek::default(),
        questions: crate::core::QuestionSet::defaults(),
        keys: Default::default(),
        notifications: Default::default(),
    };
    let mut app = App::new(
        data(),
        rules,
        chrono::DateTime::UNIX_EPOCH,
        true,
        "/d".into(),
        "me".into(),
    );
    app.overlay = None;
    app
}

fn run(app: &mut App, text: &str) -> Vec<Effect> {
    open(app);
    if let Some(line) = &mut app.command {
        line.show(text);
    }
    submit(app)
}

#[test]
fn enter_runs_the_line_and_remembers_it_once() {
    let mut app = app();
    assert_eq!(
        run(&mut app, "  queue --all "),
        vec![Effect::RunCommand {
            line: "queue --all".into()
        }]
    );
    assert!(app.command.is_none(), "the prompt closes");
    assert_eq!(app.message.as_deref(), Some("running: queue --all"));
    run(&mut app, "queue --all");
    run(&mut app, "hearback status");
    run(&mut app, "queue --all");
    assert_eq!(
        app.command_history(),
        ["queue --all", "status", "queue --all"],
        "not twice in a row; `hearback` dropped"
    );
    assert!(run(&mut app, "   ").is_empty(), "an empty line only closes");
    assert!(app.command.is_none());
    assert_eq!(app.command_history().len(), 3);
}

#[test]
fn the_history_keeps_the_newest() {
    let mut app = app();
    let cap = crate::io::history::CAP;
    app.set_command_history((0..cap + 5).map(|n| format!("c{n}")).collect());
    assert_eq!(app.command_history().len(), cap);
    assert_eq!(app.command_history()[0], "c5");
    run(&mut app, "new");
    assert_eq!(app.command_history().len(), cap);
    assert_eq!(
        app.command_history().last().map(String::as_str),
        Some("new")
    );
    assert_eq!(app.command_history()[0], "c6");
}

#[test]
fn the_output_shows_stdout_then_stderr_then_a_failure_in_words() {
    assert_eq!(output_text("a\n", "", 0), "a");
    assert_eq!(
        output_text("a\n", "warning: \u{1b}[31mb\n", 3),
        "a\n\nwarning: b\n\nThe command did not succeed: it ended with exit code 3."
    );
    assert_eq!(
        output_text("", "", 0),
        "The command succeeded and printed nothing."
    );
    assert_eq!(
        output_text("", "error: no customer 'x'\n", 1),
        "error: no customer 'x'\n\nThe command did not succeed: it ended with exit code 1."
    );
}

#[test]
fn a_long_output_is_cut_and_says_so() {
    let long: String = (0..MAX_LINES + 5).map(|n| format!("row {n}\n")).collect();
    let text = output_text(&long, "warning: x\n", 0);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[MAX_LINES - 1], format!("row {}", MAX_LINES - 1));
    assert_eq!(
        lines[MAX_LINES],
        "… 5 more lines are not shown here: run the command in a shell to see all of it."
    );
    assert_eq!(
        lines.last(),
        Some(&"warning: x"),
        "standard error still shows"
    );
    let wide = "x".repeat(MAX_BYTES + 10);
    let text = output_text(&wide, "", 0);
    assert!(text.len() < MAX_BYTES + 200, "one huge line is cut too");
    assert!(text.ends_with("run the command in a shell to see all of it."));
}

#[test]
fn output_waits_while_the_user_works() {
    let mut app = app();
    open(&mut app);
    done(&mut app, "queue", "q\n", "", 0);
    deliver(&mut app);
    assert!(
        app.overlay.is_none(),
        "the new command line is not taken away"
    );
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.contains("opens when you close"))
    );
    app.command = None;
    deliver(&mut app);
    match &app.overlay {
        Some(Overlay::Document(v)) => {
            assert_eq!(v.title, ": queue");
            assert_eq!(v.text, "q");
        }
        other => panic!("no output shown: {other:?}"),
    }
    assert!(app.command_output.is_empty());
}

#[test]
fn the_inbox_watchers_run_is_said_in_the_status_line_only_when_something_happened() {
    let mut app = app();
    app.message = None;
    let out = "customers/crm.csv: imported; report in /x/done/crm.report.txt\ninbox: 1 imported\n";
    super::inbox_ran(&mut app, out, "", 0);
    assert_eq!(app.message.as_deref(), Some("inbox: 1 imported"));
    app.message = None;
    super::inbox_ran(&mut app, "inbox: nothing to import in /x\n", "", 0);
    assert_eq!(app.message, None);
    super::inbox_ran(&mut app, "inbox: 1 refused\n", "", 1);
    assert_eq!(
        app.message.as_deref(),
        Some("inbox: 1 refused; a refused file has its report next to it")
    );
    let err = "error: cannot read the inbox folder /x: permission denied\n";
    super::inbox_ran(&mut app, "", err, 1);
    assert_eq!(
        app.message.as_deref(),
        Some("the inbox could not be imported: cannot read the inbox folder /x: permission denied")
    );
    assert!(
        app.command_output.is_empty() && app.overlay.is_none(),
        "nothing opens over the panes"
    );
}

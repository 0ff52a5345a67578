//! One key model: every mode's keys come from a `Keymap` value, `[keys.<mode>]` in
//! `hearback.toml` remaps them, a clash is refused naming the file and key, and help and the
//! hint lines show the keys in force.

use crate::common;

use common::dashboard::{app, screen};
use common::tmux::Tmux;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use hearback::app::{App, Effect, Msg, Overlay, Pane, update};
use hearback::keymap::{Action, Binding, KeyContext, Keymap, from_toml};

const BIN: &str = env!("CARGO_BIN_EXE_hearback");

fn press(app: &mut App, code: KeyCode) -> Vec<Effect> {
    update(app, Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)))
}

fn chars(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

/// The dashboard with the keys of a config file's text, read the way `config::load` reads it.
fn app_with(config: &str) -> App {
    let mut a = app();
    a.rules.keys = from_toml(config).expect("a valid [keys] table");
    a
}

/// The line of help that holds `help`, or a failure showing the screen.
fn help_line(shown: &str, help: &str) -> String {
    shown
        .lines()
        .find(|l| l.contains(help))
        .unwrap_or_else(|| panic!("no help row {help:?}:\n{shown}"))
        .to_string()
}

#[test]
fn a_remapped_key_changes_what_it_does_and_help_shows_it() {
    // What x does on the selected queue item with the default keys.
    let mut plain = app();
    chars(&mut plain, "2x");
    assert!(plain.overlay.is_some(), "x asks about closing the item");
    let mut a = app_with("[keys.queue]\nclose = \"F2\"\n[keys.global]\nhelp = [\"F1\", \"?\"]\n");
    chars(&mut a, "2");
    assert_eq!(a.focus, Pane::Queue);
    // The default key no longer closes anything; the new one does what it did.
    chars(&mut a, "x");
    assert_eq!(a.overlay, None, "x was replaced by F2");
    press(&mut a, KeyCode::F(2));
    assert_eq!(a.overlay, plain.overlay, "F2 does what x did");
    press(&mut a, KeyCode::Esc);
    assert_eq!(a.overlay, None);
    press(&mut a, KeyCode::F(1));
    assert_eq!(a.overlay, Some(Overlay::Help), "F1 opens help");
    let shown = screen(&a, 120, 40);
    let row = help_line(&shown, "done: record the step");
    assert!(row.contains("F2"), "help names the new key: {row}");
    assert!(!row.contains(" x "), "help still names x: {row}");
    assert!(help_line(&shown, "this help").contains("F1 ?"), "{shown}");
}

#[test]
fn a_throwaway_binding_is_handled_and_listed_in_help() {
    let mut a = app();
    let mut keymap = Keymap::default();
    keymap.add(Binding {
        context: KeyContext::Queue,
        code: KeyCode::F(9),
        modifiers: KeyModifiers::NONE,
        action: Action::OpenStaff,
        help: "a throwaway key to our people",
    });
    a.rules.keys = keymap;
    chars(&mut a, "2?");
    let shown = screen(&a, 120, 40);
    let row = help_line(&shown, "a throwaway key to our people");
    assert!(row.contains("F9"), "{row}");
    press(&mut a, KeyCode::Esc);
    press(&mut a, KeyCode::F(9));
    assert!(
        matches!(a.overlay, Some(Overlay::Staff(_))),
        "{:?}",
        a.overlay
    );
}

/// Opens the interview form on the first booked interview.
fn open_form(a: &mut App) {
    chars(a, "3");
    press(a, KeyCode::Enter);
    assert!(a.form.is_some(), "the form is open");
}

/// The form's hint line (the last lines inside the form's border, above the status line).
fn form_hint(a: &App) -> String {
    let shown = screen(a, 200, 60);
    let lines: Vec<&str> = shown.lines().collect();
    let start = lines
        .iter()
        .position(|l| l.contains("not started, nothing saved") || l.contains("draft saved"))
        .unwrap_or_else(|| panic!("no hint line:\n{shown}"));
    lines[start..]
        .iter()
        .take_while(|l| !l.starts_with('┗'))
        .copied()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn the_form_hint_names_the_keys_in_force() {
    let mut a = app_with("[keys.form]\nleave = \"F4\"\ncomplete = \"Ctrl-e\"\nscore_3 = \"F3\"\n");
    open_form(&mut a);
    let hint = form_hint(&a);
    assert!(hint.contains("F4 close"), "{hint}");
    assert!(hint.contains("Ctrl-e complete"), "{hint}");
    assert!(hint.contains("1/2/F3/4/5 score"), "{hint}");
    assert!(
        !hint.contains("q/Esc"),
        "the replaced keys are not named: {hint}"
    );
    // q does nothing now; F4 closes the form.
    chars(&mut a, "q");
    assert!(a.form.is_some(), "q no longer leaves");
    press(&mut a, KeyCode::F(4));
    assert!(a.form.is_none(), "F4 leaves");
}

#[test]
fn the_prompt_and_quit_hints_name_the_keys_in_force() {
    let mut a = app_with("[keys.prompt]\nback = \"F5\"\nclear_field = \"Ctrl-k\"\n");
    chars(&mut a, "2z");
    assert!(matches!(a.overlay, Some(Overlay::Prompt(_))), "snooze asks");
    let shown = screen(&a, 120, 40);
    assert!(
        shown.contains("Enter next field / submit · F5 cancel · Ctrl-k clear"),
        "{shown}"
    );
    press(&mut a, KeyCode::Esc);
    assert!(
        matches!(a.overlay, Some(Overlay::Prompt(_))),
        "Esc no longer cancels"
    );
    press(&mut a, KeyCode::F(5));
    assert_eq!(a.overlay, None, "F5 cancels");
}

#[test]
fn help_over_the_form_lists_the_form_keys() {
    let mut a = app();
    open_form(&mut a);
    chars(&mut a, "?");
    assert_eq!(a.overlay, Some(Overlay::Help));
    let shown = screen(&a, 120, 40);
    assert!(shown.contains("Keys: Interview form"), "{shown}");
    let row = help_line(&shown, "score the question");
    assert!(row.contains("1 2 3 4 5"), "{row}");
    help_line(&shown, "discard the draft");
    // Any key closes help, back to the form as it was.
    press(&mut a, KeyCode::Esc);
    assert_eq!(a.overlay, None);
    assert!(a.form.is_some(), "the form is still open");
}

/// Runs `hearback queue` with `config` as its config file; (succeeded, stderr, file path).
fn run_with(config: &str) -> (bool, String, String) {
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("hearback.toml");
    std::fs::write(&path, config).expect("write config");
    let config = path.display().to_string();
    let o = common::hearback_cli(&dir.path().join("d"), &["--config", &config, "queue"]);
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    (o.status.success(), err, path.display().to_string())
}

#[test]
fn bad_keys_in_the_config_file_are_refused_naming_the_file_and_key() {
    let cases = [
        // A clash with a default binding left in place.
        (
            "[keys.queue]\nclose = \"z\"\n",
            "[keys.queue] \"z\" is bound to both",
        ),
        // Two of the user's own entries.
        (
            "[keys.form]\nleave = \"F2\"\ncomment = [\"c\", \"F2\"]\n",
            "[keys.form] \"F2\" is bound to both",
        ),
        (
            "[keys.nowhere]\nclose = \"x\"\n",
            "[keys.nowhere]: no such mode",
        ),
        (
            "[keys.queue]\nfly = \"x\"\n",
            "[keys.queue] fly: no such action",
        ),
        (
            "[keys.queue]\nclose = \"Hyper-x\"\n",
            "[keys.queue] close = \"Hyper-x\": not a key",
        ),
        (
            "[keys.queue]\nclose = 3\n",
            "[keys.queue] close: give a key",
        ),
    ];
    for (config, needle) in cases {
        let (ok, err, path) = run_with(config);
        assert!(!ok, "{config} was accepted");
        assert!(
            err.contains(&format!("invalid config file {path}")),
            "{config}: {err}"
        );
        assert!(
            err.contains(needle),
            "{config}: {needle:?} missing from {err}"
        );
        assert!(!err.contains("panicked"), "{err}");
    }
    let (_, err, _) = run_with("[keys.queue]\nclose = \"z\"\n");
    assert!(
        err.contains("close") && err.contains("snooze"),
        "names both actions: {err}"
    );
    // A remap without a clash is accepted, next to a policy.
    let (ok, err, _) = run_with(
        "[policy.low_scores]\nthreshold = 4\n[keys.queue]\nclose = \"F2\"\nsnooze = [\"z\", \"Z\"]\n",
    );
    assert!(ok, "{err}");
}

#[test]
fn the_dashboard_uses_the_keys_of_its_config_file() {
    let dir = tempfile::tempdir().expect("temp");
    let config = dir.path().join("hearback.toml");
    std::fs::write(&config, "[keys.global]\nhelp = \"F1\"\n").expect("write config");
    let data = dir.path().join("data");
    let socket = format!("hearback-keys-{}", std::process::id());
    let tmux = Tmux::start(
        socket,
        |cmd| {
            cmd.env("HEARBACK_DATA", &data)
                .env("HEARBACK_NOW", "2026-11-23T09:00:00Z")
                .env("HEARBACK_CONFIG", &config)
                .env("TZ", "UTC")
                .env_remove("TMUX")
        },
        BIN,
    );
    tmux.wait_for("the status line names F1 for help", |s| {
        s.contains("F1 help")
    });
    tmux.keys(&["?"]);
    tmux.keys(&["F1"]);
    let shown = tmux.wait_for("help on F1", |s| s.contains("Keys: Welcome"));
    assert!(!shown.contains("? help"), "{shown}");
    tmux.keys(&["Escape", "q"]);
}

#[test]
fn status_and_form_messages_name_the_keys_in_force() {
    // Copying the invitation says which key records it sent.
    let mut plain = app();
    chars(&mut plain, "3y");
    let said = plain.message.clone().unwrap_or_default();
    assert!(said.ends_with("; v records it sent"), "{said}");
    let mut a = app_with("[keys.interview]\nmark_invited = \"m\"\n");
    chars(&mut a, "3y");
    let said = a.message.clone().unwrap_or_default();
    assert!(said.ends_with("; m records it sent"), "{said}");

    // Naming an owner who is not on file offers to add them, and says how to cancel.
    let mut a = app_with("[keys.prompt]\nback = \"F3\"\n");
    chars(&mut a, "2");
    let at = a
        .queue_rows()
        .iter()
        .position(|i| i.kind == hearback::core::queue::ItemKind::LowScoreFollowUp)
        .expect("a low-score follow-up in the demo queue");
    a.queue.selected = at;
    a.clamp_selections();
    chars(&mut a, "wnobody-like-this");
    press(&mut a, KeyCode::Enter);
    let Some(Overlay::Prompt(p)) = &a.overlay else {
        panic!("the add-a-person form is open")
    };
    let error = p.error.clone().unwrap_or_default();
    assert!(error.ends_with(", or F3 to cancel"), "{error}");
    press(&mut a, KeyCode::F(3));
    assert_eq!(a.overlay, None, "F3 cancels, as the message says");
}

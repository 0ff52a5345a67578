//! The loop's letters: `hearback letter` on the demo programme (the .eml read back with
//! mail-parser, its people checked against the queue's own), recording them sent, and the
//! dashboard's letter view (`m` on a queue item, `e`, `x`). The texts themselves are golden
//! snapshots in `io::letters`.

use crate::common::dashboard::{app, screen};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use hearback::app::{App, Effect, Msg, Overlay, update};
use hearback::core::queue::ItemKind;
use hearback::core::{Change, EventKind};
use mail_parser::MessageParser;
use std::path::Path;
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_hearback");

fn run(data: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .env("HEARBACK_DATA", data)
        .env("HEARBACK_NOW", "2026-11-23T09:00:00Z")
        .env("HEARBACK_CONFIG", "/dev/null")
        .env("TZ", "UTC")
        .output()
        .expect("runs hearback")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn demo() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let out = run(&data, &["demo"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    (dir, data)
}

/// The queue's item `key` as `hearback queue --format json` gives it.
fn queue_item(data: &Path, key: &str) -> serde_json::Value {
    let out = run(data, &["queue", "--format", "json", "--all"]);
    let items: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    items
        .as_array()
        .and_then(|a| a.iter().find(|i| i["id"] == key))
        .cloned()
        .unwrap_or_else(|| panic!("no {key} in the queue"))
}

fn names(list: Option<&mail_parser::Address<'_>>) -> Vec<String> {
    list.map(|a| {
        a.iter()
            .filter_map(|m| m.name.as_deref().map(str::to_string))
            .collect()
    })
    .unwrap_or_default()
}

/// For a lowest 2 (F381: senior management must attend) and a lowest 3 (F78: the client and
/// service managers), the email is from the item's owner and copies exactly the other people
/// the queue names on the item.
#[test]
fn the_invitation_email_copies_the_people_the_queue_names_for_its_severity() {
    let (dir, data) = demo();
    for (followup, severity, copied) in [("F381", 2, 2), ("F78", 3, 1)] {
        let item = queue_item(&data, &format!("low_score_followup:{followup}"));
        assert_eq!(item["severity"], severity);
        let owner = item["owner"].as_str().expect("an owner").to_string();
        let others: Vec<String> = item["participants"]
            .as_array()
            .expect("participants")
            .iter()
            .filter_map(|p| p.as_str())
            .filter(|p| *p != owner)
            .map(str::to_string)
            .collect();
        assert_eq!(others.len(), copied, "{item}");
        let file = dir.path().join(format!("{followup}.eml"));
        let out = run(
            &data,
            &[
                "letter",
                "invitation",
                followup,
                "--eml",
                "--out",
                &file.to_string_lossy(),
            ],
        );
        assert!(out.status.success(), "{}", text(&out.stderr));
        assert!(text(&out.stderr).contains("open it in your mail client"));
        let bytes = std::fs::read(&file).expect("the file");
        let mail = MessageParser::default().parse(&bytes).expect("parses");
        assert_eq!(names(mail.from()), vec![owner.clone()]);
        assert_eq!(names(mail.cc()), others, "Cc of {followup}");
        let to = mail
            .to()
            .and_then(|a| a.first())
            .and_then(|m| m.address.clone());
        assert!(
            to.is_some_and(|a| a.ends_with(".example")),
            "a customer address"
        );
        let body = mail.body_text(0).expect("text");
        for person in &others {
            assert!(
                body.contains(person.as_str()),
                "{person} named in the letter"
            );
        }
    }
}

#[test]
fn without_a_file_the_email_goes_into_the_data_dir_letters_folder() {
    let (_dir, data) = demo();
    let out = run(&data, &["letter", "invitation", "F381", "--eml"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let dir = data.join("letters");
    let files: Vec<String> = std::fs::read_dir(&dir)
        .expect("letters/")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        files,
        ["2026-11-23 invitation F381 Lindqvist Pet Supplies.eml"]
    );
    use std::os::unix::fs::PermissionsExt as _;
    let mode = std::fs::metadata(&dir).expect("meta").permissions().mode();
    assert_eq!(mode & 0o777, 0o700, "letters name customers and scores");
}

#[test]
fn recording_the_thank_you_sent_discharges_its_queue_item_once() {
    let (_dir, data) = demo();
    let key = "acknowledge:I213";
    queue_item(&data, key);
    let out = run(&data, &["letter", "thank-you", "I213", "--record"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let printed = text(&out.stdout);
    assert!(printed.starts_with("From: "), "{printed}");
    assert!(
        printed.contains("\nSubject: Thank you for your feedback"),
        "{printed}"
    );
    assert!(
        text(&out.stderr)
            .contains("recorded: the thank-you note to Blackthorn Care Partners as sent")
    );
    let queue = text(&run(&data, &["queue", "--all"]).stdout);
    assert!(!queue.contains(key), "{queue}");
    let again = run(&data, &["letter", "thank-you", "I213", "--record"]);
    assert_eq!(again.status.code(), Some(1));
    assert!(
        text(&again.stderr).contains("cannot record the thank-you note as sent"),
        "{}",
        text(&again.stderr)
    );
}

#[test]
fn the_invitation_recorded_sent_is_on_the_customer_timeline() {
    let (_dir, data) = demo();
    let out = run(&data, &["letter", "invitation", "F381", "--record"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let customer = text(&run(&data, &["customer", "Lindqvist Pet"]).stdout);
    assert!(
        customer.contains("Invitation to the follow-up call sent to Tariq Delacroix, copied to Oskar Lindgren, Desmond Achterberg"),
        "{customer}"
    );
    // Still owed: the call itself.
    queue_item(&data, "low_score_followup:F381");
}

#[test]
fn a_letter_for_the_wrong_record_says_what_to_give() {
    let (_dir, data) = demo();
    let out = run(&data, &["letter", "thank-you", "F381"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("is not an interview id"),
        "{}",
        text(&out.stderr)
    );
    let out = run(&data, &["letter", "report", "F381"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("has not been contacted"),
        "{}",
        text(&out.stderr)
    );
}

fn key(app: &mut App, c: char) -> Vec<Effect> {
    update(
        app,
        Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)),
    )
}

/// Selects the first queue item of `kind` (the queue has the focus at start).
fn select(app: &mut App, kind: ItemKind) {
    for _ in 0..200 {
        if app.selected_item().is_some_and(|i| i.kind == kind) {
            return;
        }
        key(app, 'j');
    }
    panic!("no {kind:?} in the queue");
}

#[test]
fn m_opens_the_letter_an_item_owes_e_writes_it_and_x_records_it() {
    let mut a = app();
    select(&mut a, ItemKind::LowScoreFollowUp);
    let subject = a.selected_item().map(|i| i.subject).expect("an item");
    key(&mut a, 'm');
    let Some(Overlay::Document(view)) = &a.overlay else {
        panic!("the letter is open: {:?}", a.message)
    };
    assert!(
        view.title
            .starts_with("Letter · Invitation to the follow-up call"),
        "{}",
        view.title
    );
    assert!(
        view.notes.iter().any(|n| n.starts_with("Cc: ")),
        "{:?}",
        view.notes
    );
    insta::assert_snapshot!(screen(&a, 100, 30));

    let effects = key(&mut a, 'y');
    assert!(
        matches!(&effects[..], [Effect::Copy(t)] if t.starts_with("Dear ")),
        "{effects:?}"
    );
    let effects = key(&mut a, 'e');
    assert_eq!(
        effects,
        vec![Effect::RunCommand {
            line: format!("letter invitation {subject} --eml")
        }]
    );
    let effects = key(&mut a, 'x');
    let [Effect::Commit { changes, .. }] = &effects[..] else {
        panic!("one commit: {effects:?}")
    };
    assert!(
        changes
            .changes
            .iter()
            .any(|c| matches!(c, Change::Event(e) if e.kind == EventKind::LetterSent))
    );
    assert!(a.overlay.is_none(), "back to the queue");
}

#[test]
fn the_formal_report_asks_before_it_is_recorded_and_other_items_owe_no_letter() {
    let mut a = app();
    select(&mut a, ItemKind::FormalReport);
    key(&mut a, 'm');
    assert!(
        matches!(&a.overlay, Some(Overlay::Document(v)) if v.letter.is_some()),
        "{:?}",
        a.message
    );
    let effects = key(&mut a, 'x');
    assert!(effects.is_empty());
    assert!(matches!(a.overlay, Some(Overlay::Confirm(_))));
    key(&mut a, 'n');
    let mut b = app();
    select(&mut b, ItemKind::Debrief);
    key(&mut b, 'm');
    assert!(b.overlay.is_none());
    assert!(
        b.message
            .as_deref()
            .is_some_and(|m| m.contains("owes no letter")),
        "{:?}",
        b.message
    );
}

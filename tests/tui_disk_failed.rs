//! The real dashboard on a disk that fails: under `strace -e inject=fdatasync:error=EIO` every
//! fdatasync fails, as a dying disk's would. Moving a card then must not say "saved": the
//! banner "NOT SAVED: the disk reported an error; quit and restart" appears and stays on every
//! screen, and after a restart (a new process, reading sled's files afresh) the store opens
//! and checks clean. Needs tmux and strace (`.ci/run` installs both); fails without them.

mod common;

use common::tmux::{Tmux, text};
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_hearback");
const NOW: &str = "2026-11-23T09:00:00Z";
const BANNER: &str = "NOT SAVED: the disk reported an error; quit and restart";

#[test]
fn a_failing_disk_shows_the_banner_on_every_screen_and_a_restart_reads_the_disk() {
    let probe = Command::new("strace").arg("-V").output();
    assert!(
        probe.is_ok_and(|o| o.status.success()),
        "strace is required: install strace: apt-get install strace"
    );
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let config = dir.path().join("hearback.toml");
    std::fs::write(&config, "").expect("writes an empty config");
    let hearback = |args: &[&str]| {
        Command::new(BIN)
            .env("HEARBACK_DATA", &data)
            .env("HEARBACK_NOW", NOW)
            .env("HEARBACK_CONFIG", &config)
            .args(args)
            .output()
            .expect("runs hearback")
    };
    let demo = hearback(&["demo"]);
    assert!(demo.status.success(), "{}", text(&demo));
    let program = format!(
        "strace -f -qq -o /dev/null -e trace=fdatasync -e inject=fdatasync:error=EIO '{BIN}'"
    );
    let socket = format!("hearback-{}-disk", std::process::id());
    let tmux = Tmux::start(
        socket,
        |cmd| {
            cmd.env("HEARBACK_DATA", &data)
                .env("HEARBACK_NOW", NOW)
                .env("HEARBACK_CONFIG", &config)
                .env("HEARBACK_USER", "Test Lead")
                .env("TZ", "UTC")
                .env_remove("TMUX")
        },
        &program,
    );
    tmux.wait_for("the dashboard", |s| s.contains("Action items"));
    tmux.keys(&["4"]);
    tmux.wait_for("the board focused", |s| s.contains("▶ 4 Action items"));
    tmux.keys(&["L"]);
    let screen = tmux.wait_for("the disk error banner", |s| s.contains(BANNER));
    assert!(
        !screen.contains("· saved"),
        "nothing may say saved:\n{screen}"
    );
    tmux.keys(&["?"]);
    // Wait for what only the overlay shows: an Escape that reaches the terminal together with
    // the next key reads as Alt-key, so each Escape waits for its overlay to be on screen.
    tmux.wait_for("help with the banner", |s| {
        s.contains(BANNER) && s.contains("Keys: Action items")
    });
    tmux.keys(&["Escape"]);
    tmux.wait_for("help closed", |s| !s.contains("Keys: Action items"));
    tmux.keys(&["C"]);
    tmux.wait_for("the calendar with the banner", |s| {
        s.contains(BANNER) && s.contains("Feedback calendar")
    });
    // One key at a time: Escape and q together read as Alt-q.
    tmux.keys(&["Escape"]);
    tmux.wait_for("the calendar closed", |s| {
        !s.contains("Feedback calendar") && s.contains(BANNER)
    });
    tmux.keys(&["q"]);
    // A restart reads what sled's files hold: the store opens and every record decodes (once
    // the dashboard has let go of its lock).
    let start = std::time::Instant::now();
    let check = loop {
        let check = hearback(&["check"]);
        let locked = String::from_utf8_lossy(&check.stderr).contains("already open");
        if !locked || start.elapsed() > common::tmux::WAIT {
            break check;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    };
    assert!(
        check.status.success(),
        "{}\n{}",
        text(&check),
        tmux.screen()
    );
    drop(tmux);
}

//! The hub's socket is boring and safe: a peer of another user is refused by its credentials,
//! garbage, oversized and silent requests end their own connection and nothing else, and a
//! socket left behind by a killed dashboard is stale: commands then run on their own, and the
//! next dashboard replaces it.

use super::hub::{Open, hearback};
use crate::common::tmux::text;
use std::io::{Read, Write};
use std::os::unix::fs::PermissionsExt;
use std::os::unix::net::UnixStream;
use std::path::Path;
use std::process::Command;

/// Connects to the dashboard's socket and waits for its hello (the first bytes it sends).
fn connect(data: &Path) -> UnixStream {
    let stream = UnixStream::connect(data.join("hearback.sock")).expect("connects");
    stream
        .set_read_timeout(Some(crate::common::HANG))
        .expect("timeout");
    let mut first = [0u8; 1];
    (&stream).read_exact(&mut first).expect("the hello");
    stream
}

/// Sends `bytes` as a request and returns everything the dashboard answers until it closes.
fn answer(data: &Path, bytes: &[u8]) -> String {
    let mut stream = connect(data);
    stream.write_all(bytes).expect("sends");
    let mut back = Vec::new();
    let _ = stream.read_to_end(&mut back);
    String::from_utf8_lossy(&back).into_owned()
}

/// The dashboard still works: it runs a command and answers a key.
fn still_works(open: &Open) {
    let o = hearback(&open.data(), open.dir.path(), &["queue"]);
    assert!(o.status.success(), "{}", text(&o));
    open.tmux.keys(&["2"]);
    open.tmux
        .wait_for("the queue focused", |s| s.contains("▶ 2 "));
    open.tmux.keys(&["1"]);
    open.tmux
        .wait_for("the customers focused", |s| s.contains("▶ 1 "));
}

#[test]
fn garbage_oversized_and_silent_requests_disturb_nothing() {
    let open = Open::new("garbage");
    let said = answer(&open.data(), b"\xff\x13GET / HTTP/1.1\r\n\r\n");
    assert!(
        said.contains("the request is not one hearback sends"),
        "{said:?}"
    );
    // A request claiming an argument list of 4 GiB: refused by its size, nothing allocated.
    let mut huge = vec![0u8, 1, 252];
    huge.extend(u32::MAX.to_le_bytes());
    let said = answer(&open.data(), &huge);
    assert!(said.contains("larger than the 1024 KiB"), "{said:?}");
    // A caller that connects and says nothing holds up nobody.
    let silent = connect(&open.data());
    still_works(&open);
    drop(silent);
    let screen = open.tmux.screen();
    assert!(!screen.contains("panicked"), "{screen}");
}

#[test]
fn a_peer_of_another_user_is_refused() {
    // SAFETY: geteuid cannot fail.
    let root = unsafe { libc::geteuid() } == 0;
    assert!(
        root,
        "this test runs a client as `nobody` and needs root (CI runs as root)"
    );
    let open = Open::new("peer");
    // Let `nobody` reach the socket and the binary: the modes are the first wall, the peer's
    // credentials the second, tested here.
    let dir = open.dir.path();
    let mode = |p: &Path, m: u32| {
        std::fs::set_permissions(p, std::fs::Permissions::from_mode(m)).expect("chmod");
    };
    mode(dir, 0o711);
    mode(&open.data(), 0o711);
    mode(&open.data().join("hearback.sock"), 0o666);
    let bin = dir.join("hearback");
    std::fs::copy(env!("CARGO_BIN_EXE_hearback"), &bin).expect("copies the binary");
    mode(&bin, 0o755);
    let out = Command::new("setpriv")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
        .arg(&bin)
        .arg("queue")
        .env("HEARBACK_DATA", open.data())
        .env("HOME", "/nonexistent")
        .current_dir("/")
        .output()
        .expect("setpriv (util-linux) runs the client as nobody");
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "error: this hearback belongs to another user; a command from uid 65534 is not run\n"
    );
    assert!(out.stdout.is_empty(), "{}", text(&out));
    mode(&open.data(), 0o700);
    still_works(&open);
}

#[test]
fn a_killed_dashboards_socket_is_stale_and_replaced() {
    let open = Open::new("stale");
    let before = hearback(&open.data(), open.dir.path(), &["queue"]);
    assert!(before.status.success(), "{}", text(&before));
    let pid = open.pid();
    let killed = Command::new("kill")
        .args(["-9", &pid])
        .output()
        .expect("kill");
    assert!(killed.status.success(), "{}", text(&killed));
    open.tmux
        .wait_for("the shell back", |s| s.contains("Killed"));
    // The killed dashboard left its last frame on the screen: clear it, so the new one is seen.
    open.tmux.literal("clear");
    open.tmux.keys(&["Enter"]);
    open.tmux
        .wait_for("a clear screen", |s| !s.contains("Action items"));
    assert!(
        open.data().join("hearback.sock").exists(),
        "the socket is left behind"
    );
    // Nobody listens: the command runs on its own (the lock died with the process).
    let alone = hearback(&open.data(), open.dir.path(), &["queue"]);
    assert!(alone.status.success(), "{}", text(&alone));
    assert_eq!(alone.stdout, before.stdout);
    // A new dashboard replaces the socket and serves through it: with the lock held, only the
    // dashboard can have run this.
    open.start();
    assert_ne!(open.pid(), pid);
    let through = hearback(&open.data(), open.dir.path(), &["queue"]);
    assert!(through.status.success(), "{}", text(&through));
    assert_eq!(through.stdout, before.stdout);
}

#[test]
fn commands_sent_while_the_dashboard_quits_run_once_it_is_gone() {
    let open = Open::new("quitting");
    let before = hearback(&open.data(), open.dir.path(), &["queue"]);
    assert!(before.status.success(), "{}", text(&before));
    open.tmux.keys(&["q"]);
    // Callers arriving while it closes, one after another (two commands never share a closed
    // store): each runs through it, or on its own once it is gone; none is told the dashboard
    // is not answering, none finds the store locked.
    for _ in 0..4 {
        let o = hearback(&open.data(), open.dir.path(), &["queue"]);
        assert!(o.status.success(), "{}", text(&o));
        assert_eq!(o.stdout, before.stdout);
    }
}

#[test]
fn a_reader_whose_output_is_not_read_does_not_keep_the_dashboard_from_saving() {
    let open = Open::new("pager");
    let before = hearback(
        &open.data(),
        open.dir.path(),
        &["export", "all", "--format", "json"],
    );
    assert!(before.status.success(), "{}", text(&before));
    assert!(
        before.stdout.len() > 512 * 1024,
        "more than the pipe and socket hold"
    );
    // `hearback export all | less`, with less left open: nobody reads the output.
    let mut pager = Command::new(env!("CARGO_BIN_EXE_hearback"))
        .args(["export", "all", "--format", "json"])
        .env("HEARBACK_DATA", open.data())
        .env("HEARBACK_NOW", "2026-11-23T09:00:00Z")
        .env("TZ", "UTC")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("runs hearback");
    // Its output has filled the pipe: the command waits on its reader.
    std::thread::sleep(std::time::Duration::from_millis(500));
    assert!(
        pager.try_wait().expect("polls").is_none(),
        "the export waits"
    );
    // The dashboard still saves.
    open.tmux.keys(&["4"]);
    open.tmux
        .wait_for("the board focused", |s| s.contains("▶ 4 "));
    open.tmux.keys(&["L"]);
    open.tmux
        .wait_for("the move saved", |s| s.contains("moved to doing"));
    // The reader gets the whole export, as it was when the command read the store.
    let mut out = Vec::new();
    pager
        .stdout
        .take()
        .expect("stdout")
        .read_to_end(&mut out)
        .expect("reads the export");
    let status = pager.wait().expect("waits");
    assert!(status.success());
    assert!(
        out == before.stdout,
        "the export is whole and as it was read"
    );
}

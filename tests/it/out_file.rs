//! `--out` of the documents and the invitation, against what a careless or hostile path can
//! be: a FIFO (written to, never replaced), a symbolic link to another file (refused, the file
//! kept), and a new file (private, 0600).

use std::os::unix::fs::{FileTypeExt, PermissionsExt};
use std::path::Path;
use std::process::{Command, Output};

const NOW: &str = "2026-11-23T09:00:00Z";

fn hearback(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hearback"))
        .args(args)
        .env("HEARBACK_DATA", data)
        .env("HEARBACK_NOW", NOW)
        .env("TZ", "UTC")
        .env("XDG_CONFIG_HOME", data.join("no-config"))
        .env_remove("HEARBACK_CONFIG")
        .output()
        .expect("runs hearback")
}

fn demo() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    assert!(hearback(&data, &["demo"]).status.success());
    (dir, data)
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

#[test]
fn a_report_to_a_fifo_is_written_into_it_and_the_fifo_stays() {
    let (dir, data) = demo();
    let fifo = dir.path().join("pipe");
    let c = std::ffi::CString::new(fifo.to_str().expect("utf-8")).expect("no NUL");
    // SAFETY: a valid NUL-terminated path; mkfifo only creates the node.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0, "mkfifo");
    // Held open for writing while hearback runs, so the reader never waits for a writer that
    // never comes (the defect replaced the FIFO with a file): dropping it ends the reader.
    let keeper = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(&fifo)
        .expect("opens the fifo");
    // Opened here, before hearback runs (it does not wait: the keeper is a writer).
    let mut pipe = std::fs::File::open(&fifo).expect("opens the fifo for reading");
    let reader = std::thread::spawn(move || {
        let mut got = String::new();
        std::io::Read::read_to_string(&mut pipe, &mut got).expect("reads the fifo");
        got
    });
    let out = fifo.to_str().expect("utf-8");
    let o = hearback(
        &data,
        &["report", "digest", "--since", "2026-11-01", "--out", out],
    );
    drop(keeper);
    let got = reader.join().expect("the reader ends");
    assert!(o.status.success(), "{}", text(&o));
    assert!(got.starts_with("# What our customers told us"), "{got}");
    let kind = std::fs::symlink_metadata(&fifo)
        .expect("still there")
        .file_type();
    assert!(kind.is_fifo(), "the FIFO was replaced by a regular file");
}

#[test]
fn an_invitation_through_a_link_to_another_file_is_refused_and_that_file_kept() {
    let (dir, data) = demo();
    let precious = dir.path().join("precious.txt");
    std::fs::write(&precious, "keep me").expect("writes");
    let link = dir.path().join("invitation.md");
    std::os::unix::fs::symlink(&precious, &link).expect("links");
    let booked = hearback(&data, &["export", "interviews", "--format", "json"]);
    let list: serde_json::Value = serde_json::from_slice(&booked.stdout).expect("json");
    let id = list
        .as_array()
        .expect("interviews")
        .iter()
        .find(|i| i["status"] == "scheduled")
        .map(|i| format!("I{}", i["id"]))
        .expect("a booked interview in the demo");
    let o = hearback(
        &data,
        &[
            "interview",
            "invitation",
            &id,
            "--out",
            link.to_str().expect("utf-8"),
        ],
    );
    assert!(
        !o.status.success(),
        "written through the link: {}",
        text(&o)
    );
    assert!(text(&o).contains("symbolic link"), "{}", text(&o));
    assert_eq!(
        std::fs::read_to_string(&precious).expect("reads"),
        "keep me"
    );
}

#[test]
fn a_new_document_is_readable_by_its_owner_only() {
    let (dir, data) = demo();
    let path = dir.path().join("digest.md");
    let o = hearback(
        &data,
        &[
            "report",
            "digest",
            "--since",
            "2026-11-01",
            "--out",
            path.to_str().expect("utf-8"),
        ],
    );
    assert!(o.status.success(), "{}", text(&o));
    let mode = std::fs::metadata(&path)
        .expect("written")
        .permissions()
        .mode();
    assert_eq!(
        mode & 0o077,
        0,
        "mode {mode:o}: customer data readable by others"
    );
}

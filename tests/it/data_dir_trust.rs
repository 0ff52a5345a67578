//! A data dir someone else can write to is not trusted: they could plant links named like
//! hearback's own files (`hearback.lock`, `hearback.commits`) and make hearback, perhaps run as
//! root, overwrite whatever the links point to. hearback refuses such a dir, and its `store/`,
//! as ssh refuses a `~/.ssh` others can write, and never follows a link for its lock file.

use crate::common;

use std::os::unix::fs::{MetadataExt, PermissionsExt, symlink};
use std::path::Path;

use common::hearback_cli as hearback;

fn chmod(path: &Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).expect("chmod");
}

/// A data dir with a store in it, and a file someone wants overwritten.
fn store_and_victim() -> (tempfile::TempDir, std::path::PathBuf, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    let out = hearback(&data, &["check"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let victim = dir.path().join("victim");
    std::fs::write(&victim, b"precious").expect("writes the victim");
    (dir, data, victim)
}

fn plant_links(data: &Path, victim: &Path) {
    for name in ["hearback.lock", "hearback.commits"] {
        let _ = std::fs::remove_file(data.join(name));
        symlink(victim, data.join(name)).expect("plants a link");
    }
}

fn refused(data: &Path, victim: &Path, expect: &[&str]) {
    let out = hearback(data, &["check"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "accepted:\n{stderr}");
    for words in expect {
        assert!(stderr.contains(words), "no `{words}` in:\n{stderr}");
    }
    assert!(!stderr.contains("os error"), "{stderr}");
    assert_eq!(std::fs::read(victim).expect("reads"), b"precious");
}

#[test]
fn a_data_dir_others_can_write_to_is_refused_before_any_file_in_it_is_touched() {
    for mode in [0o777, 0o1777, 0o770, 0o730] {
        let (_dir, data, victim) = store_and_victim();
        plant_links(&data, &victim);
        chmod(&data, mode);
        let shown = data.display().to_string();
        refused(&data, &victim, &[&shown, "writable by", "chmod 700"]);
    }
}

#[test]
fn a_store_dir_others_can_write_to_is_refused() {
    let (_dir, data, victim) = store_and_victim();
    chmod(&data.join("store"), 0o777);
    let shown = data.join("store").display().to_string();
    refused(&data, &victim, &[&shown, "writable by", "chmod 700"]);
}

#[test]
fn a_planted_lock_link_in_a_private_dir_is_not_followed() {
    let (_dir, data, victim) = store_and_victim();
    std::fs::remove_file(data.join("hearback.lock")).expect("removes the lock file");
    symlink(&victim, data.join("hearback.lock")).expect("plants a link");
    refused(&data, &victim, &["hearback.lock", "symbolic link"]);
}

#[test]
fn the_lock_file_is_created_private() {
    let (_dir, data, _victim) = store_and_victim();
    let mode = std::fs::metadata(data.join("hearback.lock"))
        .expect("lock file")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600, "{mode:o}");
}

/// Needs root, as CI and the test machine have: only root can give a dir to another user.
#[test]
fn a_data_dir_owned_by_another_user_is_refused() {
    // SAFETY: geteuid has no preconditions.
    let euid = unsafe { libc::geteuid() };
    assert_eq!(
        euid, 0,
        "this test needs root (CI runs as root): only root can chown a dir to another user"
    );
    let (_dir, data, victim) = store_and_victim();
    let c = std::ffi::CString::new(data.display().to_string()).expect("path");
    // SAFETY: chown on a NUL-terminated path we own.
    assert_eq!(unsafe { libc::chown(c.as_ptr(), 4242, 4242) }, 0, "chown");
    assert_eq!(std::fs::metadata(&data).expect("meta").uid(), 4242);
    let shown = data.display().to_string();
    refused(&data, &victim, &[&shown, "owned by", "chown"]);
}

fn assert_private(dir: &Path) {
    for entry in std::fs::read_dir(dir).expect("lists") {
        let path = entry.expect("entry").path();
        let meta = std::fs::symlink_metadata(&path).expect("meta");
        assert_eq!(
            meta.permissions().mode() & 0o077,
            0,
            "{} is {:o}",
            path.display(),
            meta.permissions().mode()
        );
        if meta.is_dir() {
            assert_private(&path);
        }
    }
}

/// Every file hearback (and sled under it) creates in the data dir holds customer data or
/// says something about it: readable by the user alone, whatever the umask allowed before.
#[test]
fn every_file_in_the_data_dir_is_created_private() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    for args in [
        &["demo"][..],
        &["check"],
        &["deliverable", "--customer", "Caldera", "--name", "x"],
        &["check"],
    ] {
        let out = hearback(&data, args);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    assert_private(&data);
}

//! Runs a shell script as root of a new user and mount namespace (`unshare -r -m`): there a
//! test mounts a small tmpfs (a real full disk) or a read-only bind mount (real read-only
//! media) without more privileges than the test machine has. A machine without user
//! namespaces fails these tests loudly: they must never pass without having run.

use std::path::Path;
use std::process::{Command, Output};

/// Runs `script` with `sh -eu` inside the namespaces; `$1`, `$2`, ... are `args`.
pub fn run(script: &str, args: &[&Path]) -> Output {
    let probe = Command::new("unshare")
        .args(["-r", "-m", "true"])
        .output()
        .expect("this test needs `unshare` (util-linux) to make a user and mount namespace");
    assert!(
        probe.status.success(),
        "this test needs user and mount namespaces (`unshare -r -m true` failed: {}); \
         enable them (e.g. sysctl kernel.unprivileged_userns_clone=1) or run as root",
        String::from_utf8_lossy(&probe.stderr)
    );
    let out = Command::new("unshare")
        .args(["-r", "-m", "sh", "-euc", script, "sh"])
        .args(args)
        .output()
        .expect("runs the script in the namespace");
    assert!(
        out.status.success(),
        "the script in the namespace failed ({}):\n{}{}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// The text of a file the script wrote, or "" if it wrote none.
pub fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_default()
}

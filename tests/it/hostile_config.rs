//! Hostile `hearback.toml` files (tests/fixtures/hostile/policy_*.toml): each is refused at
//! once, and the message names the file, the key, the value (cleaned) and the accepted range.

use crate::common;

use std::process::Command;

fn run_with_config(name: &str) -> (bool, String, std::time::Duration) {
    let dir = tempfile::tempdir().expect("temp");
    let config = format!(
        "{}/tests/fixtures/hostile/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let started = std::time::Instant::now();
    let o = Command::new(env!("CARGO_BIN_EXE_hearback"))
        .args(["--config", &config, "queue"])
        .env("HEARBACK_DATA", dir.path().join("d"))
        .env("HEARBACK_NOW", "2026-11-23T09:00:00Z")
        .env("TZ", "UTC")
        .output()
        .expect("runs hearback");
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    (o.status.success(), err, started.elapsed())
}

#[test]
fn hostile_configs_are_refused_naming_file_key_value_and_range() {
    let cases = [
        (
            "policy_huge_business_days.toml",
            &[
                "policy.deadlines.acknowledge_business_hours",
                "4294967295",
                "0 to 720",
            ][..],
        ),
        (
            "policy_no_working_days.toml",
            &["policy.business_time.working_days", "at least one"],
        ),
        (
            "policy_escape_in_day.toml",
            &["policy.business_time.working_days", "'fun'"],
        ),
    ];
    for (file, needles) in cases {
        let (ok, err, took) = run_with_config(file);
        assert!(!ok, "{file} was accepted");
        assert!(
            err.contains(file),
            "{file}: the message names no file: {err}"
        );
        for needle in needles {
            assert!(
                err.contains(needle),
                "{file}: {needle:?} missing from {err:?}"
            );
        }
        assert!(
            !err.contains('\u{1b}') && !err.contains('\u{7}'),
            "{file}: raw {err:?}"
        );
        assert!(!err.contains("panicked"), "{file}: {err}");
        // A limit left unchecked would loop over billions of days; HANG catches that.
        assert!(took < common::HANG, "{file} took {took:?}");
    }
}

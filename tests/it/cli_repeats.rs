//! A flag that names a question twice is refused, not silently overwritten:
//! `--comment 1=a --comment 1=b` kept only "b" before.

use crate::common;

use common::hearback_cli as hearback;

#[test]
fn a_question_named_twice_by_one_flag_is_refused_and_nothing_is_saved() {
    let dir = tempfile::tempdir().expect("temp");
    let data = dir.path().join("d");
    assert!(
        hearback(&data, &["demo", "--customers", "3"])
            .status
            .success()
    );
    let before = hearback(&data, &["export", "all", "--format", "json"]).stdout;
    let record = [
        "interview",
        "record",
        "--customer",
        "Fenwick",
        "--at",
        "2026-11-20 10:00",
        "--scores",
        "5,5,5,5,2,5",
    ];
    let cases = [
        (
            &["--comment", "1=slow", "--comment", "1=fast"][..],
            "--comment 1",
        ),
        (&["--comment", "2=a", "--comment", " 2 =b"], "--comment 2"),
        (
            &["--individual", "5", "--individual", "5"],
            "--individual 5",
        ),
        (&["--praise", "3", "--praise", "3"], "--praise 3"),
    ];
    for (flags, needle) in cases {
        let args: Vec<&str> = record.iter().chain(flags).copied().collect();
        let o = hearback(&data, &args);
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(!o.status.success(), "{flags:?} was accepted");
        assert!(
            err.contains(needle) && err.contains("twice"),
            "{flags:?}: {err}"
        );
    }
    let after = hearback(&data, &["export", "all", "--format", "json"]).stdout;
    assert_eq!(before, after, "a refused command changed the store");
    // Text quoted back in an error is cleaned of escape sequences.
    let args: Vec<&str> = record
        .iter()
        .copied()
        .chain(["--comment", "\u{1b}]52;c;aGk=\u{7}oops"])
        .collect();
    let err = String::from_utf8_lossy(&hearback(&data, &args).stderr).into_owned();
    assert!(err.contains("oops") && !err.contains('\u{1b}'), "{err:?}");
}

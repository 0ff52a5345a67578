//! A store on read-only media (a DVD, a read-only mount of a backup disk, a snapshot): reading
//! commands work, writing commands say plainly why not and how to copy the data dir. sled
//! 0.34.7 cannot open a store read-only, so hearback reads a private copy. Tested on a real
//! read-only bind mount inside a user and mount namespace.

use crate::common;

use common::namespace;
use std::path::Path;

const BIN: &str = env!("CARGO_BIN_EXE_hearback");

fn ok(data: &Path, args: &[&str]) -> String {
    common::hearback_ok(data, args)
}

/// The reading commands run on the read-only store, each with its output file's name.
const READS: [(&str, &str); 6] = [
    ("check", "check"),
    ("export", "export all --format json"),
    ("customers", "customers --format json"),
    ("queue", "queue --all"),
    ("stats", "stats"),
    ("report", "report president --since 2026-01-01"),
];

const READ_ONLY: &str = r#"
B=$1; T=$2
export HEARBACK_DATA="$T/data" HEARBACK_NOW=2026-11-23T09:00:00Z TZ=UTC
mount --bind "$T/data" "$T/data"
mount -o remount,ro,bind "$T/data"
if touch "$T/data/probe" 2> /dev/null; then echo "the bind mount is writable" >&2; exit 1; fi
run() { name=$1; shift; "$B" "$@" > "$T/out/$name.out" 2> "$T/out/$name.err" || echo $? > "$T/out/$name.code"; }
run check check
run export export all --format json
run customers customers --format json
run queue queue --all
run stats stats
run report report president --since 2026-01-01
run write deliverable --customer Caldera --name "Phase 2"
run demo demo --force
"#;

#[test]
fn reading_commands_work_on_read_only_media_and_writing_ones_say_how_to_copy() {
    let dir = tempfile::tempdir().expect("temp dir");
    let t = dir.path();
    let data = t.join("data");
    ok(&data, &["demo"]);
    ok(&data, &["check"]);
    let before: Vec<String> = READS
        .iter()
        .map(|(_, args)| ok(&data, &args.split(' ').collect::<Vec<_>>()))
        .collect();
    std::fs::create_dir(t.join("out")).expect("creates out/");
    namespace::run(READ_ONLY, &[Path::new(BIN), t]);
    let file = |name: &str| namespace::read(&t.join("out").join(name));

    for ((name, args), before) in READS.iter().zip(&before) {
        let err = file(&format!("{name}.err"));
        assert_eq!(file(&format!("{name}.code")), "", "{args}: failed:\n{err}");
        assert_eq!(
            &file(&format!("{name}.out")),
            before,
            "{args}: shows other data"
        );
        assert_eq!(err.lines().count(), 1, "{args}: one note:\n{err}");
        assert!(
            err.contains("read-only") && err.contains(&data.display().to_string()),
            "{args}: {err}"
        );
        assert!(!err.contains("cannot lock"), "{args}: {err}");
    }

    for name in ["write", "demo"] {
        let err = file(&format!("{name}.err"));
        assert_eq!(file(&format!("{name}.code")).trim(), "1", "{name}: {err}");
        for words in ["read-only", "cp -a", "--data", &data.display().to_string()] {
            assert!(err.contains(words), "{name}: no `{words}` in:\n{err}");
        }
        for bad in ["cannot lock", "os error", "disk is not full"] {
            assert!(!err.contains(bad), "{name}: `{bad}` in:\n{err}");
        }
    }
}

//! The imports' progress bar: drawn on stderr only when stderr is a terminal, and cleared when
//! the import ends. Piped runs (scripts, CI) get nothing extra on stderr. The terminal run goes
//! through tmux (`.ci/run` installs it).

use crate::common;

use common::tmux::{Tmux, text};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_hearback");
const NOW: &str = "2026-11-23T09:00:00Z";

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn run(data: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .env("HEARBACK_DATA", data)
        .env("HEARBACK_NOW", NOW)
        .env("HEARBACK_CONFIG", data.with_extension("config.toml"))
        .env("TZ", "UTC")
        .output()
        .expect("runs hearback")
}

/// A data dir path whose (empty) config file exists.
fn data_dir(dir: &Path) -> PathBuf {
    let data = dir.join("data");
    std::fs::write(data.with_extension("config.toml"), "").expect("writes the config");
    data
}

fn path(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

#[test]
fn piped_imports_write_nothing_to_stderr() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = data_dir(dir.path());
    let (crm, people) = (fixture("crm/plain.csv"), fixture("people/directory.csv"));
    let (survey, map) = (
        fixture("surveys/typeform.csv"),
        fixture("surveys/typeform_map.toml"),
    );
    let runs: [&[&str]; 4] = [
        &["import", "customers", path(&crm)],
        &["import", "people", path(&people)],
        &["import", "responses", path(&survey), "--map", path(&map)],
        // A re-import reads every row again and writes nothing.
        &["import", "responses", path(&survey), "--map", path(&map)],
    ];
    for args in runs {
        let out = run(&data, args);
        assert!(
            !out.stdout.is_empty(),
            "{args:?} reports on stdout: {}",
            text(&out)
        );
        // Exit 3 (some rows not imported) is fine here: what matters is what reached stderr.
        assert!(
            matches!(out.status.code(), Some(0 | 3)),
            "{args:?}: {}",
            text(&out)
        );
        // The only stderr lines are the rows not imported, each `FILE:LINE: reason`.
        let file = args[2];
        let err = String::from_utf8_lossy(&out.stderr);
        let extra: Vec<&str> = err
            .lines()
            .filter(|l| !l.starts_with(&format!("{file}:")))
            .collect();
        assert!(
            extra.is_empty(),
            "{args:?} wrote to a piped stderr: {extra:?}"
        );
        assert!(
            !err.contains('\r') && !err.contains('\u{1b}'),
            "{args:?}: {err:?}"
        );
    }
}

#[test]
fn in_a_terminal_the_import_shows_progress_then_clears_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = data_dir(dir.path());
    let fifo = dir.path().join("crm.fifo");
    let made = Command::new("mkfifo")
        .arg(&fifo)
        .output()
        .expect("runs mkfifo");
    assert!(made.status.success(), "mkfifo: {}", text(&made));
    // The import reads the CSV from a FIFO the test holds open, so it is caught mid-import
    // without any timing: the bar must be on screen while it waits for the rows.
    let program = format!(
        "sh -c '\"{BIN}\" import customers - < \"{}\"; echo \"exit $?\"; sleep 60'",
        fifo.display()
    );
    let socket = format!("hearback-{}-progress", std::process::id());
    let tmux = Tmux::start(
        socket,
        |cmd| {
            cmd.env("HEARBACK_DATA", &data)
                .env("HEARBACK_NOW", NOW)
                .env("HEARBACK_CONFIG", data.with_extension("config.toml"))
                .env("TZ", "UTC")
                .env_remove("TMUX")
        },
        &program,
    );
    let mut writer = std::fs::OpenOptions::new()
        .write(true)
        .open(&fifo)
        .expect("opens the FIFO for writing");
    tmux.wait_for("the progress line while the rows are read", |s| {
        s.contains("reading the file")
    });
    let rows = std::fs::read(fixture("crm/plain.csv")).expect("reads the fixture");
    writer.write_all(&rows).expect("writes the rows");
    drop(writer);
    let screen = tmux.wait_for("the import to end", |s| s.contains("exit 0"));
    assert!(screen.contains("saved: create"), "{screen}");
    assert!(
        !screen.contains("reading the file") && !screen.contains("planning"),
        "the progress line is left on screen:\n{screen}"
    );
}

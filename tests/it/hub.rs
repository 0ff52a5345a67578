//! The open dashboard is the hub: with it running in a tmux pane, `hearback` commands from
//! another "terminal" (this test process) run inside it and behave as they do with the
//! dashboard closed: the same stdout and stderr bytes and exit code, stdin streamed, paths and
//! `--now` as the caller gives them. And it stays safe: a suspended dashboard is reported
//! within 2 s, a peer of another user is refused, garbage on the socket disturbs nothing, a
//! socket left by a killed dashboard is stale and replaced.

use crate::common::tmux::{Tmux, text};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_hearback");
const NOW: &str = "2026-11-23T09:00:00Z";

/// A data dir with the demo data, and a dashboard on it in a tmux pane, started from a shell
/// (so Ctrl-Z suspends it as in a real terminal).
pub struct Open {
    pub dir: tempfile::TempDir,
    pub tmux: Tmux,
    /// `NAME='value' ` words put before the dashboard's command line.
    env: String,
}

impl Open {
    pub fn new(name: &str) -> Open {
        Open::with_env(name, &[])
    }

    /// [`Open::new`], with the dashboard started with these environment variables too.
    pub fn with_env(name: &str, env: &[(&str, &str)]) -> Open {
        let dir = tempfile::tempdir().expect("tempdir");
        let data = dir.path().join("data");
        let demo = hearback(&data, dir.path(), &["demo"]);
        assert!(demo.status.success(), "{}", text(&demo));
        let socket = format!("hearback-{}-hub-{name}", std::process::id());
        let tmux = Tmux::start(
            socket,
            |cmd| cmd.env("TZ", "UTC").env("PS1", "$ ").env_remove("TMUX"),
            "bash --norc --noprofile",
        );
        let env = env.iter().map(|(k, v)| format!("{k}='{v}' ")).collect();
        let open = Open { dir, tmux, env };
        open.start();
        open
    }

    /// Starts the dashboard at the pane's shell prompt.
    pub fn start(&self) {
        self.tmux.literal(&format!(
            "{}HEARBACK_DATA='{}' HEARBACK_NOW={NOW} HEARBACK_USER='Lead at the console' '{BIN}'",
            self.env,
            self.data().display()
        ));
        self.tmux.keys(&["Enter"]);
        self.tmux
            .wait_for("the dashboard", |s| s.contains("Action items"));
    }

    /// The dashboard's process id, as its lock file says.
    pub fn pid(&self) -> String {
        let pid = std::fs::read_to_string(self.data().join("hearback.lock")).expect("the lock");
        pid.trim().to_string()
    }

    pub fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    /// A copy of the data dir as it is now (the dashboard has saved nothing yet), to run the
    /// same commands on with no dashboard.
    fn closed_copy(&self) -> PathBuf {
        let copy = self.dir.path().join("closed");
        let out = Command::new("cp")
            .args(["-a"])
            .arg(self.data())
            .arg(&copy)
            .output()
            .expect("cp");
        assert!(out.status.success(), "{}", text(&out));
        // The copy holds the dashboard's socket and pid: no dashboard listens on it.
        let _ = std::fs::remove_file(copy.join("hearback.sock"));
        copy
    }
}

/// Runs the real binary on `data` from `cwd`, at the tests' time, as a user would in another
/// terminal.
pub fn hearback(data: &Path, cwd: &Path, args: &[&str]) -> Output {
    run_with(data, cwd, args, None)
}

fn run_with(data: &Path, cwd: &Path, args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut cmd = Command::new(BIN);
    cmd.args(args)
        .current_dir(cwd)
        .env("HEARBACK_DATA", data)
        .env("HEARBACK_NOW", NOW)
        .env("TZ", "UTC")
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("runs hearback");
    if let Some(bytes) = stdin {
        use std::io::Write;
        let mut pipe = child.stdin.take().expect("stdin");
        pipe.write_all(bytes).expect("writes stdin");
    }
    child.wait_with_output().expect("waits")
}

/// Asserts two runs printed the same bytes and exited the same way.
fn assert_same(what: &str, open: &Output, closed: &Output) {
    assert_eq!(
        (open.status.code(), &open.stderr),
        (closed.status.code(), &closed.stderr),
        "{what}: stderr or exit code differ\nopen:\n{}\nclosed:\n{}",
        text(open),
        text(closed)
    );
    assert!(
        open.stdout == closed.stdout,
        "{what}: stdout differs\nopen:\n{}\nclosed:\n{}",
        String::from_utf8_lossy(&open.stdout),
        String::from_utf8_lossy(&closed.stdout)
    );
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/crm")
}

#[test]
fn commands_from_another_terminal_run_in_the_open_dashboard_as_they_would_closed() {
    let open = Open::new("same");
    let closed = open.closed_copy();
    let here = open.dir.path();
    // The caller's config file, by a path relative to the caller's directory.
    std::fs::write(
        here.join("strict.toml"),
        "[policy.deadlines]\ndebrief_hours = 1\n",
    )
    .expect("writes a config");
    for args in [
        &["queue", "--all", "--config", "strict.toml"][..],
        // The caller's name on what they record.
        &[
            "deliverable",
            "--customer",
            "Caldera",
            "--name",
            "Phase 2 handover",
            "--as",
            "Pat Remote",
        ],
        &["customer", "Caldera"],
        &["queue", "--format", "json"],
        &["export", "all", "--format", "json"],
        &["report", "president", "--since", "2026-06-01"],
        &["customers"],
        // The caller's --now, not the dashboard's.
        &["queue", "--all", "--now", "2027-01-15T09:00:00Z"],
        // An error says the same, with the same exit code.
        &["customer", "Nobody Of That Name"],
    ] {
        let o = hearback(&open.data(), here, args);
        let c = hearback(&closed, here, args);
        assert!(
            !o.stdout.is_empty() || !o.stderr.is_empty(),
            "{args:?} said nothing"
        );
        assert_same(&format!("{args:?}"), &o, &c);
    }
    // The settings were the caller's, not the dashboard's.
    let stdout = |args: &[&str]| {
        let o = hearback(&open.data(), here, args);
        String::from_utf8_lossy(&o.stdout).into_owned()
    };
    assert_ne!(
        stdout(&["queue", "--all", "--config", "strict.toml"]),
        stdout(&["queue", "--all"]),
        "the caller's config changes the queue"
    );
    assert!(stdout(&["customer", "Caldera"]).contains("Pat Remote"));
    // Nothing was refused for a lock: the dashboard ran them all.
    let screen = open.tmux.screen();
    assert!(screen.contains("Action items"), "{screen}");

    // An import with bad rows, by a path relative to the caller's directory: the same report
    // and exit code 3 ...
    let args = ["import", "customers", "messy.csv"];
    let o = hearback(&open.data(), &fixtures(), &args);
    let c = hearback(&closed, &fixtures(), &args);
    assert_eq!(o.status.code(), Some(3), "{}", text(&o));
    assert_same("import customers messy.csv", &o, &c);
    // ... and the new customers are on the dashboard's screen without a key.
    let started = Instant::now();
    open.tmux.wait_for("the import on the screen", |s| {
        s.contains("hearback import customers messy.csv (another terminal)")
    });
    assert!(
        started.elapsed() < Duration::from_secs(1),
        "the dashboard took {:?} to show the import",
        started.elapsed()
    );
    let o = hearback(&open.data(), here, &["customers"]);
    assert!(
        String::from_utf8_lossy(&o.stdout).contains("Quillon Freight"),
        "{}",
        text(&o)
    );

    // Standard input is streamed: `import customers -` reads the caller's stdin.
    let csv = std::fs::read(fixtures().join("hubspot_companies.csv")).expect("fixture");
    let args = ["import", "customers", "-"];
    let o = run_with(&open.data(), here, &args, Some(&csv));
    let c = run_with(&closed, here, &args, Some(&csv));
    assert!(o.status.success(), "{}", text(&o));
    assert_same("import customers -", &o, &c);

    // --out is the caller's path.
    let args = [
        "report",
        "president",
        "--since",
        "2026-06-01",
        "--out",
        "p.md",
    ];
    let o = hearback(&open.data(), here, &args);
    assert!(o.status.success(), "{}", text(&o));
    let written = std::fs::read_to_string(here.join("p.md")).expect("the caller's p.md");
    let printed = hearback(&open.data(), here, &args[..4]);
    assert_eq!(written, String::from_utf8_lossy(&printed.stdout));
}

#[test]
fn a_suspended_dashboard_is_reported_within_two_seconds() {
    let open = Open::new("suspended");
    let pid = open.pid();
    open.tmux.keys(&["C-z"]);
    open.tmux
        .wait_for("the shell back", |s| s.contains("Stopped"));
    let started = Instant::now();
    let o = hearback(&open.data(), open.dir.path(), &["queue"]);
    let took = started.elapsed();
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert_eq!(
        String::from_utf8_lossy(&o.stderr),
        format!(
            "error: hearback is open on {} (process {}) but suspended: run fg in its terminal\n",
            open.data().display(),
            pid
        )
    );
    // The promise is 2 s: the client waits 1.2 s for the hello, which leaves its own start
    // and the check of the process room on a loaded test machine.
    assert!(took < Duration::from_secs(2), "took {took:?}");
    // Back in the foreground it serves again; the command that gave up was never run.
    open.tmux.keys(&["f", "g", "Enter"]);
    open.tmux
        .wait_for("the dashboard again", |s| s.contains("Action items"));
    let o = hearback(&open.data(), open.dir.path(), &["queue"]);
    assert!(o.status.success(), "{}", text(&o));
}

#[test]
fn the_command_line_runs_a_command_in_the_dashboard_and_remembers_it() {
    let open = Open::new("colon");
    let tmux = &open.tmux;
    tmux.keys(&[":"]);
    tmux.wait_for("the command line", |s| s.contains("Tab completes"));
    tmux.literal("action add --customer Cald");
    tmux.keys(&["Tab"]);
    tmux.wait_for("the customer completed", |s| {
        s.contains(":action add --customer 'Caldera Port Authority'")
    });
    tmux.literal(" --kind corrective --title 'Call back about the sync fault'");
    tmux.keys(&["Enter"]);
    let shown = tmux.wait_for("the output in the document view", |s| {
        s.contains("added for Caldera Port Authority")
    });
    assert!(shown.contains(": action add --customer"), "{shown}");
    tmux.keys(&["Escape"]);
    tmux.wait_for("the document closed", |s| !s.contains("added for Caldera"));
    tmux.keys(&["4"]);
    tmux.wait_for("the card on the board", |s| s.contains("Call back about"));
    // An error shows in the same view, with the exit code in words.
    tmux.keys(&[":"]);
    tmux.wait_for("the command line", |s| s.contains("Tab completes"));
    tmux.literal("customer 'Nobody Of That Name'");
    tmux.keys(&["Enter"]);
    tmux.wait_for("the error", |s| {
        s.contains("error: ") && s.contains("exit code 1")
    });
    tmux.keys(&["Escape"]);
    tmux.wait_for("the error closed", |s| !s.contains("exit code 1"));
    tmux.keys(&["q"]);
    tmux.wait_for("the shell back", |s| !s.contains("Action items"));
    // The store has the action: the dashboard saved it through its own store.
    let o = hearback(&open.data(), open.dir.path(), &["export", "actions"]);
    assert!(
        String::from_utf8_lossy(&o.stdout).contains("Call back about the sync fault"),
        "{}",
        text(&o)
    );
    // The history is kept across runs: Up brings back the last line.
    open.start();
    tmux.keys(&[":"]);
    tmux.wait_for("the command line", |s| s.contains("Tab completes"));
    tmux.keys(&["Up"]);
    tmux.wait_for("the last command", |s| {
        s.contains(":customer 'Nobody Of That Name'")
    });
    tmux.keys(&["Up"]);
    tmux.wait_for("the one before", |s| s.contains(":action add --customer"));
}

#[test]
fn what_comes_in_from_outside_replaces_what_every_pane_shows_without_a_key() {
    use crate::common::dashboard::{demo_data, now, rules, screen};
    use hearback::app::{App, Msg, update};
    // An empty store: the welcome screen. Another terminal writes the demo data.
    let mut app = App::new(
        hearback::core::Dataset::default(),
        rules(),
        now(),
        true,
        "/data/hearback".into(),
        "Test Lead".into(),
    );
    assert!(screen(&app, 120, 40).contains("Welcome"));
    let effects = update(
        &mut app,
        Msg::Remote {
            said: "hearback demo (another terminal)".into(),
            data: Some(Ok(demo_data())),
        },
    );
    assert!(effects.is_empty());
    let shown = screen(&app, 120, 40);
    assert!(!shown.contains("Welcome"), "{shown}");
    assert!(shown.contains("Caldera Port Auth"), "{shown}");
    assert!(
        shown.contains("hearback demo (another terminal)"),
        "{shown}"
    );
    // A command that changed nothing changes nothing on the screen.
    update(
        &mut app,
        Msg::Remote {
            said: "hearback queue (another terminal)".into(),
            data: None,
        },
    );
    assert_eq!(screen(&app, 120, 40), shown);
}

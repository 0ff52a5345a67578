//! The dashboard end to end: the real binary in a real terminal (tmux), driven by keys, read
//! back with `capture-pane`. Each test has its own tmux server (`-L`), a fixed 120x40 window and
//! an interactive bash for job control (Ctrl-Z / `fg`) and for `stty -a` afterwards.
//!
//! tmux is required: .ci/run installs it. Without it these tests fail with a message rather
//! than pass silently.

use crate::common;

use common::tmux::{Tmux, WAIT, text};
use serde_json::Value;
use std::path::PathBuf;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

const NOW: &str = "2026-11-23T09:00:00Z";
const BIN: &str = env!("CARGO_BIN_EXE_hearback");
const TITLES: [&str; 4] = [
    "Customers by size",
    "Follow-up queue",
    "Interviews",
    "Action items",
];

/// A data dir with its environment: the same for the binary run directly and under tmux.
struct Env {
    _dir: tempfile::TempDir,
    data: PathBuf,
    config: PathBuf,
    /// Where the dashboard writes its draw times on exit (the diagnostics hook).
    draws: PathBuf,
}

impl Env {
    fn new() -> Env {
        let dir = tempfile::tempdir().expect("tempdir");
        let config = dir.path().join("hearback.toml");
        std::fs::write(&config, "").expect("write empty config");
        Env {
            data: dir.path().join("data"),
            draws: dir.path().join("draws"),
            config,
            _dir: dir,
        }
    }

    fn apply<'a>(&self, cmd: &'a mut Command) -> &'a mut Command {
        cmd.env("HEARBACK_DATA", &self.data)
            .env("HEARBACK_NOW", NOW)
            .env("HEARBACK_CONFIG", &self.config)
            .env("HEARBACK_USER", "Test Lead")
            .env("HEARBACK_DRAW_COUNT_FILE", &self.draws)
            .env("TZ", "UTC")
            .env_remove("NO_COLOR")
            .env_remove("TMUX")
    }

    /// Runs `hearback ARGS` with piped output and requires success.
    fn hearback(&self, args: &[&str]) -> String {
        let out = self
            .apply(&mut Command::new(BIN))
            .args(args)
            .output()
            .expect("runs hearback");
        assert!(out.status.success(), "hearback {args:?}: {}", text(&out));
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn json(&self, args: &[&str]) -> Value {
        serde_json::from_str(&self.hearback(args)).expect("json output")
    }
}

/// A private tmux server with an interactive bash (for job control and `stty -a`).
fn start(env: &Env, name: &str) -> Tmux {
    static N: AtomicUsize = AtomicUsize::new(0);
    let socket = format!(
        "hearback-{}-{name}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::SeqCst)
    );
    let tmux = Tmux::start(socket, |cmd| env.apply(cmd), "bash --norc --noprofile -i");
    // bash's prompt ends in `$`, or `#` as root (capture-pane trims the space after it).
    tmux.wait_for("the shell", |s| {
        s.lines().any(|l| l.ends_with('$') || l.ends_with('#'))
    });
    tmux
}

/// What these tests do with the shell and the dashboard in the pane.
trait Shell {
    /// Types a command line into the shell and presses Enter.
    fn type_line(&self, line: &str);
    /// The program in the foreground of the pane.
    fn foreground(&self) -> String;
    /// The process id of the dashboard running under the pane's shell.
    fn dashboard_pid(&self) -> u32;
    /// Waits until the foreground program is `name` (or is not, with `want` false).
    fn wait_foreground(&self, name: &str, want: bool);
    /// Starts the dashboard from the shell and waits for its four panes.
    fn open_dashboard(&self) -> String;
    /// Runs `stty -a` in the shell and checks the terminal is back to cooked mode with echo.
    fn assert_sane_tty(&self);
    /// Quits the dashboard with `q` and waits for the shell.
    fn quit(&self);
}

impl Shell for Tmux {
    fn type_line(&self, line: &str) {
        self.literal(line);
        self.keys(&["Enter"]);
    }

    fn foreground(&self) -> String {
        self.display("#{pane_current_command}")
    }

    fn dashboard_pid(&self) -> u32 {
        let shell: u32 = self.display("#{pane_pid}").parse().expect("pane pid");
        child_named(shell, "hearback").expect("hearback runs under the pane's shell")
    }

    fn wait_foreground(&self, name: &str, want: bool) {
        let start = Instant::now();
        while (self.foreground() == name) != want {
            assert!(
                start.elapsed() < WAIT,
                "timed out waiting for {name} {} the foreground; the screen:\n{}",
                if want { "in" } else { "to leave" },
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn open_dashboard(&self) -> String {
        self.type_line(&format!("'{BIN}'"));
        self.wait_for("the four panes", all_titles)
    }

    fn assert_sane_tty(&self) {
        self.type_line("clear; stty -a");
        let screen = self.wait_for("stty -a output", |s| {
            s.contains("icanon") && s.contains("speed")
        });
        let flags: Vec<&str> = screen
            .split(|c: char| c.is_whitespace() || c == ';')
            .collect();
        for flag in ["icanon", "echo", "isig", "icrnl", "opost"] {
            assert!(flags.contains(&flag), "`stty -a` lacks {flag}:\n{screen}");
            let off = format!("-{flag}");
            assert!(
                !flags.contains(&off.as_str()),
                "`stty -a` has {off}:\n{screen}"
            );
        }
    }

    fn quit(&self) {
        self.keys(&["q"]);
        self.wait_foreground("hearback", false);
    }
}

fn all_titles(screen: &str) -> bool {
    TITLES.iter().all(|t| screen.contains(t))
}

/// Whether the queue shows an item that is overdue: `overdue 3h 12m`, not the title's count.
fn overdue_row(screen: &str) -> bool {
    screen
        .match_indices("overdue ")
        .any(|(i, m)| screen[i + m.len()..].starts_with(|c: char| c.is_ascii_digit()))
}

/// The number in `label N)` on the screen, e.g. a board column's `Doing (4)`.
fn count(screen: &str, label: &str) -> usize {
    screen
        .split_once(label)
        .and_then(|(_, rest)| rest.split_once(')'))
        .and_then(|(n, _)| n.parse().ok())
        .unwrap_or_else(|| panic!("no `{label}N)` on the screen:\n{screen}"))
}

/// The state of every action item, by id.
fn action_states(env: &Env) -> Vec<(String, String)> {
    let actions = env.json(&["export", "actions", "--format", "json"]);
    let mut states: Vec<(String, String)> = actions
        .as_array()
        .expect("array of actions")
        .iter()
        .map(|a| (a["id"].to_string(), a["state"].to_string()))
        .collect();
    states.sort();
    states
}

#[test]
fn dashboard_shows_moves_suspends_and_restores_the_terminal() {
    let env = Env::new();
    env.hearback(&["demo"]);
    let before = action_states(&env);
    let tmux = start(&env, "main");

    let screen = tmux.open_dashboard();
    assert!(
        overdue_row(&screen),
        "an overdue item in the queue:\n{screen}"
    );

    // Focus the board and move the selected card one column right; wait until it is on disk.
    tmux.keys(&["4"]);
    let board = tmux.wait_for("the board focused", |s| s.contains("▶ 4 Action items"));
    let (todo, doing) = (count(&board, "To do ("), count(&board, "Doing ("));
    assert!(todo > 0, "a card to move:\n{board}");
    tmux.keys(&["L"]);
    tmux.wait_for("the card in Doing and saved", |s| {
        count(s, "To do (") == todo - 1
            && count(s, "Doing (") == doing + 1
            && s.contains("· saved")
            && !s.contains("saving…")
    });

    // Ctrl-Z stops hearback and gives the shell back; fg brings the dashboard back, redrawn.
    tmux.keys(&["C-z"]);
    tmux.wait_foreground("hearback", false);
    let shell = tmux.wait_for("the job to be stopped", |s| s.contains("Stopped"));
    assert!(
        !all_titles(&shell),
        "off the screen while suspended:\n{shell}"
    );
    tmux.type_line("fg");
    tmux.wait_foreground("hearback", true);
    tmux.wait_for("the dashboard redrawn after fg", |s| {
        all_titles(s) && count(s, "Doing (") == doing + 1
    });

    tmux.quit();
    tmux.assert_sane_tty();

    let after = action_states(&env);
    assert_eq!(
        before.len(),
        after.len(),
        "no action item appeared or vanished"
    );
    let changed: Vec<_> = before.iter().zip(&after).filter(|(b, a)| b != a).collect();
    assert_eq!(changed.len(), 1, "exactly one card moved: {changed:?}");
}

#[test]
fn an_empty_store_welcomes_and_loads_demo_data_on_d() {
    let env = Env::new();
    let tmux = start(&env, "welcome");
    tmux.type_line(&format!("'{BIN}'"));
    let welcome = tmux.wait_for("the welcome screen", |s| s.contains("Welcome to hearback"));
    assert!(
        welcome.contains("load demo data"),
        "offers demo data:\n{welcome}"
    );
    assert!(
        !overdue_row(&welcome),
        "nothing overdue when empty:\n{welcome}"
    );

    tmux.keys(&["d"]);
    tmux.wait_for("demo data in the panes", |s| {
        all_titles(s) && overdue_row(s) && !s.contains("Welcome to hearback")
    });
    tmux.quit();
    tmux.assert_sane_tty();

    // The same data as `hearback demo` writes (40 customers, seed 7, at the same now).
    let reference = Env::new();
    reference.hearback(&["demo"]);
    for what in ["customers", "interviews", "actions"] {
        let args = ["export", what, "--format", "json"];
        assert_eq!(env.json(&args), reference.json(&args), "demo {what}");
    }
}

#[test]
fn sigterm_and_sighup_restore_the_terminal_and_exit() {
    let env = Env::new();
    env.hearback(&["demo"]);
    let tmux = start(&env, "signals");
    for (signal, code) in [("TERM", 143), ("HUP", 129)] {
        let _ = std::fs::remove_file(&env.draws);
        tmux.open_dashboard();
        let pid = tmux.dashboard_pid();
        let killed = Command::new("kill")
            .args([&format!("-{signal}"), &pid.to_string()])
            .status()
            .expect("runs kill");
        assert!(killed.success());
        tmux.wait_foreground("hearback", false);
        // Left through the loop, not killed by the signal: the exit hook wrote its file.
        let draws = draw_times(&env);
        assert!(!draws.is_empty(), "SIG{signal}: drew, then exited cleanly");
        tmux.type_line("echo \"exit=$?\"");
        tmux.wait_for("the exit status", |s| s.contains(&format!("exit={code}")));
        tmux.assert_sane_tty();
        // The store is closed and its lock released.
        env.hearback(&["check"]);
    }
}

#[test]
fn idle_at_a_fixed_now_draws_nothing() {
    let env = Env::new();
    env.hearback(&["demo"]);
    let tmux = start(&env, "idle");
    tmux.open_dashboard();
    std::thread::sleep(Duration::from_millis(300));
    let from = unix_ms();
    std::thread::sleep(Duration::from_secs(3));
    let to = unix_ms();
    tmux.quit();
    let draws = draw_times(&env);
    assert!(!draws.is_empty(), "the first screen was drawn");
    let idle: Vec<_> = draws.iter().filter(|t| (from..to).contains(*t)).collect();
    assert!(
        idle.is_empty(),
        "no draws while idle at a fixed now: {idle:?}"
    );
}

fn unix_ms() -> u64 {
    let since = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("after 1970");
    u64::try_from(since.as_millis()).expect("fits")
}

/// The draw times the dashboard wrote on exit; checks the count on the first line.
fn draw_times(env: &Env) -> Vec<u64> {
    let text = std::fs::read_to_string(&env.draws).expect("the draw log is written on exit");
    let mut lines = text.lines();
    let count: usize = lines.next().and_then(|l| l.parse().ok()).expect("a count");
    let times: Vec<u64> = lines.map(|l| l.parse().expect("a time")).collect();
    assert_eq!(times.len(), count, "{text}");
    times
}

#[test]
fn status_and_piped_output_print_the_overview() {
    let env = Env::new();
    env.hearback(&["demo"]);
    let status = env.hearback(&["status"]);
    let counts = status.contains(" customers · ") && status.contains(" action items");
    assert!(counts, "{status}");
    // Without a subcommand and with stdout piped, the overview too: no dashboard in a pipe.
    assert_eq!(env.hearback(&[]), status);
}

/// A child process of `parent` with this command name, from /proc.
fn child_named(parent: u32, name: &str) -> Option<u32> {
    let entries = std::fs::read_dir("/proc").ok()?;
    entries.flatten().find_map(|e| {
        let pid: u32 = e.file_name().to_str()?.parse().ok()?;
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
        // stat is "pid (comm) state ppid ..."; comm may hold spaces, so split after ')'.
        let (head, rest) = stat.rsplit_once(')')?;
        let comm = head.split_once('(')?.1;
        let ppid: u32 = rest.split_whitespace().nth(1)?.parse().ok()?;
        (ppid == parent && comm == name).then_some(pid)
    })
}

/// The state of follow-up `id` and the summaries of its customer's `Undone` events, from a
/// full export.
fn followup_and_undone(env: &Env, id: u64) -> (String, Vec<String>) {
    let all = env.json(&["export", "all", "--format", "json"]);
    let f = all["followups"]
        .as_array()
        .expect("follow-ups")
        .iter()
        .find(|f| f["id"] == id)
        .unwrap_or_else(|| panic!("F{id} in the export"));
    let undone = all["timeline"]
        .as_array()
        .expect("a timeline")
        .iter()
        .filter(|e| e["customer"] == f["customer"] && e["kind"] == "Undone")
        .filter_map(|e| e["summary"].as_str().map(str::to_string))
        .collect();
    (f["state"].to_string(), undone)
}

#[test]
fn a_closing_step_asks_first_and_u_undoes_it_on_disk() {
    let env = Env::new();
    env.hearback(&["demo"]);
    // The demo queue's second row at NOW: the formal report owed on F260.
    let (state, undone) = followup_and_undone(&env, 260);
    assert!(undone.is_empty());
    let tmux = start(&env, "undo");
    tmux.open_dashboard();
    tmux.keys(&["j", "x"]);
    let asked = tmux.wait_for("the question", |s| s.contains("Are you sure?"));
    assert!(asked.contains("F260"), "names the item:\n{asked}");
    tmux.keys(&["n"]);
    tmux.wait_for("nothing recorded", |s| s.contains("nothing recorded"));
    tmux.keys(&["x", "y"]);
    tmux.wait_for("the step saved", |s| {
        s.contains("u undoes it") && !s.contains("saving…")
    });
    tmux.keys(&["u"]);
    tmux.wait_for("the undo saved", |s| {
        s.contains("saved: undone") && !s.contains("saving…")
    });
    tmux.quit();
    let (after, undone) = followup_and_undone(&env, 260);
    assert_eq!(after, state, "the follow-up is as it was");
    assert_eq!(undone.len(), 1, "{undone:?}");
    assert!(undone[0].starts_with("Undone: Formal report"), "{undone:?}");
}

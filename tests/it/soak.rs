//! Soak: the real dashboard in tmux on the live clock (so the one-second tick runs), driven by
//! a scripted, repeating stream of real edits for `HEARBACK_SOAK_SECS` seconds (20 by default,
//! for CI; 600 gives the README's figures). Each round moves around the panes and the customer
//! filter, scores and comments a booked interview in the form (drafts), edits a pre-brief,
//! snoozes and assigns in the queue, moves cards and sets owners and due dates on the board,
//! and opens insight, the calendar and help. Every change goes through the real store on disk.
//!
//! Every [`SAMPLE_EVERY`] (and at start and end) a sampler thread reads the process's VmRSS and
//! the data dir's size. At the end: the process is alive, no panic showed, RSS has no growth
//! trend, the disk stays under [`DISK_FACTOR`] times the data, and after a clean quit the store
//! opens and `hearback check` is clean. The summary line (run with `--nocapture`) gives the
//! figures; `HEARBACK_SOAK_SAMPLES=FILE` also writes every sample as CSV. Its own test binary,
//! so nothing else shares the CPUs. tmux is required (.ci/run installs it): without it the test
//! fails rather than passes.

use crate::common;

use common::rng::env_number;
use common::tmux::{Tmux, text};
use hearback::core::{Staff, TimelineEvent};
use hearback::store::Store;
use std::path::Path;
use std::process::Command;
use std::sync::mpsc::{RecvTimeoutError, channel};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_hearback");
const SAMPLE_EVERY: Duration = Duration::from_secs(2);
/// The gap after each key: a fast user (25 keys a second), slow enough that an Esc never
/// reaches the terminal glued to the next key (which would read as Alt+key).
const PACE: Duration = Duration::from_millis(40);
/// How long a screen the script waits for (a prompt, the form) may take to show.
const SHOW: Duration = Duration::from_secs(3);
/// The first part of the run that the RSS trend ignores: the allocator's arenas and sled's
/// page cache fill up while every view and code path is met for the first time.
const WARM_UP: f64 = 0.2;
/// The RSS growth over the whole run, as projected by the trend, that still counts as flat:
/// 4 MiB, about 10% of the start RSS. Drafts, snoozes, cards and notes are overwritten; only
/// the timeline grows (about 7 events a round), and sled keeps it in its cache. Measured: 0.6
/// MiB projected over 600 s; 23 KiB/min over 30 minutes with every step, 11.5 KiB/min (flat)
/// with the steps that add no events. A leak of 1 KiB per edit would add 7.5 MiB over the
/// 10-minute run (about 7,700 edits); the 20 s CI run only catches a gross leak.
const RSS_GROWTH_LIMIT_KIB: f64 = 4.0 * 1024.0;
/// Disk use stays under this many times the data: the store's size right after seeding.
const DISK_FACTOR: u64 = 5;

/// One sample: seconds since the start, VmRSS in KiB, bytes under the data dir.
#[derive(Clone, Copy, Debug)]
struct Sample {
    at: f64,
    rss_kib: u64,
    disk: u64,
}

/// A field of /proc/PID/status (`VmRSS`, `State`), or None when the process is gone.
fn status(pid: u32, field: &str) -> Option<String> {
    let text = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = text.lines().find(|l| l.starts_with(&format!("{field}:")))?;
    Some(line.split_whitespace().nth(1)?.to_string())
}

/// Whether `pid` runs (exists and is not a zombie).
fn alive(pid: u32) -> bool {
    status(pid, "State").is_some_and(|s| s != "Z" && s != "X")
}

/// The sum of the sizes of every file under `dir`.
fn disk_use(dir: &Path) -> u64 {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let size = |e: std::fs::DirEntry| match e.metadata() {
        Ok(m) if m.is_dir() => disk_use(&e.path()),
        Ok(m) => m.len(),
        Err(_) => 0,
    };
    entries.flatten().map(size).sum()
}

fn sample(pid: u32, data: &Path, start: Instant) -> Sample {
    Sample {
        at: start.elapsed().as_secs_f64(),
        rss_kib: status(pid, "VmRSS")
            .and_then(|kib| kib.parse().ok())
            .expect("hearback is running while sampled"),
        disk: disk_use(data),
    }
}

/// Least-squares slope of `y` against time (per second).
fn slope(samples: &[Sample], y: fn(&Sample) -> u64) -> f64 {
    let n = samples.len() as f64;
    let mx = samples.iter().map(|s| s.at).sum::<f64>() / n;
    let my = samples.iter().map(|s| y(s) as f64).sum::<f64>() / n;
    let sxy: f64 = samples
        .iter()
        .map(|s| (s.at - mx) * (y(s) as f64 - my))
        .sum();
    let sxx: f64 = samples.iter().map(|s| (s.at - mx).powi(2)).sum();
    if sxx > 0.0 { sxy / sxx } else { 0.0 }
}

/// The scripted user: sends keys at [`PACE`] and counts them.
struct User<'a> {
    tmux: &'a Tmux,
    keys: u64,
    /// Keys that change data: each asks for a draft save or a commit.
    edits: u64,
    /// Steps skipped because what they act on did not show (e.g. no follow-up on top).
    skipped: u64,
    forms: u64,
    emails: [String; 2],
}

impl User<'_> {
    fn key(&mut self, key: &str) {
        self.tmux.keys(&[key]);
        self.keys += 1;
        std::thread::sleep(PACE);
    }

    fn keys(&mut self, keys: &[&str]) {
        keys.iter().for_each(|k| self.key(k));
    }

    fn edit(&mut self, key: &str) {
        self.key(key);
        self.edits += 1;
    }

    /// Types `text` one character at a time; every character is an edit.
    fn type_text(&mut self, text: &str) {
        for c in text.chars() {
            self.tmux.literal(&c.to_string());
            self.keys += 1;
            self.edits += 1;
            std::thread::sleep(PACE);
        }
    }

    /// Whether `what` shows within [`SHOW`]; counts a skip when it does not.
    fn shows(&mut self, what: &str) -> bool {
        let start = Instant::now();
        while start.elapsed() < SHOW {
            if self.tmux.screen().contains(what) {
                return true;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        self.skipped += 1;
        false
    }

    /// Waits (a while, without failing) until no save is on its way, like a user who sees
    /// `saving…` and waits for `saved` before the next move.
    fn settle(&self) {
        let start = Instant::now();
        while start.elapsed() < SHOW && self.tmux.screen().contains("saving…") {
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Backs out of whatever is open (prompt, editor, form, summary, views, help) and checks
    /// the panes are back, with no panic and no failed save on the screen.
    fn reset(&mut self) {
        for _ in 0..3 {
            self.keys(&["Escape"; 4]);
            let screen = self.tmux.screen();
            check_screen(&screen);
            let panes = ["Customers by size", "Follow-up queue", "Interviews"];
            if panes.iter().all(|p| screen.contains(p)) && !screen.contains("1-5 score") {
                return;
            }
        }
        panic!(
            "stuck: Esc does not bring the panes back:\n{}",
            self.tmux.screen()
        );
    }

    /// Panes, the customer filter and sort, and a customer's detail (its timeline is read).
    fn browse(&mut self, n: u64) {
        self.keys(&["Tab", "j", "j", "k", "BTab", "2", "j", "k", "1"]);
        (0..n % 4).for_each(|_| self.key("j"));
        self.keys(&["/", "a", "r", "BSpace", "Escape", "s", "Enter"]);
        if self.shows("j/k scroll · Esc closes") {
            self.keys(&["j", "j", "k"]);
        }
    }

    /// The interview form: six scores, a comment rewritten, flags, the completion summary
    /// (backed out of) and the pre-brief notes; then Esc parks the form (its draft is kept).
    fn interview(&mut self, n: u64) {
        self.keys(&["3", "g", "Enter"]);
        if !self.shows("1-5 score") {
            return;
        }
        self.forms += 1;
        self.keys(&["k"; 5]);
        let scores = "453524";
        for i in 0..6 {
            let at = usize::try_from((n + i) % 6).expect("small");
            self.edit(&scores[at..=at]);
        }
        // From the last question up to question n % 6; the comment is replaced, not grown.
        (0..5 - n % 6).for_each(|_| self.key("k"));
        self.key("c");
        if self.shows("typing the comment") {
            self.key("Home");
            self.edit("C-k");
            self.type_text(&format!("round {n} they want weekly reports"));
            self.key("Escape");
        }
        if n.is_multiple_of(3) {
            self.edit("i");
            self.edit("!");
        }
        self.key("C-s");
        if self.shows("any other key goes back") {
            self.key("Escape");
        }
        // The pre-brief: " soak" onto the first note (the cursor starts at its end), taken
        // off again the next round: a real save each time, and the text stays bounded.
        self.key("e");
        if n.is_multiple_of(2) {
            self.fill("Pre-brief notes", &[" soak", "", "", ""]);
        } else if self.shows("Pre-brief notes") {
            (0..5).for_each(|_| self.edit("BSpace"));
            self.keys(&["Enter"; 3]);
            self.edit("Enter");
            self.settle();
        }
    }

    /// Once `prompt` shows: types each field and Enter (the last submits), waits for the save.
    fn fill(&mut self, prompt: &str, fields: &[&str]) {
        if self.shows(prompt) {
            for (i, field) in fields.iter().enumerate() {
                self.type_text(field);
                // Enter moves to the next field; on the last it submits.
                if i + 1 < fields.len() {
                    self.key("Enter");
                } else {
                    self.edit("Enter");
                }
            }
            self.settle();
        }
    }

    /// The queue: snooze an item for two minutes (so snoozes expire and items come back on
    /// the tick) and assign the top follow-up to one of two people in turn.
    fn queue(&mut self, n: u64) {
        self.keys(&["2", "g"]);
        (0..n % 5).for_each(|_| self.key("j"));
        self.key("z");
        self.fill("Snooze:", &["+2m", &format!("soak pass {n}")]);
        self.keys(&["g", "w"]);
        let email = self.emails[usize::from(n % 2 == 1)].clone();
        self.fill("Assign F", &[&email]);
    }

    /// The board: a card to Doing and back, then its due date and owner.
    fn board(&mut self, n: u64) {
        self.keys(&["4", "h", "h", "h", "g"]);
        (0..n % 3).for_each(|_| self.key("j"));
        for key in ["L", "H"] {
            self.edit(key);
            self.settle();
        }
        self.key("d");
        self.fill("Due date of", &[&format!("+{}d", n % 9 + 1)]);
        self.key("w");
        let email = self.emails[usize::from(n.is_multiple_of(2))].clone();
        self.fill("Owner of", &[&email]);
    }

    /// Insight (with its comments panel), the calendar and help, each closed with Esc.
    fn views(&mut self) {
        self.key("I");
        if self.shows("Insight · scores by") {
            self.keys(&["j", "l", "b", "]", "Enter", "j", "Escape", "Escape"]);
        }
        self.key("C");
        if self.shows("Feedback calendar ·") {
            self.keys(&["l", "j", "]", "t", "Escape"]);
        }
        self.key("?");
        if self.shows("Keys:") {
            self.key("Escape");
        }
    }
}

/// The exit status of `pid` once it has ended but is not reaped yet (a zombie), in tmux's
/// `dead:status:signal` form, read from field 52 of /proc/PID/stat (Linux 3.5+). tmux 3.3a
/// was seen to leave the pane's process a zombie for more than 30 s after its terminal closed,
/// without the exit status it reports only once it has reaped the process.
fn zombie_exit(pid: u32) -> Option<String> {
    if status(pid, "State")? != "Z" {
        return None;
    }
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // Fields after the command name in parentheses start at field 3.
    let (_, rest) = stat.rsplit_once(')')?;
    let code: i32 = rest.split_whitespace().nth(52 - 3)?.parse().ok()?;
    Some(if code & 0x7f == 0 {
        format!("1:{}:", (code >> 8) & 0xff)
    } else {
        format!("1::{}", code & 0x7f)
    })
}

fn check_screen(screen: &str) {
    assert!(!screen.contains("panicked"), "a panic:\n{screen}");
    let failed = screen.contains("NOT saved") || screen.contains("NOT SAVED");
    assert!(!failed, "a save failed:\n{screen}");
}

/// The environment of every hearback run here: live clock, an empty config, `data`.
fn configure<'a>(cmd: &'a mut Command, dir: &Path) -> &'a mut Command {
    cmd.env("HEARBACK_DATA", dir.join("data"))
        .env("HEARBACK_CONFIG", dir.join("hearback.toml"))
        .env("HEARBACK_USER", "Soak Test")
        .env("TZ", "UTC")
        .env_remove("HEARBACK_NOW")
        .env_remove("HEARBACK_DRAW_COUNT_FILE")
        .env_remove("NO_COLOR")
        .env_remove("TMUX")
}

fn hearback(dir: &Path, args: &[&str]) -> String {
    let mut cmd = Command::new(BIN);
    let out = configure(&mut cmd, dir).args(args).output();
    let out = out.expect("runs hearback");
    assert!(out.status.success(), "hearback {args:?}: {}", text(&out));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn mib(bytes: u64) -> String {
    format!("{:.2} MiB", bytes as f64 / 1_048_576.0)
}

/// Runs the script until `duration` is up; returns the samples, what was sent, and how many
/// times the interview form opened.
fn drive(
    tmux: &Tmux,
    pid: u32,
    data: &Path,
    emails: [String; 2],
    duration: Duration,
) -> (Vec<Sample>, String, u64) {
    let start = Instant::now();
    let (stop, stopped) = channel::<()>();
    let data_dir = data.to_path_buf();
    let sampler = std::thread::spawn(move || {
        let mut samples = vec![sample(pid, &data_dir, start)];
        while stopped.recv_timeout(SAMPLE_EVERY) == Err(RecvTimeoutError::Timeout) {
            samples.push(sample(pid, &data_dir, start));
        }
        samples
    });
    let mut user = User {
        tmux,
        keys: 0,
        edits: 0,
        skipped: 0,
        forms: 0,
        emails,
    };
    let mut rounds = 0;
    while start.elapsed() < duration {
        let n = rounds;
        let steps: [&dyn Fn(&mut User); 5] = [
            &|u| u.browse(n),
            &|u| u.interview(n),
            &|u| u.queue(n),
            &|u| u.board(n),
            &|u| u.views(),
        ];
        for step in steps.iter().take_while(|_| start.elapsed() < duration) {
            step(&mut user);
            user.reset();
            assert!(alive(pid), "hearback died:\n{}", tmux.screen());
        }
        rounds += 1;
    }
    user.settle();
    drop(stop);
    let mut samples = sampler.join().expect("the sampler ends");
    samples.push(sample(pid, data, start));
    let (keys, edits, skipped, forms) = (user.keys, user.edits, user.skipped, user.forms);
    let sent = format!(
        "{rounds} rounds, {keys} keys, {edits} edits sent ({forms} forms, {skipped} skipped steps)"
    );
    (samples, sent, forms)
}

#[test]
fn a_long_stream_of_edits_keeps_memory_flat_and_disk_bounded() {
    let secs = env_number("HEARBACK_SOAK_SECS", 20).max(5);
    let tmp = tempfile::tempdir().expect("tempdir");
    let (dir, data) = (tmp.path(), tmp.path().join("data"));
    std::fs::write(dir.join("hearback.toml"), "").expect("write empty config");
    hearback(dir, &["demo"]);
    // "The data": the store right after seeding, before any edit.
    let seeded = disk_use(&data);
    let (emails, events_before) = {
        let store = Store::open(&data).expect("open the seeded store");
        let staff = store.all::<Staff>().expect("staff decode");
        let emails: Vec<String> = staff.into_iter().filter_map(|s| s.email).take(2).collect();
        (emails, store.all::<TimelineEvent>().expect("decode").len())
    };
    let emails: [String; 2] = emails.try_into().expect("two staff with an email");

    let socket = format!("hearback-soak-{}", std::process::id());
    let tmux = Tmux::start(socket, |c| configure(c, dir), &format!("exec '{BIN}'"));
    // Keep the pane after hearback exits, to read its exit status and last screen.
    tmux.run(&["set-option", "-w", "-t", "t", "remain-on-exit", "on"]);
    let pid = tmux.pane_pid_running("hearback");
    tmux.wait_for("the dashboard", |s| s.contains("Action items"));

    let (samples, sent, forms) = drive(&tmux, pid, &data, emails, Duration::from_secs(secs));
    assert!(alive(pid), "hearback is alive at the end");
    check_screen(&tmux.screen());
    if let Ok(path) = std::env::var("HEARBACK_SOAK_SAMPLES") {
        let rows: Vec<String> = samples
            .iter()
            .map(|s| format!("{:.1},{},{}\n", s.at, s.rss_kib, s.disk))
            .collect();
        let csv = format!("seconds,rss_kib,disk_bytes\n{}", rows.concat());
        std::fs::write(&path, csv).expect("write the samples");
    }

    // The trend after the warm-up, projected over the whole run.
    let length = samples.last().expect("samples").at;
    let steady: Vec<Sample> = samples
        .iter()
        .copied()
        .filter(|s| s.at >= WARM_UP * length)
        .collect();
    assert!(steady.len() >= 3, "enough samples: {samples:?}");
    let rss_per_min = slope(&steady, |s| s.rss_kib) * 60.0;
    let growth = rss_per_min * length / 60.0;
    let disk_per_min = slope(&steady, |s| s.disk) * 60.0 / 1024.0;
    let (first, last) = (samples[0], samples[samples.len() - 1]);
    let max_rss = samples.iter().map(|s| s.rss_kib).max().unwrap_or(0);
    let max_disk = samples.iter().map(|s| s.disk).max().unwrap_or(0);
    eprintln!(
        "soak {secs} s: {} samples, {}; RSS start {} KiB, end {} KiB, max {max_rss} KiB, slope \
         {rss_per_min:.1} KiB/min after warm-up ({growth:.0} KiB over the run); disk: seeded {}, \
         start {}, end {}, max {}, slope {disk_per_min:.1} KiB/min",
        samples.len(),
        sent,
        first.rss_kib,
        last.rss_kib,
        mib(seeded),
        mib(first.disk),
        mib(last.disk),
        mib(max_disk),
    );
    assert!(forms > 0, "the interview form opened: {sent}");
    assert!(
        growth < RSS_GROWTH_LIMIT_KIB,
        "RSS grows {rss_per_min:.1} KiB/min, {growth:.0} KiB over {length:.0} s: {samples:?}"
    );
    assert!(
        max_disk < DISK_FACTOR * seeded,
        "disk use {} > {DISK_FACTOR}x the seeded {}: {samples:?}",
        mib(max_disk),
        mib(seeded)
    );

    // Quit cleanly: `q` (again if a save still in flight asks). tmux may see the pane's
    // terminal close before it reaps the process, or not reap it for a long while, so wait
    // for the exit status itself: from tmux, or from /proc while the process is a zombie.
    tmux.keys(&["q"]);
    let quit = Instant::now();
    let exit = loop {
        let dead = tmux.display("#{pane_dead}:#{pane_dead_status}:#{pane_dead_signal}");
        if dead.starts_with("1:") && dead != "1::" {
            break dead;
        }
        if let Some(exit) = zombie_exit(pid) {
            break exit;
        }
        let state = status(pid, "State").unwrap_or_else(|| "gone".into());
        assert!(
            quit.elapsed() < SHOW * 3,
            "no exit ({dead}, process {pid} state {state}):\n{}",
            tmux.screen()
        );
        if tmux.screen().contains("A save is still in progress") {
            tmux.keys(&["q"]);
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let quit_ms = quit.elapsed().as_millis();
    assert_eq!(exit, "1:0:", "dead, exit status 0, no signal");
    check_screen(&tmux.screen());
    drop(tmux);

    let store = Store::open(&data).expect("the store opens after the soak");
    assert!(store.check().is_clean(), "the store is clean");
    let events = store.all::<TimelineEvent>().expect("events decode").len();
    assert!(events > events_before, "the edits reached the store");
    eprintln!(
        "soak: quit took {quit_ms} ms; the store holds {events} timeline events ({events_before} \
         seeded) and checks clean"
    );
    drop(store);
    let check = hearback(dir, &["check"]);
    assert!(check.contains("ok: every record decodes"), "{check}");
}

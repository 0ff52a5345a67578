//! What is acknowledged is on disk, all of it: the real binary commits under `strace -f -y`,
//! and the trace must show every file it wrote in the data dir `fsync`ed or `fdatasync`ed after
//! its last write, and every directory in the data dir in which an entry was created or renamed
//! `fsync`ed after that, all before the acknowledgement (the first write to stdout or stderr,
//! else the end of the process). `sync_file_range` (sled's own flush) does not count: it does
//! not survive power loss.
//!
//! sled writes a page over ~128 KiB into its own file `store/blobs/<lsn>`; interviews with long
//! comments fill a page past that within a few commits, and the test insists that a blob was
//! written under trace, so the blob path is always checked.
//!
//! `strace -y` prints the path of every file descriptor, so fds need no tracking by hand; a
//! syscall split across threads (`<unfinished ...>` / `<... resumed>`) counts from its start
//! for a sync and from its end for a write (the strict reading). Not traced: the data dir's
//! own entry in its parent, and `hearback.lock` (a pid for the next process's message, not data).

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_hearback");
const NOW: &str = "2026-03-02T09:00:00Z";
const SYSCALLS: &str = "trace=openat,open,creat,write,pwrite64,writev,pwritev,pwritev2,fsync,\
                        fdatasync,sync_file_range,rename,renameat,renameat2,mkdir,mkdirat";

/// One completed syscall: its name, argument text, return text, and where in the trace it
/// started and ended (line numbers).
#[derive(Debug)]
struct Call {
    name: String,
    args: String,
    ret: String,
    start: usize,
    end: usize,
}

/// Joins `<unfinished ...>` halves and parses `PID name(args) = ret` lines.
fn parse(trace: &str) -> Vec<Call> {
    let mut calls = Vec::new();
    let mut pending: HashMap<String, (String, usize)> = HashMap::new();
    for (line_no, line) in trace.lines().enumerate() {
        let Some((pid, rest)) = line.split_once(' ') else {
            continue;
        };
        let rest = rest.trim_start();
        let (text, start) = if let Some(head) = rest.strip_suffix(" <unfinished ...>") {
            pending.insert(pid.to_string(), (head.to_string(), line_no));
            continue;
        } else if let Some(resumed) = rest.strip_prefix("<... ") {
            let Some((head, start)) = pending.remove(pid) else {
                continue;
            };
            let tail = resumed.split_once(" resumed>").map_or("", |(_, t)| t);
            (format!("{head}{tail}"), start)
        } else {
            (rest.to_string(), line_no)
        };
        let Some(open) = text.find('(') else { continue };
        // strace pads before ` = RET` to align the results.
        let Some(eq) = text.rfind(" = ") else {
            continue;
        };
        let Some(close) = text[..eq].rfind(')').filter(|&c| c > open) else {
            continue;
        };
        calls.push(Call {
            name: text[..open].to_string(),
            args: text[open + 1..close].to_string(),
            ret: text[eq + 3..].trim().to_string(),
            start,
            end: line_no,
        });
    }
    calls
}

/// The path strace -y printed for the fd in the first argument, `4</x/y>`.
fn fd_path(args: &str) -> Option<(i64, PathBuf)> {
    let (fd, rest) = args.split_once('<')?;
    let path = rest.split_once('>')?.0;
    Some((fd.trim().parse().ok()?, PathBuf::from(path)))
}

/// The quoted strings among the arguments, in order.
fn quoted(args: &str) -> Vec<PathBuf> {
    args.split('"')
        .skip(1)
        .step_by(2)
        .map(PathBuf::from)
        .collect()
}

fn failed(ret: &str) -> bool {
    ret.starts_with('-')
}

/// What the trace proves, or the first thing it does not.
fn check(trace: &str, data: &Path, before: &BTreeSet<PathBuf>) -> Result<Report, String> {
    let calls = parse(trace);
    let inside = |p: &Path| p.starts_with(data) && p.file_name() != Some("hearback.lock".as_ref());
    let ack = calls
        .iter()
        .find(|c| {
            c.name.starts_with("write")
                && fd_path(&c.args).is_some_and(|(fd, _)| fd == 1 || fd == 2)
        })
        .map_or(usize::MAX, |c| c.start);
    let mut last_write: BTreeMap<PathBuf, usize> = BTreeMap::new();
    let mut entry_change: BTreeMap<PathBuf, (usize, PathBuf)> = BTreeMap::new();
    let mut syncs: Vec<(PathBuf, usize)> = Vec::new();
    let mut report = Report::default();
    for c in calls.iter().filter(|c| c.start < ack && !failed(&c.ret)) {
        match c.name.as_str() {
            "write" | "pwrite64" | "writev" | "pwritev" | "pwritev2" => {
                if let Some((_, p)) = fd_path(&c.args).filter(|(_, p)| inside(p)) {
                    report.written.insert(p.clone());
                    last_write.insert(p, c.end);
                }
            }
            "fsync" | "fdatasync" => {
                if let Some((_, p)) = fd_path(&c.args) {
                    syncs.push((p, c.start));
                }
            }
            "openat" | "open" | "creat" => {
                let Some(p) = quoted(&c.args).into_iter().next() else {
                    continue;
                };
                let creates = c.name == "creat" || c.args.contains("O_CREAT");
                if creates && inside(&p) && !before.contains(&p) {
                    report.created.insert(p.clone());
                    if let Some(dir) = p.parent() {
                        entry_change.insert(dir.to_path_buf(), (c.end, p.clone()));
                    }
                }
            }
            "mkdir" | "mkdirat" | "rename" | "renameat" | "renameat2" => {
                for p in quoted(&c.args).into_iter().filter(|p| inside(p)) {
                    report.created.insert(p.clone());
                    if let Some(dir) = p.parent().filter(|d| d.starts_with(data)) {
                        entry_change.insert(dir.to_path_buf(), (c.end, p.clone()));
                    }
                }
            }
            _ => {}
        }
    }
    let synced_after = |p: &Path, at: usize| syncs.iter().any(|(s, t)| s == p && *t > at);
    let mut problems = Vec::new();
    for (p, at) in &last_write {
        if !synced_after(p, *at) {
            problems.push(format!(
                "{} was written (trace line {}) and not fsynced before the acknowledgement",
                p.display(),
                at + 1
            ));
        }
    }
    for (dir, (at, what)) in &entry_change {
        if !synced_after(dir, *at) {
            problems.push(format!(
                "{} was created or renamed (trace line {}) and its directory {} not fsynced before \
                 the acknowledgement",
                what.display(),
                at + 1,
                dir.display()
            ));
        }
    }
    report.acknowledged = ack != usize::MAX;
    if problems.is_empty() {
        Ok(report)
    } else {
        Err(problems.join("\n"))
    }
}

#[derive(Debug, Default)]
struct Report {
    written: BTreeSet<PathBuf>,
    created: BTreeSet<PathBuf>,
    acknowledged: bool,
}

fn listing(dir: &Path) -> BTreeSet<PathBuf> {
    let mut out = BTreeSet::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        out.insert(d.clone());
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.insert(p);
            }
        }
    }
    out
}

/// Runs hearback with `args` under strace and checks its trace; returns what it wrote.
fn traced(data: &Path, args: &[&str]) -> Report {
    let command = args[..args.len().min(3)].join(" ");
    let before = listing(data);
    let trace_file = data.with_extension("trace");
    let out = Command::new("strace")
        .args(["-f", "-y", "-qq", "-s", "0", "-e", SYSCALLS, "-o"])
        .arg(&trace_file)
        .arg(BIN)
        .arg("--data")
        .arg(data)
        .args(["--now", NOW])
        .args(args)
        .output();
    let out = match out {
        Ok(out) => out,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            panic!("strace is not installed: install strace: apt-get install strace")
        }
        Err(e) => panic!("cannot run strace: {e}"),
    };
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !stderr.contains("ptrace") && !stderr.contains("PTRACE"),
        "strace cannot trace here (ptrace not permitted: run the tests where ptrace is allowed, \
         e.g. docker --cap-add=SYS_PTRACE): {stderr}"
    );
    assert!(
        out.status.success(),
        "hearback {command} under strace failed: {stderr}"
    );
    let trace = std::fs::read_to_string(&trace_file).expect("strace wrote its trace");
    assert!(
        trace.contains("fdatasync(") || trace.contains("fsync("),
        "the trace holds no sync at all: strace did not trace hearback ({} lines)",
        trace.lines().count()
    );
    match check(&trace, data, &before) {
        Ok(report) => {
            assert!(report.acknowledged, "hearback {command} printed nothing");
            report
        }
        Err(why) => {
            // Kept for reading: the temporary directory goes when the test ends.
            let kept =
                std::env::temp_dir().join(format!("hearback-strace-{}.trace", std::process::id()));
            let _ = std::fs::copy(&trace_file, &kept);
            panic!("hearback {command}:\n{why}\n(trace: {})", kept.display())
        }
    }
}

fn long_interview(day: u32) -> Vec<String> {
    let comment = "the rollout was slow and nobody called us back; ".repeat(160);
    let mut args: Vec<String> = [
        "interview",
        "record",
        "--customer",
        "Northwind",
        "--scores",
        "5,4,5,4,5,4",
        "--at",
    ]
    .map(String::from)
    .to_vec();
    args.push(format!("2026-02-{day:02}"));
    for q in 1..=6 {
        args.push("--comment".into());
        args.push(format!("{q}={comment}"));
    }
    args
}

#[test]
fn a_new_store_is_on_disk_before_the_ack() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let data = tmp.path().join("data");
    let report = traced(&data, &["demo", "--customers", "1"]);
    for name in ["store/db", "store/conf", "hearback.commits"] {
        assert!(
            report.created.contains(&data.join(name)),
            "{name} was not created under trace: {report:?}"
        );
    }
}

#[test]
fn every_file_of_a_commit_is_synced_before_the_ack_blobs_too() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let data = tmp.path().join("data");
    let setup = Command::new(BIN)
        .arg("--data")
        .arg(&data)
        .args(["--now", NOW, "demo", "--customers", "1"])
        .output()
        .expect("run demo");
    assert!(setup.status.success(), "{setup:?}");
    let blobs = data.join("store/blobs");
    for day in 1..=20 {
        let args = long_interview(day);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let report = traced(&data, &args);
        assert!(
            report.written.contains(&data.join("store/db")),
            "{report:?}"
        );
        if report.created.iter().any(|p| p.starts_with(&blobs)) {
            // The blob is a real file sled reads back: the commit is there.
            let check = Command::new(BIN)
                .arg("--data")
                .arg(&data)
                .args(["--now", NOW, "check"])
                .output()
                .expect("run check");
            assert!(check.status.success(), "{check:?}");
            return;
        }
    }
    panic!("20 commits of long interviews never made sled write a blob: the test proves nothing");
}

#[test]
fn a_failed_fdatasync_is_told_truthfully_and_a_restart_reads_the_disk() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let data = tmp.path().join("data");
    let hearback = |args: &[&str]| {
        Command::new(BIN)
            .arg("--data")
            .arg(&data)
            .args(["--now", NOW])
            .args(args)
            .output()
            .expect("runs hearback")
    };
    assert!(hearback(&["demo", "--customers", "1"]).status.success());
    let record = [
        "interview",
        "record",
        "--customer",
        "Northwind",
        "--scores",
        "5,4,5,4,5,4",
        "--at",
        "2026-02-01",
    ];
    // strace makes every fdatasync fail with EIO, as a failing disk would.
    let out = Command::new("strace")
        .args(["-f", "-qq", "-o", "/dev/null", "-e", "trace=fdatasync"])
        .args(["-e", "inject=fdatasync:error=EIO", BIN, "--data"])
        .arg(&data)
        .args(["--now", NOW])
        .args(record)
        .output()
        .unwrap_or_else(|e| {
            panic!("cannot run strace (install strace: apt-get install strace): {e}")
        });
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !stderr.contains("ptrace"),
        "strace cannot trace here: {stderr}"
    );
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(out.stdout.is_empty(), "nothing may say saved: {out:?}");
    assert!(stderr.contains("may or may not be on disk"), "{stderr}");
    assert!(
        stderr.contains("Quit hearback and start it again"),
        "{stderr}"
    );
    assert!(!stderr.to_lowercase().contains("nothing was"), "{stderr}");
    // A new process reads sled's files afresh: the store opens and every record decodes.
    let check = hearback(&["check"]);
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    assert!(hearback(&record).status.success(), "and it writes again");
}

//! Fixed sample records shared by the integration tests.
#![allow(dead_code)]

pub mod dashboard;
pub mod dated;
pub mod fuzzer;
pub mod namespace;
pub mod rng;
pub mod tmux;

use chrono::{TimeZone, Utc};
use hearback::core::*;

/// The one wall-clock bound an end-to-end test may assert: long enough that a slow or busy
/// machine (a debug build on two shared cores) never trips it, short enough that a run that
/// waits for a lock, retries, or loops over a huge range fails instead of stalling the suite.
/// Speed itself is measured by the criterion benches (benches/), never asserted in a test.
pub const HANG: std::time::Duration = std::time::Duration::from_secs(30);

/// For a test that reads or changes process-wide state (the panic hook, the threads of the
/// process): runs test `name` of `module` (pass `module_path!()`) alone in a child process of
/// this test binary and asserts it passed. Returns true in that child, where the caller runs
/// its body; false in the parent, which has nothing more to do. Other tests share the parent
/// process (and, once the tests are one binary, every other test file does too).
pub fn run_alone(module: &str, name: &str) -> bool {
    const CHILD: &str = "HEARBACK_TEST_ALONE";
    if std::env::var(CHILD).is_ok_and(|n| n == name) {
        return true;
    }
    // The harness names a test by its module path below the crate: `fuzz::NAME` in one binary.
    let test = module
        .split_once("::")
        .map_or(name.to_string(), |(_, m)| format!("{m}::{name}"));
    let exe = std::env::current_exe().expect("the test binary");
    let out = std::process::Command::new(exe)
        .args([test.as_str(), "--exact", "--nocapture", "--test-threads=1"])
        .env(CHILD, name)
        .output()
        .expect("runs the test binary");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && text.contains("1 passed"),
        "{test} in its own process:\n{text}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    false
}

/// Asserts `text` is the accepted copy of a document (debrief, President report, digest): the
/// insta snapshot tests/snapshots/report_<name>.snap. The command line's tests (reports.rs)
/// and the dashboard's (ui_document.rs) check against the same file, which is how they prove
/// both show the same text. (The binary store goldens in tests/golden/v1 are not snapshots:
/// they are bytes an older build wrote, see tests/it/golden.rs.)
pub fn assert_report(name: &str, text: &str) {
    let mut settings = insta::Settings::clone_current();
    // Relative to this file, so the name is the same from every test file (and binary).
    settings.set_snapshot_path("../snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| insta::assert_snapshot!(format!("report_{name}"), text));
}

/// A fixed instant: 2026-11-23 09:00 UTC plus `minutes`.
pub fn at(minutes: i64) -> Instant {
    Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0)
        .single()
        .expect("valid")
        + chrono::Duration::minutes(minutes)
}

pub fn staff(id: u64, name: &str, roles: Vec<Role>) -> Staff {
    Staff {
        id: StaffId(id),
        name: name.into(),
        email: Some(format!("{}@ours.example", id)),
        roles,
        bio: "Twenty years in logistics.".into(),
        active: true,
    }
}

pub fn customer(id: u64, name: &str, minor: i64) -> Customer {
    Customer::new(CustomerId(id), name, Money::new(minor, "USD"), at(0))
        .with_crm_id(format!("HS-{id}"))
        .with_tier(Tier::Key)
        .with_segment("Logistics")
        .with_region("EMEA")
        .with_account_manager(StaffId(1))
        .with_salesperson(StaffId(2))
        .with_executive_sponsor(StaffId(3))
        .with_contacts(vec![Contact {
            id: ContactId(id * 100),
            name: "Ada Byrne".into(),
            role: "COO".into(),
            email: "ada@acme.example".into(),
            phone: "+44 20 7946 0000".into(),
            personality: "Direct; wants numbers first.".into(),
        }])
        .with_prebrief(PreBrief {
            successes: "On-time go-live".into(),
            problems: "Invoice errors".into(),
            issues: "Renewal in Q2".into(),
            personality: "Formal".into(),
        })
        .with_lifecycle(Lifecycle::Lost {
            reason: "Price".into(),
            at: at(5),
        })
        .with_updated_at(at(1))
}

pub fn interview(id: u64, customer: u64) -> Interview {
    Interview {
        id: InterviewId(id),
        customer: CustomerId(customer),
        contact: Some(ContactId(customer * 100)),
        executive: Some(StaffId(3)),
        trigger: Trigger::Deliverable {
            name: "Phase 2 go-live".into(),
        },
        scheduled_at: at(0),
        duration_minutes: 30,
        location: None,
        invitation_sent_at: Some(at(-10_000)),
        bio_sent_at: None,
        prebriefed_at: Some(at(-1_000)),
        status: InterviewStatus::Completed,
        started_at: Some(at(0)),
        completed_at: Some(at(31)),
        answers: (1..=6u8)
            .map(|n| Answer {
                question_key: format!("q{n}"),
                question: format!("Question {n}?"),
                score: if n == 4 { None } else { Score::new(n.min(5)) },
                comment: format!("comment {n} with ünïcode"),
                individual: if n == 2 {
                    Individual::Private
                } else {
                    Individual::No
                },
            })
            .collect(),
        significant_issue: true,
        acknowledged_at: Some(at(40)),
        debriefed_at: None,
        executives_informed_at: None,
        reported_at: None,
        disseminated_at: None,
        notes: "Met at their Leeds office.".into(),
    }
}

pub fn followup(id: u64) -> FollowUp {
    FollowUp {
        id: FollowUpId(id),
        customer: CustomerId(10),
        interview: InterviewId(20),
        severity: Score::new(2).expect("valid"),
        low_questions: vec!["q1".into(), "q2".into()],
        owner: Some(StaffId(1)),
        participants: vec![StaffId(1), StaffId(4)],
        state: FollowUpState::Contacted,
        opened_at: at(31),
        contacted_at: Some(at(600)),
        context: "Invoices were sent to the old address.".into(),
        report_committed_at: None,
        report_presented_at: None,
        closed_at: None,
    }
}

pub fn action(id: u64) -> ActionItem {
    ActionItem {
        id: ActionId(id),
        customer: CustomerId(10),
        followup: Some(FollowUpId(30)),
        interview: Some(InterviewId(20)),
        kind: ActionKind::Preventive,
        title: "Verify billing address on every renewal".into(),
        detail: "Add a check to the renewal checklist.".into(),
        owner: Some(StaffId(1)),
        due: Some(at(20_000)),
        state: ActionState::Doing,
        created_at: at(700),
        done_at: None,
        followed_up_at: None,
    }
}

pub fn deliverable(id: u64) -> Deliverable {
    Deliverable {
        id: DeliverableId(id),
        customer: CustomerId(10),
        name: "Warehouse system go-live".into(),
        delivered_at: at(-20_000),
    }
}

pub fn snooze() -> Snooze {
    Snooze {
        item_key: "debrief:I20".into(),
        customer: CustomerId(10),
        until: at(2_000),
        reason: "AM on leave until Monday".into(),
        by: Some(StaffId(1)),
        at: at(100),
    }
}

pub fn request(id: u64) -> hearback::core::Request {
    hearback::core::Request {
        id: hearback::core::RequestId(id),
        customer: CustomerId(10),
        channel: hearback::core::Channel::Call,
        from: "Lee Park".into(),
        about: "Delivery note missing on pallet 4".into(),
        received_at: at(-300),
        owner: Some(StaffId(1)),
        team: "Support".into(),
        first_response_at: None,
        responded_by: None,
        resolved_at: None,
        resolved_by: None,
        external_key: "zendesk:4812".into(),
    }
}

pub fn event(minutes: i64) -> TimelineEvent {
    TimelineEvent {
        customer: CustomerId(10),
        at: at(minutes),
        actor: "Dana Reyes".into(),
        kind: EventKind::InterviewCompleted,
        summary: "Interview I20 completed, lowest score 1".into(),
        reference: Some("I20".into()),
    }
}

/// A late delivery with a note (the monitor record of `one_of_each`).
pub fn monitor(id: u64) -> hearback::core::monitors::MonitorEvent {
    use hearback::core::monitors::{MonitorEvent, MonitorId, MonitorKind};
    MonitorEvent {
        id: MonitorId(id),
        customer: CustomerId(10),
        kind: MonitorKind::Delivery {
            promised: at(-30_000),
            delivered: Some(at(-27_000)),
        },
        on: at(-27_000),
        reference: "80001234".into(),
        note: "Pallets of scanners".into(),
    }
}

/// One of every record type.
pub fn one_of_each() -> ChangeSet {
    let mut set = ChangeSet::new();
    set.push(Change::Staff(staff(
        1,
        "Dana Reyes",
        vec![Role::AccountManager, Role::Executive],
    )));
    set.push(Change::Customer(customer(10, "Acme Freight", 125_000_000)));
    set.push(Change::Interview(interview(20, 10)));
    set.push(Change::FollowUp(followup(30)));
    set.push(Change::Action(action(40)));
    set.push(Change::Deliverable(deliverable(50)));
    set.push(Change::Snooze(snooze()));
    set.push(Change::Event(event(31)));
    set.push(Change::CrmFields(crm_fields()));
    set.push(Change::Monitor(monitor(65)));
    set.push(Change::Request(request(60)));
    set
}

/// What a CRM import last showed of Acme Freight's watched columns.
pub fn crm_fields() -> hearback::core::crm_triggers::CrmFields {
    hearback::core::crm_triggers::CrmFields {
        customer: CustomerId(10),
        values: vec![
            ("renewal date".into(), "2027-02-01".into()),
            ("stage".into(), "Installation".into()),
        ],
        renewal_noted: Some("2027-02-01".into()),
    }
}

/// Runs the real binary on `data` at the tests' fixed time (2026-11-23 09:00 UTC) and returns
/// what it printed and its exit status.
pub fn hearback_cli(data: &std::path::Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_hearback"))
        .args(args)
        .env("HEARBACK_DATA", data)
        .env("HEARBACK_NOW", "2026-11-23T09:00:00Z")
        .env("TZ", "UTC")
        .output()
        .expect("runs hearback")
}

/// [`hearback_cli`] for a command that must succeed: its stdout, or a failure naming stderr.
pub fn hearback_ok(data: &std::path::Path, args: &[&str]) -> String {
    let out = hearback_cli(data, args);
    assert!(
        out.status.success(),
        "hearback {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Waits until nothing holds the sled lock of the store in `data_dir`. A test that opened
/// the store raw with sled (to damage it) drops its handle, but sled's background threads let
/// go of the file and its lock a moment later; the next open, by the store or by the binary,
/// must not race them. (A process that exits releases the lock at once.)
pub fn wait_until_unlocked(data_dir: &std::path::Path) {
    use std::os::fd::AsRawFd;
    let db = data_dir.join("store").join("db");
    let started = std::time::Instant::now();
    loop {
        let file = std::fs::File::open(&db).expect("the store's sled file");
        // A new open file description conflicts with sled's lock even in this process.
        // SAFETY: flock on a file descriptor this function owns; no memory is touched.
        let got = unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) } == 0;
        if got {
            return; // closing `file` releases the lock
        }
        assert!(
            started.elapsed() < HANG,
            "{} is still locked after {HANG:?}",
            db.display()
        );
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
}

/// The lines of the Rust sources under `dir` (relative to the crate root) that contain one of
/// `needles`, as `path:line: text`, outside files or folders starting with one of `allowed`,
/// unit tests (after `#[cfg(test)]`) and comments. For tests that read the source to keep a
/// rule (one safe writer, output through the console).
pub fn source_lines_with(dir: &str, allowed: &[&str], needles: &[&str]) -> Vec<String> {
    fn scan(
        root: &std::path::Path,
        dir: &std::path::Path,
        allowed: &[&str],
        needles: &[&str],
        found: &mut Vec<String>,
    ) {
        for entry in std::fs::read_dir(root.join(dir)).expect("lists the sources") {
            let full = entry.expect("reads an entry").path();
            let path = full.strip_prefix(root).unwrap_or(&full).to_path_buf();
            if full.is_dir() {
                scan(root, &path, allowed, needles, found);
                continue;
            }
            let shown = path.display().to_string();
            if path.extension().is_none_or(|e| e != "rs")
                || allowed.iter().any(|a| shown.starts_with(a))
            {
                continue;
            }
            let text = std::fs::read_to_string(&full).expect("reads a source file");
            // Unit tests may make their own fixtures.
            let code = text.split("#[cfg(test)]").next().unwrap_or_default();
            for (n, line) in code.lines().enumerate() {
                let comment = line.trim_start().starts_with("//");
                if !comment && needles.iter().any(|w| line.contains(w)) {
                    found.push(format!("{shown}:{}: {}", n + 1, line.trim()));
                }
            }
        }
    }
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut found = Vec::new();
    scan(
        root,
        std::path::Path::new(dir),
        allowed,
        needles,
        &mut found,
    );
    found
}

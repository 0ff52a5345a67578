//! The full, portable JSON backup: every record of every tree, including the timeline.
//!
//! It is also the migration path between store versions (sled's on-disk format is not stable
//! across its major versions): export with the old build, import with the new one.

use crate::core::crm_triggers::CrmFields;
use crate::core::{
    ActionItem, Customer, Dataset, Deliverable, FollowUp, Instant, Interview, QuestionSet, Request,
    Snooze, Staff, TimelineEvent, monitors::MonitorEvent, sanitize,
};
use serde::{Deserialize, Serialize};

/// The value of the `format` field; anything else is not a hearback backup.
pub const FORMAT: &str = "hearback-backup";
/// The backup layout version this build writes and reads.
pub const VERSION: u32 = 1;

/// The whole content of a store. Instants are integer milliseconds since the Unix epoch (UTC).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Backup {
    /// Always [`FORMAT`].
    pub format: String,
    /// Layout version, [`VERSION`].
    pub version: u32,
    /// When it was written (RFC 3339), for people.
    pub exported_at: String,
    /// Our people.
    pub staff: Vec<Staff>,
    /// Customers.
    pub customers: Vec<Customer>,
    /// Interviews and survey responses.
    pub interviews: Vec<Interview>,
    /// Follow-ups.
    pub followups: Vec<FollowUp>,
    /// Action items.
    pub actions: Vec<ActionItem>,
    /// Deliverables.
    pub deliverables: Vec<Deliverable>,
    /// Snoozes.
    pub snoozes: Vec<Snooze>,
    /// Every customer's timeline.
    pub timeline: Vec<TimelineEvent>,
    /// The last values CRM imports showed of watched columns (absent in backups written before
    /// CRM triggers existed). Left out when empty, so a store without any writes the backup
    /// as before they existed (which older builds still read).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub crm_fields: Vec<CrmFields>,
    /// Monitor events; left out when there are none, so a store without them writes the same
    /// backup as before they existed (which older builds still read).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub monitors: Vec<MonitorEvent>,
    /// Customers' requests. Left out when there are none, so a backup without requests reads
    /// as before, in this build and in builds that predate requests.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub requests: Vec<Request>,
}

mod check;
mod monitors;
mod records;
mod refs;
mod requests;

pub use check::Problem;

/// How many problems a refused backup lists one by one; the rest are counted.
pub const PROBLEMS_SHOWN: usize = 40;

/// Why a backup file was refused.
#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    /// Not JSON of the right shape; serde_json names line and column.
    #[error("not a valid hearback backup: {0}")]
    Syntax(#[from] serde_json::Error),
    /// JSON, but another format.
    #[error("the file's format is {0}, not '{FORMAT}'")]
    WrongFormat(String),
    /// Written by a newer hearback.
    #[error("backup version {0} is newer than this hearback reads ({VERSION})")]
    NewerVersion(u32),
    /// Records break the rules every other way in keeps; all of them are listed.
    #[error("{}", problems_text(.0))]
    Invalid(Vec<Problem>),
}

fn problems_text(problems: &[Problem]) -> String {
    let n = problems.len();
    let mut text = format!(
        "{n} problem{} in the backup; nothing was restored. Fix them in the file (or export \
         again from the store it came from) and restore again:",
        if n == 1 { "" } else { "s" }
    );
    for p in problems.iter().take(PROBLEMS_SHOWN) {
        text.push_str("\n  ");
        text.push_str(&p.to_string());
    }
    if n > PROBLEMS_SHOWN {
        text.push_str(&format!("\n  ... and {} more", n - PROBLEMS_SHOWN));
    }
    text
}

/// A backup that passed every check, and how many text fields were cleaned on the way in.
#[derive(Debug)]
pub struct Checked {
    /// The backup, text cleaned.
    pub backup: Backup,
    /// Text fields from which escape sequences or control characters were removed.
    pub cleaned: usize,
}

impl Backup {
    /// A backup of `data` and `timeline`, stamped `now`.
    pub fn new(data: Dataset, timeline: Vec<TimelineEvent>, now: Instant) -> Backup {
        // No `..`: a record kind added to the dataset does not compile until it is backed up.
        let Dataset {
            staff,
            customers,
            interviews,
            followups,
            actions,
            deliverables,
            snoozes,
            digests,
            highest_id: _,
            crm_fields,
            monitors,
            requests,
        } = data;
        // A backup is of the whole history: callers pass `DataRead::load`, never open work.
        debug_assert!(digests.is_none(), "a backup needs the whole history");
        Backup {
            format: FORMAT.into(),
            version: VERSION,
            exported_at: now.to_rfc3339(),
            staff,
            customers,
            interviews,
            followups,
            actions,
            deliverables,
            snoozes,
            timeline,
            crm_fields,
            monitors,
            requests,
        }
    }

    /// Writes pretty JSON (stable field order, one record per few lines: diffable), with the
    /// characters that could drive a terminal escaped ([`super::safe_json`]).
    pub fn to_writer<W: std::io::Write>(&self, out: W) -> serde_json::Result<()> {
        super::safe_json::to_writer_pretty(out, self)
    }

    /// Reads and checks a backup in full against the rules of every other way in (the
    /// questions in force among them); nothing is written by this, so a refused file leaves
    /// the store untouched.
    pub fn from_reader<R: std::io::Read>(
        input: R,
        questions: &QuestionSet,
    ) -> Result<Checked, BackupError> {
        let mut backup: Backup = serde_json::from_reader(std::io::BufReader::new(input))?;
        if backup.format != FORMAT {
            return Err(BackupError::WrongFormat(sanitize::quote(&backup.format)));
        }
        if backup.version > VERSION {
            return Err(BackupError::NewerVersion(backup.version));
        }
        let found = check::check(&mut backup, questions);
        if !found.problems.is_empty() {
            return Err(BackupError::Invalid(found.problems));
        }
        Ok(Checked {
            backup,
            cleaned: found.cleaned,
        })
    }

    /// What a restore of this backup would refuse, by the same rules as [`Backup::from_reader`]:
    /// `check` runs it on the store's own records, so a store whose export could not be
    /// restored (data written by an older build) is known before the backup is needed.
    pub fn problems(&self, questions: &QuestionSet) -> Vec<Problem> {
        check::check(&mut self.clone(), questions).problems
    }

    /// Splits into the dataset and the timeline.
    pub fn into_parts(self) -> (Dataset, Vec<TimelineEvent>) {
        (
            Dataset {
                staff: self.staff,
                customers: self.customers,
                interviews: self.interviews,
                followups: self.followups,
                actions: self.actions,
                deliverables: self.deliverables,
                snoozes: self.snoozes,
                digests: None,
                highest_id: 0,
                crm_fields: self.crm_fields,
                monitors: self.monitors,
                requests: self.requests,
            },
            self.timeline,
        )
    }
}

//! The full, portable JSON backup: every record of every tree, including the timeline.
//!
//! It is also the migration path between store versions (sled's on-disk format is not stable
//! across its major versions): export with the old build, import with the new one.

use crate::core::{
    ActionItem, Customer, Dataset, Deliverable, FollowUp, Instant, Interview, Snooze, Staff,
    TimelineEvent,
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
}

/// Why a backup file was refused.
#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    /// Not JSON of the right shape; serde_json names line and column.
    #[error("not a valid hearback backup: {0}")]
    Syntax(#[from] serde_json::Error),
    /// JSON, but another format.
    #[error("the file's format is '{0}', not '{FORMAT}'")]
    WrongFormat(String),
    /// Written by a newer hearback.
    #[error("backup version {0} is newer than this hearback reads ({VERSION})")]
    NewerVersion(u32),
    /// A record refers to one that is not in the file.
    #[error("{0}")]
    Dangling(String),
}

impl Backup {
    /// A backup of `data` and `timeline`, stamped `now`.
    pub fn new(data: Dataset, timeline: Vec<TimelineEvent>, now: Instant) -> Backup {
        Backup {
            format: FORMAT.into(),
            version: VERSION,
            exported_at: now.to_rfc3339(),
            staff: data.staff,
            customers: data.customers,
            interviews: data.interviews,
            followups: data.followups,
            actions: data.actions,
            deliverables: data.deliverables,
            snoozes: data.snoozes,
            timeline,
        }
    }

    /// Writes pretty JSON (stable field order, one record per few lines: diffable).
    pub fn to_writer<W: std::io::Write>(&self, out: W) -> serde_json::Result<()> {
        serde_json::to_writer_pretty(out, self)
    }

    /// Reads and validates a backup.
    pub fn from_reader<R: std::io::Read>(input: R) -> Result<Backup, BackupError> {
        let backup: Backup = serde_json::from_reader(std::io::BufReader::new(input))?;
        if backup.format != FORMAT {
            return Err(BackupError::WrongFormat(backup.format));
        }
        if backup.version > VERSION {
            return Err(BackupError::NewerVersion(backup.version));
        }
        backup.check_references()?;
        Ok(backup)
    }

    fn check_references(&self) -> Result<(), BackupError> {
        use std::collections::HashSet;
        let customers: HashSet<_> = self.customers.iter().map(|c| c.id).collect();
        let interviews: HashSet<_> = self.interviews.iter().map(|i| i.id).collect();
        let dangling = |what: String| Err(BackupError::Dangling(what));
        for i in &self.interviews {
            if !customers.contains(&i.customer) {
                return dangling(format!(
                    "interview {} names customer {} which is not in the backup",
                    i.id, i.customer
                ));
            }
        }
        for f in &self.followups {
            if !customers.contains(&f.customer) || !interviews.contains(&f.interview) {
                return dangling(format!(
                    "follow-up {} names a customer or interview not in the backup",
                    f.id
                ));
            }
        }
        for a in &self.actions {
            if !customers.contains(&a.customer) {
                return dangling(format!(
                    "action {} names customer {} which is not in the backup",
                    a.id, a.customer
                ));
            }
        }
        Ok(())
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
            },
            self.timeline,
        )
    }
}

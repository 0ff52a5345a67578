//! `hearback check`: decode every record and report counts and damage.

use super::codec;
use super::error::hex;
use super::records::TreeName;
use crate::core::crm_triggers::CrmFields;
use crate::core::{
    ActionItem, Customer, Deliverable, Draft, FollowUp, Interview, Request, Snooze, Staff,
    TimelineEvent,
};
use serde::de::DeserializeOwned;

/// One damaged record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Damage {
    /// The tree it is in.
    pub tree: &'static str,
    /// Its key in hex (empty if sled could not read the key).
    pub key: String,
    /// What is wrong.
    pub reason: String,
}

/// What `check` found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CheckReport {
    /// Records per tree that decoded fine, in tree order.
    pub counts: Vec<(&'static str, usize)>,
    /// Every problem found.
    pub damage: Vec<Damage>,
    /// Where the derived state (the index of open work) differs from what the records imply;
    /// checked only when no record is damaged. `check --repair` rebuilds it.
    pub stale: Vec<Damage>,
}

impl CheckReport {
    /// Whether nothing is damaged or out of step.
    pub fn is_clean(&self) -> bool {
        self.damage.is_empty() && self.stale.is_empty()
    }
}

/// Adds the derived state's differences from the records to a report with no damage.
pub(super) fn derived(mut report: CheckReport, raw: &dyn super::derived::Raw) -> CheckReport {
    if !report.damage.is_empty() {
        return report;
    }
    match super::derived::differences(raw) {
        Ok(stale) => report.stale = stale,
        Err(e) => report.damage.push(Damage {
            tree: "",
            key: String::new(),
            reason: e.to_string(),
        }),
    }
    report
}

pub(super) fn run(trees: &[sled::Tree]) -> CheckReport {
    let mut report = CheckReport::default();
    for name in TreeName::ALL {
        let tree = &trees[name.slot()];
        let ok = match name {
            TreeName::Meta => count_raw(tree, name, &mut report.damage),
            TreeName::Staff => count::<Staff>(tree, name, &mut report.damage),
            TreeName::Customers => count::<Customer>(tree, name, &mut report.damage),
            TreeName::Interviews => count::<Interview>(tree, name, &mut report.damage),
            TreeName::FollowUps => count::<FollowUp>(tree, name, &mut report.damage),
            TreeName::Actions => count::<ActionItem>(tree, name, &mut report.damage),
            TreeName::Deliverables => count::<Deliverable>(tree, name, &mut report.damage),
            TreeName::Snoozes => count::<Snooze>(tree, name, &mut report.damage),
            TreeName::Timeline => count::<TimelineEvent>(tree, name, &mut report.damage),
            TreeName::Drafts => count::<Draft>(tree, name, &mut report.damage),
            TreeName::CrmFields => count::<CrmFields>(tree, name, &mut report.damage),
            // Derived: a value that does not decode is out of step (`stale`, repairable from
            // the records), not damage; only what sled cannot read counts as damage here.
            TreeName::Open | TreeName::InterviewsByCustomer | TreeName::Digests => {
                count_raw(tree, name, &mut report.damage)
            }
            TreeName::Monitors => {
                count::<crate::core::monitors::MonitorEvent>(tree, name, &mut report.damage)
            }
            TreeName::Requests => count::<Request>(tree, name, &mut report.damage),
            TreeName::OpenRequests => count_raw(tree, name, &mut report.damage),
        };
        report.counts.push((name.as_str(), ok));
    }
    report
}

fn count_raw(tree: &sled::Tree, name: TreeName, damage: &mut Vec<Damage>) -> usize {
    tree.iter()
        .filter(|item| match item {
            Ok(_) => true,
            Err(e) => {
                damage.push(Damage {
                    tree: name.as_str(),
                    key: String::new(),
                    reason: sled_reason(e),
                });
                false
            }
        })
        .count()
}

fn count<R: DeserializeOwned>(
    tree: &sled::Tree,
    name: TreeName,
    damage: &mut Vec<Damage>,
) -> usize {
    let mut ok = 0;
    for item in tree.iter() {
        match item {
            Ok((key, value)) => match codec::decode::<R>(&value) {
                Ok(_) => ok += 1,
                Err(e) => damage.push(Damage {
                    tree: name.as_str(),
                    key: hex(&key),
                    reason: e.to_string(),
                }),
            },
            Err(e) => {
                damage.push(Damage {
                    tree: name.as_str(),
                    key: String::new(),
                    reason: sled_reason(&e),
                });
                // A read error of the tree itself: further iteration would repeat it.
                break;
            }
        }
    }
    ok
}

/// sled's own wording shows an empty backtrace and no file; say which file instead.
fn sled_reason(e: &sled::Error) -> String {
    match e {
        sled::Error::Corruption { at, .. } => match at {
            Some(at) => format!(
                "sled cannot read this part of the tree: damaged bytes in store/db at {at:?}"
            ),
            None => "sled cannot read this part of the tree: damaged bytes in store/db".into(),
        },
        other => other.to_string(),
    }
}

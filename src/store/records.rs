//! Which tree each record lives in and what its key is.

use super::keys::id_key;
use crate::core::crm_triggers::CrmFields;
use crate::core::{
    ActionItem, Customer, Deliverable, Draft, FollowUp, Interview, Request, Snooze, Staff,
    TimelineEvent,
};
use serde::Serialize;
use serde::de::DeserializeOwned;

/// The sled trees. Names are part of the stored format: never rename one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TreeName {
    /// Schema version and other store-wide facts (raw bytes, not envelopes).
    Meta,
    /// [`Staff`] by id.
    Staff,
    /// [`Customer`] by id.
    Customers,
    /// [`Interview`] by id.
    Interviews,
    /// [`FollowUp`] by id.
    FollowUps,
    /// [`ActionItem`] by id.
    Actions,
    /// [`Deliverable`] by id.
    Deliverables,
    /// [`Snooze`] by queue item key.
    Snoozes,
    /// [`TimelineEvent`] by (customer, time, sequence).
    Timeline,
    /// [`Draft`] of an interview being recorded, by interview id.
    Drafts,
    /// Derived: the open interviews, follow-ups and actions (see `store::derived`).
    Open,
    /// Derived: every interview's key under its customer's.
    InterviewsByCustomer,
    /// Derived: one [`crate::core::open_work::Digest`] per customer ever interviewed.
    Digests,
    /// [`CrmFields`] by customer id.
    CrmFields,
    /// [`crate::core::monitors::MonitorEvent`] by id.
    Monitors,
    /// [`Request`] by id.
    Requests,
    /// Derived: a copy of each unresolved [`Request`] by id (see `store::derived`).
    OpenRequests,
}

impl TreeName {
    /// Every tree; the index in this array is the tree's slot in a transaction. Append only.
    pub const ALL: [TreeName; 17] = [
        TreeName::Meta,
        TreeName::Staff,
        TreeName::Customers,
        TreeName::Interviews,
        TreeName::FollowUps,
        TreeName::Actions,
        TreeName::Deliverables,
        TreeName::Snoozes,
        TreeName::Timeline,
        TreeName::Drafts,
        TreeName::Open,
        TreeName::InterviewsByCustomer,
        TreeName::Digests,
        TreeName::CrmFields,
        TreeName::Monitors,
        TreeName::Requests,
        TreeName::OpenRequests,
    ];

    /// The tree's name on disk.
    pub fn as_str(self) -> &'static str {
        match self {
            TreeName::Meta => "meta",
            TreeName::Staff => "staff",
            TreeName::Customers => "customers",
            TreeName::Interviews => "interviews",
            TreeName::FollowUps => "followups",
            TreeName::Actions => "actions",
            TreeName::Deliverables => "deliverables",
            TreeName::Snoozes => "snoozes",
            TreeName::Timeline => "timeline",
            TreeName::Drafts => "drafts",
            TreeName::Open => "open",
            TreeName::InterviewsByCustomer => "interviews_by_customer",
            TreeName::Digests => "digests",
            TreeName::CrmFields => "crm_fields",
            TreeName::Monitors => "monitors",
            TreeName::Requests => "requests",
            TreeName::OpenRequests => "open_requests",
        }
    }

    /// The slot of this tree in [`TreeName::ALL`].
    pub fn slot(self) -> usize {
        self as usize
    }
}

/// A record type stored under a key in one tree.
pub trait Record: Serialize + DeserializeOwned {
    /// Its tree.
    const TREE: TreeName;
    /// Its key (for the timeline the sequence part is added by the store).
    fn key(&self) -> Vec<u8>;
    /// How to name it in messages.
    fn label(&self) -> String;
}

macro_rules! id_record {
    ($ty:ty, $tree:expr) => {
        impl Record for $ty {
            const TREE: TreeName = $tree;
            fn key(&self) -> Vec<u8> {
                id_key(self.id.0).to_vec()
            }
            fn label(&self) -> String {
                self.id.to_string()
            }
        }
    };
}

id_record!(Staff, TreeName::Staff);
id_record!(Customer, TreeName::Customers);
id_record!(Interview, TreeName::Interviews);
id_record!(FollowUp, TreeName::FollowUps);
id_record!(ActionItem, TreeName::Actions);
id_record!(Deliverable, TreeName::Deliverables);
id_record!(crate::core::monitors::MonitorEvent, TreeName::Monitors);

impl Record for CrmFields {
    const TREE: TreeName = TreeName::CrmFields;
    fn key(&self) -> Vec<u8> {
        id_key(self.customer.0).to_vec()
    }
    fn label(&self) -> String {
        format!("CRM values of {}", self.customer)
    }
}
id_record!(Request, TreeName::Requests);

impl Record for Draft {
    const TREE: TreeName = TreeName::Drafts;
    fn key(&self) -> Vec<u8> {
        id_key(self.interview.id.0).to_vec()
    }
    fn label(&self) -> String {
        format!("draft of {}", self.interview.id)
    }
}

impl Record for Snooze {
    const TREE: TreeName = TreeName::Snoozes;
    fn key(&self) -> Vec<u8> {
        self.item_key.as_bytes().to_vec()
    }
    fn label(&self) -> String {
        format!("snooze of {}", self.item_key)
    }
}

impl Record for TimelineEvent {
    const TREE: TreeName = TreeName::Timeline;
    fn key(&self) -> Vec<u8> {
        // Completed with a unique sequence number at commit time.
        super::keys::timeline_key(self.customer.0, self.at, 0)[..16].to_vec()
    }
    fn label(&self) -> String {
        format!("timeline event of {}", self.customer)
    }
}

//! The pure domain: types and rules of the feedback programme.
//!
//! Nothing in here touches the disk, the terminal or the clock: the current time is always a
//! parameter. Every type that is stored derives serde and is encoded by `store::codec`; fields are
//! only ever appended through a schema version bump, and enum variants are append-only.

pub mod action;
pub mod action_flow;
pub mod alerts;
pub mod booking;
pub mod business_time;
pub mod change;
pub mod completion;
pub mod countdown;
pub mod crm_triggers;
pub mod customer;
pub mod customer_diff;
pub mod customer_import;
pub mod dataset;
pub mod deadlines;
pub mod deliverable;
pub mod discharge;
pub mod draft;
pub mod excerpt;
pub mod feedback_calendar;
pub mod first_round;
pub mod followup;
pub mod followup_flow;
pub mod ids;
pub mod insight;
pub mod interview;
pub mod interview_flow;
pub mod lateness;
pub mod letters;
pub mod lookup;
pub mod money;
pub mod monitors;
mod obligations;
pub mod open_work;
pub mod people_import;
pub mod period;
pub mod policy;
pub mod questions;
pub mod queue;
pub mod reach;
pub mod report;
pub mod requests;
pub mod reschedule;
pub mod revenue;
pub mod review;
pub mod risk;
pub mod sanitize;
pub mod senior;
pub mod spacing;
pub mod staff;
pub mod staff_edit;
pub mod summary;
pub mod survey_import;
pub mod time_math;
pub mod timeline;
pub mod undo;
pub mod what;
pub mod when;
pub mod wording;
pub mod write_back;

pub use action::{ActionItem, ActionKind, ActionState};
pub use change::{Change, ChangeSet};
pub use customer::{Contact, Customer, Deliverable, Lifecycle, PreBrief, Tier};
pub use dataset::Dataset;
pub use draft::{Draft, DraftCursor};
pub use followup::{FollowUp, FollowUpState, Snooze};
pub use ids::{
    ActionId, ContactId, CustomerId, DeliverableId, FollowUpId, IdAllocator, InterviewId,
    RequestId, StaffId,
};
pub use interview::{Answer, Individual, Interview, InterviewStatus, Score, Trigger};
pub use money::Money;
pub use questions::{Question, QuestionSet};
pub use requests::{Channel, Request};
pub use staff::{Role, Staff};
pub use timeline::{EventKind, TimelineEvent};

/// The instant type used everywhere: UTC, stored as milliseconds since the Unix epoch.
pub type Instant = chrono::DateTime<chrono::Utc>;

/// serde helpers that store instants as integer milliseconds (compact and fast to decode).
pub mod ms {
    pub use chrono::serde::ts_milliseconds::{deserialize, serialize};
    /// The same for optional instants.
    pub mod opt {
        pub use chrono::serde::ts_milliseconds_option::{deserialize, serialize};
    }
}

//! The dashboard's notifications (the rules are in [`crate::core::alerts`]): a follow-up
//! that was not there before is a new low score, whoever saved it (the form, the inbox, a
//! command through the dashboard); an item the tick turns overdue is the other kind. A key
//! pressed while the queue has the focus counts as looking at it: the unread count goes.

use super::panes::Pane;
use super::{App, Effect, Msg};
use crate::core::FollowUpState;
use crate::core::queue::{ItemKind, Subject};
use crate::core::{CustomerId, FollowUpId};

/// What a message can change for notifications.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Watch {
    /// The data may hold follow-ups opened since (a save, a command's, the history).
    Data,
    /// The data filled an empty dashboard: nothing in it is news.
    Replaced,
    /// A key: the lead may be looking at the queue.
    Key,
    /// Nothing to look at.
    Nothing,
}

impl Watch {
    /// What to look at after `msg` arrives at `app`. Data that fills an empty dashboard (demo
    /// data, a restored backup, from here or from another terminal) is the store's first
    /// content, not news: a store with customers gets its low scores one import at a time.
    pub(super) fn of(msg: &Msg, app: &App) -> Watch {
        match msg {
            Msg::Saved { .. } | Msg::Remote { .. } | Msg::History(_)
                if app.data.customers.is_empty() =>
            {
                Watch::Replaced
            }
            Msg::Saved { .. } | Msg::Remote { .. } | Msg::History(_) => Watch::Data,
            Msg::Reloaded(_) => Watch::Replaced,
            Msg::Key(_) => Watch::Key,
            _ => Watch::Nothing,
        }
    }
}

/// The highest follow-up id in the data: the ones above it are new.
pub(super) fn followup_mark(app: &App) -> Option<FollowUpId> {
    app.data.followups.iter().map(|f| f.id).max()
}

impl App {
    /// After a message: notes what is new, clears the count when the lead looks at the queue,
    /// and hands the runtime the notifications due now.
    pub(super) fn after_for_alerts(&mut self, watch: Watch) -> Vec<Effect> {
        match watch {
            Watch::Data => self.note_new_low_scores(),
            Watch::Replaced => self.followup_mark = followup_mark(self),
            Watch::Key if self.looking_at_queue() => self.alerts.seen(),
            Watch::Key | Watch::Nothing => {}
        }
        if !self.alerts.waiting() {
            return Vec::new();
        }
        let settings = &self.rules.notifications;
        self.alerts
            .due(self.now, self.rules.work_week.offset, settings)
            .into_iter()
            .map(Effect::Notify)
            .collect()
    }

    /// Whether the queue pane is on screen with the focus, nothing over it.
    pub fn looking_at_queue(&self) -> bool {
        self.focus == Pane::Queue
            && self.overlay.is_none()
            && self.form.is_none()
            && self.command.is_none()
    }

    /// Follow-ups opened since the last look: "Acme Corp scored 2".
    fn note_new_low_scores(&mut self) {
        let mark = self.followup_mark;
        let new: Vec<String> = self
            .data
            .followups
            .iter()
            .filter(|f| mark.is_none_or(|m| f.id > m) && f.state == FollowUpState::Open)
            .map(|f| {
                format!(
                    "{} scored {}",
                    self.customer_name(f.customer),
                    f.severity.get()
                )
            })
            .collect();
        self.followup_mark = followup_mark(self).max(mark);
        let settings = &self.rules.notifications;
        self.alerts
            .happened(crate::core::alerts::Kind::LowScore, new, settings);
    }

    /// Items the tick turned overdue: "Send thank-you: Acme Corp (I20)".
    pub(super) fn note_overdue(&mut self, turned: &[(ItemKind, Subject, CustomerId)]) {
        let what = turned
            .iter()
            .map(|(kind, subject, customer)| {
                format!(
                    "{}: {} ({subject})",
                    kind.label(),
                    self.customer_name(*customer)
                )
            })
            .collect();
        let settings = &self.rules.notifications;
        self.alerts
            .happened(crate::core::alerts::Kind::Overdue, what, settings);
    }

    fn customer_name(&self, id: CustomerId) -> String {
        self.data
            .customer(id)
            .map_or_else(|| id.to_string(), |c| c.name.clone())
    }
}

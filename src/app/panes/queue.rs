//! The follow-up queue: its state (cursor, show-all), its rows and its keys. What the triage
//! keys change is in `app::triage`.

use super::PaneKind;
use crate::app::selection::{clamp, place};
use crate::app::views::{Memo, Rows};
use crate::app::{App, Effect, document, triage};
use crate::core::queue::{Item, ItemKind, Subject};
use crate::keymap::{Action, KeyContext};

/// Queue pane state.
#[derive(Clone, Debug, Default)]
pub struct QueuePane {
    /// Selected row.
    pub selected: usize,
    /// Show upcoming and snoozed items too (`a`).
    pub show_all: bool,
    /// The item under the cursor, so a refilled queue keeps it selected.
    anchor: Option<(ItemKind, Subject)>,
    /// The queue as shown, by (generation, show-all).
    view: Memo<(u64, bool)>,
}

impl App {
    /// The queue as shown: due and overdue items not snoozed, or everything with show-all.
    pub fn queue_rows(&self) -> Rows<'_, &Item> {
        let show_all = self.queue.show_all;
        let order = self.queue.view.get((self.generation, show_all), || {
            let shown = |i: &Item| show_all || i.in_default_view();
            (0..self.items.len())
                .filter(|&at| self.items.get(at).is_some_and(shown))
                .collect()
        });
        Rows::new(self, order, |app, at| app.items.get(at))
    }

    /// The selected queue item, if any.
    pub fn selected_item(&self) -> Option<&Item> {
        self.queue_rows().get(self.queue.selected)
    }
}

/// The queue pane in the registry.
pub(super) struct Queue;

impl PaneKind for Queue {
    fn title(&self) -> &'static str {
        "Follow-up queue"
    }

    fn context(&self) -> KeyContext {
        KeyContext::Queue
    }

    fn len(&self, app: &App) -> usize {
        app.queue_rows().len()
    }

    fn cursor<'a>(&self, app: &'a mut App) -> &'a mut usize {
        &mut app.queue.selected
    }

    fn clamp(&self, app: &mut App) {
        app.queue.selected = clamp(app.queue.selected, app.queue_rows().len());
        app.queue.anchor = app.selected_item().map(|i| (i.kind, i.subject));
    }

    fn restore(&self, app: &mut App) {
        let (anchor, row) = (app.queue.anchor, app.queue.selected);
        app.queue.selected = {
            let rows = app.queue_rows();
            let ids = rows.iter_from(0).map(|(at, i)| (at, (i.kind, i.subject)));
            place(ids, rows.len(), anchor, row)
        };
    }

    fn perform(&self, app: &mut App, action: Action) -> Vec<Effect> {
        match action {
            Action::ToggleAll => {
                // The same item stays selected when it is in both lists.
                app.queue.show_all = !app.queue.show_all;
                app.restore_selections();
                Vec::new()
            }
            Action::ViewDocument => document::open_for_selected_item(app),
            Action::WriteLetter => crate::app::letter::open_for_selected_item(app),
            Action::NewAction => crate::app::asks_tasks::action_from_queue(app),
            Action::Book
            | Action::Assign
            | Action::RecordContext
            | Action::Snooze
            | Action::Close
            | Action::OpenCustomer => triage::perform(app, action),
            _ => Vec::new(),
        }
    }

    fn has_countdowns(&self, app: &App) -> bool {
        // Its rows show ages and deadlines that move with the clock.
        !app.queue_rows().is_empty()
    }
}

//! Selection by id: every list remembers the record its cursor is on, so a re-sort or a refill
//! (a save, a new due date, a tick that turns an item overdue, show-all) keeps the cursor on
//! the same record instead of the same row. When the record has left the list (done, filtered
//! out), the cursor stays on its row, which now shows the next record.

use super::App;
use super::views::Rows;
use crate::core::queue::{ItemKind, Subject};
use crate::core::{ActionId, CustomerId, InterviewId};

/// The record under each pane's cursor.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct Anchors {
    customer: Option<CustomerId>,
    item: Option<(ItemKind, Subject)>,
    interview: Option<InterviewId>,
    /// One per board column.
    cards: [Option<ActionId>; 4],
}

/// The row of the record `anchor` names in `rows`, or `row` clamped into the list.
fn place<T, K: PartialEq>(
    rows: &Rows<'_, T>,
    anchor: Option<K>,
    row: usize,
    id: impl Fn(&T) -> K,
) -> usize {
    anchor
        .and_then(|k| rows.iter_from(0).find(|(_, r)| id(r) == k).map(|(i, _)| i))
        .unwrap_or_else(|| row.min(rows.len().saturating_sub(1)))
}

impl App {
    /// Takes the cursors' rows as they are (after a key moved one, or a test set one) and
    /// remembers the record under each.
    pub fn clamp_selections(&mut self) {
        let n = self.customer_rows().len();
        self.customers.selected = self.customers.selected.min(n.saturating_sub(1));
        let n = self.queue_rows().len();
        self.queue.selected = self.queue.selected.min(n.saturating_sub(1));
        let n = self.booked_interviews().len();
        self.interview_selected = self.interview_selected.min(n.saturating_sub(1));
        for col in 0..self.actions.selected.len() {
            let n = self.cards(col).len();
            self.actions.selected[col] = self.actions.selected[col].min(n.saturating_sub(1));
        }
        self.anchors = Anchors {
            customer: self.selected_customer(),
            item: self.selected_item().map(|i| (i.kind, i.subject)),
            interview: self.selected_interview().map(|i| i.id),
            cards: std::array::from_fn(|col| {
                let row = self.actions.selected[col];
                self.cards(col).get(row).map(|a| a.id)
            }),
        };
    }

    /// Puts every cursor back on the record it was on, after the lists changed.
    pub(super) fn restore_selections(&mut self) {
        let a = self.anchors.clone();
        self.customers.selected = place(
            &self.customer_rows(),
            a.customer,
            self.customers.selected,
            |r| r.customer.id,
        );
        self.queue.selected = place(&self.queue_rows(), a.item, self.queue.selected, |i| {
            (i.kind, i.subject)
        });
        let booked = self.booked_interviews();
        self.interview_selected = a
            .interview
            .and_then(|id| booked.iter().position(|i| i.id == id))
            .unwrap_or_else(|| self.interview_selected.min(booked.len().saturating_sub(1)));
        for col in 0..a.cards.len() {
            let row = self.actions.selected[col];
            self.actions.selected[col] = place(&self.cards(col), a.cards[col], row, |c| c.id);
        }
        // A record that left its list hands the cursor to the one now on its row.
        self.clamp_selections();
    }

    /// Puts the board's cursor on `card` in `column` once the lists show it there (a move or
    /// a new due date is saved and re-sorts the column).
    pub(super) fn follow_card(&mut self, column: usize, card: ActionId) {
        self.actions.column = column;
        if let Some(slot) = self.anchors.cards.get_mut(column) {
            *slot = Some(card);
        }
    }
}

//! Selection by id: every pane remembers the record its cursor is on, so a re-sort or a refill
//! (a save, a new due date, a tick that turns an item overdue, show-all) keeps the cursor on
//! the same record instead of the same row. When the record has left the list (done, filtered
//! out), the cursor stays on its row, which now shows the next record. Each pane keeps its own
//! anchors (`PaneKind::clamp` / `restore`); this walks the registry.

use super::App;
use super::panes::Pane;

/// `row` brought inside a list of `len` rows.
pub(super) fn clamp(row: usize, len: usize) -> usize {
    row.min(len.saturating_sub(1))
}

/// The row of the record `anchor` names among `ids` (row, id) of a list of `len` rows, or
/// `row` clamped into the list.
pub(super) fn place<K: PartialEq>(
    ids: impl IntoIterator<Item = (usize, K)>,
    len: usize,
    anchor: Option<K>,
    row: usize,
) -> usize {
    anchor
        .and_then(|k| ids.into_iter().find(|(_, id)| *id == k).map(|(i, _)| i))
        .unwrap_or_else(|| clamp(row, len))
}

impl App {
    /// Takes the cursors' rows as they are (after a key moved one, or a test set one) and
    /// remembers the record under each.
    pub fn clamp_selections(&mut self) {
        for pane in Pane::ALL {
            pane.kind().clamp(self);
        }
    }

    /// Puts every cursor back on the record it was on, after the lists changed.
    pub(super) fn restore_selections(&mut self) {
        for pane in Pane::ALL {
            pane.kind().restore(self);
        }
        // A record that left its list hands the cursor to the one now on its row.
        self.clamp_selections();
    }

    /// Moves the focused pane's cursor to `to(row, len)`, kept inside its list.
    pub(super) fn move_selection(&mut self, to: impl Fn(usize, usize) -> usize) {
        let pane = self.focus.kind();
        let len = pane.len(self);
        if len == 0 {
            return;
        }
        let slot = pane.cursor(self);
        *slot = to(*slot, len).min(len - 1);
        self.clamp_selections();
    }
}

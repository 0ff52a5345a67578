//! The dashboard's panes: one module per pane, each with its own state, rows, cursor and keys,
//! all behind [`PaneKind`] and registered in one list ([`registry!`] below). The grid, the
//! zoom, the focus keys `1`..`N`, Tab order and the titles all come from that list; the
//! drawing of each pane is in `ui` (`ui::pane_view` names the draw module of each pane).
//!
//! Adding a pane (the compiler points at every step after the registry line):
//! 1. `app/panes/<name>.rs`: its state struct and a `PaneKind` value;
//! 2. here: `mod <name>;`, `pub use` of its state, and its line in `registry!`;
//! 3. `app/mod.rs`: the state as a field of `App` (and its `Default` in `App::new`);
//! 4. `keymap`: a `KeyContext` variant, its `Focus(n)` row and its key rows in `table.rs`;
//! 5. `ui/<name>.rs`: its `draw` and `VIEW`, and `mod <name>;` plus its arm in `ui::pane_view`.

mod actions;
mod customers;
mod interviews;
mod queue;

pub use actions::{ActionsPane, action_column, card_order};
pub use customers::{CustomerRow, CustomerSort, CustomersPane};
pub use interviews::InterviewsPane;
pub use queue::QueuePane;

use super::{App, Effect};
use crate::keymap::{Action, KeyContext};

/// What a pane is to the rest of the dashboard. One value per pane, in the registry; the
/// pane's state itself is a field of `App` that its methods read and change.
pub(super) trait PaneKind: Sync {
    /// The title drawn on the pane.
    fn title(&self) -> &'static str;

    /// The key table of the pane when it has the focus (global keys apply as well).
    fn context(&self) -> KeyContext;

    /// How many rows the movement keys move over now.
    fn len(&self, app: &App) -> usize;

    /// The cursor the movement keys move (a row of [`PaneKind::len`]).
    fn cursor<'a>(&self, app: &'a mut App) -> &'a mut usize;

    /// Brings the pane's cursors inside their lists and remembers the record under each.
    fn clamp(&self, app: &mut App);

    /// Puts the pane's cursors back on the records they were on, after its lists changed.
    fn restore(&self, app: &mut App);

    /// A key of the pane's own (anything the dashboard as a whole does not take).
    fn perform(&self, app: &mut App, action: Action) -> Vec<Effect>;

    /// Esc over the pane: backs out of something of the pane's own; false when there is none
    /// (Esc then leaves the zoom).
    fn back(&self, _app: &mut App) -> bool {
        false
    }

    /// Whether the pane shows something that changes with the clock (ticks must redraw).
    fn has_countdowns(&self, _app: &App) -> bool {
        false
    }
}

/// Declares the panes once: the [`Pane`] enum, [`Pane::ALL`] in registry order, and which
/// [`PaneKind`] each is.
macro_rules! registry {
    ($($(#[$doc:meta])* $pane:ident => $kind:expr,)+) => {
        /// The panes, in Tab order.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Pane {
            $($(#[$doc])* $pane,)+
        }

        impl Pane {
            /// Every pane, in the registry's order: Tab order, the focus keys `1`..`N`, and
            /// the grid (left to right, top to bottom).
            pub const ALL: [Pane; [$(stringify!($pane)),+].len()] = [$(Pane::$pane),+];

            /// The pane's behaviour.
            pub(super) fn kind(self) -> &'static dyn PaneKind {
                match self {
                    $(Pane::$pane => &$kind,)+
                }
            }
        }
    };
}

// The one list of panes. A pane's line here is what puts it on screen.
registry! {
    /// Customers by size.
    Customers => customers::Customers,
    /// The overdue-follow-up queue.
    Queue => queue::Queue,
    /// Booked interviews and the form.
    Interview => interviews::Interviews,
    /// The action-item board.
    Actions => actions::Actions,
}

impl Pane {
    /// The title drawn on the pane.
    pub fn title(self) -> &'static str {
        self.kind().title()
    }

    /// The key table of the pane when it has the focus.
    pub fn context(self) -> KeyContext {
        self.kind().context()
    }

    /// The pane's place in [`Pane::ALL`]: its focus key is `1` plus this.
    pub fn index(self) -> usize {
        Pane::ALL.iter().position(|p| *p == self).unwrap_or(0)
    }

    /// The next pane (Tab) or previous one (Shift-Tab).
    pub fn cycle(self, forward: bool) -> Pane {
        let i = self.index();
        let n = Pane::ALL.len();
        Pane::ALL[if forward {
            (i + 1) % n
        } else {
            (i + n - 1) % n
        }]
    }
}

#[cfg(test)]
mod tests;

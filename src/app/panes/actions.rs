//! The action board: its state (focused column, a cursor per column), its cards and its keys.
//! What the card keys change is in `app::triage`.

use super::PaneKind;
use crate::app::selection::{clamp, place};
use crate::app::views::Rows;
use crate::app::{App, Effect, triage};
use crate::core::{ActionId, ActionItem, ActionState, Dataset, Instant};
use crate::keymap::{Action, KeyContext};

/// How many columns the board has: one per [`ActionState`].
const COLUMNS: usize = 4;

/// Action board state.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ActionsPane {
    /// Focused column: 0 To do, 1 Doing, 2 Done, 3 Followed up.
    pub column: usize,
    /// Selected card per column.
    pub selected: [usize; COLUMNS],
    /// The card under each column's cursor, so a re-sorted column keeps it selected.
    anchors: [Option<ActionId>; COLUMNS],
}

/// The order of cards in a column: by due date (none last), then id.
pub fn card_order(a: &ActionItem) -> (bool, Option<Instant>, ActionId) {
    (a.due.is_none(), a.due, a.id)
}

/// The cards of one board column, in [`card_order`].
pub fn action_column(data: &Dataset, column: usize) -> Vec<&ActionItem> {
    let Some(&state) = ActionState::ALL.get(column) else {
        return Vec::new();
    };
    let mut cards: Vec<&ActionItem> = data.actions.iter().filter(|a| a.state == state).collect();
    cards.sort_by_key(|a| card_order(a));
    cards
}

impl App {
    /// The cards of one board column, in [`card_order`]; none for a column that is not one.
    pub fn cards(&self, column: usize) -> Rows<'_, &ActionItem> {
        let order = self.lists.columns.get(column).cloned().unwrap_or_default();
        Rows::new(self, order, |app, at| app.data.actions.get(at))
    }

    /// How many cards are overdue: due before now and still to do or doing.
    pub fn overdue_cards(&self) -> usize {
        self.lists
            .open_due
            .partition_point(|&due| crate::core::lateness::is_overdue(due, self.now))
    }

    /// The selected action card, if any.
    pub fn selected_action(&self) -> Option<&ActionItem> {
        let column = self.actions.column;
        self.cards(column)
            .get(self.actions.selected.get(column).copied().unwrap_or(0))
    }

    /// Puts the board's cursor on `card` in `column` once the lists show it there (a move or
    /// a new due date is saved and re-sorts the column).
    pub(in crate::app) fn follow_card(&mut self, column: usize, card: ActionId) {
        self.actions.column = column;
        if let Some(slot) = self.actions.anchors.get_mut(column) {
            *slot = Some(card);
        }
    }
}

/// The action board in the registry.
pub(super) struct Actions;

impl PaneKind for Actions {
    fn title(&self) -> &'static str {
        "Action items"
    }

    fn context(&self) -> KeyContext {
        KeyContext::Actions
    }

    fn len(&self, app: &App) -> usize {
        app.cards(app.actions.column).len()
    }

    fn cursor<'a>(&self, app: &'a mut App) -> &'a mut usize {
        let column = app.actions.column.min(COLUMNS - 1);
        &mut app.actions.selected[column]
    }

    fn clamp(&self, app: &mut App) {
        for col in 0..COLUMNS {
            let n = app.cards(col).len();
            app.actions.selected[col] = clamp(app.actions.selected[col], n);
        }
        app.actions.anchors = std::array::from_fn(|col| {
            let row = app.actions.selected[col];
            app.cards(col).get(row).map(|a| a.id)
        });
    }

    fn restore(&self, app: &mut App) {
        for col in 0..COLUMNS {
            let (anchor, row) = (app.actions.anchors[col], app.actions.selected[col]);
            app.actions.selected[col] = {
                let cards = app.cards(col);
                let ids = cards.iter_from(0).map(|(at, c)| (at, c.id));
                place(ids, cards.len(), anchor, row)
            };
        }
    }

    fn perform(&self, app: &mut App, action: Action) -> Vec<Effect> {
        match action {
            Action::ColumnLeft => app.actions.column = app.actions.column.saturating_sub(1),
            Action::ColumnRight => app.actions.column = (app.actions.column + 1).min(COLUMNS - 1),
            Action::MoveLeft
            | Action::MoveRight
            | Action::SetOwner
            | Action::SetDue
            | Action::OpenCustomer => return triage::perform(app, action),
            // From the board the customer is asked for (a card's customer may not be the one).
            Action::NewAction => {
                let target = crate::app::ActionFor {
                    customer: None,
                    followup: None,
                    detail: false,
                };
                return crate::app::asks_tasks::action_prompt(app, target);
            }
            _ => {}
        }
        Vec::new()
    }
}

//! The four panes' own state, and the rows each shows (derived from the data, cached where a
//! large programme would make recomputing them on every frame too slow).

use super::App;
use super::views::Rows;
use crate::core::queue::Item;
use crate::core::summary::NextInterview;
use crate::core::{ActionItem, ActionState, Customer, CustomerId, Dataset, Interview};

/// The panes, in Tab order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Pane {
    /// Customers by size.
    Customers,
    /// The overdue-follow-up queue.
    Queue,
    /// Booked interviews and the form.
    Interview,
    /// The action-item board.
    Actions,
}

impl Pane {
    /// Tab order.
    pub const ALL: [Pane; 4] = [Pane::Customers, Pane::Queue, Pane::Interview, Pane::Actions];

    /// The title drawn on the pane.
    pub fn title(self) -> &'static str {
        match self {
            Pane::Customers => "Customers by size",
            Pane::Queue => "Follow-up queue",
            Pane::Interview => "Interviews",
            Pane::Actions => "Action items",
        }
    }

    /// The next pane (Tab) or previous one (Shift-Tab).
    pub fn cycle(self, forward: bool) -> Pane {
        let i = Pane::ALL.iter().position(|p| *p == self).unwrap_or(0);
        let n = Pane::ALL.len();
        Pane::ALL[if forward {
            (i + 1) % n
        } else {
            (i + n - 1) % n
        }]
    }
}

/// How the customer list is sorted (`s` cycles).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CustomerSort {
    /// Largest first (the programme's order).
    #[default]
    Size,
    /// Most at risk first, then size.
    Risk,
    /// Next interview soonest first.
    NextInterview,
    /// A to Z.
    Name,
}

impl CustomerSort {
    /// The next sort in the cycle.
    pub fn next(self) -> CustomerSort {
        match self {
            CustomerSort::Size => CustomerSort::Risk,
            CustomerSort::Risk => CustomerSort::NextInterview,
            CustomerSort::NextInterview => CustomerSort::Name,
            CustomerSort::Name => CustomerSort::Size,
        }
    }

    /// Shown in the pane title.
    pub fn label(self) -> &'static str {
        match self {
            CustomerSort::Size => "size",
            CustomerSort::Risk => "risk",
            CustomerSort::NextInterview => "next interview",
            CustomerSort::Name => "name",
        }
    }
}

/// Customers pane state.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CustomersPane {
    /// Selected row in the filtered list.
    pub selected: usize,
    /// Filter text (`/`): a case-insensitive part of name, segment, region or manager.
    pub filter: String,
    /// Whether keys go to the filter.
    pub filtering: bool,
    /// Sort order.
    pub sort: CustomerSort,
}

/// Queue pane state.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct QueuePane {
    /// Selected row.
    pub selected: usize,
    /// Show upcoming and snoozed items too (`a`).
    pub show_all: bool,
}

/// Action board state.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ActionsPane {
    /// Focused column: 0 To do, 1 Doing, 2 Done, 3 Followed up.
    pub column: usize,
    /// Selected card per column.
    pub selected: [usize; 4],
}

/// One customer row of the list, with what the list shows.
#[derive(Clone, Debug, PartialEq)]
pub struct CustomerRow<'a> {
    /// The customer.
    pub customer: &'a Customer,
    /// Latest completed interview.
    pub last: Option<&'a Interview>,
    /// Next interview.
    pub next: NextInterview,
    /// Open follow-ups.
    pub open_followups: usize,
    /// Averages of the last few completed interviews, oldest first.
    pub trend: &'a [f64],
}

/// The order of cards in a column: by due date (none last), then id.
pub fn card_order(a: &ActionItem) -> (bool, Option<crate::core::Instant>, crate::core::ActionId) {
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
    /// The customer list as shown: filtered, in the chosen order. The order is worked out
    /// once per change of the data, the filter or the sort, not on every frame.
    pub fn customer_rows(&self) -> Rows<'_, CustomerRow<'_>> {
        let key = (
            self.generation,
            self.customers.filter.clone(),
            self.customers.sort,
        );
        let order = self.customer_view.get(key, || self.customer_order());
        Rows::new(self, order, |app, at| {
            let e = app.lists.customers.get(at)?;
            Some(CustomerRow {
                customer: app.data.customers.get(e.customer)?,
                last: e.last.and_then(|i| app.data.interviews.get(i)),
                next: e.next,
                open_followups: e.open_followups,
                trend: &e.trend,
            })
        })
    }

    /// Positions in `lists.customers` of the rows the filter lets through, in the sort's order.
    fn customer_order(&self) -> Vec<usize> {
        let needle = self.customers.filter.trim().to_lowercase();
        let entries = &self.lists.customers;
        let customer = |at: usize| {
            entries
                .get(at)
                .and_then(|e| self.data.customers.get(e.customer))
        };
        let mut order: Vec<usize> = (0..entries.len())
            .filter(|&at| {
                customer(at).is_some_and(|c| needle.is_empty() || self.matches(c, &needle))
            })
            .collect();
        match self.customers.sort {
            CustomerSort::Size => {}
            CustomerSort::Risk => order.sort_by_cached_key(|&at| {
                let id = customer(at).map(|c| c.id);
                std::cmp::Reverse(id.and_then(|id| self.risk.get(&id)).map(|a| a.level))
            }),
            CustomerSort::NextInterview => order.sort_by_cached_key(|&at| {
                let next = entries.get(at).and_then(|e| e.next.at());
                (next.is_none(), next)
            }),
            CustomerSort::Name => {
                order.sort_by_cached_key(|&at| customer(at).map(|c| c.name.to_lowercase()))
            }
        }
        order
    }

    fn matches(&self, c: &Customer, needle: &str) -> bool {
        [
            c.name.as_str(),
            c.segment.as_str(),
            c.region.as_str(),
            self.data.staff_name(c.account_manager),
        ]
        .iter()
        .any(|field| field.to_lowercase().contains(needle))
    }

    /// The queue as shown: due and overdue items not snoozed, or everything with show-all.
    pub fn queue_rows(&self) -> Rows<'_, &Item> {
        let show_all = self.queue.show_all;
        let order = self.queue_view.get((self.generation, show_all), || {
            let shown = |i: &Item| show_all || i.in_default_view();
            (0..self.items.len())
                .filter(|&at| self.items.get(at).is_some_and(shown))
                .collect()
        });
        Rows::new(self, order, |app, at| app.items.get(at))
    }

    /// Booked interviews (in progress first, then soonest).
    pub fn booked_interviews(&self) -> Vec<&Interview> {
        self.lists
            .booked
            .iter()
            .filter_map(|&at| self.data.interviews.get(at))
            .collect()
    }

    /// A customer's interviews, oldest first by scheduled time (as `Dataset::interviews_of`,
    /// from the index instead of a scan).
    pub fn interviews_of(&self, id: CustomerId) -> Vec<&Interview> {
        self.lists.by_customer.get(&id).map_or_else(Vec::new, |r| {
            r.interviews
                .iter()
                .filter_map(|&at| self.data.interviews.get(at))
                .collect()
        })
    }

    /// A customer's follow-ups, in id order.
    pub fn followups_of(&self, id: CustomerId) -> Vec<&crate::core::FollowUp> {
        self.lists.by_customer.get(&id).map_or_else(Vec::new, |r| {
            r.followups
                .iter()
                .filter_map(|&at| self.data.followups.get(at))
                .collect()
        })
    }

    /// A customer's action items, in id order.
    pub fn actions_of(&self, id: CustomerId) -> Vec<&ActionItem> {
        self.lists.by_customer.get(&id).map_or_else(Vec::new, |r| {
            r.actions
                .iter()
                .filter_map(|&at| self.data.actions.get(at))
                .collect()
        })
    }

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

    /// The selected customer of the list, if any.
    pub fn selected_customer(&self) -> Option<CustomerId> {
        self.customer_rows()
            .get(self.customers.selected)
            .map(|r| r.customer.id)
    }

    /// The selected booked interview, if any.
    pub fn selected_interview(&self) -> Option<&Interview> {
        self.booked_interviews()
            .get(self.interview_selected)
            .copied()
    }

    /// The selected queue item, if any.
    pub fn selected_item(&self) -> Option<&Item> {
        self.queue_rows().get(self.queue.selected)
    }

    /// The selected action card, if any.
    pub fn selected_action(&self) -> Option<&ActionItem> {
        let column = self.actions.column;
        self.cards(column)
            .get(self.actions.selected.get(column).copied().unwrap_or(0))
    }
}

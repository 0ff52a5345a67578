//! The customer list: its state (cursor, filter, sort), its rows and its keys.

use super::PaneKind;
use crate::app::act::open_customer;
use crate::app::selection::{clamp, place};
use crate::app::views::{Memo, Rows};
use crate::app::{App, Effect, triage};
use crate::core::open_work::Brief;
use crate::core::summary::NextInterview;
use crate::core::{Customer, CustomerId};
use crate::keymap::{Action, KeyContext};

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
#[derive(Clone, Debug, Default)]
pub struct CustomersPane {
    /// Selected row in the filtered list.
    pub selected: usize,
    /// Filter text (`/`): a case-insensitive part of name, segment, region or manager.
    pub filter: String,
    /// Whether keys go to the filter.
    pub filtering: bool,
    /// Sort order.
    pub sort: CustomerSort,
    /// The customer under the cursor, so a re-sorted list keeps it selected.
    anchor: Option<CustomerId>,
    /// The list as shown, by (generation, filter, sort).
    view: Memo<(u64, String, CustomerSort)>,
}

/// One customer row of the list, with what the list shows.
#[derive(Clone, Debug, PartialEq)]
pub struct CustomerRow<'a> {
    /// The customer.
    pub customer: &'a Customer,
    /// Latest completed interview.
    pub last: Option<&'a Brief>,
    /// Next interview.
    pub next: NextInterview,
    /// Open follow-ups.
    pub open_followups: usize,
    /// Averages of the last few completed interviews, oldest first.
    pub trend: &'a [f64],
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
        let order = self.customers.view.get(key, || self.customer_order());
        Rows::new(self, order, |app, at| {
            let e = app.lists.customers.get(at)?;
            Some(CustomerRow {
                customer: app.data.customers.get(e.customer)?,
                last: e.last.as_ref(),
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

    /// The selected customer of the list, if any.
    pub fn selected_customer(&self) -> Option<CustomerId> {
        self.customer_rows()
            .get(self.customers.selected)
            .map(|r| r.customer.id)
    }
}

/// The customers pane in the registry.
pub(super) struct Customers;

impl PaneKind for Customers {
    fn title(&self) -> &'static str {
        "Customers by size"
    }

    fn context(&self) -> KeyContext {
        KeyContext::Customers
    }

    fn len(&self, app: &App) -> usize {
        app.customer_rows().len()
    }

    fn cursor<'a>(&self, app: &'a mut App) -> &'a mut usize {
        &mut app.customers.selected
    }

    fn clamp(&self, app: &mut App) {
        app.customers.selected = clamp(app.customers.selected, app.customer_rows().len());
        app.customers.anchor = app.selected_customer();
    }

    fn restore(&self, app: &mut App) {
        let (anchor, row) = (app.customers.anchor, app.customers.selected);
        app.customers.selected = {
            let rows = app.customer_rows();
            let ids = rows.iter_from(0).map(|(i, r)| (i, r.customer.id));
            place(ids, rows.len(), anchor, row)
        };
    }

    fn perform(&self, app: &mut App, action: Action) -> Vec<Effect> {
        match action {
            Action::Open => {
                if let Some(id) = app.selected_customer() {
                    return open_customer(app, id);
                }
            }
            Action::Filter => {
                app.customers.filtering = true;
                app.customers.selected = 0;
                app.clamp_selections();
            }
            Action::Sort => {
                app.customers.sort = app.customers.sort.next();
                app.customers.selected = 0;
                app.clamp_selections();
            }
            Action::Book => return triage::perform(app, action),
            Action::NewAction | Action::RecordDeliverable | Action::LogRequest => {
                let Some(id) = app.selected_customer() else {
                    return crate::app::act::say(app, "no customer selected");
                };
                return crate::app::asks_tasks::for_customer(app, id, action, false);
            }
            _ => {}
        }
        Vec::new()
    }

    fn back(&self, app: &mut App) -> bool {
        // Esc clears a filter before it leaves the zoom.
        if app.customers.filter.is_empty() {
            return false;
        }
        app.customers.filter.clear();
        true
    }
}

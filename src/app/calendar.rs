//! The feedback calendar month view's state and keys.
//!
//! The view holds the shown month's events and the spacing of every customer in them, read
//! from `app.data` and `app.items` (the queue at `app.now`) when it opens and again on every
//! key, so drawing only looks things up, and a save that lands while the view is open shows at
//! the next key press.

use super::{App, Effect, Overlay};
use crate::core::CustomerId;
use crate::core::feedback_calendar::{
    CalendarEvent, EventKind, Request, Spacing, Window, day_of, events, spacing_of,
};
use crate::keymap::Action;
use chrono::{Days, Months, NaiveDate};
use std::collections::{BTreeMap, BTreeSet};

/// Which day is selected (the month shown is its month), with what the month holds.
#[derive(Clone, Debug, PartialEq)]
pub struct CalendarView {
    /// The selected day.
    pub selected: NaiveDate,
    /// Today, in the working week's offset, when the events were read.
    pub today: NaiveDate,
    /// The events of the selected day's month, by start then UID.
    pub events: Vec<CalendarEvent>,
    /// The requests, quiet days and conflicts of every customer with an event in the month.
    pub spacing: BTreeMap<CustomerId, Spacing>,
}

impl CalendarView {
    /// The view of `selected`'s month over the app's data at `app.now`.
    pub fn new(app: &App, selected: NaiveDate) -> CalendarView {
        let cal = &app.rules.work_week;
        let month = Window::month_of(selected);
        let events = events(&app.data, &app.items, cal, month, app.now);
        let customers: BTreeSet<CustomerId> = events.iter().map(|e| e.customer).collect();
        let spacing = spacing_of(&app.data, &customers, &app.rules.policy, cal);
        CalendarView {
            selected,
            today: day_of(cal, app.now),
            events,
            spacing,
        }
    }

    /// The month shown.
    pub fn month(&self) -> Window {
        Window::month_of(self.selected)
    }

    /// The events on `day`, in order.
    pub fn events_on(&self, day: NaiveDate) -> impl Iterator<Item = &CalendarEvent> {
        self.events.iter().filter(move |e| e.day == day)
    }

    /// The spacing of the customers with an event on the selected day, in event order.
    pub fn selected_spacing(&self) -> Vec<&Spacing> {
        let mut seen = BTreeSet::new();
        self.events_on(self.selected)
            .filter(|e| seen.insert(e.customer))
            .filter_map(|e| self.spacing.get(&e.customer))
            .collect()
    }

    /// Whether `day` is a quiet day of a customer with an event on the selected day.
    pub fn is_quiet(&self, day: NaiveDate) -> bool {
        self.selected_spacing().iter().any(|s| s.is_quiet(day))
    }

    /// The spacing conflicts of a booked event: the other requests closer than the spacing.
    pub fn too_close(&self, event: &CalendarEvent) -> Vec<Request> {
        match &event.kind {
            EventKind::Booked(b) => self
                .spacing
                .get(&event.customer)
                .map(|s| s.too_close_to(b.interview))
                .unwrap_or_default(),
            EventKind::Due(_) => Vec::new(),
        }
    }
}

/// Opens the month view on today.
pub(super) fn open(app: &mut App) -> Vec<Effect> {
    let today = day_of(&app.rules.work_week, app.now);
    app.overlay = Some(Overlay::Calendar(CalendarView::new(app, today)));
    Vec::new()
}

/// A key's action while the month view is open: move the selection by a day, a week or a
/// month (keeping the day of the month, clamped to the month's end), back to today, or close.
pub(super) fn perform(app: &mut App, action: Action) -> Vec<Effect> {
    let Some(Overlay::Calendar(view)) = &app.overlay else {
        return Vec::new();
    };
    let at = view.selected;
    let moved = match action {
        Action::Back => {
            app.overlay = None;
            return Vec::new();
        }
        Action::ColumnLeft => at.pred_opt(),
        Action::ColumnRight => at.succ_opt(),
        Action::Up => at.checked_sub_days(Days::new(7)),
        Action::Down => at.checked_add_days(Days::new(7)),
        Action::PeriodPrev => at.checked_sub_months(Months::new(1)),
        Action::PeriodNext => at.checked_add_months(Months::new(1)),
        Action::Today => Some(day_of(&app.rules.work_week, app.now)),
        _ => None,
    };
    let selected = moved.unwrap_or(at);
    app.overlay = Some(Overlay::Calendar(CalendarView::new(app, selected)));
    Vec::new()
}

//! The weekly review view's state and keys: one work week's review (the text `hearback review`
//! prints), scrolled by line, `[`/`]` to the week before or after, `t` back to this week.
//!
//! The review is computed when the view opens, when the week changes and when the data
//! changes (`saved::refresh_views`), never while drawing. The current week is reviewed up to
//! `app.now` as it was then; stepping away and back brings it up to date.

use super::{App, Effect, Overlay};
use crate::core::Instant;
use crate::core::review::{Review, review, text, week_of};
use crate::keymap::Action;
use chrono::Duration;

/// The week shown and its review.
#[derive(Clone, Debug, PartialEq)]
pub struct ReviewView {
    /// Monday 00:00 of the week shown.
    pub since: Instant,
    /// The review (boxed: the overlay enum stays small).
    pub review: Box<Review>,
    /// The review as text lines, as `hearback review` prints them.
    pub lines: Vec<String>,
    /// The first line shown.
    pub scroll: u16,
}

impl ReviewView {
    /// The review of the week starting at `since`, at the app's `now`, from the top.
    pub fn new(app: &App, since: Instant) -> ReviewView {
        let rules = &app.rules;
        let r = review(&app.data, &rules.policy, &rules.work_week, since, app.now);
        let lines = text::lines(&r, &app.data, &rules.policy, &rules.work_week);
        ReviewView {
            since,
            review: Box::new(r),
            lines,
            scroll: 0,
        }
    }

    /// The same week recomputed after the data changed, at the same scroll (clamped).
    pub fn refresh(&self, app: &App) -> ReviewView {
        let mut fresh = ReviewView::new(app, self.since);
        fresh.scroll = self.scroll.min(fresh.max_scroll());
        fresh
    }

    /// The furthest the first shown line can go: the last line.
    fn max_scroll(&self) -> u16 {
        u16::try_from(self.lines.len().saturating_sub(1)).unwrap_or(u16::MAX)
    }
}

/// Monday 00:00 of the week containing `now`.
fn this_week(app: &App) -> Instant {
    week_of(app.now, &app.rules.work_week)
        .since
        .unwrap_or(app.now)
}

/// Opens the view on the current week.
pub(super) fn open(app: &mut App) -> Vec<Effect> {
    let view = ReviewView::new(app, this_week(app));
    app.overlay = Some(Overlay::Review(view));
    Vec::new()
}

/// A key's action while the view is open.
pub(super) fn perform(app: &mut App, action: Action) -> Vec<Effect> {
    let page = super::document::page(app);
    let Some(Overlay::Review(view)) = &mut app.overlay else {
        return Vec::new();
    };
    let last = view.max_scroll();
    let week = |t: Instant, weeks: i64| crate::core::time_math::later(t, Duration::weeks(weeks));
    let to = match action {
        Action::Back => {
            app.overlay = None;
            return Vec::new();
        }
        Action::Down => {
            view.scroll = view.scroll.saturating_add(1).min(last);
            return Vec::new();
        }
        Action::Up => {
            view.scroll = view.scroll.saturating_sub(1);
            return Vec::new();
        }
        Action::PageDown => {
            view.scroll = view.scroll.saturating_add(page).min(last);
            return Vec::new();
        }
        Action::PageUp => {
            view.scroll = view.scroll.saturating_sub(page);
            return Vec::new();
        }
        Action::First => {
            view.scroll = 0;
            return Vec::new();
        }
        Action::Last => {
            view.scroll = last;
            return Vec::new();
        }
        Action::PeriodPrev => week(view.since, -1),
        Action::PeriodNext => week(view.since, 1),
        Action::Today => this_week(app),
        _ => return Vec::new(),
    };
    if to > app.now {
        app.message = Some("this is the current week: the week after has not started yet".into());
        return Vec::new();
    }
    let fresh = ReviewView::new(app, to);
    app.overlay = Some(Overlay::Review(fresh));
    Vec::new()
}

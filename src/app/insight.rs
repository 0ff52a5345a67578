//! The insight view's state and keys: scores compared across groups for a chosen period, the
//! comments behind the selected number, and the President report or digest for the period.
//!
//! The figures are computed when the view opens and when the grouping or the period changes,
//! never while drawing.

use super::{App, Effect};
use crate::core::Instant;
use crate::core::insight::{
    Comment, GroupBy, GroupKey, Insight, Period, comments, compute, earliest_completed,
};
use crate::core::requests::responsiveness::{Responsiveness, responsiveness};
use crate::core::revenue::{Revenue, revenue};
use crate::keymap::Action;
use chrono::Duration;

/// The periods `[` and `]` step through, shortest first.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PeriodPreset {
    /// The last 90 days.
    Days90,
    /// The last 180 days.
    Days180,
    /// The last year (365 days).
    #[default]
    Year,
    /// The last two years.
    TwoYears,
    /// Everything recorded.
    AllTime,
}

impl PeriodPreset {
    /// Every preset, shortest first.
    pub const ALL: [PeriodPreset; 5] = [
        PeriodPreset::Days90,
        PeriodPreset::Days180,
        PeriodPreset::Year,
        PeriodPreset::TwoYears,
        PeriodPreset::AllTime,
    ];

    /// How it is shown: "last 90 days", "all time".
    pub fn label(self) -> &'static str {
        match self {
            PeriodPreset::Days90 => "last 90 days",
            PeriodPreset::Days180 => "last 180 days",
            PeriodPreset::Year => "last year",
            PeriodPreset::TwoYears => "last 2 years",
            PeriodPreset::AllTime => "all time",
        }
    }

    fn days(self) -> Option<i64> {
        match self {
            PeriodPreset::Days90 => Some(90),
            PeriodPreset::Days180 => Some(180),
            PeriodPreset::Year => Some(365),
            PeriodPreset::TwoYears => Some(730),
            PeriodPreset::AllTime => None,
        }
    }

    /// The period up to `now`; it starts at the beginning of the day `days` ago (at the
    /// working week's day boundary), so it reads as whole dates.
    pub fn period(self, app: &App) -> Period {
        let since = self
            .days()
            .map(|d| app.rules.work_week.day_start(app.now - Duration::days(d)));
        Period {
            since,
            until: app.now,
        }
    }

    fn step(self, longer: bool) -> PeriodPreset {
        let i = PeriodPreset::ALL
            .iter()
            .position(|p| *p == self)
            .unwrap_or(0);
        let j = if longer {
            (i + 1).min(PeriodPreset::ALL.len() - 1)
        } else {
            i.saturating_sub(1)
        };
        PeriodPreset::ALL.get(j).copied().unwrap_or(self)
    }
}

/// The comments behind the selected number.
#[derive(Clone, Debug, PartialEq)]
pub struct CommentsPanel {
    /// Whose comments: the group's label.
    pub group: String,
    /// On what: the question key, or `None` for every question.
    pub question: Option<String>,
    /// The comments, newest first.
    pub comments: Vec<Comment>,
    /// The first comment shown.
    pub scroll: usize,
}

/// What the insight view shows and where its cursor is.
#[derive(Clone, Debug, PartialEq)]
pub struct InsightView {
    /// How customers are grouped.
    pub by: GroupBy,
    /// The period.
    pub preset: PeriodPreset,
    /// The figures for the grouping and period (boxed: the overlay enum stays small).
    pub insight: Box<Insight>,
    /// The selected row: a group, or the programme (the last row).
    pub row: usize,
    /// The selected column: a question (in `insight.questions` order), or the average of
    /// every score (the last column).
    pub column: usize,
    /// The comments panel, when open.
    pub comments: Option<CommentsPanel>,
    /// Revenue at risk now, and the period's lost revenue and revenue-weighted averages.
    pub revenue: Box<Revenue>,
    /// How quickly the requests received in the period were answered and resolved.
    pub requests: Box<Responsiveness>,
}

impl InsightView {
    /// The view for `by` and `preset` at the app's `now`, cursor on the first row and column.
    pub fn new(app: &App, by: GroupBy, preset: PeriodPreset) -> InsightView {
        let insight = figures(app, by, preset);
        InsightView {
            by,
            preset,
            revenue: Box::new(money(app, &insight)),
            insight: Box::new(insight),
            row: 0,
            column: 0,
            comments: None,
            requests: Box::new(answers(app, preset)),
        }
    }

    /// Recomputes the figures after the data changed, keeping the grouping, period and
    /// selection (clamped to the new rows).
    pub fn refresh(&mut self, app: &App) {
        *self.insight = figures(app, self.by, self.preset);
        *self.revenue = money(app, &self.insight);
        *self.requests = answers(app, self.preset);
        let rows = self.insight.rows();
        self.row = self.row.min(rows.saturating_sub(1));
    }

    /// The question key of the selected column; `None` for the average of every score.
    pub fn selected_question(&self) -> Option<&str> {
        self.insight.questions.get(self.column).map(String::as_str)
    }

    /// How many columns can be selected: the questions and the overall average.
    pub fn columns(&self) -> usize {
        self.insight.questions.len() + 1
    }
}

fn answers(app: &App, preset: PeriodPreset) -> Responsiveness {
    let period = preset.period(app);
    let window = period.since.map(|s| (s, period.until));
    responsiveness(&app.data, &app.rules.work_week, window)
}

fn figures(app: &App, by: GroupBy, preset: PeriodPreset) -> Insight {
    compute(
        &app.data,
        &app.rules.questions,
        by,
        preset.period(app),
        app.rules.work_week.offset,
    )
}

/// The revenue figures of the insight's period, with risk as the dashboard assessed it now.
fn money(app: &App, insight: &Insight) -> Revenue {
    revenue(&app.data, &insight.questions, &app.risk, insight.period)
}

/// Opens the insight view: by segment, over the last year.
pub(super) fn open(app: &mut App) -> Vec<Effect> {
    let view = InsightView::new(app, GroupBy::default(), PeriodPreset::default());
    app.overlay = Some(super::Overlay::Insight(view));
    Vec::new()
}

/// Recomputes for a new grouping or period, keeping the selected group (or the programme
/// row) and question when they are still there.
fn recompute(app: &App, view: &mut InsightView, by: GroupBy, preset: PeriodPreset) {
    let keep = if by == view.by {
        view.insight.row(view.row).map(|f| f.key.clone())
    } else {
        None
    };
    let question = view.selected_question().map(String::from);
    view.by = by;
    view.preset = preset;
    *view.insight = figures(app, by, preset);
    *view.revenue = money(app, &view.insight);
    *view.requests = answers(app, preset);
    view.row = match keep {
        Some(GroupKey::All) => view.insight.groups.len(),
        Some(key) => view
            .insight
            .groups
            .iter()
            .position(|g| g.key == key)
            .unwrap_or(0),
        None => 0,
    };
    view.column = match question {
        Some(q) => view
            .insight
            .questions
            .iter()
            .position(|k| *k == q)
            .unwrap_or(0),
        None => view.insight.questions.len(),
    };
}

/// The start of the chosen period for documents: "all time" starts at the first completed
/// interview (or the Unix epoch when there is none).
fn document_since(app: &App, period: Period) -> Instant {
    period
        .since
        .or_else(|| earliest_completed(&app.data))
        .unwrap_or(chrono::DateTime::UNIX_EPOCH)
}

/// A key's action while the insight view is open.
pub(super) fn perform(app: &mut App, action: Action) -> Vec<Effect> {
    let Some(super::Overlay::Insight(mut view)) = app.overlay.take() else {
        return Vec::new();
    };
    // The comments panel takes the keys first: j/k scroll it, Esc (or Enter) closes it.
    if let Some(panel) = &mut view.comments {
        let last = panel.comments.len().saturating_sub(1);
        match action {
            Action::Down => panel.scroll = (panel.scroll + 1).min(last),
            Action::Up => panel.scroll = panel.scroll.saturating_sub(1),
            Action::Back | Action::Open => view.comments = None,
            _ => {}
        }
        app.overlay = Some(super::Overlay::Insight(view));
        return Vec::new();
    }
    match action {
        Action::Down => view.row = (view.row + 1).min(view.insight.rows() - 1),
        Action::Up => view.row = view.row.saturating_sub(1),
        Action::ColumnLeft => view.column = view.column.saturating_sub(1),
        Action::ColumnRight => view.column = (view.column + 1).min(view.columns() - 1),
        Action::CycleGroup => {
            let (by, preset) = (view.by.next(), view.preset);
            recompute(app, &mut view, by, preset);
        }
        Action::PeriodPrev | Action::PeriodNext => {
            let (by, preset) = (view.by, view.preset.step(action == Action::PeriodNext));
            recompute(app, &mut view, by, preset);
        }
        Action::Open => view.comments = panel(app, &view),
        Action::PresidentReport | Action::Digest => {
            let period = view.insight.period;
            let since = document_since(app, period);
            // The document replaces the view when it opens; if it cannot, the view stays.
            app.overlay = Some(super::Overlay::Insight(view));
            return if action == Action::PresidentReport {
                super::document::open_president(app, since, period.until)
            } else {
                super::document::open_digest(app, since, period.until)
            };
        }
        Action::Back => return Vec::new(),
        _ => {}
    }
    app.overlay = Some(super::Overlay::Insight(view));
    Vec::new()
}

/// The comments behind the selected number.
fn panel(app: &App, view: &InsightView) -> Option<CommentsPanel> {
    let group = view.insight.row(view.row)?;
    let question = view.selected_question().map(String::from);
    Some(CommentsPanel {
        group: group.label.clone(),
        comments: comments(
            &app.data,
            &group.key,
            question.as_deref(),
            view.insight.period,
        ),
        question,
        scroll: 0,
    })
}

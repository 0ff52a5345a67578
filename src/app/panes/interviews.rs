//! The booked interviews: their cursor, rows and keys. Enter opens the interview form
//! (`app::form_keys`); the invitation and pre-brief steps are in `app::triage`.

use super::PaneKind;
use crate::app::act::open_customer;
use crate::app::selection::{clamp, place};
use crate::app::{App, Effect, form_keys, triage};
use crate::core::{Interview, InterviewId};
use crate::keymap::{Action, KeyContext};

/// Interviews pane state.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct InterviewsPane {
    /// Selected booked interview.
    pub selected: usize,
    /// The interview under the cursor, so a re-sorted list keeps it selected.
    anchor: Option<InterviewId>,
}

impl App {
    /// Booked interviews (in progress first, then soonest).
    pub fn booked_interviews(&self) -> Vec<&Interview> {
        self.lists
            .booked
            .iter()
            .filter_map(|&at| self.data.interviews.get(at))
            .collect()
    }

    /// The selected booked interview, if any.
    pub fn selected_interview(&self) -> Option<&Interview> {
        self.booked_interviews()
            .get(self.interviews.selected)
            .copied()
    }
}

/// The interviews pane in the registry.
pub(super) struct Interviews;

impl PaneKind for Interviews {
    fn title(&self) -> &'static str {
        "Interviews"
    }

    fn context(&self) -> KeyContext {
        KeyContext::Interview
    }

    fn len(&self, app: &App) -> usize {
        app.booked_interviews().len()
    }

    fn cursor<'a>(&self, app: &'a mut App) -> &'a mut usize {
        &mut app.interviews.selected
    }

    fn clamp(&self, app: &mut App) {
        app.interviews.selected = clamp(app.interviews.selected, app.booked_interviews().len());
        app.interviews.anchor = app.selected_interview().map(|i| i.id);
    }

    fn restore(&self, app: &mut App) {
        let (anchor, row) = (app.interviews.anchor, app.interviews.selected);
        app.interviews.selected = {
            let booked = app.booked_interviews();
            let ids = booked.iter().enumerate().map(|(at, i)| (at, i.id));
            place(ids, booked.len(), anchor, row)
        };
    }

    fn perform(&self, app: &mut App, action: Action) -> Vec<Effect> {
        match action {
            Action::Open => match app.selected_interview().cloned() {
                Some(interview) => form_keys::open(app, interview),
                None => Vec::new(),
            },
            Action::OpenCustomer => match app.selected_interview().map(|i| i.customer) {
                Some(id) => open_customer(app, id),
                None => Vec::new(),
            },
            Action::CopyInvitation | Action::MarkInvited | Action::MarkPreBriefed => {
                triage::perform(app, action)
            }
            Action::Reschedule | Action::CancelInterview => {
                crate::app::asks_tasks::interview_prompt(app, action)
            }
            _ => Vec::new(),
        }
    }

    fn has_countdowns(&self, app: &App) -> bool {
        // "in 3 h" on a booking counts down; not while an overlay hides the pane.
        app.overlay.is_none() && !app.booked_interviews().is_empty()
    }
}

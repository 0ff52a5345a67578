//! A document (debrief, President report, workforce digest, formal report to the customer)
//! being read, and the keys that open one. The text is the same Markdown `hearback report`
//! writes, built from the dashboard's records, queue and risk at its `now`.

use super::{App, Effect, Overlay};
use crate::core::queue::{ItemKind, Subject};
use crate::core::report::{Period, Sources};
use crate::core::{FollowUpId, Instant, InterviewId};
use crate::io::report as markdown;
use crate::keymap::Action;

/// How many lines Space/PgDn and PgUp move: the text lines on screen, which is the screen's
/// height less the status line and the view's two borders (21 at 80x24), at least one.
pub fn page(app: &App) -> u16 {
    app.screen.1.saturating_sub(3).max(1)
}

/// The document on screen.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DocumentView {
    /// Shown in the border.
    pub title: String,
    /// The Markdown text, as `hearback report` writes it.
    pub text: String,
    /// First line shown.
    pub scroll: u16,
    /// What it is, for messages: `debrief`, `President report`, `workforce digest`, `report
    /// to the customer`.
    pub kind: String,
    /// The view it was opened from (e.g. insight), shown again when it closes.
    pub back_to: Option<Box<Overlay>>,
    /// What the lead should know before handing the document on (e.g. what the customer's
    /// copy leaves out): shown above it, never part of it (`y` copies `text` only).
    pub notes: Vec<String>,
    /// Set when the document is a letter (`app::letter`): its own keys apply.
    pub letter: Option<super::letter::LetterRef>,
}

impl DocumentView {
    /// How many lines the text has.
    pub fn line_count(&self) -> usize {
        self.text.lines().count()
    }

    /// The furthest the first shown line can go: the last line.
    fn max_scroll(&self) -> u16 {
        u16::try_from(self.line_count().saturating_sub(1)).unwrap_or(u16::MAX)
    }
}

/// The sources of a document, from what the dashboard holds.
pub(super) fn sources(app: &App) -> Sources<'_> {
    Sources {
        data: &app.data,
        items: &app.items,
        risk: &app.risk,
        questions: &app.rules.questions,
        work_week: &app.rules.work_week,
        now: app.now,
    }
}

/// Shows `text`, or says why there is none and leaves the screen as it was.
fn show(app: &mut App, result: Result<String, markdown::DocumentError>, title: String, kind: &str) {
    match result {
        Ok(text) => {
            let back_to = app.overlay.take().map(Box::new);
            app.overlay = Some(Overlay::Document(DocumentView {
                title,
                text,
                scroll: 0,
                kind: kind.to_string(),
                back_to,
                notes: Vec::new(),
                letter: None,
            }));
        }
        Err(e) => app.message = Some(format!("cannot open the {kind}: {e}")),
    }
}

/// Opens the debrief of an interview.
pub(super) fn open_debrief(app: &mut App, interview: InterviewId) -> Vec<Effect> {
    let customer = app
        .data
        .interviews
        .iter()
        .find(|i| i.id == interview)
        .and_then(|i| app.data.customer(i.customer))
        .map_or_else(String::new, |c| format!("{} ", c.name));
    let title = format!("Debrief · {customer}({interview})");
    let result = markdown::debrief(&sources(app), interview);
    show(app, result, title, "debrief");
    Vec::new()
}

/// Opens the formal report to the customer on a follow-up. What the customer's copy leaves
/// out (and what to put right before presenting it) is shown above the report, outside it, as
/// the command line says it on stderr. It is recorded as presented with `x` on its queue item,
/// as the debrief is: the same [`crate::core::discharge`] as `report customer --record`.
pub(super) fn open_customer_report(app: &mut App, followup: FollowUpId) -> Vec<Effect> {
    let kind = "report to the customer";
    let customer = app
        .data
        .followups
        .iter()
        .find(|f| f.id == followup)
        .and_then(|f| app.data.customer(f.customer))
        .map_or_else(String::new, |c| format!("{} ", c.name));
    let title = format!("Report to the customer · {customer}({followup})");
    let days = app.rules.policy.deadlines.action_followup_days;
    let result = markdown::customer(&sources(app), followup, days);
    let notes: Vec<String> = result
        .as_ref()
        .map(|(_, doc)| doc.notes.iter().map(ToString::to_string).collect())
        .unwrap_or_default();
    show(app, result.map(|(text, _)| text), title, kind);
    if let Some(Overlay::Document(view)) = &mut app.overlay {
        view.notes = notes;
    }
    Vec::new()
}

/// The period `[since, until)` as the documents show it, for titles.
fn period_label(app: &App, period: Period) -> String {
    crate::core::report::format::period_of(&app.rules.work_week, period)
}

/// Opens the President report for `[since, until)`.
pub(super) fn open_president(app: &mut App, since: Instant, until: Instant) -> Vec<Effect> {
    let kind = "President report";
    match Period::new(since, until) {
        Ok(period) => {
            let title = format!("President report · {}", period_label(app, period));
            let result = markdown::president(&sources(app), period);
            show(app, result, title, kind);
        }
        Err(e) => app.message = Some(format!("cannot open the {kind}: {e}")),
    }
    Vec::new()
}

/// Opens the workforce digest for `[since, until)`.
pub(super) fn open_digest(app: &mut App, since: Instant, until: Instant) -> Vec<Effect> {
    let kind = "workforce digest";
    match Period::new(since, until) {
        Ok(period) => {
            let title = format!("Workforce digest · {}", period_label(app, period));
            let result = markdown::digest(&sources(app), period);
            show(app, result, title, kind);
        }
        Err(e) => app.message = Some(format!("cannot open the {kind}: {e}")),
    }
    Vec::new()
}

/// Queue `r`: the document the selected item asks for. A formal report item opens the report
/// to the customer on its follow-up. A report or digest item opens the document for the whole
/// weeks from the week its interview was completed to this week (`Period::weeks_from`): that
/// interview, the others of those weeks, and a comparison with the same number of weeks
/// before.
pub(super) fn open_for_selected_item(app: &mut App) -> Vec<Effect> {
    let Some((kind, subject)) = app.selected_item().map(|i| (i.kind, i.subject)) else {
        app.message = Some("the queue is empty: there is no item to read a document for".into());
        return Vec::new();
    };
    if let (ItemKind::FormalReport, Subject::FollowUp(id)) = (kind, subject) {
        return open_customer_report(app, id);
    }
    let interview = match subject {
        Subject::Interview(id) => Some(id),
        _ => None,
    };
    match (kind, interview) {
        (ItemKind::Debrief | ItemKind::InformExecutives, Some(id)) => open_debrief(app, id),
        (ItemKind::ReportPresident | ItemKind::Disseminate, Some(id)) => {
            let completed = app
                .data
                .interviews
                .iter()
                .find(|i| i.id == id)
                .and_then(|i| i.completed_at);
            let Some(completed) = completed else {
                app.message = Some(format!("{id} has no completion time: nothing to report"));
                return Vec::new();
            };
            let weeks = Period::weeks_from(completed, app.now, &app.rules.work_week);
            // Whole weeks always have a start; the interview's own time stands in otherwise.
            let since = weeks.since.unwrap_or(completed);
            if kind == ItemKind::ReportPresident {
                open_president(app, since, weeks.until)
            } else {
                open_digest(app, since, weeks.until)
            }
        }
        _ => {
            app.message = Some(format!(
                "\"{}\" asks for a call or an action, not a document; r reads the document of a debrief, inform-executives, report, disseminate or formal report item",
                kind.label()
            ));
            Vec::new()
        }
    }
}

/// A key's action while a document is open.
pub(super) fn perform(app: &mut App, action: Action) -> Vec<Effect> {
    let page = page(app);
    let Some(Overlay::Document(view)) = &mut app.overlay else {
        return Vec::new();
    };
    let max = view.max_scroll();
    if let Some(letter) = view.letter
        && matches!(action, Action::WriteEmail | Action::MarkSent)
    {
        return super::letter::perform(app, letter, action);
    }
    match action {
        Action::Down => view.scroll = view.scroll.saturating_add(1).min(max),
        Action::Up => view.scroll = view.scroll.saturating_sub(1),
        Action::PageDown => view.scroll = view.scroll.saturating_add(page).min(max),
        Action::PageUp => view.scroll = view.scroll.saturating_sub(page),
        Action::First => view.scroll = 0,
        Action::Last => view.scroll = max,
        Action::CopyDocument => {
            let text = view.text.clone();
            app.message = Some(format!(
                "copied the {} ({} lines) to the clipboard",
                view.kind,
                view.line_count()
            ));
            return vec![Effect::Copy(text)];
        }
        Action::Back => {
            let back = view.back_to.take();
            app.overlay = back.map(|b| *b);
        }
        _ => {}
    }
    Vec::new()
}

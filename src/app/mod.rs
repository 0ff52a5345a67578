//! The dashboard's state machine: [`App`] holds everything shown; [`update`] turns a [`Msg`]
//! (a key, a tick, a finished save) into state changes and [`Effect`]s for the runtime to carry
//! out off the input path. No terminal, no disk, no clock in here: tests drive it with
//! messages and read the state.

mod act;
mod alerts;
mod asks;
mod asks_tasks;
mod calendar;
mod command_line;
mod document;
mod form;
mod form_complete;
mod form_keys;
mod forms;
mod forms_request;
mod forms_tasks;
mod history;
mod insight;
mod letter;
mod lists;
mod msg;
mod panes;
mod prompt;
mod review;
mod saved;
mod selection;
pub mod soft_wrap;
mod staff;
mod steps;
mod triage;
mod update;
mod views;

pub use calendar::CalendarView;
pub use command_line::{
    Candidate, CommandLine, CommandWords, Completion, Cycle, Flag, Positional, Refers, Values,
    Vocabulary, common_prefix, complete,
};
pub use document::DocumentView;
pub use form::{Form, WIDE, comment_width, questions_width};
pub use form_keys::discard_question;
pub use history::FOLLOWED_UP;
pub use insight::InsightView;
pub use msg::{Effect, Msg};
pub use panes::{
    ActionsPane, CustomerRow, CustomerSort, CustomersPane, InterviewsPane, Pane, QueuePane,
    action_column, card_order,
};
pub use prompt::{ActionFor, Field, Prompt, PromptKind};
pub use review::ReviewView;
pub use staff::{StaffView, staff_rows};
pub use update::update;
pub use views::Rows;

use crate::core::business_time::WorkWeek;
use crate::core::policy::Policy;
use crate::core::queue::{Item, queue, refresh_telling};
use crate::core::risk::{Assessment, assess, assess_of};
use crate::core::undo::Undo;
use crate::core::{ChangeSet, CustomerId, Dataset, Instant, QuestionSet, TimelineEvent};
use std::collections::HashMap;

/// The rules in force: what the queue enforces. The one settings type of hearback: the
/// command line builds it once per run from the shipped defaults and the user's config file
/// (`config::load`, the only reader of that file) and hands it down to the dashboard and the
/// handlers. Named fields only, so adding a setting is one field here and one line there.
#[derive(Clone, Debug)]
pub struct Rules {
    /// Time limits.
    pub policy: Policy,
    /// Working days and day boundaries.
    pub work_week: WorkWeek,
    /// The interview questions.
    pub questions: QuestionSet,
    /// The dashboard's keys: the defaults with the config file's `[keys.<mode>]` on top.
    pub keys: crate::keymap::Keymap,
    /// When and how the dashboard raises notifications (`[notifications]`).
    pub notifications: crate::core::alerts::Settings,
}

impl Rules {
    /// Today's date for the monitors at `now` (at the business calendar's offset), with the
    /// policy's thresholds.
    pub fn monitoring(&self, now: Instant) -> crate::core::monitors::Monitoring<'_> {
        crate::core::monitors::Monitoring::new(now, self.work_week.offset, &self.policy)
    }
}

/// What is drawn over the panes.
#[derive(Clone, Debug, PartialEq)]
pub enum Overlay {
    /// The empty-store welcome: demo data on one key, or how to import.
    Welcome,
    /// Every key of the focused pane.
    Help,
    /// One customer in full; its timeline arrives by message.
    Customer {
        /// Which.
        id: CustomerId,
        /// Scroll offset of the detail text.
        scroll: u16,
    },
    /// A small form (assign, context, snooze, owner, due date).
    Prompt(Prompt),
    /// Quit with a save still in flight: asks before leaving.
    ConfirmQuit,
    /// An irreversible step waiting for a yes.
    Confirm(Confirm),
    /// Scores compared across groups and over time (full screen).
    Insight(InsightView),
    /// The feedback calendar's month view (full screen).
    Calendar(CalendarView),
    /// A debrief, President report or digest being read (full screen).
    Document(DocumentView),
    /// Our people, their roles and who counts as senior management (full screen).
    Staff(StaffView),
    /// The weekly review: closed, slipped, response times (full screen).
    Review(ReviewView),
}

impl Overlay {
    /// Whether it takes the whole screen above the status line (the panes are not drawn).
    pub fn is_full_screen(&self) -> bool {
        matches!(
            self,
            Overlay::Insight(_)
                | Overlay::Calendar(_)
                | Overlay::Document(_)
                | Overlay::Staff(_)
                | Overlay::Review(_)
        )
    }
}

/// A step that closes something, held until the user says yes.
#[derive(Clone, Debug, PartialEq)]
pub struct Confirm {
    /// The question, naming the item and the customer.
    pub question: String,
    /// What is saved on yes.
    pub changes: ChangeSet,
    /// What the save is called in messages.
    pub label: String,
}

/// What every screen shows once the store reported a disk error: nothing is saved any more,
/// and only a restart (which reads what is really on disk) gets out of it.
pub const DISK_FAILED: &str = "NOT SAVED: the disk reported an error; quit and restart";

/// Whether the last change reached the disk.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveState {
    /// Nothing unsaved.
    Saved,
    /// This many saves are on their way to disk.
    Saving(usize),
    /// The last save failed; the message says why. Nothing was applied.
    Failed(String),
}

/// The whole dashboard state.
#[derive(Clone, Debug)]
pub struct App {
    /// The records, as last confirmed by the store.
    pub data: Dataset,
    /// The queue at `now` (every item; panes filter). Read it; only [`App::recompute`] and
    /// [`App::advance`] change it, since the panes' rows are remembered per change.
    pub items: Vec<Item>,
    /// Risk of every current customer (changed only with `items`, likewise).
    pub risk: HashMap<CustomerId, Assessment>,
    /// Rules in force.
    pub rules: Rules,
    /// The current time (ticks move it; `--now` fixes it).
    pub now: Instant,
    /// Set when `--now` replaced the clock; shown in the status line.
    pub fixed_now: bool,
    /// Where the data is, for the status line.
    pub data_dir: String,
    /// Who acts, for the timeline.
    pub actor: String,
    /// The focused pane.
    pub focus: Pane,
    /// Whether the focused pane has the whole screen (`Z`); the pane keys then switch which
    /// pane is shown zoomed.
    pub zoomed: bool,
    /// Customers pane state.
    pub customers: CustomersPane,
    /// Queue pane state.
    pub queue: QueuePane,
    /// Interviews pane state.
    pub interviews: InterviewsPane,
    /// Action board state.
    pub actions: ActionsPane,
    /// What is drawn on top, if anything.
    pub overlay: Option<Overlay>,
    /// The overlay the help was opened over; it comes back when help closes.
    pub under_help: Option<Overlay>,
    /// The timeline of the customer in the detail view, once loaded.
    pub timeline: Option<(CustomerId, Vec<TimelineEvent>)>,
    /// Save state for the status line.
    pub save: SaveState,
    /// A one-line message for the status line (errors, confirmations).
    pub message: Option<String>,
    /// Set for good once the store reported a disk error ([`DISK_FAILED`] on every screen).
    pub disk_failed: bool,
    /// Ticks left before the message goes (see `update::MESSAGE_TICKS`).
    message_ticks: u8,
    /// The last step saved from here, while `u` can still undo it.
    pub undo: Option<Undo>,
    /// Set when the app should end.
    pub quit: bool,
    /// Draw in colour (false when `NO_COLOR` is set; the runtime decides).
    pub color: bool,
    /// The live interview form, while an interview is being recorded (drawn over the panes).
    pub form: Option<Form>,
    /// A form left open in the background with `q`/Esc; Enter on its interview brings it back.
    pub parked: Option<Form>,
    /// The terminal's size (columns, rows), from [`Msg::Resize`]; 80x24 until told.
    pub screen: (u16, u16),
    /// Open follow-ups that need senior management while nobody counts as one (status line);
    /// set by [`App::recompute`] (a tick never changes it).
    pub senior_gaps: usize,
    /// Where the panes' lists are in the data; rebuilt by [`App::recompute`].
    lists: lists::Lists,
    /// Moves on whenever the data, the queue or risk change: the views' memos are keyed by it.
    generation: u64,
    /// The command line (`:`), while it is open.
    pub command: Option<CommandLine>,
    /// The commands run from it, oldest first ([`App::set_command_history`]).
    command_history: Vec<String>,
    /// What its Tab completes from ([`App::set_vocabulary`]).
    vocabulary: Vocabulary,
    /// Output of finished commands waiting until the user is back from a form (oldest first).
    pub command_output: Vec<DocumentView>,
    /// Set while the whole history is being read (see `app::history`).
    history_asked: bool,
    /// The key that asked for the history, carried out once it is here.
    after_history: Option<crate::keymap::Action>,
    /// Notifications waiting for their minute, and the unread count of the status line.
    pub alerts: crate::core::alerts::Alerts,
    /// The highest follow-up id seen: one above it is a new low score (see `app::alerts`).
    followup_mark: Option<crate::core::FollowUpId>,
}

impl App {
    /// A dashboard over `data` at `now`.
    pub fn new(
        data: Dataset,
        rules: Rules,
        now: Instant,
        fixed_now: bool,
        data_dir: String,
        actor: String,
    ) -> App {
        let mut app = App {
            items: Vec::new(),
            risk: HashMap::new(),
            overlay: data.is_empty().then_some(Overlay::Welcome),
            under_help: None,
            data,
            rules,
            now,
            fixed_now,
            data_dir,
            actor,
            focus: Pane::Queue,
            zoomed: false,
            customers: CustomersPane::default(),
            queue: QueuePane::default(),
            interviews: InterviewsPane::default(),
            actions: ActionsPane::default(),
            timeline: None,
            save: SaveState::Saved,
            message: None,
            disk_failed: false,
            message_ticks: 0,
            undo: None,
            quit: false,
            color: true,
            form: None,
            parked: None,
            screen: (80, 24),
            senior_gaps: 0,
            lists: lists::Lists::default(),
            generation: 0,
            command: None,
            command_history: Vec::new(),
            vocabulary: Vocabulary::default(),
            command_output: Vec::new(),
            history_asked: false,
            after_history: None,
            alerts: crate::core::alerts::Alerts::default(),
            followup_mark: None,
        };
        app.followup_mark = alerts::followup_mark(&app);
        app.recompute();
        app
    }

    /// Reopens an autosaved draft (at start-up, after a crash or a kill) where it was.
    pub fn resume(&mut self, draft: crate::core::Draft) {
        self.overlay = None;
        self.message = Some(format!(
            "resumed the draft of {} where it was",
            draft.interview.id
        ));
        self.form = Some(Form::resume(draft));
    }

    /// Recomputes the queue, risk and the panes' lists from the data. Call it after every
    /// change of `data`: the lists hold positions in it.
    pub fn recompute(&mut self) {
        self.items = queue(
            &self.data,
            &self.rules.policy,
            &self.rules.work_week,
            self.now,
        );
        self.risk = assess(&self.data, &self.items, self.rules.monitoring(self.now));
        self.senior_gaps = senior_gaps(&self.items);
        self.lists = lists::Lists::build(&self.data, &self.items);
        self.generation += 1;
        self.restore_selections();
    }

    /// Moves the clock to `now` (a tick): the queue's states move forward, and risk with them
    /// when any changed.
    pub fn advance(&mut self, now: Instant) {
        if self.fixed_now || now <= self.now {
            return;
        }
        let day_before = self.rules.monitoring(self.now).today;
        self.now = now;
        let refreshed = refresh_telling(&mut self.items, &self.rules.work_week, now);
        self.note_overdue(&refreshed.turned_overdue);
        let mut moved = refreshed.customers;
        // The monitors count by date: a new day can move any customer's figures.
        if self.rules.monitoring(now).today != day_before {
            moved.extend(self.data.monitors.iter().map(|m| m.customer));
        }
        if !moved.is_empty() {
            // Risk reads the customers' own items: only those whose items moved are assessed.
            for id in &moved {
                self.risk.remove(id);
            }
            let scope = crate::core::reach::Scope::Only(&moved);
            let m = self.rules.monitoring(self.now);
            self.risk
                .extend(assess_of(&self.data, &self.items, scope, m));
            self.generation += 1;
            self.restore_selections();
            #[cfg(debug_assertions)]
            self.assert_in_step();
        }
    }

    /// Whether a visible countdown changes with time (so ticks must redraw).
    pub fn has_countdowns(&self) -> bool {
        Pane::ALL.iter().any(|p| p.kind().has_countdowns(self))
    }
}

/// Open follow-ups in `items` that need senior management while nobody counts as one.
fn senior_gaps(items: &[Item]) -> usize {
    items.iter().filter(|i| i.lacks_senior_manager()).count()
}

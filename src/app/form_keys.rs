//! Keys while the interview form is open, looked up in the key table (modes `form`, `editor`,
//! `summary`, `discard`). Outside the comment editor every key is one action (a digit scores
//! and moves on); inside it, keys are text, with the editor's own word moves, undo and paste,
//! and its few command keys (leave, complete). Once the interview has started (first score, comment,
//! flag, or `t`), every change, cursor moves included, asks for a draft save; before that,
//! nothing is saved and leaving leaves nothing.

use super::form::Form;
use super::prompt::{Field, Prompt, PromptKind};
use super::{App, Effect, Overlay};
use crate::core::interview_flow::blank_answers;
use crate::core::{Change, ChangeSet, Interview, Score};
use crate::keymap::{Action, KeyContext, lookup};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui_textarea::CursorMove;

/// Opens the form on a booked interview (or brings back the one left open).
pub fn open(app: &mut App, mut interview: Interview) -> Vec<Effect> {
    if let Some(parked) = app.parked.take() {
        if parked.interview.id == interview.id {
            app.form = Some(parked);
            return Vec::new();
        }
        let id = parked.interview.id;
        app.parked = Some(parked);
        app.message = Some(format!(
            "{id} is still in progress: open it and complete it first (its draft is saved)"
        ));
        return Vec::new();
    }
    if interview.answers.is_empty() {
        interview.answers = blank_answers(&app.rules.questions);
    }
    // Looking is not starting: no timer and no draft until something is entered.
    app.form = Some(Form::open(interview));
    Vec::new()
}

/// Bumps the form's version and asks for its draft to be saved.
fn save(app: &mut App) -> Vec<Effect> {
    let now = app.now;
    match &mut app.form {
        Some(form) => {
            form.version += 1;
            vec![Effect::SaveDraft {
                draft: form.draft(now),
                version: form.version,
            }]
        }
        None => Vec::new(),
    }
}

/// Handles a key while the form is open: the form's keys (or the comment editor's command
/// keys, the summary's or the discard question's) from the key table; in the editor every
/// other key is text.
pub fn key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let Some(form) = &app.form else {
        return Vec::new();
    };
    if form.confirming {
        return super::form_complete::confirm_key(app, key);
    }
    if form.discarding {
        return discard_key(app, key);
    }
    if form.editor.is_some() {
        return editor_key(app, key);
    }
    let Some(action) = lookup(&app.rules.keys, KeyContext::Form, &key) else {
        return Vec::new();
    };
    form_action(app, action)
}

/// Keys in the comment editor: its command keys from the table, then text.
fn editor_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    // Shift with a named key (Shift-arrows) is the editor's own, never a command.
    let shifted =
        key.modifiers.contains(KeyModifiers::SHIFT) && !matches!(key.code, KeyCode::Char(_));
    let action = if shifted {
        None
    } else {
        lookup(&app.rules.keys, KeyContext::Editor, &key)
    };
    if action == Some(Action::Suspend) {
        return vec![Effect::Suspend];
    }
    let now = app.now;
    let wrap = usize::from(super::form::comment_width(app.screen.0));
    let Some(form) = &mut app.form else {
        return Vec::new();
    };
    let Some(editor) = &mut form.editor else {
        return Vec::new();
    };
    match action {
        // Up and Down move by line on screen: a long comment is soft-wrapped.
        Some(a @ (Action::Up | Action::Down)) => {
            let lines = editor.lines();
            let segments = super::soft_wrap::layout(lines, wrap);
            let Some((row, col)) =
                super::soft_wrap::vertical(&segments, lines, editor.cursor(), a == Action::Down)
            else {
                return Vec::new();
            };
            let at = |n: usize| u16::try_from(n).unwrap_or(u16::MAX);
            editor.move_cursor(CursorMove::Jump(at(row), at(col)));
        }
        Some(Action::Leave) => {
            form.sync_editor();
            form.editor = None;
        }
        Some(Action::Complete) => {
            form.sync_editor();
            form.editor = None;
            return super::form_complete::summary(app);
        }
        _ => {
            let before = editor.cursor();
            if editor.input(key) {
                form.sync_editor();
                form.start(now);
            } else if editor.cursor() == before {
                return Vec::new();
            }
            // A cursor-only move is saved too: the draft brings the cursor back there.
        }
    }
    save_if_started(app)
}

/// Does one of the form's actions.
fn form_action(app: &mut App, action: Action) -> Vec<Effect> {
    let now = app.now;
    match action {
        Action::Suspend => return vec![Effect::Suspend],
        Action::Help => {
            app.under_help = app.overlay.take();
            app.overlay = Some(Overlay::Help);
            return Vec::new();
        }
        Action::EditPreBrief => return prebrief_prompt(app),
        Action::Complete => return super::form_complete::summary(app),
        _ => {}
    }
    let Some(form) = &mut app.form else {
        return Vec::new();
    };
    let last = form.interview.answers.len().saturating_sub(1);
    // Keys that record something start the interview; moving about is only looking.
    let entry = matches!(
        action,
        Action::Score(_)
            | Action::NotAsked
            | Action::Individual
            | Action::SignificantIssue
            | Action::StartTimer
    );
    match action {
        Action::Score(n) => {
            if let Some(answer) = form.interview.answers.get_mut(form.question) {
                answer.score = Score::new(n);
            }
            form.question = (form.question + 1).min(last);
        }
        Action::NotAsked => {
            if let Some(answer) = form.interview.answers.get_mut(form.question) {
                answer.score = None;
            }
            form.question = (form.question + 1).min(last);
        }
        Action::Down => form.question = (form.question + 1).min(last),
        Action::Up => form.question = form.question.saturating_sub(1),
        Action::Comment => form.open_editor(),
        Action::Individual => {
            if let Some(answer) = form.interview.answers.get_mut(form.question) {
                answer.individual = answer.individual.cycle();
            }
        }
        Action::SignificantIssue => {
            form.interview.significant_issue = !form.interview.significant_issue
        }
        Action::StartTimer => {}
        Action::DiscardDraft => {
            if form.started() {
                form.discarding = true;
            } else {
                app.message = Some("nothing entered yet, so there is no draft to discard".into());
            }
            return Vec::new();
        }
        Action::Leave if !form.started() => {
            app.form = None;
            app.message = Some(
                "form closed: nothing was entered, so nothing was saved; the interview is still booked"
                    .into(),
            );
            return Vec::new();
        }
        Action::Leave => {
            // Leave the form open in the background: its draft is saved and it reopens with Enter.
            app.parked = app.form.take();
            let resume = app.rules.keys.keys_of(KeyContext::Interview, Action::Open);
            let resume = resume.first().map_or("", String::as_str);
            app.message = Some(format!(
                "interview left open: its draft is saved; {resume} on it in Interviews resumes"
            ));
            return Vec::new();
        }
        _ => return Vec::new(),
    }
    if entry {
        form.start(now);
    }
    save_if_started(app)
}

/// Saves the draft once the interview has started; before that there is nothing to keep.
fn save_if_started(app: &mut App) -> Vec<Effect> {
    if app.form.as_ref().is_some_and(Form::started) {
        save(app)
    } else {
        Vec::new()
    }
}

/// The discard question's text, naming whose interview it is.
pub fn discard_question(app: &App, form: &Form) -> String {
    let name = app
        .data
        .customer(form.interview.customer)
        .map_or_else(|| form.interview.customer.to_string(), |c| c.name.clone());
    // The first key of yes and of no, as the question has always read (`y/n`).
    let key = |action| {
        app.rules
            .keys
            .keys_of(KeyContext::Discard, action)
            .into_iter()
            .next()
            .unwrap_or_default()
    };
    format!(
        "Discard the draft of {name}'s interview? Everything typed is lost. {}/{}",
        key(Action::Confirm),
        key(Action::Back)
    )
}

/// Keys on the discard question: yes deletes the draft durably (the interview stays booked,
/// as it was before the form was opened); anything else keeps it.
fn discard_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let action = lookup(&app.rules.keys, KeyContext::Discard, &key);
    if action == Some(Action::Suspend) {
        return vec![Effect::Suspend];
    }
    let Some(form) = &mut app.form else {
        return Vec::new();
    };
    form.discarding = false;
    if action != Some(Action::Confirm) {
        app.message = Some("draft kept".into());
        return Vec::new();
    }
    let id = form.interview.id;
    let mut changes = ChangeSet::new();
    changes.push(Change::DiscardDraft(id));
    // The form closes when the store confirms (see `update`), like a completion.
    let label = format!("draft of {id} discarded; the interview is booked as before");
    super::act::commit(app, changes, label)
}

/// `e`: edits the customer's pre-brief notes (one line each; the form stays open beneath).
fn prebrief_prompt(app: &mut App) -> Vec<Effect> {
    let Some(customer) = app
        .form
        .as_ref()
        .and_then(|f| app.data.customer(f.interview.customer))
    else {
        return Vec::new();
    };
    let p = &customer.prebrief;
    let fields = vec![
        Field::filled("Successes", "what has gone well", &p.successes),
        Field::filled("Problems", "what has gone wrong", &p.problems),
        Field::filled("Issues", "open issues to know about", &p.issues),
        Field::filled(
            "Culture and personalities",
            "how they work and decide",
            &p.personality,
        ),
    ];
    let title = format!("Pre-brief notes: {}", customer.name);
    app.overlay = Some(Overlay::Prompt(Prompt::new(
        PromptKind::PreBrief(customer.id),
        title,
        fields,
    )));
    Vec::new()
}

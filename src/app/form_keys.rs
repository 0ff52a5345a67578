//! Keys while the interview form is open. Outside the comment editor every key is one action
//! (a digit scores and moves on); inside it, keys are text, with the editor's own word moves,
//! undo and paste, and Esc leaves it. Every change asks for a draft save.

use super::form::Form;
use super::prompt::{Field, Prompt, PromptKind};
use super::{App, Effect, Overlay};
use crate::core::completion::plan_completion;
use crate::core::interview_flow::blank_answers;
use crate::core::{Change, IdAllocator, Interview, Score};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

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
    app.form = Some(Form::open(interview, app.now));
    save(app)
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

/// Handles a key while the form is open.
pub fn key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    if ctrl && key.code == KeyCode::Char('z') {
        return vec![Effect::Suspend];
    }
    let Some(form) = &mut app.form else {
        return Vec::new();
    };
    if form.confirming {
        return confirm_key(app, key);
    }
    if let Some(editor) = &mut form.editor {
        match key.code {
            KeyCode::Esc => {
                form.sync_editor();
                form.editor = None;
            }
            KeyCode::Char('s') if ctrl => {
                form.sync_editor();
                form.editor = None;
                return summary(app);
            }
            _ => {
                if !editor.input(key) {
                    return Vec::new();
                }
                form.sync_editor();
            }
        }
        return save(app);
    }
    let last = form.interview.answers.len().saturating_sub(1);
    match key.code {
        KeyCode::Char(c @ '1'..='5') if !ctrl => {
            let score = c
                .to_digit(10)
                .and_then(|d| u8::try_from(d).ok())
                .and_then(Score::new);
            if let Some(answer) = form.interview.answers.get_mut(form.question) {
                answer.score = score;
            }
            form.question = (form.question + 1).min(last);
        }
        KeyCode::Char('0' | 'n') if !ctrl => {
            if let Some(answer) = form.interview.answers.get_mut(form.question) {
                answer.score = None;
            }
            form.question = (form.question + 1).min(last);
        }
        KeyCode::Tab | KeyCode::Down | KeyCode::Char('j') => {
            form.question = (form.question + 1).min(last)
        }
        KeyCode::BackTab | KeyCode::Up | KeyCode::Char('k') => {
            form.question = form.question.saturating_sub(1)
        }
        KeyCode::Enter | KeyCode::Char('c') if !ctrl => form.open_editor(),
        KeyCode::Char('i') if !ctrl => {
            if let Some(answer) = form.interview.answers.get_mut(form.question) {
                answer.individual = answer.individual.cycle();
            }
        }
        KeyCode::Char('!') => form.interview.significant_issue = !form.interview.significant_issue,
        KeyCode::Char('e') if !ctrl => return prebrief_prompt(app),
        KeyCode::Char('s') if ctrl => return summary(app),
        KeyCode::Char('q') | KeyCode::Esc => {
            // Leave the form open in the background: its draft is saved and it reopens with Enter.
            app.parked = app.form.take();
            app.message = Some(
                "interview left open: its draft is saved; Enter on it in Interviews resumes".into(),
            );
            return Vec::new();
        }
        _ => return Vec::new(),
    }
    save(app)
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

/// Ctrl-S: shows what completing will do (low scores, the follow-up and its owners).
fn summary(app: &mut App) -> Vec<Effect> {
    let (data, policy, now) = (&app.data, &app.rules.policy, app.now);
    let Some(form) = &mut app.form else {
        return Vec::new();
    };
    match plan_completion(
        data,
        form.interview.clone(),
        policy,
        now,
        "preview",
        &mut IdAllocator::after(data),
    ) {
        Ok(plan) => {
            form.preview = Some(plan.followup);
            form.confirming = true;
            Vec::new()
        }
        Err(e) => {
            app.message = Some(format!("cannot complete yet: {e}"));
            Vec::new()
        }
    }
}

/// Keys on the completion summary: y/Enter completes in one transaction; anything else goes back.
fn confirm_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let Some(form) = &mut app.form else {
        return Vec::new();
    };
    if !matches!(key.code, KeyCode::Char('y') | KeyCode::Enter) {
        form.confirming = false;
        form.preview = None;
        return Vec::new();
    }
    let (now, actor) = (app.now, app.actor.clone());
    let interview = form.interview.clone();
    let id = interview.id;
    match plan_completion(
        &app.data,
        interview,
        &app.rules.policy,
        now,
        &actor,
        &mut IdAllocator::after(&app.data),
    ) {
        Ok(mut plan) => {
            plan.changes.push(Change::DiscardDraft(id));
            let label = match &plan.followup {
                Some(f) => format!(
                    "{id} completed; {} opened (lowest score {})",
                    f.id,
                    f.severity.get()
                ),
                None => format!("{id} completed"),
            };
            form.completing = true;
            super::triage::commit(app, plan.changes, label)
        }
        Err(e) => {
            form.confirming = false;
            app.message = Some(format!("cannot complete: {e}"));
            Vec::new()
        }
    }
}

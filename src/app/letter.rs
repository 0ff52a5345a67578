//! A letter the selected queue item owes (`m`): the thank-you, the invitation to the
//! follow-up call or the formal report, read in the document view with its From, To and Cc
//! above it. `y` copies the text, `e` writes it as an email file by running `hearback letter
//! KIND ID --eml` (the same file the command line writes), `x` records it as sent.

use super::act::{commit, say};
use super::{App, Confirm, DocumentView, Effect, Overlay};
use crate::core::discharge::closes_a_loop;
use crate::core::letters::{LetterKind, letter, record_sent};
use crate::core::queue::Subject;
use crate::io::letters;
use crate::keymap::Action;

/// Which letter a document view holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LetterRef {
    /// Which letter.
    pub kind: LetterKind,
    /// The record it is about.
    pub subject: Subject,
}

/// Queue `m`: opens the letter the selected item owes.
pub(super) fn open_for_selected_item(app: &mut App) -> Vec<Effect> {
    let Some((kind, subject, customer)) =
        app.selected_item().map(|i| (i.kind, i.subject, i.customer))
    else {
        return say(
            app,
            "the queue is empty: there is no item to write a letter for",
        );
    };
    let Some(which) = LetterKind::for_item(kind) else {
        return say(
            app,
            format!(
                "\"{}\" owes no letter; m writes the letter of a thank-you, low-score follow-up or formal report item",
                kind.label()
            ),
        );
    };
    let src = super::document::sources(app);
    let days = app.rules.policy.deadlines.action_followup_days;
    let written = letter(&src, which, subject)
        .map_err(|e| e.to_string())
        .and_then(|l| {
            letters::words(&src, &l, days)
                .map(|w| (l, w))
                .map_err(|e| e.to_string())
        });
    let (letter, words) = match written {
        Ok(pair) => pair,
        Err(e) => return say(app, format!("cannot write the {}: {e}", which.label())),
    };
    let name = app
        .data
        .customer(customer)
        .map_or_else(String::new, |c| format!("{} ", c.name));
    let mut notes = letters::headers(&letter, &words);
    notes.extend(letter.missing.iter().cloned());
    let back_to = app.overlay.take().map(Box::new);
    app.overlay = Some(Overlay::Document(DocumentView {
        title: format!(
            "Letter · {} · {name}({subject})",
            capitalised(which.label())
        ),
        text: words.body,
        scroll: 0,
        kind: which.label().to_string(),
        back_to,
        notes,
        letter: Some(LetterRef {
            kind: which,
            subject,
        }),
    }));
    Vec::new()
}

/// The keys only a letter has: write the email file, record it sent.
pub(super) fn perform(app: &mut App, letter_ref: LetterRef, action: Action) -> Vec<Effect> {
    match action {
        Action::WriteEmail => {
            let line = format!(
                "letter {} {} --eml",
                letter_ref.kind.as_str(),
                letter_ref.subject
            );
            app.message = Some(format!("writing the {}…", letter_ref.kind.label()));
            vec![Effect::RunCommand { line }]
        }
        Action::MarkSent => sent(app, letter_ref),
        _ => Vec::new(),
    }
}

/// `x` in a letter: records it as sent. The formal report closes the follow-up, so it asks
/// first, as `x` on its queue item does.
fn sent(app: &mut App, letter_ref: LetterRef) -> Vec<Effect> {
    let src = super::document::sources(app);
    let built = letter(&src, letter_ref.kind, letter_ref.subject);
    let result = built.map_err(|e| e.to_string()).and_then(|l| {
        record_sent(&app.data, &l, app.now, &app.actor)
            .map(|set| (l, set))
            .map_err(|e| e.to_string())
    });
    let (letter, changes) = match result {
        Ok(pair) => pair,
        Err(e) => return say(app, e),
    };
    let label = format!(
        "{} sent ({})",
        capitalised(letter_ref.kind.label()),
        letter.fields.customer
    );
    if closes_a_loop(letter_ref.kind.item_kind()) {
        app.overlay = Some(Overlay::Confirm(Confirm {
            question: format!(
                "Record the formal report as sent to {} and close the follow-up ({})?",
                letter.fields.customer, letter_ref.subject
            ),
            changes,
            label,
        }));
        return Vec::new();
    }
    app.overlay = None;
    commit(app, changes, label)
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

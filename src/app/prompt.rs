//! Small forms over the panes: assign a follow-up, record context, snooze, set an action's
//! owner or due date. Single-line fields; Enter moves on and submits from the last field;
//! Esc cancels. What a submitted form changes is decided in `update`.

use crate::core::queue::{ItemKind, Subject};
use crate::core::{ActionId, Instant, when};
use chrono::FixedOffset;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// What the form is for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PromptKind {
    /// Assign the follow-up's owner.
    Assign(Subject),
    /// Record what the customer said (follow-up context).
    Context(Subject),
    /// Snooze a queue item.
    Snooze(ItemKind, Subject),
    /// Set an action's owner.
    ActionOwner(ActionId),
    /// Set an action's due date.
    ActionDue(ActionId),
    /// Edit the customer's pre-brief notes (from the interview form).
    PreBrief(crate::core::CustomerId),
    /// Add one of our people; then make them the owner of this follow-up or action, if given.
    AddStaff {
        /// The follow-up or action whose owner was named but is not on file.
        assign: Option<Subject>,
    },
    /// Book an interview with a customer; `confirmed` once the spacing warning was shown.
    Book {
        /// Whom.
        customer: crate::core::CustomerId,
        /// The user saw the feedback-calendar warning and submits again to book anyway.
        confirmed: bool,
    },
    /// Add a corrective or preventive action (`app::forms_tasks`).
    NewAction(ActionFor),
    /// Add the person named as the new action's owner, then the action (held here) owned
    /// by them, in one save.
    NewActionOwner(Box<Prompt>),
    /// Cancel a booked interview with a reason; asks before saving.
    CancelInterview(crate::core::InterviewId),
    /// Move a booked interview; `confirmed` once the spacing warning was shown.
    Reschedule {
        /// Which.
        interview: crate::core::InterviewId,
        /// The user saw the feedback-calendar warning and submits again to move it anyway.
        confirmed: bool,
    },
    /// Change one of our people: name, email, roles.
    EditStaff(crate::core::StaffId),
    /// Record a major deliverable for a customer.
    Deliverable {
        /// Whose.
        customer: crate::core::CustomerId,
        /// Opened from the customer's detail view: back to it once submitted.
        detail: bool,
    },
    /// Log a customer's request (`app::forms_request`).
    LogRequest {
        /// Whose.
        customer: crate::core::CustomerId,
        /// Opened from the customer's detail view: back to it once submitted.
        detail: bool,
    },
}

/// Whom a new action is for, and where the form was opened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ActionFor {
    /// The customer, when known (from a follow-up or a customer); else the form asks.
    pub customer: Option<crate::core::CustomerId>,
    /// The follow-up it answers (opened on one in the queue).
    pub followup: Option<crate::core::FollowUpId>,
    /// Opened from the customer's detail view: back to it once submitted.
    pub detail: bool,
}

/// One single-line text field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field {
    /// Its label.
    pub label: &'static str,
    /// A hint shown under it.
    pub hint: &'static str,
    /// The text typed so far.
    pub value: String,
    /// Cursor position in chars.
    pub cursor: usize,
    /// A time (read by `core::when`): the form shows what it understood as you type.
    pub time: bool,
}

impl Field {
    /// An empty field.
    pub fn new(label: &'static str, hint: &'static str) -> Field {
        Field {
            label,
            hint,
            value: String::new(),
            cursor: 0,
            time: false,
        }
    }

    /// An empty time field: its preview line shows the time understood.
    pub fn time(label: &'static str, hint: &'static str) -> Field {
        Field {
            time: true,
            ..Field::new(label, hint)
        }
    }

    /// A field holding `value`, cursor at its end.
    pub fn filled(label: &'static str, hint: &'static str, value: &str) -> Field {
        Field {
            label,
            hint,
            value: value.to_string(),
            cursor: value.chars().count(),
            time: false,
        }
    }

    fn byte_at(&self, chars: usize) -> usize {
        self.value
            .char_indices()
            .nth(chars)
            .map_or(self.value.len(), |(i, _)| i)
    }

    /// Inserts a character at the cursor.
    pub fn insert(&mut self, c: char) {
        let at = self.byte_at(self.cursor);
        self.value.insert(at, c);
        self.cursor += 1;
    }

    /// Deletes the character before the cursor.
    pub fn backspace(&mut self) {
        if self.cursor > 0 {
            self.cursor -= 1;
            let at = self.byte_at(self.cursor);
            self.value.remove(at);
        }
    }

    /// Deletes the character under the cursor.
    pub fn delete(&mut self) {
        if self.cursor < self.value.chars().count() {
            let at = self.byte_at(self.cursor);
            self.value.remove(at);
        }
    }

    /// Moves the cursor by `delta` chars, within the text.
    pub fn move_cursor(&mut self, delta: isize) {
        let len = self.value.chars().count();
        self.cursor = self.cursor.saturating_add_signed(delta).min(len);
    }

    /// Empties the field (Ctrl-U, as in a shell).
    pub fn clear(&mut self) {
        self.value.clear();
        self.cursor = 0;
    }

    /// Deletes the word before the cursor and the blanks after it (Ctrl-W, as in a shell).
    pub fn delete_word(&mut self) {
        let chars: Vec<char> = self.value.chars().collect();
        let mut start = self.cursor.min(chars.len());
        while start > 0 && chars.get(start - 1).is_some_and(|c| c.is_whitespace()) {
            start -= 1;
        }
        while start > 0 && chars.get(start - 1).is_some_and(|c| !c.is_whitespace()) {
            start -= 1;
        }
        let (from, to) = (self.byte_at(start), self.byte_at(self.cursor));
        self.value.replace_range(from..to, "");
        self.cursor = start;
    }

    /// Cursor to the start or the end.
    pub fn home_end(&mut self, end: bool) {
        self.cursor = if end { self.value.chars().count() } else { 0 };
    }

    /// The text-editing keys of a single-line field (typed text is never a command): a
    /// character without Ctrl or Alt, Backspace, Delete, Left, Right, Home, End. Returns
    /// whether the text changed.
    pub fn edit(&mut self, key: KeyEvent) -> bool {
        let plain = !key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        let before = self.value.len();
        match key.code {
            KeyCode::Char(c) if plain => self.insert(c),
            KeyCode::Backspace => self.backspace(),
            KeyCode::Delete => self.delete(),
            KeyCode::Left => self.move_cursor(-1),
            KeyCode::Right => self.move_cursor(1),
            KeyCode::Home | KeyCode::End => self.home_end(key.code == KeyCode::End),
            _ => {}
        }
        self.value.len() != before
    }
}

/// An open form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Prompt {
    /// What it is for.
    pub kind: PromptKind,
    /// The title drawn on it.
    pub title: String,
    /// Its fields.
    pub fields: Vec<Field>,
    /// The field with the cursor.
    pub focus: usize,
    /// Why the last submit was refused, if it was.
    pub error: Option<String>,
    /// The text of a time field the user was told is in the past: submitting it unchanged
    /// again uses it.
    pub past_confirmed: Option<String>,
}

impl Prompt {
    /// A form with these fields.
    pub fn new(kind: PromptKind, title: String, fields: Vec<Field>) -> Prompt {
        Prompt {
            kind,
            title,
            fields,
            focus: 0,
            error: None,
            past_confirmed: None,
        }
    }

    /// The focused field.
    pub fn field(&mut self) -> Option<&mut Field> {
        self.fields.get_mut(self.focus)
    }

    /// The value of the field labelled `label`, trimmed; empty when there is none.
    pub fn value_of(&self, label: &str) -> &str {
        self.fields
            .iter()
            .find(|f| f.label == label)
            .map_or("", |f| f.value.trim())
    }

    /// The value of field `n`, trimmed.
    pub fn value(&self, n: usize) -> &str {
        self.fields.get(n).map_or("", |f| f.value.trim())
    }

    /// What time field `n` says, for the line under it: `Ok` the time understood and how far
    /// it is from now, `Err` why it is not a time yet; `None` for other or empty fields.
    pub fn preview(
        &self,
        n: usize,
        now: Instant,
        offset: FixedOffset,
    ) -> Option<Result<String, String>> {
        let field = self.fields.get(n).filter(|f| f.time)?;
        let text = field.value.trim();
        if text.is_empty() {
            return None;
        }
        Some(when::parse_when(text, now, offset).map(|at| when::describe(at, now, offset)))
    }

    /// The first time field that names a past moment not yet confirmed, described (`Mon 23 Nov
    /// 08:00 (today, 1 h ago)`): submitting again uses it. Marks it confirmed for the next submit.
    pub fn confirm_past(&mut self, now: Instant, offset: FixedOffset) -> Option<String> {
        let (text, at) = self.fields.iter().find_map(|f| {
            let text = f.value.trim();
            when::parse_when(text, now, offset)
                .ok()
                .filter(|at| f.time && *at < now)
                .map(|at| (text.to_string(), at))
        })?;
        if self.past_confirmed.as_deref() == Some(text.as_str()) {
            return None;
        }
        self.past_confirmed = Some(text);
        Some(when::describe(at, now, offset))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editing_keeps_the_cursor_on_char_boundaries() {
        let mut f = Field::new("x", "");
        for c in "Zoë 日本".chars() {
            f.insert(c);
        }
        f.move_cursor(-3);
        f.backspace();
        assert_eq!(f.value, "Zo 日本");
        f.home_end(false);
        f.delete();
        assert_eq!(f.value, "o 日本");
        f.move_cursor(100);
        f.insert('!');
        assert_eq!(f.value, "o 日本!");
        f.move_cursor(-100);
        f.backspace();
        assert_eq!(f.value, "o 日本!");
    }
}

//! The default keys of the forms, questions and help: the modes whose keys were hard-coded
//! before. In the text-taking modes (comment editor, small forms, filter) only the command
//! keys are here; every other key is typed text.

use super::rows::{ctrl, key};
use super::{Action, Binding};
use crossterm::event::KeyCode;

use super::KeyContext as C;
use Action as A;
use KeyCode as K;

/// The help of the five score keys: one row in help, `1-5` in the form's hint.
const SCORE: &str = "score the question and go to the next";

/// The default keys of the modes that take their own keys only.
pub const MODES: &[Binding] = &[
    key(C::Form, K::Char('1'), A::Score(1), SCORE),
    key(C::Form, K::Char('2'), A::Score(2), SCORE),
    key(C::Form, K::Char('3'), A::Score(3), SCORE),
    key(C::Form, K::Char('4'), A::Score(4), SCORE),
    key(C::Form, K::Char('5'), A::Score(5), SCORE),
    key(
        C::Form,
        K::Char('0'),
        A::NotAsked,
        "not asked (no score); go to the next",
    ),
    key(
        C::Form,
        K::Char('n'),
        A::NotAsked,
        "not asked (no score); go to the next",
    ),
    key(C::Form, K::Tab, A::Down, "next question"),
    key(C::Form, K::Char('j'), A::Down, "next question"),
    key(C::Form, K::Down, A::Down, "next question"),
    key(C::Form, K::BackTab, A::Up, "previous question"),
    key(C::Form, K::Char('k'), A::Up, "previous question"),
    key(C::Form, K::Up, A::Up, "previous question"),
    key(
        C::Form,
        K::Enter,
        A::Comment,
        "write the comment on the question",
    ),
    key(
        C::Form,
        K::Char('c'),
        A::Comment,
        "write the comment on the question",
    ),
    key(
        C::Form,
        K::Char('i'),
        A::Individual,
        "comment about an individual: private / praise to share / no",
    ),
    key(
        C::Form,
        K::Char('!'),
        A::SignificantIssue,
        "significant issue: other executives are informed",
    ),
    key(C::Form, K::Char('t'), A::StartTimer, "start the timer now"),
    key(
        C::Form,
        K::Char('e'),
        A::EditPreBrief,
        "edit the customer's pre-brief notes",
    ),
    ctrl(
        C::Form,
        's',
        A::Complete,
        "complete: shows what it saves, then asks",
    ),
    key(
        C::Form,
        K::Char('d'),
        A::DiscardDraft,
        "discard the draft (asks first)",
    ),
    key(
        C::Form,
        K::Char('q'),
        A::Leave,
        "leave the form (its draft is kept; closes if nothing was entered)",
    ),
    key(
        C::Form,
        K::Esc,
        A::Leave,
        "leave the form (its draft is kept; closes if nothing was entered)",
    ),
    key(C::Form, K::Char('?'), A::Help, "this help"),
    ctrl(C::Form, 'z', A::Suspend, "suspend (fg resumes)"),
    key(
        C::Editor,
        K::Esc,
        A::Leave,
        "leave the comment (it is kept)",
    ),
    ctrl(C::Editor, 's', A::Complete, "complete the interview"),
    key(C::Editor, K::Up, A::Up, "line up (as shown on screen)"),
    key(
        C::Editor,
        K::Down,
        A::Down,
        "line down (as shown on screen)",
    ),
    ctrl(C::Editor, 'z', A::Suspend, "suspend (fg resumes)"),
    key(C::Prompt, K::Enter, A::Submit, "next field / submit"),
    key(C::Prompt, K::Esc, A::Back, "cancel"),
    ctrl(C::Prompt, 'u', A::ClearField, "clear"),
    key(C::Prompt, K::Tab, A::Down, "next field"),
    key(C::Prompt, K::Down, A::Down, "next field"),
    key(C::Prompt, K::BackTab, A::Up, "previous field"),
    key(C::Prompt, K::Up, A::Up, "previous field"),
    key(C::Filter, K::Enter, A::Submit, "keep the filter"),
    key(C::Filter, K::Esc, A::Back, "clear the filter"),
    key(C::Quit, K::Char('q'), A::Quit, "again to quit anyway"),
    key(C::Quit, K::Esc, A::Back, "to stay"),
    key(
        C::Discard,
        K::Char('y'),
        A::Confirm,
        "yes, discard the draft",
    ),
    key(C::Discard, K::Char('n'), A::Back, "no, keep the draft"),
    key(C::Discard, K::Esc, A::Back, "no, keep the draft"),
    ctrl(C::Discard, 'z', A::Suspend, "suspend (fg resumes)"),
    key(C::Summary, K::Char('y'), A::Confirm, "complete and save"),
    key(C::Summary, K::Enter, A::Confirm, "complete and save"),
    key(
        C::Summary,
        K::Esc,
        A::Back,
        "go back (so does any other key)",
    ),
    ctrl(C::Summary, 'z', A::Suspend, "suspend (fg resumes)"),
    key(C::Help, K::Esc, A::Back, "closes"),
    ctrl(C::Help, 'z', A::Suspend, "suspend (fg resumes)"),
    key(C::Command, K::Enter, A::Submit, "run the command"),
    key(C::Command, K::Esc, A::Back, "cancel"),
    key(
        C::Command,
        K::Tab,
        A::CompleteWord,
        "complete the word; again: next candidate",
    ),
    key(
        C::Command,
        K::BackTab,
        A::CompleteBack,
        "previous candidate",
    ),
    key(C::Command, K::Up, A::Up, "previous command"),
    ctrl(C::Command, 'p', A::Up, "previous command"),
    key(C::Command, K::Down, A::Down, "next command"),
    ctrl(C::Command, 'n', A::Down, "next command"),
    ctrl(C::Command, 'u', A::ClearField, "clear the line"),
    ctrl(C::Command, 'w', A::DeleteWord, "delete the previous word"),
    ctrl(C::Command, 'a', A::First, "start of the line"),
    ctrl(C::Command, 'e', A::Last, "end of the line"),
    key(C::Command, K::F(1), A::Help, "this help"),
    ctrl(C::Command, 'z', A::Suspend, "suspend (fg resumes)"),
];

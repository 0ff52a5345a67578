//! What Tab offers for the word under the cursor: subcommand names at the level reached, the
//! `--flags` of the subcommand (and the global ones), the values of a flag or argument with a
//! fixed list, and for a value that names a customer, one of our people or a record, the names
//! and ids in the data. Pure: the words before the cursor, the vocabulary and the data in,
//! candidates out; the prompt decides what to insert.

use super::vocabulary::{CommandWords, Flag, Refers, Values, Vocabulary};
use super::words::{Partial, split};
use crate::core::Dataset;

/// One thing Tab can insert.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidate {
    /// The word's value (inserted shell-quoted).
    pub value: String,
    /// What the list shows for it (`C12 Acme Corp` for an id).
    pub label: String,
    /// A dim note beside it (a flag's or subcommand's help).
    pub about: String,
}

impl Candidate {
    fn plain(value: impl Into<String>, about: &str) -> Candidate {
        let value = value.into();
        Candidate {
            label: value.clone(),
            value,
            about: about.to_string(),
        }
    }
}

/// The candidates for the word under the cursor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Completion {
    /// Where the word starts (chars): the text from here to the cursor is replaced.
    pub start: usize,
    /// Inserted before the candidate's quoted value (`--format=` when the value is typed in
    /// the flag's own word).
    pub lead: String,
    /// The value typed so far, quotes removed.
    pub typed: String,
    /// What fits, in the order shown.
    pub candidates: Vec<Candidate>,
}

/// Where the words before the cursor lead: the subcommand reached, the flags given there, how
/// many arguments without a flag were given, and the flag waiting for its value.
struct Reached<'a> {
    command: &'a CommandWords,
    used: Vec<&'a str>,
    positionals: usize,
    waiting: Option<&'a Flag>,
    /// A word named no subcommand where one was due: nothing after it is known.
    lost: bool,
}

fn walk<'a>(vocabulary: &'a Vocabulary, words: &[String]) -> Reached<'a> {
    let root = &vocabulary.root;
    let mut at = Reached {
        command: root,
        used: Vec::new(),
        positionals: 0,
        waiting: None,
        lost: false,
    };
    for (n, word) in words.iter().enumerate() {
        // `hearback queue` typed out of habit reads as `queue`.
        if n == 0 && word == "hearback" {
            continue;
        }
        if at.waiting.take().is_some() {
            continue;
        }
        if let Some(long) = word.strip_prefix("--").filter(|l| !l.is_empty()) {
            let (name, inline) = match long.split_once('=') {
                Some((name, _)) => (name, true),
                None => (long, false),
            };
            if let Some(flag) = at.command.flag(name).or_else(|| root.flag(name)) {
                at.used.push(flag.long.as_str());
                if flag.takes_value && !inline {
                    at.waiting = Some(flag);
                }
            }
            continue;
        }
        if at.positionals == 0
            && let Some(sub) = at.command.subcommand(word)
        {
            at.command = sub;
            at.used.clear();
            continue;
        }
        if at.positionals == 0 && !at.command.subcommands.is_empty() {
            at.lost = true;
        }
        at.positionals += 1;
    }
    at
}

/// The candidates for the word that ends at the end of `before` (the line up to the cursor).
pub fn complete(vocabulary: &Vocabulary, data: &Dataset, before: &str) -> Completion {
    let (
        words,
        Partial {
            start,
            value: typed,
        },
    ) = split(before);
    let at = walk(vocabulary, &words);
    let mut lead = String::new();
    let candidates = if at.lost {
        Vec::new()
    } else if let Some(flag) = at.waiting {
        values(&flag.value, data, &typed)
    } else if let Some((name, value)) = typed
        .strip_prefix("--")
        .and_then(|rest| rest.split_once('='))
    {
        // `--format=js`: the value in the flag's own word.
        lead = format!("--{name}=");
        let flag = at.command.flag(name).or_else(|| vocabulary.root.flag(name));
        let found = flag.map(|f| values(&f.value, data, value));
        let typed = value.to_string();
        return Completion {
            start,
            lead,
            typed,
            candidates: found.unwrap_or_default(),
        };
    } else if typed.starts_with('-') {
        flags(vocabulary, &at, &typed)
    } else if at.positionals == 0 && !at.command.subcommands.is_empty() {
        at.command
            .subcommands
            .iter()
            .filter(|c| starts_with(&c.name, &typed))
            .map(|c| Candidate::plain(c.name.clone(), &c.about))
            .collect()
    } else {
        let found = at
            .command
            .positionals
            .get(at.positionals)
            .map(|p| values(&p.value, data, &typed))
            .unwrap_or_default();
        // Nothing to name here: what can come next are the flags.
        if found.is_empty() && typed.is_empty() {
            flags(vocabulary, &at, &typed)
        } else {
            found
        }
    };
    Completion {
        start,
        lead,
        typed,
        candidates,
    }
}

/// Case-insensitive prefix match.
fn starts_with(word: &str, typed: &str) -> bool {
    word.to_lowercase().starts_with(&typed.to_lowercase())
}

/// The flags of the subcommand reached and the global ones, without those already given
/// (unless they repeat).
fn flags(vocabulary: &Vocabulary, at: &Reached<'_>, typed: &str) -> Vec<Candidate> {
    let globals = if std::ptr::eq(at.command, &vocabulary.root) {
        &[][..]
    } else {
        &vocabulary.root.flags[..]
    };
    at.command
        .flags
        .iter()
        .chain(globals)
        .filter(|f| f.repeats || !at.used.contains(&f.long.as_str()))
        .map(|f| Candidate::plain(format!("--{}", f.long), &f.about))
        .filter(|c| starts_with(&c.value, typed))
        .collect()
}

/// The values of a flag or argument that start with `typed`.
fn values(values: &Values, data: &Dataset, typed: &str) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = values
        .choices
        .iter()
        .filter(|c| starts_with(c, typed))
        .map(|c| Candidate::plain(c.clone(), ""))
        .collect();
    out.extend(records(values.refers, data, typed));
    out
}

/// A record's id and what the list shows beside it.
type Record = (String, String);

/// The names or ids of the records `refers` names that fit `typed`.
fn records(refers: Refers, data: &Dataset, typed: &str) -> Vec<Candidate> {
    let customer_name = |id| data.customer(id).map_or("", |c| c.name.as_str());
    match refers {
        Refers::Nothing => Vec::new(),
        Refers::Customer => named(
            data.customers
                .iter()
                .map(|c| (c.id.to_string(), c.name.clone()))
                .collect(),
            typed,
        ),
        Refers::Staff | Refers::AnyStaff => named(
            data.staff
                .iter()
                .filter(|s| s.active || refers == Refers::AnyStaff)
                .map(|s| (s.id.to_string(), s.name.clone()))
                .collect(),
            typed,
        ),
        Refers::Action => ids(
            data.actions
                .iter()
                .map(|a| (a.id.to_string(), a.title.clone()))
                .collect(),
            typed,
        ),
        Refers::FollowUp => ids(
            data.followups
                .iter()
                .map(|f| (f.id.to_string(), customer_name(f.customer).to_string()))
                .collect(),
            typed,
        ),
        Refers::Interview => ids(
            data.interviews
                .iter()
                .map(|i| (i.id.to_string(), customer_name(i.customer).to_string()))
                .collect(),
            typed,
        ),
    }
}

/// Records by id: those whose id (`A7`) or number (`7`) starts with `typed`, shown with what
/// they are.
fn ids(records: Vec<Record>, typed: &str) -> Vec<Candidate> {
    records
        .into_iter()
        .filter(|(id, _)| {
            starts_with(id, typed) || id.get(1..).is_some_and(|n| n.starts_with(typed))
        })
        .map(|(id, what)| Candidate {
            label: format!("{id} {what}"),
            value: id,
            about: String::new(),
        })
        .collect()
}

/// Customers or people: names that start with `typed` (any case), else names that hold it;
/// and, once a digit is typed, the ids that start with it (`C1` → C1, C12…). Names sorted,
/// each once (two customers of one name are told apart by id).
fn named(records: Vec<Record>, typed: &str) -> Vec<Candidate> {
    let low = typed.to_lowercase();
    let mut names: Vec<&String> = records
        .iter()
        .map(|(_, name)| name)
        .filter(|n| n.to_lowercase().starts_with(&low))
        .collect();
    if names.is_empty() {
        names = records
            .iter()
            .map(|(_, name)| name)
            .filter(|n| n.to_lowercase().contains(&low))
            .collect();
    }
    names.sort_by_key(|n| n.to_lowercase());
    names.dedup();
    let mut out: Vec<Candidate> = names
        .into_iter()
        .map(|n| Candidate::plain(n.clone(), ""))
        .collect();
    if typed.chars().any(|c| c.is_ascii_digit()) {
        out.extend(ids(records, typed));
    }
    out
}

/// The longest start all `values` share (exact characters).
pub fn common_prefix(values: &[&str]) -> String {
    let Some(first) = values.first() else {
        return String::new();
    };
    let mut len = first.chars().count();
    for other in values.iter().skip(1) {
        len = first
            .chars()
            .zip(other.chars())
            .take(len)
            .take_while(|(a, b)| a == b)
            .count();
    }
    first.chars().take(len).collect()
}

#[cfg(test)]
pub(super) mod tests;

//! The user's keys: `[keys.<mode>]` tables in `hearback.toml`, each `action = "key"` or
//! `action = ["key", "key"]` (key syntax in `keys`). A user's entry replaces the default keys
//! of that action in that mode; `action = []` unbinds it. Anything wrong is an error naming
//! the mode and the key, never a silent default: a key that does something unexpected in the
//! middle of an interview is worse than a refusal at start-up.

use super::{Action, Binding, KeyContext, Keymap, keys};
use crate::core::sanitize::line;

/// Why the `[keys]` part of a config file was refused; the message names the mode and key.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum KeyError {
    /// Not TOML, or `keys` is not a table of tables.
    #[error("{0}")]
    Shape(String),
    /// A mode that does not exist.
    #[error("[keys.{mode}]: no such mode; the modes are {known}")]
    UnknownMode {
        /// The name given (cleaned).
        mode: String,
        /// The names there are.
        known: String,
    },
    /// An action the mode does not have.
    #[error("[keys.{mode}] {action}: no such action in {mode}; it has {known}")]
    UnknownAction {
        /// The mode.
        mode: String,
        /// The name given (cleaned).
        action: String,
        /// The actions the mode has.
        known: String,
    },
    /// A key that cannot be read.
    #[error(
        "[keys.{mode}] {action} = \"{key}\": not a key ({why}); write it like \"x\", \"G\", \"Ctrl-z\", \"Enter\", \"Shift-Tab\" or \"F2\""
    )]
    BadKey {
        /// The mode.
        mode: String,
        /// The action.
        action: String,
        /// The text given (cleaned).
        key: String,
        /// What is wrong with it.
        why: String,
    },
    /// A value that is neither a key nor a list of keys.
    #[error("[keys.{mode}] {action}: give a key (\"x\") or a list of keys ([\"j\", \"Down\"])")]
    BadValue {
        /// The mode.
        mode: String,
        /// The action.
        action: String,
    },
    /// One key doing two things in one mode.
    #[error("[keys.{mode}] \"{key}\" is bound to both {first} and {second}")]
    Clash {
        /// The mode.
        mode: String,
        /// The key, as help writes it.
        key: String,
        /// The action bound first (in table order).
        first: String,
        /// The other.
        second: String,
    },
}

/// The default keys with the `[keys.*]` tables of a config file's text on top.
pub fn from_toml(text: &str) -> Result<Keymap, KeyError> {
    let file: toml::Table = toml::from_str(text)
        .map_err(|e| KeyError::Shape(crate::core::sanitize::text(&e.to_string())))?;
    let mut keymap = Keymap::default();
    let Some(keys) = file.get("keys") else {
        return Ok(keymap);
    };
    let modes = keys.as_table().ok_or_else(|| {
        KeyError::Shape("keys: write [keys.<mode>] tables, e.g. [keys.queue]".into())
    })?;
    for (mode_name, actions) in modes {
        let context = KeyContext::from_name(mode_name).ok_or_else(|| KeyError::UnknownMode {
            mode: shown(mode_name),
            known: names(KeyContext::ALL.iter().map(|c| c.name())),
        })?;
        let mode = context.name();
        let actions = actions.as_table().ok_or_else(|| {
            KeyError::Shape(format!(
                "keys.{mode}: write action = \"key\" lines under [keys.{mode}]"
            ))
        })?;
        for (action_name, value) in actions {
            let action =
                action_in(context, action_name).ok_or_else(|| KeyError::UnknownAction {
                    mode: mode.clone(),
                    action: shown(action_name),
                    known: names(actions_of(context).iter().map(|a| a.name())),
                })?;
            let texts: Vec<&str> = match value {
                toml::Value::String(s) => vec![s.as_str()],
                toml::Value::Array(list) => list
                    .iter()
                    .map(toml::Value::as_str)
                    .collect::<Option<_>>()
                    .ok_or_else(|| KeyError::BadValue {
                        mode: mode.clone(),
                        action: action.name(),
                    })?,
                _ => {
                    return Err(KeyError::BadValue {
                        mode,
                        action: action.name(),
                    });
                }
            };
            let mut bound = Vec::new();
            for text in texts {
                let key = keys::parse(text).map_err(|why| KeyError::BadKey {
                    mode: mode.clone(),
                    action: action.name(),
                    key: shown(text),
                    why,
                })?;
                if !bound.contains(&key) {
                    bound.push(key);
                }
            }
            keymap.rebind(context, action, &bound);
        }
    }
    keymap.check()?;
    Ok(keymap)
}

/// The actions a mode has by default, in table order, each once.
fn actions_of(context: KeyContext) -> Vec<Action> {
    let mut out: Vec<Action> = Vec::new();
    for b in Keymap::default()
        .bindings()
        .iter()
        .filter(|b| b.context == context)
    {
        if !out.contains(&b.action) {
            out.push(b.action);
        }
    }
    out
}

/// The mode's action called `name`.
fn action_in(context: KeyContext, name: &str) -> Option<Action> {
    actions_of(context).into_iter().find(|a| a.name() == name)
}

/// A name or key from the file as a message quotes it: cleaned (it cannot drive the
/// terminal) and cut short.
fn shown(text: &str) -> String {
    let clean = line(text);
    match clean.char_indices().nth(40) {
        Some((at, _)) => format!("{}…", &clean[..at]),
        None => clean,
    }
}

fn names(list: impl Iterator<Item = String>) -> String {
    list.collect::<Vec<_>>().join(", ")
}

impl Keymap {
    /// The first key bound to two actions in one mode, as an error.
    pub fn check(&self) -> Result<(), KeyError> {
        let all = self.bindings();
        for (i, a) in all.iter().enumerate() {
            let clash = all[i + 1..].iter().find(|b: &&Binding| {
                b.context == a.context
                    && b.code == a.code
                    && b.modifiers == a.modifiers
                    && b.action != a.action
            });
            if let Some(b) = clash {
                return Err(KeyError::Clash {
                    mode: a.context.name(),
                    key: line(&keys::name(a.code, a.modifiers)),
                    first: a.action.name(),
                    second: b.action.name(),
                });
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    fn press(keymap: &Keymap, context: KeyContext, code: KeyCode) -> Option<Action> {
        super::super::lookup(keymap, context, &KeyEvent::new(code, KeyModifiers::NONE))
    }

    #[test]
    fn an_entry_replaces_the_default_keys_of_its_action_in_its_mode_only() {
        let km = from_toml("[keys.queue]\nclose = \"F2\"\n").expect("valid");
        assert_eq!(
            press(&km, KeyContext::Queue, KeyCode::F(2)),
            Some(Action::Close)
        );
        assert_eq!(press(&km, KeyContext::Queue, KeyCode::Char('x')), None);
        assert_eq!(
            press(&km, KeyContext::Staff, KeyCode::Char('x')),
            Some(Action::ToggleActive)
        );
        // `down` in the queue is a global key: the queue has no `down` of its own.
        assert!(matches!(
            from_toml("[keys.queue]\ndown = \"n\"\n"),
            Err(KeyError::UnknownAction { .. })
        ));
        let km = from_toml("[keys.global]\ndown = [\"n\", \"Down\"]\n").expect("valid");
        assert_eq!(
            press(&km, KeyContext::Queue, KeyCode::Char('n')),
            Some(Action::Down)
        );
        assert_eq!(press(&km, KeyContext::Queue, KeyCode::Char('j')), None);
        assert_eq!(km.keys_of(KeyContext::Global, Action::Down), ["n", "↓"]);
    }

    #[test]
    fn an_empty_list_unbinds_and_no_keys_table_keeps_the_defaults() {
        let km = from_toml("[keys.global]\nundo = []\n").expect("valid");
        assert!(km.keys_of(KeyContext::Global, Action::Undo).is_empty());
        assert_eq!(
            from_toml("[policy.low_scores]\nthreshold = 4\n"),
            Ok(Keymap::default())
        );
    }

    #[test]
    fn mistakes_are_refused_naming_mode_and_key() {
        let cases = [
            (
                "[keys.queue]\nclose = \"z\"\n",
                "[keys.queue] \"z\" is bound to both snooze and close",
            ),
            (
                "[keys.form]\nscore_1 = \"Ctrl-s\"\n",
                "[keys.form] \"Ctrl-s\" is bound to both",
            ),
            (
                "[keys.pane]\n",
                "[keys.pane]: no such mode; the modes are global, customers",
            ),
            (
                "[keys.form]\nfocus_1 = \"x\"\n",
                "[keys.form] focus_1: no such action in form",
            ),
            (
                "[keys.queue]\nclose = \"Ctrl-\"\n",
                "close = \"Ctrl-\": not a key",
            ),
            (
                "[keys.queue]\nclose = [1]\n",
                "[keys.queue] close: give a key",
            ),
            ("keys = 3\n", "keys: write [keys.<mode>] tables"),
            (
                "[keys.queue]\nclose = \"\\u001b[31mx\"\n",
                "close = \"x\": not a key",
            ),
        ];
        for (text, needle) in cases {
            let err = from_toml(text).expect_err(text).to_string();
            assert!(err.contains(needle), "{text}: {err}");
            assert!(!err.contains('\u{1b}'), "{err}");
        }
    }
}

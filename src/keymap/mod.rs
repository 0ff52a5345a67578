//! Keys are data: one table of `(mode, key) -> Action` with a help text per row, for every
//! mode (panes, views, the interview form, its comment editor, the small forms, the filter,
//! the questions and help). Key handling looks keys up here, and help and every hint line are
//! read from the same rows, so they never lie. The live table is a [`Keymap`] value: the
//! defaults with the user's `[keys.<mode>]` tables on top (see `config`), held by the app.

mod action;
mod config;
mod context;
mod keys;
mod modes;
mod rows;
mod table;

pub use action::Action;
pub use config::{KeyError, from_toml};
pub use context::KeyContext;
pub use keys::parse as parse_key;
pub use modes::MODES;
pub use table::DEFAULTS;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// One row of the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Binding {
    /// Where it applies.
    pub context: KeyContext,
    /// The key code.
    pub code: KeyCode,
    /// Modifiers that must be held (Shift is ignored for characters: `G` is its own code).
    pub modifiers: KeyModifiers,
    /// What it does.
    pub action: Action,
    /// The help text.
    pub help: &'static str,
}

/// The keys in force: every mode's bindings, the defaults with the user's on top.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Keymap {
    bindings: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Keymap {
        Keymap {
            bindings: DEFAULTS.iter().chain(MODES).copied().collect(),
        }
    }
}

impl Keymap {
    /// Every row, in table order (help lists them in this order).
    pub fn bindings(&self) -> &[Binding] {
        &self.bindings
    }

    /// Adds a row at the end of its mode's rows (a key for a new action, or another key).
    pub fn add(&mut self, binding: Binding) {
        let at = self
            .bindings
            .iter()
            .rposition(|b| b.context == binding.context)
            .map_or(self.bindings.len(), |i| i + 1);
        self.bindings.insert(at, binding);
    }

    /// Replaces the keys of `action` in `context` with `keys` (none unbinds it), keeping its
    /// help text and its place in help.
    pub fn rebind(
        &mut self,
        context: KeyContext,
        action: Action,
        keys: &[(KeyCode, KeyModifiers)],
    ) {
        let mine = |b: &Binding| b.context == context && b.action == action;
        let Some(at) = self.bindings.iter().position(mine) else {
            return;
        };
        let help = self.bindings[at].help;
        self.bindings.retain(|b| !mine(b));
        for (n, &(code, modifiers)) in keys.iter().enumerate() {
            let row = Binding {
                context,
                code,
                modifiers,
                action,
                help,
            };
            self.bindings.insert(at + n, row);
        }
    }

    /// The keys of `action` in `context` as help writes them, in table order.
    pub fn keys_of(&self, context: KeyContext, action: Action) -> Vec<String> {
        self.bindings
            .iter()
            .filter(|b| b.context == context && b.action == action)
            .map(key_name)
            .collect()
    }
}

fn same_key(b: &Binding, event: &KeyEvent) -> bool {
    // Shift is part of the character for letters and symbols; other modifiers must match.
    let mods = event.modifiers - KeyModifiers::SHIFT;
    b.code == event.code && b.modifiers == mods
}

/// The action of a key in a context; pane contexts fall back to the global keys, the forms,
/// questions and help (`own_keys_only`) to none.
pub fn lookup(keymap: &Keymap, context: KeyContext, event: &KeyEvent) -> Option<Action> {
    let find = |ctx| {
        keymap
            .bindings
            .iter()
            .find(|b| b.context == ctx && same_key(b, event))
            .map(|b| b.action)
    };
    match context {
        c if c.own_keys_only() => find(context),
        c if c.is_modal() => find(context).or_else(|| {
            // Only a few global keys work over these overlays.
            find(KeyContext::Global).filter(|a| {
                matches!(a, Action::Suspend | Action::Help)
                    || *a == Action::Quit && event.modifiers.contains(KeyModifiers::CONTROL)
            })
        }),
        _ => find(context).or_else(|| find(KeyContext::Global)),
    }
}

/// How a key is written in help: `q`, `Ctrl-z`, `Tab`, `↑`.
pub fn key_name(b: &Binding) -> String {
    keys::name(b.code, b.modifiers)
}

/// The key of each of `actions` in `context` (its first binding there, else the global one)
/// with its help text, for hint lines: a hint read from the table cannot name a key that does
/// not do what it says.
pub fn hints(
    keymap: &Keymap,
    context: KeyContext,
    actions: &[Action],
) -> Vec<(String, &'static str)> {
    let first = |ctx: KeyContext, action: Action| {
        keymap
            .bindings
            .iter()
            .find(|b| b.context == ctx && b.action == action)
    };
    actions
        .iter()
        .filter_map(|&a| {
            first(context, a).or_else(|| {
                (!context.own_keys_only())
                    .then(|| first(KeyContext::Global, a))
                    .flatten()
            })
        })
        .map(|b| (key_name(b), b.help))
        .collect()
}

/// Help rows for a context: its own keys, then the global ones (not for a modal one). Keys
/// with the same action and help are merged on one row (`j ↓  down`).
pub fn help_rows(keymap: &Keymap, context: KeyContext) -> Vec<(String, &'static str)> {
    let mut rows: Vec<(String, &'static str)> = Vec::new();
    let contexts: &[KeyContext] = if context.is_modal() {
        &[context]
    } else {
        &[context, KeyContext::Global]
    };
    for ctx in contexts {
        for b in keymap.bindings.iter().filter(|b| b.context == *ctx) {
            match rows.iter_mut().find(|(_, help)| *help == b.help) {
                Some((keys, _)) => {
                    keys.push(' ');
                    keys.push_str(&key_name(b));
                }
                None => rows.push((key_name(b), b.help)),
            }
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    use KeyCode as K;

    fn press(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn pane_keys_come_before_global_ones() {
        let km = Keymap::default();
        assert_eq!(
            lookup(&km, KeyContext::Queue, &press(K::Char('a'))),
            Some(Action::ToggleAll)
        );
        assert_eq!(
            lookup(&km, KeyContext::Queue, &press(K::Char('j'))),
            Some(Action::Down)
        );
        assert_eq!(
            lookup(&km, KeyContext::Actions, &press(K::Char('L'))),
            Some(Action::MoveRight)
        );
        assert_eq!(
            lookup(&km, KeyContext::Customers, &press(K::Char('x'))),
            None
        );
        let ctrl_z = KeyEvent::new(K::Char('z'), KeyModifiers::CONTROL);
        assert_eq!(
            lookup(&km, KeyContext::Queue, &ctrl_z),
            Some(Action::Suspend),
            "Ctrl-z is not z"
        );
        let shifted = KeyEvent::new(K::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(
            lookup(&km, KeyContext::Customers, &shifted),
            Some(Action::Last)
        );
    }

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        let km = Keymap::default();
        let all = km.bindings();
        for (i, a) in all.iter().enumerate() {
            for b in &all[i + 1..] {
                assert!(
                    !(a.context == b.context && a.code == b.code && a.modifiers == b.modifiers),
                    "{:?} {:?} bound twice",
                    a.context,
                    a.code
                );
            }
        }
    }

    #[test]
    fn help_lists_every_binding_of_the_context() {
        let km = Keymap::default();
        let rows = help_rows(&km, KeyContext::Queue);
        for b in km
            .bindings()
            .iter()
            .filter(|b| b.context == KeyContext::Queue || b.context == KeyContext::Global)
        {
            assert!(
                rows.iter().any(
                    |(keys, help)| *help == b.help && keys.split(' ').any(|k| k == key_name(b))
                ),
                "{b:?}"
            );
        }
        assert!(rows.iter().any(|(keys, _)| keys == "j ↓"));
    }
}

//! The staff view: our people with their roles, whether they are still with us, and who counts
//! as senior management. Keys give or take the senior-management role, mark someone as left or
//! back, and add a person. The selection is kept by staff id, so a save that re-sorts the list
//! leaves it on the same person.

use super::act::{commit, say};
use super::prompt::{Field, Prompt, PromptKind};
use super::{App, Effect, Overlay};
use crate::core::staff_edit::{self, StaffPatch};
use crate::core::{Role, Staff, StaffId};
use crate::keymap::{Action, KeyContext};

/// The open staff view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StaffView {
    /// The selected person (by id, never by row).
    pub selected: Option<StaffId>,
}

/// The people in display order: active first, then by name, then id.
pub fn staff_rows(app: &App) -> Vec<&Staff> {
    let mut rows: Vec<&Staff> = app.data.staff.iter().collect();
    rows.sort_by(|a, b| {
        b.active
            .cmp(&a.active)
            .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
            .then_with(|| a.id.cmp(&b.id))
    });
    rows
}

impl StaffView {
    /// The selected row's index in [`staff_rows`] (the first row when the person is gone).
    pub fn row(&self, rows: &[&Staff]) -> usize {
        self.selected
            .and_then(|id| rows.iter().position(|s| s.id == id))
            .unwrap_or(0)
    }
}

/// Opens the view on the first person.
pub(super) fn open(app: &mut App) -> Vec<Effect> {
    let selected = staff_rows(app).first().map(|s| s.id);
    app.overlay = Some(Overlay::Staff(StaffView { selected }));
    Vec::new()
}

/// A key's action while the staff view is open.
pub(super) fn perform(app: &mut App, action: Action) -> Vec<Effect> {
    let Some(Overlay::Staff(view)) = &app.overlay else {
        return Vec::new();
    };
    let rows = staff_rows(app);
    let at = view.row(&rows);
    let current = rows.get(at).map(|s| (*s).clone());
    let step = |to: usize| rows.get(to).map(|s| s.id);
    let moved = match action {
        Action::Back => {
            app.overlay = None;
            return Vec::new();
        }
        Action::Up => step(at.saturating_sub(1)),
        Action::Down => step((at + 1).min(rows.len().saturating_sub(1))),
        Action::First => step(0),
        Action::Last => step(rows.len().saturating_sub(1)),
        Action::AddStaff => return ask_new(app, "", None),
        Action::EditStaff => {
            return match current {
                Some(member) => super::asks_tasks::edit_staff_prompt(app, &member),
                None => say(app, "nobody on file yet: n adds a person"),
            };
        }
        Action::ToggleSenior | Action::ToggleActive => {
            let Some(member) = current else {
                return say(app, "nobody on file yet: n adds a person");
            };
            return toggle(app, member, action == Action::ToggleSenior);
        }
        _ => return Vec::new(),
    };
    if let Some(Overlay::Staff(view)) = &mut app.overlay {
        view.selected = moved.or(view.selected);
    }
    Vec::new()
}

fn toggle(app: &mut App, member: Staff, senior: bool) -> Vec<Effect> {
    let name = member.name.clone();
    let patch = if senior {
        let role = Role::SeniorManagement;
        if member.has_role(role) {
            StaffPatch {
                remove_roles: vec![role],
                ..StaffPatch::default()
            }
        } else {
            StaffPatch {
                add_roles: vec![role],
                ..StaffPatch::default()
            }
        }
    } else {
        StaffPatch {
            active: Some(!member.active),
            ..StaffPatch::default()
        }
    };
    match staff_edit::set(&app.data, member, &patch) {
        Ok((after, set)) => {
            let label = if senior {
                let verb = if after.has_role(Role::SeniorManagement) {
                    "is now"
                } else {
                    "is no longer"
                };
                format!("{name} {verb} senior management")
            } else if after.active {
                format!("{name} is back")
            } else {
                format!("{name} marked as left (kept for history)")
            };
            commit(app, set, label)
        }
        Err(e) => say(app, e.to_string()),
    }
}

/// The add-a-person form, with `name` filled in; `assign` is the follow-up or action they
/// will own once added (when an owner was named who is not on file).
pub(super) fn ask_new(
    app: &mut App,
    name: &str,
    assign: Option<crate::core::queue::Subject>,
) -> Vec<Effect> {
    let title = match assign {
        Some(id) => format!("Add {name} to our people and assign {id}"),
        None => "Add a person".into(),
    };
    ask_person(
        app,
        name,
        PromptKind::AddStaff { assign },
        title,
        assign.is_some(),
    )
}

/// The add-a-person form of `kind`; `named` when an owner was named who is not on file: the
/// form says so and starts on the role.
pub(super) fn ask_person(
    app: &mut App,
    name: &str,
    kind: PromptKind,
    title: String,
    named: bool,
) -> Vec<Effect> {
    let fields = vec![
        Field::filled("Name", "full name", name),
        Field::new("Email", "work email (optional)"),
        Field::new(
            "Role",
            "a = account manager, s = service manager, e = senior management, blank = none",
        ),
    ];
    let mut prompt = Prompt::new(kind, title, fields);
    if named {
        prompt.focus = 2;
        let cancel = super::act::key_of(app, KeyContext::Prompt, Action::Back)
            .map(|k| format!(", or {k} to cancel"))
            .unwrap_or_default();
        prompt.error = Some(format!(
            "{name} is not one of our people: add them with a role (a/s/e/blank){cancel}"
        ));
    }
    app.under_help = None;
    app.overlay = Some(Overlay::Prompt(prompt));
    Vec::new()
}

/// Reads the role field of the add form: a letter or a role's name; blank is no role.
pub fn role_choice(text: &str) -> Result<Option<Role>, String> {
    match text.trim().to_lowercase().as_str() {
        "" | "n" | "none" => Ok(None),
        "a" => Ok(Some(Role::AccountManager)),
        "s" => Ok(Some(Role::ServiceManager)),
        "e" => Ok(Some(Role::SeniorManagement)),
        other => Role::parse(other).map(Some).ok_or_else(|| {
            format!("'{other}' is not a role: a, s, e, blank, or a role name like salesperson")
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_letters_and_names() {
        assert_eq!(role_choice(""), Ok(None));
        assert_eq!(role_choice("E"), Ok(Some(Role::SeniorManagement)));
        assert_eq!(role_choice("salesperson"), Ok(Some(Role::Salesperson)));
        assert!(role_choice("boss").is_err());
    }
}

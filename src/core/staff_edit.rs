//! Adding and changing our people: what `hearback staff add|set`, the people import and the
//! dashboard's staff view write. Staff records have no customer, so no timeline event is
//! written; the record itself is the history (a person who leaves is deactivated, never deleted).

use super::{Change, ChangeSet, Dataset, IdAllocator, Role, Staff, StaffId, sanitize};

/// Why a staff change was refused.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum StaffError {
    /// No name given.
    #[error("a person needs a name")]
    NoName,
    /// The email is not an address.
    #[error("'{0}' is not an email address (like pat.lee@example.com)")]
    BadEmail(String),
    /// Someone with this name or email is already on file.
    #[error(
        "{name} is already one of our people ({id}); change them with `hearback staff set {id} ...`"
    )]
    Exists {
        /// Their name.
        name: String,
        /// Their id.
        id: StaffId,
    },
    /// Another person already has this email.
    #[error("{0} already belongs to {1} ({2})")]
    EmailTaken(String, String, StaffId),
    /// The change changes nothing.
    #[error("{0} already looks like that: nothing to change")]
    NoChange(String),
}

/// A change to one person; `None` leaves the field as it is.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StaffPatch {
    /// New name.
    pub name: Option<String>,
    /// New email; `Some("")` clears it.
    pub email: Option<String>,
    /// Roles to add.
    pub add_roles: Vec<Role>,
    /// Roles to take away.
    pub remove_roles: Vec<Role>,
    /// Whether they are still with us.
    pub active: Option<bool>,
}

/// A sanitised email, kept as the person writes it (matching ignores case); refused unless it
/// looks like an address. Empty means none.
pub fn clean_email(text: &str) -> Result<Option<String>, StaffError> {
    let e = sanitize::line(text);
    if e.is_empty() {
        return Ok(None);
    }
    let ok = e
        .split_once('@')
        .is_some_and(|(user, host)| !user.is_empty() && host.contains('.'))
        && !e.contains(char::is_whitespace);
    if ok {
        Ok(Some(e))
    } else {
        Err(StaffError::BadEmail(super::excerpt::excerpt(&e)))
    }
}

/// The person with this email (any case).
pub fn by_email<'a>(staff: &'a [Staff], email: &str) -> Option<&'a Staff> {
    staff.iter().find(|s| {
        s.email
            .as_deref()
            .is_some_and(|e| e.trim().eq_ignore_ascii_case(email.trim()))
    })
}

/// The person with exactly this name (any case, surrounding space ignored).
pub fn by_name<'a>(staff: &'a [Staff], name: &str) -> Option<&'a Staff> {
    staff
        .iter()
        .find(|s| s.name.trim().eq_ignore_ascii_case(name.trim()))
}

/// A new person, refused when someone with the same email or name is already on file.
pub fn add(
    data: &Dataset,
    name: &str,
    email: Option<&str>,
    roles: &[Role],
    ids: &mut IdAllocator,
) -> Result<(Staff, ChangeSet), StaffError> {
    let name = sanitize::line(name);
    if name.is_empty() {
        return Err(StaffError::NoName);
    }
    let email = email.map(clean_email).transpose()?.flatten();
    let same = email
        .as_deref()
        .and_then(|e| by_email(&data.staff, e))
        .or_else(|| by_name(&data.staff, &name));
    if let Some(s) = same {
        return Err(StaffError::Exists {
            name: s.name.clone(),
            id: s.id,
        });
    }
    let mut held: Vec<Role> = Vec::new();
    for r in roles {
        if !held.contains(r) {
            held.push(*r);
        }
    }
    let member = Staff {
        id: StaffId(ids.next_id()),
        name,
        email,
        roles: held,
        bio: String::new(),
        active: true,
    };
    let mut set = ChangeSet::new();
    set.push(Change::Staff(member.clone()));
    Ok((member, set))
}

/// Applies `patch` to `member`; refused when it changes nothing or takes another's email.
pub fn set(
    data: &Dataset,
    mut member: Staff,
    patch: &StaffPatch,
) -> Result<(Staff, ChangeSet), StaffError> {
    let before = member.clone();
    if let Some(name) = &patch.name {
        let name = sanitize::line(name);
        if name.is_empty() {
            return Err(StaffError::NoName);
        }
        if let Some(other) = by_name(&data.staff, &name).filter(|s| s.id != member.id) {
            return Err(StaffError::Exists {
                name: other.name.clone(),
                id: other.id,
            });
        }
        member.name = name;
    }
    if let Some(email) = &patch.email {
        let email = clean_email(email)?;
        if let Some(e) = &email
            && let Some(other) = by_email(&data.staff, e).filter(|s| s.id != member.id)
        {
            return Err(StaffError::EmailTaken(
                e.clone(),
                other.name.clone(),
                other.id,
            ));
        }
        member.email = email;
    }
    for r in &patch.add_roles {
        if !member.has_role(*r) {
            member.roles.push(*r);
        }
    }
    member.roles.retain(|r| !patch.remove_roles.contains(r));
    if let Some(active) = patch.active {
        member.active = active;
    }
    if member == before {
        return Err(StaffError::NoChange(member.name));
    }
    let mut set = ChangeSet::new();
    set.push(Change::Staff(member.clone()));
    Ok((member, set))
}

/// The roles as shown in lists: `account_manager, senior_management`, or `-` for none.
pub fn roles_text(roles: &[Role]) -> String {
    if roles.is_empty() {
        return "-".into();
    }
    let names: Vec<&str> = roles.iter().map(|r| r.as_str()).collect();
    names.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(id: u64, name: &str, email: Option<&str>) -> Staff {
        Staff {
            id: StaffId(id),
            name: name.into(),
            email: email.map(String::from),
            roles: vec![Role::AccountManager],
            bio: String::new(),
            active: true,
        }
    }

    fn data() -> Dataset {
        Dataset {
            staff: vec![person(1, "Dana Reyes", Some("dana@us.example"))],
            ..Dataset::default()
        }
    }

    #[test]
    fn add_refuses_duplicates_and_bad_input() {
        let mut ids = IdAllocator::starting_at(10);
        let d = data();
        let dup_name = add(&d, " dana reyes ", None, &[], &mut ids);
        assert!(matches!(
            dup_name,
            Err(StaffError::Exists { id: StaffId(1), .. })
        ));
        let dup_mail = add(&d, "Other", Some("DANA@us.example"), &[], &mut ids);
        assert!(matches!(dup_mail, Err(StaffError::Exists { .. })));
        assert_eq!(
            add(&d, "  ", None, &[], &mut ids).map(|x| x.0),
            Err(StaffError::NoName)
        );
        assert!(matches!(
            add(&d, "Pat", Some("pat at home"), &[], &mut ids),
            Err(StaffError::BadEmail(_))
        ));
        let (pat, set) = add(
            &d,
            "Pat\u{1b}[31m Lee",
            Some("pat@us.example"),
            &[Role::SeniorManagement, Role::SeniorManagement],
            &mut ids,
        )
        .expect("added");
        assert_eq!(pat.id, StaffId(10));
        assert_eq!(pat.roles, vec![Role::SeniorManagement], "each role once");
        assert!(!pat.name.contains('\u{1b}'), "sanitised: {:?}", pat.name);
        assert!(pat.active);
        assert_eq!(set.len(), 1);
    }

    #[test]
    fn set_changes_roles_email_and_active_and_refuses_no_change() {
        let d = data();
        let member = d.staff[0].clone();
        let patch = StaffPatch {
            add_roles: vec![Role::SeniorManagement],
            remove_roles: vec![Role::AccountManager],
            active: Some(false),
            email: Some(String::new()),
            ..StaffPatch::default()
        };
        let (after, _) = set(&d, member.clone(), &patch).expect("changed");
        assert_eq!(after.roles, vec![Role::SeniorManagement]);
        assert!(!after.active);
        assert_eq!(after.email, None);
        let same = StaffPatch {
            add_roles: vec![Role::AccountManager],
            ..StaffPatch::default()
        };
        assert_eq!(
            set(&d, member, &same).map(|x| x.0),
            Err(StaffError::NoChange("Dana Reyes".into()))
        );
    }

    #[test]
    fn set_refuses_an_email_that_belongs_to_someone_else() {
        let mut d = data();
        d.staff.push(person(2, "Sam Cole", None));
        let patch = StaffPatch {
            email: Some("dana@us.example".into()),
            ..StaffPatch::default()
        };
        let sam = d.staff[1].clone();
        assert!(matches!(
            set(&d, sam, &patch),
            Err(StaffError::EmailTaken(_, _, StaffId(1)))
        ));
    }
}

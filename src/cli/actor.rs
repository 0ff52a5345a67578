//! Who acts, for the timeline: `--as NAME`, else the login name. `$USER` is not always set
//! (cron, systemd units, `env -i`), so the name then comes from the OS's user database; a
//! timeline never says "cli" about a person.

use crate::core::sanitize;

/// The actor's name: `given` (from `--as`), `$USER`, `$LOGNAME`, the OS's name for this user,
/// or `uid N` when the user database has no entry.
pub fn actor(given: Option<String>) -> String {
    given
        .into_iter()
        .chain(std::env::var("USER").ok())
        .chain(std::env::var("LOGNAME").ok())
        .chain(login_name())
        .map(|a| sanitize::line(&a))
        .find(|a| !a.is_empty())
        .unwrap_or_else(|| format!("uid {}", current_uid()))
}

fn current_uid() -> libc::uid_t {
    // SAFETY: geteuid cannot fail and touches no memory of ours.
    unsafe { libc::geteuid() }
}

/// The login name of the effective user from the user database (getpwuid_r).
fn login_name() -> Option<String> {
    let mut buf = vec![0u8; 4096];
    // SAFETY: passwd is plain old data; zeroed is a valid value that getpwuid_r overwrites.
    let mut pwd: libc::passwd = unsafe { std::mem::zeroed() };
    let mut result: *mut libc::passwd = std::ptr::null_mut();
    // SAFETY: every pointer is valid for the call: pwd and result live on this frame, buf
    // holds buf.len() bytes, and getpwuid_r writes only within them.
    let rc = unsafe {
        libc::getpwuid_r(
            current_uid(),
            &mut pwd,
            buf.as_mut_ptr().cast(),
            buf.len(),
            &mut result,
        )
    };
    if rc != 0 || result.is_null() || pwd.pw_name.is_null() {
        return None;
    }
    // SAFETY: on success pw_name points at a NUL-terminated string inside buf.
    let name = unsafe { std::ffi::CStr::from_ptr(pwd.pw_name) };
    Some(name.to_string_lossy().into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_given_name_wins_and_is_sanitised() {
        assert_eq!(actor(Some("Dana\u{7}Reyes".into())), "DanaReyes");
    }

    #[test]
    fn the_user_database_names_whoever_runs_the_tests() {
        assert!(login_name().is_some_and(|n| !n.is_empty()));
    }
}

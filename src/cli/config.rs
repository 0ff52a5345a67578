//! The user's config file (`hearback.toml` in the XDG config dir, or `--config FILE`): the
//! policy overrides and the keys (`[keys.<mode>]`, see `keymap::from_toml`). A missing
//! default file is fine; a named file that is missing, or any invalid key, is an error naming
//! the file and key.

use crate::app::Rules;
use crate::core::alerts::Settings;
use crate::core::policy::Policy;
use crate::core::{Instant, QuestionSet};
use crate::keymap::{self, Keymap};
use anyhow::Context as _;
use chrono::{Local, Offset, TimeZone};
use std::path::{Path, PathBuf};

/// The default config file path.
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "hearback").map(|d| d.config_dir().join("hearback.toml"))
}

/// Loads the rules: shipped defaults, overridden by the config file if there is one.
/// `default` is the file read when none is given ([`default_path`] of the caller).
pub fn load(
    explicit: Option<&Path>,
    default: Option<&Path>,
    now: Instant,
) -> anyhow::Result<Rules> {
    let (path, required) = match explicit {
        Some(p) => (Some(p.to_path_buf()), true),
        None => (default.map(Path::to_path_buf), false),
    };
    let (policy, keys, notifications) = match path {
        Some(p) if required || super::console::path(&p).exists() => {
            let text = std::fs::read_to_string(super::console::path(&p))
                .with_context(|| format!("cannot read config file {}", p.display()))?;
            let invalid = || format!("invalid config file {}", p.display());
            let policy = Policy::from_toml(&text).with_context(invalid)?;
            let keys = keymap::from_toml(&text).with_context(invalid)?;
            (
                policy,
                keys,
                Settings::from_toml(&text).with_context(invalid)?,
            )
        }
        _ => (Policy::default(), Keymap::default(), Settings::default()),
    };
    // The user's local offset at `now`: weekends begin at local midnight.
    let local = Local.offset_from_utc_datetime(&now.naive_utc()).fix();
    let work_week = policy.work_week(local);
    Ok(Rules {
        policy,
        work_week,
        questions: QuestionSet::defaults(),
        keys,
        notifications,
    })
}

//! The user's config file (`hearback.toml` in the XDG config dir, or `--config FILE`): the
//! policy overrides. A missing default file is fine; a named file that is missing, or any
//! invalid key, is an error naming the file and key.

use crate::app::Rules;
use crate::core::policy::Policy;
use crate::core::{Instant, QuestionSet};
use anyhow::Context as _;
use chrono::{Local, Offset, TimeZone};
use std::path::{Path, PathBuf};

/// The default config file path.
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "hearback").map(|d| d.config_dir().join("hearback.toml"))
}

/// Loads the rules: shipped defaults, overridden by the config file if there is one.
pub fn load(explicit: Option<&Path>, now: Instant) -> anyhow::Result<Rules> {
    let (path, required) = match explicit {
        Some(p) => (Some(p.to_path_buf()), true),
        None => (default_path(), false),
    };
    let policy = match path {
        Some(p) if required || p.exists() => {
            let text = std::fs::read_to_string(&p)
                .with_context(|| format!("cannot read config file {}", p.display()))?;
            Policy::from_toml(&text)
                .with_context(|| format!("invalid config file {}", p.display()))?
        }
        _ => Policy::default(),
    };
    // The user's local offset at `now`: weekends begin at local midnight.
    let local = Local.offset_from_utc_datetime(&now.naive_utc()).fix();
    let calendar = policy.calendar(local);
    Ok(Rules {
        policy,
        calendar,
        questions: QuestionSet::defaults(),
    })
}

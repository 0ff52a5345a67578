//! What a customer import's CRM triggers did, for its report (see `core::crm_triggers`).

use crate::core::crm_triggers::{TriggerPolicy, Triggered};
use std::path::Path;

/// The report's lines about the triggers (nothing when none is configured). Cells the
/// triggers could not read go to stderr as `FILE:LINE: ...`, like rejected rows, though their
/// rows were imported.
pub fn report(
    file: &Path,
    triggered: &Triggered,
    rules: &TriggerPolicy,
    missing: &[String],
    dry_run: bool,
) -> Vec<String> {
    if !rules.any() {
        return Vec::new();
    }
    for (line, note) in &triggered.notes {
        crate::cli::say_err!("{}:{line}: {note}", file.display());
    }
    let mut lines = Vec::new();
    for column in missing {
        lines.push(format!(
            "CRM triggers: this file has no column '{column}' (named in [policy.triggers]); \
             nothing was compared for it"
        ));
    }
    let n = triggered.fired.len();
    if n == 0 {
        lines.push("CRM triggers: no change in this file calls for a feedback interview".into());
        return lines;
    }
    lines.push(format!(
        "CRM triggers: {} {n} feedback interview{} due",
        if dry_run { "would make" } else { "made" },
        if n == 1 { "" } else { "s" }
    ));
    for f in &triggered.fired {
        lines.push(format!(
            "  {}: {}; interview due by {}",
            f.name,
            f.why.join("; "),
            f.due.format("%Y-%m-%d")
        ));
    }
    lines
}

//! A diagnostics hook for measuring idle redraws: with `HEARBACK_DRAW_COUNT_FILE=PATH` set, the
//! dashboard writes, when it exits, the number of frames it drew on the first line of PATH and
//! then the wall-clock time of each draw (Unix milliseconds), one per line, so a script can
//! count the draws inside any window (see `scripts/idle_measure.sh`). Unset, nothing is kept.

use std::path::PathBuf;
use std::time::{SystemTime, UNIX_EPOCH};

/// The environment variable naming the file.
pub const ENV: &str = "HEARBACK_DRAW_COUNT_FILE";

/// Draw times, kept only when the hook is on.
pub struct DrawLog {
    path: Option<PathBuf>,
    times: Vec<u64>,
}

impl DrawLog {
    /// On when the environment variable is set and not empty.
    pub fn from_env() -> DrawLog {
        DrawLog {
            path: std::env::var_os(ENV)
                .filter(|p| !p.is_empty())
                .map(PathBuf::from),
            times: Vec::new(),
        }
    }

    /// Notes one draw.
    pub fn record(&mut self) {
        if self.path.is_some() {
            let ms = SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map(|d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
                .unwrap_or(0);
            self.times.push(ms);
        }
    }

    /// Writes the file, if the hook is on, through the one safe writer like every file
    /// hearback writes outside its store. Called after the terminal is restored.
    pub fn write(&self) -> Result<(), crate::io::out_file::OutFileError> {
        let Some(path) = &self.path else {
            return Ok(());
        };
        let mut text = format!("{}\n", self.times.len());
        for t in &self.times {
            text.push_str(&t.to_string());
            text.push('\n');
        }
        crate::io::out_file::write(path, text.as_bytes())
    }
}

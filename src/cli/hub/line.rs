//! The dashboard's `:` line: a command typed there is split as a shell would split it, parsed
//! by the same clap definitions and run by the same dispatch as `hearback` in a terminal, on a
//! thread of its own, with its output captured for the document view. The lines typed are
//! kept in `DATA/command-history`, one per line, so the history survives a restart.

use super::server::parse;
use crate::cli::console::{Captured, Console, Ran};
use crate::cli::{Command, Context, Invocation, dispatch, exit_byte, output};
use crate::core::Instant;
use crate::runtime::{CommandOutput, Hub};
use std::path::PathBuf;

/// The history file's name in the data dir.
pub const HISTORY_FILE: &str = "command-history";

/// Runs the lines typed at `:` for one dashboard.
pub struct Runner {
    hub: Hub,
    settings: Settings,
}

/// The dashboard's own settings, which a `:` command runs with unless it gives its own.
#[derive(Clone)]
struct Settings {
    data_dir: PathBuf,
    /// The dashboard's fixed `--now`, if any: a command at its `:` line runs at the same time.
    now: Option<Instant>,
    config: Option<PathBuf>,
    default_config: Option<PathBuf>,
    actor: String,
}

/// A line split into words as a shell would (quotes, backslashes), without a leading
/// `hearback` if the user typed one.
pub fn split_line(line: &str) -> Result<Vec<String>, String> {
    let mut words = shlex::split(line).ok_or_else(|| {
        "a quote is not closed: close it, or put a backslash before it".to_string()
    })?;
    if words.first().is_some_and(|w| w == "hearback") {
        words.remove(0);
    }
    Ok(words)
}

impl Runner {
    /// The runner for the dashboard of `ctx`, at its fixed time if it has one.
    pub fn new(ctx: &Context, hub: Hub, now: Option<Instant>) -> Runner {
        let (config, default_config) = ctx.config_paths();
        Runner {
            hub,
            settings: Settings {
                data_dir: ctx.data_dir.clone(),
                now,
                config: config.map(PathBuf::from),
                default_config: default_config.map(PathBuf::from),
                actor: ctx.actor.clone(),
            },
        }
    }

    fn history_path(&self) -> PathBuf {
        self.settings.data_dir.join(HISTORY_FILE)
    }

    /// The lines typed in earlier runs, oldest first (the newest `io::history::CAP`). A
    /// history that cannot be read is an empty one: it is a convenience, never a reason not
    /// to start. A file grown well past the cap (it is only ever appended to) is rewritten
    /// with what is kept, through the one safe writer.
    pub fn history(&self) -> Vec<String> {
        let path = self.history_path();
        let bytes = std::fs::read(&path).unwrap_or_default();
        let text = String::from_utf8_lossy(&bytes);
        let lines = crate::io::history::parse(&text);
        if text.lines().count() > 2 * crate::io::history::CAP {
            let kept = crate::io::history::to_text(&lines);
            let _ = crate::io::out_file::write(&path, kept.as_bytes());
        }
        lines
    }

    /// Appends the line to the history file.
    fn remember(&self, line: &str) {
        let text = crate::io::history::append_line(line);
        if text.is_empty() {
            return;
        }
        // Losing a history line is not worth interrupting anyone for.
        let _ = crate::io::out_file::append(&self.history_path(), text.as_bytes());
    }

    /// Runs `line` on a thread of its own; its output reaches the dashboard as a
    /// [`CommandOutput`].
    pub fn run(&self, line: String) {
        self.remember(&line);
        let (hub, settings) = (self.hub.clone(), self.settings.clone());
        let spawned = std::thread::Builder::new()
            .name(super::LINE_THREAD.into())
            .spawn(move || {
                let said = format!("{}: done", line_shown(&line));
                let output = capture(&line, settings, &hub, said);
                hub.output(output);
            });
        if let Err(e) = spawned {
            self.hub.output(CommandOutput {
                line: String::new(),
                stdout: String::new(),
                stderr: format!("error: cannot start the command: {e}\n"),
                code: 1,
            });
        }
    }
}

/// Runs commands the dashboard starts by itself (the inbox watcher's `inbox`): not kept in the
/// history, and their output goes to the status line instead of the document view.
#[derive(Clone)]
pub struct Background {
    hub: Hub,
    settings: Settings,
}

impl Runner {
    /// The runner of the dashboard's own commands.
    pub fn background(&self) -> Background {
        Background {
            hub: self.hub.clone(),
            settings: self.settings.clone(),
        }
    }
}

impl Background {
    /// The data directory of the dashboard.
    pub fn data_dir(&self) -> &std::path::Path {
        &self.settings.data_dir
    }

    /// Runs `line` on this thread (so runs never overlap) and hands its output to the loop.
    pub fn run_inbox(&self, line: &str) {
        // Its summary is said when it ends (`Msg::InboxRan`), not the line.
        let output = capture(line, self.settings.clone(), &self.hub, String::new());
        self.hub.inbox_ran(output);
    }
}

/// The line as the status line quotes it.
fn line_shown(line: &str) -> String {
    let line = crate::core::sanitize::line(line);
    match line.char_indices().nth(50) {
        Some((cut, _)) => format!(":{}…", &line[..cut]),
        None => format!(":{line}"),
    }
}

/// Runs the line with its output captured: the same parse and dispatch as in a terminal.
/// `said` is what the status line says if the command changed something (empty: nothing).
fn capture(line: &str, settings: Settings, hub: &Hub, said: String) -> CommandOutput {
    let (out, err) = (Captured::default(), Captured::default());
    let console = Console {
        out: Box::new(out.clone()),
        err: Box::new(err.clone()),
        input: None,
        cwd: std::env::current_dir().unwrap_or_else(|_| PathBuf::from("/")),
    };
    let ran = console.run(|| {
        let args: Vec<std::ffi::OsString> = match split_line(line) {
            Ok(words) => words.into_iter().map(Into::into).collect(),
            Err(why) => {
                crate::cli::say_err!("error: {why}");
                return 2;
            }
        };
        let cli = match parse(&args) {
            Ok(cli) => cli,
            Err(code) => return code,
        };
        if let Some(why) = refused(&cli, &settings) {
            crate::cli::say_err!("error: {why}");
            return 1;
        }
        let invocation = Invocation {
            command: cli.command,
            data_dir: settings.data_dir,
            now: cli.now.or(settings.now),
            config: cli.config.or(settings.config),
            default_config: settings.default_config,
            actor: match cli.actor {
                Some(name) => crate::cli::actor::actor(Some(name)),
                None => settings.actor,
            },
            args,
        };
        match dispatch::run(invocation, Some((hub.clone(), said))) {
            Ok(code) => exit_byte(code),
            Err(e) => {
                output::report(&e);
                1
            }
        }
    });
    let mut stderr = err.text();
    let code = match ran {
        Ran::Done(code) => code,
        Ran::CallerGone => 1,
        Ran::Failed(why) => {
            stderr.push_str(&format!(
                "error: hearback failed unexpectedly while running the command ({why}); the \
                 dashboard goes on. Run `hearback check`, and report this with the command\n"
            ));
            101
        }
    };
    CommandOutput {
        line: line.to_string(),
        stdout: out.text(),
        stderr,
        code,
    }
}

/// Why a parsed line cannot run at the `:` line, if it cannot.
fn refused(cli: &crate::cli::Cli, settings: &Settings) -> Option<String> {
    if matches!(cli.command, Some(Command::Bench(_))) {
        return Some(
            "bench measures in processes and stores of its own: run `hearback bench` in a \
             terminal"
                .into(),
        );
    }
    match &cli.data {
        Some(dir) if *dir != settings.data_dir => Some(format!(
            "the : line works on this dashboard's data dir ({}); run commands for {} in a \
             terminal",
            settings.data_dir.display(),
            dir.display()
        )),
        _ => None,
    }
}

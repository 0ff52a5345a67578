//! One hearback per data dir, and every command still works: the dashboard that holds the
//! data dir listens on a Unix socket in it (`DIR/hearback.sock`), and a `hearback` command
//! started anywhere else sends its command line there instead of opening the store. The
//! dashboard runs it with the same clap definitions and the same handlers, on a thread of its
//! own, with the caller's output, input, working directory, `--now`, `--config` and `--as`
//! (see `console` and `Invocation`), and leases the store through its save worker (see
//! `runtime::hub`), so the caller sees what it would have seen with the dashboard closed.
//!
//! Boring and safe on purpose:
//! - the socket is 0600 in the 0700 data dir, and a peer of another user is refused by its
//!   credentials (SO_PEERCRED) even if the modes were loosened;
//! - only the dashboard, holding the store's lock, creates the socket, so whatever was at its
//!   path before (a killed dashboard's) is stale and replaced;
//! - a request is one bincode message with a size limit, read with a timeout: a malformed,
//!   oversized or silent one ends that connection only;
//! - a caller whose dashboard is suspended (Ctrl-Z) or stuck hears so within 2 s, and nothing
//!   it sent can run later: the request is sent only after the dashboard said hello.

mod client;
mod line;
mod protocol;
mod server;
mod streams;
mod watch;

use super::{Context, Session};
use crate::runtime::Clock;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

pub use client::forward;

/// The name of the threads that run a command for another terminal.
const CALLER_THREAD: &str = "hub caller";

/// The name of the threads that run a line typed at `:`.
const LINE_THREAD: &str = "command line";

/// A command that fails unexpectedly is caught and reported to its caller
/// (`console::Ran::Failed`): its panic message must not also be printed over the dashboard's
/// screen. Installed once, before the terminal's own hook, which chains to it; every other
/// thread's panic is printed as before.
fn quiet_command_panics() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let name = std::thread::current().name().map(str::to_owned);
            if !matches!(
                name.as_deref(),
                Some(CALLER_THREAD | LINE_THREAD | watch::INBOX_THREAD)
            ) {
                previous(info);
            }
        }));
    });
}

/// The socket's name in the data dir.
pub const SOCKET: &str = "hearback.sock";

/// Where the dashboard of `data_dir` listens.
pub fn socket_path(data_dir: &Path) -> PathBuf {
    data_dir.join(SOCKET)
}

/// Opens the dashboard on the store (taking its lock) and serves other terminals' commands
/// for as long as it runs.
pub(super) fn dashboard(ctx: &Context, clock: Arc<dyn Clock>) -> anyhow::Result<ExitCode> {
    let Session { store, data, .. } = ctx.writing_open()?;
    let rules = ctx.rules()?.clone();
    let (hub, inbox) = crate::runtime::hub();
    // Without the socket the dashboard still works; the status line says what is missing.
    let (listening, notice) = match server::listen(&ctx.data_dir, hub.clone()) {
        Ok(listening) => (Some(listening), None),
        Err(e) => (
            None,
            Some(format!(
                "commands from other terminals cannot reach this dashboard ({e}); they say \
                 hearback is open until you quit it"
            )),
        ),
    };
    quiet_command_panics();
    let lines = line::Runner::new(ctx, hub, clock.is_fixed().then(|| clock.now()));
    // Without the watch the dashboard still works; `hearback inbox` does the same by hand.
    let (watch, notice) = match watch::start(lines.background()) {
        Ok(watch) => (Some(watch), notice),
        Err(why) => (None, notice.or(Some(why))),
    };
    let result = crate::runtime::run(crate::runtime::Start {
        store: Arc::from(store),
        data,
        rules,
        clock,
        place: ctx.data_dir.display().to_string(),
        actor: ctx.actor.clone(),
        hub: Some(inbox),
        notice,
        history: lines.history(),
        commands: Some(Box::new(move |line| lines.run(line))),
        vocabulary: crate::cli::vocabulary(),
    });
    drop(listening);
    drop(watch);
    server::wait_for_callers(std::time::Duration::from_secs(5));
    result
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn a_commands_panic_is_not_printed_over_the_dashboard_but_others_are() {
        static PRINTED: AtomicUsize = AtomicUsize::new(0);
        const OTHER: &str = "hub panic test: other";
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let name = std::thread::current().name().map(str::to_owned);
            if matches!(name.as_deref(), Some(CALLER_THREAD | LINE_THREAD | OTHER)) {
                PRINTED.fetch_add(1, Ordering::SeqCst);
            } else {
                previous(info);
            }
        }));
        quiet_command_panics();
        for name in [CALLER_THREAD, LINE_THREAD, OTHER] {
            let thread = std::thread::Builder::new().name(name.into());
            let joined = thread.spawn(|| panic!("a defect")).expect("spawns").join();
            assert!(joined.is_err(), "{name} panicked");
        }
        assert_eq!(
            PRINTED.load(Ordering::SeqCst),
            1,
            "only the other thread's panic printed"
        );
    }
}

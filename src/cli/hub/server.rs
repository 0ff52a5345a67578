//! The dashboard's end of the socket: accepts callers, checks who they are, reads one request
//! each and runs it as `hearback` would, with the caller's streams.

use super::protocol::{self, FromHub, Request, ToHub};
use super::streams::{Frames, Stdin};
use crate::cli::console::{Console, Ran};
use crate::cli::{Cli, Invocation, dispatch, exit_byte, output};
use crate::runtime::Hub;
use clap::{CommandFactory, FromArgMatches};
use std::ffi::OsString;
use std::io::{BufReader, Write};
use std::os::fd::AsRawFd;
use std::os::unix::ffi::OsStringExt;
use std::os::unix::fs::{FileTypeExt, PermissionsExt};
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// How many callers are served at once; more are told to retry.
const MOST_AT_ONCE: usize = 8;

/// How long a caller has to send its request after the hello.
const REQUEST_WAIT: Duration = Duration::from_secs(5);

/// How long the dashboard's loop has to answer before a caller hears it is not answering.
const LOOP_WAIT: Duration = Duration::from_millis(1500);

/// Commands taken in and not yet answered: the dashboard's process waits for them before it
/// exits ([`wait_for_callers`]), so a caller is never cut off between its command's end and its
/// answer.
static ANSWERING: AtomicUsize = AtomicUsize::new(0);

/// Counts one command in [`ANSWERING`] while it lives.
struct Answering;

impl Answering {
    fn start() -> Answering {
        ANSWERING.fetch_add(1, Ordering::SeqCst);
        Answering
    }
}

impl Drop for Answering {
    fn drop(&mut self) {
        ANSWERING.fetch_sub(1, Ordering::SeqCst);
    }
}

/// Waits, at most `limit`, until every command taken in has been answered. Called once the
/// loop has ended: a command still running then finishes (its store lease is refused, so it
/// says the dashboard closed, or tells its caller to run it itself), and its answer is sent
/// before the process goes.
pub fn wait_for_callers(limit: Duration) {
    let start = std::time::Instant::now();
    while ANSWERING.load(Ordering::SeqCst) > 0 && start.elapsed() < limit {
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// The socket, listened on by a thread of its own; the socket file is removed when dropped
/// (when the dashboard ends).
pub struct Listening {
    path: PathBuf,
}

impl Drop for Listening {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

/// Creates the socket in `data_dir` and serves it. The caller holds the store's lock, so a
/// socket already at the path belongs to no live dashboard (a killed one's): it is replaced.
/// Anything else at the path is left alone.
pub fn listen(data_dir: &Path, hub: Hub) -> std::io::Result<Listening> {
    let path = super::socket_path(data_dir);
    // A Unix socket's path holds at most 107 bytes (sun_path, with its NUL).
    if std::os::unix::ffi::OsStrExt::as_bytes(path.as_os_str()).len() > 107 {
        return Err(std::io::Error::other(format!(
            "the data directory's path is too long for a socket ({} bytes, at most 107 with \
             /{}): use a shorter --data path",
            path.as_os_str().len(),
            super::SOCKET
        )));
    }
    match std::fs::symlink_metadata(&path) {
        Ok(meta) if meta.file_type().is_socket() => std::fs::remove_file(&path)?,
        Ok(_) => {
            return Err(std::io::Error::other(format!(
                "{} exists and is not hearback's socket",
                path.display()
            )));
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(e),
    }
    let listener = UnixListener::bind(&path)?;
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600))?;
    let dir = data_dir.to_path_buf();
    std::thread::Builder::new()
        .name("hub".into())
        .spawn(move || serve(&listener, &hub, &dir))?;
    Ok(Listening { path })
}

fn serve(listener: &UnixListener, hub: &Hub, dir: &Path) {
    let busy = Arc::new(AtomicUsize::new(0));
    for stream in listener.incoming() {
        let Ok(stream) = stream else { continue };
        if busy.fetch_add(1, Ordering::SeqCst) >= MOST_AT_ONCE {
            busy.fetch_sub(1, Ordering::SeqCst);
            let _ = refuse(
                &stream,
                "the open dashboard is running many commands at once; run this one again in a moment",
            );
            continue;
        }
        let (hub, dir, count) = (hub.clone(), dir.to_path_buf(), Arc::clone(&busy));
        let spawned = std::thread::Builder::new()
            .name(super::CALLER_THREAD.into())
            .spawn(move || {
                caller(stream, &hub, &dir);
                count.fetch_sub(1, Ordering::SeqCst);
            });
        if spawned.is_err() {
            busy.fetch_sub(1, Ordering::SeqCst);
        }
    }
}

/// Says why a caller is not served, and ends its command with exit code 1.
fn refuse(stream: &UnixStream, why: &str) -> std::io::Result<()> {
    let mut w = stream;
    protocol::send(
        &mut w,
        &FromHub::Err(format!("error: {why}\n").into_bytes()),
    )?;
    protocol::send(&mut w, &FromHub::Exit(1))
}

/// The user id of the process at the other end.
fn peer_uid(stream: &UnixStream) -> Option<libc::uid_t> {
    // SAFETY: ucred is plain old data; zeroed is a valid value getsockopt overwrites.
    let mut cred: libc::ucred = unsafe { std::mem::zeroed() };
    let mut len = std::mem::size_of::<libc::ucred>() as libc::socklen_t;
    // SAFETY: getsockopt writes at most `len` bytes into `cred`, which lives on this frame.
    let rc = unsafe {
        libc::getsockopt(
            stream.as_raw_fd(),
            libc::SOL_SOCKET,
            libc::SO_PEERCRED,
            (&raw mut cred).cast(),
            &mut len,
        )
    };
    (rc == 0).then_some(cred.uid)
}

fn own_uid() -> libc::uid_t {
    // SAFETY: geteuid cannot fail and touches no memory of ours.
    unsafe { libc::geteuid() }
}

/// Serves one caller; every way it can go wrong ends this connection only.
fn caller(stream: UnixStream, hub: &Hub, dir: &Path) {
    match peer_uid(&stream) {
        Some(uid) if uid == own_uid() => {}
        Some(uid) => {
            let _ = refuse(
                &stream,
                &format!(
                    "this hearback belongs to another user; a command from uid {uid} is not run"
                ),
            );
            return;
        }
        None => {
            let _ = refuse(
                &stream,
                "cannot tell who is calling; the command is not run",
            );
            return;
        }
    }
    let pid = std::process::id();
    let Ok(reading) = stream.try_clone() else {
        return;
    };
    let writer = Arc::new(Mutex::new(stream));
    if say(&writer, &FromHub::Hello { pid }).is_err() {
        return;
    }
    let mut reader = BufReader::new(reading);
    let _ = reader.get_ref().set_read_timeout(Some(REQUEST_WAIT));
    let request = match protocol::receive::<_, ToHub>(&mut reader) {
        Ok(ToHub::Request(request)) if request.version == protocol::VERSION => request,
        Ok(ToHub::Request(request)) => {
            let _ = end(
                &writer,
                &format!(
                    "the open dashboard speaks version {} of the hub's protocol, this hearback \
                     version {}: use the same hearback for both",
                    protocol::VERSION,
                    request.version
                ),
            );
            return;
        }
        Ok(_) => {
            let _ = end(
                &writer,
                "the request did not start with a command; nothing was run",
            );
            return;
        }
        Err(e) => {
            let why = match e {
                bincode::error::DecodeError::LimitExceeded => format!(
                    "the request is larger than the {} KiB a command may be; nothing was run",
                    protocol::REQUEST_LIMIT / 1024
                ),
                _ => "the request is not one hearback sends; nothing was run".to_string(),
            };
            let _ = end(&writer, &why);
            return;
        }
    };
    let _ = reader.get_ref().set_read_timeout(None);
    let _answering = Answering::start();
    let answered = hub.ping(LOOP_WAIT);
    if answered.is_none() {
        let _ = say(&writer, &FromHub::Closing);
        return;
    }
    if answered == Some(false) {
        let _ = end(
            &writer,
            &format!(
                "hearback is open on {} (process {pid}) but not answering; wait a moment, or quit \
                 it and run the command again",
                dir.display()
            ),
        );
        return;
    }
    let said = format!("hearback {} (another terminal)", shown(&request.args));
    let console = Console {
        out: Box::new(Frames::out(&writer)),
        err: Box::new(Frames::err(&writer)),
        input: Some(Box::new(Stdin::new(reader, &writer))),
        cwd: PathBuf::from(OsString::from_vec(request.cwd.clone())),
    };
    match console.run(|| run(request, dir, hub, said)) {
        Ran::Done(Some(code)) => {
            let _ = say(&writer, &FromHub::Exit(code));
        }
        // The loop ended before the command got the store: the caller runs it itself once
        // the dashboard is gone, as if it had arrived a moment later; unless it already said
        // something or took stdin, which a second run would say twice or find consumed.
        Ran::Done(None) if !SPOKE.with(std::cell::Cell::get) => {
            let _ = say(&writer, &FromHub::Closing);
        }
        Ran::Done(None) => {
            let _ = end(
                &writer,
                &format!(
                    "the dashboard on {} closed before this command could run; run it again",
                    dir.display()
                ),
            );
        }
        Ran::CallerGone => {}
        Ran::Failed(why) => {
            let _ = end(
                &writer,
                &format!(
                    "hearback failed unexpectedly while running the command ({why}); the \
                     dashboard goes on. Run `hearback check`, and report this with the command"
                ),
            );
        }
    }
}

thread_local! {
    /// Whether the command of this caller thread sent output or asked for stdin.
    static SPOKE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Sends one message to the caller.
pub(super) fn say(writer: &Mutex<UnixStream>, message: &FromHub) -> std::io::Result<()> {
    if matches!(
        message,
        FromHub::Out(_) | FromHub::Err(_) | FromHub::WantStdin
    ) {
        SPOKE.with(|s| s.set(true));
    }
    let mut stream = writer.lock().map_err(|_| std::io::ErrorKind::Other)?;
    protocol::send(&mut *stream, message)
}

/// Ends a request that cannot run: its reason on the caller's stderr, exit code 1.
fn end(writer: &Mutex<UnixStream>, why: &str) -> std::io::Result<()> {
    say(
        writer,
        &FromHub::Err(format!("error: {why}\n").into_bytes()),
    )?;
    say(writer, &FromHub::Exit(1))
}

/// The command line as the dashboard's status line quotes it: short, one line, clean.
fn shown(args: &[Vec<u8>]) -> String {
    let line = args
        .iter()
        .map(|a| String::from_utf8_lossy(a).into_owned())
        .collect::<Vec<_>>()
        .join(" ");
    let line = crate::core::sanitize::line(&line);
    match line.char_indices().nth(60) {
        Some((cut, _)) => format!("{}…", &line[..cut]),
        None => line,
    }
}

/// Runs a caller's request: parsed by the same clap definitions as in the caller's process,
/// with the caller's settings, through the same dispatch. Returns the exit code.
fn run(request: Request, dir: &Path, hub: &Hub, said: String) -> Option<u8> {
    let args: Vec<OsString> = request.args.into_iter().map(OsString::from_vec).collect();
    let path = |bytes: Option<Vec<u8>>| bytes.map(|b| PathBuf::from(OsString::from_vec(b)));
    let now = request
        .now
        .and_then(|(secs, nanos)| chrono::DateTime::from_timestamp(secs, nanos));
    let cli = match parse(&args) {
        Ok(cli) => cli,
        Err(code) => return Some(code),
    };
    let invocation = Invocation {
        command: cli.command,
        data_dir: dir.to_path_buf(),
        now,
        config: path(request.config),
        default_config: path(request.default_config),
        actor: request.actor,
        args,
    };
    match dispatch::run(invocation, Some((hub.clone(), said))) {
        Ok(code) => Some(exit_byte(code)),
        Err(err) if err.downcast_ref::<crate::cli::session::HubGone>().is_some() => None,
        Err(err) => {
            output::report(&err);
            Some(1)
        }
    }
}

/// Parses arguments (after the program's name) as `hearback` does, without reading this
/// process's environment: the caller's settings arrive resolved in the request, and the
/// dashboard's own (its `HEARBACK_NOW`, say) must not leak into another's command. A line
/// clap refuses, or `--help`, is printed as clap prints it, with clap's exit code.
pub fn parse(args: &[OsString]) -> Result<Cli, u8> {
    let command = Cli::command().mut_args(|a| a.env(clap::builder::Resettable::Reset));
    let program = std::iter::once(OsString::from("hearback"));
    let parsed = command
        .try_get_matches_from(program.chain(args.iter().cloned()))
        .and_then(|m| Cli::from_arg_matches(&m));
    parsed.map_err(|e| {
        let text = e.render().to_string();
        if e.use_stderr() {
            crate::cli::console::err().write_all(text.as_bytes()).ok();
        } else {
            crate::cli::console::out().write_all(text.as_bytes()).ok();
        }
        u8::try_from(e.exit_code()).unwrap_or(2)
    })
}

//! The caller's end: a `hearback` command started while a dashboard holds the data dir sends
//! its command line to the dashboard and plays back what it prints, byte for byte, and its
//! exit code.

use super::protocol::{self, FromHub, Request, STDIN_CHUNK, ToHub};
use crate::cli::Invocation;
use std::io::{BufReader, Read, Write};
use std::os::unix::ffi::OsStrExt;
use std::os::unix::net::UnixStream;
use std::path::Path;
use std::time::Duration;

/// How long a dashboard has to say hello: a suspended or stuck one is reported within 2 s.
const HELLO_WAIT: Duration = Duration::from_millis(1200);

/// Runs the command in the dashboard that holds the data dir, if one listens there: returns
/// its exit code, or `None` when no dashboard listens (then the command runs here, and the
/// store's lock decides, as always).
pub fn forward(inv: &Invocation) -> Option<u8> {
    let path = super::socket_path(&inv.data_dir);
    let stream = match UnixStream::connect(&path) {
        Ok(stream) => stream,
        Err(_) => starting(&inv.data_dir, &path)?,
    };
    let reading = stream.try_clone().ok()?;
    let _ = reading.set_read_timeout(Some(HELLO_WAIT));
    let mut reader = BufReader::new(reading);
    let hello = protocol::receive::<_, FromHub>(&mut reader);
    let mut first = match hello {
        Ok(FromHub::Hello { .. }) => None,
        // Refused before the hello (another user, too many callers): play it back.
        Ok(other) => Some(other),
        Err(bincode::error::DecodeError::Io { inner, .. })
            if matches!(
                inner.kind(),
                std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
            ) =>
        {
            let _ = writeln!(std::io::stderr(), "error: {}", silent(&inv.data_dir));
            return Some(1);
        }
        // Closed without a word: the dashboard is ending; the command runs here.
        Err(_) => return None,
    };
    if first.is_none() {
        let mut w = &stream;
        if protocol::send(&mut w, &ToHub::Request(request(inv))).is_err() {
            return Some(gone(&inv.data_dir));
        }
    }
    let _ = reader.get_ref().set_read_timeout(None);
    let mut stdout = std::io::stdout().lock();
    loop {
        let message = match first.take() {
            Some(message) => Ok(message),
            None => protocol::receive::<_, FromHub>(&mut reader),
        };
        match message {
            Ok(FromHub::Out(bytes)) => {
                // A closed stdout ends this process here (SIGPIPE), as it would the command;
                // the dashboard then sees the caller gone and ends the command too.
                if stdout.write_all(&bytes).is_err() {
                    return Some(1);
                }
            }
            Ok(FromHub::Err(bytes)) => {
                let _ = stdout.flush();
                let _ = std::io::stderr().write_all(&bytes);
            }
            Ok(FromHub::WantStdin) => pump_stdin(&stream),
            Ok(FromHub::Closing) => {
                wait_until_closed(&inv.data_dir);
                return None;
            }
            Ok(FromHub::Exit(code)) => {
                let _ = stdout.flush();
                return Some(code);
            }
            Ok(FromHub::Hello { .. }) => {}
            Err(_) => {
                let _ = stdout.flush();
                return Some(gone(&inv.data_dir));
            }
        }
    }
}

/// A dashboard takes the store's lock, then creates its socket: a caller in between waits for
/// the socket (up to 1 s) rather than hearing the store is open. When the lock is free, or
/// another command holds it (no socket comes), the command runs here as always.
fn starting(dir: &Path, socket: &Path) -> Option<UnixStream> {
    // A path too long for a socket never gets one (see `server::listen`).
    if socket.as_os_str().len() > 107 {
        return None;
    }
    let started = std::time::Instant::now();
    while crate::store::is_locked(dir) && started.elapsed() < Duration::from_secs(1) {
        std::thread::sleep(Duration::from_millis(20));
        if let Ok(stream) = UnixStream::connect(socket) {
            return Some(stream);
        }
    }
    None
}

/// Waits (up to 10 s) for a closing dashboard to be gone: it removes its socket once it has
/// let go of the store, and then the command runs here.
fn wait_until_closed(dir: &Path) {
    let socket = super::socket_path(dir);
    let started = std::time::Instant::now();
    while socket.exists() && started.elapsed() < Duration::from_secs(10) {
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The request for this invocation.
fn request(inv: &Invocation) -> Request {
    let bytes = |p: &Path| p.as_os_str().as_bytes().to_vec();
    let cwd = std::env::current_dir().unwrap_or_else(|_| Path::new("/").to_path_buf());
    Request {
        version: protocol::VERSION,
        args: inv.args.iter().map(|a| a.as_bytes().to_vec()).collect(),
        cwd: bytes(&cwd),
        now: inv.now.map(|t| (t.timestamp(), t.timestamp_subsec_nanos())),
        config: inv.config.as_deref().map(bytes),
        default_config: inv.default_config.as_deref().map(bytes),
        actor: inv.actor.clone(),
    }
}

/// Streams this process's stdin to the dashboard, on a thread of its own, while the output
/// keeps coming back.
fn pump_stdin(stream: &UnixStream) {
    let Ok(mut w) = stream.try_clone() else {
        return;
    };
    std::thread::spawn(move || {
        let mut stdin = std::io::stdin().lock();
        let mut chunk = vec![0u8; STDIN_CHUNK];
        loop {
            match stdin.read(&mut chunk) {
                Ok(0) => break,
                Ok(n) => {
                    if protocol::send(&mut w, &ToHub::Stdin(chunk[..n].to_vec())).is_err() {
                        return;
                    }
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(_) => break,
            }
        }
        let _ = protocol::send(&mut w, &ToHub::StdinEnd);
    });
}

/// The dashboard stopped in the middle of the command.
fn gone(dir: &Path) -> u8 {
    let _ = writeln!(
        std::io::stderr(),
        "error: the dashboard on {} stopped before the command finished; check there whether \
         it ran, then run it again",
        dir.display()
    );
    1
}

/// Why a dashboard that accepted the connection did not say hello: suspended (Ctrl-Z), or
/// stuck. The process is the lock's holder.
fn silent(dir: &Path) -> String {
    let pid = std::fs::read_to_string(dir.join("hearback.lock"))
        .ok()
        .and_then(|t| t.trim().parse::<u32>().ok());
    let Some(pid) = pid else {
        return format!(
            "hearback is open on {} but not answering; if it stays so, quit it and run the \
             command again",
            dir.display()
        );
    };
    if stopped(pid) {
        format!(
            "hearback is open on {} (process {pid}) but suspended: run fg in its terminal",
            dir.display()
        )
    } else {
        format!(
            "hearback is open on {} (process {pid}) but not answering; if it stays so, quit it \
             and run the command again",
            dir.display()
        )
    }
}

/// Whether the process is stopped (state T in `/proc/PID/stat`, after the command name).
fn stopped(pid: u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .ok()
        .and_then(|stat| {
            let rest = &stat[stat.rfind(')')? + 1..];
            rest.split_whitespace().next().map(|s| s == "T" || s == "t")
        })
        .unwrap_or(false)
}

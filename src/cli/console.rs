//! Where a command's output goes, where its input comes from, and what its relative paths are
//! relative to.
//!
//! A command run by `hearback` in a terminal uses the process's own stdout, stderr, stdin and
//! working directory. The same command run inside the open dashboard (sent from another
//! terminal over the hub's socket, or typed at the dashboard's `:` line) must behave exactly
//! the same for its caller, but the dashboard's process has another terminal, another working
//! directory and another stdin. So handlers never touch those directly: they print through
//! [`say!`](super::say), [`out`] and [`err`], open files named by the user through [`path`],
//! read `-` through [`stdin`], and ask [`stderr_is_terminal`] before drawing progress. The
//! thread running a command in the dashboard installs the caller's [`Console`] for the
//! command's duration ([`Console::run`]); every other thread gets the process's own.
//!
//! A thread-local rather than a parameter: the handlers are the same functions either way,
//! called from one dispatch, and a write deep inside a report must reach the caller without
//! every function in between carrying a writer.

use std::cell::RefCell;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// A caller's streams and working directory, for a command run on its behalf.
pub struct Console {
    /// The caller's standard output.
    pub out: Box<dyn Write + Send>,
    /// The caller's standard error.
    pub err: Box<dyn Write + Send>,
    /// The caller's standard input, or `None` when the caller has none to give (the `:` line).
    pub input: Option<Box<dyn Read + Send>>,
    /// The caller's working directory: relative paths are resolved against it.
    pub cwd: PathBuf,
}

/// The panic payload that ends a command whose caller went away: as a write to a closed pipe
/// ends a `hearback` process before anything after it runs (SIGPIPE), a write to a caller who
/// hung up ends its command, without a panic message (see [`Console::run`]).
pub struct CallerGone;

thread_local! {
    static CURRENT: RefCell<Option<Console>> = const { RefCell::new(None) };
}

/// How a command run on a console ended.
pub enum Ran<R> {
    /// It returned this.
    Done(R),
    /// Its caller hung up; it was ended at its next write.
    CallerGone,
    /// It failed unexpectedly (a defect): the panic's message.
    Failed(String),
}

impl Console {
    /// Runs `f` with this console in place of the process's streams on this thread. A command
    /// whose caller went away ends early; one that fails unexpectedly is caught here, so a
    /// defect in one command never takes the dashboard down with it.
    ///
    /// Runs nest: a command run on a console may run another on a console of its own (the
    /// inbox captures each import it runs), and the outer one is back when the inner ends.
    pub fn run<R>(self, f: impl FnOnce() -> R) -> Ran<R> {
        let outer = CURRENT.with(|c| c.borrow_mut().replace(self));
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
        if let Some(mut console) = CURRENT.with(|c| std::mem::replace(&mut *c.borrow_mut(), outer))
        {
            let _ = console.out.flush();
            let _ = console.err.flush();
        }
        match result {
            Ok(r) => Ran::Done(r),
            Err(payload) if payload.is::<CallerGone>() => Ran::CallerGone,
            Err(payload) => Ran::Failed(
                payload
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| payload.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "no reason given".into()),
            ),
        }
    }
}

/// A buffer a command's output is captured in (clones share it).
#[derive(Clone, Default)]
pub struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let mut bytes = self.0.lock().map_err(|_| std::io::ErrorKind::Other)?;
        bytes.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Captured {
    /// What was written, as text (invalid UTF-8 replaced).
    pub fn text(&self) -> String {
        let bytes = self.0.lock().map(|b| b.clone()).unwrap_or_default();
        String::from_utf8_lossy(&bytes).into_owned()
    }
}

/// Whether this thread runs a command for another caller.
pub fn is_remote() -> bool {
    CURRENT.with(|c| c.borrow().is_some())
}

/// Which stream.
#[derive(Clone, Copy)]
enum Stream {
    Out,
    Err,
}

/// Writes to the current console's stream, or the process's own. A caller who hung up ends the
/// command (see [`CallerGone`]); the process's own stdout behaves as `print!` does.
fn write(stream: Stream, bytes: &[u8]) {
    let written = CURRENT.with(|c| {
        let mut c = c.borrow_mut();
        let console = c.as_mut()?;
        let w = match stream {
            Stream::Out => &mut console.out,
            Stream::Err => &mut console.err,
        };
        Some(w.write_all(bytes))
    });
    match written {
        Some(Ok(())) => {}
        Some(Err(_)) => std::panic::resume_unwind(Box::new(CallerGone)),
        None => match stream {
            Stream::Out => {
                let mut out = std::io::stdout().lock();
                if let Err(e) = out.write_all(bytes) {
                    panic!("failed printing to stdout: {e}");
                }
            }
            Stream::Err => {
                let _ = std::io::stderr().lock().write_all(bytes);
            }
        },
    }
}

/// Text on the command's standard output (what [`say!`](super::say) prints).
pub fn out_text(text: &str) {
    write(Stream::Out, text.as_bytes());
}

/// Standard output of the command, as a writer (for CSV, JSON and documents).
pub fn out() -> Writer {
    Writer(Stream::Out)
}

/// Standard error of the command, as a writer.
pub fn err() -> Writer {
    Writer(Stream::Err)
}

/// A command's stdout or stderr. Writes go straight through (the console's own writers buffer
/// what they must); `flush` flushes the process's own stream.
pub struct Writer(Stream);

impl Write for Writer {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        write(self.0, buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if is_remote() {
            return Ok(());
        }
        match self.0 {
            Stream::Out => std::io::stdout().flush(),
            Stream::Err => std::io::stderr().flush(),
        }
    }
}

/// A line on the command's standard error (not cleaned: for hearback's own messages, which
/// clean what they quote).
pub fn err_line(text: &str) {
    let mut line = String::with_capacity(text.len() + 1);
    line.push_str(text);
    line.push('\n');
    write(Stream::Err, line.as_bytes());
}

/// A path the user named, as the caller's process would open it: relative to the caller's
/// working directory. Messages keep showing the path as the user typed it.
pub fn path(p: &Path) -> PathBuf {
    CURRENT.with(|c| match c.borrow().as_ref() {
        Some(console) => console.cwd.join(p),
        None => p.to_path_buf(),
    })
}

/// Writes a document to the file the user named (`--out`), through the one safe writer
/// (`io::out_file`), relative to the caller's working directory. For another caller, the names
/// of the writing process's own streams mean the caller's: `/dev/stdout` is their stdout, not
/// the dashboard's terminal; a name for another stream of the process (`/dev/tty`, `/dev/fd/N`)
/// is refused.
pub fn write_file(given: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    if is_remote() {
        let own = |n: &str| {
            [format!("/dev/fd/{n}"), format!("/proc/self/fd/{n}")]
                .iter()
                .any(|p| Path::new(p) == given)
        };
        if given == Path::new("/dev/stdout") || own("1") {
            write(Stream::Out, bytes);
            return Ok(());
        }
        if given == Path::new("/dev/stderr") || own("2") {
            write(Stream::Err, bytes);
            return Ok(());
        }
        let process_own = given == Path::new("/dev/tty")
            || given.starts_with("/dev/fd")
            || given.starts_with("/proc/self");
        if process_own {
            anyhow::bail!(
                "{} names a stream of the open dashboard's process, not yours: give a file name, \
                 or leave out --out to get the document on standard output",
                given.display()
            );
        }
    }
    crate::io::out_file::write(&path(given), bytes).map_err(|e| e.shown_as(given))?;
    Ok(())
}

/// The command's standard input (for `-` as a file name).
pub fn stdin() -> anyhow::Result<Box<dyn Read + Send>> {
    let taken = CURRENT.with(|c| c.borrow_mut().as_mut().map(|console| console.input.take()));
    match taken {
        None => Ok(Box::new(std::io::stdin())),
        Some(Some(input)) => Ok(input),
        Some(None) => anyhow::bail!(
            "there is no standard input here to read `-` from: give a file name, or run the \
             command in a terminal"
        ),
    }
}

/// Whether the command's stderr is a terminal (then a progress bar may be drawn on it). Never
/// for another caller: a bar would be drawn on the dashboard's own terminal.
pub fn stderr_is_terminal() -> bool {
    use std::io::IsTerminal as _;
    !is_remote() && std::io::stderr().is_terminal()
}

/// Whether the command's stdout is a terminal. Never for another caller (see above).
pub fn stdout_is_terminal() -> bool {
    use std::io::IsTerminal as _;
    !is_remote() && std::io::stdout().is_terminal()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::{Arc, Mutex};

    /// A writer into a shared buffer.
    #[derive(Clone, Default)]
    struct Buffer(Arc<Mutex<Vec<u8>>>);

    impl Write for Buffer {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0
                .lock()
                .map_err(|_| std::io::ErrorKind::Other)?
                .extend(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    struct Closed;

    impl Write for Closed {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            Err(std::io::ErrorKind::BrokenPipe.into())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    fn text(b: &Buffer) -> String {
        String::from_utf8(b.0.lock().expect("lock").clone()).expect("utf8")
    }

    #[test]
    fn a_console_run_inside_another_gives_the_outer_one_back() {
        let (outer, inner) = (Captured::default(), Captured::default());
        let console = |out: &Captured| Console {
            out: Box::new(out.clone()),
            err: Box::new(std::io::sink()),
            input: None,
            cwd: PathBuf::from("/"),
        };
        let ran = console(&outer).run(|| {
            crate::cli::say!("before");
            let _ = console(&inner).run(|| crate::cli::say!("inside"));
            crate::cli::say!("after");
        });
        assert!(matches!(ran, Ran::Done(())));
        assert_eq!(outer.text(), "before\nafter\n");
        assert_eq!(inner.text(), "inside\n");
        assert!(!is_remote());
    }

    #[test]
    fn a_command_writes_to_its_callers_streams_and_paths_are_the_callers() {
        let (out, err) = (Buffer::default(), Buffer::default());
        let console = Console {
            out: Box::new(out.clone()),
            err: Box::new(err.clone()),
            input: Some(Box::new(std::io::Cursor::new(b"a,b\n".to_vec()))),
            cwd: PathBuf::from("/home/lead/exports"),
        };
        let Ran::Done(got) = console.run(|| {
            crate::cli::say!("one {}", 1);
            err_line("two");
            let mut input = String::new();
            stdin()
                .expect("stdin")
                .read_to_string(&mut input)
                .expect("reads");
            (path(Path::new("crm.csv")), path(Path::new("/tmp/x")), input)
        }) else {
            panic!("the command ran to its end")
        };
        let (relative, absolute, input) = got;
        assert_eq!(text(&out), "one 1\n");
        assert_eq!(text(&err), "two\n");
        assert_eq!(relative, Path::new("/home/lead/exports/crm.csv"));
        assert_eq!(absolute, Path::new("/tmp/x"));
        assert_eq!(input, "a,b\n");
        assert!(!is_remote(), "the console is gone after the command");
        assert_eq!(path(Path::new("crm.csv")), Path::new("crm.csv"));
    }

    #[test]
    fn a_caller_who_hung_up_ends_the_command_there() {
        let console = Console {
            out: Box::new(Closed),
            err: Box::new(Closed),
            input: None,
            cwd: PathBuf::from("/"),
        };
        let reached = Arc::new(Mutex::new(false));
        let after = Arc::clone(&reached);
        let ran = console.run(move || {
            crate::cli::say!("nobody reads this");
            *after.lock().expect("lock") = true;
        });
        assert!(matches!(ran, Ran::CallerGone));
        assert!(
            !*reached.lock().expect("lock"),
            "nothing after the write ran"
        );
    }

    #[test]
    fn a_command_that_fails_unexpectedly_is_caught_and_named() {
        let console = Console {
            out: Box::new(Buffer::default()),
            err: Box::new(Buffer::default()),
            input: None,
            cwd: PathBuf::from("/"),
        };
        let ran = console.run(|| -> u8 { panic!("a defect") });
        assert!(matches!(ran, Ran::Failed(ref why) if why == "a defect"));
        assert!(!is_remote(), "the console is gone after the command");
    }

    #[test]
    fn without_an_input_dash_is_refused_in_words() {
        let console = Console {
            out: Box::new(Buffer::default()),
            err: Box::new(Buffer::default()),
            input: None,
            cwd: PathBuf::from("/"),
        };
        let Ran::Done(got) = console.run(|| stdin().map(|_| ()).map_err(|e| e.to_string())) else {
            panic!("the command ran to its end")
        };
        let err = got.expect_err("no stdin");
        assert!(err.contains("no standard input"), "{err}");
    }
}

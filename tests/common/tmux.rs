//! A private tmux server per test, for end-to-end runs of the real binary: start a 120x40
//! session `t`, send keys, read the screen, poll until something shows, clean up on drop.

use std::path::PathBuf;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

/// How long any wait for the screen may take before the test fails with the screen.
pub const WAIT: Duration = Duration::from_secs(10);

/// stdout and stderr of a finished command, for failure messages.
pub fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// A tmux server on its own socket, killed (and its socket file removed) on drop.
pub struct Tmux {
    socket: String,
    /// tmux leaves the socket file behind when the server ends with its last pane.
    path: Option<PathBuf>,
}

impl Tmux {
    /// Starts server `socket` with one 120x40 session `t` running `program`; `configure` sets
    /// the environment of the new session. Fails clearly when tmux is missing (`.ci/run`
    /// installs it), rather than passing.
    pub fn start(
        socket: String,
        configure: impl FnOnce(&mut Command) -> &mut Command,
        program: &str,
    ) -> Tmux {
        let probe = Command::new("tmux").arg("-V").output();
        assert!(
            probe.is_ok_and(|o| o.status.success()),
            "tmux is required for the end-to-end tests and was not found; install it (e.g. \
             `apt-get install tmux`; .ci/run does this)"
        );
        let mut tmux = Tmux { socket, path: None };
        let mut cmd = tmux.command();
        configure(&mut cmd)
            .args("-f /dev/null new-session -d -s t -x 120 -y 40".split(' '))
            .arg(program);
        let out = cmd.output().expect("runs tmux");
        assert!(out.status.success(), "tmux new-session: {}", text(&out));
        tmux.path = Some(
            tmux.run(&["display-message", "-p", "#{socket_path}"])
                .trim()
                .into(),
        );
        tmux
    }

    /// A tmux command on this server.
    pub fn command(&self) -> Command {
        let mut cmd = Command::new("tmux");
        cmd.args(["-L", &self.socket]);
        cmd
    }

    /// Runs a tmux command and returns its stdout; fails the test if tmux fails.
    pub fn run(&self, args: &[&str]) -> String {
        let out = self.command().args(args).output().expect("runs tmux");
        assert!(out.status.success(), "tmux {args:?} failed: {}", text(&out));
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Appends everything the program writes to the pane from now on, escape sequences and
    /// all, to `file` (tmux `pipe-pane`).
    pub fn log_output(&self, file: &std::path::Path) {
        self.run(&[
            "pipe-pane",
            "-t",
            "t",
            "-o",
            &format!("cat >> '{}'", file.display()),
        ]);
    }

    /// Sends tmux key names (`q`, `C-z`, `Enter`).
    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "t"];
        args.extend_from_slice(keys);
        self.run(&args);
    }

    /// Types `text` as it is.
    pub fn literal(&self, text: &str) {
        self.run(&["send-keys", "-t", "t", "-l", text]);
    }

    /// The visible screen.
    pub fn screen(&self) -> String {
        self.run(&["capture-pane", "-p", "-t", "t"])
    }

    /// A tmux format of the pane, e.g. `#{pane_pid}`.
    pub fn display(&self, format: &str) -> String {
        self.run(&["display-message", "-p", "-t", "t", format])
            .trim()
            .to_string()
    }

    /// The pid of the pane's process once it runs `program`: tmux forks the pane before it
    /// execs the program, so right after the start the pid still names a tmux child (seen as
    /// "tmux: server" on a busy machine). Fails after [`WAIT`].
    pub fn pane_pid_running(&self, program: &str) -> u32 {
        let pid: u32 = self.display("#{pane_pid}").parse().expect("pane pid");
        let start = Instant::now();
        loop {
            let comm = std::fs::read_to_string(format!("/proc/{pid}/comm")).unwrap_or_default();
            if comm.trim() == program {
                return pid;
            }
            assert!(
                start.elapsed() < WAIT,
                "the pane runs {:?}, not {program}",
                comm.trim()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Polls the screen until `ok` holds; fails with the screen after [`WAIT`].
    pub fn wait_for(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if ok(&screen) {
                return screen;
            }
            assert!(
                start.elapsed() < WAIT,
                "timed out: {what}; screen:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.command().arg("kill-server").output();
        if let Some(path) = &self.path {
            let _ = std::fs::remove_file(path);
        }
    }
}

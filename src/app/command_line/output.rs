//! What a command run from the command line said: its output opens in the document view,
//! or waits while the user is busy with something it must not interrupt.

use crate::app::act::say;
use crate::app::{App, DocumentView, Effect, Overlay};
use crate::core::sanitize;

/// The most lines of standard output the view holds: it wraps every line on every frame, and
/// a view is for reading; `export all` of a large store belongs in a file.
pub(super) const MAX_LINES: usize = 10_000;
/// The most bytes of standard output the view holds (one huge line counts too).
pub(super) const MAX_BYTES: usize = 1 << 20;

/// The start of `text` within [`MAX_LINES`] and [`MAX_BYTES`], and a line saying what was left
/// out, if anything was.
fn bounded(text: &str) -> String {
    let mut end = text.len();
    if let Some((at, _)) = text.match_indices('\n').nth(MAX_LINES - 1) {
        end = at;
    }
    if end > MAX_BYTES {
        end = MAX_BYTES;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
    }
    let Some(rest) = text.get(end..).filter(|r| !r.trim().is_empty()) else {
        return text.to_string();
    };
    let kept = text.get(..end).unwrap_or_default().trim_end();
    let what = match rest.strip_prefix('\n') {
        // Cut at a line's end: whole lines are left out.
        Some(lines) => match lines.lines().count() {
            1 => "1 more line is".to_string(),
            n => format!("{n} more lines are"),
        },
        None => "the rest is".to_string(),
    };
    format!("{kept}\n… {what} not shown here: run the command in a shell to see all of it.")
}

/// The text the output view shows: what the command wrote to stdout (at most [`MAX_LINES`]),
/// then to stderr, cleaned for the terminal, and a last line in words when it did not succeed.
pub(super) fn output_text(stdout: &str, stderr: &str, code: u8) -> String {
    let stdout = bounded(stdout);
    let mut parts: Vec<String> = [stdout.as_str(), stderr]
        .into_iter()
        .map(|t| sanitize::terminal(t).trim_end().to_string())
        .filter(|t| !t.trim().is_empty())
        .collect();
    if code != 0 {
        parts.push(format!(
            "The command did not succeed: it ended with exit code {code}."
        ));
    } else if parts.is_empty() {
        parts.push("The command succeeded and printed nothing.".to_string());
    }
    parts.join("\n\n")
}

/// A command finished: its output opens in the document view, titled with the line.
///
/// If the user went on working meanwhile (the interview form, a small form, a question, help
/// or a new command line is open), opening the output would take the keys from under their
/// fingers or hide what they type: it waits in `App::command_output` instead, the status line
/// says so, and it opens as soon as they are back ([`deliver`] after every message). Over the
/// panes or a view that is only read (a document, the staff view, insight, the calendar, a
/// customer) it opens at once; Esc goes back to that view.
pub(in crate::app) fn done(
    app: &mut App,
    line: &str,
    stdout: &str,
    stderr: &str,
    code: u8,
) -> Vec<Effect> {
    let line = sanitize::line(line);
    app.command_output.push(DocumentView {
        title: format!(": {line}"),
        text: output_text(stdout, stderr, code),
        scroll: 0,
        kind: "output".into(),
        back_to: None,
        notes: Vec::new(),
        letter: None,
    });
    let outcome = if code == 0 {
        format!("done: {line}")
    } else {
        format!("failed (exit code {code}): {line}")
    };
    if busy(app) {
        say(
            app,
            format!("{outcome}; its output opens when you close this"),
        )
    } else {
        say(app, outcome)
    }
}

/// Whether the user is in the middle of something the output must not interrupt.
fn busy(app: &App) -> bool {
    app.form.is_some()
        || app.command.is_some()
        || matches!(
            app.overlay,
            Some(Overlay::Prompt(_) | Overlay::Confirm(_) | Overlay::ConfirmQuit | Overlay::Help)
        )
}

/// Opens the oldest waiting output once the user is not busy (called after every message).
pub(in crate::app) fn deliver(app: &mut App) {
    if app.command_output.is_empty() || busy(app) {
        return;
    }
    let mut view = app.command_output.remove(0);
    view.back_to = app.overlay.take().map(Box::new);
    app.overlay = Some(Overlay::Document(view));
}

/// The inbox watcher imported what arrived: its summary in the status line (nothing when
/// nothing was waiting), and where to look when a file was refused. The reports themselves are
/// next to the files.
pub(in crate::app) fn inbox_ran(
    app: &mut App,
    stdout: &str,
    stderr: &str,
    code: u8,
) -> Vec<Effect> {
    let summary = stdout
        .lines()
        .rev()
        .find(|l| l.starts_with("inbox:"))
        .map(sanitize::line);
    match summary {
        Some(s) if s.contains("nothing to import") => Vec::new(),
        Some(s) if code == 1 => say(
            app,
            format!("{s}; a refused file has its report next to it"),
        ),
        Some(s) => say(app, s),
        // The run stopped before its summary (the folder could not be read, say): say why.
        None => {
            let why = stderr
                .lines()
                .next()
                .map(|l| sanitize::line(l.strip_prefix("error: ").unwrap_or(l)))
                .unwrap_or_default();
            say(app, format!("the inbox could not be imported: {why}"))
        }
    }
}

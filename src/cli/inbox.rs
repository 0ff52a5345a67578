//! `hearback inbox`: imports what waits in the inbox folder (see `io::inbox` for its layout).
//!
//! Each file is imported by the very handlers of `hearback import customers` and `import
//! responses`, run on a console of their own so that what they print becomes the file's report:
//! the same rules, the same messages, the same exit codes. A file imported in full or in part
//! (rows rejected, exit 3, the report lists them) moves to `done/` with its report and is
//! recorded by its content; a file refused as a whole stays where it is with its report next
//! to it, to be fixed and read again on the next run. Importing again what was imported before
//! changes nothing (customers are updated in place, responses are keyed by their id), so a run
//! cut short between the import and the record is safe to repeat.

use super::console::{Captured, Console, Ran};
use super::import::{self, Mode};
use super::{Context, EXIT_PARTIAL, exit_byte, import_responses, output, say, say_err};
use crate::io::inbox::{self, Kind, Ledger, Source, Waiting};
use anyhow::Context as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

/// What became of the files of one run.
#[derive(Default)]
struct Tally {
    imported: usize,
    partial: usize,
    skipped: usize,
    refused: usize,
    unsettled: usize,
    elsewhere: usize,
}

/// Runs `hearback inbox`.
pub fn run(
    ctx: &Context,
    dir: Option<PathBuf>,
    settle: u64,
    currency: &str,
) -> anyhow::Result<ExitCode> {
    // A bad config stops the run before any file is touched.
    ctx.rules()?;
    let dir = dir.unwrap_or_else(|| ctx.data_dir.join("inbox"));
    let dir = super::console::path(&dir);
    let (sources, notes) = inbox::sources(&dir)
        .with_context(|| format!("cannot read the inbox folder {}", dir.display()))?;
    for note in &notes {
        say!("{note}");
    }
    let mut found: Vec<(&Source, Waiting)> = Vec::new();
    for source in &sources {
        let files = inbox::waiting(source)
            .with_context(|| format!("cannot read {}", source.dir.display()))?;
        found.extend(files.into_iter().map(|f| (source, f)));
    }
    if found.is_empty() {
        say!("inbox: nothing to import in {}", dir.display());
        return Ok(ExitCode::SUCCESS);
    }
    inbox::settle(Duration::from_secs(settle));
    let mut ledger = Ledger::read(&dir)
        .with_context(|| format!("cannot read {}", dir.join(inbox::LEDGER).display()))?;
    let mut tally = Tally::default();
    for (source, file) in &found {
        let name = shown(&dir, &file.path);
        if !inbox::unchanged(file) {
            say!("{name}: still being written; left for the next run");
            tally.unsettled += 1;
            continue;
        }
        one(
            ctx,
            (source, currency),
            &file.path,
            &name,
            &mut ledger,
            &mut tally,
        )
        .with_context(|| format!("inbox: {name}"))?;
    }
    // Only what happened, so the dashboard's status line holds it whole.
    let parts: Vec<String> = [
        (tally.imported, "imported"),
        (tally.partial, "imported with rows rejected"),
        (tally.skipped, "skipped (imported before)"),
        (tally.refused, "refused"),
        (tally.unsettled, "left for the next run"),
        (tally.elsewhere, "imported by another run"),
    ]
    .iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, what)| format!("{n} {what}"))
    .collect();
    say!("inbox: {}", parts.join(", "));
    Ok(if tally.refused > 0 {
        ExitCode::FAILURE
    } else if tally.partial > 0 {
        ExitCode::from(EXIT_PARTIAL)
    } else {
        ExitCode::SUCCESS
    })
}

/// A path as shown: relative to the inbox folder.
fn shown(inbox: &Path, path: &Path) -> String {
    path.strip_prefix(inbox)
        .unwrap_or(path)
        .display()
        .to_string()
}

/// Imports one file, files it away with its report and records it.
fn one(
    ctx: &Context,
    (source, currency): (&Source, &str),
    path: &Path,
    name: &str,
    ledger: &mut Ledger,
    tally: &mut Tally,
) -> anyhow::Result<()> {
    let digest = inbox::digest(path).context("cannot read the file")?;
    let when = ctx.now.format("%Y-%m-%d %H:%M UTC").to_string();
    if let Some((at, as_name)) = ledger.seen(&digest) {
        let text = format!(
            "{name}: skipped, the same file was imported on {at} as {as_name}; nothing was \
             changed\n"
        );
        let moved = inbox::file_away(path).context("cannot move it to done/")?;
        inbox::write_report(&inbox::report_path(&moved), &text)?;
        say!("{name}: skipped (imported on {at} as {as_name})");
        tally.skipped += 1;
        return Ok(());
    }
    let (said, code) = import_captured(ctx, source, currency, path);
    if !path.exists() {
        // Another run (the dashboard's watcher, or cron through it) had the store first and
        // imported and filed this file meanwhile.
        say!("{name}: imported by another run meanwhile");
        tally.elsewhere += 1;
        return Ok(());
    }
    let meaning = match code {
        0 => "imported",
        EXIT_PARTIAL => "imported, with rows rejected (listed above)",
        _ => "not imported",
    };
    let text = format!(
        "hearback inbox, {when}: {name} ({})\n\n{said}\n{meaning} (exit status {code})\n",
        match &source.kind {
            Kind::Customers => "customers from a CRM export".to_string(),
            Kind::Responses(map) => format!("survey responses, map {}", map.display()),
        }
    );
    if code != 0 && code != EXIT_PARTIAL {
        let report = inbox::report_path(path);
        inbox::write_report(&report, &text)?;
        say_err!(
            "{name}: not imported; why is in {}. Fix the file and it is read again on the next run",
            report.display()
        );
        tally.refused += 1;
        return Ok(());
    }
    let moved = inbox::file_away(path).context("cannot move it to done/")?;
    let report = inbox::report_path(&moved);
    inbox::write_report(&report, &text)?;
    ledger.record(&digest, &when, name)?;
    let outcome = if code == 0 {
        "imported"
    } else {
        "imported, with rows rejected (listed in the report)"
    };
    say!("{name}: {outcome}; report in {}", report.display());
    if code == 0 {
        tally.imported += 1;
    } else {
        tally.partial += 1;
    }
    Ok(())
}

/// Runs the import of `path` as `hearback import` would, on a console of its own: what it
/// printed (stdout, then stderr) and its exit status.
fn import_captured(ctx: &Context, source: &Source, currency: &str, path: &Path) -> (String, u8) {
    let (out, err) = (Captured::default(), Captured::default());
    let console = Console {
        out: Box::new(out.clone()),
        err: Box::new(err.clone()),
        input: None,
        cwd: path
            .parent()
            .map_or_else(|| PathBuf::from("/"), Path::to_path_buf),
    };
    let mode = Mode {
        dry_run: false,
        strict: false,
    };
    let ran = console.run(|| {
        let result = match &source.kind {
            Kind::Customers => import::read_customers(ctx, path, currency)
                .and_then(|input| import::customers(ctx.writing()?, input, mode)),
            Kind::Responses(map) => import_responses::read(ctx, path, map)
                .and_then(|input| import_responses::responses(ctx.writing()?, input, mode)),
        };
        match result {
            Ok(code) => exit_byte(code),
            Err(e) => {
                output::report(&e);
                1
            }
        }
    });
    let code = match ran {
        Ran::Done(code) => code,
        Ran::CallerGone => 1,
        Ran::Failed(why) => {
            let _ = writeln_err(&err, &why);
            1
        }
    };
    (format!("{}{}", out.text(), err.text()), code)
}

/// Adds a defect's message to a captured stderr.
fn writeln_err(err: &Captured, why: &str) -> std::io::Result<()> {
    use std::io::Write as _;
    let mut err = err.clone();
    writeln!(
        err,
        "error: hearback failed unexpectedly while importing the file ({why}); run `hearback \
         check`, and report this"
    )
}

//! The reference pages of the book are generated from the code and checked in; these tests
//! generate them again in memory and fail when a checked-in copy is stale:
//!
//! - `docs/src/reference/cli.md` and `docs/man/*.1` from the clap definitions (`hearback::cli::Cli`),
//! - `docs/src/reference/config.md` from the shipped policy, `assets/policy.toml`, comments included,
//! - `docs/src/reference/keys.md` from the key tables (`keymap::Keymap::default()`),
//! - the dashboard capture in `README.md` from the snapshot test's real frame of the demo data.
//!
//! They also check the hand-written parts that name things in the code: the JSON field tables
//! against a real `customers`/`queue --format json`, and every link of the README and the book's
//! summary against the files.
//!
//! After an intended change: `HEARBACK_BLESS_DOCS=1 cargo test --test it docs_reference::`, then read
//! the diff of `docs/` and `README.md`.

use clap::CommandFactory;
use hearback::cli::Cli;
use hearback::keymap::{KeyContext, Keymap, key_name};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

const BLESS: &str = "HEARBACK_BLESS_DOCS";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(relative: &str) -> String {
    std::fs::read_to_string(root().join(relative))
        .unwrap_or_else(|e| panic!("cannot read {relative}: {e}"))
}

fn blessing() -> bool {
    std::env::var_os(BLESS).is_some_and(|v| !v.is_empty() && v != "0")
}

fn stale(relative: &str) -> String {
    let verb = if relative.contains(", ") { "are" } else { "is" };
    format!(
        "{relative} {verb} stale: run {BLESS}=1 cargo test --test it docs_reference::, then read the diff"
    )
}

/// Compares a generated file with its checked-in copy, or rewrites the copy when blessing.
fn check_file(relative: &str, generated: &[u8]) {
    let path = root().join(relative);
    if blessing() {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).expect("creating the docs directory");
        }
        std::fs::write(&path, generated).expect("writing a generated docs file");
        return;
    }
    let current = std::fs::read(&path).unwrap_or_default();
    assert!(current == generated, "{}", stale(relative));
}

// ---- the CLI reference and the man pages -------------------------------------------------------

fn cli_markdown() -> String {
    let options = clap_markdown::MarkdownOptions::new()
        .title("Command-line reference".to_owned())
        .show_footer(false);
    let body = clap_markdown::help_markdown_custom::<Cli>(&options);
    let note = "<!-- Generated from the clap definitions by tests/it/docs_reference.rs: do not edit. -->\n\n\
        Every command and option of `hearback`, generated from the same definitions the program \
        parses its arguments with, so it cannot drift from `hearback --help`. The same text is \
        installed as man pages under `docs/man/` (`man -l docs/man/hearback.1`, one page per \
        subcommand such as `hearback-import-responses.1`). The guide's \
        [command-line page](../guide/command-line.md) explains times, names and exit codes.\n\n";
    // clap-markdown opens with its own title line; the note goes right under it.
    // clap-markdown's own opening sentence says less than the note; the note replaces it.
    let body = body.replacen(
        "This document contains the help content for the `hearback` command-line program.\n\n",
        "",
        1,
    );
    match body.split_once('\n') {
        Some((title, rest)) => format!("{title}\n\n{note}{}", rest.trim_start()),
        None => format!("{note}{body}"),
    }
}

/// Every man page, `hearback.1` and one per subcommand, as clap_mangen's `generate_to` names
/// them, rendered in memory.
fn man_pages() -> Vec<(String, Vec<u8>)> {
    fn walk(cmd: &clap::Command, out: &mut Vec<(String, Vec<u8>)>) {
        for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
            walk(sub, out);
        }
        let man = clap_mangen::Man::new(cmd.clone());
        let mut bytes = Vec::new();
        man.render(&mut bytes).expect("rendering a man page");
        out.push((man.get_filename(), bytes));
    }
    let mut cmd = Cli::command().disable_help_subcommand(true);
    cmd.build();
    let mut out = Vec::new();
    walk(&cmd, &mut out);
    out.sort();
    out
}

#[test]
fn cli_reference_is_current() {
    check_file("docs/src/reference/cli.md", cli_markdown().as_bytes());
}

#[test]
fn man_pages_are_current() {
    let pages = man_pages();
    assert!(pages.iter().any(|(name, _)| name == "hearback.1"));
    let mut stale_pages = Vec::new();
    for (name, bytes) in &pages {
        let relative = format!("docs/man/{name}");
        let current = std::fs::read(root().join(&relative)).unwrap_or_default();
        if current != *bytes {
            stale_pages.push(relative.clone());
        }
        if blessing() {
            check_file(&relative, bytes);
        }
    }
    assert!(
        stale_pages.is_empty() || blessing(),
        "{}",
        stale(&stale_pages.join(", "))
    );
    // A page for a subcommand that no longer exists is stale too.
    let wanted: BTreeSet<&str> = pages.iter().map(|(n, _)| n.as_str()).collect();
    let dir = root().join("docs/man");
    for entry in std::fs::read_dir(&dir).expect("docs/man exists") {
        let name = entry.expect("a directory entry").file_name();
        let name = name.to_string_lossy().into_owned();
        if name.ends_with(".1") && !wanted.contains(name.as_str()) {
            if blessing() {
                std::fs::remove_file(dir.join(&name)).expect("removing a stale man page");
            } else {
                panic!("{}", stale(&format!("docs/man/{name}")));
            }
        }
    }
}

#[test]
fn man_page_names_every_subcommand() {
    // The generator must really walk the tree: a page for a nested subcommand exists.
    let names: Vec<String> = man_pages().into_iter().map(|(n, _)| n).collect();
    for page in [
        "hearback-import-responses.1",
        "hearback-interview-schedule.1",
        "hearback-queue.1",
    ] {
        assert!(names.iter().any(|n| n == page), "no {page} in {names:?}");
    }
}

// ---- the config reference, from assets/policy.toml --------------------------------------------

/// One piece of the policy file, in file order.
enum Piece {
    Heading {
        name: String,
        intro: Vec<String>,
    },
    Key {
        path: String,
        value: String,
        about: Vec<String>,
        example: bool,
    },
    Note(Vec<String>),
}

/// `# key = value` inside a comment: a key shown as an example, not set by default.
fn example_key(line: &str) -> Option<(String, String)> {
    let (key, value) = line.split_once(" = ")?;
    let key = key.trim();
    let is_key = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    is_key.then(|| (key.to_owned(), value.trim().to_owned()))
}

/// Reads the policy file's structure: a comment block belongs to what follows it (a heading,
/// a key, an example key); one followed by a blank line or the end is a note on its section.
fn policy_pieces(policy: &str) -> (Vec<String>, Vec<Piece>) {
    let mut header = Vec::new();
    let mut pieces = Vec::new();
    let mut section: Option<String> = None;
    let mut block: Vec<String> = Vec::new();
    let flush_note = |block: &mut Vec<String>,
                      pieces: &mut Vec<Piece>,
                      header: &mut Vec<String>,
                      in_section: bool| {
        if block.is_empty() {
            return;
        }
        if in_section {
            pieces.push(Piece::Note(std::mem::take(block)));
        } else {
            header.append(block);
            header.push(String::new());
        }
    };
    for raw in policy.lines() {
        let line = raw.trim_end();
        if let Some(comment) = line.strip_prefix('#') {
            let text = comment.strip_prefix(' ').unwrap_or(comment).to_owned();
            match (&section, example_key(&text)) {
                (Some(name), Some((key, value))) => pieces.push(Piece::Key {
                    path: format!("{name}.{key}"),
                    value,
                    about: std::mem::take(&mut block),
                    example: true,
                }),
                _ => block.push(text),
            }
        } else if line.is_empty() {
            flush_note(&mut block, &mut pieces, &mut header, section.is_some());
        } else if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = Some(name.to_owned());
            pieces.push(Piece::Heading {
                name: name.to_owned(),
                intro: std::mem::take(&mut block),
            });
        } else if let Some((key, value)) = line.split_once(" = ") {
            let name = section.clone().unwrap_or_default();
            pieces.push(Piece::Key {
                path: format!("{name}.{}", key.trim()),
                value: value.trim().to_owned(),
                about: std::mem::take(&mut block),
                example: false,
            });
        } else {
            panic!("assets/policy.toml: a line the docs generator does not understand: {line}");
        }
    }
    flush_note(&mut block, &mut pieces, &mut header, section.is_some());
    (header, pieces)
}

fn prose(lines: &[String]) -> String {
    let mut out = lines.join("\n").trim().to_owned();
    out.push_str("\n\n");
    out
}

fn config_markdown(policy: &str) -> String {
    let (header, pieces) = policy_pieces(policy);
    let mut out = String::from(
        "# Configuration keys\n\n\
         <!-- Generated from assets/policy.toml by tests/it/docs_reference.rs: do not edit. -->\n\n\
         Every key of the closed-loop policy, with its shipped default and the comment that \
         `assets/policy.toml` carries for it. Put a key in your config file (`--config FILE`, \
         default `~/.config/hearback/hearback.toml`) under the same heading to change it. The \
         [closed loop](../guide/closed-loop.md) explains what each deadline is for.\n\n",
    );
    out.push_str("From the head of the file:\n\n");
    let header = header.join("\n");
    for line in header.trim().lines() {
        out.push_str(format!("> {line}").trim_end());
        out.push('\n');
    }
    out.push('\n');
    for piece in pieces {
        match piece {
            Piece::Heading { name, intro } => {
                out.push_str(&format!("## `[{name}]`\n\n"));
                if !intro.is_empty() {
                    out.push_str(&prose(&intro));
                }
            }
            Piece::Key {
                path,
                value,
                about,
                example,
            } => {
                out.push_str(&format!("### `{path}`\n\n"));
                if example {
                    out.push_str(&format!("Not set by default; for example `{value}`.\n\n"));
                } else {
                    out.push_str(&format!("Default: `{value}`\n\n"));
                }
                if !about.is_empty() {
                    out.push_str(&prose(&about));
                }
            }
            Piece::Note(lines) => out.push_str(&prose(&lines)),
        }
    }
    out.push_str("## The whole file\n\n```toml\n");
    out.push_str(policy.trim_end());
    out.push_str("\n```\n");
    out
}

// ---- the key reference, from the key tables --------------------------------------------------

/// What each mode is, for its heading: the panes have no title of their own in help.
fn mode_heading(context: KeyContext) -> String {
    let what = match context {
        KeyContext::Global => "every pane",
        KeyContext::Customers => "the customers pane",
        KeyContext::Queue => "the follow-up queue",
        KeyContext::Interview => "the interviews pane",
        KeyContext::Actions => "the action board",
        other => other.title().unwrap_or("(untitled)"),
    };
    format!("`[keys.{}]`: {what}", context.name())
}

/// One table per mode of the default key table: action name, its keys, what it does.
fn keys_markdown() -> String {
    let keymap = Keymap::default();
    let mut out = String::from(
        "# Keys\n\n<!-- Generated from the key tables (src/keymap/) by tests/it/docs_reference.rs: do not edit. -->\n\n\
         Every key of the dashboard, mode by mode, as shipped. The first column is the name to use \
         in `hearback.toml` to change it (see [changing keys](../guide/keys.md)). In the panes, a \
         pane's own keys come before those of `[keys.global]`; the full-screen views and the \
         customer overlay take only their own keys plus help, suspend and `Ctrl-c`; the forms, \
         the questions and help take only their own keys.\n",
    );
    for context in KeyContext::ALL {
        let mut rows: Vec<(String, Vec<String>, &str)> = Vec::new();
        for b in keymap.bindings().iter().filter(|b| b.context == context) {
            let name = b.action.name();
            match rows.iter_mut().find(|(n, _, _)| *n == name) {
                Some((_, keys, _)) => keys.push(key_name(b)),
                None => rows.push((name, vec![key_name(b)], b.help)),
            }
        }
        out.push_str(&format!("\n## {}\n\n", mode_heading(context)));
        if rows.is_empty() {
            out.push_str("No keys of its own.\n");
            continue;
        }
        out.push_str("| action | keys | what it does |\n|---|---|---|\n");
        for (name, keys, help) in rows {
            let keys: Vec<String> = keys
                .iter()
                .map(|k| format!("`{}`", k.replace('|', "\\|")))
                .collect();
            out.push_str(&format!(
                "| `{name}` | {} | {} |\n",
                keys.join(" "),
                help.replace('|', "\\|")
            ));
        }
    }
    out
}

#[test]
fn keys_reference_is_current() {
    check_file("docs/src/reference/keys.md", keys_markdown().as_bytes());
}

#[test]
fn config_reference_is_current() {
    let policy = read("assets/policy.toml");
    check_file(
        "docs/src/reference/config.md",
        config_markdown(&policy).as_bytes(),
    );
}

#[test]
fn config_reference_names_every_policy_key() {
    // Every key the real policy file sets gets its own heading, under its full dotted name.
    let policy = read("assets/policy.toml");
    let page = config_markdown(&policy);
    let parsed: toml::Table = toml::from_str(&policy).expect("the shipped policy parses");
    fn keys(prefix: &str, table: &toml::Table, out: &mut Vec<String>) {
        for (key, value) in table {
            let path = if prefix.is_empty() {
                key.clone()
            } else {
                format!("{prefix}.{key}")
            };
            match value {
                toml::Value::Table(inner) => keys(&path, inner, out),
                _ => out.push(path),
            }
        }
    }
    let mut all = Vec::new();
    keys("", &parsed, &mut all);
    assert!(all.len() > 15, "the policy has its keys: {all:?}");
    for key in all {
        assert!(
            page.contains(&format!("### `{key}`\n\nDefault: ")),
            "{key} missing from the page"
        );
    }
    assert!(page.contains("### `policy.cadence.tier_months.key`\n\nNot set by default"));
}

// ---- the README's dashboard capture ------------------------------------------------------------

const CAPTURE_SNAPSHOT: &str = "tests/it/snapshots/it__ui_snapshots__focus_queue_80x24.snap";
const CAPTURE_START: &str = "<!-- dashboard capture: generated from tests/it/snapshots/it__ui_snapshots__focus_queue_80x24.snap -->";
const CAPTURE_END: &str = "<!-- end of dashboard capture -->";

/// The frame an insta snapshot holds: the text after its front matter.
fn snapshot_frame(snap: &str) -> String {
    let body = snap
        .splitn(3, "---\n")
        .nth(2)
        .expect("an insta snapshot has front matter between two --- lines");
    format!("{}\n", body.trim_end_matches('\n'))
}

fn readme_with_capture(readme: &str, frame: &str) -> String {
    let (before, rest) = readme
        .split_once(CAPTURE_START)
        .expect("README.md has the dashboard capture's start marker");
    let (_, after) = rest
        .split_once(CAPTURE_END)
        .expect("README.md has the dashboard capture's end marker");
    format!("{before}{CAPTURE_START}\n```text\n{frame}```\n{CAPTURE_END}{after}")
}

#[test]
fn readme_capture_is_the_real_dashboard() {
    let frame = snapshot_frame(&read(CAPTURE_SNAPSHOT));
    assert!(
        frame.contains("Follow-up queue"),
        "the capture is the dashboard: {frame}"
    );
    let readme = read("README.md");
    check_file("README.md", readme_with_capture(&readme, &frame).as_bytes());
}

#[test]
fn readme_stays_short() {
    let size = read("README.md").len();
    assert!(
        size < 12 * 1024,
        "README.md is {size} bytes: keep it under 12 KiB, move detail to docs/"
    );
}

// ---- links ---------------------------------------------------------------------------------------

/// The targets of Markdown links `](target)` that point at files in the repository.
fn local_links(text: &str) -> Vec<String> {
    text.split("](")
        .skip(1)
        .filter_map(|rest| rest.split_once(')').map(|(target, _)| target))
        .map(|t| t.split('#').next().unwrap_or_default().to_owned())
        .filter(|t| !t.is_empty() && !t.contains("://"))
        .collect()
}

fn assert_links_resolve(from: &str) {
    let text = read(from);
    let base = root().join(from);
    let dir = base.parent().unwrap_or(Path::new("."));
    let links = local_links(&text);
    for link in links {
        assert!(
            dir.join(&link).exists(),
            "{from} links to {link}, which does not exist"
        );
    }
}

#[test]
fn readme_links_resolve() {
    let links = local_links(&read("README.md"));
    assert!(
        links.iter().any(|l| l.starts_with("docs/src/")),
        "the README links into the book"
    );
    assert_links_resolve("README.md");
}

#[test]
fn every_book_page_is_in_the_summary_and_links_resolve() {
    let summary = read("docs/src/SUMMARY.md");
    let listed: BTreeSet<String> = local_links(&summary).into_iter().collect();
    let src = root().join("docs/src");
    let mut pages = BTreeSet::new();
    let mut dirs = vec![src.clone()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("reading docs/src") {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "md") {
                let relative = path.strip_prefix(&src).expect("under docs/src");
                let relative = relative.to_string_lossy().into_owned();
                if relative != "SUMMARY.md" {
                    pages.insert(relative);
                }
            }
        }
    }
    assert_eq!(
        listed, pages,
        "docs/src/SUMMARY.md must list every page, and only pages that exist"
    );
    for page in pages {
        assert_links_resolve(&format!("docs/src/{page}"));
    }
}

// ---- JSON fields ---------------------------------------------------------------------------------

/// The field names in the first column of the table under `heading` in the JSON reference.
fn documented_fields(page: &str, heading: &str) -> BTreeSet<String> {
    let (_, rest) = page
        .split_once(heading)
        .unwrap_or_else(|| panic!("docs/src/reference/json.md has no heading {heading}"));
    let section = rest.split("\n## ").next().unwrap_or_default();
    let mut fields = BTreeSet::new();
    for row in section.lines().filter(|l| l.starts_with("| `")) {
        let first = row.split('|').nth(1).unwrap_or_default();
        for name in first.split(',') {
            fields.insert(name.trim().trim_matches('`').to_owned());
        }
    }
    fields
}

fn run_json(data: &Path, args: &[&str]) -> Vec<serde_json::Map<String, serde_json::Value>> {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_hearback"))
        .args(args)
        .env("HEARBACK_DATA", data)
        .env("HEARBACK_NOW", "2026-11-23T09:00:00Z")
        .env("TZ", "UTC")
        .env_remove("HEARBACK_CONFIG")
        .output()
        .expect("runs hearback");
    assert!(
        out.status.success(),
        "hearback {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON output");
    value
        .as_array()
        .expect("a JSON array")
        .iter()
        .map(|v| v.as_object().expect("an object per row").clone())
        .collect()
}

#[test]
fn json_fields_in_the_docs_match_real_output() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let data = dir.path().join("data");
    let data_arg = data.to_string_lossy().into_owned();
    let demo = std::process::Command::new(env!("CARGO_BIN_EXE_hearback"))
        .args(["--data", &data_arg, "demo"])
        .env("HEARBACK_NOW", "2026-11-23T09:00:00Z")
        .env("TZ", "UTC")
        .output()
        .expect("runs hearback demo");
    assert!(
        demo.status.success(),
        "demo failed: {}",
        String::from_utf8_lossy(&demo.stderr)
    );
    let page = read("docs/src/reference/json.md");
    let commands: [(&str, &[&str]); 2] = [
        (
            "## `customers --format json`",
            &["customers", "--format", "json"],
        ),
        (
            "## `queue --format json`",
            &["queue", "--format", "json", "--all"],
        ),
    ];
    for (heading, args) in commands {
        let rows = run_json(&data, args);
        assert!(
            !rows.is_empty(),
            "{args:?} printed no rows on the demo data"
        );
        let real: BTreeSet<String> = rows.iter().flat_map(|r| r.keys().cloned()).collect();
        let documented = documented_fields(&page, heading);
        assert_eq!(
            documented,
            real,
            "docs/src/reference/json.md, {heading}: the documented fields (left) differ from \
             what `hearback {}` prints (right)",
            args.join(" ")
        );
    }
}

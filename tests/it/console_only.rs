//! Every command prints, reads stdin and opens the user's paths through `cli::console`, which
//! is what lets the open dashboard run it for another terminal with that terminal's streams
//! (see `cli/hub`). This test reads the source: a `println!` in a handler would print on the
//! dashboard's screen instead of the caller's terminal.

use std::path::Path;

/// Where the process's own streams are right: the console itself, and the hub's client, which
/// plays the dashboard's answer back on its own process's streams.
const ALLOWED: [&str; 2] = ["src/cli/console.rs", "src/cli/hub/client.rs"];

const DIRECT: [&str; 7] = [
    "println!(",
    "eprintln!(",
    "print!(",
    "eprint!(",
    "std::io::stdout()",
    "std::io::stderr()",
    "std::io::stdin()",
];

fn scan(root: &Path, dir: &Path, found: &mut Vec<String>) {
    for entry in std::fs::read_dir(root.join(dir)).expect("lists src/cli") {
        let full = entry.expect("reads an entry").path();
        let path = full.strip_prefix(root).unwrap_or(&full).to_path_buf();
        if full.is_dir() {
            scan(root, &path, found);
            continue;
        }
        let shown = path.display().to_string();
        if path.extension().is_none_or(|e| e != "rs") || ALLOWED.contains(&shown.as_str()) {
            continue;
        }
        let text = std::fs::read_to_string(&full).expect("reads a source file");
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        for (n, line) in code.lines().enumerate() {
            if DIRECT.iter().any(|d| line.contains(d)) && !line.trim_start().starts_with("//") {
                found.push(format!("{shown}:{}: {}", n + 1, line.trim()));
            }
        }
    }
}

#[test]
fn commands_print_and_read_through_the_console() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut found = Vec::new();
    scan(root, Path::new("src/cli"), &mut found);
    assert!(
        found.is_empty(),
        "use say!/say_err!/console::out()/console::stdin() instead:\n{}",
        found.join("\n")
    );
}

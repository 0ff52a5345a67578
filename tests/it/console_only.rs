//! Every command prints, reads stdin and opens the user's paths through `cli::console`, which
//! is what lets the open dashboard run it for another terminal with that terminal's streams
//! (see `cli/hub`). This test reads the source: a `println!` in a handler would print on the
//! dashboard's screen instead of the caller's terminal.

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

#[test]
fn commands_print_and_read_through_the_console() {
    let found = crate::common::source_lines_with("src/cli", &ALLOWED, &DIRECT);
    assert!(
        found.is_empty(),
        "use say!/say_err!/console::out()/console::stdin() instead:\n{}",
        found.join("\n")
    );
}

//! Every file hearback writes outside its store goes through `io::out_file` (private, whole or
//! not at all, never through a link or over a device). This test reads the source: a new
//! `std::fs::write` or `File::create` elsewhere would write customer data around the rules.

use std::path::Path;

/// Where writing files directly is right: the store (sled's and hearback's own files, opened
/// with their own rules), the one safe writer itself, and `hearback bench`, which writes
/// synthetic data into a directory it made and marked for itself.
const ALLOWED: [&str; 3] = ["src/store/", "src/io/out_file.rs", "src/cli/bench/"];

const WRITERS: [&str; 5] = [
    "fs::write(",
    "File::create(",
    "OpenOptions::new()",
    "fs::copy(",
    "create_new(",
];

/// Scans `dir` (under the crate `root`); paths are shown relative to the root. No
/// `set_current_dir`: the working directory is process-wide, shared with other tests.
fn scan(root: &Path, dir: &Path, found: &mut Vec<String>) {
    for entry in std::fs::read_dir(root.join(dir)).expect("lists src/") {
        let full = entry.expect("reads an entry").path();
        let path = full.strip_prefix(root).unwrap_or(&full).to_path_buf();
        if full.is_dir() {
            scan(root, &path, found);
            continue;
        }
        let shown = path.display().to_string();
        if path.extension().is_none_or(|e| e != "rs")
            || ALLOWED.iter().any(|a| shown.starts_with(a))
        {
            continue;
        }
        let text = std::fs::read_to_string(&full).expect("reads a source file");
        // Unit tests may make their own fixtures.
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        for (n, line) in code.lines().enumerate() {
            if WRITERS.iter().any(|w| line.contains(w)) {
                found.push(format!("{shown}:{}: {}", n + 1, line.trim()));
            }
        }
    }
}

#[test]
fn every_file_written_outside_the_store_goes_through_the_one_safe_writer() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut found = Vec::new();
    scan(root, Path::new("src"), &mut found);
    assert!(
        found.is_empty(),
        "write through `crate::io::out_file::write` instead:\n{}",
        found.join("\n")
    );
}

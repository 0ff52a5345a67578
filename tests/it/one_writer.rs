//! Every file hearback writes outside its store goes through `io::out_file` (private, whole or
//! not at all, never through a link or over a device). This test reads the source: a new
//! `std::fs::write` or `File::create` elsewhere would write customer data around the rules.

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

#[test]
fn every_file_written_outside_the_store_goes_through_the_one_safe_writer() {
    let found = crate::common::source_lines_with("src", &ALLOWED, &WRITERS);
    assert!(
        found.is_empty(),
        "write through `crate::io::out_file::write` instead:\n{}",
        found.join("\n")
    );
}

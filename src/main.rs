//! The `hearback` binary: a thin shell over the library.

fn main() -> std::process::ExitCode {
    hearback::cli::main()
}

//! `--help` for every subcommand, walked from the clap definition itself (so a new subcommand
//! is covered without touching this file): the real binary prints it and exits 0, the usage
//! line names the command's path, the command's summary and every argument's help text are
//! there, and `hearback help PATH` prints the same.

use crate::common;

use clap::CommandFactory;
use hearback::cli::Cli;

/// Every subcommand as its path of names (`["export", "customers"]`), parents first.
fn paths(cmd: &clap::Command, prefix: &[String], out: &mut Vec<(Vec<String>, clap::Command)>) {
    for sub in cmd.get_subcommands() {
        let mut path = prefix.to_vec();
        path.push(sub.get_name().to_string());
        out.push((path.clone(), sub.clone()));
        paths(sub, &path, out);
    }
}

/// Whitespace runs as one space: help is wrapped to the terminal's width.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// One data dir for every run: help shows the `HEARBACK_DATA` it was given.
fn run(data: &std::path::Path, args: &[&str]) -> (bool, String) {
    let o = common::hearback_cli(data, args);
    let mut text = String::from_utf8_lossy(&o.stdout).into_owned();
    text.push_str(&String::from_utf8_lossy(&o.stderr));
    (o.status.success(), text)
}

#[test]
fn every_subcommand_has_complete_help() {
    let mut all = Vec::new();
    paths(&Cli::command(), &[], &mut all);
    assert!(all.len() > 10, "the walk found {} subcommands", all.len());
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("d");
    let mut problems = Vec::new();
    for (path, cmd) in &all {
        let shown = path.join(" ");
        let mut args: Vec<&str> = path.iter().map(String::as_str).collect();
        args.push("--help");
        let (ok, text) = run(&data, &args);
        if !ok {
            problems.push(format!("`hearback {shown} --help` failed:\n{text}"));
            continue;
        }
        let help = flat(&text);
        if !help.contains(&format!("Usage: hearback {shown}")) {
            problems.push(format!("`{shown}`: no usage line naming it:\n{text}"));
        }
        match cmd.get_long_about().or(cmd.get_about()) {
            None => problems.push(format!("`{shown}` has no summary (doc comment)")),
            Some(about) if !help.contains(&flat(&about.to_string())) => {
                problems.push(format!("`{shown}`: summary {about:?} not shown:\n{text}"));
            }
            Some(_) => {}
        }
        for arg in cmd.get_arguments().filter(|a| !a.is_hide_set()) {
            let id = arg.get_id();
            match arg.get_long_help().or(arg.get_help()) {
                None => problems.push(format!("`{shown}`: argument {id} has no help text")),
                Some(h) if !help.contains(&flat(&h.to_string())) => {
                    problems.push(format!(
                        "`{shown}`: help of {id} ({h:?}) not shown:\n{text}"
                    ));
                }
                Some(_) => {}
            }
        }
        let mut via_help = vec!["help"];
        via_help.extend(path.iter().map(String::as_str));
        let (ok, same) = run(&data, &via_help);
        if !ok || same != text {
            problems.push(format!(
                "`hearback help {shown}` differs from `hearback {shown} --help`:\n{same}"
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}

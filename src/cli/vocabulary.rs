//! The command line's vocabulary for the dashboard's Tab, read from the clap definitions
//! themselves (clap's introspection), so completion offers exactly what the CLI accepts and
//! never needs updating by hand.

use super::Cli;
use crate::app::{CommandWords, Flag, Positional, Refers, Values, Vocabulary};
use crate::core::Role;
use crate::core::interview_flow::Step;
use clap::{Arg, ArgAction, Command, CommandFactory};

/// Every visible subcommand with its flags and arguments (`help` and hidden ones left out);
/// the top level's flags are the global ones, offered at every level.
pub fn vocabulary() -> Vocabulary {
    let cli = <Cli as CommandFactory>::command();
    Vocabulary {
        root: words(&cli, &[]),
    }
}

/// One (sub)command; `path` is the names of the commands above it.
fn words(command: &Command, path: &[&str]) -> CommandWords {
    let name = command.get_name();
    let mut here: Vec<&str> = path.to_vec();
    here.push(name);
    let path = if path.is_empty() { &[][..] } else { &here[1..] };
    let arguments = command
        .get_arguments()
        .filter(|a| !a.is_hide_set() && !matches!(a.get_id().as_str(), "help" | "version"));
    let mut flags = Vec::new();
    let mut positionals = Vec::new();
    for arg in arguments {
        let value = values(arg, path);
        if arg.is_positional() {
            positionals.push(Positional {
                name: arg.get_id().to_string(),
                value,
            });
        } else if let Some(long) = arg.get_long() {
            // The dashboard works on its own data dir: `--data` would name another one.
            if long == "data" {
                continue;
            }
            flags.push(Flag {
                long: long.to_string(),
                aliases: arg
                    .get_visible_aliases()
                    .unwrap_or_default()
                    .into_iter()
                    .map(str::to_string)
                    .collect(),
                about: first_line(arg.get_help().map(ToString::to_string)),
                takes_value: arg.get_action().takes_values(),
                repeats: matches!(arg.get_action(), ArgAction::Append | ArgAction::Count),
                value,
            });
        }
    }
    CommandWords {
        name: name.to_string(),
        aliases: command.get_visible_aliases().map(str::to_string).collect(),
        about: first_line(command.get_about().map(ToString::to_string)),
        subcommands: command
            .get_subcommands()
            .filter(|c| !c.is_hide_set() && c.get_name() != "help")
            .map(|c| words(c, &here))
            .collect(),
        flags,
        positionals,
    }
}

fn first_line(text: Option<String>) -> String {
    text.unwrap_or_default()
        .lines()
        .next()
        .unwrap_or_default()
        .trim()
        .to_string()
}

/// What a flag's or argument's value can be: clap's possible values (a value_enum, a bool),
/// the roles and steps (their parsers are functions clap cannot list), and what record it names,
/// decided by its name and the subcommand it belongs to (`path`, below the top level).
fn values(arg: &Arg, path: &[&str]) -> Values {
    let id = arg.get_id().as_str();
    let mut choices: Vec<String> = arg
        .get_possible_values()
        .into_iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_string())
        .collect();
    let value_name = arg
        .get_value_names()
        .and_then(|n| n.first())
        .map(ToString::to_string);
    if choices.is_empty() && value_name.as_deref() == Some("ROLE") {
        choices = Role::ALL.iter().map(|r| r.as_str().to_string()).collect();
    }
    if choices.is_empty() && path == ["interview", "mark"] && id == "step" {
        choices = Step::ALL.iter().map(|s| s.as_str().to_string()).collect();
    }
    Values {
        choices,
        refers: refers(id, path),
    }
}

/// The kind of record a flag or argument names.
fn refers(id: &str, path: &[&str]) -> Refers {
    match (id, path.first().copied()) {
        ("customer", _) => Refers::Customer,
        // `stats --by` and `action move ID TO` are lists, not people.
        ("owner" | "executive", _)
        | ("by", Some("snooze" | "request"))
        | ("to", Some("followup")) => Refers::Staff,
        ("who", Some("staff")) => Refers::AnyStaff,
        ("id", Some("action")) => Refers::Action,
        ("id", Some("followup")) | ("followup", _) => Refers::FollowUp,
        ("id", Some("interview")) | ("interview", _) => Refers::Interview,
        _ => Refers::Nothing,
    }
}

use super::*;
use crate::app::command_line::vocabulary::{Positional, Values};
use crate::core::{Customer, CustomerId, Money, Staff, StaffId};
use chrono::{TimeZone, Utc};

fn flag(long: &str, takes_value: bool, value: Values) -> Flag {
    Flag {
        long: long.into(),
        about: format!("the {long}"),
        takes_value,
        value,
        ..Flag::default()
    }
}

fn choices(list: &[&str]) -> Values {
    Values {
        choices: list.iter().map(|s| s.to_string()).collect(),
        refers: Refers::Nothing,
    }
}

fn refers(refers: Refers) -> Values {
    Values {
        choices: Vec::new(),
        refers,
    }
}

fn command(name: &str) -> CommandWords {
    CommandWords {
        name: name.into(),
        about: format!("about {name}"),
        ..CommandWords::default()
    }
}

/// A small vocabulary shaped like hearback's.
pub(crate) fn vocabulary() -> Vocabulary {
    let mut queue = command("queue");
    queue.flags = vec![
        flag("format", true, choices(&["table", "json"])),
        flag("all", false, Values::default()),
    ];
    let mut customer = command("customer");
    customer.positionals = vec![Positional {
        name: "customer".into(),
        value: refers(Refers::Customer),
    }];
    let mut add = command("add");
    add.flags = vec![
        flag("customer", true, refers(Refers::Customer)),
        flag("kind", true, choices(&["corrective", "preventive"])),
        flag("title", true, Values::default()),
        flag("owner", true, refers(Refers::Staff)),
        Flag {
            repeats: true,
            ..flag("role", true, choices(&["account_manager", "executive"]))
        },
    ];
    let mut moving = command("move");
    moving.positionals = vec![
        Positional {
            name: "id".into(),
            value: refers(Refers::Action),
        },
        Positional {
            name: "to".into(),
            value: choices(&["todo", "doing", "done", "followed-up"]),
        },
    ];
    let mut action = command("action");
    action.subcommands = vec![add, moving];
    let mut root = command("hearback");
    root.flags = vec![flag("now", true, Values::default())];
    root.subcommands = vec![queue, customer, command("customers"), action];
    Vocabulary { root }
}

fn at() -> crate::core::Instant {
    Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0)
        .single()
        .expect("a valid time")
}

fn staff(id: u64, name: &str, active: bool) -> Staff {
    Staff {
        id: StaffId(id),
        name: name.into(),
        email: None,
        roles: Vec::new(),
        bio: String::new(),
        active,
    }
}

pub(crate) fn data() -> Dataset {
    let mut data = Dataset::default();
    for (id, name) in [
        (1, "Acme Corp"),
        (2, "Acme Logistics"),
        (3, "Zenith"),
        (12, "O'Brien & Sons"),
    ] {
        data.customers.push(Customer::new(
            CustomerId(id),
            name,
            Money::new(100, "USD"),
            at(),
        ));
    }
    data.staff = vec![staff(1, "Ann Lee", true), staff(2, "Bob Old", false)];
    data
}

/// The values offered for the word at the end of `line`.
fn offered(line: &str) -> Vec<String> {
    complete(&vocabulary(), &data(), line)
        .candidates
        .into_iter()
        .map(|c| c.value)
        .collect()
}

#[test]
fn subcommands_at_the_level_reached() {
    assert_eq!(offered(""), ["queue", "customer", "customers", "action"]);
    assert_eq!(offered("cu"), ["customer", "customers"]);
    assert_eq!(offered("action "), ["add", "move"]);
    assert_eq!(offered("action m"), ["move"]);
    assert_eq!(
        offered("hearback act"),
        ["action"],
        "hearback typed out of habit"
    );
    assert!(offered("nothing ").is_empty());
}

#[test]
fn flags_of_the_subcommand_and_the_global_ones() {
    assert_eq!(offered("queue --"), ["--format", "--all", "--now"]);
    assert_eq!(offered("queue --a"), ["--all"]);
    assert_eq!(
        offered("queue --all --"),
        ["--format", "--now"],
        "given once"
    );
    assert_eq!(
        offered("action add --role executive --r"),
        ["--role"],
        "a flag that repeats is offered again"
    );
    assert_eq!(
        offered("queue "),
        ["--format", "--all", "--now"],
        "no argument to name: the flags"
    );
}

#[test]
fn the_values_of_a_flag_with_a_fixed_list() {
    assert_eq!(offered("queue --format "), ["table", "json"]);
    assert_eq!(offered("queue --format j"), ["json"]);
    assert_eq!(offered("action add --kind P"), ["preventive"], "any case");
    let c = complete(&vocabulary(), &data(), "queue --format=j");
    assert_eq!((c.lead.as_str(), c.typed.as_str()), ("--format=", "j"));
    assert_eq!(c.candidates.len(), 1);
    assert_eq!(offered("action move A7 d"), ["doing", "done"]);
    assert!(
        offered("action add --title ").is_empty(),
        "free text: nothing to offer"
    );
}

#[test]
fn customers_and_people_by_name_and_id() {
    assert_eq!(offered("customer ac"), ["Acme Corp", "Acme Logistics"]);
    assert_eq!(offered("customer 'Acme C"), ["Acme Corp"]);
    assert_eq!(
        offered("action add --customer o"),
        ["O'Brien & Sons"],
        "the flag's value names a customer"
    );
    assert_eq!(
        offered("customer gist"),
        ["Acme Logistics"],
        "a part of a name"
    );
    assert_eq!(
        offered("customer c1"),
        ["C1", "C12"],
        "ids once a digit is typed"
    );
    assert_eq!(
        offered("action add --owner "),
        ["Ann Lee"],
        "people who left are not owners"
    );
    let c = complete(&vocabulary(), &data(), "customer 'Acme C");
    assert_eq!(c.start, 9, "the quoted word is replaced whole");
}

#[test]
fn the_longest_shared_start() {
    assert_eq!(common_prefix(&["Acme Corp", "Acme Logistics"]), "Acme ");
    assert_eq!(common_prefix(&["done", "doing"]), "do");
    assert_eq!(common_prefix(&["x"]), "x");
    assert_eq!(common_prefix(&[]), "");
    assert_eq!(common_prefix(&["Zoë", "Zoé"]), "Zo");
}

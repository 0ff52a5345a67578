//! What the command line's Tab knows: every subcommand with its flags and arguments, as the
//! clap definitions declare them. The app only defines the shape; `cli::vocabulary()` fills it
//! from clap (the app cannot look at the CLI, which sits above it) and the runtime hands it to
//! the app at start. Empty by default: Tab then completes nothing.

/// The subcommands, flags and values of the command line.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Vocabulary {
    /// The top level: its subcommands, and the global flags (offered at every level).
    pub root: CommandWords,
}

/// One (sub)command.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CommandWords {
    /// Its name as typed (`add`).
    pub name: String,
    /// Other names it answers to.
    pub aliases: Vec<String>,
    /// The first line of its help, shown beside it among the candidates.
    pub about: String,
    /// Its subcommands, in definition order.
    pub subcommands: Vec<CommandWords>,
    /// Its `--flags`.
    pub flags: Vec<Flag>,
    /// Its arguments without a flag, in order.
    pub positionals: Vec<Positional>,
}

/// A `--flag`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Flag {
    /// The long name without `--`.
    pub long: String,
    /// Other long names (visible aliases).
    pub aliases: Vec<String>,
    /// The first line of its help.
    pub about: String,
    /// Whether a value follows it (`--kind corrective`); false for a switch (`--all`).
    pub takes_value: bool,
    /// Whether it may be given more than once (`--role`).
    pub repeats: bool,
    /// What its value can be.
    pub value: Values,
}

/// An argument without a flag (`customer C12`, `action move A7 done`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Positional {
    /// Its name (`customer`, `to`).
    pub name: String,
    /// What it can be.
    pub value: Values,
}

/// The values Tab offers for a flag or argument.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Values {
    /// A fixed list (a value_enum's values, `true`/`false`, the roles); empty when free.
    pub choices: Vec<String>,
    /// The kind of record it names, whose names and ids come from the data.
    pub refers: Refers,
}

/// The kind of record a value names.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Refers {
    /// Nothing Tab can know (free text, a time, a file).
    #[default]
    Nothing,
    /// A customer: names and ids.
    Customer,
    /// One of our people who is with us: names and ids (owners, assignees, executives).
    Staff,
    /// Any of our people, also those who left (to change them).
    AnyStaff,
    /// An action item id.
    Action,
    /// A follow-up id.
    FollowUp,
    /// An interview id.
    Interview,
}

impl CommandWords {
    /// The subcommand called `name` (or one of its aliases).
    pub fn subcommand(&self, name: &str) -> Option<&CommandWords> {
        self.subcommands
            .iter()
            .find(|c| c.name == name || c.aliases.iter().any(|a| a == name))
    }

    /// The flag called `--long` (or an alias of it).
    pub fn flag(&self, long: &str) -> Option<&Flag> {
        self.flags
            .iter()
            .find(|f| f.long == long || f.aliases.iter().any(|a| a == long))
    }
}

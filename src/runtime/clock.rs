//! Where the dashboard reads the time. The command line builds the one clock of a run (the
//! system clock, or the fixed `--now`) and hands it down: nothing below it reads the real
//! clock, so a fixed `--now` really does replace the clock everywhere.

use crate::core::Instant;

/// The time as the dashboard sees it.
pub trait Clock: Send + Sync {
    /// The current time.
    fn now(&self) -> Instant;

    /// Whether time stands still (a fixed `--now`): the dashboard then does not tick.
    fn is_fixed(&self) -> bool;
}

/// A clock that always says the same time: `--now`, and tests.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FixedClock(pub Instant);

impl Clock for FixedClock {
    fn now(&self) -> Instant {
        self.0
    }

    fn is_fixed(&self) -> bool {
        true
    }
}

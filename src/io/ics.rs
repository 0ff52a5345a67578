//! The feedback calendar as RFC 5545 iCalendar, written with the `icalendar` crate.

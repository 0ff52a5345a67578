//! How risk reasons are worded: plain words with the figures, never a figure that reads as
//! the limit it missed.

use crate::core::open_work::Seen;
use std::fmt::Write as _;

/// `scored 2 on delivery, 1 on billing in the latest interview`: every answer at or below `max`.
pub(super) fn scored_reason(latest: &Seen, max: u8) -> String {
    let mut text = String::from("scored ");
    let low = latest.low.iter().filter(|(s, _)| *s <= max);
    for (n, (score, key)) in low.enumerate() {
        let sep = if n == 0 { "" } else { ", " };
        let _ = write!(text, "{sep}{score} on {key}");
    }
    text.push_str(" in the latest interview");
    text
}

/// `n thing` or `n things`.
pub(super) fn count(n: usize, thing: &str) -> String {
    if n == 1 {
        format!("1 {thing}")
    } else {
        format!("{n} {thing}s")
    }
}

/// An average below `limit`, with enough decimals that it never reads as the limit itself
/// (2.96 is shown as 2.96, not 3.0).
pub(super) fn figure(value: f64, limit: f64) -> String {
    for decimals in 1..=3 {
        let text = format!("{value:.decimals$}");
        if text.parse::<f64>().is_ok_and(|shown| shown < limit) {
            return text;
        }
    }
    // Closer than 0.0005: cut off instead of rounding up to the limit.
    format!("{:.3}", (value * 1000.0).floor() / 1000.0)
}

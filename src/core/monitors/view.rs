//! What the customer views and the pre-brief show of a customer's monitors: the figures, then
//! the latest events, in the same words everywhere.

use super::{Figures, MonitorEvent, MonitorKind, Monitoring, instant_date};

/// How many of the latest events are listed.
pub const LATEST: usize = 5;

/// One event in a line: `2026-11-18 return RMA-2026-0325: Scanner dead on arrival`; a
/// delivery says its promised date and whether it was late.
pub fn event_line(e: &MonitorEvent) -> String {
    let what = match &e.kind {
        MonitorKind::Delivery {
            promised,
            delivered,
        } => {
            let promised = instant_date(*promised);
            match delivered.map(instant_date) {
                Some(d) if d <= promised => format!("delivery (promised {promised}, on time)"),
                Some(d) => format!(
                    "delivery (promised {promised}, {} days late)",
                    (d - promised).num_days()
                ),
                None => format!("delivery (promised {promised}, not delivered)"),
            }
        }
        MonitorKind::CreditNote {
            amount: Some(amount),
        } => format!("credit note {amount}"),
        other => other.label().to_string(),
    };
    let note = if e.note.is_empty() {
        String::new()
    } else {
        format!(": {}", e.note)
    };
    format!("{} {what} {}{note}", instant_date(e.on), e.reference)
}

/// The figures' lines, then `Latest:` and up to [`LATEST`] events, newest first; empty when
/// the customer has no monitor event.
pub fn lines(events: &[&MonitorEvent], m: Monitoring<'_>) -> Vec<String> {
    let mut out = Figures::of(events.iter().copied(), m).lines();
    if out.is_empty() {
        return out;
    }
    let mut latest: Vec<&&MonitorEvent> = events
        .iter()
        .filter(|e| instant_date(e.on) <= m.today)
        .collect();
    latest.sort_by_key(|e| std::cmp::Reverse((e.on, e.id)));
    if !latest.is_empty() {
        out.push("Latest:".into());
        out.extend(
            latest
                .iter()
                .take(LATEST)
                .map(|e| format!("  {}", event_line(e))),
        );
    }
    out
}

//! The small forms a key opens with more than one field or a customer's details filled in
//! (booking, follow-up context). Shared by the queue keys and the steps that close an item,
//! so neither has to import the other.

use super::act::ask;
use super::prompt::{Field, PromptKind};
use super::{App, Effect};
use crate::core::queue::Item;

/// Opens the booking form for a customer, its primary contact filled in.
pub(super) fn book_prompt(app: &mut App, customer: crate::core::CustomerId) -> Vec<Effect> {
    let (name, primary) = app
        .data
        .customer(customer)
        .map_or_else(Default::default, |c| {
            let primary = c.primary_contact().map(|k| k.name.clone());
            (c.name.clone(), primary.unwrap_or_default())
        });
    let fields = vec![
        Field::time("When", "10:00, tomorrow 9, fri 14:00, +3d or a date"),
        Field::filled("Length", "minutes, 5-480", "30"),
        Field::new("Place", "phone, video, on site (the default) or a place"),
        Field::filled(
            "Contact",
            "their person: name or email (the primary contact first)",
            &primary,
        ),
        Field::new(
            "Executive",
            "optional: default the customer's executive sponsor",
        ),
        Field::new(
            "After deliverable",
            "optional: the deliverable that triggers it",
        ),
    ];
    ask(
        app,
        PromptKind::Book {
            customer,
            confirmed: false,
        },
        format!("Book a feedback interview with {name}"),
        fields,
    )
}

/// Opens the form that records what the customer said on a follow-up.
pub(super) fn context_prompt(app: &mut App, item: &Item, name: &str) -> Vec<Effect> {
    let fields = vec![Field::new(
        "What the customer said",
        "the context for root-cause analysis",
    )];
    ask(
        app,
        PromptKind::Context(item.subject),
        format!("Context for {} ({name})", item.subject),
        fields,
    )
}

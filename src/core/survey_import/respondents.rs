//! Finding who a response is from. The customers are indexed once per import (by contact email
//! and by normalised name), so matching a million responses does not scan every contact of
//! every customer for each one.

use super::Respondent;
use crate::core::excerpt::excerpt;
use crate::core::{ContactId, Customer, Dataset};
use std::collections::HashMap;

/// The customers of a dataset by contact email and by normalised name (archived ones left
/// out), in data order.
pub struct Respondents<'a> {
    by_email: HashMap<String, Vec<(&'a Customer, ContactId)>>,
    by_name: HashMap<String, Vec<&'a Customer>>,
}

impl<'a> Respondents<'a> {
    /// Indexes the customers of `data` that are not archived.
    pub fn new(data: &'a Dataset) -> Respondents<'a> {
        let mut by_email: HashMap<String, Vec<(&Customer, ContactId)>> = HashMap::new();
        let mut by_name: HashMap<String, Vec<&Customer>> = HashMap::new();
        for c in data.customers.iter().filter(|c| !c.archived) {
            for p in &c.contacts {
                let email = p.email.trim().to_ascii_lowercase();
                if !email.is_empty() {
                    by_email.entry(email).or_default().push((c, p.id));
                }
            }
            let key = Customer::normalised_name(&c.name);
            if !key.is_empty() {
                by_name.entry(key).or_default().push(c);
            }
        }
        Respondents { by_email, by_name }
    }

    /// Finds the customer (and contact) a response is from: by contact email first, else by
    /// company name. The error says why nothing matched.
    pub fn find(&self, email: &str, company: &str) -> Result<Respondent, String> {
        let email = email.trim();
        let mut why = Vec::new();
        if !email.is_empty() {
            let hits = self
                .by_email
                .get(&email.to_ascii_lowercase())
                .map_or(&[][..], Vec::as_slice);
            match hits {
                [(customer, contact)] => {
                    return Ok(Respondent {
                        customer: customer.id,
                        contact: Some(*contact),
                    });
                }
                [] => why.push(format!("no contact has the email '{}'", excerpt(email))),
                many => {
                    return Err(format!(
                        "the email '{}' belongs to contacts of {}; not guessing which",
                        excerpt(email),
                        names(many.iter().map(|(c, _)| *c))
                    ));
                }
            }
        }
        let key = Customer::normalised_name(company);
        if !key.is_empty() {
            match self.by_name.get(&key).map_or(&[][..], Vec::as_slice) {
                [customer] => {
                    return Ok(Respondent {
                        customer: customer.id,
                        contact: None,
                    });
                }
                [] => why.push(format!("no customer is named '{}'", excerpt(company))),
                many => {
                    return Err(format!(
                        "the company '{}' matches {}; not guessing which",
                        excerpt(company),
                        names(many.iter().copied())
                    ));
                }
            }
        }
        if why.is_empty() {
            return Err("no email or company to match the respondent by".into());
        }
        Err(format!(
            "not matched: {}; add the contact or customer and import again",
            why.join(" and ")
        ))
    }
}

/// Finds the customer (and contact) a response is from: by contact email first, else by
/// company name; archived customers are not matched. The error says why nothing matched.
pub fn match_respondent(data: &Dataset, email: &str, company: &str) -> Result<Respondent, String> {
    Respondents::new(data).find(email, company)
}

/// `A (C1), B (C2)`.
fn names<'a>(customers: impl Iterator<Item = &'a Customer>) -> String {
    customers
        .map(|c| format!("{} ({})", c.name, c.id))
        .collect::<Vec<_>>()
        .join(", ")
}

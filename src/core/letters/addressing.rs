//! Who a letter goes to, and whose email is missing ([`super::Letter::missing`]).

use super::{Fields, Letter, LetterKind, Mailbox};
use crate::core::queue::Subject;
use crate::core::report::Sources;
use crate::core::{ContactId, Customer, StaffId};

/// Collects the addresses of a letter and what is missing from them.
pub(super) struct Addressing<'a> {
    src: &'a Sources<'a>,
    customer: &'a Customer,
    from: Mailbox,
    sender: Option<StaffId>,
    pub(super) to: Mailbox,
    cc: Vec<Mailbox>,
    copied: Vec<StaffId>,
    missing: Vec<String>,
}

impl<'a> Addressing<'a> {
    pub(super) fn new(
        src: &'a Sources<'a>,
        customer: &'a Customer,
        contact: Option<ContactId>,
        sender: Option<StaffId>,
    ) -> Addressing<'a> {
        let contact = contact
            .and_then(|c| customer.contact(c))
            .or_else(|| customer.primary_contact());
        let mut missing = Vec::new();
        let to = match contact {
            Some(c) => {
                if c.email.trim().is_empty() {
                    missing.push(format!(
                        "{} of {} has no email on file: add it to the customer's contacts in your CRM and import it again",
                        c.name, customer.name
                    ));
                }
                Mailbox {
                    name: c.name.clone(),
                    email: c.email.trim().to_string(),
                }
            }
            None => {
                missing.push(format!(
                    "{} has no contact on file to write to: add one in your CRM and import it again",
                    customer.name
                ));
                Mailbox {
                    name: format!("colleagues at {}", customer.name),
                    email: String::new(),
                }
            }
        };
        let mut out = Addressing {
            src,
            customer,
            from: Mailbox {
                name: String::new(),
                email: String::new(),
            },
            sender,
            to,
            cc: Vec::new(),
            copied: Vec::new(),
            missing,
        };
        match sender.and_then(|id| out.mailbox(id)) {
            Some(m) => out.from = m,
            None => out.missing.push(format!(
                "nobody is named to send it: set the account manager of {} or assign the follow-up (w in the queue)",
                out.customer.name
            )),
        }
        out
    }

    /// `id` as a mailbox, noting a missing email.
    fn mailbox(&mut self, id: StaffId) -> Option<Mailbox> {
        let staff = self.src.data.staff_member(id)?;
        let email = staff.email.as_deref().unwrap_or("").trim().to_string();
        if email.is_empty() {
            self.missing.push(format!(
                "{} has no email on file: hearback staff set \"{}\" --email ADDRESS",
                staff.name, staff.name
            ));
        }
        Some(Mailbox {
            name: staff.name.clone(),
            email,
        })
    }

    /// Copies `id` in, unless it is the sender or copied already.
    pub(super) fn copy(&mut self, id: Option<StaffId>) {
        let Some(id) = id else { return };
        if self.sender == Some(id) || self.copied.contains(&id) {
            return;
        }
        self.copied.push(id);
        if let Some(m) = self.mailbox(id) {
            self.cc.push(m);
        }
    }

    pub(super) fn signer(&self) -> String {
        if self.from.name.is_empty() {
            "The customer success team".to_string()
        } else {
            self.from.name.clone()
        }
    }

    pub(super) fn letter(self, kind: LetterKind, subject: Subject, fields: Fields) -> Letter {
        Letter {
            kind,
            subject,
            from: self.from,
            to: self.to,
            cc: self.cc,
            missing: self.missing,
            fields,
        }
    }
}

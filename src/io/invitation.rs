//! The invitation sent before an interview: the questions and our executive's bio, from a
//! template (`assets/invitation.md`, Jinja syntax via minijinja, so users can reword it).

use crate::core::{Dataset, Interview, QuestionSet};
use minijinja::{Environment, context};

/// The shipped invitation template.
pub const DEFAULT_TEMPLATE: &str = include_str!("../../assets/invitation.md");

/// Why an invitation could not be written.
#[derive(Debug, thiserror::Error)]
pub enum InvitationError {
    /// The template has a syntax error or uses something undefined (minijinja names the line).
    #[error("invitation template: {0}")]
    Template(#[from] minijinja::Error),
    /// The interview names a customer that is not in the data.
    #[error("interview {0} names a customer that is not in the store")]
    NoCustomer(String),
}

/// Renders the invitation for `interview`.
pub fn render(
    data: &Dataset,
    interview: &Interview,
    questions: &QuestionSet,
    template: &str,
) -> Result<String, InvitationError> {
    let customer = data
        .customer(interview.customer)
        .ok_or_else(|| InvitationError::NoCustomer(interview.id.to_string()))?;
    let contact = interview.contact.and_then(|id| customer.contact(id));
    let executive = interview.executive.and_then(|id| data.staff_member(id));
    let mut env = Environment::new();
    // Undefined variables are errors, so a misspelt placeholder never sends a blank.
    env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
    env.add_template("invitation", template)?;
    let questions: Vec<_> = questions
        .questions
        .iter()
        .map(|q| context! { key => &q.key, text => &q.text })
        .collect();
    let text = env.get_template("invitation")?.render(context! {
        contact => context! {
            name => contact.map_or("colleague", |c| c.name.as_str()),
            role => contact.map_or("", |c| c.role.as_str()),
        },
        customer => &customer.name,
        executive => context! {
            name => executive.map_or("our team", |s| s.name.as_str()),
            bio => executive.map_or("", |s| s.bio.as_str()),
        },
        date => interview.scheduled_at.format("%A %d %B %Y").to_string(),
        time => interview.scheduled_at.format("%H:%M UTC").to_string(),
        minutes => interview.duration_minutes,
        location => interview.location.as_deref().unwrap_or("at your offices"),
        questions => questions,
        account_manager => data.staff_name(customer.account_manager),
    })?;
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::{
        Contact, ContactId, Customer, CustomerId, InterviewId, Money, Role, Staff, StaffId, Tier,
        Trigger,
    };
    use chrono::{TimeZone, Utc};

    fn data() -> (Dataset, Interview) {
        let at = Utc
            .with_ymd_and_hms(2026, 12, 1, 14, 0, 0)
            .single()
            .expect("valid");
        let staff = vec![
            Staff {
                id: StaffId(1),
                name: "Dana Reyes".into(),
                email: None,
                roles: vec![Role::AccountManager],
                bio: String::new(),
                active: true,
            },
            Staff {
                id: StaffId(2),
                name: "Alex Chen".into(),
                email: None,
                roles: vec![Role::Executive],
                bio: "Runs our logistics practice.".into(),
                active: true,
            },
        ];
        let customer = Customer::new(CustomerId(3), "Acme Freight", Money::new(100, "USD"), at)
            .with_tier(Tier::Key)
            .with_account_manager(StaffId(1))
            .with_executive_sponsor(StaffId(2))
            .with_contacts(vec![Contact {
                id: ContactId(4),
                name: "Ada Byrne".into(),
                role: "COO".into(),
                email: String::new(),
                phone: String::new(),
                personality: String::new(),
            }]);
        let interview = Interview {
            contact: Some(ContactId(4)),
            executive: Some(StaffId(2)),
            ..Interview::booked(InterviewId(5), CustomerId(3), Trigger::Cadence, at)
        };
        (
            Dataset {
                staff,
                customers: vec![customer],
                interviews: vec![interview.clone()],
                ..Dataset::default()
            },
            interview,
        )
    }

    #[test]
    fn the_invitation_names_everyone_and_lists_every_question() {
        let (data, interview) = data();
        let text = render(
            &data,
            &interview,
            &QuestionSet::defaults(),
            DEFAULT_TEMPLATE,
        )
        .expect("renders");
        for needle in [
            "Dear Ada Byrne",
            "Alex Chen",
            "Tuesday 01 December 2026",
            "14:00 UTC",
            "30 minutes",
            "at your offices",
            "Runs our logistics practice.",
            "Dana Reyes",
        ] {
            assert!(text.contains(needle), "{needle} missing in:\n{text}");
        }
        for (n, q) in QuestionSet::defaults().questions.iter().enumerate() {
            assert!(
                text.contains(&format!("{}. {}", n + 1, q.text)),
                "question {n}"
            );
        }
    }

    #[test]
    fn a_misspelt_placeholder_is_an_error_not_a_blank() {
        let (data, interview) = data();
        let err = render(
            &data,
            &interview,
            &QuestionSet::defaults(),
            "Dear {{ contact.nmae }}",
        )
        .expect_err("strict");
        assert!(err.to_string().contains("invitation template"), "{err}");
    }
}

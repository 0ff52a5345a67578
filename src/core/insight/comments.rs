//! The comments behind a number: what customers said when they gave the scores a figure is
//! made of.

use super::{GroupKey, Period, completed_in};
use crate::core::{CustomerId, Dataset, Individual, Instant, InterviewId, Score};

/// One comment, with where it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comment {
    /// The interview it was given in.
    pub interview: InterviewId,
    /// The customer.
    pub customer: CustomerId,
    /// The customer's name (empty when the customer is no longer in the store).
    pub customer_name: String,
    /// When the interview was completed.
    pub at: Instant,
    /// The question's stable key.
    pub question_key: String,
    /// The question as it was asked.
    pub question: String,
    /// The score given with it; `None` for N/A.
    pub score: Option<Score>,
    /// The customer's words.
    pub comment: String,
    /// Whether it is about one of our people (private ones stay out of the workforce digest).
    pub individual: Individual,
}

/// The non-empty comments of `group` in `period`, for one question key or (with `None`) for
/// every question: newest interview first, then in question order.
pub fn comments(
    data: &Dataset,
    group: &GroupKey,
    question: Option<&str>,
    period: Period,
) -> Vec<Comment> {
    let mut interviews: Vec<_> = completed_in(data, period)
        .filter(|i| group.contains(data, i.customer))
        .collect();
    interviews.sort_by(|a, b| b.completed_at.cmp(&a.completed_at).then(b.id.cmp(&a.id)));
    let mut out = Vec::new();
    for i in interviews {
        let Some(at) = i.completed_at else { continue };
        let customer_name = data
            .customer(i.customer)
            .map(|c| c.name.clone())
            .unwrap_or_default();
        for a in &i.answers {
            if a.comment.trim().is_empty() || question.is_some_and(|q| q != a.question_key) {
                continue;
            }
            out.push(Comment {
                interview: i.id,
                customer: i.customer,
                customer_name: customer_name.clone(),
                at,
                question_key: a.question_key.clone(),
                question: if a.question.trim().is_empty() {
                    a.question_key.clone()
                } else {
                    a.question.clone()
                },
                score: a.score,
                comment: a.comment.trim().to_string(),
                individual: a.individual,
            });
        }
    }
    out
}

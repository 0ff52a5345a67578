//! Turning online survey responses into completed interviews: match each respondent to a
//! customer and contact, skip responses already imported, and complete each one through
//! [`plan_completion`], so a survey answer owes the same thank-you and opens the same low-score
//! follow-ups as an interview.
//!
//! Matching never guesses: a response is matched by the respondent's email (a contact's email,
//! case-insensitive) or else by company name ([`Customer::normalised_name`]); anything else,
//! including a name or email that fits two customers, is rejected with the reason.

use super::completion::plan_completion;
use super::customer_import::RecordCheck;
use super::interview_flow::blank_answers;
use super::policy::Policy;
use super::{
    Change, ChangeSet, ContactId, CustomerId, Dataset, EventKind, FollowUpId, IdAllocator, Instant,
    Interview, InterviewId, QuestionSet, Score, TimelineEvent, Trigger, sanitize,
};
use std::collections::HashSet;
use std::hash::{Hash, Hasher};

/// A 128-bit fingerprint of a response id: a million ids held as these take 16 bytes each
/// instead of a heap string each, and two different ids share one with odds near 2^-128.
pub fn response_key(response_id: &str) -> u128 {
    // Two SipHash runs told apart by a leading byte: std has no 128-bit hasher.
    let half = |salt: u8| {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        salt.hash(&mut h);
        response_id.hash(&mut h);
        h.finish()
    };
    (u128::from(half(1)) << 64) | u128::from(half(2))
}

/// The range of a survey question's answers, mapped onto our 1-5 scores.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Scale {
    /// The lowest answer (maps to 1).
    pub min: i64,
    /// The highest answer (maps to 5).
    pub max: i64,
}

impl Scale {
    /// Our own scale, 1-5: answers are taken as they are.
    pub const ONE_TO_FIVE: Scale = Scale { min: 1, max: 5 };

    /// A scale, if `min < max`.
    pub fn new(min: i64, max: i64) -> Option<Scale> {
        (min < max).then_some(Scale { min, max })
    }

    /// The 1-5 score of `value`, or `None` when it is outside the scale.
    ///
    /// The value is placed at the same relative point of 1-5 and rounded to the nearest score;
    /// an exact half goes to the lower score, so a borderline answer is never lifted out of
    /// the low-score follow-up. On 0-10 (NPS): 0-1 → 1, 2-3 → 2, 4-6 → 3, 7-8 → 4, 9-10 → 5, so
    /// detractors score below 4, passives 4 and promoters 5.
    pub fn to_score(self, value: f64) -> Option<Score> {
        let (min, max) = (self.min as f64, self.max as f64);
        if !value.is_finite() || value < min || value > max {
            return None;
        }
        let position = 1.0 + (value - min) * 4.0 / (max - min);
        // Ties down; the epsilon keeps 2.5000000001 from float noise at 3.
        let rounded = (position - 0.5 - 1e-9).ceil().clamp(1.0, 5.0);
        Score::new(rounded as u8)
    }
}

/// One question answered in a survey response.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SurveyAnswer {
    /// Key of our question (from `assets/questions.toml`).
    pub question_key: String,
    /// The survey's wording of the question; empty keeps ours.
    pub question: String,
    /// The score on our 1-5 scale; `None` when left blank.
    pub score: Option<Score>,
    /// The respondent's comment, possibly empty.
    pub comment: String,
}

/// One response as read from a survey export.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SurveyResponse {
    /// 1-based line in the file where the response starts.
    pub line: u64,
    /// The survey tool's id of the response.
    pub response_id: String,
    /// The respondent's email, possibly blank.
    pub email: String,
    /// The respondent's company, possibly blank.
    pub company: String,
    /// When it was submitted, if the file says.
    pub submitted_at: Option<Instant>,
    /// The answers to our questions that the survey asked.
    pub answers: Vec<SurveyAnswer>,
}

/// A response that was not imported, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rejected {
    /// 1-based line where the response starts.
    pub line: u64,
    /// Why, in words a person understands.
    pub reason: String,
}

/// A response that becomes an interview.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Imported {
    /// Line of the response in the file.
    pub line: u64,
    /// The survey tool's id.
    pub response_id: String,
    /// The interview it becomes.
    pub interview: InterviewId,
    /// The customer's name.
    pub customer: String,
    /// The lowest score given.
    pub lowest: Score,
    /// The follow-up its low score opens.
    pub followup: Option<FollowUpId>,
}

/// What an import of survey responses would write, and a summary for the user.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SurveyImportPlan {
    /// Interviews, follow-ups and timeline events to write in one transaction.
    pub changes: ChangeSet,
    /// Responses that become interviews, in file order.
    pub imported: Vec<Imported>,
    /// Lines of responses whose id is already stored for this source.
    pub already_imported: Vec<u64>,
    /// Responses not matched to a customer, or not importable, in file order.
    pub rejected: Vec<Rejected>,
}

/// Where a response belongs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Respondent {
    /// The customer.
    pub customer: CustomerId,
    /// The contact, when the email named one.
    pub contact: Option<ContactId>,
}

/// What every response of one import shares.
#[derive(Clone, Copy, Debug)]
pub struct ImportContext<'a> {
    /// The survey tool (`qualtrics`, `surveymonkey`, `typeform`, ...); ids are unique per source.
    pub source: &'a str,
    /// The questions in force.
    pub questions: &'a QuestionSet,
    /// The closed-loop rules.
    pub policy: &'a Policy,
    /// The current time: responses "submitted" later than this are taken as submitted now.
    pub now: Instant,
    /// Who imports, for the timeline.
    pub actor: &'a str,
}

/// Plans the import of `responses`: each matched response not imported before becomes a
/// completed interview (trigger [`Trigger::SurveyImport`]) through [`plan_completion`].
pub fn plan_survey_import(
    data: &Dataset,
    responses: &[SurveyResponse],
    cx: ImportContext<'_>,
    ids: &mut IdAllocator,
) -> SurveyImportPlan {
    plan_survey_import_within(data, responses, cx, ids, &|_| Ok(()))
}

/// As [`plan_survey_import`], and a response whose records fail `fits` (too large to store) is
/// rejected with its line instead of failing the whole import at commit.
pub fn plan_survey_import_within(
    data: &Dataset,
    responses: &[SurveyResponse],
    cx: ImportContext<'_>,
    ids: &mut IdAllocator,
    fits: RecordCheck<'_>,
) -> SurveyImportPlan {
    SurveyPlanner::new(data, cx).plan(responses, ids, fits)
}

/// Plans an import in batches: what was stored before and what earlier batches imported are
/// remembered, so a file read in pieces plans exactly as if it were read whole.
pub struct SurveyPlanner<'a> {
    data: &'a Dataset,
    cx: ImportContext<'a>,
    source: String,
    respondents: Respondents<'a>,
    /// Response ids of this source stored or planned so far, as [`response_key`]s.
    stored: HashSet<u128>,
}

impl<'a> SurveyPlanner<'a> {
    /// A planner over `data`: its customers are indexed once for every batch.
    pub fn new(data: &'a Dataset, cx: ImportContext<'a>) -> SurveyPlanner<'a> {
        let source = sanitize::line(cx.source);
        let stored = data
            .interviews
            .iter()
            .filter_map(|i| match &i.trigger {
                Trigger::SurveyImport {
                    source: s,
                    response_id,
                } if *s == source => Some(response_key(response_id)),
                _ => None,
            })
            .collect();
        SurveyPlanner {
            data,
            cx,
            source,
            respondents: Respondents::new(data),
            stored,
        }
    }

    /// Plans the next batch of responses, in file order.
    pub fn plan(
        &mut self,
        responses: &[SurveyResponse],
        ids: &mut IdAllocator,
        fits: RecordCheck<'_>,
    ) -> SurveyImportPlan {
        let mut plan = SurveyImportPlan::default();
        for response in responses {
            let response_id = sanitize::line(&response.response_id);
            let key = response_key(&response_id);
            if self.stored.contains(&key) {
                plan.already_imported.push(response.line);
                continue;
            }
            let planned = plan_one(self, response, &response_id, ids).and_then(|one| {
                one.1.changes.iter().try_for_each(fits)?;
                Ok(one)
            });
            match planned {
                Ok((imported, changes)) => {
                    self.stored.insert(key);
                    plan.imported.push(imported);
                    plan.changes.changes.extend(changes.changes);
                }
                Err(reason) => plan.rejected.push(Rejected {
                    line: response.line,
                    reason,
                }),
            }
        }
        plan
    }
}

/// One response as an interview completed through the shared completion rules.
fn plan_one(
    planner: &SurveyPlanner<'_>,
    response: &SurveyResponse,
    response_id: &str,
    ids: &mut IdAllocator,
) -> Result<(Imported, ChangeSet), String> {
    let (data, cx, source) = (planner.data, planner.cx, planner.source.as_str());
    if response_id.is_empty() {
        return Err("the response id is blank".into());
    }
    let email = sanitize::line(&response.email);
    let who = planner
        .respondents
        .find(&email, &sanitize::line(&response.company))?;
    let mut answers = blank_answers(cx.questions);
    for given in &response.answers {
        let Some(answer) = answers
            .iter_mut()
            .find(|a| a.question_key == given.question_key)
        else {
            return Err(format!(
                "'{}' is not one of our questions",
                given.question_key
            ));
        };
        let wording = sanitize::line(&given.question);
        if !wording.is_empty() {
            answer.question = wording;
        }
        answer.score = given.score;
        answer.comment = sanitize::text(&given.comment);
    }
    if answers.iter().all(|a| a.score.is_none()) {
        return Err("no question is answered: every mapped score is blank".into());
    }
    let at = response.submitted_at.map_or(cx.now, |t| t.min(cx.now));
    let trigger = Trigger::SurveyImport {
        source: source.to_string(),
        response_id: response_id.to_string(),
    };
    let respondent = if email.is_empty() {
        String::new()
    } else {
        format!(" from {email}")
    };
    let interview = Interview {
        contact: who.contact,
        answers,
        notes: format!("Online survey response {response_id}{respondent} ({source})"),
        ..Interview::booked(InterviewId(ids.next_id()), who.customer, trigger, at)
    };
    let completion = plan_completion(data, interview, cx.policy, at, cx.actor, ids)
        .map_err(|e| e.to_string())?;
    let customer = data
        .customer(who.customer)
        .map(|c| c.name.clone())
        .unwrap_or_default();
    let mut changes = completion.changes;
    changes.push(Change::Event(TimelineEvent {
        customer: who.customer,
        at: cx.now,
        actor: cx.actor.to_string(),
        kind: EventKind::Imported,
        summary: format!(
            "Survey response {response_id}{respondent} imported from {source} as {}",
            completion.interview.id
        ),
        reference: Some(completion.interview.id.to_string()),
    }));
    let lowest = completion
        .interview
        .lowest_score()
        .ok_or_else(|| "no question is scored".to_string())?;
    let imported = Imported {
        line: response.line,
        response_id: response_id.to_string(),
        interview: completion.interview.id,
        customer,
        lowest,
        followup: completion.followup.map(|f| f.id),
    };
    Ok((imported, changes))
}

mod respondents;
pub use respondents::{Respondents, match_respondent};

#[cfg(test)]
mod batch_tests;
#[cfg(test)]
mod tests;

//! `hearback interview ...`: book, record, complete, cancel, and record the steps around an
//! interview, so the whole loop can be driven without the dashboard.

use super::customers::local_datetime;
pub use super::interview_args::{Answers, InterviewCommand, Who};
use super::{Context, Writing, lookup};
use super::{say, say_raw};
use crate::core::completion::plan_completion;
use crate::core::interview_flow::{self, Booking, Step};
use crate::core::{
    Change, ChangeSet, IdAllocator, Individual, Instant, Interview, QuestionSet, Score, Trigger,
    sanitize,
};
use anyhow::{Context as _, anyhow, bail};
pub use reschedule::reschedule;
use std::process::ExitCode;

mod reschedule;

fn trigger(who: &Who) -> Trigger {
    match (&who.deliverable, who.ad_hoc) {
        (Some(name), _) => Trigger::Deliverable {
            name: sanitize::line(name),
        },
        (None, true) => Trigger::AdHoc,
        (None, false) => Trigger::Cadence,
    }
}

/// Fills the answers of `interview` from the command line, checking every value.
fn apply_answers(interview: &mut Interview, answers: &Answers) -> anyhow::Result<()> {
    let n = interview.answers.len();
    let scores: Vec<&str> = answers.scores.split(',').map(str::trim).collect();
    if scores.len() != n {
        bail!(
            "--scores has {} values; there are {n} questions (use n for a question not asked)",
            scores.len()
        );
    }
    for (i, (text, answer)) in scores.iter().zip(interview.answers.iter_mut()).enumerate() {
        answer.score =
            match *text {
                "n" | "N" | "-" | "0" | "" => None,
                s => {
                    let v: u8 = s.parse().map_err(|_| {
                        anyhow!(
                            "--scores value {} is {}, not 1-5 or n",
                            i + 1,
                            sanitize::quote(s)
                        )
                    })?;
                    Some(Score::new(v).ok_or_else(|| {
                        anyhow!("--scores value {} is {v}; scores run 1-5", i + 1)
                    })?)
                }
            };
    }
    // One comment and one flag per question: a repeated number is a mistake to point out,
    // never a silent overwrite (`--comment 1=a --comment 1=b` kept only "b").
    let mut commented: Vec<usize> = Vec::new();
    for c in &answers.comments {
        let (q, text) = c.split_once('=').ok_or_else(|| {
            anyhow!(
                "--comment {} must be N=TEXT, e.g. 3=\"slow to answer\"",
                sanitize::quote(c)
            )
        })?;
        let q: usize = q.trim().parse().map_err(|_| {
            anyhow!(
                "--comment {}: {} is not a question number",
                sanitize::quote(c),
                sanitize::quote(q)
            )
        })?;
        let answer = q
            .checked_sub(1)
            .and_then(|i| interview.answers.get_mut(i))
            .ok_or_else(|| anyhow!("--comment {q}: questions are numbered 1-{n}"))?;
        if commented.contains(&q) {
            bail!(
                "--comment {q} is given twice; give each question one comment (it may hold \
                 several lines). Nothing was saved."
            );
        }
        commented.push(q);
        answer.comment = sanitize::text(text);
    }
    let flags = (answers
        .individual
        .iter()
        .map(|&q| ("individual", q, Individual::Private)))
    .chain(
        answers
            .praise
            .iter()
            .map(|&q| ("praise", q, Individual::Praise)),
    );
    let mut flagged: Vec<(&str, usize)> = Vec::new();
    for (flag, q, individual) in flags {
        let answer = q
            .checked_sub(1)
            .and_then(|i| interview.answers.get_mut(i))
            .ok_or_else(|| anyhow!("--{flag} {q}: questions are numbered 1-{n}"))?;
        if flagged.contains(&(flag, q)) {
            bail!("--{flag} {q} is given twice; name each question once. Nothing was saved.");
        }
        flagged.push((flag, q));
        if answer.individual.is_flagged() && answer.individual != individual {
            bail!("question {q} is given both --individual and --praise: choose one");
        }
        answer.individual = individual;
    }
    interview.significant_issue = answers.significant;
    Ok(())
}

/// Refuses to book an interview in the past without `--confirm`; checked before the store is
/// opened.
pub fn refuse_past(ctx: &Context, at: Instant, confirm: bool) -> anyhow::Result<()> {
    let rules = ctx.rules()?;
    if at < ctx.now && !confirm {
        anyhow::bail!(
            "{} is in the past; to book it anyway pass --confirm, or use `interview record` for an interview that took place",
            crate::core::when::describe(at, ctx.now, rules.work_week.offset)
        );
    }
    Ok(())
}

/// `interview schedule` (after [`refuse_past`]).
pub fn schedule(
    session: Writing<'_>,
    who: &Who,
    at: Instant,
    minutes: u16,
    location: Option<super::interview_args::Location>,
    confirm: bool,
) -> anyhow::Result<ExitCode> {
    let (ctx, data) = (session.ctx, &session.data);
    let rules = ctx.rules()?;
    let booking = Booking {
        minutes,
        location: location.and_then(|l| l.0),
        confirmed: confirm,
        ..booking(data, who, at, &rules.questions)?
    };
    let customer = lookup::customer(data, &who.customer)?;
    let mut ids = IdAllocator::after(data)?;
    let (interview, set) = interview_flow::schedule(
        data,
        customer,
        booking,
        &rules.policy,
        ctx.now,
        &ctx.actor,
        &mut ids,
    )
    .map_err(|e| match e {
        interview_flow::InterviewError::TooClose { .. } => {
            anyhow!("{e}; pass --confirm to book anyway")
        }
        other => anyhow!(other),
    })?;
    session.commit(&set)?;
    say!(
        "saved: {} booked with {} for {}",
        interview.id,
        customer.name,
        local_datetime(interview.scheduled_at)
    );
    Ok(ExitCode::SUCCESS)
}

/// The booking the command line asks for, with customer, contact and executive resolved:
/// 30 minutes at the customer's office, not confirmed against the spacing rule.
fn booking(
    data: &crate::core::Dataset,
    who: &Who,
    at: Instant,
    questions: &QuestionSet,
) -> anyhow::Result<Booking> {
    let customer = lookup::customer(data, &who.customer)?;
    let contact = match &who.contact {
        Some(text) => {
            let needle = text.trim().to_lowercase();
            let found = customer
                .contacts
                .iter()
                .find(|p| p.name.to_lowercase() == needle || p.email.to_lowercase() == needle)
                .ok_or_else(|| anyhow!("{} has no contact '{text}'", customer.name))?;
            Some(found.id)
        }
        // The primary contact unless another is named: who the customer put first.
        None => customer.primary_contact().map(|p| p.id),
    };
    let executive = lookup::staff_id(data, who.executive.as_deref())?;
    Ok(Booking {
        at,
        answers: interview_flow::blank_answers(questions),
        trigger: trigger(who),
        executive,
        contact,
        minutes: 30,
        location: None,
        confirmed: false,
    })
}

/// `interview record`: a completed interview in one step (paper forms, phone notes).
pub fn record(
    session: Writing<'_>,
    who: &Who,
    at: Instant,
    answers: &Answers,
) -> anyhow::Result<ExitCode> {
    let (ctx, data) = (session.ctx, &session.data);
    let rules = ctx.rules()?;
    // Recording what already happened is not a new request, so the spacing rule does not apply.
    let booking = Booking {
        confirmed: true,
        ..booking(data, who, at, &rules.questions)?
    };
    let customer = lookup::customer(data, &who.customer)?;
    let mut ids = IdAllocator::after(data)?;
    let (mut interview, booked) = interview_flow::schedule(
        data,
        customer,
        booking,
        &rules.policy,
        ctx.now,
        &ctx.actor,
        &mut ids,
    )?;
    apply_answers(&mut interview, answers)?;
    let plan = plan_completion(data, interview, &rules.policy, at, &ctx.actor, &mut ids)?;
    let mut set = ChangeSet::new();
    set.changes.extend(
        booked
            .changes
            .into_iter()
            .filter(|c| !matches!(c, Change::Interview(_))),
    );
    set.changes.extend(plan.changes.changes);
    session.commit(&set)?;
    report(&plan.interview, plan.followup.as_ref(), plan.senior, data);
    Ok(ExitCode::SUCCESS)
}

fn report(
    interview: &Interview,
    followup: Option<&crate::core::FollowUp>,
    senior: crate::core::senior::Senior,
    data: &crate::core::Dataset,
) {
    let avg = interview.average_score().unwrap_or(0.0);
    say!("saved: {} completed, average {avg:.1}", interview.id);
    if let Some(f) = followup {
        let who: Vec<&str> = f
            .participants
            .iter()
            .map(|p| data.staff_name(Some(*p)))
            .collect();
        say!(
            "opened {}: lowest score {} on {} — {}",
            f.id,
            f.severity.get(),
            f.lowest_questions(Some(interview)).join(", "),
            who.join(", ")
        );
        if senior.is_missing() {
            say!(
                "senior management must attend, but nobody counts as one. {}",
                crate::core::senior::MISSING_TEXT
            );
        }
    }
}

/// `interview complete ID`.
pub fn complete(
    session: Writing<'_>,
    id: &str,
    answers: &Answers,
    at: Option<Instant>,
) -> anyhow::Result<ExitCode> {
    let (ctx, data) = (session.ctx, &session.data);
    let rules = ctx.rules()?;
    let mut interview = lookup::interview(data, id)?.clone();
    if interview.answers.is_empty() {
        interview.answers = interview_flow::blank_answers(&rules.questions);
    }
    apply_answers(&mut interview, answers)?;
    let mut ids = IdAllocator::after(data)?;
    let plan = plan_completion(
        data,
        interview,
        &rules.policy,
        at.unwrap_or(ctx.now),
        &ctx.actor,
        &mut ids,
    )?;
    session.commit(&plan.changes)?;
    report(&plan.interview, plan.followup.as_ref(), plan.senior, data);
    Ok(ExitCode::SUCCESS)
}

/// `interview mark ID STEP`.
pub fn mark(
    session: Writing<'_>,
    id: &str,
    step: Step,
    at: Option<Instant>,
) -> anyhow::Result<ExitCode> {
    let (ctx, data) = (session.ctx, &session.data);
    let interview = lookup::interview(data, id)?.clone();
    let customer = lookup::customer_of(data, interview.customer)?;
    let when = at.unwrap_or(ctx.now);
    let set = interview_flow::mark_step(customer, interview, step, when, &ctx.actor)?;
    session.commit(&set)?;
    say!(
        "saved: {} {} at {}",
        id,
        step.as_str(),
        local_datetime(when)
    );
    Ok(ExitCode::SUCCESS)
}

/// `interview cancel ID --reason`.
pub fn cancel(session: Writing<'_>, id: &str, reason: &str) -> anyhow::Result<ExitCode> {
    let (ctx, data) = (session.ctx, &session.data);
    let interview = lookup::interview(data, id)?.clone();
    let customer = lookup::customer_of(data, interview.customer)?;
    let set = interview_flow::cancel(customer, interview, reason, ctx.now, &ctx.actor)
        .context("cannot cancel")?;
    session.commit(&set)?;
    say!("saved: {id} cancelled");
    Ok(ExitCode::SUCCESS)
}

/// `interview invitation ID`: the questions and the executive's bio, to send in advance.
pub fn invitation(
    session: Writing<'_>,
    id: &str,
    out: Option<&std::path::Path>,
    template: Option<&std::path::Path>,
    mark: bool,
) -> anyhow::Result<ExitCode> {
    let (ctx, data) = (session.ctx, &session.data);
    let rules = ctx.rules()?;
    let interview = lookup::interview(data, id)?.clone();
    let template = match template {
        Some(path) => std::fs::read_to_string(super::console::path(path))
            .with_context(|| format!("cannot read {}", path.display()))?,
        None => crate::io::invitation::DEFAULT_TEMPLATE.to_string(),
    };
    let text = crate::io::invitation::render(data, &interview, &rules.questions, &template)?;
    let text = crate::core::sanitize::terminal(&text);
    match out {
        Some(path) => super::console::write_file(path, text.as_bytes())?,
        None => say_raw!("{text}"),
    }
    if mark {
        let customer = lookup::customer_of(data, interview.customer)?;
        let mut set = ChangeSet::new();
        let mut current = interview;
        for step in [Step::InvitationSent, Step::BioSent] {
            match interview_flow::mark_step(customer, current.clone(), step, ctx.now, &ctx.actor) {
                Ok(changes) => {
                    for c in changes.changes {
                        if let Change::Interview(i) = &c {
                            current = i.clone();
                        }
                        set.push(c);
                    }
                }
                Err(interview_flow::InterviewError::AlreadyRecorded(..)) => {}
                Err(e) => return Err(e.into()),
            }
        }
        if !set.is_empty() {
            // Only the last interview record of the set counts; earlier ones are superseded.
            session.commit(&set)?;
        }
        crate::cli::say_err!("saved: questions and bio recorded as sent for {id}");
    }
    Ok(ExitCode::SUCCESS)
}

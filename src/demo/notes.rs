//! What our people write down: pre-brief notes, interview notes, churn reasons, requests.

/// What has gone well, for the pre-brief.
pub(crate) const SUCCESSES: &[&str] = &[
    "Last go-live landed on the agreed weekend; their operations lead thanked the team by name.",
    "Renewed early last year for three years, with two extra sites added.",
    "Support tickets down by a third since the dedicated queue was set up.",
    "Their finance team praised the new invoice format; disputes have stopped.",
    "The joint pilot at their main site became the template for the wider rollout.",
    "We helped them through their audit at short notice; the auditor's note mentions us.",
    "Uptime has been above target every month this year.",
    "Their new sites onboarded without a single escalation.",
    "Our engineer on site is well liked and regularly invited to their planning meetings.",
    "They presented our joint results at an industry event in the spring.",
    "Training sessions for their new starters are always fully booked and well rated.",
    "Adopted the reporting dashboards across all regions within a quarter.",
];

/// What has gone wrong, for the pre-brief.
pub(crate) const PROBLEMS: &[&str] = &[
    "Phase two slipped by five weeks after our subcontractor changed.",
    "Two priority-one incidents in the autumn, both in their busiest week.",
    "Invoice errors in three consecutive months; credit notes issued late.",
    "Their account changed hands twice on our side in a year.",
    "The data migration needed a second weekend; their staff worked overtime.",
    "Response times missed target over the holiday period.",
    "A promised integration was descoped without telling their IT lead first.",
    "Training was cut short at go-live, and support calls spiked afterwards.",
    "Our price rise came with less notice than the contract requires.",
    "A recurring sync fault took three attempts to fix for good.",
];

/// Open issues the executive should know about, for the pre-brief.
pub(crate) const ISSUES: &[&str] = &[
    "Renewal due in the next two quarters; procurement has asked for a benchmark.",
    "Open credit-note dispute, about 2% of annual value.",
    "They want a named weekend contact before the peak season.",
    "Integration with their new ERP is waiting on their vendor.",
    "Service credits for last quarter are still being calculated.",
    "New CIO started recently and is reviewing all suppliers.",
    "They asked twice for a roadmap briefing; not yet held.",
    "Two sites are still on the old version and want a date for the upgrade.",
    "Awaiting our root-cause report on the last outage.",
    "Considering consolidating suppliers after a merger.",
];

/// The customer's culture in general, for the pre-brief.
pub(crate) const CULTURES: &[&str] = &[
    "Formal and process-driven; everything goes through procurement and needs a written record.",
    "Informal, fast-moving; decisions are made on the call by whoever is present.",
    "Engineering-led; they respect data and distrust sales language.",
    "Cost-conscious after a hard year; expect questions about value for money.",
    "Proud of their service record and expect the same standard from suppliers.",
    "Consensus culture: nothing is decided without the regional heads.",
    "Public-body caution: they need to justify every choice to a board.",
    "Family-owned; relationships and continuity matter more than price.",
    "Growing quickly and stretched; they value suppliers who take work off their plate.",
    "Data-driven and direct; bring numbers, not anecdotes.",
];

/// The contact's personality and personal notes, for the pre-brief.
pub(crate) const PERSONALITIES: &[&str] = &[
    "Direct and numbers-driven. Send the figures before the call.",
    "Warm and talkative; give the first five minutes to small talk.",
    "Prefers a short agenda and hates surprises. Confirm everything in writing.",
    "Sceptical of suppliers after a bad experience elsewhere; earns trust slowly.",
    "Detail-oriented engineer; will ask how things work, not just whether.",
    "Very busy; keep it to the thirty minutes and end on time.",
    "Values candour: admit what went wrong before they raise it.",
    "New in the role and keen to make a mark; interested in quick wins.",
    "Long-standing contact, knows our history better than most of our team.",
    "Reserved on calls, more open by email afterwards.",
    "Cycles to work and runs marathons; ask about the last race.",
    "Joined from a competitor of ours; compares everything with how they did it.",
    "Plain-spoken; dislikes jargon and acronyms.",
    "Reports to a demanding board; helps to give them something they can forward.",
];

/// Interviewer's notes outside the six answers.
pub(crate) const INTERVIEW_NOTES: &[&str] = &[
    "Met at their head office; the operations lead joined for the last ten minutes.",
    "Call ran over by ten minutes; they had a lot to say about the new portal.",
    "They asked for a copy of the questions for next time so they can poll their team first.",
    "Mentioned an expansion into two new regions next year.",
    "Asked whether we could present at their supplier day in the autumn.",
    "Contact is moving roles in the summer; successor not yet named.",
    "Brought their finance manager, who had specific questions about invoicing.",
    "Very positive about the account manager; wants the same person to stay on the account.",
    "Noted that a competitor has been calling them regularly.",
    "Site tour after the interview; noticed our old scanners still in use in one bay.",
];

/// Why customers left, in the account manager's words.
pub(crate) const CHURN_REASONS: &[&str] = &[
    "Lost the re-tender to a cheaper regional supplier; price was the deciding factor.",
    "Acquired by a group with a global contract elsewhere; moved over at renewal.",
    "Repeated delays on the phase two rollout; their new COO consolidated suppliers.",
    "Brought the service in-house after hiring their own team.",
    "Unresolved support complaints over the year; they did not renew.",
    "Budget cut by their funding body; contract ended rather than renewed.",
];

/// What the archived customer's pre-brief says.
pub(crate) const DORMANT_NOTE: &str = "Account dormant since their parent company moved purchasing to head office; archived, kept for its history.";

/// Requests customers made and the answers we gave.
pub(crate) const REQUESTS: &[(&str, &str)] = &[
    (
        "Asked for a quarterly usage report",
        "Sent the quarterly usage report",
    ),
    (
        "Asked for an incident report on the last outage",
        "Sent the incident report with root cause and fixes",
    ),
    (
        "Requested a training session for new starters",
        "Held a training session for eight new starters",
    ),
    (
        "Asked for a quote for two additional sites",
        "Sent a quote for the two additional sites",
    ),
    (
        "Asked to add a second billing contact",
        "Added the billing contact and confirmed by email",
    ),
    (
        "Requested our security certificate for their audit",
        "Sent the certificate and statement of applicability",
    ),
    (
        "Asked to move invoice dates to their month end",
        "Moved invoice dates to the last working day of the month",
    ),
    (
        "Asked for a roadmap briefing",
        "Held a roadmap briefing with their IT lead",
    ),
    (
        "Asked for a named weekend support contact",
        "Named a weekend contact and shared the rota",
    ),
    (
        "Asked for a copy of last year's service credits",
        "Sent the service credit statement",
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_bank_is_empty_or_repeats_itself() {
        for list in [
            SUCCESSES,
            PROBLEMS,
            ISSUES,
            CULTURES,
            PERSONALITIES,
            INTERVIEW_NOTES,
            CHURN_REASONS,
        ] {
            assert!(list.len() >= 6);
            let mut sorted = list.to_vec();
            sorted.sort_unstable();
            sorted.dedup();
            assert_eq!(sorted.len(), list.len());
        }
        assert!(REQUESTS.len() >= 8);
    }
}

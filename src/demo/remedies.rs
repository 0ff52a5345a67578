//! What follow-up calls find out and what we commit to doing about it, per question.

/// Root causes and actions for low scores on one question.
pub(crate) struct Remedy {
    /// The question key (`assets/questions.toml`).
    pub key: &'static str,
    /// What the customer told us when called: the input to root-cause analysis.
    pub contexts: &'static [&'static str],
    /// Fixes for what went wrong: (title, detail).
    pub corrective: &'static [(&'static str, &'static str)],
    /// Changes so it does not happen again: (title, detail).
    pub preventive: &'static [(&'static str, &'static str)],
}

/// The remedies; unknown question keys use the first entry (`overall`).
pub(crate) const REMEDIES: &[Remedy] = &[
    Remedy {
        key: "overall",
        contexts: &[
            "The score reflects the account changing hands twice; they felt nobody owned the relationship. Nothing specific is broken, but trust has dropped.",
            "Their new COO is reviewing every supplier. The low score is partly a signal to us that they expect more proactive ideas.",
            "Mostly about the price rise in January: it came with less notice than they expected and without an explanation of what it pays for.",
            "A run of small issues rather than one big one. They keep a list and shared it with us on the call.",
        ],
        corrective: &[
            (
                "Walk their COO through the service review",
                "One-hour session with the figures for the last twelve months and the open issues list.",
            ),
            (
                "Clear their open issues list",
                "Go through the customer's own list line by line and give each item an owner and a date.",
            ),
            (
                "Send a written explanation of the price change",
                "What the increase covers, with the service changes it funds.",
            ),
        ],
        preventive: &[
            (
                "Quarterly service review on the calendar",
                "Fixed quarterly review with their operations lead, agenda sent a week before.",
            ),
            (
                "Named deputy for the account",
                "A second person briefed on the account so a change of owner never starts from zero.",
            ),
        ],
    },
    Remedy {
        key: "understanding",
        contexts: &[
            "Our proposal assumed a single shift; they run three. The discovery notes from the original sale were never handed to the delivery team.",
            "They feel we do not follow their budget cycle. The renewal quote arrived during their budget freeze, which they had told us about twice.",
            "New people on our side keep asking the same basic questions. They want one written summary of their business that our team actually reads.",
            "They restructured into regions last year and we still send everything to the old central team.",
        ],
        corrective: &[
            (
                "Rewrite the account plan with their operations lead",
                "Two-hour workshop on site to correct our picture of shifts, sites and peak periods.",
            ),
            (
                "Reissue the renewal proposal after their budget freeze",
                "Move the quote into their next budget window and drop the items they said they do not need.",
            ),
            (
                "Update contacts to the new regional structure",
                "Map each region's lead and route reports to them instead of the old central team.",
            ),
        ],
        preventive: &[
            (
                "Account summary in the handover checklist",
                "Every new team member reads and signs off the account summary before first contact.",
            ),
            (
                "Add their budget calendar to the CRM",
                "Key dates (freeze, approval, year end) recorded so quotes are timed to them.",
            ),
        ],
    },
    Remedy {
        key: "responsiveness",
        contexts: &[
            "Two priority-one tickets in the last quarter waited over four hours for a first reply. Their account was still routed to the old regional queue after our reorganisation.",
            "Out-of-hours calls went to voicemail twice. The rota had a gap on Sunday nights that nobody noticed.",
            "They are frustrated by holding replies: the first answer comes quickly but says nothing, and the real answer takes days.",
            "Tickets bounce between teams; they were asked for the same logs three times. No single owner per ticket.",
        ],
        corrective: &[
            (
                "Move their account to the correct support queue",
                "Fix the routing rule left over from the reorganisation and confirm with a test ticket.",
            ),
            (
                "Close the Sunday-night gap in the on-call rota",
                "Add cover and check the phone forwarding end to end.",
            ),
            (
                "Call back on each of their open tickets",
                "Service manager calls their lead with a status for every open ticket.",
            ),
        ],
        preventive: &[
            (
                "Alert on first-response time over one hour",
                "Queue alert to the duty manager when a priority ticket has no real reply within an hour.",
            ),
            (
                "One named owner per ticket",
                "Tickets keep one owner from opening to close; transfers need a handover note.",
            ),
            (
                "Monthly rota check",
                "Service manager checks the on-call rota for gaps at the start of each month.",
            ),
        ],
    },
    Remedy {
        key: "delivery",
        contexts: &[
            "The go-live moved four times and each move was announced late. Root cause: our plan did not include their change-freeze weeks.",
            "Scanners arrived without the agreed configuration; the build sheet used at the depot was an old version.",
            "They see status reports as too optimistic. Phase two was reported green while six weeks late.",
            "Our subcontractor did not follow their site safety rules; nobody from our side was on site that week.",
        ],
        corrective: &[
            (
                "Re-plan phase two with their change freezes",
                "New plan agreed with their programme manager, freeze weeks marked, weekly check-in.",
            ),
            (
                "Reconfigure the remaining scanners on site",
                "Engineer on site for two days to apply the agreed configuration to every device.",
            ),
            (
                "Send an honest status report",
                "Restate the phase two status with real dates and the reasons for the slip.",
            ),
        ],
        preventive: &[
            (
                "Build sheets under version control",
                "Depot builds only from the current signed-off sheet; old versions are withdrawn.",
            ),
            (
                "Status colours by agreed rules",
                "Amber and red defined by days late, not by judgement, and shared with the customer.",
            ),
            (
                "Our supervisor on site with subcontractors",
                "A member of our team is on site whenever a subcontractor works there.",
            ),
        ],
    },
    Remedy {
        key: "resolution",
        contexts: &[
            "The sync fault has been patched four times. Each ticket was closed on the workaround; nobody looked for the underlying cause.",
            "They learned a billing error was fixed only when the credit note arrived. The fix was done, but nobody told them.",
            "Our system auto-closes tickets after thirty days, so issues they consider open disappear from our reports.",
            "There was no single owner during the last incident; they spent more time coordinating us than we spent fixing.",
        ],
        corrective: &[
            (
                "Root-cause the recurring sync fault",
                "Engineering investigation with a written cause and permanent fix, shared with their IT lead.",
            ),
            (
                "Reopen tickets they consider unresolved",
                "Go through their list, reopen each one, and agree closure criteria with them.",
            ),
            (
                "Send the overdue incident report",
                "Written report of the incident: cause, fix, and what changes to stop a repeat.",
            ),
        ],
        preventive: &[
            (
                "No auto-close without customer confirmation",
                "Tickets close only once the customer confirms, or after two reminders.",
            ),
            (
                "Incident owner named in the first hour",
                "Every incident gets a named owner who sends updates until closure.",
            ),
            (
                "Customer update on every status change",
                "Billing and technical fixes notify the customer when done, not only when asked.",
            ),
        ],
    },
    Remedy {
        key: "loyalty",
        contexts: &[
            "They have started a tender. The score is a warning: they will invite us but expect a better service plan.",
            "A competitor offered a dedicated team at a lower rate. Their decision depends on whether this year's issues are closed.",
            "They feel they stayed with us through difficult years and got less attention, not more.",
            "Their management asks why they have not switched; they need something in writing to defend staying.",
        ],
        corrective: &[
            (
                "Executive meeting before the tender",
                "Our executive sponsor meets their decision makers with a written service improvement plan.",
            ),
            (
                "Close this year's open issues before renewal",
                "Service manager tracks each open item to closure and reports weekly to the customer.",
            ),
            (
                "Write a summary their management can forward",
                "One page: what went wrong, what we changed, and the results since.",
            ),
        ],
        preventive: &[
            (
                "Renewal review six months ahead",
                "Account health review two quarters before every renewal, with a plan for any gaps.",
            ),
            (
                "Executive sponsor call twice a year",
                "Sponsor calls the customer's senior contact outside the interview cycle.",
            ),
        ],
    },
];

/// The remedy for `key` (the `overall` one for keys the demo does not know).
pub(crate) fn remedy(key: &str) -> &'static Remedy {
    REMEDIES
        .iter()
        .find(|r| r.key == key)
        .unwrap_or(&REMEDIES[0])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::QuestionSet;

    #[test]
    fn every_default_question_has_contexts_and_both_kinds_of_action() {
        for q in QuestionSet::defaults().questions {
            let r = remedy(&q.key);
            assert_eq!(r.key, q.key);
            assert!(r.contexts.len() >= 3);
            assert!(r.corrective.len() >= 2 && r.preventive.len() >= 2);
        }
        assert_eq!(remedy("unknown").key, "overall");
    }
}

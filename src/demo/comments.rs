//! What customers say: comments per question and sentiment, written for the demo.
//!
//! Low scores get longer comments, as they do in real calls: people explain a 2, not a 5.

/// The comments for one question, by sentiment.
pub(crate) struct Bank {
    /// The question key (`assets/questions.toml`).
    pub key: &'static str,
    /// For a 4 or 5.
    pub positive: &'static [&'static str],
    /// For a 3.
    pub mixed: &'static [&'static str],
    /// For a 1 or 2.
    pub negative: &'static [&'static str],
    /// For a 1 or 2 aimed at one of our people; `{name}` is replaced by a first name.
    pub about_individual: &'static [&'static str],
}

/// The comment bank; unknown question keys use the first entry (`overall`).
pub(crate) const BANKS: &[Bank] = &[
    Bank {
        key: "overall",
        positive: &[
            "Solid year. We rarely have to chase you, which is exactly what we pay for.",
            "Very happy overall; the team feels like part of ours.",
            "You are one of the two suppliers I never have to worry about.",
            "Good partner. Pricing is fair and the people are easy to work with.",
            "Consistently good. The move to the new contract was painless.",
            "Better than last year, and last year was already good.",
            "We recommend you internally whenever another department asks.",
        ],
        mixed: &[
            "Fine on the whole, but we seem to get less attention since the contract renewed.",
            "Acceptable. Nothing is badly wrong, but nothing stands out either.",
            "Good people, but too many small things slip and we end up chasing them.",
            "A mixed year: a strong first half, a weaker autumn after your team changes.",
            "Happy with the product; the account side has been patchy.",
            "Decent, but the January price rise was hard to explain to our finance director.",
            "It works, but by now we expected more ideas from you without having to ask.",
        ],
        negative: &[
            "Honestly, a difficult year. We escalated three times and each time it took a call from our director before anything moved. We are reviewing all suppliers in the spring and I cannot say you are safe.",
            "Disappointed. The service we signed up for two years ago is not the one we get today, and nobody has explained why. Our board has asked me to look at alternatives.",
            "Too many promises and not enough follow-through. I have stopped forwarding your status updates to my team because they are rarely accurate.",
            "We feel like a small customer to you. Requests sit for weeks, and when we do hear back it is from a different person every time, who has to be briefed from scratch.",
            "The relationship has gone backwards since your reorganisation. We used to have one person who knew our setup; now we explain it again on every call.",
            "The spring outage cost us two days of dispatch, and the write-up we received did not even name the cause. That is why this score is low.",
            "The same problems come back every quarter. We need to see a plan from you, not another apology.",
        ],
        about_individual: &[],
    },
    Bank {
        key: "understanding",
        positive: &[
            "You know our peak seasons better than some of our own staff.",
            "The account team understands our approval chain and plans around it.",
            "Good grasp of what matters to us: uptime first, features second.",
            "You took the time to visit the sites, and it shows in the proposals.",
            "Your people ask the right questions before they start.",
            "You know our regulatory constraints; we rarely explain them twice.",
            "They understood our expansion plans and sized the contract to match.",
        ],
        mixed: &[
            "You understand the operations side well; finance and procurement less so.",
            "Reasonable, but proposals still arrive that ignore our budget cycle.",
            "The account manager gets it; the wider team does not always.",
            "We had to explain our new structure twice after the merger.",
            "Sometimes you propose what you sell rather than what we need.",
            "Getting better, but the onboarding of our new sites showed gaps.",
            "You understand our business today; I am less sure you see where we are heading.",
        ],
        negative: &[
            "We keep receiving proposals for things we told you a year ago we do not need. It feels as if nobody reads the notes from our meetings, and it wastes my team's time every quarter.",
            "You do not understand how we are funded. The renewal quote landed in the middle of our budget freeze even though we warned you about it twice.",
            "Every new person on your side starts from zero. There is no shared picture of our business, and we are tired of being the ones who hold it.",
            "The rollout plan assumed we run one shift. We run three. That tells me the discovery work was never done properly.",
            "Your team treats us like a retail chain when we are a public body with procurement rules. It has caused two failed purchase orders this year.",
            "I do not think you know who our own customers are or why our deadlines matter. It gets agreed on one call and forgotten by the next.",
        ],
        about_individual: &[],
    },
    Bank {
        key: "responsiveness",
        positive: &[
            "Quick replies, usually the same morning.",
            "When we had the payroll problem in March you called back within the hour.",
            "The support desk is fast, and the answers are right first time.",
            "Out-of-hours cover has been reliable every time we needed it.",
            "I get an answer from you faster than from our own IT department.",
            "Fast and polite, and they say when they will come back to us.",
            "No complaints at all; the shared channel works well.",
        ],
        mixed: &[
            "Normal tickets are fine. Anything urgent depends on who picks it up.",
            "Replies come quickly, but the first one is often just a holding message.",
            "Good in office hours, slow in the evenings when our warehouse is busiest.",
            "We have waited a couple of days for answers that should take an hour.",
            "The new ticket portal is slower than emailing our account manager directly.",
            "Responsive once we escalate, but we would rather not have to.",
            "Mostly fine, though things get lost in the handover between day and night teams.",
        ],
        negative: &[
            "Urgent tickets wait far too long. During the February outage we had no reply for six hours and learned more from our own engineers than from you.",
            "We stopped using the support line because it takes two days to get past the first level. Everything now goes through our account manager, which is not sustainable for either of us.",
            "Slow, and nobody owns a ticket from start to finish. Three different people asked us for the same log files.",
            "Your out-of-hours number rang through to voicemail twice last quarter. For a service we run overnight, that is not acceptable.",
            "We raised a priority one on a Friday afternoon and got the first real answer on Tuesday. Our operations director asked me why we still pay for premium support.",
            "Responses are polite but empty. 'We are looking into it' for a week is not a response.",
        ],
        about_individual: &[
            "{name} on your support desk has closed three of our tickets this quarter without checking the fix with us. We had to reopen every one of them.",
            "Please stop routing our calls to {name}. The tone on the last two calls was dismissive, and my team now avoids raising issues at all.",
            "{name} told our warehouse lead the fault was on our side, which it was not. It took us a full day to prove it.",
        ],
    },
    Bank {
        key: "delivery",
        positive: &[
            "The go-live landed on the agreed weekend with no surprises.",
            "Projects come in on time and the status reports are honest.",
            "The last two releases were excellent; hardly a defect.",
            "You delivered the new sites a week early, which helped our opening.",
            "On budget and on schedule, which is more than I can say for our other vendors.",
            "The migration was well planned and the rollback plan was never needed.",
            "What the proposal promised is what we got.",
        ],
        mixed: &[
            "Usually on time, but the last phase slipped by three weeks.",
            "The work is good quality; the estimates are optimistic.",
            "We got what we asked for, though change requests added more cost than expected.",
            "The go-live itself went fine, but training for our staff was rushed.",
            "Two of three milestones were met; the reporting module is still late.",
            "Deliveries arrive complete, but the paperwork is often wrong.",
            "Fine, but we had to push to get the final acceptance documents.",
        ],
        negative: &[
            "The go-live date moved four times. Each move was announced after the date had already passed, and we had staff booked for training every time.",
            "Quality has dropped. The last release broke our invoicing run and we had to reverse it by hand over a weekend.",
            "Phase two is six weeks late and over budget, and the plan you sent still shows it green. I need an honest status, not a colourful one.",
            "Half the handheld scanners arrived without the configuration we agreed, so our depot ran on paper for most of a week.",
            "Every milestone is met on paper and missed in practice. Things are declared done while our users still cannot work with them.",
            "Your subcontractor ignored our site safety rules and was asked to leave. We lost three days, and nobody from your side came to sort it out.",
        ],
        about_individual: &[
            "{name}, who led the install, left our site without handing over, and we only found the open items a week later.",
        ],
    },
    Bank {
        key: "resolution",
        positive: &[
            "When label printing failed you fixed it the same day and explained why.",
            "Problems are rare, and when they happen you keep us informed to the end.",
            "The incident reports are clear and the fixes stick.",
            "You own your mistakes, which we appreciate.",
            "The root-cause write-up after the outage was the best we have had from a supplier.",
            "Issues get closed properly; nothing lingers.",
            "Good follow-through: we always know who is handling it.",
        ],
        mixed: &[
            "Things get fixed in the end, but we have to ask for updates.",
            "The fix was fine; the communication while it was broken was thin.",
            "Some issues are closed before we agree they are solved.",
            "Good on technical faults, weaker on billing questions.",
            "Still waiting on the permanent fix for the sync problem, though the workaround holds.",
            "Good once the right engineer is involved; getting there takes too long.",
            "Updates arrive, but they rarely say when it will be finished.",
        ],
        negative: &[
            "The same synchronisation fault has come back four times since the summer. Each time it is patched and closed, and each time it returns within a month.",
            "We only learned a billing error had been fixed when the credit note arrived. Nobody told us it was being worked on, and our finance team had already escalated it to our CFO.",
            "Issues we raised in the spring are still open. I keep my own spreadsheet of them because your system closes tickets automatically after thirty days.",
            "When things go wrong there is no single owner. We spend more time coordinating your people than fixing the problem.",
            "The incident report for the data loss arrived two months late and blamed 'a third party'. We want to know what you changed so it cannot happen again.",
            "Fixes are promised by a date, the date passes, and nobody calls. Then we chase, and a new date appears.",
        ],
        about_individual: &[
            "{name} has been handling our escalations and does not return calls. Two issues sat untouched for a fortnight with {name} as the named owner.",
            "With respect, {name} is the reason this score is low. Updates promised for Friday never came, three weeks in a row.",
        ],
    },
    Bank {
        key: "loyalty",
        positive: &[
            "We will renew, and I have already mentioned you to our sister company.",
            "Very likely to stay. Switching would cost us more than it saves.",
            "Happy to be a reference customer if you need one.",
            "We are extending the contract to the two new depots next year.",
            "Yes, without hesitation.",
            "I recommended you to a peer at a regional board last month.",
            "We see you as a long-term partner.",
        ],
        mixed: &[
            "Probably renew, but tender rules mean we have to look at the market.",
            "We will stay for now; the next price rise will decide it.",
            "Likely, if the open issues are closed before the renewal.",
            "I would recommend the product more readily than the service.",
            "Our new CFO wants a benchmark, so nothing is certain.",
            "We are staying, but the relationship needs more attention from your side.",
            "Neutral. Another supplier approached us and we took the meeting.",
        ],
        negative: &[
            "We have started a tender and you will be invited, but to be honest you are not the favourite at the moment.",
            "Unless this year's issues are closed I cannot argue for renewal. My management already asked why we have not switched.",
            "I would not recommend you today. I would have a year ago, which is what makes this disappointing.",
            "We are moving the new sites to another supplier and will decide on the rest after the summer.",
            "Loyalty goes both ways. We stayed with you through two difficult years and got less attention for it, not more.",
            "A competitor offered to take over the contract at a lower rate with a dedicated team. We are seriously considering it.",
        ],
        about_individual: &[],
    },
];

/// The bank for `key` (the `overall` bank for keys the demo does not know).
pub(crate) fn bank(key: &str) -> &'static Bank {
    BANKS.iter().find(|b| b.key == key).unwrap_or(&BANKS[0])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::QuestionSet;

    #[test]
    fn every_default_question_has_a_full_bank() {
        for q in QuestionSet::defaults().questions {
            let b = bank(&q.key);
            assert_eq!(b.key, q.key);
            assert!(b.positive.len() >= 6 && b.mixed.len() >= 6 && b.negative.len() >= 6);
        }
        let total = |f: fn(&Bank) -> usize| BANKS.iter().map(f).sum::<usize>();
        assert!(total(|b| b.positive.len()) >= 40);
        assert!(total(|b| b.mixed.len()) >= 40);
        assert!(total(|b| b.negative.len() + b.about_individual.len()) >= 40);
    }

    #[test]
    fn low_scores_get_longer_comments_than_high_ones() {
        let mean = |lists: Vec<&[&str]>| {
            let all: Vec<&str> = lists.into_iter().flatten().copied().collect();
            all.iter().map(|c| c.len()).sum::<usize>() / all.len()
        };
        let positive = mean(BANKS.iter().map(|b| b.positive).collect());
        let negative = mean(BANKS.iter().map(|b| b.negative).collect());
        assert!(negative > positive * 2, "{negative} vs {positive}");
    }

    #[test]
    fn comments_about_individuals_name_them() {
        for b in BANKS {
            for c in b.about_individual {
                assert!(c.contains("{name}"), "{c}");
            }
        }
        assert_eq!(bank("no-such-question").key, "overall");
    }
}

//! The kinds of work the weekly review counts: the steps that can be closed in a week, and
//! the response times it measures.

/// A step of the loop that can be done (and so closed) in a week.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum StepKind {
    /// Our executive was pre-briefed.
    PreBrief,
    /// The thank-you note was sent.
    ThankYou,
    /// The account manager and salesperson were debriefed.
    Debrief,
    /// The other executives were told of a significant issue.
    InformExecutives,
    /// The written report went to the President.
    ReportPresident,
    /// The results were shared with the workforce.
    Disseminate,
    /// The customer was contacted about a low score.
    Contact,
    /// The formal report with actions was presented to the customer.
    FormalReport,
    /// The follow-up was closed.
    CloseFollowUp,
    /// A corrective or preventive action was done.
    ActionDone,
    /// The customer was told an action is done.
    ActionFollowUp,
}

impl StepKind {
    /// The stable snake_case name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            StepKind::PreBrief => "prebrief",
            StepKind::ThankYou => "thank_you",
            StepKind::Debrief => "debrief",
            StepKind::InformExecutives => "inform_executives",
            StepKind::ReportPresident => "report_president",
            StepKind::Disseminate => "disseminate",
            StepKind::Contact => "contact",
            StepKind::FormalReport => "formal_report",
            StepKind::CloseFollowUp => "close_followup",
            StepKind::ActionDone => "action_done",
            StepKind::ActionFollowUp => "action_followup",
        }
    }

    /// How it reads in the review.
    pub fn label(self) -> &'static str {
        match self {
            StepKind::PreBrief => "Executive pre-briefed",
            StepKind::ThankYou => "Thank-you sent",
            StepKind::Debrief => "Debrief done",
            StepKind::InformExecutives => "Executives informed",
            StepKind::ReportPresident => "Report to President",
            StepKind::Disseminate => "Results shared",
            StepKind::Contact => "Customer contacted",
            StepKind::FormalReport => "Formal report given",
            StepKind::CloseFollowUp => "Follow-up closed",
            StepKind::ActionDone => "Action done",
            StepKind::ActionFollowUp => "Customer told of action",
        }
    }
}

/// What a response time measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Measure {
    /// Interview completed to thank-you sent (business time).
    ThankYou,
    /// Follow-up opened to the customer contacted (business time).
    Contact,
    /// Customer contacted to the formal report presented (calendar time).
    FormalReport,
    /// Follow-up opened to closed (calendar time; no policy limit).
    Close,
}

impl Measure {
    /// Every measure, in the order shown.
    pub const ALL: [Measure; 4] = [
        Measure::ThankYou,
        Measure::Contact,
        Measure::FormalReport,
        Measure::Close,
    ];

    /// The stable snake_case name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Measure::ThankYou => "time_to_thank_you",
            Measure::Contact => "time_to_contact",
            Measure::FormalReport => "time_to_formal_report",
            Measure::Close => "time_to_close",
        }
    }

    /// How it reads in the review.
    pub fn label(self) -> &'static str {
        match self {
            Measure::ThankYou => "To thank-you",
            Measure::Contact => "To contact",
            Measure::FormalReport => "To formal report",
            Measure::Close => "To close",
        }
    }

    /// Whether it is counted in business time (as the policy counts its limit).
    pub fn business_time(self) -> bool {
        matches!(self, Measure::ThankYou | Measure::Contact)
    }
}

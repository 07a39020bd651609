namespace RuleOfLawPlan.Domain.Activities;

/// <summary>
/// The kinds of 领导履职 the register keeps, in the order part 三 of the annual report tells them: the meetings that
/// heard rule-of-law work, the study sessions, 述法, and the legality reviews of major decisions.
/// </summary>
public enum LeadershipActivityKind
{
    /// <summary>党组会议 that heard (听取) rule-of-law work.</summary>
    PartyGroupMeeting,

    /// <summary>法治政府建设领导小组会议.</summary>
    LeadingGroupMeeting,

    /// <summary>党组理论学习中心组 学法.</summary>
    CentralGroupStudy,

    /// <summary>每周一学 (weekly study of laws and regulations).</summary>
    WeeklyStudy,

    /// <summary>述法: leaders report on how they carried out their rule-of-law duties.</summary>
    ReportOnLaw,

    /// <summary>重大行政决策合法性审查.</summary>
    LegalityReview,
}

namespace RuleOfLawPlan.Domain.Reports;

/// <summary>Where a revision of the annual report stands: 草稿 → 送审 → 领导审定 → 保密审查 → 已公开.</summary>
public enum ReportStatus
{
    /// <summary>草稿: the office drafts and edits it.</summary>
    Draft = 1,
    /// <summary>送审: sent to the leaders; nobody edits it until a leader approves or returns it.</summary>
    Submitted = 2,
    /// <summary>领导审定: a leader approved it; from here the revision is frozen.</summary>
    Approved = 3,
    /// <summary>保密审查: the office confirmed it holds nothing secret and may be published.</summary>
    SecrecyReviewed = 4,
    /// <summary>已公开: published, with the date and the channel.</summary>
    Published = 5,
}

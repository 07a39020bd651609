namespace RuleOfLawPlan.Domain.Reports;

/// <summary>What happened to the report, as its history lists it.</summary>
public enum ReportStepKind
{
    /// <summary>从记录起草: parts drafted from the record.</summary>
    Drafted = 1,
    /// <summary>送审.</summary>
    Submitted = 2,
    /// <summary>退回修改, with the leader's comment.</summary>
    Returned = 3,
    /// <summary>审定通过.</summary>
    Approved = 4,
    /// <summary>保密审查通过.</summary>
    SecrecyReviewed = 5,
    /// <summary>公开.</summary>
    Published = 6,
    /// <summary>新建修订版: a change after approval.</summary>
    RevisionStarted = 7,
}

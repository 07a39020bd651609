namespace RuleOfLawPlan.Domain.Supervision;

/// <summary>Why a task has its light; the page words it (with the assessment's figures).</summary>
public enum LightReason
{
    /// <summary>已办结: the lead section's 100 % was accepted.</summary>
    Completed = 1,
    /// <summary>已逾期: the deadline has passed.</summary>
    Overdue = 2,
    /// <summary>进度滞后: the accepted figure is below the line from the plan's issue to the deadline.</summary>
    BehindSchedule = 3,
    /// <summary>未按期报送: no accepted update since the start of the last reporting period that has closed.</summary>
    NoUpdateInPeriod = 4,
    /// <summary>临近期限: the deadline is within the window.</summary>
    DeadlineNear = 5,
    /// <summary>正常推进.</summary>
    OnTrack = 6,
}

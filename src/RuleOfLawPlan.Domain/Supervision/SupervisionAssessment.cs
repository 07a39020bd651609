namespace RuleOfLawPlan.Domain.Supervision;

/// <summary>
/// A task's light and why, with the figures a page needs to say it: days to the deadline (negative when
/// overdue; null for 常态化 and done tasks), the expected percent on the line (rounded up, so a figure below it
/// is behind), the reporting period left without an accepted update, and the period due next.
/// </summary>
public sealed record SupervisionAssessment(
    SupervisionLight Light,
    LightReason Reason,
    int? DaysLeft,
    int? ExpectedPercent,
    bool IsBehindSchedule,
    ReportingPeriod? MissedPeriod,
    ReportingPeriod DueNext);

using RuleOfLawPlan.Domain.Plans;

namespace RuleOfLawPlan.Domain.Supervision;

/// <summary>
/// What a task's light is judged on, as of a day: its deadline (null = 常态化), when its plan started, and the
/// lead section's accepted figure — the status it means, the percent, and the as-of date of that accepted update.
/// Pages that project rows build it from columns; <see cref="Of"/> builds it from a loaded task.
/// </summary>
public sealed record SupervisionFacts(
    DateOnly? Deadline,
    DateOnly PlanStart,
    PlanTaskStatus Status,
    int AcceptedPercent,
    DateOnly? LastAcceptedOn)
{
    /// <summary>Where the expected-progress line starts: the plan's 印发日期, or 1 January of its year when the document gives none.</summary>
    public static DateOnly PlanStartOf(int planYear, DateOnly? issueDate) => issueDate ?? new DateOnly(planYear, 1, 1);

    /// <summary>The facts of a loaded task (with its plan and updates) as they stood on <paramref name="asOf"/>.</summary>
    public static SupervisionFacts Of(PlanTask task, DateOnly asOf)
    {
        var current = task.LeadSectionId is int lead ? task.CurrentUpdate(lead, asOf) : null;
        var percent = current?.Percent ?? 0;
        return new SupervisionFacts(task.Deadline, PlanStartOf(task.Plan.Year, task.Plan.IssueDate),
            PlanTask.StatusFor(percent), percent, current?.AsOf);
    }
}

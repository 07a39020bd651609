using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using RuleOfLawPlan.Domain.Plans;
using RuleOfLawPlan.Domain.Supervision;
using RuleOfLawPlan.Web.Data;

namespace RuleOfLawPlan.Web.Pages.Shared;

/// <summary>
/// 三色督办 for any number of tasks in one SQL round-trip: the facts of each task (deadline, the figure stored on the
/// task, its plan's start, the as-of date of its lead section's latest accepted update up to the day) are read in one
/// query and judged in memory by <see cref="SupervisionRules"/>. Pages ask it for their tasks' lights and project
/// their own rows beside it.
/// </summary>
public sealed class SupervisionQuery(PlanDb db, SupervisionSettings settings, TimeProvider clock)
{
    private sealed record FactsRow(int Id, DateOnly? Deadline, int PlanYear, DateOnly? IssueDate, PlanTaskStatus Status,
        int Percent, DateOnly? LastAcceptedOn);

    public SupervisionSettings Settings => settings;

    /// <summary>Today in Asia/Shanghai.</summary>
    public DateOnly Today => ChinaTime.Today(clock);

    /// <summary>The query-string name every view takes its "as of" day from: <c>?asOf=2023-06-30</c>.</summary>
    public const string AsOfParameter = "asOf";

    public const string AsOfOutOfRange = "截至日期须在2000年1月1日至2100年12月31日之间";

    private static readonly DateOnly Earliest = new(2000, 1, 1);
    private static readonly DateOnly Latest = new(2100, 12, 31);

    /// <summary>
    /// The day a view of a plan is as of: the day asked for (<c>?asOf=</c>); else today, or the last day of the plan's
    /// year once that year has ended, so a finished plan keeps the lights it ended the year with. A day outside
    /// 2000–2100 (where the calendar would run off its ends) is refused with a message on <c>asOf</c> and the
    /// default is shown.
    /// </summary>
    public DateOnly AsOf(int planYear, DateOnly? requested, ModelStateDictionary errors)
    {
        if (requested is { } day)
        {
            if (day >= Earliest && day <= Latest) return day;
            errors.AddModelError(AsOfParameter, AsOfOutOfRange);
        }
        var yearEnd = new DateOnly(planYear, 12, 31);
        return Today > yearEnd ? yearEnd : Today;
    }

    /// <summary>The lights of the given tasks as of a day, by task id.</summary>
    public async Task<IReadOnlyDictionary<int, SupervisionAssessment>> AssessAsync(IQueryable<PlanTask> tasks, DateOnly asOf, CancellationToken ct)
    {
        var rows = await tasks.AsNoTracking()
            .Select(t => new FactsRow(t.Id, t.Deadline, t.Plan.Year, t.Plan.IssueDate, t.Status, t.PercentComplete,
                t.Updates.Where(u => u.SectionId == t.LeadSectionId && u.Review == ReviewState.Accepted && u.AsOf <= asOf)
                    .Max(u => (DateOnly?)u.AsOf)))
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.Id, r => SupervisionRules.Assess(
            new SupervisionFacts(r.Deadline, SupervisionFacts.PlanStartOf(r.PlanYear, r.IssueDate), r.Status, r.Percent, r.LastAcceptedOn),
            asOf, settings));
    }

    /// <summary>The lights of every task of a plan.</summary>
    public Task<IReadOnlyDictionary<int, SupervisionAssessment>> AssessPlanAsync(int planId, DateOnly asOf, CancellationToken ct) =>
        AssessAsync(db.Tasks.Where(t => t.WorkPlanId == planId), asOf, ct);
}

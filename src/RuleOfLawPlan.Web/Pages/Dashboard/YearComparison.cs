using Microsoft.EntityFrameworkCore;
using RuleOfLawPlan.Domain.Plans;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Pages.Shared;

namespace RuleOfLawPlan.Web.Pages.Dashboard;

/// <summary>
/// 同比: a KPI of this year's plan beside the same KPI of the organization's plan for the year before. KPIs are matched by
/// name (trimmed), kind and unit — the wording a plan repeats from year to year; a KPI that matches none, or several, of
/// last year's is shown without a comparison rather than beside the wrong one (decision 021).
/// </summary>
public static class YearComparison
{
    /// <summary>The key a KPI is matched by across years.</summary>
    public sealed record MatchKey(string Name, KpiKind Kind, string Unit)
    {
        public static MatchKey Of(string name, KpiKind kind, string unit) => new(name.Trim(), kind, unit.Trim());
    }

    /// <summary>
    /// The KPIs of the organization's issued plans (active or closed) of <paramref name="year"/>, each with its latest reading
    /// as of <paramref name="asOf"/>: one query.
    /// </summary>
    public static async Task<IReadOnlyList<TaskTargets.Kpi>> KpisOfYearAsync(PlanDb db, int organizationId, int year, DateOnly asOf,
        CancellationToken ct) =>
        await db.Kpis.AsNoTracking()
            .Where(k => db.Tasks.Any(t => t.Id == k.PlanTaskId && t.Plan.OrganizationId == organizationId && t.Plan.Year == year
                && t.Plan.Status != PlanStatus.Draft))
            .OrderBy(k => k.Id)
            .Select(TaskTargets.KpiRows(asOf))
            .ToListAsync(ct);

    /// <summary>
    /// This year's KPIs (by id) paired with last year's KPI of the same key, with its latest reading (null: none recorded),
    /// where the key is unique on both sides.
    /// </summary>
    public static IReadOnlyDictionary<int, TaskTargets.Kpi> Match(IReadOnlyList<(int Id, MatchKey Key)> thisYear,
        IEnumerable<TaskTargets.Kpi> lastYear)
    {
        var candidates = lastYear.ToLookup(k => MatchKey.Of(k.Name, k.Kind, k.Unit));
        var mine = thisYear.ToLookup(k => k.Key);
        return thisYear
            .Where(k => mine[k.Key].Count() == 1 && candidates[k.Key].Count() == 1)
            .ToDictionary(k => k.Id, k => candidates[k.Key].Single());
    }
}

using Microsoft.EntityFrameworkCore;
using RuleOfLawPlan.Domain.Supervision;
using RuleOfLawPlan.Web.Data;

namespace RuleOfLawPlan.Web.Pages.Dashboard;

/// <summary>The figures behind the dashboard's charts that its other queries do not already give.</summary>
public static class DashboardCharts
{
    /// <summary>The plan's overall completion (the mean of its tasks' figures, 0 for none) at a month's last day.</summary>
    public sealed record MonthCompletion(int Month, double Percent)
    {
        /// <summary>Rounded as the dashboard's overall completion is.</summary>
        public int Rounded => (int)Math.Round(Percent);
    }

    /// <summary>A section's lead tasks by light.</summary>
    public sealed record SectionLights(int? SectionId, IReadOnlyDictionary<SupervisionLight, int> Counts);

    /// <summary>
    /// The plan's completion at each month end of its year up to <paramref name="asOf"/>, in one query. A task's figure on a
    /// day is what <c>PlanTask.CurrentUpdate</c> makes it for the lead section as of that day: its accepted update with the
    /// latest as-of date (then the latest recorded) that no accepted correction replaces; a task without one counts as 0.
    /// Set-based, so it stays one pass over the plan's updates at any size: each task's last figure within each month (month
    /// 0 for figures before the year), the change from its previous month with a figure, and the running sum of those changes.
    /// </summary>
    public static async Task<IReadOnlyList<MonthCompletion>> MonthEndCompletionAsync(PlanDb db, int planId, int year, DateOnly asOf,
        CancellationToken ct)
    {
        var yearStart = new DateOnly(year, 1, 1);
        var yearEnd = new DateOnly(year, 12, 31);
        return await db.Database.SqlQuery<MonthCompletion>($"""
            WITH RECURSIVE corrections (original, correction, accepted) AS (
                SELECT c.supersedes_id, c.id, c.review = 'Accepted'
                FROM progress_updates c JOIN tasks t ON t.id = c.plan_task_id
                WHERE t.work_plan_id = {planId} AND c.supersedes_id IS NOT NULL
                UNION ALL
                SELECT k.original, c.id, c.review = 'Accepted' FROM corrections k JOIN progress_updates c ON c.supersedes_id = k.correction
            ),
            replaced AS (SELECT DISTINCT original FROM corrections WHERE accepted),
            month_figures AS (
                SELECT DISTINCT ON (u.plan_task_id, m.month) u.plan_task_id, m.month, u.percent
                FROM tasks t JOIN progress_updates u ON u.plan_task_id = t.id AND u.section_id = t.lead_section_id
                CROSS JOIN LATERAL (SELECT CASE WHEN u.as_of < {yearStart} THEN 0 ELSE extract(month FROM u.as_of)::int END AS month) m
                WHERE t.work_plan_id = {planId} AND u.review = 'Accepted' AND u.as_of <= {yearEnd}
                    AND NOT EXISTS (SELECT 1 FROM replaced r WHERE r.original = u.id)
                ORDER BY u.plan_task_id, m.month, u.as_of DESC, u.recorded_at DESC, u.id DESC
            ),
            -- The running sums as one row of twelve filtered sums: no grouping, so no second sort of every figure.
            totals AS (
                SELECT array[
                    sum(change) FILTER (WHERE month <= 1),
                    sum(change) FILTER (WHERE month <= 2),
                    sum(change) FILTER (WHERE month <= 3),
                    sum(change) FILTER (WHERE month <= 4),
                    sum(change) FILTER (WHERE month <= 5),
                    sum(change) FILTER (WHERE month <= 6),
                    sum(change) FILTER (WHERE month <= 7),
                    sum(change) FILTER (WHERE month <= 8),
                    sum(change) FILTER (WHERE month <= 9),
                    sum(change) FILTER (WHERE month <= 10),
                    sum(change) FILTER (WHERE month <= 11),
                    sum(change) FILTER (WHERE month <= 12)] AS sums
                FROM (
                    SELECT month, percent - coalesce(lag(percent) OVER (PARTITION BY plan_task_id ORDER BY month), 0) AS change
                    FROM month_figures) changes
            ),
            task_count AS MATERIALIZED (SELECT count(*) AS n FROM tasks WHERE work_plan_id = {planId})
            SELECT e.month AS month, coalesce(t.sums[e.month]::float8 / c.n, 0) AS percent
            FROM generate_series(1, 12) AS e(month), totals t, task_count c
            WHERE (make_date({year}, e.month, 1) + interval '1 month' - interval '1 day')::date <= {asOf} AND c.n > 0
            ORDER BY e.month
            """).ToListAsync(ct);
    }

    /// <summary>The lights of each lead section's tasks (already judged for the page), sections in the given order, unassigned last.</summary>
    public static IReadOnlyList<SectionLights> LightsBySection(IEnumerable<IndexModel.Item> items, IEnumerable<int> sectionOrder)
    {
        var bySection = items.GroupBy(i => i.Task.LeadSectionId)
            .ToDictionary(g => g.Key ?? 0, g => new SectionLights(g.Key,
                g.GroupBy(i => i.Light.Light).ToDictionary(l => l.Key, l => l.Count())));
        return [.. sectionOrder.Where(bySection.ContainsKey).Select(id => bySection[id])
            .Concat(bySection.TryGetValue(0, out var unassigned) ? [unassigned] : [])];
    }
}

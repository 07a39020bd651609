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
    /// </summary>
    public static async Task<IReadOnlyList<MonthCompletion>> MonthEndCompletionAsync(PlanDb db, int planId, int year, DateOnly asOf,
        CancellationToken ct) =>
        await db.Database.SqlQuery<MonthCompletion>($"""
            WITH RECURSIVE lead_updates AS (
                SELECT u.id, u.plan_task_id, u.as_of, u.percent, u.recorded_at, u.supersedes_id, u.review
                FROM progress_updates u JOIN tasks t ON t.id = u.plan_task_id
                WHERE t.work_plan_id = {planId} AND u.section_id = t.lead_section_id
            ),
            corrections (original, correction) AS (
                SELECT c.supersedes_id, c.id FROM lead_updates c WHERE c.supersedes_id IS NOT NULL
                UNION ALL
                SELECT k.original, c.id FROM corrections k JOIN lead_updates c ON c.supersedes_id = k.correction
            ),
            figures AS (
                SELECT u.* FROM lead_updates u
                WHERE u.review = 'Accepted' AND NOT EXISTS (
                    SELECT 1 FROM corrections k JOIN lead_updates c ON c.id = k.correction
                    WHERE k.original = u.id AND c.review = 'Accepted')
            ),
            month_ends AS (
                SELECT m AS month, (make_date({year}, m, 1) + interval '1 month' - interval '1 day')::date AS day
                FROM generate_series(1, 12) m
            )
            SELECT e.month AS month, avg(coalesce(f.percent, 0))::float8 AS percent
            FROM month_ends e
            CROSS JOIN tasks t
            LEFT JOIN LATERAL (
                SELECT f.percent FROM figures f
                WHERE f.plan_task_id = t.id AND f.as_of <= e.day
                ORDER BY f.as_of DESC, f.recorded_at DESC, f.id DESC
                LIMIT 1
            ) f ON true
            WHERE t.work_plan_id = {planId} AND e.day <= {asOf}
            GROUP BY e.month
            ORDER BY e.month
            """).ToListAsync(ct);

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

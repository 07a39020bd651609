using Microsoft.EntityFrameworkCore;

namespace RuleOfLawPlan.Web.Data;

/// <summary>
/// The plan data's version: a number PostgreSQL moves on every commit that changes a plan, its areas, tasks, supports,
/// progress updates, KPIs, KPI readings, 批示 or sections, whoever writes (triggers of migration PlanDataVersion,
/// decision 025). Figures computed after reading version N are at least as new as N: keep them while it stays N.
/// </summary>
public static class PlanDataVersion
{
    /// <summary>The tables whose every change moves the version.</summary>
    public static IReadOnlyList<string> Tables { get; } =
        ["plans", "key_areas", "tasks", "task_supports", "progress_updates", "kpis", "kpi_readings", "instructions", "sections"];

    public static async Task<long> ReadAsync(PlanDb db, CancellationToken ct) =>
        await db.Database.SqlQuery<long>($"SELECT value AS \"Value\" FROM plan_data_version").SingleAsync(ct);
}

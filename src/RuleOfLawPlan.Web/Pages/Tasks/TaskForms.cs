using Microsoft.EntityFrameworkCore;
using RuleOfLawPlan.Domain.Plans;
using RuleOfLawPlan.Web.Data;

namespace RuleOfLawPlan.Web.Pages.Tasks;

/// <summary>What the task forms show about the task and what they load to change it.</summary>
public static class TaskForms
{
    /// <summary>The task with what its rules look at (its plan and supporting sections), tracked for a change.</summary>
    public static Task<PlanTask?> LoadForChangeAsync(this PlanDb db, int id, CancellationToken ct) =>
        db.Tasks.Include(t => t.Plan).Include(t => t.Supports).SingleOrDefaultAsync(t => t.Id == id, ct);

    /// <summary>The task for a change that looks at its 工作台账 as well (reporting, correcting, reviewing), tracked.</summary>
    public static Task<PlanTask?> LoadWithUpdatesAsync(this PlanDb db, int id, CancellationToken ct) =>
        db.Tasks.Include(t => t.Plan).Include(t => t.Supports).Include(t => t.Updates).SingleOrDefaultAsync(t => t.Id == id, ct);

    /// <summary>The task for recording a KPI reading, with its KPIs, tracked.</summary>
    public static Task<PlanTask?> LoadWithKpisAsync(this PlanDb db, int id, CancellationToken ct) =>
        db.Tasks.Include(t => t.Plan).Include(t => t.Kpis).SingleOrDefaultAsync(t => t.Id == id, ct);

    /// <summary>The task for answering a 批示, with its 批示, tracked.</summary>
    public static Task<PlanTask?> LoadWithInstructionsAsync(this PlanDb db, int id, CancellationToken ct) =>
        db.Tasks.Include(t => t.Plan).Include(t => t.Supports).Include(t => t.Instructions).SingleOrDefaultAsync(t => t.Id == id, ct);

    /// <summary>The task as stored now (after someone else's change), untracked.</summary>
    public static Task<PlanTask?> LoadCurrentAsync(this PlanDb db, int id, CancellationToken ct) =>
        db.Tasks.AsNoTracking().Include(t => t.Plan).Include(t => t.Supports).SingleOrDefaultAsync(t => t.Id == id, ct);
}

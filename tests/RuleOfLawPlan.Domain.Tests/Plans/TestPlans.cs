using RuleOfLawPlan.Domain.Plans;

namespace RuleOfLawPlan.Domain.Tests.Plans;

/// <summary>Small plans for rule tests.</summary>
internal static class TestPlans
{
    public const int Lead = 1;
    public const int Support = 2;
    public const int Outsider = 3;

    public static WorkPlan Draft() => new(organizationId: 1, 2023, "2023年法治政府建设工作计划", "日喀则市城市管理和综合执法局", new DateOnly(2023, 4, 25));

    /// <summary>An active plan with one task led by section 1 and supported by section 2.</summary>
    public static (WorkPlan Plan, PlanTask Task) ActiveWithTask()
    {
        var plan = Draft();
        var task = plan.AddArea("严格规范公正文明执法", "").AddTask(1, "持续推进行政执法三项制度", "严格执行……");
        task.Assign(Lead, [Support], "分管副局长", null, null);
        plan.Activate();
        return (plan, task);
    }

    public static readonly DateTimeOffset Now = new(2023, 6, 28, 9, 0, 0, TimeSpan.FromHours(8));

    private static long _lastId;

    /// <summary>
    /// Gives the task's new updates, 批示, KPIs and readings ids, as saving does: pages name them by id,
    /// and so do the intent methods. EF sets the private setter the same way.
    /// </summary>
    public static void Save(PlanTask task)
    {
        IEnumerable<object> children = [.. task.Updates, .. task.Instructions, .. task.Kpis, .. task.Kpis.SelectMany(k => k.Readings)];
        foreach (var child in children)
        {
            var id = child.GetType().GetProperty("Id")!;
            var invariant = System.Globalization.CultureInfo.InvariantCulture;
            if (Convert.ToInt64(id.GetValue(child), invariant) != 0) continue;
            id.SetValue(child, Convert.ChangeType(Interlocked.Increment(ref _lastId), id.PropertyType, invariant));
        }
    }

    /// <summary>Records an update and saves it, so that it can be reviewed or corrected by id.</summary>
    public static ProgressUpdate Report(this PlanTask task, int sectionId, DateOnly asOf, int percent,
        long? supersedes = null, string summary = "开展相关工作")
    {
        var update = task.RecordProgress(sectionId, asOf, percent, summary, "科长", Now, supersedes);
        Save(task);
        return update;
    }
}

using RuleOfLawPlan.TestSupport;

namespace RuleOfLawPlan.Benchmarks;

/// <summary>
/// A change to a plan's data, committed from a connection of the benchmark's own as another user's save would be: the
/// plan's first task's 责任领导 written again. It moves the data's version like any other change (decision 025), so the
/// dashboard computes its figures again on the next look.
/// </summary>
internal static class PlanChange
{
    public static Task CommitAsync(string connectionString, int planId) =>
        Sql.Execute(connectionString,
            $"UPDATE tasks SET responsible_leader = responsible_leader WHERE id = (SELECT min(id) FROM tasks WHERE work_plan_id = {planId})");
}

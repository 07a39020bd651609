using Microsoft.EntityFrameworkCore;
using RuleOfLawPlan.Domain.Plans;

namespace RuleOfLawPlan.TestSupport;

/// <summary>
/// A task of a supervised plan as a test wants it: its area (ordinal), sections, 责任领导 and deadline; optionally the
/// lead section's accepted figure (as of <c>AcceptedOn</c>), a later update of the lead section that the office returned,
/// and an open 批示.
/// </summary>
public sealed record TaskSpec(string Title, string Lead = "综合执法科", string[]? Supporting = null, DateOnly? Deadline = null,
    int? AcceptedPercent = null, DateOnly? AcceptedOn = null, string? Leader = null, int Area = 1, bool Returned = false,
    bool OpenInstruction = false);

public static class SupervisedPlans
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DateTimeOffset RecordedAt = new(2020, 1, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// An active plan of the given year, issued on <paramref name="issueDate"/>, with the given tasks (areas made as
    /// their ordinals need). Made outside the app through the entities' own methods, so the figures are what review
    /// makes them. Returns the plan's id and the tasks' ids by title.
    /// </summary>
    public static async Task<(int PlanId, IReadOnlyDictionary<string, int> Tasks)> NewSupervisedPlanAsync(this AppFixture app,
        int year, DateOnly issueDate, params TaskSpec[] specs)
    {
        await using var db = app.CreateDb();
        var sections = await db.Sections.ToDictionaryAsync(s => s.Name, s => s.Id, Ct);
        var organizationId = await db.Organizations.Select(o => o.Id).FirstAsync(Ct);
        var plan = new WorkPlan(organizationId, year, "督办测试计划" + Guid.NewGuid().ToString("N")[..8], null, issueDate);
        var areas = Enumerable.Range(1, specs.Max(s => s.Area)).Select(n => plan.AddArea($"重点工作{n}", "")).ToList();
        var tasks = specs.Select((spec, index) =>
        {
            var task = areas[spec.Area - 1].AddTask(index + 1, spec.Title, "");
            task.Assign(sections[spec.Lead], (spec.Supporting ?? []).Select(name => sections[name]), spec.Leader, spec.Deadline, null);
            return (spec, task);
        }).ToList();
        plan.Activate();
        db.Plans.Add(plan);
        await db.SaveChangesAsync(Ct);

        var accepted = new List<(PlanTask Task, ProgressUpdate Update)>();
        var returned = new List<(PlanTask Task, ProgressUpdate Update)>();
        foreach (var (spec, task) in tasks)
        {
            var lead = task.LeadSectionId!.Value;
            if (spec.AcceptedPercent is int percent)
                accepted.Add((task, task.RecordProgress(lead, spec.AcceptedOn ?? issueDate, percent, "按计划推进", "测试", RecordedAt)));
            if (spec.Returned)
                returned.Add((task, task.RecordProgress(lead, spec.AcceptedOn ?? issueDate, 0, "待更正的进展", "测试", RecordedAt.AddHours(1))));
            if (spec.OpenInstruction) task.AddInstruction("请加快推进", "局领导", RecordedAt);
        }
        await db.SaveChangesAsync(Ct);
        foreach (var (task, update) in accepted) task.AcceptUpdate(update.Id, "政策法规办", RecordedAt.AddDays(1));
        foreach (var (task, update) in returned) task.ReturnUpdate(update.Id, "数据有误", "政策法规办", RecordedAt.AddDays(1));
        await db.SaveChangesAsync(Ct);
        return (plan.Id, tasks.ToDictionary(t => t.spec.Title, t => t.task.Id));
    }
}

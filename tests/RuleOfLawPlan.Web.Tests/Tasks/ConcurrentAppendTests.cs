using System.Net;
using Microsoft.EntityFrameworkCore;

namespace RuleOfLawPlan.Web.Tests.Tasks;

/// <summary>
/// Forms that only add to a task (a KPI reading, a 催办, a 批示) keep what they add when someone else saves the same task at
/// the same moment: neither is refused as a stale form (docs/decisions/007-progress-review-and-lights.md).
/// </summary>
public sealed class ConcurrentAppendTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// Runs both posts while the task's row is held, so both have read the task before either saves: whichever commits
    /// second saves against a version that has moved. Both must be redirects (saved).
    /// </summary>
    private async Task BothAtOnceAsync(int taskId, Func<Task<HttpResponseMessage>> first, Func<Task<HttpResponseMessage>> second)
    {
        await using var blocker = app.CreateDb();
        await using var tx = await blocker.Database.BeginTransactionAsync(Ct);
        await blocker.Database.ExecuteSqlAsync($"SELECT 1 FROM tasks WHERE id = {taskId} FOR UPDATE", Ct);

        var one = first();
        var two = second();
        await Reports.UntilWaitingOnLocksAsync(app, 2, one, two);
        await tx.CommitAsync(Ct);
        var responses = await Task.WhenAll(one, two);

        responses.Select(r => r.StatusCode).ShouldAllBe(s => s == HttpStatusCode.Redirect,
            string.Join(" | ", responses.Select(r => $"{r.StatusCode} {r.Headers.Location}")));
    }

    private static Dictionary<string, string> Reading(string percent, string source) => new()
    {
        ["Form.AsOf"] = "2023-12-31",
        ["Form.Percent"] = percent,
        ["Form.Source"] = source,
    };

    [Fact]
    public async Task Two_readings_of_one_kpi_posted_at_the_same_moment_are_both_kept()
    {
        var (taskId, satisfaction, _, _) = await app.NewTaskWithKpisAsync();
        var section = await app.UserAsync("section");
        var office = await app.UserAsync("office");
        var url = $"/tasks/{taskId}/kpis/{satisfaction}/readings";

        await BothAtOnceAsync(taskId,
            () => section.PostFormAsync(url, Reading("91", "科室测评台账")),
            () => office.PostFormAsync(url, Reading("93", "年度满意度测评报告")));

        await using var db = app.CreateDb();
        (await db.KpiReadings.Where(r => r.KpiId == satisfaction).Select(r => r.Source).ToListAsync(Ct))
            .ShouldBe(["科室测评台账", "年度满意度测评报告"], ignoreOrder: true);
    }

    [Fact]
    public async Task A_urge_and_a_progress_report_at_the_same_moment_are_both_kept()
    {
        var taskId = await app.NewTaskAsync();
        var section = await app.UserAsync("section");
        var office = await app.UserAsync("office");

        await BothAtOnceAsync(taskId,
            () => office.PostFormAsync($"/tasks/{taskId}/urge", [new("Form.Note", "请于本周五前报送进展")]),
            () => section.PostFormAsync($"/tasks/{taskId}/progress", Reports.Form(30, "同时填报的进展")));

        await using var db = app.CreateDb();
        (await db.TaskUrges.Where(u => u.PlanTaskId == taskId).Select(u => u.Note).ToListAsync(Ct)).ShouldBe(["请于本周五前报送进展"]);
        (await db.ProgressUpdates.Where(u => u.PlanTaskId == taskId).Select(u => u.Summary).ToListAsync(Ct)).ShouldBe(["同时填报的进展"]);
        (await db.Notifications.CountAsync(n => n.PlanTaskId == taskId && n.Text == "请于本周五前报送进展", Ct)).ShouldBe(1, "the 综合执法科 head is told");
    }

    [Fact]
    public async Task A_instruction_and_a_reading_at_the_same_moment_are_both_kept()
    {
        var (taskId, satisfaction, _, _) = await app.NewTaskWithKpisAsync();
        var leader = await app.UserAsync("leader");
        var section = await app.UserAsync("section");

        await BothAtOnceAsync(taskId,
            () => leader.PostFormAsync($"/tasks/{taskId}/instruct", [new("Form.Text", "请加快满意度测评")]),
            () => section.PostFormAsync($"/tasks/{taskId}/kpis/{satisfaction}/readings", Reading("88", "科室测评台账")));

        await using var db = app.CreateDb();
        (await db.Instructions.Where(i => i.PlanTaskId == taskId).Select(i => i.Text).ToListAsync(Ct)).ShouldBe(["请加快满意度测评"]);
        (await db.KpiReadings.Where(r => r.KpiId == satisfaction).Select(r => r.Source).ToListAsync(Ct)).ShouldBe(["科室测评台账"]);
    }
}

using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using RuleOfLawPlan.Domain.Plans;

namespace RuleOfLawPlan.Web.Tests.Tasks;

/// <summary>Progress reports and reviews as the pages post them, for the tests of reporting, reviewing and answering.</summary>
internal static class Reports
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The progress form's fields.</summary>
    public static Dictionary<string, string> Form(int percent = 40, string summary = "已完成执法满意度调查方案",
        long? supersedes = null, string asOf = "2023-06-01")
    {
        var fields = new Dictionary<string, string>
        {
            ["Form.Percent"] = percent.ToString(CultureInfo.InvariantCulture),
            ["Form.AsOf"] = asOf,
            ["Form.Summary"] = summary,
        };
        if (supersedes is long id) fields["Form.Supersedes"] = id.ToString(CultureInfo.InvariantCulture);
        return fields;
    }

    /// <summary>A section head reports through the form; the new update's id.</summary>
    public static async Task<long> ReportAsync(this AppFixture app, string user, int taskId, int percent, string summary, long? supersedes = null)
    {
        var response = await (await app.UserAsync(user)).PostFormAsync($"/tasks/{taskId}/progress", Form(percent, summary, supersedes));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.TextAsync());
        await using var db = app.CreateDb();
        return await db.ProgressUpdates.Where(u => u.PlanTaskId == taskId).MaxAsync(u => u.Id, Ct);
    }

    /// <summary>The office accepts (Accept) or returns (Return) an update from the review queue, with the task's version as the queue showed it.</summary>
    public static async Task<HttpResponseMessage> ReviewAsync(this AppFixture app, string handler, long updateId, string? comment = null,
        uint? version = null, string user = "office")
    {
        await using var db = app.CreateDb();
        var taskId = await db.ProgressUpdates.Where(u => u.Id == updateId).Select(u => u.PlanTaskId).SingleAsync(Ct);
        var fields = new Dictionary<string, string>
        {
            ["Form.UpdateId"] = updateId.ToString(CultureInfo.InvariantCulture),
            ["Form.Version"] = (version ?? await app.TaskVersionAsync(taskId)).ToString(CultureInfo.InvariantCulture),
        };
        if (comment is not null) fields["Form.Comment"] = comment;
        return await (await app.UserAsync(user)).PostFormAsync($"/review?handler={handler}", fields);
    }

    public static async Task<ProgressUpdate> UpdateAsync(this AppFixture app, long id)
    {
        await using var db = app.CreateDb();
        return await db.ProgressUpdates.AsNoTracking().SingleAsync(u => u.Id == id, Ct);
    }

    /// <summary>
    /// Waits until <paramref name="count"/> sessions of the test's database wait on a lock: the requests have read
    /// what they read and are saving. A request that ends first fails the test rather than leaving it waiting.
    /// </summary>
    public static async Task UntilWaitingOnLocksAsync(AppFixture app, int count, params Task[] requests)
    {
        await using var db = app.CreateDb();
        while (await db.Database.SqlQuery<int>(
                   $"SELECT count(*)::int AS \"Value\" FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'")
                   .SingleAsync(Ct) < count)
        {
            requests.ShouldAllBe(r => !r.IsCompleted, "a request ended before both were saving");
            // Polls the database's own account of who waits; the outcome does not depend on how long this takes.
            await Task.Delay(10, Ct);
        }
    }
}

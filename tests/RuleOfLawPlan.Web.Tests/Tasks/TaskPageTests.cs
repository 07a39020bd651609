using System.Net;
using Microsoft.EntityFrameworkCore;

namespace RuleOfLawPlan.Web.Tests.Tasks;

public sealed class TaskPageTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_overview_links_each_task_to_its_page_which_shows_the_assignment_and_targets()
    {
        var client = await app.UserAsync("viewer");
        int planId;
        await using (var db = app.CreateDb())
            planId = await db.Plans.MinAsync(p => p.Id, Ct);
        var overview = await client.GetAsync($"/plans/{planId}", Ct);
        var links = (await overview.HtmlAsync()).QuerySelectorAll("[data-testid=task-link]");
        links.Length.ShouldBe(26);
        var taskId = await app.TaskIdAsync(6, 1);
        links.ShouldContain(l => l.GetAttribute("href") == $"/tasks/{taskId}");

        var response = await client.GetAsync($"/tasks/{taskId}", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.HtmlAsync();
        page.QuerySelector("[data-testid=lead-section]")!.TextContent.ShouldBe("综合执法科");
        page.QuerySelector("[data-testid=supporting-sections]")!.TextContent.ShouldBe("政策法规办");
        page.QuerySelector("[data-testid=deadline]")!.TextContent.ShouldBe("常态化");
        page.QuerySelectorAll("[data-testid=kpi]").Select(k => k.TextContent).ShouldContain(k => k.Contains("≥ 90%"));
        page.QuerySelector("[data-testid=report-progress]").ShouldBeNull();
        page.QuerySelector("[data-testid=instruct-form]").ShouldBeNull();
    }

    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_the_login_page_and_an_unknown_task_is_404()
    {
        var taskId = await app.TaskIdAsync(6, 1);
        var response = await app.CreateClient().GetAsync($"/tasks/{taskId}", Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.AbsolutePath.ShouldBe("/account/login");

        (await (await app.UserAsync("viewer")).GetAsync("/tasks/999999", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_task_page_sends_the_same_number_of_queries_however_many_updates_it_has()
    {
        var taskId = await app.NewTaskAsync();
        var client = await app.UserAsync("leader");
        await AddUpdatesAsync(taskId, 1);
        app.Sql.Reset();
        (await client.GetAsync($"/tasks/{taskId}", Ct)).EnsureSuccessStatusCode();
        var few = app.Sql.Count;

        await AddUpdatesAsync(taskId, 60);
        app.Sql.Reset();
        var response = await client.GetAsync($"/tasks/{taskId}", Ct);
        response.EnsureSuccessStatusCode();

        (await response.HtmlAsync()).QuerySelectorAll("[data-testid=ledger-row]").Length.ShouldBe(61);
        app.Sql.Count.ShouldBe(few);
    }

    private async Task AddUpdatesAsync(int taskId, int count)
    {
        await using var db = app.CreateDb();
        var task = await db.Tasks.Include(t => t.Plan).Include(t => t.Supports).SingleAsync(t => t.Id == taskId, Ct);
        for (var i = 0; i < count; i++)
            task.RecordProgress(task.LeadSectionId!.Value, new DateOnly(2023, 1, 1).AddDays(i), i % 100, $"第{i}次填报", "测试", DateTimeOffset.UtcNow);
        await db.SaveChangesAsync(Ct);
    }
}

file static class Functional
{
    public static TResult Pipe<T, TResult>(this T value, Func<T, TResult> f) => f(value);
}

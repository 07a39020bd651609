using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Tests.Account;

namespace RuleOfLawPlan.Web.Tests.Dashboard;

/// <summary>
/// The dashboard's figures are kept until the plan data changes (decision 025): whoever changes it — a leader through the
/// app, another connection writing SQL — the next look shows the change; a look without a change sends only the
/// layout's queries and the version's; looks that miss together compute once; and every table the page reads moves the
/// version. On a plan of each test's own, seen without <c>asOf</c> (today on the fixture's clock).
/// </summary>
public sealed partial class DashboardFiguresCacheTests(DashboardFiguresCacheTests.ClockedAppFixture app)
    : IClassFixture<DashboardFiguresCacheTests.ClockedAppFixture>
{
    /// <summary>The app on a clock the test moves.</summary>
    public sealed class ClockedAppFixture(PostgresClusterFixture cluster) : AppFixture(cluster)
    {
        public TestClock Clock { get; } = new();

        protected override Action<IServiceCollection> Services => services => services.AddSingleton<TimeProvider>(Clock);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A plan of this year with a task due in ten days at 40 % (behind: yellow) and a task due today at 10 % (due: yellow).</summary>
    private async Task<(int PlanId, IReadOnlyDictionary<string, int> Tasks)> PlanAsync()
    {
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime.AddHours(8));
        return await app.NewSupervisedPlanAsync(today.Year, new DateOnly(today.Year, 1, 1),
            new TaskSpec("十天后到期", Deadline: today.AddDays(10), AcceptedPercent: 40, AcceptedOn: new DateOnly(today.Year, 1, 1)),
            new TaskSpec("今天到期", "政策法规办", Deadline: today, AcceptedPercent: 10, AcceptedOn: new DateOnly(today.Year, 1, 1)));
    }

    /// <summary>A leader signed in afresh: a session ends when the clock is moved past its lifetime.</summary>
    private Task<HttpClient> LeaderAsync() => app.SignInAsAsync("leader");

    private static async Task<IDocument> DashboardAsync(HttpClient leader, int planId)
    {
        var response = await leader.GetAsync($"/dashboard?plan={planId}", Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, response.Headers.Location?.ToString());
        return await response.HtmlAsync();
    }

    private static string Text(IDocument page, string testId) => page.QuerySelector($"[data-testid={testId}]")!.TextContent.Trim();

    private static int RedCount(IDocument page) =>
        int.Parse(page.QuerySelector("[data-testid=light-count][data-light=Red] [data-testid=count]")!.TextContent, CultureInfo.InvariantCulture);

    /// <summary>What <paramref name="look"/> gives, and the SQL commands the app sent meanwhile.</summary>
    private async Task<(T Result, int Commands)> CountedAsync<T>(Func<Task<T>> look)
    {
        app.Sql.Reset();
        var result = await look();
        return (result, app.Sql.Count);
    }

    /// <summary>A change committed by another connection: the task's 责任领导 set.</summary>
    private Task SetLeaderAsync(int taskId, string leader) =>
        Sql.Execute(app.ConnectionString, $"UPDATE tasks SET responsible_leader = '{leader}' WHERE id = {taskId}");

    private async Task<long> VersionAsync()
    {
        await using var db = app.CreateDb();
        return await PlanDataVersion.ReadAsync(db, Ct);
    }

    [Fact]
    public async Task A_instruction_written_through_the_app_shows_on_the_next_look()
    {
        var (planId, tasks) = await PlanAsync();
        var leader = await LeaderAsync();
        Text(await DashboardAsync(leader, planId), "open-instruction-count").ShouldBe("0");

        var response = await leader.PostFormAsync($"/tasks/{tasks["十天后到期"]}/instruct",
            new Dictionary<string, string> { ["Form.Text"] = "请抓紧推进" });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, "a saved form redirects");

        var page = await DashboardAsync(leader, planId);
        Text(page, "open-instruction-count").ShouldBe("1");
        page.QuerySelector("[data-testid=open-instruction]")!.TextContent.ShouldContain("请抓紧推进");
    }

    [Fact]
    public async Task A_change_written_by_another_connection_shows_on_the_next_look()
    {
        var (planId, tasks) = await PlanAsync();
        var leader = await LeaderAsync();
        (await DashboardAsync(leader, planId)).QuerySelector("[data-testid=off-track]")!.TextContent.ShouldNotContain("已改名的任务");

        await Sql.Execute(app.ConnectionString, $"UPDATE tasks SET title = '已改名的任务' WHERE id = {tasks["今天到期"]}");

        (await DashboardAsync(leader, planId)).QuerySelector("[data-testid=off-track]")!.TextContent.ShouldContain("已改名的任务");
    }

    [Fact]
    public async Task When_the_day_turns_the_lights_follow_without_any_change_to_the_data()
    {
        var (planId, _) = await PlanAsync();
        var leader = await LeaderAsync();
        RedCount(await DashboardAsync(leader, planId)).ShouldBe(0, "a task due today is not yet overdue");
        var version = await VersionAsync();

        app.Clock.Advance(TimeSpan.FromDays(1));

        RedCount(await DashboardAsync(await LeaderAsync(), planId)).ShouldBe(1, "yesterday's deadline has passed at 10 %");
        (await VersionAsync()).ShouldBe(version);
    }

    [Fact]
    public async Task A_look_without_a_change_sends_only_the_layouts_queries_and_the_versions()
    {
        var (planId, tasks) = await PlanAsync();
        var leader = await LeaderAsync();
        await DashboardAsync(leader, planId);

        var (again, hit) = await CountedAsync(() => DashboardAsync(leader, planId));

        await SetLeaderAsync(tasks["今天到期"], "分管副局长");
        var (changed, miss) = await CountedAsync(() => DashboardAsync(leader, planId));

        hit.ShouldBe(3, "the session, the bell and the version");
        miss.ShouldBeGreaterThan(hit);
        changed.QuerySelector("[data-testid=off-track]")!.TextContent.ShouldContain("分管副局长");
        again.QuerySelector("[data-testid=off-track]")!.TextContent.ShouldNotContain("分管副局长");
    }

    [Fact]
    public async Task Looks_that_miss_together_compute_the_figures_once()
    {
        var (planId, tasks) = await PlanAsync();
        var leader = await LeaderAsync();
        await DashboardAsync(leader, planId);
        var (_, hit) = await CountedAsync(() => DashboardAsync(leader, planId));
        await SetLeaderAsync(tasks["今天到期"], "局长");
        var (_, miss) = await CountedAsync(() => DashboardAsync(leader, planId));
        var computation = miss - hit;

        await SetLeaderAsync(tasks["今天到期"], "副局长");
        var leaders = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => app.SignInAsAsync("leader")));
        var (pages, together) = await CountedAsync(() => Task.WhenAll(leaders.Select(l => DashboardAsync(l, planId))));

        together.ShouldBe(6 * hit + computation);
        pages.ShouldAllBe(p => p.QuerySelector("[data-testid=off-track]")!.TextContent.Contains("副局长"));
    }

    [Fact]
    public async Task Every_table_the_dashboard_reads_moves_the_version_on_any_change_and_on_truncate()
    {
        var (planId, tasks) = await PlanAsync();
        var leader = await LeaderAsync();
        await Sql.Execute(app.ConnectionString, $"UPDATE tasks SET title = title WHERE id = {tasks["今天到期"]}");
        app.Sql.KeepsCommands = true;
        app.Sql.Reset();
        await DashboardAsync(leader, planId);
        var read = app.Sql.Commands.SelectMany(c => TableName().Matches(c).Select(m => m.Groups[1].Value)).ToHashSet();
        app.Sql.KeepsCommands = false;

        await using var db = app.CreateDb();
        var tables = await db.Database.SqlQuery<string>(
            $"SELECT table_name::text AS \"Value\" FROM information_schema.tables WHERE table_schema = 'public'").ToListAsync(Ct);
        string[] layout = ["user_sessions", "asp_net_users", "notifications", "plan_data_version"];
        read.Intersect(tables).Except(layout).Order().ShouldBe(PlanDataVersion.Tables.Order(), "the version follows exactly what the figures read");

        var triggered = await db.Database.SqlQuery<string>($"""
            SELECT c.relname::text || ' ' || t.tgname::text AS "Value" FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
            WHERE t.tgname IN ('plan_data_changed', 'plan_data_truncated') AND t.tgenabled = 'O'
            """).ToListAsync(Ct);
        triggered.Order().ShouldBe(PlanDataVersion.Tables.SelectMany(t => new[] { t + " plan_data_changed", t + " plan_data_truncated" }).Order());

        var before = await VersionAsync();
        await Sql.Execute(app.ConnectionString, $"BEGIN; UPDATE tasks SET title = title WHERE id = {tasks["今天到期"]}; ROLLBACK;");
        (await VersionAsync()).ShouldBe(before, "a change rolled back is no change");
        await Sql.Execute(app.ConnectionString, $"""
            BEGIN;
            UPDATE tasks SET title = title WHERE id = {tasks["今天到期"]};
            UPDATE tasks SET title = title WHERE id = {tasks["十天后到期"]};
            UPDATE key_areas SET title = title WHERE work_plan_id = {planId};
            COMMIT;
            """);
        (await VersionAsync()).ShouldBe(before + 1, "once per transaction, at its commit");
    }

    [GeneratedRegex(@"\b(?:FROM|JOIN)\s+""?([a-z_]+)""?", RegexOptions.IgnoreCase)]
    private static partial Regex TableName();
}

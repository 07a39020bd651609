using Microsoft.EntityFrameworkCore;
using RuleOfLawPlan.Domain.Import;
using RuleOfLawPlan.Web.Data;

namespace RuleOfLawPlan.Web.Tests.Tasks;

/// <summary>
/// 任务清单 and 我的任务 send as many SQL commands for a plan ten times the 2023 plan, with three updates and a 批示 on
/// every task, as for the seeded plan: the lights are judged from one query, whatever the data.
/// </summary>
public sealed class SupervisionRoundTripTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_task_list_and_my_tasks_send_the_same_number_of_commands_for_ten_times_the_data()
    {
        var office = await app.SignInAsAsync("office");
        var section = await app.SignInAsAsync("section");
        int seededPlanId;
        await using (var db = app.CreateDb())
            seededPlanId = await db.Plans.MinAsync(p => p.Id, Ct);

        var listSmall = await CountAsync(office, $"/tasks?plan={seededPlanId}");
        var mySmall = await CountAsync(section, "/my");
        listSmall.ShouldBeLessThanOrEqualTo(7, "the session, plans, tasks, supports, lights, section names, the bell's unread count");
        mySmall.ShouldBeLessThanOrEqualTo(7, "the session, plan, tasks, supports-free rows, lights, section names, the bell's unread count");

        var bigPlanId = await BigPlanAsync();
        var listBig = await CountAsync(office, $"/tasks?plan={bigPlanId}");
        var myBig = await CountAsync(section, "/my");
        var bigList = await (await office.GetAsync($"/tasks?plan={bigPlanId}", Ct)).HtmlAsync();
        bigList.QuerySelectorAll("[data-testid=task-row]").Length.ShouldBe(260);
        (await (await section.GetAsync("/my", Ct)).HtmlAsync()).QuerySelectorAll("[data-testid=my-task]").Length.ShouldBe(260);

        (listBig, myBig).ShouldBe((listSmall, mySmall));
    }

    private async Task<int> CountAsync(HttpClient client, string url)
    {
        app.Sql.Reset();
        (await client.GetAsync(url, Ct)).EnsureSuccessStatusCode();
        return app.Sql.Count;
    }

    /// <summary>The 2023 plan ten times over, as the newest plan in execution, every task led by 综合执法科 and reported on.</summary>
    private async Task<int> BigPlanAsync()
    {
        var parsed = PlanDocumentParser.Parse(await File.ReadAllBytesAsync(DatabaseSetup.ShippedPlanPath, Ct));
        await using var db = app.CreateDb();
        var organizationId = await db.Organizations.Select(o => o.Id).FirstAsync(Ct);
        var sections = await db.Sections.ToDictionaryAsync(s => s.Name, s => s.Id, Ct);
        var plan = (parsed with { Title = "十倍计划", Areas = [.. Enumerable.Repeat(parsed.Areas, 10).SelectMany(a => a)] })
            .ToDraftPlan(organizationId, 2040);
        var tasks = plan.Areas.SelectMany(a => a.Tasks).ToList();
        foreach (var task in tasks)
            task.Assign(sections["综合执法科"], [sections["政策法规办"]], "分管副局长", new DateOnly(2040, 12, 31), null);
        plan.Activate();
        db.Plans.Add(plan);
        await db.SaveChangesAsync(Ct);

        var at = new DateTimeOffset(2040, 6, 1, 9, 0, 0, TimeSpan.Zero);
        var updates = tasks.SelectMany(task => new[]
        {
            task.RecordProgress(sections["综合执法科"], new DateOnly(2040, 4, 20), 20, "四月进展", "测试", at),
            task.RecordProgress(sections["综合执法科"], new DateOnly(2040, 5, 20), 40, "五月进展", "测试", at.AddDays(30)),
            task.RecordProgress(sections["政策法规办"], new DateOnly(2040, 5, 20), 30, "配合进展", "测试", at.AddDays(30)),
        }.Select(update => (task, update))).ToList();
        foreach (var task in tasks) task.AddInstruction("请加快推进", "局领导", at);
        await db.SaveChangesAsync(Ct);
        foreach (var (task, update) in updates.Where((_, i) => i % 3 != 1)) task.AcceptUpdate(update.Id, "政策法规办", at.AddDays(31));
        foreach (var (task, update) in updates.Where((_, i) => i % 3 == 1)) task.ReturnUpdate(update.Id, "请补充材料", "政策法规办", at.AddDays(31));
        await db.SaveChangesAsync(Ct);
        return plan.Id;
    }
}

using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using RuleOfLawPlan.Domain.Supervision;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Notifications;

namespace RuleOfLawPlan.Browser.Tests.Journeys;

/// <summary>
/// Issue 9's journey from the leader's side to the section's: a leader lands on 驾驶舱, follows the red count to exactly the
/// overdue tasks, opens one and writes a 批示; the head of its lead section then finds the 批示 on 我的任务 and through the
/// bell. The overdue tasks are made here: two tasks of 综合执法科 get a deadline in September 2023 (every other seeded task
/// is 常态化, so nothing else is red when the ended 2023 plan is shown as of its last day).
/// </summary>
public sealed class DashboardJourneyTests(ChromiumFixture chromium, BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    private const string Instruction = "请于本周内补报逾期原因和整改时间表。";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The titles of the two tasks made overdue.</summary>
    private async Task<string[]> OverdueTasksAsync()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanDb>();
        var enforcement = await db.Sections.Where(s => s.Name == "综合执法科").Select(s => s.Id).SingleAsync(Ct);
        var tasks = await db.Tasks.Include(t => t.Plan).Include(t => t.Supports)
            .Where(t => t.LeadSectionId == enforcement && t.Plan.Year == 2023)
            .OrderBy(t => t.SortOrder).ThenBy(t => t.Id).Take(2).ToListAsync(Ct);
        foreach (var task in tasks)
            task.Assign(task.LeadSectionId, task.Supports.Select(s => s.SectionId), task.ResponsibleLeader, new DateOnly(2023, 9, 30), task.ExpectedOutcome);
        await db.SaveChangesAsync(Ct);
        return [.. tasks.Select(t => t.Title)];
    }

    /// <summary>The next morning's reminder run, which tells the sections of a task of its new 批示 (decision 015).</summary>
    private async Task RemindersRunAsync()
    {
        using var scope = app.Services.CreateScope();
        var job = new ReminderJob(app.Services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System, Options.Create(new ReminderOptions()),
            SupervisionSettings.Default, NullLogger<ReminderJob>.Instance);
        await job.RunAsync(scope.ServiceProvider.GetRequiredService<PlanDb>(), DateOnly.FromDateTime(DateTime.UtcNow), Ct);
    }

    [Fact]
    public async Task A_leader_follows_the_red_count_writes_a_instruction_and_the_lead_section_head_sees_it()
    {
        var overdue = await OverdueTasksAsync();
        string instructed;

        await using (var leader = await BrowserSession.OpenAsync(chromium, app.BaseAddress))
        {
            var page = leader.Page;
            await page.SetViewportSizeAsync(1280, 900);
            await SignIn.AsAsync(page, "leader");
            page.Url.ShouldEndWith("/dashboard");
            var red = page.Locator("[data-testid=dashboard-lights] [data-testid=light-count][data-light=Red]");
            int.Parse(await red.GetByTestId("count").InnerTextAsync(), CultureInfo.InvariantCulture).ShouldBe(2);
            await Screenshots.TakeAsync(page, "journey-dashboard");

            await red.ClickAsync();
            await page.WaitForURLAsync("**light=Red**");
            (await page.GetByTestId("task-row").GetByTestId("task-link").AllInnerTextsAsync())
                .Select(t => overdue.Single(o => t.Contains(o, StringComparison.Ordinal))).ShouldBe(overdue, ignoreOrder: true);
            (await page.GetByTestId("task-row").CountAsync()).ShouldBe(2);
            await Screenshots.TakeAsync(page, "journey-red-tasks");

            await page.GetByTestId("task-row").First.GetByTestId("task-link").ClickAsync();
            instructed = (await page.GetByTestId("task-title").InnerTextAsync()).Trim();
            await page.GetByTestId("instruct-form").GetByLabel("批示内容").FillAsync(Instruction);
            await page.GetByTestId("instruct-form").GetByRole(AriaRole.Button, new() { Name = "批示" }).ClickAsync();
            await page.GetByTestId("instruction").First.WaitForAsync();
            (await page.GetByTestId("instruction").First.InnerTextAsync()).ShouldContain(Instruction);
            leader.Problems.ShouldBeEmpty();
        }
        overdue.ShouldContain(instructed);
        await RemindersRunAsync();

        await using var head = await BrowserSession.OpenAsync(chromium, app.BaseAddress);
        var my = head.Page;
        await my.SetViewportSizeAsync(1280, 900);
        await SignIn.AsAsync(my, "section");
        my.Url.ShouldEndWith("/my");
        var row = my.GetByTestId("my-task").Filter(new() { Has = my.GetByTestId("task-link").GetByText(instructed) });
        (await row.GetByTestId("open-instructions").InnerTextAsync()).ShouldContain("批示待办理 1 条");
        (await my.GetByTestId("unread-count").InnerTextAsync()).ShouldNotBe("0");
        await Screenshots.TakeAsync(my, "journey-my-tasks-instruction");

        await my.GetByTestId("notification-bell").ClickAsync();
        await my.WaitForURLAsync("**/notifications");
        var notice = my.GetByTestId("notification").Filter(new() { HasText = Instruction });
        (await notice.CountAsync()).ShouldBe(1);
        await Screenshots.TakeAsync(my, "journey-bell-instruction");
        await notice.GetByTestId("notification-task").ClickAsync();
        (await my.GetByTestId("task-title").InnerTextAsync()).Trim().ShouldBe(instructed);
        (await my.GetByTestId("instruction").First.InnerTextAsync()).ShouldContain(Instruction);
        (await my.GetByTestId("answer-instruction").CountAsync()).ShouldBe(1, "the lead section's head may answer it");
        head.Problems.ShouldBeEmpty();
    }
}

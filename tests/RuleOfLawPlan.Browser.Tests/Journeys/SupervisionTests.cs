using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RuleOfLawPlan.Web.Data;

namespace RuleOfLawPlan.Browser.Tests.Journeys;

/// <summary>
/// 我的任务 and 任务清单 in Chromium, on the seeded 2023 plan as of 10 June 2023, with a few reports of 综合执法科's
/// made here: one accepted, one returned, and a 批示 — so the lights differ and a returned update leads the list.
/// </summary>
public sealed class SupervisionTests(ChromiumFixture chromium, BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    private const string AsOf = "2023-06-10";

    private async Task ReportAsync()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanDb>();
        var enforcement = await db.Sections.Where(s => s.Name == "综合执法科").Select(s => s.Id).SingleAsync(TestContext.Current.CancellationToken);
        var tasks = await db.Tasks.Include(t => t.Plan).Include(t => t.Updates).Include(t => t.Instructions)
            .Where(t => t.LeadSectionId == enforcement && t.Plan.Year == 2023)
            .OrderBy(t => t.SortOrder).ThenBy(t => t.Id).ToListAsync(TestContext.Current.CancellationToken);
        if (tasks.Any(t => t.Updates.Count > 0)) return;
        var at = new DateTimeOffset(2023, 6, 5, 9, 0, 0, TimeSpan.FromHours(8));
        var accepted = tasks[0].RecordProgress(enforcement, new DateOnly(2023, 6, 5), 60, "完成上半年案件评查。", "综合执法科科长", at);
        var returned = tasks[1].RecordProgress(enforcement, new DateOnly(2023, 6, 5), 30, "已开展涉企执法检查。", "综合执法科科长", at);
        tasks[2].AddInstruction("请加快推进，月底前报送情况。", "局领导（组长）", at);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        tasks[0].AcceptUpdate(accepted.Id, "政策法规办干部", at.AddDays(1));
        tasks[1].ReturnUpdate(returned.Id, "请补充检查数据。", "政策法规办干部", at.AddDays(1));
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_section_head_signs_in_and_lands_on_my_tasks_which_fits_a_laptop_and_a_phone()
    {
        await ReportAsync();
        await using var session = await BrowserSession.OpenAsync(chromium, app.BaseAddress);
        var page = session.Page;
        await page.SetViewportSizeAsync(1280, 900);

        await SignIn.AsAsync(page, "section");

        page.Url.ShouldEndWith("/my");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("我的任务");
        await page.GotoAsync($"/my?asOf={AsOf}");
        var first = page.GetByTestId("my-task").First;
        (await first.GetByTestId("returned").IsVisibleAsync()).ShouldBeTrue();
        (await page.GetByTestId("light").First.InnerTextAsync()).ShouldNotBeNullOrWhiteSpace();
        (await page.Locator("table[data-testid=my-tasks] thead").IsVisibleAsync()).ShouldBeTrue();
        await Screenshots.TakeAsync(page, "my-tasks-laptop");

        await page.SetViewportSizeAsync(390, 844);
        (await page.Locator("table[data-testid=my-tasks] thead").IsVisibleAsync()).ShouldBeFalse();
        var card = await first.BoundingBoxAsync();
        card.ShouldNotBeNull().Width.ShouldBeLessThanOrEqualTo(390);
        (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390);
        await Screenshots.TakeAsync(page, "my-tasks-phone");
        session.Problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_office_filters_the_task_list_by_a_light_count()
    {
        await ReportAsync();
        await using var session = await BrowserSession.OpenAsync(chromium, app.BaseAddress);
        var page = session.Page;
        await page.SetViewportSizeAsync(1280, 900);
        await SignIn.AsAsync(page, "office");

        await page.GetByTestId("nav-tasks").ClickAsync();
        await page.GotoAsync($"{page.Url}?asOf={AsOf}");
        var all = await page.GetByTestId("task-row").CountAsync();
        all.ShouldBe(26);
        await Screenshots.TakeAsync(page, "task-list");

        var yellow = page.Locator("[data-testid=light-count][data-light=Yellow]");
        var count = int.Parse(await yellow.GetByTestId("count").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        await yellow.ClickAsync();
        await page.WaitForURLAsync("**light=Yellow**");
        (await page.GetByTestId("task-row").CountAsync()).ShouldBe(count);
        (await page.Locator("[data-testid=task-row] [data-testid=light]").AllInnerTextsAsync()).ShouldAllBe(t => t.Contains("黄灯"));
        session.Problems.ShouldBeEmpty();
    }
}

using Microsoft.Playwright;

namespace RuleOfLawPlan.Browser.Tests.Journeys;

public sealed class ReportProgressTests(ChromiumFixture chromium, BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    [Fact]
    public async Task A_section_head_reports_progress_on_a_task_the_section_leads_and_sees_it_in_the_ledger()
    {
        await using var session = await BrowserSession.OpenAsync(chromium, app.BaseAddress);
        var page = session.Page;
        await SignIn.AsAsync(page, "section");

        await page.GetByRole(AriaRole.Link, new() { Name = "持续推进行政执法三项制度" }).ClickAsync();
        await page.GetByTestId("report-progress").ClickAsync();
        await page.GetByLabel("完成进度（%）").FillAsync("40");
        await page.GetByLabel("截至日期").FillAsync("2023-06-28");
        await page.GetByLabel("工作进展").FillAsync("完成上半年案件评查，公示信息全部上网。");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();

        await page.GetByTestId("ledger-row").First.WaitForAsync();
        (await page.GetByTestId("task-percent").InnerTextAsync()).Trim().ShouldBe("40%");
        (await page.GetByTestId("ledger-row").First.InnerTextAsync()).ShouldContain("完成上半年案件评查");
        (await page.GetByTestId("task-status").InnerTextAsync()).Trim().ShouldBe("推进中");
        await Screenshots.TakeAsync(page, "task-after-progress");
        session.Problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_bad_percentage_is_refused_in_chinese_and_nothing_is_recorded()
    {
        await using var session = await BrowserSession.OpenAsync(chromium, app.BaseAddress);
        var page = session.Page;
        await SignIn.AsAsync(page, "section");
        await page.GetByRole(AriaRole.Link, new() { Name = "完善涉企行政执法机制" }).ClickAsync();
        var taskUrl = page.Url;
        await page.GetByTestId("report-progress").ClickAsync();

        await page.GetByLabel("完成进度（%）").FillAsync("150");
        await page.GetByLabel("工作进展").FillAsync("进展");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();

        (await page.Locator(".text-danger, [data-testid=form-error]").AllInnerTextsAsync()).ShouldContain(t => t.Contains("0到100"));
        await page.GotoAsync(taskUrl);
        (await page.GetByTestId("ledger-row").CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_section_head_is_not_offered_the_form_on_another_sections_task()
    {
        await using var session = await BrowserSession.OpenAsync(chromium, app.BaseAddress);
        var page = session.Page;
        await SignIn.AsAsync(page, "section2");
        await SignIn.ToPlanAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "持续推进行政执法三项制度" }).ClickAsync();

        (await page.GetByTestId("report-progress").CountAsync()).ShouldBe(0);
        (await page.GetByTestId("task-title").InnerTextAsync()).ShouldBe("持续推进行政执法三项制度");
    }
}

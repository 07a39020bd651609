using Microsoft.Playwright;

namespace RuleOfLawPlan.Browser.Tests.Journeys;

public sealed class ReportProgressTests(ChromiumFixture chromium, BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    [Fact]
    public async Task A_section_head_reports_progress_the_office_accepts_it_and_the_tasks_figure_moves()
    {
        string taskUrl;
        await using (var section = await BrowserSession.OpenAsync(chromium, app.BaseAddress))
        {
            var page = section.Page;
            await SignIn.AsAsync(page, "section");
            await page.GetByRole(AriaRole.Link, new() { Name = "持续推进行政执法三项制度" }).ClickAsync();
            taskUrl = page.Url;
            await page.GetByTestId("report-progress").ClickAsync();
            await page.GetByLabel("完成进度（%）").FillAsync("40");
            await page.GetByLabel("截至日期").FillAsync("2023-06-28");
            await page.GetByLabel("工作进展").FillAsync("完成上半年案件评查，公示信息全部上网。");
            await page.GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();

            await page.GetByTestId("ledger-row").First.WaitForAsync();
            (await page.GetByTestId("ledger-row").First.InnerTextAsync()).ShouldContain("待审核");
            (await page.GetByTestId("task-percent").InnerTextAsync()).Trim().ShouldBe("0%");
            (await page.GetByTestId("task-pending").InnerTextAsync()).Trim().ShouldBe("待审核");
            section.Problems.ShouldBeEmpty();
        }

        await using var office = await BrowserSession.OpenAsync(chromium, app.BaseAddress);
        var review = office.Page;
        await SignIn.AsAsync(review, "office");
        await review.GetByTestId("nav-review").ClickAsync();
        var pending = review.GetByTestId("pending-update").Filter(new() { HasText = "完成上半年案件评查" });
        (await pending.InnerTextAsync()).ShouldContain("（六）1. 持续推进行政执法三项制度");
        (await pending.GetByTestId("pending-percent").InnerTextAsync()).Trim().ShouldBe("40%");
        await Screenshots.TakeAsync(review, "review-queue");
        await pending.GetByTestId("accept").ClickAsync();
        (await review.GetByTestId("status-message").InnerTextAsync()).ShouldContain("已采纳");

        await review.GotoAsync(taskUrl);
        (await review.GetByTestId("task-percent").InnerTextAsync()).Trim().ShouldBe("40%");
        (await review.GetByTestId("task-status").InnerTextAsync()).Trim().ShouldBe("推进中");
        (await review.GetByTestId("section-progress-row").First.InnerTextAsync()).ShouldContain("40%");
        (await review.GetByTestId("ledger-row").First.InnerTextAsync()).ShouldContain("已采纳");
        await review.GetByTestId("section-progress").ScrollIntoViewIfNeededAsync();
        await Screenshots.TakeAsync(review, "task-after-review");
        await review.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots.Folder, "task-after-review-full.png"), FullPage = true });
        office.Problems.ShouldBeEmpty();
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

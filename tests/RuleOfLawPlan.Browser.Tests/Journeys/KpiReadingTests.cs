using Microsoft.Playwright;

namespace RuleOfLawPlan.Browser.Tests.Journeys;

public sealed class KpiReadingTests(ChromiumFixture chromium, BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    [Fact]
    public async Task The_lead_section_records_a_ratio_and_the_task_shows_the_kpi_met_with_its_history()
    {
        await using var session = await BrowserSession.OpenAsync(chromium, app.BaseAddress);
        var page = session.Page;
        await SignIn.AsAsync(page, "section");

        await page.GetByRole(AriaRole.Link, new() { Name = "持续推进行政执法三项制度" }).ClickAsync();
        var reviewers = page.GetByTestId("kpi-section").Filter(new() { HasText = "法制审核人员" });
        (await reviewers.GetByTestId("kpi-attainment").InnerTextAsync()).Trim().ShouldBe("无数据");
        await reviewers.GetByTestId("record-kpi").ClickAsync();
        await page.GetByLabel("分子").FillAsync("3");
        await page.GetByLabel("分母").FillAsync("0");
        await page.GetByLabel("截至日期").FillAsync("2023-12-31");
        await page.GetByLabel("数据来源").FillAsync("人事科2023年12月花名册");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();
        (await page.Locator("[data-valmsg-for='Form.Denominator']").InnerTextAsync()).ShouldBe("分母须大于0");
        await Screenshots.TakeAsync(page, "kpi-reading-form");

        await page.GetByLabel("分母").FillAsync("80");
        await page.GetByLabel("分子").FillAsync("4");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();

        await page.Locator("#kpis").WaitForAsync();
        reviewers = page.GetByTestId("kpi-section").Filter(new() { HasText = "法制审核人员" });
        (await reviewers.GetByTestId("kpi-attainment").InnerTextAsync()).Trim().ShouldBe("达标");
        (await reviewers.GetByTestId("kpi-figures").InnerTextAsync()).Trim().ShouldBe("4/80（5%）");
        await page.Locator("#kpis").ScrollIntoViewIfNeededAsync();
        await Screenshots.TakeAsync(page, "task-kpis");
        session.Problems.ShouldBeEmpty();
    }
}

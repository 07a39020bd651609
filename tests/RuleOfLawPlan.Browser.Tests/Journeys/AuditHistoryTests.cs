using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace RuleOfLawPlan.Browser.Tests.Journeys;

/// <summary>
/// The office reads what happened to the seeded plan: a task's 修改记录 and the audit log, in Chinese, one item per
/// save, the detail of an insert or of a whole import one click away (a details element or a link: no script).
/// </summary>
public sealed partial class AuditHistoryTests(ChromiumFixture chromium, BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    [Fact]
    public async Task The_office_reads_a_tasks_history_and_the_audit_log_in_chinese()
    {
        await using (var section = await BrowserSession.OpenAsync(chromium, app.BaseAddress))
        {
            await SignIn.AsAsync(section.Page, "section");
            await section.Page.GetByRole(AriaRole.Link, new() { Name = "持续推进行政执法三项制度" }).ClickAsync();
            await section.Page.GetByTestId("report-progress").ClickAsync();
            await section.Page.GetByLabel("完成进度（%）").FillAsync("35");
            await section.Page.GetByLabel("截至日期").FillAsync("2023-07-01");
            await section.Page.GetByLabel("工作进展").FillAsync("完成执法公示平台升级，上半年案件全部公示。");
            await section.Page.GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();
            await section.Page.GetByTestId("ledger-row").First.WaitForAsync();
        }

        await using var session = await BrowserSession.OpenAsync(chromium, app.BaseAddress);
        var page = session.Page;
        await SignIn.AsAsync(page, "office");
        await page.GetByTestId("nav-review").ClickAsync();
        await page.GetByTestId("pending-update").Filter(new() { HasText = "完成执法公示平台升级" }).GetByTestId("accept").ClickAsync();
        await page.GetByTestId("status-message").WaitForAsync();
        await page.GotoAsync("/");
        await SignIn.ToPlanAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "持续推进行政执法三项制度" }).ClickAsync();
        var history = page.Locator("#history");
        var accepted = history.GetByTestId("history-entry").First;
        (await accepted.InnerTextAsync()).ShouldContain("政策法规办干部（office）");
        (await accepted.InnerTextAsync()).ShouldContain("完成进度");
        (await accepted.InnerTextAsync()).ShouldContain("已采纳");
        var report = history.GetByTestId("history-entry").Nth(1);
        (await report.InnerTextAsync()).ShouldContain("综合执法科科长（section）");
        await report.Locator("details summary").First.ClickAsync();
        (await report.Locator("details").First.InnerTextAsync()).ShouldContain("综合执法科");
        await history.ScrollIntoViewIfNeededAsync();
        await history.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(Screenshots.Folder, "task-history.png") });
        ShouldBeReadable(await history.InnerTextAsync());

        await page.GotoAsync("/audit");
        await page.GetByTestId("audit-row").First.WaitForAsync();
        await Screenshots.TakeAsync(page, "audit-log");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots.Folder, "audit-log-full.png"), FullPage = true });
        ShouldBeReadable(await page.Locator("table").InnerTextAsync());

        var import = page.GetByTestId("audit-row").Filter(new() { HasText = "新增计划" });
        (await import.GetByTestId("audit-summary").InnerTextAsync()).ShouldContain("项任务");
        await import.GetByTestId("change-set-link").ClickAsync();
        await page.GetByTestId("audit-entry").First.WaitForAsync();
        await Screenshots.TakeAsync(page, "audit-change-set");
        var kpi = page.Locator("details").Filter(new() { Has = page.Locator("summary", new() { HasText = "新增指标 城管执法机关法制审核人员" }) });
        await kpi.Locator("summary").ClickAsync();
        (await kpi.InnerTextAsync()).ShouldContain("两数之比");
        await kpi.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(Screenshots.Folder, "audit-change-set-kpi.png") });
        ShouldBeReadable(await page.Locator("main").InnerTextAsync());
        session.Problems.ShouldBeEmpty();
    }

    private static void ShouldBeReadable(string text)
    {
        Guid().IsMatch(text).ShouldBeFalse(text);
        CSharpName().Matches(text).Select(m => m.Value).ShouldBeEmpty();
    }

    [GeneratedRegex(@"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex Guid();

    /// <summary>Field and value names the old history showed as they are in C#.</summary>
    [GeneratedRegex(@"\b(Kind|Ratio|Percentage|Comparator|AtLeast|SourceSentence|Unit|Status|NotStarted|InProgress|PercentComplete|PlanTask|UserRole|LeadSectionId)\b")]
    private static partial Regex CSharpName();
}

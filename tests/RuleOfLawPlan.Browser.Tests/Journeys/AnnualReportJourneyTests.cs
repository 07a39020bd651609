using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Data.Demo;

namespace RuleOfLawPlan.Browser.Tests.Journeys;

/// <summary>
/// Issue 10's done-when: with the demo year, the office drafts the 2023 report, edits part 二 and sends it; the leader
/// returns it with a comment; the office fixes and resends; the leader approves; the office confirms the 保密审查 and the
/// publication, and downloads the .docx.
/// </summary>
public sealed class AnnualReportJourneyTests(ChromiumFixture chromium, BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_2023_report_goes_from_draft_to_published_in_the_browser_and_downloads_as_word()
    {
        int planId;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlanDb>();
            await DemoYear.EnsureAsync(db, Ct);
            planId = await db.Plans.Where(p => p.Year == DemoYear.Year).Select(p => p.Id).SingleAsync(Ct);
        }
        await using var office = await BrowserSession.OpenAsync(chromium, app.BaseAddress);
        await using var leader = await BrowserSession.OpenAsync(chromium, app.BaseAddress);
        var page = office.Page;
        await page.SetViewportSizeAsync(1280, 900);
        await SignIn.AsAsync(page, "office");
        await SignIn.AsAsync(leader.Page, "leader");

        await page.GotoAsync($"/plans/{planId}");
        await page.GetByTestId("report-link").ClickAsync();
        await page.GetByTestId("draft-link").ClickAsync();
        await page.GetByTestId("start-draft").ClickAsync();
        (await page.GetByTestId("report-status").InnerTextAsync()).ShouldBe("草稿");
        (await page.Locator("[data-part='1'] [data-testid=part-text]").InnerTextAsync()).ShouldContain("达标");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots.Folder, "report-page.png"), FullPage = true });

        await page.Locator("[data-part='2'] [data-testid=edit-part]").ClickAsync();
        var editor = page.GetByTestId("part-editor");
        await editor.FillAsync(await editor.InputValueAsync() + "\n（四）执法人员培训不足\n部分执法人员对新修订的《行政处罚法》掌握不够。");
        await page.GetByTestId("save-part").ClickAsync();
        await page.GetByTestId("send-link").ClickAsync();
        await page.GetByTestId("submit-report").ClickAsync();
        (await page.GetByTestId("report-status").InnerTextAsync()).ShouldBe("送审");

        var lead = leader.Page;
        await lead.GotoAsync($"/plans/{planId}/report");
        await lead.GetByTestId("decide-link").ClickAsync();
        await lead.GetByTestId("decision-comment").FillAsync("第二部分请补充原因分析");
        await lead.GetByTestId("return").ClickAsync();
        (await lead.GetByTestId("report-status").InnerTextAsync()).ShouldBe("草稿");

        await page.ReloadAsync();
        (await page.GetByTestId("return-comment").InnerTextAsync()).ShouldContain("第二部分请补充原因分析");
        await page.Locator("[data-part='2'] [data-testid=edit-part]").ClickAsync();
        await editor.FillAsync(await editor.InputValueAsync() + "\n原因是培训计划安排不足，考核不够严格。");
        await page.GetByTestId("save-part").ClickAsync();
        await page.GetByTestId("send-link").ClickAsync();
        await page.GetByTestId("submit-report").ClickAsync();

        await lead.GotoAsync($"/plans/{planId}/report");
        await lead.GetByTestId("decide-link").ClickAsync();
        await lead.GetByTestId("approve").ClickAsync();
        (await lead.GetByTestId("report-status").InnerTextAsync()).ShouldBe("领导审定");

        await page.ReloadAsync();
        await page.GetByTestId("send-link").ClickAsync();
        await page.GetByTestId("confirm-secrecy").ClickAsync();
        (await page.GetByTestId("secrecy-review").InnerTextAsync()).ShouldContain("保密审查");
        await page.GetByTestId("send-link").ClickAsync();
        await page.GetByTestId("published-on").FillAsync("2024-03-20");
        await page.GetByTestId("channel").FillAsync("本局门户网站");
        await page.GetByTestId("publish").ClickAsync();
        (await page.GetByTestId("report-status").InnerTextAsync()).ShouldBe("已公开");
        (await page.GetByTestId("report-step").CountAsync()).ShouldBe(7, "drafted, sent, returned, sent, approved, cleared, published");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("docx-link").ClickAsync());
        download.SuggestedFilename.ShouldBe("日喀则市城市管理和综合执法局2023年度法治政府建设工作情况报告.docx");
        var path = Path.Combine(Screenshots.Folder, "report-2023.docx");
        await download.SaveAsAsync(path);
        using (var word = WordprocessingDocument.Open(path, false))
        {
            var text = word.MainDocumentPart!.Document.Body!.InnerText;
            text.ShouldContain("一、主要举措和成效");
            text.ShouldContain("原因是培训计划安排不足");
        }

        await page.GetByTestId("print-link").ClickAsync();
        await page.SetViewportSizeAsync(900, 1200);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots.Folder, "report-print.png") });
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        (await page.Locator(".print-toolbar").IsVisibleAsync()).ShouldBeFalse("the toolbar does not print");
    }
}

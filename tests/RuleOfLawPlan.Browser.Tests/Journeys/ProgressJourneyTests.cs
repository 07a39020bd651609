using Microsoft.Playwright;

namespace RuleOfLawPlan.Browser.Tests.Journeys;

/// <summary>
/// Issue 8's journey in one go: a section head reports with a PDF and a photo, the office returns it, the head sees that
/// first on 我的任务 and corrects it, the office accepts the correction, and the task shows the new figure, the history
/// and both files, which download intact. The class's database is its own, so the task is touched by nothing else.
/// </summary>
public sealed class ProgressJourneyTests(ChromiumFixture chromium, BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    private const string TaskTitle = "完善涉企行政执法机制";
    private const string Reported = "完成涉企执法检查计划备案，附检查计划和现场照片。";
    private const string Corrected = "完成涉企执法检查计划备案及首轮检查，附检查计划和现场照片。";

    [Fact]
    public async Task A_report_with_files_is_returned_corrected_accepted_and_the_task_shows_it_all()
    {
        var pdf = EvidenceSamples.Pdf("Inspection plan 2023");
        var photo = EvidenceSamples.Png(240, 160);
        string taskUrl;

        await using (var head = await BrowserSession.OpenAsync(chromium, app.BaseAddress))
        {
            var page = head.Page;
            await SignIn.AsAsync(page, "section");
            page.Url.ShouldEndWith("/my");
            await page.GetByTestId("my-task").Filter(new() { HasText = TaskTitle }).GetByTestId("task-link").ClickAsync();
            taskUrl = page.Url;
            await page.GetByTestId("report-progress").ClickAsync();
            await page.GetByLabel("完成进度（%）").FillAsync("50");
            await page.GetByLabel("截至日期").FillAsync("2023-06-28");
            await page.GetByLabel("工作进展").FillAsync(Reported);
            await page.GetByLabel("佐证材料").SetInputFilesAsync(
            [
                new FilePayload { Name = "涉企检查计划.pdf", MimeType = "application/pdf", Buffer = pdf },
                new FilePayload { Name = "检查现场.png", MimeType = "image/png", Buffer = photo },
            ]);
            await page.GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();
            await page.GetByTestId("ledger-row").First.WaitForAsync();
            (await page.GetByTestId("ledger-row").First.InnerTextAsync()).ShouldContain("待审核");
            head.Problems.ShouldBeEmpty();
        }

        await ReviewAsync(Reported, pending => pending.Locator("textarea[name='Form.Comment']").FillAsync("请补充首轮检查的户数。"), "return", "已退回");

        await using (var head = await BrowserSession.OpenAsync(chromium, app.BaseAddress))
        {
            var page = head.Page;
            await SignIn.AsAsync(page, "section");
            var first = page.GetByTestId("my-task").First;
            (await first.InnerTextAsync()).ShouldContain(TaskTitle, customMessage: "the returned update comes first on 我的任务");
            (await first.GetByTestId("returned").IsVisibleAsync()).ShouldBeTrue();
            await Screenshots.TakeAsync(page, "journey-my-tasks-returned");
            await first.GetByTestId("task-link").ClickAsync();
            (await page.GetByTestId("ledger-return-comment").InnerTextAsync()).ShouldContain("请补充首轮检查的户数。");
            await page.GetByTestId("correct").First.ClickAsync();
            (await page.GetByLabel("工作进展").InputValueAsync()).ShouldBe(Reported);
            await page.GetByLabel("完成进度（%）").FillAsync("60");
            await page.GetByLabel("工作进展").FillAsync(Corrected);
            await page.GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();
            await page.GetByTestId("ledger-corrects").WaitForAsync();
            head.Problems.ShouldBeEmpty();
        }

        await ReviewAsync(Corrected, _ => Task.CompletedTask, "accept", "已采纳");

        await using var viewer = await BrowserSession.OpenAsync(chromium, app.BaseAddress);
        var task = viewer.Page;
        await SignIn.AsAsync(task, "section");
        await task.GotoAsync(taskUrl);
        (await task.GetByTestId("task-percent").InnerTextAsync()).Trim().ShouldBe("60%");
        var rows = task.GetByTestId("ledger-row");
        (await rows.CountAsync()).ShouldBe(2, "the correction and the update it corrects both stay in the history");
        var correction = rows.Filter(new() { HasText = Corrected });
        (await correction.GetByTestId("ledger-review").InnerTextAsync()).ShouldContain("已采纳");
        var original = rows.Filter(new() { HasText = Reported });
        (await original.GetByTestId("ledger-review").InnerTextAsync()).ShouldContain("已退回");
        (await original.GetByTestId("ledger-superseded").IsVisibleAsync()).ShouldBeTrue();
        (await task.GetByTestId("evidence-link").AllInnerTextsAsync()).ShouldBe(["涉企检查计划.pdf", "检查现场.png"]);
        await task.GetByTestId("ledger").ScrollIntoViewIfNeededAsync();
        await task.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots.Folder, "journey-task-accepted.png"), FullPage = true });

        foreach (var (name, content) in new[] { ("涉企检查计划.pdf", pdf), ("检查现场.png", photo) })
        {
            var download = await task.RunAndWaitForDownloadAsync(() => task.GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync());
            download.SuggestedFilename.ShouldBe(name);
            (await File.ReadAllBytesAsync(await download.PathAsync(), TestContext.Current.CancellationToken)).ShouldBe(content);
        }
        viewer.Problems.ShouldBeEmpty();
    }

    /// <summary>The office opens 审核进展, finds the update by its text, prepares the decision and presses accept or return.</summary>
    private async Task ReviewAsync(string summary, Func<ILocator, Task> prepare, string button, string done)
    {
        await using var office = await BrowserSession.OpenAsync(chromium, app.BaseAddress);
        var page = office.Page;
        await SignIn.AsAsync(page, "office");
        await page.GetByTestId("nav-review").ClickAsync();
        var pending = page.GetByTestId("pending-update").Filter(new() { HasText = summary });
        await prepare(pending);
        await pending.GetByTestId(button).ClickAsync();
        (await page.GetByTestId("status-message").InnerTextAsync()).ShouldContain(done);
        office.Problems.ShouldBeEmpty();
    }
}

using Microsoft.Playwright;

namespace RuleOfLawPlan.Browser.Tests.Journeys;

/// <summary>佐证材料 in the browser: chosen in the progress form, listed on the task page, downloaded intact.</summary>
public sealed class EvidenceTests(ChromiumFixture chromium, BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    [Fact]
    public async Task A_section_head_reports_with_a_pdf_and_a_photo_and_both_download_intact()
    {
        await using var session = await BrowserSession.OpenAsync(chromium, app.BaseAddress);
        var page = session.Page;
        await SignIn.AsAsync(page, "section");
        await SignIn.ToPlanAsync(page);
        var pdf = EvidenceSamples.Pdf("Case review, June 2023");
        var photo = EvidenceSamples.Png(320, 200);

        await page.GetByRole(AriaRole.Link, new() { Name = "完善涉企行政执法机制" }).ClickAsync();
        await page.GetByTestId("report-progress").ClickAsync();
        await page.GetByLabel("完成进度（%）").FillAsync("30");
        await page.GetByLabel("截至日期").FillAsync("2023-06-28");
        await page.GetByLabel("工作进展").FillAsync("完成涉企执法案卷评查，附评查报告和现场照片。");
        await page.GetByLabel("佐证材料").SetInputFilesAsync(
        [
            new FilePayload { Name = "案卷评查报告.pdf", MimeType = "application/pdf", Buffer = pdf },
            new FilePayload { Name = "现场照片.png", MimeType = "image/png", Buffer = photo },
        ]);
        await page.GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();

        var links = page.GetByTestId("evidence-link");
        await links.First.WaitForAsync();
        (await links.AllInnerTextsAsync()).ShouldBe(["案卷评查报告.pdf", "现场照片.png"]);
        await Screenshots.TakeAsync(page, "task-with-evidence");

        foreach (var (name, content) in new[] { ("案卷评查报告.pdf", pdf), ("现场照片.png", photo) })
        {
            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync());
            download.SuggestedFilename.ShouldBe(name);
            (await File.ReadAllBytesAsync(await download.PathAsync(), TestContext.Current.CancellationToken)).ShouldBe(content);
        }
        session.Problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_program_renamed_pdf_is_refused_in_chinese_and_the_form_keeps_what_was_typed()
    {
        await using var session = await BrowserSession.OpenAsync(chromium, app.BaseAddress);
        var page = session.Page;
        await SignIn.AsAsync(page, "section");
        await SignIn.ToPlanAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "持续推进行政执法三项制度" }).ClickAsync();
        var taskUrl = page.Url;
        await page.GetByTestId("report-progress").ClickAsync();

        await page.GetByLabel("完成进度（%）").FillAsync("50");
        await page.GetByLabel("工作进展").FillAsync("附整改报告");
        await page.GetByLabel("佐证材料").SetInputFilesAsync(
            new FilePayload { Name = "整改报告.pdf", MimeType = "application/pdf", Buffer = EvidenceSamples.Exe() });
        await page.GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();

        (await page.GetByTestId("evidence-error").InnerTextAsync()).ShouldContain("“整改报告.pdf”的内容与文件类型不符，请上传真实的PDF文件");
        (await page.GetByLabel("工作进展").InputValueAsync()).ShouldBe("附整改报告");
        await Screenshots.TakeAsync(page, "progress-evidence-refused");
        await page.GotoAsync(taskUrl);
        (await page.GetByTestId("evidence-link").CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task An_empty_file_is_named_before_anything_is_sent()
    {
        await using var session = await BrowserSession.OpenAsync(chromium, app.BaseAddress);
        var page = session.Page;
        await SignIn.AsAsync(page, "section");
        await SignIn.ToPlanAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "持续推进行政执法三项制度" }).ClickAsync();
        await page.GetByTestId("report-progress").ClickAsync();
        var formUrl = page.Url;
        var posts = 0;
        page.Request += (_, request) => posts += request.Method == "POST" ? 1 : 0;

        await page.GetByLabel("工作进展").FillAsync("附空白文件");
        await page.GetByLabel("佐证材料").SetInputFilesAsync(new FilePayload { Name = "空白.pdf", MimeType = "application/pdf", Buffer = [] });
        (await page.GetByTestId("evidence-client-error").InnerTextAsync()).ShouldBe("“空白.pdf”是空文件，请选择有内容的文件");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();

        posts.ShouldBe(0);
        page.Url.ShouldBe(formUrl);
        session.Problems.ShouldBeEmpty();
    }
}

using Microsoft.Playwright;

namespace RuleOfLawPlan.Browser.Tests.Journeys;

/// <summary>
/// 领导履职台账 in the browser: the office records a meeting with its minutes, and it shows in the register; the office
/// removes one file of an entry. The tests share the class's database, so each finds its own entry by its title.
/// </summary>
public sealed class LeadershipRegisterTests(ChromiumFixture chromium, BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    [Fact]
    public async Task The_office_records_a_meeting_with_its_minutes_and_finds_it_in_the_register_counted_and_downloadable()
    {
        await using var session = await BrowserSession.OpenAsync(chromium, app.BaseAddress);
        var page = session.Page;
        await SignIn.AsAsync(page, "office");
        var minutes = EvidenceSamples.Pdf("Party group meeting, May 2023");

        await page.GetByTestId("nav-activities").ClickAsync();
        await page.GetByTestId("add-activity").ClickAsync();
        await page.GetByLabel("活动类型").SelectOptionAsync(new SelectOptionValue { Label = "党组会议" });
        await page.GetByLabel("活动日期").FillAsync("2023-05-09");
        await page.GetByLabel("活动名称").FillAsync("局党组会议专题听取法治政府建设工作汇报");
        await page.GetByLabel("主持人").FillAsync("局党组书记、局长");
        await page.GetByLabel("主要内容").FillAsync("听取政策法规办关于计划执行情况的汇报，研究部署立法和执法规范化工作。");
        await page.GetByLabel("加强党的领导").CheckAsync();
        await page.GetByLabel("佐证材料").SetInputFilesAsync(
            new FilePayload { Name = "党组会议纪要.pdf", MimeType = "application/pdf", Buffer = minutes });
        await Screenshots.TakeAsync(page, "activity-form");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();

        var row = page.GetByTestId("activity").Filter(new() { HasText = "局党组会议专题听取法治政府建设工作汇报" });
        await row.WaitForAsync();
        (await page.GetByTestId("status-message").InnerTextAsync()).ShouldContain("已登记");
        (await row.GetByTestId("activity-title").InnerTextAsync()).ShouldBe("局党组会议专题听取法治政府建设工作汇报");
        (await row.GetByTestId("activity-tasks").InnerTextAsync()).ShouldContain("加强党的领导");
        (await page.Locator("[data-testid=kind-count][data-kind=PartyGroupMeeting] [data-testid=count]").InnerTextAsync()).ShouldBe("1");
        await Screenshots.TakeAsync(page, "activity-register");

        var download = await page.RunAndWaitForDownloadAsync(() => row.GetByRole(AriaRole.Link, new() { Name = "党组会议纪要.pdf" }).ClickAsync());
        download.SuggestedFilename.ShouldBe("党组会议纪要.pdf");
        (await File.ReadAllBytesAsync(await download.PathAsync(), TestContext.Current.CancellationToken)).ShouldBe(minutes);
        session.Problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_office_removes_one_file_of_an_entry_and_only_that_file_is_gone_its_download_too()
    {
        await using var session = await BrowserSession.OpenAsync(chromium, app.BaseAddress);
        var page = session.Page;
        await SignIn.AsAsync(page, "office");
        const string title = "局理论学习中心组专题学习行政复议法";
        await page.GetByTestId("nav-activities").ClickAsync();
        await page.GetByTestId("add-activity").ClickAsync();
        await page.GetByLabel("活动类型").SelectOptionAsync(new SelectOptionValue { Label = "理论学习中心组学法" });
        await page.GetByLabel("活动日期").FillAsync("2023-06-20");
        await page.GetByLabel("活动名称").FillAsync(title);
        await page.GetByLabel("主持人").FillAsync("局党组书记、局长");
        await page.GetByLabel("主要内容").FillAsync("集中学习新修订的行政复议法。");
        await page.GetByLabel("佐证材料").SetInputFilesAsync(
        [
            new FilePayload { Name = "学法签到表.pdf", MimeType = "application/pdf", Buffer = EvidenceSamples.Pdf("Sign-in sheet") },
            new FilePayload { Name = "学法现场照片.png", MimeType = "image/png", Buffer = EvidenceSamples.Png(40, 30) },
        ]);
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        var row = page.GetByTestId("activity").Filter(new() { HasText = title });
        var sheet = row.GetByTestId("activity-files").Locator("li").Filter(new() { HasText = "学法签到表.pdf" });
        var download = await sheet.GetByTestId("activity-file").GetAttributeAsync("href");

        await sheet.GetByTestId("remove-file").ClickAsync();
        (await page.GetByTestId("remove-file-summary").InnerTextAsync()).ShouldContain("学法签到表.pdf");
        await Screenshots.TakeAsync(page, "activity-remove-file");
        await page.GetByTestId("confirm-remove-file").ClickAsync();

        (await page.GetByTestId("status-message").InnerTextAsync()).ShouldContain("已删除文件“学法签到表.pdf”");
        (await row.GetByTestId("activity-file").AllInnerTextsAsync()).ShouldBe(["学法现场照片.png"]);
        await Screenshots.TakeAsync(page, "activity-file-removed");
        (await page.APIRequest.GetAsync(download!)).Status.ShouldBe(404);
        session.Problems.ShouldBeEmpty();
    }
}

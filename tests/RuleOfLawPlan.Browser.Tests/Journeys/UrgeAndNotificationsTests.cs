using Microsoft.Playwright;

namespace RuleOfLawPlan.Browser.Tests.Journeys;

public sealed class UrgeAndNotificationsTests(ChromiumFixture chromium, BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    [Fact]
    public async Task The_office_urges_a_task_and_the_section_head_sees_it_under_the_bell_and_marks_it_read()
    {
        await using (var office = await BrowserSession.OpenAsync(chromium, app.BaseAddress))
        {
            var page = office.Page;
            await SignIn.AsAsync(page, "office");
            await page.GetByRole(AriaRole.Link, new() { Name = "持续推进行政执法三项制度" }).ClickAsync();
            await page.GetByTestId("urge-task").ClickAsync();
            await page.GetByLabel("催办事项").FillAsync("请于本周五前报送6月份案卷评查进展。");
            await page.GetByRole(AriaRole.Button, new() { Name = "催办" }).ClickAsync();

            (await page.GetByTestId("status-message").InnerTextAsync()).ShouldContain("位科室负责人将收到提醒");
            await Screenshots.TakeAsync(page, "urge-sent");
            office.Problems.ShouldBeEmpty();
        }

        await using var head = await BrowserSession.OpenAsync(chromium, app.BaseAddress);
        var headPage = head.Page;
        await SignIn.AsAsync(headPage, "section");
        (await headPage.GetByTestId("unread-count").InnerTextAsync()).Trim().ShouldBe("1");
        await Screenshots.TakeAsync(headPage, "header-bell");

        await headPage.GetByTestId("notification-bell").ClickAsync();
        (await headPage.GetByTestId("notification-text").InnerTextAsync()).ShouldBe("请于本周五前报送6月份案卷评查进展。");
        await Screenshots.TakeAsync(headPage, "notifications");
        await headPage.SetViewportSizeAsync(390, 844);
        await Screenshots.TakeAsync(headPage, "notifications-phone");
        await headPage.SetViewportSizeAsync(1280, 900);

        await headPage.GetByTestId("read-one").ClickAsync();
        await headPage.GetByTestId("notification").First.WaitForAsync();
        (await headPage.GetByTestId("unread-count").CountAsync()).ShouldBe(0);
        (await headPage.GetByTestId("read-one").CountAsync()).ShouldBe(0);

        await headPage.GetByTestId("notification-task").ClickAsync();
        (await headPage.GetByTestId("task-title").InnerTextAsync()).ShouldBe("持续推进行政执法三项制度");
        head.Problems.ShouldBeEmpty();
    }
}

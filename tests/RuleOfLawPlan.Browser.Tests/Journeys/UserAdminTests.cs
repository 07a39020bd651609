using Microsoft.Playwright;

namespace RuleOfLawPlan.Browser.Tests.Journeys;

/// <summary>The pages about one account (基本信息, 重置密码, 账号状态), as an administrator uses them: a class and database of its own.</summary>
public sealed class UserAdminTests(ChromiumFixture chromium, BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    [Fact]
    public async Task An_administrator_gets_a_locked_out_user_back_in_with_a_new_password_then_disables_the_account()
    {
        await using (var locked = await BrowserSession.OpenAsync(chromium, app.BaseAddress))
        {
            for (var attempt = 1; attempt <= 5; attempt++)
                await SignIn.SubmitAsync(locked.Page, "section2", $"Wrong@{attempt}");
        }
        await using var session = await BrowserSession.OpenAsync(chromium, app.BaseAddress);
        var page = session.Page;
        await SignIn.AsAsync(page, "admin");

        await page.GotoAsync("/admin/users");
        await page.Locator("[data-user-name=section2]").GetByRole(AriaRole.Link, new() { Name = "编辑" }).ClickAsync();
        (await page.GetByTestId("user-status").InnerTextAsync()).ShouldBe("已锁定");
        await page.GetByRole(AriaRole.Link, new() { Name = "重置密码" }).ClickAsync();
        await page.GetByLabel("新密码", new() { Exact = true }).FillAsync("Again2024x");
        await page.GetByLabel("确认新密码").FillAsync("Again2024x");
        await page.GetByRole(AriaRole.Button, new() { Name = "重置密码" }).ClickAsync();

        (await page.GetByTestId("status-message").InnerTextAsync()).ShouldContain("密码已重置，账号已解锁");
        (await page.GetByTestId("user-status").InnerTextAsync()).ShouldBe("正常");
        await Screenshots.TakeAsync(page, "user-after-password-reset");

        await page.GetByRole(AriaRole.Link, new() { Name = "账号状态" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "停用账号" }).ClickAsync();

        (await page.GetByTestId("status-message").InnerTextAsync()).ShouldBe("账号已停用");
        (await page.GetByTestId("user-status").InnerTextAsync()).ShouldBe("已停用");
        (await page.GetByRole(AriaRole.Button, new() { Name = "启用账号" }).CountAsync()).ShouldBe(1);
        await Screenshots.TakeAsync(page, "user-status-disabled");
        session.Problems.ShouldBeEmpty();
    }
}

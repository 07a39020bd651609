namespace RuleOfLawPlan.Browser.Tests.Journeys;

/// <summary>Throttles an account: a class, and so a database, of its own.</summary>
public sealed class LockoutTests(ChromiumFixture chromium, BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    [Fact]
    public async Task After_five_wrong_passwords_the_login_page_asks_to_wait_even_for_the_right_one()
    {
        await using var session = await BrowserSession.OpenAsync(chromium, app.BaseAddress);
        var page = session.Page;

        for (var attempt = 1; attempt <= 5; attempt++)
            await SignIn.SubmitAsync(page, "section2", $"Wrong@{attempt}");
        (await page.GetByTestId("login-error").InnerTextAsync()).Trim().ShouldBe("用户名或密码错误");
        await SignIn.SubmitAsync(page, "section2", RuleOfLawPlan.Web.Data.SampleData.DemoPassword);

        (await page.GetByTestId("login-error").InnerTextAsync()).Trim().ShouldMatch("^登录失败次数过多，请[0-9]+秒后再试；如忘记密码，请联系系统管理员$");
        page.Url.ShouldContain("/account/login");
        (await page.GetByLabel("用户名").InputValueAsync()).ShouldBe("section2");
        // The page answers 429 on purpose (with Retry-After); Chromium reports any such status on the console.
        session.Problems.ShouldHaveSingleItem().ShouldEndWith("console error: Failed to load resource: the server responded with a status of 429 (Too Many Requests)");
    }
}

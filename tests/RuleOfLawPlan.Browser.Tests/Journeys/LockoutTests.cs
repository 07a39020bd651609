namespace RuleOfLawPlan.Browser.Tests.Journeys;

/// <summary>Locks an account: a class, and so a database, of its own.</summary>
public sealed class LockoutTests(ChromiumFixture chromium, BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        await using var session = await BrowserSession.OpenAsync(chromium, app.BaseAddress);
        var page = session.Page;

        for (var attempt = 1; attempt <= 5; attempt++)
            await SignIn.SubmitAsync(page, "section2", $"Wrong@{attempt}");
        await SignIn.SubmitAsync(page, "section2", RuleOfLawPlan.Web.Data.SampleData.DemoPassword);

        (await page.GetByTestId("login-error").InnerTextAsync()).ShouldStartWith("登录失败次数过多，账号已锁定");
        page.Url.ShouldContain("/account/login");
        session.Problems.ShouldBeEmpty();
    }
}

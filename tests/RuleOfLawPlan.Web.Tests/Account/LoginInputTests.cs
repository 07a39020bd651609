using System.Net;
using RuleOfLawPlan.Web.Data;

namespace RuleOfLawPlan.Web.Tests.Account;

/// <summary>Issue 6, items 8 and 13 on the login page: odd input gets a Chinese answer or is taken sensibly, never a 500.</summary>
public sealed class LoginInputTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_return_address_with_chinese_characters_signs_in_and_returns_there_percent_encoded()
    {
        var client = app.CreateClient();

        var response = await client.PostFormAsync("/account/login?ReturnUrl=" + Uri.EscapeDataString("/plans/1?q=中文"),
            SignInFixture.Login("viewer", SampleData.DemoPassword));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/plans/1?q=%E4%B8%AD%E6%96%87");
        (await client.GetAsync("/account/password", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    public async Task A_return_address_elsewhere_goes_home_instead(string returnUrl)
    {
        var response = await app.CreateClient().PostFormAsync("/account/login?ReturnUrl=" + Uri.EscapeDataString(returnUrl),
            SignInFixture.Login("viewer", SampleData.DemoPassword));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/");
    }

    [Theory]
    [InlineData("yes", false)]
    [InlineData("true", true)]
    public async Task Keep_me_signed_in_with_an_odd_value_signs_in_for_the_browser_session(string value, bool persistent)
    {
        var response = await app.CreateClient().PostFormAsync("/account/login", new Dictionary<string, string>(SignInFixture.Login("viewer", SampleData.DemoPassword))
        {
            ["Form.RememberMe"] = value,
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("rolp.auth=", StringComparison.Ordinal));
        cookie.Contains("expires=", StringComparison.OrdinalIgnoreCase).ShouldBe(persistent);
    }

    [Fact]
    public async Task Overlong_input_is_refused_with_chinese_messages()
    {
        var response = await app.CreateClient().PostFormAsync("/account/login", SignInFixture.Login(new string('a', 101), new string('b', 201)));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.HtmlAsync();
        page.QuerySelector("[data-valmsg-for='Form.UserName']")!.TextContent.ShouldBe("用户名不能超过100个字符");
        page.QuerySelector("[data-valmsg-for='Form.Password']")!.TextContent.ShouldBe("密码不能超过200个字符");
    }
}

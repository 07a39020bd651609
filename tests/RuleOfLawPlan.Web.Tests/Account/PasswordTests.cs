using System.Net;
using RuleOfLawPlan.Web.Data;

namespace RuleOfLawPlan.Web.Tests.Account;

public sealed class PasswordTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static Dictionary<string, string> Form(string current, string next, string confirm) => new()
    {
        ["Form.CurrentPassword"] = current,
        ["Form.NewPassword"] = next,
        ["Form.ConfirmPassword"] = confirm,
    };

    [Fact]
    public async Task A_user_changes_their_password_and_signs_in_with_the_new_one()
    {
        var client = await app.SignInAsAsync("viewer");

        var response = await client.PostFormAsync("/account/password", Form("Plan@2023", "NewPass2024", "NewPass2024"));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await (await client.GetAsync("/account/password", TestContext.Current.CancellationToken)).HtmlAsync();
        page.QuerySelector("[data-testid=status-message]")!.TextContent.ShouldBe("密码已修改");
        // The refreshed cookie still works.
        (await client.GetAsync("/admin/users", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await app.SignInAsAsync("viewer", "NewPass2024");
        await Should.ThrowAsync<InvalidOperationException>(() => app.SignInAsAsync("viewer"));
    }

    [Fact]
    public async Task A_wrong_current_password_is_refused_in_chinese_and_changes_nothing()
    {
        var client = await app.SignInAsAsync("leader");

        var response = await client.PostFormAsync("/account/password", Form("Wrong1234", "NewPass2024", "NewPass2024"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("当前密码不正确");
        await app.SignInAsAsync("leader");
    }

    [Fact]
    public async Task Guessing_the_current_password_is_throttled_like_signing_in()
    {
        var client = await app.SignInAsAsync("section2");
        for (var i = 0; i < 5; i++)
            (await client.PostFormAsync("/account/password", Form($"Guess{i}abc", "NewPass2024", "NewPass2024"))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var refused = await client.PostFormAsync("/account/password", Form(SampleData.DemoPassword, "NewPass2024", "NewPass2024"));

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ShouldBeInRange(1, 30);
        (await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("密码错误次数过多，请");
        // The same account from the same address is held back on the login page too; the password is unchanged.
        (await app.CreateClient().PostFormAsync("/account/login", new Dictionary<string, string>
        {
            ["Form.UserName"] = "section2",
            ["Form.Password"] = SampleData.DemoPassword,
        })).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await Sql.Scalar<long>(app.ConnectionString, "SELECT count(*) FROM sign_in_attempts WHERE user_name = 'SECTION2' AND reason = 'WrongCurrentPassword'"))
            .ShouldBe(5);
    }

    [Theory]
    [InlineData("short1A", "密码至少需要8个字符")]
    [InlineData("alllowercase1", "密码必须包含至少一个大写字母")]
    [InlineData("NoDigitsHere", "密码必须包含至少一个数字")]
    public async Task A_new_password_against_the_policy_gets_identitys_chinese_message(string weak, string message)
    {
        var client = await app.SignInAsAsync("office");

        var response = await client.PostFormAsync("/account/password", Form("Plan@2023", weak, weak));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain(message);
        await app.SignInAsAsync("office");
    }

    [Fact]
    public async Task A_confirmation_that_differs_is_refused()
    {
        var client = await app.SignInAsAsync("section");

        var response = await client.PostFormAsync("/account/password", Form("Plan@2023", "NewPass2024", "NewPass2025"));

        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("两次输入的新密码不一致");
        await app.SignInAsAsync("section");
    }

    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_the_login_page()
    {
        var response = await app.CreateClient().GetAsync("/account/password", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.AbsolutePath.ShouldBe("/account/login");
    }
}

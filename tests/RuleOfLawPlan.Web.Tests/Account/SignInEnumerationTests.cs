using System.Net;
using RuleOfLawPlan.Web.Data;

namespace RuleOfLawPlan.Web.Tests.Account;

/// <summary>
/// Issue 6, item 10: without the right password, an unknown name, a disabled account and a wrong password get the
/// same answer and the same work (one password-hash verification, which is what made a wrong password take ~60 ms
/// and an unknown name 2 ms); a throttled name gets the same answer whether or not it is an account.
/// </summary>
public sealed class SignInEnumerationTests(SignInFixture app) : IClassFixture<SignInFixture>
{
    [Theory]
    [InlineData("no-such-user", "198.51.100.40")]
    [InlineData("disabled-user", "198.51.100.41")]
    [InlineData("viewer", "198.51.100.42")]
    public async Task Without_the_right_password_every_name_gets_the_same_answer_after_one_hash_verification(string userName, string address)
    {
        await DisableCopyOfViewerAsync();
        var verifiedBefore = app.Verifications.Count;

        var response = await app.ClientFrom(address).PostFormAsync("/account/login", SignInFixture.Login(userName, "Wrong1234"));

        (app.Verifications.Count - verifiedBefore).ShouldBe(1);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.HtmlAsync()).QuerySelector("[data-testid=login-error]")!.TextContent.Trim().ShouldBe("用户名或密码错误");
    }

    [Fact]
    public async Task A_throttled_name_gets_the_same_answer_whether_or_not_the_account_exists()
    {
        var answers = new List<string>();
        foreach (var userName in new[] { "section", "nobody-at-all" })
        {
            var client = app.ClientFrom("198.51.100.43");
            for (var i = 0; i < 5; i++)
                await client.PostFormAsync("/account/login", SignInFixture.Login(userName, "Wrong1234"));
            var response = await client.PostFormAsync("/account/login", SignInFixture.Login(userName, "Wrong1234"));
            response.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
            answers.Add((await response.HtmlAsync()).QuerySelector("[data-testid=login-error]")!.TextContent.Trim());
        }

        answers[0].ShouldBe("登录失败次数过多，请30秒后再试；如忘记密码，请联系系统管理员");
        answers[1].ShouldBe(answers[0]);
    }

    [Fact]
    public async Task Only_the_right_password_learns_that_an_account_is_disabled()
    {
        await DisableCopyOfViewerAsync();

        var response = await app.ClientFrom("198.51.100.44").PostFormAsync("/account/login", SignInFixture.Login("disabled-user", SampleData.DemoPassword));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.HtmlAsync()).QuerySelector("[data-testid=login-error]")!.TextContent.Trim().ShouldBe("该账号已停用，请联系系统管理员");
        (response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : []).ShouldNotContain(c => c.StartsWith("rolp.auth=", StringComparison.Ordinal));
    }

    private Task DisableCopyOfViewerAsync() => Sql.Execute(app.ConnectionString, """
        INSERT INTO asp_net_users (id, user_name, normalized_user_name, email_confirmed, password_hash, security_stamp,
            concurrency_stamp, phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count, display_name, is_disabled)
        SELECT 'disabled-user-id', 'disabled-user', 'DISABLED-USER', false, password_hash, gen_random_uuid()::text,
            gen_random_uuid()::text, false, false, false, 0, '已停用用户', true
        FROM asp_net_users WHERE user_name = 'viewer'
        ON CONFLICT (id) DO NOTHING
        """);
}

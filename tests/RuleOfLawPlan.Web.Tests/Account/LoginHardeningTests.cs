using System.Net;

namespace RuleOfLawPlan.Web.Tests.Account;

public sealed class LoginHardeningTests(AppFixture app, PostgresClusterFixture cluster) : IClassFixture<AppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Dictionary<string, string> Login(string userName, string password) => new()
    {
        ["Form.UserName"] = userName,
        ["Form.Password"] = password,
    };

    [Fact]
    public async Task A_disabled_account_is_refused_with_its_message()
    {
        await Sql.Execute(app.ConnectionString, "UPDATE asp_net_users SET is_disabled = true WHERE user_name = 'leader'");

        var response = await app.CreateClient().PostFormAsync("/account/login", Login("leader", "Plan@2023"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("该账号已停用，请联系系统管理员");
        response.Headers.TryGetValues("Set-Cookie", out var cookies);
        (cookies ?? []).ShouldNotContain(c => c.StartsWith("rolp.auth=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sign_out_ends_the_session()
    {
        var client = await app.SignInAsAsync("viewer");

        var response = await client.PostFormAsync("/account/logout", new Dictionary<string, string>());

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/account/login");
        var after = await client.GetAsync("/", Ct);
        after.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        after.Headers.Location!.AbsolutePath.ShouldBe("/account/login");
    }

    [Fact]
    public async Task Sign_out_by_a_plain_link_does_nothing()
    {
        var client = await app.SignInAsAsync("viewer");

        (await client.GetAsync("/account/logout", Ct)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await client.GetAsync("/account/password", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Sign_out_without_a_form_token_is_refused()
    {
        var client = await app.SignInAsAsync("viewer");

        var response = await client.PostFormAsync("/account/logout", new Dictionary<string, string>(), withAntiforgery: false);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.GetAsync("/account/password", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_auth_cookie_is_http_only_and_same_site_lax_in_development()
    {
        var response = await app.CreateClient().PostFormAsync("/account/login", Login("office", "Plan@2023"));

        var cookie = AuthCookie(response);
        cookie.ShouldContain("httponly");
        cookie.ShouldContain("samesite=lax");
    }

    [Fact]
    public async Task Outside_development_the_auth_cookie_is_also_secure()
    {
        await using var production = await ConfiguredApp.StartAsync(cluster, environment: "Production");

        var response = await production.CreateClient().PostFormAsync("/account/login", Login("office", "Plan@2023"));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var cookie = AuthCookie(response);
        cookie.ShouldContain("secure");
        cookie.ShouldContain("httponly");
        cookie.ShouldContain("samesite=lax");
    }

    private static string AuthCookie(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("rolp.auth=", StringComparison.Ordinal)).ToLowerInvariant();
}

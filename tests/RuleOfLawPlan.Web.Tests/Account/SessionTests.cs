using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Security.SignIns;

namespace RuleOfLawPlan.Web.Tests.Account;

/// <summary>
/// Issue 6, item 6: a session ends on the server — a copy of the cookie stops working at its next request after
/// sign-out, a password change or reset, and a disable.
/// </summary>
public sealed class SessionTests(SignInFixture app) : IClassFixture<SignInFixture>
{
    private const string Address = "192.0.2.30";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_copied_cookie_stops_working_after_sign_out()
    {
        var (browser, cookie) = await SignInCopyingCookieAsync("viewer");
        (await GetWithCookieAsync("/account/password", cookie)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await browser.PostFormAsync("/account/logout", new Dictionary<string, string>())).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        await ShouldBeSignedOutAsync(cookie);
    }

    [Fact]
    public async Task A_password_change_ends_the_accounts_other_sessions_and_a_copy_of_this_one_and_keeps_this_browser_signed_in()
    {
        var (browser, cookieBefore) = await SignInCopyingCookieAsync("section2");
        var (otherBrowser, _) = await SignInCopyingCookieAsync("section2");

        var response = await browser.PostFormAsync("/account/password", new Dictionary<string, string>
        {
            ["Form.CurrentPassword"] = SampleData.DemoPassword,
            ["Form.NewPassword"] = "Changed2024",
            ["Form.ConfirmPassword"] = "Changed2024",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await ShouldBeSignedOutAsync(otherBrowser);
        await ShouldBeSignedOutAsync(cookieBefore);
        (await browser.GetAsync("/account/password", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Disabling_an_account_ends_its_sessions_at_their_next_request()
    {
        var (_, cookie) = await SignInCopyingCookieAsync("leader");
        var admin = await app.SignInFromAsync(Address, "admin");

        var response = await admin.PostFormAsync($"/admin/users/{await UserIdAsync("leader")}/status?handler=Disable", new Dictionary<string, string>());

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await ShouldBeSignedOutAsync(cookie);
    }

    [Fact]
    public async Task A_password_reset_by_an_administrator_ends_the_accounts_sessions()
    {
        var (_, cookie) = await SignInCopyingCookieAsync("office");
        var admin = await app.SignInFromAsync(Address, "admin");

        var response = await admin.PostFormAsync($"/admin/users/{await UserIdAsync("office")}/password", new Dictionary<string, string>
        {
            ["Form.Password"] = "Reset2024x",
            ["Form.ConfirmPassword"] = "Reset2024x",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await ShouldBeSignedOutAsync(cookie);
    }

    [Fact]
    public async Task The_cookie_carries_only_a_session_key_and_expired_sessions_are_pruned()
    {
        var (_, cookie) = await SignInCopyingCookieAsync("section");
        cookie.Length.ShouldBeLessThan(400, "a whole ticket with its claims would be over a kilobyte");
        var sessions = await SessionCountAsync("section");
        sessions.ShouldBeGreaterThan(0);

        app.Clock.Advance(TimeSpan.FromHours(9));
        await app.Factory.Services.GetServices<IHostedService>().OfType<SignInHousekeeping>().Single().PruneAsync(Ct);

        (await SessionCountAsync("section")).ShouldBe(0);
        await ShouldBeSignedOutAsync(cookie);
    }

    private async Task<(HttpClient Browser, string Cookie)> SignInCopyingCookieAsync(string userName)
    {
        var browser = app.ClientFrom(Address);
        var response = await browser.PostFormAsync("/account/login", SignInFixture.Login(userName, SampleData.DemoPassword));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("rolp.auth=", StringComparison.Ordinal));
        return (browser, cookie.Split(';')[0]);
    }

    private Task<HttpResponseMessage> GetWithCookieAsync(string url, string cookie)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookie);
        return app.ClientFrom("192.0.2.99").SendAsync(request, Ct);
    }

    private async Task ShouldBeSignedOutAsync(string cookie)
    {
        var response = await GetWithCookieAsync("/account/password", cookie);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.AbsolutePath.ShouldBe("/account/login");
    }

    private static async Task ShouldBeSignedOutAsync(HttpClient browser)
    {
        var response = await browser.GetAsync("/account/password", Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.AbsolutePath.ShouldBe("/account/login");
    }

    private Task<string> UserIdAsync(string userName) =>
        Sql.Scalar<string>(app.ConnectionString, $"SELECT id FROM asp_net_users WHERE user_name = '{userName}'");

    private Task<long> SessionCountAsync(string userName) =>
        Sql.Scalar<long>(app.ConnectionString, $"SELECT count(*) FROM user_sessions s JOIN asp_net_users u ON u.id = s.user_id WHERE u.user_name = '{userName}'");
}

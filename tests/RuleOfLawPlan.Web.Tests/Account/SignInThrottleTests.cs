using System.Net;
using RuleOfLawPlan.Web.Data;

namespace RuleOfLawPlan.Web.Tests.Account;

/// <summary>
/// Issue 6, items 4 and 5: a bureau behind one address all signs in; guessing one account or spraying many from one
/// address is slowed; nobody elsewhere can lock the owner out. Each test uses addresses and accounts of its own.
/// </summary>
public sealed class SignInThrottleTests(SignInFixture app) : IClassFixture<SignInFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Fifty_people_behind_one_address_all_sign_in_within_a_minute_even_when_some_mistype_first()
    {
        var names = await CreateUsersLikeAsync("viewer", "office50_", 50);
        var office = "203.0.113.50";

        var results = new List<HttpStatusCode>();
        foreach (var (name, i) in names.Select((n, i) => (n, i)))
        {
            var client = app.ClientFrom(office);
            // Every fifth person mistypes once and reloads the page a few times first.
            if (i % 5 == 0)
            {
                (await client.PostFormAsync("/account/login", SignInFixture.Login(name, "Wrong1234"))).StatusCode.ShouldBe(HttpStatusCode.OK);
                for (var reload = 0; reload < 5; reload++)
                    (await client.GetAsync("/account/login", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
            }
            results.Add((await client.PostFormAsync("/account/login", SignInFixture.Login(name, SampleData.DemoPassword))).StatusCode);
        }

        results.ShouldAllBe(status => status == HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Reloading_the_login_page_is_never_limited()
    {
        var client = app.ClientFrom("203.0.113.60");

        for (var i = 0; i < 100; i++)
            (await client.GetAsync("/account/login", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Thirty_wrong_passwords_from_one_address_are_refused_and_the_owner_still_signs_in_from_another()
    {
        var attacker = app.ClientFrom("198.51.100.7");
        var verifiedBefore = app.Verifications.Count;

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 30; i++)
        {
            last = await attacker.PostFormAsync("/account/login", SignInFixture.Login("section2", $"Guess{i}abc"));
            statuses.Add(last.StatusCode);
        }

        statuses.Take(5).ShouldAllBe(s => s == HttpStatusCode.OK);
        statuses.Skip(5).ShouldAllBe(s => s == HttpStatusCode.TooManyRequests);
        (app.Verifications.Count - verifiedBefore).ShouldBe(5, "refused attempts check no password");
        last.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ShouldBeInRange(1, 30);
        (await last.HtmlAsync()).QuerySelector("[data-testid=login-error]")!.TextContent.Trim()
            .ShouldStartWith("登录失败次数过多，请");
        // From the attacker's address even the right password waits.
        (await attacker.PostFormAsync("/account/login", SignInFixture.Login("section2", SampleData.DemoPassword))).StatusCode
            .ShouldBe(HttpStatusCode.TooManyRequests);

        await app.SignInFromAsync("192.0.2.20", "section2");
        (await Sql.Scalar<long>(app.ConnectionString, "SELECT count(*) FROM asp_net_users WHERE user_name = 'section2' AND (lockout_end IS NOT NULL OR access_failed_count > 0)"))
            .ShouldBe(0);
    }

    [Fact]
    public async Task The_wait_doubles_with_each_failure_after_the_fifth_and_then_lets_the_owner_in()
    {
        var client = app.ClientFrom("198.51.100.8");
        for (var i = 0; i < 5; i++)
            await client.PostFormAsync("/account/login", SignInFixture.Login("leader", "Wrong1234"));

        var waits = new List<double>();
        for (var round = 0; round < 3; round++)
        {
            var refused = await client.PostFormAsync("/account/login", SignInFixture.Login("leader", "Wrong1234"));
            refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
            var wait = refused.Headers.RetryAfter!.Delta!.Value;
            waits.Add(wait.TotalSeconds);
            app.Clock.Advance(wait);
            (await client.PostFormAsync("/account/login", SignInFixture.Login("leader", "Wrong1234"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        waits.ShouldBe([30, 60, 120]);
        app.Clock.Advance(TimeSpan.FromSeconds(240));
        await client.SignInAsync("leader", SampleData.DemoPassword);
    }

    [Fact]
    public async Task An_administrators_password_reset_lifts_the_throttle()
    {
        var user = app.ClientFrom("198.51.100.9");
        for (var i = 0; i < 6; i++)
            await user.PostFormAsync("/account/login", SignInFixture.Login("section", "Wrong1234"));
        (await user.PostFormAsync("/account/login", SignInFixture.Login("section", SampleData.DemoPassword))).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        var admin = await app.SignInFromAsync("192.0.2.1", "admin");
        var userId = await Sql.Scalar<string>(app.ConnectionString, "SELECT id FROM asp_net_users WHERE user_name = 'section'");
        (await (await admin.GetAsync($"/admin/users/{userId}", Ct)).HtmlAsync())
            .QuerySelector("[data-testid=user-status]")!.TextContent.ShouldBe("已锁定");

        var reset = await admin.PostFormAsync($"/admin/users/{userId}/password", new Dictionary<string, string>
        {
            ["Form.Password"] = "Reset2024x",
            ["Form.ConfirmPassword"] = "Reset2024x",
        });

        reset.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await user.SignInAsync("section", "Reset2024x");
    }

    [Fact]
    public async Task An_administrator_can_release_a_throttled_account()
    {
        var user = app.ClientFrom("198.51.100.10");
        for (var i = 0; i < 6; i++)
            await user.PostFormAsync("/account/login", SignInFixture.Login("office", "Wrong1234"));
        var admin = await app.SignInFromAsync("192.0.2.1", "admin");
        var userId = await Sql.Scalar<string>(app.ConnectionString, "SELECT id FROM asp_net_users WHERE user_name = 'office'");

        (await admin.PostFormAsync($"/admin/users/{userId}/status?handler=Unlock", new Dictionary<string, string>())).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        await user.SignInAsync("office", SampleData.DemoPassword);
        (await (await admin.GetAsync($"/admin/users/{userId}", Ct)).HtmlAsync())
            .QuerySelector("[data-testid=user-status]")!.TextContent.ShouldBe("正常");
    }

    [Fact]
    public async Task Failed_attempts_go_to_the_sign_in_log_with_the_address_and_not_to_the_audit_trail()
    {
        var auditBefore = await Sql.Scalar<long>(app.ConnectionString, "SELECT count(*) FROM audit_entries");

        await app.ClientFrom("198.51.100.11").PostFormAsync("/account/login", SignInFixture.Login(" Viewer ", "Wrong1234"));
        await app.ClientFrom("198.51.100.11").PostFormAsync("/account/login", SignInFixture.Login("nobody-here", "Wrong1234"));

        (await Sql.Scalar<long>(app.ConnectionString, "SELECT count(*) FROM audit_entries")).ShouldBe(auditBefore);
        (await Sql.Scalar<string>(app.ConnectionString, """
            SELECT string_agg(user_name || '|' || (user_id IS NOT NULL) || '|' || outcome || '|' || reason, ',' ORDER BY id)
            FROM sign_in_attempts WHERE client_address = '198.51.100.11'
            """)).ShouldBe("VIEWER|true|Failed|WrongPassword,NOBODY-HERE|false|Failed|UnknownUser");
    }

    /// <summary>Accounts that sign in like the demo account <paramref name="template"/> (same role and password).</summary>
    private async Task<List<string>> CreateUsersLikeAsync(string template, string prefix, int count)
    {
        await Sql.Execute(app.ConnectionString, $"""
            INSERT INTO asp_net_users (id, user_name, normalized_user_name, email_confirmed, password_hash, security_stamp,
                concurrency_stamp, phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count, display_name, is_disabled)
            SELECT gen_random_uuid()::text, '{prefix}' || n, upper('{prefix}' || n), false, u.password_hash, gen_random_uuid()::text,
                gen_random_uuid()::text, false, false, false, 0, '用户' || n, false
            FROM asp_net_users u, generate_series(1, {count}) n WHERE u.user_name = '{template}';
            INSERT INTO asp_net_user_roles (user_id, role_id)
            SELECT n.id, r.role_id FROM asp_net_users n, asp_net_users u JOIN asp_net_user_roles r ON r.user_id = u.id
            WHERE u.user_name = '{template}' AND n.user_name LIKE '{prefix}%';
            """);
        return [.. Enumerable.Range(1, count).Select(n => prefix + n)];
    }
}

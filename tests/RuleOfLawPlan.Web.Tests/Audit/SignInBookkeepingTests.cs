using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Data.Audit;
using RuleOfLawPlan.Web.Security;

namespace RuleOfLawPlan.Web.Tests.Audit;

/// <summary>
/// Signing in writes the sign-in log (sign_in_attempts), not the account: nothing of it is in the audit trail. What an
/// administrator does to an account stays in the trail — a password only as "changed"; releasing the sign-in
/// throttle (解除锁定) is a row of the sign-in log.
/// </summary>
public sealed class SignInBookkeepingTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Failed_sign_ins_a_throttled_one_and_a_successful_sign_in_write_no_audit_entry_and_leave_the_account_alone()
    {
        var user = await CreateUserAsync("bookkeeping-1");
        var last = await LastEntryIdAsync();
        var client = app.CreateClient();

        await SignInAsync(client, user.UserName!, "Wrong1234", HttpStatusCode.OK);
        await SignInAsync(client, user.UserName!, "Wrong1234", HttpStatusCode.OK);
        await SignInAsync(client, user.UserName!, Password, HttpStatusCode.Redirect);
        for (var i = 0; i < 3; i++) await SignInAsync(app.CreateClient(), user.UserName!, "Wrong1234", HttpStatusCode.OK);
        await SignInAsync(app.CreateClient(), user.UserName!, "Wrong1234", HttpStatusCode.TooManyRequests);

        (await EntriesSinceAsync(last)).ShouldBeEmpty();
        var account = await AccountAsync(user.Id);
        (account.AccessFailedCount, account.LockoutEnd, account.ConcurrencyStamp).ShouldBe((0, (DateTimeOffset?)null, user.ConcurrencyStamp));
        (await Sql.Scalar<string>(app.ConnectionString, $"""
            SELECT string_agg(outcome, ',' ORDER BY id) FROM sign_in_attempts WHERE user_id = '{user.Id}'
            """)).ShouldBe("Failed,Failed,Succeeded,Failed,Failed,Failed", "the sign-in log has them (the throttled one only the application log)");
    }

    [Fact]
    public async Task An_administrator_unlocking_an_account_and_resetting_its_password_is_audited_without_the_secret()
    {
        var user = await CreateUserAsync("bookkeeping-2");
        for (var i = 0; i < 5; i++) await SignInAsync(app.CreateClient(), user.UserName!, "Wrong1234", HttpStatusCode.OK);
        var last = await LastEntryIdAsync();
        var admin = await app.UserAsync("admin");

        (await admin.PostFormAsync($"/admin/users/{user.Id}/status?handler=Unlock", new Dictionary<string, string>())).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await admin.PostFormAsync($"/admin/users/{user.Id}/password", new Dictionary<string, string>
        {
            ["Form.Password"] = "Reset2024x", ["Form.ConfirmPassword"] = "Reset2024x",
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var entries = await EntriesSinceAsync(last);
        entries.ShouldAllBe(e => e.UserName == "系统管理员（admin）" && e.EntityKey == user.Id);
        (await Sql.Scalar<string>(app.ConnectionString, $"""
            SELECT string_agg(outcome || ' ' || reason, ',' ORDER BY id) FROM sign_in_attempts WHERE user_id = '{user.Id}' AND outcome = 'Released'
            """)).ShouldBe("Released Unlocked,Released PasswordReset");
        var reset = entries.Where(e => e.After!.Contains("PasswordHash")).ShouldHaveSingleItem();
        JsonDocument.Parse(reset.After!).RootElement.GetProperty("PasswordHash").GetString().ShouldBe(AuditedTypes.SecretMarker);
        var hash = (await AccountAsync(user.Id)).PasswordHash!;
        reset.After!.ShouldNotContain(hash);

        var page = await (await admin.GetAsync("/audit?Type=AppUser", Ct)).HtmlAsync();
        var row = page.QuerySelectorAll("[data-testid=audit-row]").First(r => r.TextContent.Contains("密码"));
        row.TextContent.ShouldContain("已修改");
        row.TextContent.ShouldContain("bookkeeping-2");
    }

    private const string Password = "Keep2024x";

    private async Task<AppUser> CreateUserAsync(string userName)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        (await accounts.CreateAsync(new NewAccount(userName, "登录记录测试", Roles.Viewer, SectionId: null, Password), Ct)).Succeeded.ShouldBeTrue();
        return await AccountAsync(await IdOfAsync(userName));
    }

    private static async Task SignInAsync(HttpClient client, string userName, string password, HttpStatusCode expected) =>
        (await client.PostFormAsync("/account/login", new Dictionary<string, string>
        {
            ["Form.UserName"] = userName, ["Form.Password"] = password,
        })).StatusCode.ShouldBe(expected);

    private async Task<string> IdOfAsync(string userName)
    {
        await using var db = app.CreateDb();
        return await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync(Ct);
    }

    private async Task<AppUser> AccountAsync(string id)
    {
        await using var db = app.CreateDb();
        return await db.Users.AsNoTracking().SingleAsync(u => u.Id == id, Ct);
    }

    private async Task<long> LastEntryIdAsync()
    {
        await using var db = app.CreateDb();
        return await db.AuditEntries.MaxAsync(e => (long?)e.Id, Ct) ?? 0;
    }

    private async Task<List<AuditEntry>> EntriesSinceAsync(long id)
    {
        await using var db = app.CreateDb();
        return await db.AuditEntries.AsNoTracking().Where(e => e.Id > id).OrderBy(e => e.Id).ToListAsync(Ct);
    }
}

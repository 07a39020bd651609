using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Data.Audit;
using RuleOfLawPlan.Web.Security;
using RuleOfLawPlan.Web.Tests.Infrastructure;

namespace RuleOfLawPlan.Web.Tests.Audit;

/// <summary>
/// Signing in counts failed attempts and locks accounts out; those writes are the sign-in's record, not changes to
/// the account, and stay out of the audit trail. What an administrator does to an account stays in it — a password
/// only as "changed".
/// </summary>
public sealed class SignInBookkeepingTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Failed_sign_ins_a_lockout_and_a_successful_sign_in_write_no_audit_entry()
    {
        var user = await CreateUserAsync("bookkeeping-1");
        var last = await LastEntryIdAsync();
        var client = app.CreateClient();

        await SignInAsync(client, user.UserName!, "Wrong1234", HttpStatusCode.OK);
        await SignInAsync(client, user.UserName!, "Wrong1234", HttpStatusCode.OK);
        (await AccountAsync(user.Id)).AccessFailedCount.ShouldBe(2, "the failures were counted");
        await SignInAsync(client, user.UserName!, Password, HttpStatusCode.Redirect);
        (await AccountAsync(user.Id)).AccessFailedCount.ShouldBe(0, "a success resets the count");
        for (var i = 0; i < 5; i++) await SignInAsync(app.CreateClient(), user.UserName!, "Wrong1234", HttpStatusCode.OK);
        (await AccountAsync(user.Id)).LockoutEnd.ShouldNotBeNull("five failures lock the account");

        (await EntriesSinceAsync(last)).ShouldBeEmpty();
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
        entries.ShouldContain(e => Unlocks(e), "the unlock");
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

    private static bool Unlocks(AuditEntry entry) =>
        JsonDocument.Parse(entry.After!).RootElement.TryGetProperty("LockoutEnd", out var end) && end.ValueKind == JsonValueKind.Null;

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

using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Security;

namespace RuleOfLawPlan.Web.Tests.Admin;

/// <summary>
/// "At least one enabled administrator", also when administrators act at the same moment. The class has a
/// database of its own, because each test first makes the administrators exactly the accounts it names
/// (every other administrator, the demo one included, becomes a Viewer).
/// </summary>
public sealed class LastAdministratorTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string Password = "Racer2024x";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_administrators_demoting_each_other_at_the_same_moment_leave_one_administrator()
    {
        var first = await AccountAsync("racer1");
        var second = await AccountAsync("racer2");
        await OnlyAdminsAsync(first, second);
        var firstClient = await app.CreateClient().SignInAsync("racer1", Password);
        var secondClient = await app.CreateClient().SignInAsync("racer2", Password);
        var firstToken = await firstClient.AntiforgeryTokenAsync();
        var secondToken = await secondClient.AntiforgeryTokenAsync();

        for (var round = 1; round <= 20; round++)
        {
            await OnlyAdminsAsync(first, second);
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var firstDemotes = DemoteAsync(firstClient, firstToken, second, await StampAsync(second), start.Task);
            var secondDemotes = DemoteAsync(secondClient, secondToken, first, await StampAsync(first), start.Task);
            // Both requests are built and waiting: released together, they overlap in the app and in the database.
            start.SetResult();
            var responses = await Task.WhenAll(firstDemotes, secondDemotes);

            (await ActiveAdminsAsync()).Count.ShouldBe(1, $"round {round}");
            responses.Count(r => r.StatusCode == HttpStatusCode.Redirect).ShouldBe(1, $"round {round}");
            var loser = responses.Single(r => r.StatusCode != HttpStatusCode.Redirect);
            // Refused under the lock, or (when the winner committed first) by the current-role check.
            (await loser.Content.ReadAsStringAsync(Ct)).ShouldContain(loser.StatusCode == HttpStatusCode.Forbidden ? "没有权限" : AccountService.LastAdminMessage,
                customMessage: $"round {round}");
        }
    }

    [Fact]
    public async Task The_last_enabled_administrator_can_be_neither_demoted_nor_disabled()
    {
        var last = await AccountAsync("lastone");
        var disabled = await AccountAsync("disabledadmin");
        await OnlyAdminsAsync(last, disabled);
        await Sql.Execute(app.ConnectionString, $"UPDATE asp_net_users SET is_disabled = true WHERE id = '{disabled}'");
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();

        var demote = await accounts.UpdateAsync(last, new AccountChange("最后一名", Roles.Viewer, null, await StampAsync(last)), actorId: null, Ct);
        var disable = await accounts.DisableAsync(last, actorId: null, Ct);

        demote.Outcome.ShouldBe(SaveResult.Refused);
        demote.Errors.ShouldContain(new AccountError(AccountFields.Role, AccountService.LastAdminMessage));
        disable.Outcome.ShouldBe(SaveResult.Refused);
        disable.Errors.ShouldContain(new AccountError(AccountFields.Form, AccountService.LastAdminMessage));
        (await ActiveAdminsAsync()).ShouldBe([last]);
    }

    private static Task<HttpResponseMessage> DemoteAsync(HttpClient client, string token, string userId, string stamp, Task start) => Task.Run(async () =>
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Form.DisplayName"] = "被降级",
            ["Form.Role"] = Roles.Viewer,
            ["Form.SectionId"] = "",
            ["Form.ConcurrencyStamp"] = stamp,
        });
        await start;
        return await client.PostAsync($"/admin/users/{userId}", form, Ct);
    });

    /// <summary>The account's id; it is created (through the service, as a Viewer) the first time.</summary>
    private async Task<string> AccountAsync(string userName)
    {
        await using var db = app.CreateDb();
        if (await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleOrDefaultAsync(Ct) is { } id) return id;
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<AccountService>()
            .CreateAsync(new NewAccount(userName, userName, Roles.Viewer, SectionId: null, Password), Ct);
        created.Succeeded.ShouldBeTrue(created.ToString());
        return await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync(Ct);
    }

    /// <summary>Makes these accounts the only administrators, enabled; any other administrator becomes a Viewer.</summary>
    private Task OnlyAdminsAsync(params string[] userIds)
    {
        var ids = string.Join(", ", userIds.Select(id => $"'{id}'"));
        return Sql.Execute(app.ConnectionString, $"""
            UPDATE asp_net_user_roles SET role_id = (SELECT id FROM asp_net_roles WHERE name = 'Viewer')
             WHERE role_id = (SELECT id FROM asp_net_roles WHERE name = 'Admin') AND user_id NOT IN ({ids});
            DELETE FROM asp_net_user_roles WHERE user_id IN ({ids});
            INSERT INTO asp_net_user_roles (user_id, role_id) SELECT u.id, r.id FROM asp_net_users u, asp_net_roles r WHERE r.name = 'Admin' AND u.id IN ({ids});
            UPDATE asp_net_users SET is_disabled = false WHERE id IN ({ids});
            """);
    }

    private async Task<string> StampAsync(string userId)
    {
        await using var db = app.CreateDb();
        return await db.Users.Where(u => u.Id == userId).Select(u => u.ConcurrencyStamp!).SingleAsync(Ct);
    }

    private async Task<List<string>> ActiveAdminsAsync()
    {
        await using var db = app.CreateDb();
        return await db.Users.Where(u => !u.IsDisabled
                && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Admin)))
            .Select(u => u.Id).ToListAsync(Ct);
    }
}

using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RuleOfLawPlan.Web.Cli;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Security;

namespace RuleOfLawPlan.Web.Tests.Cli;

public sealed class CreateAdminTests(AppFixture app, PostgresClusterFixture cluster) : IClassFixture<AppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(int Code, string Output, string Error)> RunAsync(string userName, bool reset, string? password)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CreateAdminCommand.RunAsync(app.Factory.Services, userName, reset, password, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void The_command_line_knows_create_admin()
    {
        var command = CommandLine.Parse(["create-admin", "chief", "--reset"]);

        (command.Verb, command.UserName, command.Reset, command.Error).ShouldBe((CommandVerb.CreateAdmin, "chief", true, null));
        CommandLine.Parse(["create-admin"]).Error.ShouldNotBeNull();
    }

    [Fact]
    public async Task Create_admin_makes_an_administrator_who_can_sign_in()
    {
        var (code, output, _) = await RunAsync("chief", reset: false, "Chief2024x");

        code.ShouldBe(0);
        output.ShouldContain("已创建系统管理员");
        var client = await app.SignInAsAsync("chief", "Chief2024x");
        (await client.GetAsync("/admin/users", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_password_against_the_policy_creates_nobody()
    {
        var (code, _, error) = await RunAsync("weakchief", reset: false, "password");

        code.ShouldBe(1);
        error.ShouldContain("密码必须包含至少一个大写字母");
        await using var db = app.CreateDb();
        (await db.Users.AnyAsync(u => u.UserName == "weakchief", Ct)).ShouldBeFalse();
    }

    [Fact]
    public async Task No_password_is_refused()
    {
        (await RunAsync("nopass", reset: false, null)).Code.ShouldBe(1);
    }

    [Fact]
    public async Task An_existing_user_needs_reset_to_change_the_password()
    {
        await RunAsync("twice", reset: false, "Twice2024x");

        var again = await RunAsync("twice", reset: false, "Other2024x");
        again.Code.ShouldBe(1);
        again.Error.ShouldContain("--reset");
        await app.SignInAsAsync("twice", "Twice2024x");

        var reset = await RunAsync("twice", reset: true, "Other2024x");
        reset.Code.ShouldBe(0);
        await app.SignInAsAsync("twice", "Other2024x");
    }

    [Fact]
    public async Task Reset_leaves_an_enabled_unlocked_administrator_with_no_other_role()
    {
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<AccountService>().CreateAsync(
                new NewAccount("formerchief", "原科长", Roles.SectionHead, await app.SectionIdAsync("综合执法科"), "Chief2024x"), Ct);
            created.Succeeded.ShouldBeTrue(created.ToString());
        }
        await Sql.Execute(app.ConnectionString, "UPDATE asp_net_users SET is_disabled = true WHERE user_name = 'formerchief'");
        // Held back by the sign-in throttle from this address.
        for (var i = 0; i < 6; i++)
            await app.CreateClient().PostFormAsync("/account/login", new Dictionary<string, string> { ["Form.UserName"] = "formerchief", ["Form.Password"] = $"Guess{i}abc" });

        var (code, output, _) = await RunAsync("formerchief", reset: true, "Back2024x");

        code.ShouldBe(0);
        output.ShouldContain("已重设管理员");
        await using var db = app.CreateDb();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == "formerchief", Ct);
        (user.IsDisabled, user.SectionId).ShouldBe((false, (int?)null));
        var roles = await db.UserRoles.Where(ur => ur.UserId == user.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync(Ct);
        roles.ShouldBe([Roles.Admin]);
        var client = await app.SignInAsAsync("formerchief", "Back2024x");
        (await client.GetAsync("/admin/users", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Reset_of_an_unknown_user_says_so_and_creates_nobody()
    {
        var (code, _, error) = await RunAsync("nobodyhere", reset: true, "Nobody2024x");

        code.ShouldBe(1);
        error.ShouldContain("用户“nobodyhere”不存在");
        await using var db = app.CreateDb();
        (await db.Users.AnyAsync(u => u.UserName == "nobodyhere", Ct)).ShouldBeFalse();
    }

    [Fact]
    public async Task Bootstrap_settings_create_the_first_admin_once_in_production()
    {
        var database = cluster.ConnectionStringFor(await cluster.CreateDatabaseAsync());
        await using (var db = new PlanDb(PlanDbOptions.Configure(new DbContextOptionsBuilder<PlanDb>(), database).Options))
            await db.Database.MigrateAsync(Ct);

        await using (var first = await ConfiguredApp.StartAsync(cluster, Bootstrap("boss", "Boss2024x"), "Production", database))
        {
            var client = await first.SignInAsAsync("boss", "Boss2024x");
            (await client.GetAsync("/admin/users", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        // A second start with other settings changes nothing: an Admin exists.
        await using (var second = await ConfiguredApp.StartAsync(cluster, Bootstrap("boss2", "Boss2025x"), "Production", database))
        {
            await second.SignInAsAsync("boss", "Boss2024x");
        }
        await using var check = new PlanDb(PlanDbOptions.Configure(new DbContextOptionsBuilder<PlanDb>(), database).Options);
        (await check.Users.Select(u => u.UserName).ToListAsync(Ct)).ShouldBe(["boss"]);
    }

    [Fact]
    public async Task Production_without_bootstrap_settings_has_no_accounts_at_all()
    {
        var database = cluster.ConnectionStringFor(await cluster.CreateDatabaseAsync());
        await using (var db = new PlanDb(PlanDbOptions.Configure(new DbContextOptionsBuilder<PlanDb>(), database).Options))
            await db.Database.MigrateAsync(Ct);

        await using (var started = await ConfiguredApp.StartAsync(cluster, environment: "Production", connectionString: database))
        {
            using var scope = started.Factory.Services.CreateScope();
            (await scope.ServiceProvider.GetRequiredService<PlanDb>().Users.CountAsync(Ct)).ShouldBe(0);
        }
    }

    private static Dictionary<string, string?> Bootstrap(string userName, string password) => new()
    {
        ["Bootstrap:AdminUserName"] = userName,
        ["Bootstrap:AdminPassword"] = password,
    };
}

using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Pages.Admin.Users;
using RuleOfLawPlan.Web.Security;

namespace RuleOfLawPlan.Web.Tests.Admin;

public sealed class UserAdminTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<int> SectionIdAsync(string name)
    {
        await using var db = app.CreateDb();
        return await db.Sections.Where(s => s.Name == name).Select(s => s.Id).FirstAsync(Ct);
    }

    private async Task<AppUser?> FindUserAsync(string userName)
    {
        await using var db = app.CreateDb();
        return await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.UserName == userName, Ct);
    }

    private async Task<string?> RoleOfAsync(string userId)
    {
        await using var db = app.CreateDb();
        return await db.UserRoles.Where(ur => ur.UserId == userId).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).FirstOrDefaultAsync(Ct);
    }

    private static async Task<HttpResponseMessage> CreateUserAsync(HttpClient admin, string userName, string role, int? sectionId, string password = "Start1234") =>
        await admin.PostFormAsync("/admin/users/new", new Dictionary<string, string>
        {
            ["Form.UserName"] = userName,
            ["Form.DisplayName"] = "测试用户",
            ["Form.Role"] = role,
            ["Form.SectionId"] = sectionId?.ToString(CultureInfo.InvariantCulture) ?? "",
            ["Form.Password"] = password,
            ["Form.ConfirmPassword"] = password,
        });

    private static async Task<HttpResponseMessage> EditAsync(HttpClient admin, AppUser user, string role, int? sectionId, string displayName = "改名后") =>
        await admin.PostFormAsync($"/admin/users/{user.Id}", new Dictionary<string, string>
        {
            ["Form.DisplayName"] = displayName,
            ["Form.Role"] = role,
            ["Form.SectionId"] = sectionId?.ToString(CultureInfo.InvariantCulture) ?? "",
            ["Form.ConcurrencyStamp"] = user.ConcurrencyStamp!,
        });

    private static async Task<HttpResponseMessage> ResetPasswordAsync(HttpClient admin, string userId, string password) =>
        await admin.PostFormAsync($"/admin/users/{userId}/password", new Dictionary<string, string>
        {
            ["Form.Password"] = password,
            ["Form.ConfirmPassword"] = password,
        });

    [Fact]
    public async Task The_list_shows_every_account_with_role_section_and_status()
    {
        var response = await (await app.SignInAsAsync("admin")).GetAsync("/admin/users", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var rows = (await response.HtmlAsync()).QuerySelectorAll("[data-testid=user]");
        var section = rows.Single(r => r.GetAttribute("data-user-name") == "section");
        section.TextContent.ShouldContain("综合执法科科长");
        section.TextContent.ShouldContain("科室负责人");
        section.TextContent.ShouldContain("综合执法科");
        section.QuerySelector("[data-testid=user-status]")!.TextContent.ShouldBe("正常");
    }

    [Fact]
    public async Task An_admin_creates_a_section_head_who_can_then_sign_in()
    {
        var admin = await app.SignInAsAsync("admin");
        var sectionId = await SectionIdAsync("市政设施管理科");

        var response = await CreateUserAsync(admin, "facilities", Roles.SectionHead, sectionId);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var user = (await FindUserAsync("facilities")).ShouldNotBeNull();
        user.SectionId.ShouldBe(sectionId);
        (await RoleOfAsync(user.Id)).ShouldBe(Roles.SectionHead);
        await app.SignInAsAsync("facilities", "Start1234");
    }

    [Fact]
    public async Task A_section_head_without_a_section_is_refused()
    {
        var response = await CreateUserAsync(await app.SignInAsAsync("admin"), "nosection", Roles.SectionHead, null);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("科室负责人必须选择所属科室");
        (await FindUserAsync("nosection")).ShouldBeNull();
    }

    [Fact]
    public async Task A_leader_with_a_section_is_refused()
    {
        var response = await CreateUserAsync(await app.SignInAsAsync("admin"), "leader2", Roles.Leader, await SectionIdAsync("综合执法科"));

        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("只有科室负责人和领导小组办公室可以设置所属科室");
        (await FindUserAsync("leader2")).ShouldBeNull();
    }

    [Fact]
    public async Task A_weak_initial_password_gets_the_policy_message_and_creates_nobody()
    {
        var response = await CreateUserAsync(await app.SignInAsAsync("admin"), "weakling", Roles.Viewer, null, "abc");

        var html = await response.Content.ReadAsStringAsync(Ct);
        html.ShouldContain("密码至少需要8个字符");
        (await FindUserAsync("weakling")).ShouldBeNull();
    }

    [Fact]
    public async Task A_taken_user_name_gets_a_chinese_message()
    {
        var response = await CreateUserAsync(await app.SignInAsAsync("admin"), "viewer", Roles.Viewer, null);

        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("用户名“viewer”已被使用");
    }

    [Fact]
    public async Task A_section_id_that_is_not_a_number_is_a_chinese_message_not_a_500()
    {
        var response = await (await app.SignInAsAsync("admin")).PostFormAsync("/admin/users/new", new Dictionary<string, string>
        {
            ["Form.UserName"] = "garbage",
            ["Form.DisplayName"] = "乱填",
            ["Form.Role"] = "Emperor",
            ["Form.SectionId"] = "abc",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var html = await response.Content.ReadAsStringAsync(Ct);
        html.ShouldContain("请选择有效的角色");
        html.ShouldContain("“abc”不是有效的值");
        (await FindUserAsync("garbage")).ShouldBeNull();
    }

    [Fact]
    public async Task An_admin_changes_a_users_role_and_section()
    {
        var admin = await app.SignInAsAsync("admin");
        await CreateUserAsync(admin, "mover", Roles.Viewer, null);
        var user = (await FindUserAsync("mover"))!;

        var response = await EditAsync(admin, user, Roles.Office, await SectionIdAsync("政策法规办"));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stored = (await FindUserAsync("mover"))!;
        stored.DisplayName.ShouldBe("改名后");
        stored.SectionId.ShouldBe(await SectionIdAsync("政策法规办"));
        (await RoleOfAsync(user.Id)).ShouldBe(Roles.Office);
    }

    [Fact]
    public async Task An_admin_records_a_leaders_titles_and_a_viewer_may_hold_none()
    {
        var admin = await app.SignInAsAsync("admin");
        await CreateUserAsync(admin, "deputy", Roles.Leader, null);
        var user = (await FindUserAsync("deputy"))!;
        var fields = new Dictionary<string, string>
        {
            ["Form.DisplayName"] = "张副局长",
            ["Form.Role"] = Roles.Leader,
            ["Form.SectionId"] = "",
            ["Form.LeaderTitles"] = " 分管副局长，执法督察专员 、分管副局长",
            ["Form.ConcurrencyStamp"] = user.ConcurrencyStamp!,
        };

        (await admin.PostFormAsync($"/admin/users/{user.Id}", fields)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var stored = (await FindUserAsync("deputy"))!;
        stored.LeaderTitles.ShouldBe("分管副局长、执法督察专员");
        var form = await (await admin.GetAsync($"/admin/users/{user.Id}", Ct)).HtmlAsync();
        form.QuerySelector("input[name='Form.LeaderTitles']")!.GetAttribute("value").ShouldBe("分管副局长、执法督察专员");
        await using (var db = app.CreateDb())
        {
            var after = await db.AuditEntries.Where(e => e.EntityType == "AppUser" && e.EntityKey == user.Id && e.After != null)
                .Select(e => e.After!).ToListAsync(Ct);
            after.ShouldContain(a => a.Contains("执法督察专员"), "the change of titles is in the audit trail");
        }

        fields["Form.Role"] = Roles.Viewer;
        fields["Form.ConcurrencyStamp"] = stored.ConcurrencyStamp!;
        var refused = await admin.PostFormAsync($"/admin/users/{user.Id}", fields);

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await refused.Content.ReadAsStringAsync(Ct)).ShouldContain("只有领导小组成员可以设置领导职务");
        (await RoleOfAsync(user.Id)).ShouldBe(Roles.Leader);
    }

    [Fact]
    public async Task An_edit_from_a_stale_form_is_refused_with_a_concurrency_message()
    {
        var admin = await app.SignInAsAsync("admin");
        await CreateUserAsync(admin, "stale", Roles.Viewer, null);
        var opened = (await FindUserAsync("stale"))!;
        (await EditAsync(admin, opened, Roles.Viewer, null, "第一次")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var response = await EditAsync(admin, opened, Roles.Leader, null, "第二次");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.HtmlAsync();
        page.QuerySelector("[data-testid=errors]")!.TextContent.ShouldContain(EditModel.ConcurrencyMessage);
        page.QuerySelector("[data-testid=current-values]")!.TextContent.ShouldContain("第一次");
        ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("input[name='Form.DisplayName']")!).Value.ShouldBe("第二次");
        (await FindUserAsync("stale"))!.DisplayName.ShouldBe("第一次");
        (await RoleOfAsync(opened.Id)).ShouldBe(Roles.Viewer);
    }

    [Fact]
    public async Task An_admin_cannot_demote_or_disable_themselves()
    {
        var admin = await app.SignInAsAsync("admin");
        var self = (await FindUserAsync("admin"))!;

        var demote = await EditAsync(admin, self, Roles.Viewer, null);
        (await demote.Content.ReadAsStringAsync(Ct)).ShouldContain("不能取消自己的系统管理员角色");
        (await RoleOfAsync(self.Id)).ShouldBe(Roles.Admin);

        var disable = await admin.PostFormAsync($"/admin/users/{self.Id}/status?handler=Disable", new Dictionary<string, string>());
        disable.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await disable.Content.ReadAsStringAsync(Ct)).ShouldContain("不能停用自己的账号");
        (await FindUserAsync("admin"))!.IsDisabled.ShouldBeFalse();
    }

    [Fact]
    public async Task A_disabled_user_cannot_sign_in_and_their_sessions_are_invalidated_until_enabled()
    {
        var admin = await app.SignInAsAsync("admin");
        await CreateUserAsync(admin, "leaver", Roles.Viewer, null);
        var before = (await FindUserAsync("leaver"))!;

        (await admin.PostFormAsync($"/admin/users/{before.Id}/status?handler=Disable", new Dictionary<string, string>())).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var disabled = (await FindUserAsync("leaver"))!;
        disabled.IsDisabled.ShouldBeTrue();
        disabled.SecurityStamp.ShouldNotBe(before.SecurityStamp);
        var list = await (await admin.GetAsync("/admin/users", Ct)).HtmlAsync();
        list.QuerySelector("[data-user-name=leaver] [data-testid=user-status]")!.TextContent.ShouldBe("已停用");
        var login = await app.CreateClient().PostFormAsync("/account/login", new Dictionary<string, string> { ["Form.UserName"] = "leaver", ["Form.Password"] = "Start1234" });
        (await login.Content.ReadAsStringAsync(Ct)).ShouldContain("该账号已停用，请联系系统管理员");

        (await admin.PostFormAsync($"/admin/users/{before.Id}/status?handler=Enable", new Dictionary<string, string>())).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await app.SignInAsAsync("leaver", "Start1234");
    }

    [Fact]
    public async Task An_admin_resets_a_password_after_checking_it_against_the_policy()
    {
        var admin = await app.SignInAsAsync("admin");
        await CreateUserAsync(admin, "forgetful", Roles.Viewer, null);
        var user = (await FindUserAsync("forgetful"))!;

        var weak = await ResetPasswordAsync(admin, user.Id, "weakpass");
        weak.StatusCode.ShouldBe(HttpStatusCode.OK);
        var weakHtml = await weak.Content.ReadAsStringAsync(Ct);
        weakHtml.ShouldContain("密码必须包含至少一个大写字母");
        weakHtml.ShouldContain("密码必须包含至少一个数字");

        var reset = await ResetPasswordAsync(admin, user.Id, "Fresh2024x");
        reset.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await app.SignInAsAsync("forgetful", "Fresh2024x");
    }

    [Fact]
    public async Task An_admin_unlocks_a_locked_out_user()
    {
        var admin = await app.SignInAsAsync("admin");
        await CreateUserAsync(admin, "locked", Roles.Viewer, null);
        var user = (await FindUserAsync("locked"))!;
        for (var i = 0; i < 5; i++)
            await app.CreateClient().PostFormAsync("/account/login", new Dictionary<string, string> { ["Form.UserName"] = "locked", ["Form.Password"] = "Wrong1234" });
        var list = await (await admin.GetAsync("/admin/users", Ct)).HtmlAsync();
        list.QuerySelector("[data-user-name=locked] [data-testid=user-status]")!.TextContent.ShouldBe("已锁定");

        (await admin.PostFormAsync($"/admin/users/{user.Id}/status?handler=Unlock", new Dictionary<string, string>())).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        await app.SignInAsAsync("locked", "Start1234");
        list = await (await admin.GetAsync("/admin/users", Ct)).HtmlAsync();
        list.QuerySelector("[data-user-name=locked] [data-testid=user-status]")!.TextContent.ShouldBe("正常");
    }

    [Fact]
    public async Task Resetting_a_locked_out_users_password_also_unlocks_the_account()
    {
        var admin = await app.SignInAsAsync("admin");
        await CreateUserAsync(admin, "lockedforgetful", Roles.Viewer, null);
        var user = (await FindUserAsync("lockedforgetful"))!;
        var forgetful = app.CreateClient();
        for (var i = 0; i < 6; i++)
            await forgetful.PostFormAsync("/account/login", new Dictionary<string, string> { ["Form.UserName"] = "lockedforgetful", ["Form.Password"] = $"Guess{i}abc" });
        (await forgetful.PostFormAsync("/account/login", new Dictionary<string, string> { ["Form.UserName"] = "lockedforgetful", ["Form.Password"] = "Start1234" }))
            .StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);

        (await ResetPasswordAsync(admin, user.Id, "Again2024x")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        await forgetful.SignInAsync("lockedforgetful", "Again2024x");
    }

    [Fact]
    public async Task A_demoted_administrators_still_valid_cookie_no_longer_reaches_admin_pages()
    {
        var admin = await app.SignInAsAsync("admin");
        await CreateUserAsync(admin, "exadmin", Roles.Admin, null);
        var exAdmin = await app.SignInAsAsync("exadmin", "Start1234");
        var token = await exAdmin.AntiforgeryTokenAsync("/admin/users/new");
        var user = (await FindUserAsync("exadmin"))!;

        (await EditAsync(admin, user, Roles.Viewer, null)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        // The cookie still says Admin (it is re-validated once a minute); the roles stored now say otherwise.
        (await exAdmin.GetAsync("/admin/users", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await exAdmin.GetAsync("/admin/sections", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var create = await exAdmin.PostAsync("/admin/users/new", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Form.UserName"] = "sneaky",
            ["Form.DisplayName"] = "越权",
            ["Form.Role"] = Roles.Admin,
            ["Form.Password"] = "Sneaky2024x",
            ["Form.ConfirmPassword"] = "Sneaky2024x",
        }), Ct);
        create.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await FindUserAsync("sneaky")).ShouldBeNull();
    }

    [Fact]
    public async Task A_disabled_administrators_cookie_no_longer_reaches_admin_pages()
    {
        var admin = await app.SignInAsAsync("admin");
        await CreateUserAsync(admin, "gonedmin", Roles.Admin, null);
        var gone = await app.SignInAsAsync("gonedmin", "Start1234");
        var user = (await FindUserAsync("gonedmin"))!;

        (await admin.PostFormAsync($"/admin/users/{user.Id}/status?handler=Disable", new Dictionary<string, string>())).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var response = await gone.GetAsync("/admin/users", Ct);
        // Refused either way: by the current-role check (403), or by an ended session (to the login page).
        (response.StatusCode == HttpStatusCode.Forbidden || response.Headers.Location?.ToString().Contains("/account/login", StringComparison.OrdinalIgnoreCase) == true)
            .ShouldBeTrue($"{(int)response.StatusCode} {response.Headers.Location}");
    }

    [Fact]
    public async Task An_unknown_user_id_is_a_404()
    {
        var response = await (await app.SignInAsAsync("admin")).GetAsync("/admin/users/no-such-user", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("找不到该页面");
    }
}

using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using RuleOfLawPlan.Domain.Organizations;

namespace RuleOfLawPlan.Web.Tests.Admin;

public sealed class SectionAdminTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<Section?> FindAsync(string name)
    {
        await using var db = app.CreateDb();
        return await db.Sections.AsNoTracking().FirstOrDefaultAsync(s => s.Name == name, Ct);
    }

    private static Dictionary<string, string> Form(string name, string kind = "Center", string sortOrder = "500") => new()
    {
        ["Form.Name"] = name,
        ["Form.Kind"] = kind,
        ["Form.SortOrder"] = sortOrder,
    };

    [Fact]
    public async Task The_list_shows_the_sections_with_their_kind()
    {
        var response = await (await app.SignInAsAsync("admin")).GetAsync("/admin/sections", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var row = (await response.HtmlAsync()).QuerySelector("[data-section-name=智慧城管指挥中心]")!;
        row.TextContent.ShouldContain("中心");
        row.QuerySelector("[data-testid=section-status]")!.TextContent.ShouldBe("使用中");
    }

    [Fact]
    public async Task An_admin_creates_a_section()
    {
        var response = await (await app.SignInAsAsync("admin")).PostFormAsync("/admin/sections/new", Form("法制审核中心"));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var section = (await FindAsync("法制审核中心")).ShouldNotBeNull();
        section.Kind.ShouldBe(SectionKind.Center);
        section.SortOrder.ShouldBe(500);
        section.IsActive.ShouldBeTrue();
    }

    [Fact]
    public async Task A_duplicate_name_is_a_chinese_message_not_a_500()
    {
        var admin = await app.SignInAsAsync("admin");

        var created = await admin.PostFormAsync("/admin/sections/new", Form("综合执法科"));
        created.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await created.Content.ReadAsStringAsync(Ct)).ShouldContain("已有同名科室，请换一个名称");

        var other = (await FindAsync("市政设施管理科"))!;
        var renamed = await admin.PostFormAsync($"/admin/sections/{other.Id}", With(Form("综合执法科"), "Form.Version", other.Version.ToString(CultureInfo.InvariantCulture)));
        renamed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await renamed.Content.ReadAsStringAsync(Ct)).ShouldContain("已有同名科室，请换一个名称");
        (await FindAsync("市政设施管理科")).ShouldNotBeNull();
    }

    [Fact]
    public async Task Bad_input_gets_chinese_messages()
    {
        var response = await (await app.SignInAsAsync("admin")).PostFormAsync("/admin/sections/new", Form("", "Palace", "x"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var html = await response.Content.ReadAsStringAsync(Ct);
        html.ShouldContain("请输入科室名称");
        html.ShouldContain("“Palace”不是有效的值");
        html.ShouldContain("“x”不是有效的值");
    }

    [Fact]
    public async Task An_admin_edits_then_deactivates_and_activates_a_section()
    {
        var admin = await app.SignInAsAsync("admin");
        await admin.PostFormAsync("/admin/sections/new", Form("临时科"));
        var section = (await FindAsync("临时科"))!;

        var edit = await admin.PostFormAsync($"/admin/sections/{section.Id}", With(Form("临时工作科", "Other", "15"), "Form.Version", section.Version.ToString(CultureInfo.InvariantCulture)));
        edit.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var edited = (await FindAsync("临时工作科"))!;
        (edited.Kind, edited.SortOrder).ShouldBe((SectionKind.Other, 15));

        (await admin.PostFormAsync($"/admin/sections/{section.Id}?handler=Deactivate", new Dictionary<string, string>())).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await FindAsync("临时工作科"))!.IsActive.ShouldBeFalse();
        var form = await (await admin.GetAsync("/admin/users/new", Ct)).HtmlAsync();
        form.QuerySelectorAll("#Form_SectionId option").Select(o => o.TextContent).ShouldNotContain("临时工作科");

        (await admin.PostFormAsync($"/admin/sections/{section.Id}?handler=Activate", new Dictionary<string, string>())).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await FindAsync("临时工作科"))!.IsActive.ShouldBeTrue();
    }

    [Fact]
    public async Task An_edit_from_a_stale_form_overwrites_nothing()
    {
        var admin = await app.SignInAsAsync("admin");
        await admin.PostFormAsync("/admin/sections/new", Form("并发科"));
        var opened = (await FindAsync("并发科"))!;
        await admin.PostFormAsync($"/admin/sections/{opened.Id}", With(Form("并发科一"), "Form.Version", opened.Version.ToString(CultureInfo.InvariantCulture)));

        var response = await admin.PostFormAsync($"/admin/sections/{opened.Id}", With(Form("并发科二"), "Form.Version", opened.Version.ToString(CultureInfo.InvariantCulture)));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.HtmlAsync();
        page.QuerySelector("[data-testid=errors]")!.TextContent.ShouldContain("该科室已被他人修改");
        page.QuerySelector("[data-testid=current-values]")!.TextContent.ShouldContain("并发科一");
        page.QuerySelector("input[name='Form.Name']")!.GetAttribute("value").ShouldBe("并发科二");
        (await FindAsync("并发科一")).ShouldNotBeNull();
        (await FindAsync("并发科二")).ShouldBeNull();
    }

    [Fact]
    public async Task Only_an_admin_may_manage_sections()
    {
        var office = await app.SignInAsAsync("office");

        var response = await office.PostFormAsync("/admin/sections/new", Form("越权科"));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await FindAsync("越权科")).ShouldBeNull();
    }

    private static Dictionary<string, string> With(Dictionary<string, string> form, string key, string value)
    {
        form[key] = value;
        return form;
    }
}

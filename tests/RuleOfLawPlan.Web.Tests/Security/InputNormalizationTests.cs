using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using RuleOfLawPlan.Domain.Organizations;

namespace RuleOfLawPlan.Web.Tests.Security;

/// <summary>
/// Text typed into any form is normalized before it is validated or stored (TextNormalizer, through model binding and
/// the entities' Guard): invisible characters (zero-width, bidi overrides, control characters) are gone, a value of
/// nothing else is empty and refused with the form's Chinese message, and a look-alike is the name it looks like.
/// </summary>
public sealed partial class InputNormalizationTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string Invisible = "\u200b\u200d\u2060\ufeff\u202e\u2066\u0001\u001f\u007f";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_section_name_that_only_looks_like_another_is_refused_as_a_duplicate()
    {
        var admin = await app.UserAsync("admin");

        var lookAlike = await admin.PostFormAsync("/admin/sections/new", SectionForm("综合执法科\u200b"));
        var reversed = await admin.PostFormAsync("/admin/sections/new", SectionForm("\u202e综合执法科\u202c "));

        foreach (var response in new[] { lookAlike, reversed })
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await response.TextAsync()).ShouldContain("已有同名科室，请换一个名称");
        }
        await using var db = app.CreateDb();
        // Contains(string), not CA1847's Contains(char): the query runs in SQL, and Npgsql translates only the former.
#pragma warning disable CA1847
        (await db.Sections.CountAsync(s => s.Name.StartsWith("综合执法科") || s.Name.Contains("\u200b"), Ct)).ShouldBe(1);
#pragma warning restore CA1847
    }

    [Fact]
    public async Task A_section_name_of_invisible_characters_is_empty_and_a_real_one_is_stored_without_them()
    {
        var admin = await app.UserAsync("admin");

        var empty = await admin.PostFormAsync("/admin/sections/new", SectionForm(Invisible));
        var created = await admin.PostFormAsync("/admin/sections/new", SectionForm("规范\u200b化\u0001管理科\u202e"));

        empty.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await empty.TextAsync()).ShouldContain("请输入科室名称");
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await using var db = app.CreateDb();
        (await db.Sections.CountAsync(s => s.Name == "规范化管理科", Ct)).ShouldBe(1);
        (await db.Sections.CountAsync(s => s.Name == "", Ct)).ShouldBe(0);
    }

    [Fact]
    public async Task A_display_name_of_invisible_characters_is_refused_and_a_real_one_is_stored_without_them()
    {
        var admin = await app.UserAsync("admin");

        var empty = await admin.PostFormAsync("/admin/users/new", UserForm("invisible-name", Invisible));
        var created = await admin.PostFormAsync("/admin/users/new", UserForm("bidi-name", "\u202e王五\u200b"));

        empty.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await empty.TextAsync()).ShouldContain("请输入姓名");
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await using var db = app.CreateDb();
        (await db.Users.AnyAsync(u => u.UserName == "invisible-name", Ct)).ShouldBeFalse();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == "bidi-name", Ct);
        user.DisplayName.ShouldBe("王五");

        var renamed = await admin.PostFormAsync($"/admin/users/{user.Id}", new Dictionary<string, string>
        {
            ["Form.DisplayName"] = "\u200b\u202e",
            ["Form.Role"] = "Viewer",
            ["Form.SectionId"] = "",
            ["Form.ConcurrencyStamp"] = user.ConcurrencyStamp!,
        });
        renamed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await renamed.TextAsync()).ShouldContain("请输入姓名");
    }

    [Fact]
    public async Task A_progress_report_of_invisible_characters_is_refused_and_a_real_one_keeps_its_lines_but_not_the_override()
    {
        var taskId = await app.TaskIdAsync(6, 3);
        var section = await app.UserAsync("section");

        var empty = await section.PostFormAsync($"/tasks/{taskId}/progress", await ProgressFormAsync(taskId, Invisible + "\r\n" + Invisible));
        empty.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await empty.TextAsync()).ShouldContain("请填写工作进展");
        (await app.UpdateCountAsync(taskId)).ShouldBe(0);

        var reported = await section.PostFormAsync($"/tasks/{taskId}/progress", await ProgressFormAsync(taskId, "一、完成评查\u202e\r\n二、开展培训\u0007"));
        reported.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await using var db = app.CreateDb();
        (await db.ProgressUpdates.SingleAsync(u => u.PlanTaskId == taskId, Ct)).Summary.ShouldBe("一、完成评查\n二、开展培训");
    }

    [Fact]
    public async Task An_instruction_of_invisible_characters_is_refused()
    {
        var taskId = await app.TaskIdAsync(6, 4);
        var leader = await app.UserAsync("leader");

        var response = await leader.PostFormAsync($"/tasks/{taskId}/instruct", new Dictionary<string, string> { ["Form.Text"] = "\u202e" + Invisible });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.TextAsync()).ShouldContain("请填写批示内容");
        await using var db = app.CreateDb();
        (await db.Instructions.CountAsync(i => i.PlanTaskId == taskId, Ct)).ShouldBe(0);
    }

    [Fact]
    public async Task A_responsible_leader_of_invisible_characters_is_no_leader_and_a_real_one_is_stored_without_them()
    {
        var taskId = await app.TaskIdAsync(6, 5);
        var office = await app.UserAsync("office");
        var lead = await app.SectionIdAsync("综合执法科");

        (await office.PostFormAsync($"/tasks/{taskId}/edit", await AssignmentFormAsync(taskId, lead, Invisible, "\u200b"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var task = await app.TaskAsync(taskId);
        task.ResponsibleLeader.ShouldBeNull();
        task.ExpectedOutcome.ShouldBeNull();

        (await office.PostFormAsync($"/tasks/{taskId}/edit", await AssignmentFormAsync(taskId, lead, "\u202e张局长\u200b", "第一步\r\n第二步\u202e"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        task = await app.TaskAsync(taskId);
        task.ResponsibleLeader.ShouldBe("张局长");
        task.ExpectedOutcome.ShouldBe("第一步\n第二步");
    }

    [Fact]
    public async Task Passwords_are_taken_exactly_as_typed()
    {
        var admin = await app.UserAsync("admin");
        const string password = " Exact1234\u200b ";

        (await admin.PostFormAsync("/admin/users/new", UserForm("exact-password", "密码测试", password))).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await app.CreateClient().PostFormAsync("/account/login", Login("exact-password", "Exact1234"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.CreateClient().PostFormAsync("/account/login", Login("exact-password", password))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Every_password_field_a_page_binds_is_marked_to_be_taken_as_typed()
    {
        var fields = (await PermissionMatrixTests.DiscoverPagesAsync(app.Factory.Services))
            .SelectMany(p => p.Page.BoundProperties.Select(b => (p.Route, b.ParameterType)))
            .SelectMany(p => p.ParameterType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(f => (p.Route, Field: f)))
            .Where(p => p.Field.Name.Contains("Password", StringComparison.OrdinalIgnoreCase))
            .ToList();

        fields.Count.ShouldBeGreaterThanOrEqualTo(8, "the sign-in, password, new-user and reset forms' password fields");
        fields.Where(f => f.Field.GetCustomAttribute<DataTypeAttribute>()?.DataType != DataType.Password)
            .Select(f => $"{f.Route}: {f.Field.DeclaringType!.Name}.{f.Field.Name}")
            .ShouldBeEmpty("mark it [DataType(DataType.Password)], or its value is normalized like ordinary text");
    }

    [Fact]
    public async Task Every_textarea_posts_to_a_field_that_keeps_its_lines()
    {
        var pages = await PermissionMatrixTests.DiscoverPagesAsync(app.Factory.Services);
        var taskId = Number(await app.TaskIdAsync(6, 1));
        var failures = new List<string>();
        var seen = new HashSet<string>();

        foreach (var userName in new[] { "leader", "office", "section" })
        {
            var client = await app.UserAsync(userName);
            foreach (var url in PageUrls.All(app.Factory.Services, taskId))
            {
                var response = await client.GetAsync(url, Ct);
                if (response.Content.Headers.ContentType?.MediaType != "text/html") continue;
                foreach (var textarea in (await response.HtmlAsync()).QuerySelectorAll("form textarea[name]"))
                {
                    var action = textarea.Closest("form")!.GetAttribute("action") is { Length: > 0 } a ? a : url;
                    var route = Digits().Replace(new Uri(new Uri("http://localhost"), action).AbsolutePath, "/{id}");
                    var name = textarea.GetAttribute("name")!;
                    seen.Add($"{route} {name}");
                    var page = pages.FirstOrDefault(p => string.Equals(p.Route, route, StringComparison.OrdinalIgnoreCase)).Page;
                    if (BoundField(page, name)?.GetCustomAttribute<DataTypeAttribute>()?.DataType != DataType.MultilineText)
                        failures.Add($"{url}: <textarea name=\"{name}\"> posts to {route}, whose field is not [DataType(DataType.MultilineText)]");
                }
            }
        }

        seen.Count.ShouldBeGreaterThanOrEqualTo(3, "the progress, instruction and assignment forms' textareas");
        failures.Distinct().ShouldBeEmpty("a textarea's line breaks would become spaces");
    }

    /// <summary>"Form.Summary" → the Summary property of the page's bound property Form.</summary>
    private static PropertyInfo? BoundField(Microsoft.AspNetCore.Mvc.RazorPages.CompiledPageActionDescriptor? page, string name)
    {
        var parts = name.Split('.');
        var type = page?.BoundProperties.FirstOrDefault(p => p.Name == parts[0])?.ParameterType;
        PropertyInfo? property = null;
        foreach (var part in parts.Skip(1))
        {
            property = type?.GetProperty(part);
            type = property?.PropertyType;
        }
        return property;
    }

    [GeneratedRegex(@"/\d+")]
    private static partial Regex Digits();

    private static Dictionary<string, string> SectionForm(string name) => new()
    {
        ["Form.Name"] = name,
        ["Form.Kind"] = nameof(SectionKind.Section),
        ["Form.SortOrder"] = "900",
    };

    private static Dictionary<string, string> UserForm(string userName, string displayName, string password = "Start1234") => new()
    {
        ["Form.UserName"] = userName,
        ["Form.DisplayName"] = displayName,
        ["Form.Role"] = "Viewer",
        ["Form.SectionId"] = "",
        ["Form.Password"] = password,
        ["Form.ConfirmPassword"] = password,
    };

    private static Dictionary<string, string> Login(string userName, string password) => new()
    {
        ["Form.UserName"] = userName,
        ["Form.Password"] = password,
    };

    private async Task<Dictionary<string, string>> ProgressFormAsync(int taskId, string summary) => new()
    {
        ["Form.Percent"] = "30",
        ["Form.AsOf"] = "2023-06-01",
        ["Form.Summary"] = summary,
        ["Form.Version"] = Number(await app.TaskVersionAsync(taskId)),
    };

    private async Task<Dictionary<string, string>> AssignmentFormAsync(int taskId, int lead, string leader, string outcome) => new()
    {
        ["Form.LeadSectionId"] = Number(lead),
        ["Form.ResponsibleLeader"] = leader,
        ["Form.Deadline"] = "2023-12-31",
        ["Form.Ongoing"] = "false",
        ["Form.ExpectedOutcome"] = outcome,
        ["Form.Version"] = Number(await app.TaskVersionAsync(taskId)),
    };
}

using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RuleOfLawPlan.Domain.Organizations;
using RuleOfLawPlan.Web.Pages.Shared;

namespace RuleOfLawPlan.Web.Tests.Security;

/// <summary>What a crafted form cannot do: smuggle another id past the URL, or leave a form stuck without a word.</summary>
public sealed class FormBindingTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("4294967296")]
    [InlineData("")]
    public async Task Every_versioned_form_with_a_version_that_is_not_one_says_the_form_is_stale_and_changes_nothing(string version)
    {
        var task = await app.TaskIdAsync(4, 1);
        var ledTask = await app.TaskIdAsync(6, 1);
        var section = await NewSectionAsync($"篡改版本科{version}");
        await using var db = app.CreateDb();
        var plan = await db.Plans.Select(p => p.Id).FirstAsync(Ct);
        var reviewed = await db.Tasks.Include(t => t.Plan).Include(t => t.Supports).SingleAsync(t => t.Id == ledTask, Ct);
        var pending = reviewed.RecordProgress(reviewed.LeadSectionId!.Value, new DateOnly(2023, 6, 1), 50, "待审核", "科长", DateTimeOffset.UtcNow);
        await db.SaveChangesAsync(Ct);
        (string User, string Url, Dictionary<string, string> Fields)[] forms =
        [
            ("office", $"/tasks/{task}/edit", new() { ["Form.LeadSectionId"] = "", ["Form.ResponsibleLeader"] = "篡改", ["Form.Ongoing"] = "true" }),
            // A progress report carries no version (it only adds; decision 007); the review of one does.
            ("office", "/review?handler=Accept", new() { ["Form.UpdateId"] = pending.Id.ToString(CultureInfo.InvariantCulture) }),
            ("office", $"/plans/{plan}/status", new() { ["Form.Action"] = "Close" }),
            ("admin", $"/admin/sections/{section}", new() { ["Form.Name"] = "篡改科", ["Form.Kind"] = "Other", ["Form.SortOrder"] = "1" }),
        ];
        var versions = await VersionsAsync(task, ledTask, plan, section);
        var failures = new List<string>();

        foreach (var (user, url, fields) in forms)
        {
            fields[TrySaveExtensions.VersionField] = version;
            var response = await (await app.UserAsync(user)).PostFormAsync(url, fields);
            var text = await response.TextAsync();
            // A version that cannot be read is an unreadable value: 400, the form kept, the stale-form message on it.
            if (response.StatusCode != HttpStatusCode.BadRequest || !text.Contains(TrySaveExtensions.StaleFormMessage, StringComparison.Ordinal))
                failures.Add($"{url}: {(int)response.StatusCode}, {(text.Contains(TrySaveExtensions.StaleFormMessage, StringComparison.Ordinal) ? "" : "no ")}stale-form message");
        }

        failures.ShouldBeEmpty();
        (await VersionsAsync(task, ledTask, plan, section)).ShouldBe(versions);
    }

    [Fact]
    public async Task The_route_decides_which_task_a_form_changes_not_an_id_in_the_body()
    {
        var routed = await app.TaskIdAsync(8, 1);
        var other = await app.TaskIdAsync(8, 2);

        var response = await (await app.UserAsync("leader")).PostFormAsync($"/tasks/{routed}/instruct", new Dictionary<string, string>
        {
            ["Form.Text"] = "按网址批示",
            ["id"] = other.ToString(CultureInfo.InvariantCulture),
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await using var db = app.CreateDb();
        (await db.Instructions.CountAsync(i => i.PlanTaskId == routed && i.Text == "按网址批示", Ct)).ShouldBe(1);
        (await db.Instructions.CountAsync(i => i.PlanTaskId == other, Ct)).ShouldBe(0);
    }

    [Fact]
    public async Task An_id_in_the_body_of_an_assignment_form_cannot_redirect_the_change_to_another_task()
    {
        var routed = await app.TaskIdAsync(4, 2);
        var other = await app.TaskAsync(await app.TaskIdAsync(4, 3));

        var response = await (await app.UserAsync("office")).PostFormAsync($"/tasks/{routed}/edit", new Dictionary<string, string>
        {
            ["Form.LeadSectionId"] = other.LeadSectionId!.Value.ToString(CultureInfo.InvariantCulture),
            ["Form.ResponsibleLeader"] = "借道改的领导",
            ["Form.Ongoing"] = "true",
            ["Form.Version"] = other.Version.ToString(CultureInfo.InvariantCulture),
            ["id"] = other.Id.ToString(CultureInfo.InvariantCulture),
        });

        ((int)response.StatusCode).ShouldBeLessThan(500);
        (await app.TaskAsync(other.Id)).ResponsibleLeader.ShouldBe(other.ResponsibleLeader);
    }

    [Fact]
    public async Task A_named_handler_acts_on_the_routes_section_not_the_bodys()
    {
        var routed = await NewSectionAsync("按网址停用科");
        var other = await NewSectionAsync("不应停用科");

        var response = await (await app.UserAsync("admin")).PostFormAsync($"/admin/sections/{routed}?handler=Deactivate",
            new Dictionary<string, string> { ["id"] = other.ToString(CultureInfo.InvariantCulture) });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await using var db = app.CreateDb();
        (await db.Sections.Where(s => s.Id == routed).Select(s => s.IsActive).SingleAsync(Ct)).ShouldBeFalse();
        (await db.Sections.Where(s => s.Id == other).Select(s => s.IsActive).SingleAsync(Ct)).ShouldBeTrue();
    }

    [Fact]
    public async Task Every_handler_parameter_named_like_a_route_value_binds_from_the_route_only()
    {
        var loader = app.Factory.Services.GetRequiredService<PageLoader>();
        var checkedParameters = 0;
        var failures = new List<string>();
        foreach (var endpoint in app.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not { } descriptor) continue;
            var page = descriptor as CompiledPageActionDescriptor ?? await loader.LoadAsync(descriptor, endpoint.Metadata);
            var routeValues = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var handler in page.HandlerMethods)
            {
                foreach (var parameter in handler.Parameters.Where(p => routeValues.Contains(p.Name)))
                {
                    checkedParameters++;
                    if (parameter.BindingInfo?.BindingSource != BindingSource.Path)
                        failures.Add($"{endpoint.RoutePattern.RawText} {handler.HttpMethod} {handler.Name}: {parameter.Name} binds from {parameter.BindingInfo?.BindingSource?.DisplayName ?? "anywhere"}");
                }
            }
        }

        checkedParameters.ShouldBeGreaterThan(10);
        failures.ShouldBeEmpty();
    }

    private async Task<int> NewSectionAsync(string name)
    {
        await using var db = app.CreateDb();
        var section = new Section(await db.Organizations.Select(o => o.Id).FirstAsync(Ct), name, SectionKind.Other, 9000);
        db.Sections.Add(section);
        await db.SaveChangesAsync(Ct);
        return section.Id;
    }

    private async Task<uint[]> VersionsAsync(int task, int ledTask, int plan, int section)
    {
        await using var db = app.CreateDb();
        return
        [
            await db.Tasks.Where(t => t.Id == task).Select(t => t.Version).SingleAsync(Ct),
            await db.Tasks.Where(t => t.Id == ledTask).Select(t => t.Version).SingleAsync(Ct),
            await db.Plans.Where(p => p.Id == plan).Select(p => p.Version).SingleAsync(Ct),
            await db.Sections.Where(s => s.Id == section).Select(s => s.Version).SingleAsync(Ct),
        ];
    }
}

using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using RuleOfLawPlan.Domain.Organizations;
using RuleOfLawPlan.Domain.Plans;
using RuleOfLawPlan.Web.Data.Audit;
using RuleOfLawPlan.Web.Pages;
using RuleOfLawPlan.Web.Pages.Audit;
using RuleOfLawPlan.Web.Security;

namespace RuleOfLawPlan.Web.Tests.Localization;

public sealed partial class LocalizationTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public void Every_ui_string_the_pages_localize_has_an_english_translation()
    {
        var keys = SourceFiles().SelectMany(f => LocalizerKey().Matches(File.ReadAllText(f)).Select(m => m.Groups["key"].Value))
            .Concat(Enum.GetValues<PlanStatus>().Select(Labels.Of))
            .Concat(Enum.GetValues<PlanTaskStatus>().Select(Labels.Of))
            .Concat(Enum.GetValues<DeliverableAction>().Select(Labels.Of))
            .Concat(Enum.GetValues<KpiKind>().Select(Labels.Of))
            .Concat(Enum.GetValues<SectionKind>().Select(Labels.Of))
            .Concat(Enum.GetValues<KpiComparator>().Select(Labels.Of))
            .Concat(AuditLabels.All)
            .Concat(AuditHistory.ValueWords)
            .Concat(Roles.All.Select(Roles.Label))
            .Append(Labels.Target(KpiComparator.DecreaseYearOnYear, null, ""))
            .Distinct()
            .ToList();
        keys.Count.ShouldBeGreaterThan(40);

        var missing = InCulture("en-US", localizer => keys.Where(k => localizer[k].ResourceNotFound).ToList());

        missing.ShouldBeEmpty("add these keys to Resources/SharedResource.en-US.resx");
    }

    [Fact]
    public async Task Pages_are_chinese_by_default_even_for_an_english_browser()
    {
        var client = await app.SignInAsAsync("viewer");
        var planId = await PlanIdAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, $"/plans/{planId}");
        request.Headers.AcceptLanguage.ParseAdd("en-US,en;q=0.9");

        var page = await (await client.SendAsync(request, TestContext.Current.CancellationToken)).HtmlAsync();

        page.DocumentElement.GetAttribute("lang").ShouldBe("zh-CN");
        page.QuerySelector("[data-testid=areas-heading]")!.TextContent.ShouldBe("重点工作");
    }

    [Fact]
    public async Task English_is_there_when_asked_for()
    {
        var client = await app.SignInAsAsync("viewer");
        var response = await client.GetAsync($"/plans/{await PlanIdAsync()}?culture=en-US", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.HtmlAsync();
        page.DocumentElement.GetAttribute("lang").ShouldBe("en");
        page.QuerySelector("[data-testid=areas-heading]")!.TextContent.ShouldBe("Key work areas");
        page.QuerySelector("[data-testid=plan-status]")!.TextContent.ShouldBe("In execution");
    }

    [Fact]
    public async Task The_chosen_language_is_kept_for_later_pages()
    {
        var client = await app.SignInAsAsync("viewer");
        var planId = await PlanIdAsync();
        (await client.GetAsync($"/plans/{planId}?culture=en-US", TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();

        var page = await (await client.GetAsync($"/plans/{planId}", TestContext.Current.CancellationToken)).HtmlAsync();

        page.QuerySelector("[data-testid=areas-heading]")!.TextContent.ShouldBe("Key work areas");
    }

    private async Task<int> PlanIdAsync()
    {
        await using var db = app.CreateDb();
        return await db.Plans.Select(p => p.Id).FirstAsync(TestContext.Current.CancellationToken);
    }

    private T InCulture<T>(string culture, Func<IStringLocalizer<SharedResource>, T> read)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            return read(app.Factory.Services.GetRequiredService<IStringLocalizer<SharedResource>>());
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static IEnumerable<string> SourceFiles()
    {
        var web = Path.Combine(TestPaths.RepositoryRoot(), "src", "RuleOfLawPlan.Web");
        return Directory.EnumerateFiles(web, "*.cshtml", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(web, "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"));
    }

    [GeneratedRegex("""\b[Ll]\["(?<key>[^"]+)"[,\]]""")]
    private static partial Regex LocalizerKey();
}

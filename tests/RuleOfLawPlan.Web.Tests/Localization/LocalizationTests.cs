using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using RuleOfLawPlan.Domain.Organizations;
using RuleOfLawPlan.Domain.Plans;
using RuleOfLawPlan.Web.Data.Audit;
using RuleOfLawPlan.Web.Localization;
using RuleOfLawPlan.Web.Pages.Shared;
using RuleOfLawPlan.Web.Security;

namespace RuleOfLawPlan.Web.Tests.Localization;

public sealed partial class LocalizationTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public void Every_ui_string_the_pages_localize_has_an_english_translation()
    {
        var keys = SourceFiles().SelectMany(f => LocalizerKey().Matches(File.ReadAllText(f)).Select(m => m.Groups["key"].Value))
            .Concat(EveryLabel())
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
    public void Every_labelled_domain_value_is_found_without_listing_it()
    {
        var overloads = LabelOverloads().Select(m => m.GetParameters()[0].ParameterType).ToList();

        overloads.ShouldContain(typeof(PlanStatus));
        overloads.ShouldContain(typeof(PlanTaskStatus));
        overloads.ShouldContain(typeof(SectionKind));
        EveryLabel().ShouldNotContain(label => Regex.IsMatch(label, "^[A-Za-z]+$"), "a Labels.Of case is missing: it fell back to the C# name");
    }

    [Fact]
    public void Every_message_written_in_the_code_has_an_english_translation()
    {
        var messages = ChineseTextInCode().Distinct().ToList();
        messages.Count.ShouldBeGreaterThan(100);

        var missing = InCulture("en-US", localizer => messages.Where(m => localizer[m].ResourceNotFound).ToList());

        missing.ShouldBeEmpty("add these messages to Resources/SharedResource.en-US.resx; a value inside a message is {0} there (decision 013)");
    }

    [Fact]
    public async Task A_validation_message_reaches_an_english_user_in_english()
    {
        var admin = await app.SignInAsAsync("admin");

        var response = await admin.PostFormAsync("/admin/sections/new?culture=en-US", new Dictionary<string, string>
        {
            ["Form.Name"] = "",
            ["Form.Kind"] = "Section",
            ["Form.SortOrder"] = "10",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var message = (await response.HtmlAsync()).QuerySelector("[data-valmsg-for='Form.Name']")!.TextContent;
        message.ShouldBe("Enter the section's name");
    }

    [Fact]
    public async Task A_rule_the_plan_refuses_reaches_an_english_user_in_english()
    {
        var office = await app.SignInAsAsync("office");
        var planId = await PlanIdAsync();
        await using var db = app.CreateDb();
        var version = await db.Plans.Where(p => p.Id == planId).Select(p => p.Version).SingleAsync(TestContext.Current.CancellationToken);

        var response = await office.PostFormAsync($"/plans/{planId}/status?culture=en-US", new Dictionary<string, string>
        {
            ["Form.Action"] = "Activate",
            ["Form.Version"] = version.ToString(CultureInfo.InvariantCulture),
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var error = (await response.HtmlAsync()).QuerySelector("[data-testid=form-error]")!.TextContent;
        error.ShouldContain("Only a draft plan can be put into execution");
    }

    [Fact]
    public async Task A_message_with_a_value_in_it_is_translated_around_the_value()
    {
        var admin = await app.SignInAsAsync("admin");
        (await admin.GetAsync("/admin/sections?culture=en-US", TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();

        (await admin.PostFormAsync("/admin/sections/new", new Dictionary<string, string>
        {
            ["Form.Name"] = "法律顾问室",
            ["Form.Kind"] = "Office",
            ["Form.SortOrder"] = "900",
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var list = await (await admin.GetAsync("/admin/sections", TestContext.Current.CancellationToken)).HtmlAsync();

        list.QuerySelector("[data-testid=status-message]")!.TextContent.ShouldBe("Section “法律顾问室” created");
    }

    [Fact]
    public void Values_inside_a_message_are_translated_when_they_are_keys_themselves()
    {
        var message = InCulture("en-US", localizer => localizer.Message("任务标题不能超过500个字"));

        message.ShouldBe("Task title cannot be longer than 500 characters");
    }

    [Fact]
    public void A_value_that_is_itself_a_message_with_a_value_is_translated_too()
    {
        var message = InCulture("en-US", localizer => localizer.Message("登录失败次数过多，请15分钟后再试；如忘记密码，请联系系统管理员"));

        message.ShouldBe("Too many failed sign-ins; try again in 15 minutes. If you have forgotten your password, contact the system administrator");
    }

    [Fact]
    public void Messages_joined_with_a_semicolon_are_translated_one_by_one()
    {
        var message = InCulture("en-US", localizer => localizer.Message("密码必须包含至少一个数字；密码至少需要8个字符"));

        message.ShouldBe("The password must contain at least one digit; The password needs at least 8 characters");
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
            .Where(f => !IsBuildOutput(f));
    }

    private static bool IsBuildOutput(string path) =>
        path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") || path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}");

    /// <summary>Every overload <c>Labels.Of(SomeEnum)</c>: a new enum with labels is checked without being listed here.</summary>
    private static IEnumerable<MethodInfo> LabelOverloads() =>
        typeof(Labels).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.Name == nameof(Labels.Of) && m.ReturnType == typeof(string) && m.GetParameters() is [{ ParameterType.IsEnum: true }]);

    private static IEnumerable<string> EveryLabel() =>
        LabelOverloads().SelectMany(m => Enum.GetValues(m.GetParameters()[0].ParameterType).Cast<object>()
            .Select(value => (string)m.Invoke(null, [value])!));

    /// <summary>
    /// Where Chinese in the code is not a message a page shows: the importer reads the plan document's own words and
    /// reports to the console, the command line, the self-managed server and a failed start write bilingual lines to the console, the
    /// seed data are names, the demo year writes what sections, the office and leaders would type (stored content, shown as
    /// typed in every language, like a user's own text), the annual report's drafter writes the bureau's Chinese document
    /// (stored as the office's text, printed and exported in Chinese whatever the UI language), the last-resort error page
    /// is static, dates and numerals are formats.
    /// </summary>
    private static readonly string[] NotShownOnPages =
    [
        "RuleOfLawPlan.Domain/Import/",
        "RuleOfLawPlan.Domain/ChineseNumerals.cs",
        "RuleOfLawPlan.Web/Cli/",
        "RuleOfLawPlan.Web/Data/LocalPostgres/",
        "RuleOfLawPlan.Web/Data/Migrations/",
        "RuleOfLawPlan.Web/Data/SampleData.cs",
        "RuleOfLawPlan.Web/Data/Demo/",
        "RuleOfLawPlan.Web/Pages/Reports/ReportDrafter.cs",
        "RuleOfLawPlan.Web/Data/DatabaseSetup.cs",
        "RuleOfLawPlan.Web/Startup/LastResortErrorPage.cs",
        "RuleOfLawPlan.Web/Startup/PortInUse.cs",
        "RuleOfLawPlan.Web/Pages/Shared/ChinaTime.cs",
        "RuleOfLawPlan.Web/Pages/Reports/ReportDocxWriter",
    ];

    /// <summary>Formats with Chinese in them, not messages: dates read 2023年6月1日 in both languages.</summary>
    private static readonly string[] Formats = ["{0}年{1}月{2}日"];

    /// <summary>
    /// Every string in the C# code of the app and the domain that contains Chinese: the messages (domain rules,
    /// validators, status lines, Identity's and model binding's texts) and the labels. An interpolated string is
    /// the key with placeholders that <see cref="Messages.Message"/> matches it against: $"{what}不能为空" → "{0}不能为空".
    /// </summary>
    private static IEnumerable<string> ChineseTextInCode()
    {
        var src = Path.Combine(TestPaths.RepositoryRoot(), "src");
        return Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !IsBuildOutput(f))
            .Where(f => !NotShownOnPages.Any(p => Path.GetRelativePath(src, f).Replace(Path.DirectorySeparatorChar, '/').StartsWith(p, StringComparison.Ordinal)))
            .SelectMany(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f)).GetRoot().DescendantNodes())
            .Select(node => node switch
            {
                LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression) => literal.Token.ValueText,
                InterpolatedStringExpressionSyntax interpolated => KeyOf(interpolated),
                _ => null,
            })
            .OfType<string>()
            .Where(text => Chinese().IsMatch(text) && !Formats.Contains(text));
    }

    private static string KeyOf(InterpolatedStringExpressionSyntax interpolated)
    {
        var index = 0;
        return string.Concat(interpolated.Contents.Select(part => part switch
        {
            InterpolatedStringTextSyntax text => text.TextToken.ValueText,
            _ => $"{{{index++}}}",
        }));
    }

    [GeneratedRegex("""\b[Ll]\["(?<key>[^"]+)"[,\]]""")]
    private static partial Regex LocalizerKey();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Chinese();
}

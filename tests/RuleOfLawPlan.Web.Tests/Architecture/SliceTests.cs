using System.Text.RegularExpressions;

namespace RuleOfLawPlan.Web.Tests.Architecture;

/// <summary>
/// The rules of docs/architecture.md ("Pages are slices") that no compiler checks: a feature's pages use only their
/// own feature's types and Pages/Shared, and every link to a page comes from routing.
/// </summary>
public sealed partial class SliceTests
{
    private static readonly string Pages = Path.Combine(TestPaths.RepositoryRoot(), "src", "RuleOfLawPlan.Web", "Pages");

    [Fact]
    public void A_feature_uses_no_other_features_types()
    {
        var crossings = PageSources()
            .SelectMany(file => FeatureReference().Matches(File.ReadAllText(file))
                .Select(m => m.Groups["feature"].Value)
                .Where(feature => feature != "Shared" && feature != FeatureOf(file))
                .Select(feature => $"{Relative(file)} uses Pages.{feature}"))
            .Distinct()
            .ToList();

        crossings.ShouldBeEmpty("move what both use to Pages/Shared");
    }

    [Fact]
    public void Links_and_redirects_to_pages_come_from_routing()
    {
        var hardCoded = PageSources()
            .SelectMany(file => HardCodedUrl().Matches(File.ReadAllText(file)).Select(m => $"{Relative(file)}: {m.Value}"))
            .ToList();

        hardCoded.ShouldBeEmpty("use asp-page, Url.Page or RedirectToPage");
    }

    private static IEnumerable<string> PageSources() =>
        Directory.EnumerateFiles(Pages, "*.cs*", SearchOption.AllDirectories).Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal));

    /// <summary>Pages/Tasks/Edit.cshtml.cs → "Tasks"; a page at the root of Pages belongs to no feature.</summary>
    private static string FeatureOf(string file) => Path.GetRelativePath(Pages, file).Split(Path.DirectorySeparatorChar) is [var first, _, ..] ? first : "";

    private static string Relative(string file) => Path.GetRelativePath(Pages, file);

    [GeneratedRegex(@"RuleOfLawPlan\.Web\.Pages\.(?<feature>\w+)")]
    private static partial Regex FeatureReference();

    /// <summary>href="/audit", Redirect($"/tasks/{id}"), LocalRedirect("/"): a path of the app written out.</summary>
    [GeneratedRegex(@"href=""/[^/""]*|\b(Local)?Redirect\(\$?""/")]
    private static partial Regex HardCodedUrl();
}

namespace RuleOfLawPlan.Domain.Tests.Import;

internal static class PlanFixtures
{
    public static string Plan2023Path => Path.Combine(AppContext.BaseDirectory, "Data", "plan-2023.txt");

    public static byte[] Plan2023Bytes() => File.ReadAllBytes(Plan2023Path);

    public static string Plan2023Text() => File.ReadAllText(Plan2023Path);

    /// <summary>The same plan typed with full-width punctuation, as Word produces with a Chinese IME.</summary>
    public static string ToFullWidth(string text) => text
        .Replace('(', '（').Replace(')', '）').Replace(':', '：').Replace('%', '％').Replace(',', '，');
}

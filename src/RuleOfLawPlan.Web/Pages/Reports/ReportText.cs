using System.Text.RegularExpressions;

namespace RuleOfLawPlan.Web.Pages.Reports;

/// <summary>
/// A part's plain text as the pages show it: one paragraph a line, and the heading levels of an official document —
/// 一、 (1), （一） (2), 1. (3) — told by how a paragraph starts, as <see cref="ReportDocumentPart"/> describes them.
/// </summary>
public static partial class ReportText
{
    public sealed record Paragraph(int Level, string Text);

    public static IReadOnlyList<Paragraph> Paragraphs(string text) =>
        [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => new Paragraph(LevelOf(p), p))];

    /// <summary>0 for body text, else the heading level.</summary>
    public static int LevelOf(string paragraph) =>
        Level1().IsMatch(paragraph) ? 1 : Level2().IsMatch(paragraph) ? 2 : Level3().IsMatch(paragraph) ? 3 : 0;

    /// <summary>The CSS class of a paragraph of the given level (site.css, report.css).</summary>
    public static string CssClass(int level) => level switch
    {
        1 => "report-h1",
        2 => "report-h2",
        3 => "report-h3",
        _ => "report-p",
    };

    // Escaped: 一…十 followed by 、.
    [GeneratedRegex(@"^[\u4E00\u4E8C\u4E09\u56DB\u4E94\u516D\u4E03\u516B\u4E5D\u5341]+\u3001")]
    private static partial Regex Level1();

    // Escaped: （一） in full-width or ASCII brackets.
    [GeneratedRegex(@"^[\uFF08(][\u4E00\u4E8C\u4E09\u56DB\u4E94\u516D\u4E03\u516B\u4E5D\u5341]+[\uFF09)]")]
    private static partial Regex Level2();

    // Escaped: 1. or 1． (full-width stop).
    [GeneratedRegex(@"^\d+[.\uFF0E]")]
    private static partial Regex Level3();
}

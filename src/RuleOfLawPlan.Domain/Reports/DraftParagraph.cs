namespace RuleOfLawPlan.Domain.Reports;

/// <summary>
/// A paragraph drafted from the record and where it comes from (which update, which KPI reading, which task), so the
/// office can check it. <paramref name="Source"/> is empty for a heading or a placeholder.
/// </summary>
public sealed record DraftParagraph(string Text, string Source, int? TaskId = null);

/// <summary>A part (1–5) as drafted: its paragraphs in order.</summary>
public sealed record DraftedPart(int Number, IReadOnlyList<DraftParagraph> Paragraphs)
{
    /// <summary>The part's text: its paragraphs, one a line.</summary>
    public string Text => string.Join('\n', Paragraphs.Select(p => p.Text));
}

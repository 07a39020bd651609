using System.Globalization;

namespace RuleOfLawPlan.Domain.Reports;

/// <summary>
/// One of the five parts of a revision: the text the office edits (paragraphs one a line; 一、/（一）/1. start headings),
/// and the text last drafted from the record with the source of each drafted paragraph, so the page can show where a
/// paragraph came from and tell whether the office has changed the part since it was drafted.
/// </summary>
public sealed class ReportPart : IAggregatePart<ReportRevision>
{
    public const int MaxLength = 50_000;

    private ReportPart() { }

    internal ReportPart(int number, string text, string? draftedText, string draftSources)
    {
        Number = number;
        Text = text;
        DraftedText = draftedText;
        DraftSources = draftSources;
    }

    public int Id { get; private set; }
    public int ReportRevisionId { get; private set; }

    /// <summary>1 to 5 (<see cref="ReportParts"/>).</summary>
    public int Number { get; private set; }

    public string Text { get; private set; } = "";

    /// <summary>The text as last drafted from the record; null if the part was never drafted.</summary>
    public string? DraftedText { get; private set; }

    /// <summary>
    /// The source of each paragraph of <see cref="DraftedText"/>, one a line in the same order: the task's id (or nothing),
    /// a tab, and what the paragraph was drafted from. Read through <see cref="DraftParagraphs"/>.
    /// </summary>
    public string DraftSources { get; private set; } = "";

    /// <summary>
    /// Whether the office wrote in this part since it was last drafted: drafting again would lose that, so it asks first.
    /// An empty part has nothing to lose.
    /// </summary>
    public bool IsEditedByOffice => Text.Length > 0 && Text != DraftedText;

    /// <summary>The last draft's paragraphs with their sources.</summary>
    public IReadOnlyList<DraftParagraph> DraftParagraphs
    {
        get
        {
            if (DraftedText is null) return [];
            var texts = DraftedText.Split('\n');
            var sources = DraftSources.Split('\n');
            return [.. texts.Select((text, i) =>
            {
                var line = i < sources.Length ? sources[i] : "";
                var tab = line.IndexOf('\t', StringComparison.Ordinal);
                var task = tab > 0 && int.TryParse(line.AsSpan(0, tab), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : (int?)null;
                return new DraftParagraph(text, tab >= 0 ? line[(tab + 1)..] : line, task);
            })];
        }
    }

    internal void Edit(string text) => Text = text;

    internal void ApplyDraft(DraftedPart draft)
    {
        var text = Guard.OptionalText(draft.Text, MaxLength, ReportParts.Title(Number), multiline: true);
        Text = text;
        DraftedText = text;
        DraftSources = string.Join('\n', draft.Paragraphs.Select(p =>
            (p.TaskId?.ToString(CultureInfo.InvariantCulture) ?? "") + "\t" + OneLine(p.Source)));
    }

    internal ReportPart Copy() => new(Number, Text, DraftedText, DraftSources);

    private static string OneLine(string source) => source.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');
}

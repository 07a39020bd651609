using RuleOfLawPlan.Domain;
using RuleOfLawPlan.Domain.Reports;

namespace RuleOfLawPlan.Web.Pages.Reports;

/// <summary>
/// Keeps a drafted part within what a report part holds, whatever the plan's size (decision 026). A part is drafted as
/// sections (a heading and its items, e.g. an area and its tasks); when every item fits in <see cref="PartLength"/>
/// the part is exactly that. Otherwise each section is summarised: its heading, a summary of the figures, the most
/// significant items (by <see cref="DraftItem.Priority"/>, shown in their order) within a fair share of the length,
/// and a sentence saying how many were left out and where to find them. A last cut at a paragraph boundary holds the
/// limit even when the summaries alone would not fit.
/// </summary>
public static class DraftBudget
{
    /// <summary>
    /// The most a part is drafted to: four fifths of <see cref="ReportPart.MaxLength"/>, so the office can still write in
    /// a part drafted to the full budget.
    /// </summary>
    public const int PartLength = ReportPart.MaxLength / 5 * 4;

    /// <summary>
    /// The paragraphs of a part, within <paramref name="budget"/> characters as the report stores them (normalized,
    /// paragraphs one a line). <paramref name="cut"/> ends the part when even the summaries do not fit.
    /// </summary>
    public static List<DraftParagraph> Fit(IReadOnlyList<DraftSection> sections, DraftParagraph cut, int budget = PartLength)
    {
        var full = sections.SelectMany(s => s.Heading.Concat(s.Items.SelectMany(i => i.Paragraphs))).ToList();
        if (Cost(full) <= budget) return Cap(full, cut, budget);

        var fixedCosts = sections.Select(s => Cost(s.Heading) + (s.Summary is null ? 0 : Cost(s.Summary))
            + (s.More is null || s.Items.Count == 0 ? 0 : Cost(s.More(s.Items.Count)))).ToList();
        var allowances = Share(Math.Max(0, budget - fixedCosts.Sum()), [.. sections.Select(s => s.Items.Sum(i => Cost(i.Paragraphs)))]);

        var paragraphs = new List<DraftParagraph>();
        for (var s = 0; s < sections.Count; s++)
        {
            var section = sections[s];
            paragraphs.AddRange(section.Heading);
            if (section.Summary is not null) paragraphs.AddRange(section.Summary);
            var left = allowances[s];
            var chosen = new HashSet<int>();
            foreach (var (item, index) in section.Items.Select((item, index) => (item, index)).OrderBy(x => x.item.Priority).ThenBy(x => x.index))
            {
                var cost = Cost(item.Paragraphs);
                if (cost > left) continue;
                chosen.Add(index);
                left -= cost;
            }
            for (var i = 0; i < section.Items.Count; i++)
                if (chosen.Contains(i)) paragraphs.AddRange(section.Items[i].Paragraphs);
            if (section.Items.Count > chosen.Count && section.More is not null)
                paragraphs.Add(section.More(section.Items.Count - chosen.Count));
        }
        return Cap(paragraphs, cut, budget);
    }

    /// <summary>
    /// Splits <paramref name="total"/> among sections wanting <paramref name="wants"/>: equal shares, and what a section
    /// does not need goes to the others.
    /// </summary>
    private static int[] Share(int total, int[] wants)
    {
        var shares = new int[wants.Length];
        var left = total;
        var order = Enumerable.Range(0, wants.Length).OrderBy(i => wants[i]).ToList();
        for (var k = 0; k < order.Count; k++)
        {
            var i = order[k];
            shares[i] = Math.Min(wants[i], left / (order.Count - k));
            left -= shares[i];
        }
        return shares;
    }

    /// <summary>
    /// The paragraphs as they are when they fit (measured as the report measures: normalized, one a line); otherwise the
    /// longest start of them that fits with <paramref name="cut"/> after it.
    /// </summary>
    private static List<DraftParagraph> Cap(List<DraftParagraph> paragraphs, DraftParagraph cut, int budget)
    {
        if (Stored(paragraphs) <= budget) return paragraphs;
        int low = 0, high = paragraphs.Count - 1;
        while (low < high)
        {
            var mid = (low + high + 1) / 2;
            if (Stored([.. paragraphs.Take(mid), cut]) <= budget) low = mid;
            else high = mid - 1;
        }
        return [.. paragraphs.Take(low), cut];
    }

    private static int Stored(IEnumerable<DraftParagraph> paragraphs) =>
        TextNormalizer.Normalize(string.Join('\n', paragraphs.Select(p => p.Text)), multiline: true).Length;

    private static int Cost(IEnumerable<DraftParagraph> paragraphs) => paragraphs.Sum(Cost);

    private static int Cost(DraftParagraph paragraph) => paragraph.Text.Length + 1;
}

/// <summary>
/// A section of a drafted part: its heading paragraphs, its items in the order they are shown, and for a part too long
/// to hold every item, the summary put under the heading and the sentence for the items left out (given their number).
/// </summary>
public sealed record DraftSection(IReadOnlyList<DraftParagraph> Heading, IReadOnlyList<DraftItem> Items,
    IReadOnlyList<DraftParagraph>? Summary = null, Func<int, DraftParagraph>? More = null);

/// <summary>An item's paragraphs (a task with its deliverables and figures); a lower priority is kept first.</summary>
public sealed record DraftItem(IReadOnlyList<DraftParagraph> Paragraphs, int Priority = 0);

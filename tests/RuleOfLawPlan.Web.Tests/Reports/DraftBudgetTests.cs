using RuleOfLawPlan.Domain.Reports;
using RuleOfLawPlan.Web.Pages.Reports;

namespace RuleOfLawPlan.Web.Tests.Reports;

/// <summary>
/// How a drafted part is kept within its length: as drafted when it fits; otherwise per section its summary, the most
/// significant items in their order, and how many were left out; cut at a paragraph when even that is too long.
/// </summary>
public sealed class DraftBudgetTests
{
    private static readonly DraftParagraph Cut = new("（篇幅所限）", "工作台账");

    private static DraftSection Section(string name, int items, int length, Func<int, int>? priority = null) => new(
        [new DraftParagraph(name, "")],
        [.. Enumerable.Range(0, items).Select(i => new DraftItem(
            [new DraftParagraph($"{name}{i:D3}".PadRight(length, '字'), $"任务 #{i}", i)], priority?.Invoke(i) ?? 0))],
        [new DraftParagraph($"{name}共{items}项", "工作台账")],
        left => new DraftParagraph($"{name}另有{left}项", "工作台账"));

    private static int Length(IEnumerable<DraftParagraph> paragraphs) => string.Join('\n', paragraphs.Select(p => p.Text)).Length;

    [Fact]
    public void A_part_that_fits_is_as_drafted_without_summaries()
    {
        var sections = new[] { Section("甲", 3, 10), Section("乙", 2, 10) };

        var part = DraftBudget.Fit(sections, Cut, budget: 1_000);

        part.Select(p => p.Text).ShouldBe(sections.SelectMany(s => s.Heading.Concat(s.Items.SelectMany(i => i.Paragraphs))).Select(p => p.Text));
    }

    [Fact]
    public void A_part_too_long_keeps_each_sections_most_significant_items_in_order_and_says_how_many_it_left_out()
    {
        // 甲's odd items matter more; 乙 is short and needs less than its share, which goes to 甲.
        var sections = new[] { Section("甲", 40, 50, i => i % 2 == 0 ? 1 : 0), Section("乙", 2, 50) };

        var part = DraftBudget.Fit(sections, Cut, budget: 1_000);

        Length(part).ShouldBeLessThanOrEqualTo(1_000);
        var texts = part.Select(p => p.Text).ToList();
        texts[0].ShouldBe("甲");
        texts[1].ShouldBe("甲共40项");
        var kept = part.Where(p => p.TaskId is not null && p.Text.StartsWith('甲')).Select(p => p.TaskId!.Value).ToList();
        kept.ShouldBe(kept.Order().ToList(), "shown in their order");
        kept.ShouldAllBe(i => i % 2 == 1, "the more significant first");
        texts.ShouldContain($"甲另有{40 - kept.Count}项");
        texts.SkipWhile(t => t != "乙").ShouldBe(["乙", "乙共2项", .. sections[1].Items.Select(i => i.Paragraphs[0].Text)]);
    }

    [Fact]
    public void When_even_the_summaries_are_too_long_the_part_is_cut_at_a_paragraph_and_says_so()
    {
        var sections = Enumerable.Range(0, 200).Select(i => Section($"方面{i}", 5, 20)).ToList();

        var part = DraftBudget.Fit(sections, Cut, budget: 1_000);

        Length(part).ShouldBeLessThanOrEqualTo(1_000);
        part[^1].ShouldBe(Cut);
        part[0].Text.ShouldBe("方面0");
    }
}

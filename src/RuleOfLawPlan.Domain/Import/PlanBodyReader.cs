using System.Text.RegularExpressions;

namespace RuleOfLawPlan.Domain.Import;

/// <summary>
/// Reads the numbered body of a plan, line by line. A top-level heading (一、) opens a part of the plan;
/// inside the key-work part a (一) heading opens an area, and the first numbering style met inside an
/// area (1. / (1) / (一)) is its task level. Any other line is text of whatever is open.
/// One pass over one document; not reusable.
/// </summary>
internal sealed class PlanBodyReader(IReadOnlyList<SourceLine> lines, ImportWarnings warnings)
{
    /// <summary>The part of the plan a top-level heading opens.</summary>
    private enum Part { Guiding, Leadership, KeyWork, Requirements, DirectArea, Ignored }

    private enum ItemStyle { SubHeading, Dot, Paren }

    private sealed class AreaDraft(int ordinal, string ordinalText, string title)
    {
        public int Ordinal { get; } = ordinal;
        public string OrdinalText { get; } = ordinalText;
        public string Title { get; } = title;
        public List<string> Body { get; } = [];
        public List<TaskDraft> Tasks { get; } = [];
        public ItemStyle? TaskStyle { get; set; }
    }

    private sealed record TaskDraft(int? Number, string Title)
    {
        public List<string> Body { get; } = [];
    }

    private sealed record RequirementDraft(string Title)
    {
        public List<string> Body { get; } = [];
    }

    private readonly List<string> _guiding = [];
    private readonly List<string> _leadership = [];
    private readonly List<AreaDraft> _areas = [];
    private readonly List<RequirementDraft> _requirements = [];

    private Part _part;
    private bool _areasHaveAWrapper;
    private AreaDraft? _area;
    private RequirementDraft? _requirement;

    /// <summary>The task text goes to: the area's last task, which is open until the area closes.</summary>
    private TaskDraft? OpenTask => _area?.Tasks.LastOrDefault();

    public PlanBody Read(int start, int end)
    {
        var topHeadings = Enumerable.Range(start, end - start)
            .Select(i => PlanPatterns.TopHeading().Match(lines[i].Text)).Where(m => m.Success).ToList();
        _areasHaveAWrapper = topHeadings.Any(m => PlanPatterns.KeyWorkSection().IsMatch(SplitHeading(m.Groups["rest"].Value).Lead));
        // Without any 一、 headings the (一) headings can only be the key-work areas.
        _part = topHeadings.Count > 0 ? Part.Ignored : Part.KeyWork;

        for (var i = start; i < end; i++)
        {
            var line = lines[i];
            if (PlanPatterns.TopHeading().Match(line.Text) is { Success: true } top) OpenPart(line, top);
            else if (!TryOpenItem(line)) AddText(line, line.Text);
        }

        return new PlanBody(
            string.Join("\n", _guiding),
            string.Join("\n", _leadership),
            _areas.Select(ToParsedArea).ToList(),
            _requirements.Select((r, i) => new ParsedRequirement(i + 1, r.Title, string.Join("\n", r.Body))).ToList());
    }

    private void OpenPart(SourceLine line, Match heading)
    {
        var (title, rest) = SplitHeading(heading.Groups["rest"].Value);
        _area = null;
        _requirement = null;
        _part = Classify(title);
        switch (_part)
        {
            case Part.DirectArea:
                OpenArea(line, heading.Groups["num"].Value + "、", title, rest);
                break;
            case Part.Ignored:
                warnings.Add(line.Number, $"“{Shorten(line.Text)}”不属于指导思想、组织领导、重点工作或工作要求，该部分内容已忽略。");
                break;
            case Part.KeyWork:
                // Text on the 重点工作 heading itself belongs to no area.
                if (rest.Length > 0) warnings.Add(line.Number, $"“{Shorten(rest)}”无法归入计划的任何部分，已忽略。");
                break;
            default:
                if (rest.Length > 0) AddText(line, rest);
                break;
        }
    }

    private Part Classify(string title)
    {
        if (PlanPatterns.GuidingSection().IsMatch(title)) return Part.Guiding;
        if (PlanPatterns.LeadershipSection().IsMatch(title)) return Part.Leadership;
        if (PlanPatterns.RequirementsSection().IsMatch(title)) return Part.Requirements;
        if (PlanPatterns.KeyWorkSection().IsMatch(title)) return Part.KeyWork;
        // Plans without a 重点工作 wrapper put each key-work area directly under 一、二、….
        return _areasHaveAWrapper ? Part.Ignored : Part.DirectArea;
    }

    /// <summary>A numbered line that opens an area, a task or a requirement; false when it is only text.</summary>
    private bool TryOpenItem(SourceLine line)
    {
        if (PlanPatterns.SubHeading().Match(line.Text) is { Success: true } sub)
        {
            var (title, rest) = SplitHeading(sub.Groups["rest"].Value);
            switch (_part)
            {
                case Part.KeyWork:
                    OpenArea(line, "(" + sub.Groups["num"].Value + ")", title, rest);
                    return true;
                case Part.Requirements:
                    _requirement = AddRequirement(title, rest);
                    return true;
                case Part.DirectArea:
                    return TryOpenTask(ItemStyle.SubHeading, ChineseNumerals.ParseSmall(sub.Groups["num"].Value), title, rest);
                default:
                    return false;
            }
        }
        if (_area is not null && NumberedItem(line.Text) is { } item)
        {
            var (title, rest) = SplitLead(item.Match.Groups["rest"].Value);
            return TryOpenTask(item.Style, int.TryParse(item.Match.Groups["num"].Value, out var n) ? n : null, title, rest);
        }
        return false;
    }

    /// <summary>Plain text (or a numbering level below the task level: 一是…, 责任单位:…) belongs to what is open.</summary>
    private void AddText(SourceLine line, string text)
    {
        switch (_part)
        {
            case Part.KeyWork or Part.DirectArea when _area is null:
                warnings.Add(line.Number, $"“{Shorten(text)}”无法归入任何重点工作，已忽略。");
                break;
            case Part.KeyWork or Part.DirectArea:
                (OpenTask?.Body ?? _area!.Body).Add(text);
                break;
            case Part.Guiding:
                _guiding.Add(text);
                break;
            case Part.Leadership:
                _leadership.Add(text);
                break;
            case Part.Requirements when _requirement is not null:
                _requirement.Body.Add(text);
                break;
            case Part.Requirements:
                // Requirements written as plain paragraphs: each paragraph is one requirement led by its first sentence.
                var (title, rest) = SplitLead(text);
                AddRequirement(title, rest);
                break;
        }
    }

    private void OpenArea(SourceLine line, string ordinalText, string title, string rest)
    {
        if (title.Length == 0) warnings.Add(line.Number, "该项重点工作没有标题，请补充。");
        _area = new AreaDraft(_areas.Count + 1, ordinalText, title);
        if (rest.Length > 0) _area.Body.Add(rest);
        _areas.Add(_area);
    }

    private bool TryOpenTask(ItemStyle style, int? number, string title, string rest)
    {
        if (_area is null) return false;
        _area.TaskStyle ??= style;
        if (_area.TaskStyle != style) return false;
        var task = new TaskDraft(number, title);
        if (rest.Length > 0) task.Body.Add(rest);
        _area.Tasks.Add(task);
        return true;
    }

    private RequirementDraft AddRequirement(string title, string rest)
    {
        var requirement = new RequirementDraft(title);
        if (rest.Length > 0) requirement.Body.Add(rest);
        _requirements.Add(requirement);
        return requirement;
    }

    private static ParsedArea ToParsedArea(AreaDraft area)
    {
        var body = string.Join("\n", area.Body);
        // An area without numbered items is still tracked, as one task that is the whole area.
        var tasks = area.Tasks.Count == 0
            ? [ToParsedTask(null, area.Title, body)]
            : area.Tasks.Select(t => ToParsedTask(t.Number, t.Title, string.Join("\n", t.Body))).ToList();
        return new ParsedArea(area.Ordinal, area.OrdinalText, area.Title, body, tasks);
    }

    private static ParsedTask ToParsedTask(int? number, string title, string body)
    {
        var (kpis, deliverables) = TaskContentScanner.Scan(title, body);
        return new ParsedTask(number, title, body, kpis, deliverables);
    }

    private static (ItemStyle Style, Match Match)? NumberedItem(string text)
    {
        var dot = PlanPatterns.DotItem().Match(text);
        if (dot.Success) return (ItemStyle.Dot, dot);
        var paren = PlanPatterns.ParenItem().Match(text);
        return paren.Success ? (ItemStyle.Paren, paren) : null;
    }

    /// <summary>"加强城市管理领域立法工作。坚持围绕…" → lead sentence (without 。) and the rest.</summary>
    private static (string Lead, string Remainder) SplitLead(string text) => SplitAt(text, ['。']);

    /// <summary>Section headings are also glued with a colon: "二、组织领导:成立领导小组。".</summary>
    private static (string Lead, string Remainder) SplitHeading(string text) => SplitAt(text, ['。', ':']);

    private static (string Lead, string Remainder) SplitAt(string text, char[] stops)
    {
        var stop = text.IndexOfAny(stops);
        if (stop < 0) return (text.Trim().TrimEnd(':').Trim(), "");
        return (text[..stop].Trim(), text[(stop + 1)..].Trim());
    }

    private static string Shorten(string text) => text.Length <= 30 ? text : text[..30] + "…";
}

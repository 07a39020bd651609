using System.Text.RegularExpressions;

namespace RuleOfLawPlan.Domain.Import;

/// <summary>One pass over the lines of one document; not reusable.</summary>
internal sealed class PlanBuilder(List<SourceLine> lines)
{
    private const int MaxWarnings = 200;
    private const int MaxSignatureLength = 40;
    private const string DefaultTitleTail = "法治政府建设工作计划";

    private enum Section { Guiding, Leadership, KeyWork, Requirements, DirectArea, Ignored }

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

    private sealed class TaskDraft(int? number, string title)
    {
        public int? Number { get; } = number;
        public string Title { get; } = title;
        public List<string> Body { get; } = [];
    }

    private sealed class RequirementDraft(string title)
    {
        public string Title { get; } = title;
        public List<string> Body { get; } = [];
    }

    private readonly List<ImportWarning> _warnings = [];
    private int _droppedWarnings;
    private readonly List<string> _guiding = [];
    private readonly List<string> _leadership = [];
    private readonly List<AreaDraft> _areas = [];
    private readonly List<RequirementDraft> _requirements = [];

    private string? _title;
    private string? _organ;
    private DateOnly? _date;
    private string? _coverOrgan;
    private DateOnly? _coverDate;
    private string _preamble = "";

    public ParsedPlan Build()
    {
        if (lines.Count == 0)
        {
            Warn(null, "文件内容为空，未识别到任何计划内容。");
            return Finish();
        }

        var end = ReadSignature();
        var firstHeading = lines.FindIndex(0, end, l => PlanPatterns.TopHeading().IsMatch(l.Text) || PlanPatterns.SubHeading().IsMatch(l.Text));
        if (firstHeading < 0)
        {
            ReadFrontMatter(end);
            Warn(null, "未找到“一、”“（一）”等编号标题，无法识别计划结构，全文已作为前言保留。");
        }
        else
        {
            ReadFrontMatter(firstHeading);
            ReadBody(firstHeading, end);
        }
        return Finish();
    }

    /// <summary>The issuing organ and date at the end; returns the index where the plan text ends.</summary>
    private int ReadSignature()
    {
        var end = lines.Count;
        if (TryDate(lines[end - 1].Text) is { } date)
        {
            _date = date;
            end--;
        }
        if (end > 0 && IsSignatureLike(lines[end - 1].Text) && (_date is not null || EndsLikeOrgan(lines[end - 1].Text)))
        {
            _organ = lines[end - 1].Text;
            end--;
        }
        return end;
    }

    private void ReadFrontMatter(int end)
    {
        var index = 0;
        var notice = lines.FindIndex(0, end, l => PlanPatterns.CoverNotice().IsMatch(l.Text));
        if (notice >= 0)
        {
            var coverEnd = lines.FindLastIndex(end - 1, end - notice, l => TryDate(l.Text) is not null);
            if (coverEnd < 0) coverEnd = notice;
            else
            {
                _coverDate = TryDate(lines[coverEnd].Text);
                if (coverEnd - 1 > notice && IsSignatureLike(lines[coverEnd - 1].Text)) _coverOrgan = lines[coverEnd - 1].Text;
            }
            for (var i = 0; i <= coverEnd && _title is null; i++)
            {
                var m = PlanPatterns.DocumentName().Match(lines[i].Text);
                if (m.Success && PlanPatterns.CoverNotice().IsMatch(lines[i].Text)) _title = m.Groups["name"].Value.Trim();
            }
            index = coverEnd + 1;
            if (index < end && lines[index].Text.TrimEnd(':') == "附件") index++;
        }

        // A title may be wrapped over up to three short lines (organ on one, "2023年…工作计划" on the next).
        for (var count = 1; count <= 3 && index + count <= end; count++)
        {
            var candidate = lines[index + count - 1].Text;
            if (!IsSignatureLike(candidate)) break;
            if (PlanPatterns.TitleEnding().IsMatch(candidate))
            {
                _title = string.Concat(lines.GetRange(index, count).Select(l => l.Text)).Trim('《', '》');
                index += count;
                break;
            }
        }

        _preamble = string.Join("\n", lines.GetRange(index, end - index).Select(l => l.Text));
    }

    private void ReadBody(int start, int end)
    {
        var hasTopHeadings = false;
        var hasKeyWorkWrapper = false;
        for (var i = start; i < end; i++)
        {
            var m = PlanPatterns.TopHeading().Match(lines[i].Text);
            if (!m.Success) continue;
            hasTopHeadings = true;
            if (PlanPatterns.KeyWorkSection().IsMatch(SplitHeading(m.Groups["rest"].Value).Lead)) hasKeyWorkWrapper = true;
        }

        // Without any 一、 headings the (一) headings can only be the key-work areas.
        var section = hasTopHeadings ? Section.Ignored : Section.KeyWork;
        AreaDraft? area = null;
        TaskDraft? task = null;
        RequirementDraft? requirement = null;

        for (var i = start; i < end; i++)
        {
            var line = lines[i];
            var text = line.Text;

            if (PlanPatterns.TopHeading().Match(text) is { Success: true } top)
            {
                var (title, rest) = SplitHeading(top.Groups["rest"].Value);
                area = null;
                task = null;
                requirement = null;
                section = Classify(title, hasKeyWorkWrapper);
                switch (section)
                {
                    case Section.DirectArea:
                        area = StartArea(line, top.Groups["num"].Value + "、", title);
                        if (rest.Length > 0) area.Body.Add(rest);
                        break;
                    case Section.Ignored:
                        Warn(line.Number, $"“{Shorten(text)}”不属于指导思想、组织领导、重点工作或工作要求，该部分内容已忽略。");
                        break;
                    default:
                        if (rest.Length > 0) AppendToSection(section, line, rest, ref requirement);
                        break;
                }
                continue;
            }

            if (PlanPatterns.SubHeading().Match(text) is { Success: true } sub)
            {
                var (title, rest) = SplitHeading(sub.Groups["rest"].Value);
                if (section == Section.KeyWork)
                {
                    area = StartArea(line, "(" + sub.Groups["num"].Value + ")", title);
                    task = null;
                    if (rest.Length > 0) area.Body.Add(rest);
                    continue;
                }
                if (section == Section.Requirements)
                {
                    requirement = new RequirementDraft(title);
                    if (rest.Length > 0) requirement.Body.Add(rest);
                    _requirements.Add(requirement);
                    continue;
                }
                if (section == Section.DirectArea && area is not null && TryStartTask(area, ItemStyle.SubHeading, ChineseNumerals.ParseSmall(sub.Groups["num"].Value), title, rest) is { } subTask)
                {
                    task = subTask;
                    continue;
                }
            }
            else if (area is not null && ItemMatch(text) is { } item)
            {
                var (title, rest) = SplitLead(item.Match.Groups["rest"].Value);
                if (TryStartTask(area, item.Style, int.TryParse(item.Match.Groups["num"].Value, out var n) ? n : null, title, rest) is { } numbered)
                {
                    task = numbered;
                    continue;
                }
            }

            // Plain text (or a numbering level below the task level, 一是…, 责任单位:…): it belongs to what is open.
            if (section is Section.KeyWork or Section.DirectArea)
            {
                if (task is not null) task.Body.Add(text);
                else if (area is not null) area.Body.Add(text);
                else Warn(line.Number, $"“{Shorten(text)}”无法归入任何重点工作，已忽略。");
            }
            else if (section != Section.Ignored)
            {
                AppendToSection(section, line, text, ref requirement);
            }
        }
    }

    private Section Classify(string title, bool hasKeyWorkWrapper)
    {
        if (PlanPatterns.GuidingSection().IsMatch(title)) return Section.Guiding;
        if (PlanPatterns.LeadershipSection().IsMatch(title)) return Section.Leadership;
        if (PlanPatterns.RequirementsSection().IsMatch(title)) return Section.Requirements;
        if (PlanPatterns.KeyWorkSection().IsMatch(title)) return Section.KeyWork;
        // Plans without a 重点工作 wrapper put each key-work area directly under 一、二、….
        return hasKeyWorkWrapper ? Section.Ignored : Section.DirectArea;
    }

    private void AppendToSection(Section section, SourceLine line, string text, ref RequirementDraft? requirement)
    {
        switch (section)
        {
            case Section.Guiding:
                _guiding.Add(text);
                break;
            case Section.Leadership:
                _leadership.Add(text);
                break;
            case Section.Requirements:
                if (requirement is null)
                {
                    // Requirements written as plain paragraphs: each paragraph is one requirement led by its first sentence.
                    var (title, rest) = SplitLead(text);
                    requirement = new RequirementDraft(title);
                    if (rest.Length > 0) requirement.Body.Add(rest);
                    _requirements.Add(requirement);
                    requirement = null;
                }
                else requirement.Body.Add(text);
                break;
            default:
                Warn(line.Number, $"“{Shorten(text)}”无法归入计划的任何部分，已忽略。");
                break;
        }
    }

    private AreaDraft StartArea(SourceLine line, string ordinalText, string title)
    {
        if (title.Length == 0) Warn(line.Number, "该项重点工作没有标题，请补充。");
        var area = new AreaDraft(_areas.Count + 1, ordinalText, title);
        _areas.Add(area);
        return area;
    }

    /// <summary>The first numbering style met inside an area is its task level; other styles stay in the body.</summary>
    private static TaskDraft? TryStartTask(AreaDraft area, ItemStyle style, int? number, string title, string rest)
    {
        area.TaskStyle ??= style;
        if (area.TaskStyle != style) return null;
        var task = new TaskDraft(number, title);
        if (rest.Length > 0) task.Body.Add(rest);
        area.Tasks.Add(task);
        return task;
    }

    private static (ItemStyle Style, Match Match)? ItemMatch(string text)
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

    private ParsedPlan Finish()
    {
        if (_organ is null && _coverOrgan is not null) _organ = _coverOrgan;
        if (_date is null && _coverDate is not null) _date = _coverDate;

        var year = YearIn(_title) ?? _date?.Year ?? YearIn(_preamble);
        if (lines.Count > 0)
        {
            if (_organ is null) Warn(null, "未找到落款的发文机关，请手工填写。");
            if (_date is null) Warn(null, "未找到落款的成文日期（如“2023年4月25日”），请手工填写。");
            if (year is null) Warn(null, "未能确定计划年度，请手工填写。");
            if (_areas.Count == 0) Warn(null, "未识别到任何重点工作，请检查文件格式（重点工作应以“（一）”或“一、”等编号开头）。");
        }

        var title = _title;
        if (string.IsNullOrWhiteSpace(title))
        {
            title = $"{_organ}{(year is null ? "" : $"{year}年")}{DefaultTitleTail}";
            Warn(null, $"文件中没有计划标题，已自动生成标题“{title}”，请核对。");
        }

        if (_droppedWarnings > 0) _warnings.Add(new ImportWarning(null, $"另有{_droppedWarnings}条提示未列出，请检查文件格式是否正确。"));

        return new ParsedPlan(
            title,
            year,
            _organ,
            _date,
            _preamble,
            string.Join("\n", _guiding),
            string.Join("\n", _leadership),
            _areas.Select(ToArea).ToList(),
            _requirements.Select((r, i) => new ParsedRequirement(i + 1, r.Title, string.Join("\n", r.Body))).ToList(),
            _warnings);
    }

    private static ParsedArea ToArea(AreaDraft area)
    {
        var body = string.Join("\n", area.Body);
        // An area without numbered items is still tracked, as one task that is the whole area.
        var tasks = area.Tasks.Count == 0
            ? [ToTask(null, area.Title, body)]
            : area.Tasks.Select(t => ToTask(t.Number, t.Title, string.Join("\n", t.Body))).ToList();
        return new ParsedArea(area.Ordinal, area.OrdinalText, area.Title, body, tasks);
    }

    private static ParsedTask ToTask(int? number, string title, string body)
    {
        var (kpis, deliverables) = TaskContentScanner.Scan(title, body);
        return new ParsedTask(number, title, body, kpis, deliverables);
    }

    private static int? YearIn(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        var m = PlanPatterns.YearMention().Match(text);
        return m.Success ? int.Parse(m.Groups["y"].ValueSpan) : null;
    }

    private static DateOnly? TryDate(string text)
    {
        var m = PlanPatterns.DateLine().Match(text);
        if (!m.Success) return null;
        var year = ChineseNumerals.ParseDigits(m.Groups["y"].Value);
        var month = ChineseNumerals.ParseSmall(m.Groups["m"].Value);
        var day = ChineseNumerals.ParseSmall(m.Groups["d"].Value);
        if (year is not (>= 1900 and <= 2200) || month is not (>= 1 and <= 12) || day is null) return null;
        return day >= 1 && day <= DateTime.DaysInMonth(year.Value, month.Value) ? new DateOnly(year.Value, month.Value, day.Value) : null;
    }

    /// <summary>A short line with no sentence punctuation: a title line or a signature.</summary>
    private static bool IsSignatureLike(string text) =>
        text.Length <= MaxSignatureLength
        && text.IndexOfAny(['。', ',', '，', ';', '；', ':', '!', '！', '?', '？']) < 0
        && !PlanPatterns.TopHeading().IsMatch(text)
        && !PlanPatterns.SubHeading().IsMatch(text)
        && !PlanPatterns.DotItem().IsMatch(text)
        && !PlanPatterns.ParenItem().IsMatch(text);

    private static bool EndsLikeOrgan(string text) =>
        text.EndsWith('局') || text.EndsWith('委') || text.EndsWith("委员会", StringComparison.Ordinal) || text.EndsWith("政府", StringComparison.Ordinal)
        || text.EndsWith('厅') || text.EndsWith('办') || text.EndsWith("办公室", StringComparison.Ordinal) || text.EndsWith("中心", StringComparison.Ordinal);

    private static string Shorten(string text) => text.Length <= 30 ? text : text[..30] + "…";

    private void Warn(int? line, string message)
    {
        if (_warnings.Count >= MaxWarnings)
        {
            _droppedWarnings++;
            return;
        }
        _warnings.Add(new ImportWarning(line, line is null ? message : $"第{line}行：{message}"));
    }
}

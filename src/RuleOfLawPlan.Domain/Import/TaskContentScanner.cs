using System.Globalization;
using RuleOfLawPlan.Domain.Plans;

namespace RuleOfLawPlan.Domain.Import;

/// <summary>
/// Finds KPIs and deliverables in a task's text. Only explicit target phrasings count
/// (达…以上, 达100%, 不少于…, 全覆盖, 双下降, a verb on a 《document》): a bare percentage or
/// "执法全过程可回溯管理" is a description, not something that can be measured against a
/// target, and a false KPI costs a section head a monthly reading that means nothing.
/// </summary>
internal static class TaskContentScanner
{
    private const int MaxSubjectLength = 60;
    private static readonly char[] SentenceEnds = ['。', '；', ';', '！', '!', '？', '?', '\n'];
    private const string ClauseBoundaries = ",，;；:：。\n";
    private const string ListBoundaries = ",，;；:：。、\n";

    // Verbs and connectors that lead into the measured subject but are not part of its name.
    private static readonly string[] LeadingWords =
        ["促进", "实现", "确保", "力争", "推动", "推进", "做到", "保持", "保证", "争取", "全力", "努力", "逐步", "基本", "持续", "使", "并", "且", "要", "全年", "年度内"];
    private static readonly string[] TrailingWords = ["要", "均", "应", "需", "须", "力争", "确保", "保持", "的"];

    public static (IReadOnlyList<ParsedKpi> Kpis, IReadOnlyList<ParsedDeliverable> Deliverables) Scan(string title, string body)
    {
        var kpis = new KpiSet();
        var deliverables = new DeliverableSet();
        var text = body.Length == 0 ? title : title + "。" + body;
        foreach (var raw in text.Split(SentenceEnds, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            FindKpis(raw, kpis);
            FindDeliverables(raw, deliverables);
        }
        return (kpis.Items, deliverables.Items);
    }

    // Sets keep de-duplication linear even when a huge upload lands in one task.
    private sealed class KpiSet
    {
        private readonly HashSet<(string, KpiComparator)> _seen = [];
        public List<ParsedKpi> Items { get; } = [];

        public void Add(ParsedKpi kpi)
        {
            if (kpi.Name.Length == 0) return;   // a target with no subject cannot be tracked
            if (_seen.Add((kpi.Name, kpi.Comparator))) Items.Add(kpi);
        }
    }

    private sealed class DeliverableSet
    {
        private readonly HashSet<string> _seen = [];
        public List<ParsedDeliverable> Items { get; } = [];

        public void Add(ParsedDeliverable deliverable)
        {
            if (deliverable.Name.Length > 0 && _seen.Add(deliverable.Name)) Items.Add(deliverable);
        }
    }

    private static void FindKpis(string sentence, KpiSet kpis)
    {
        foreach (var m in PlanPatterns.ReachPercent().EnumerateMatches(sentence))
        {
            var match = PlanPatterns.ReachPercent().Match(sentence, m.Index, m.Length);
            if (!TryNumber(match.Groups["num"].Value, out var value)) continue;
            KpiComparator comparator;
            if (value == 100m) comparator = KpiComparator.Equal;
            else if (match.Groups["above"].Success) comparator = KpiComparator.AtLeast;
            else continue;   // "达85%" without 以上 usually reports a past figure, not a target
            var name = Subject(sentence, m.Index, ClauseBoundaries);
            kpis.Add(new ParsedKpi(name, sentence, comparator, value, "%", KpiKind.Percentage));
        }

        foreach (var m in PlanPatterns.BoundPercent().EnumerateMatches(sentence))
        {
            var match = PlanPatterns.BoundPercent().Match(sentence, m.Index, m.Length);
            if (!TryNumber(match.Groups["num"].Value, out var value)) continue;
            var op = match.Groups["op"].Value;
            var comparator = op.Contains('超') || op.Contains('高') ? KpiComparator.AtMost : KpiComparator.AtLeast;
            // "不少于本单位执法人员总数的5%" names a denominator: a share of a count, not a direct reading.
            var denominator = match.Groups["den"].Value.Trim().TrimEnd('的').Trim();
            var kind = denominator.Length > 0 ? KpiKind.Ratio : KpiKind.Percentage;
            var name = Subject(sentence, m.Index, ClauseBoundaries);
            kpis.Add(new ParsedKpi(name, sentence, comparator, value, "%", kind));
        }

        foreach (var m in PlanPatterns.FullCoverage().EnumerateMatches(sentence))
        {
            // "重大决策、规范性文件、合同协议等合法性审查全覆盖": the list before 等 is the scope, the name is what follows.
            var subject = Subject(sentence, m.Index, ListBoundaries);
            var afterDeng = subject.LastIndexOf('等');
            if (afterDeng >= 0) subject = StripLeading(subject[(afterDeng + 1)..]);
            if (subject.Length == 0) continue;
            kpis.Add(new ParsedKpi(subject + "覆盖率", sentence, KpiComparator.Equal, 100m, "%", KpiKind.Percentage));
        }

        foreach (var m in PlanPatterns.DoubleDecrease().EnumerateMatches(sentence))
        {
            var subject = Subject(sentence, m.Index, ClauseBoundaries);
            foreach (var part in subject.Split(['和', '与', '及', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var name = StripLeading(part);
                if (name.Length > 0)
                    kpis.Add(new ParsedKpi(name, sentence, KpiComparator.DecreaseYearOnYear, null, "", KpiKind.YearOnYearCount));
            }
        }
    }

    private static void FindDeliverables(string sentence, DeliverableSet deliverables)
    {
        if (!sentence.Contains('《')) return;
        // Both word orders are searched; the documents are kept in the order the sentence names them.
        var found = new List<(int Position, ParsedDeliverable Deliverable)>();
        foreach (var pattern in new[] { PlanPatterns.VerbThenDocuments(), PlanPatterns.DocumentsThenVerb() })
        {
            foreach (var m in pattern.EnumerateMatches(sentence))
            {
                var match = pattern.Match(sentence, m.Index, m.Length);
                var verb = match.Groups["verb"].Value;
                var action = verb.StartsWith('修') ? DeliverableAction.Revise : DeliverableAction.Draft;
                foreach (var doc in PlanPatterns.DocumentName().EnumerateMatches(match.Groups["docs"].ValueSpan))
                {
                    var name = match.Groups["docs"].Value.Substring(doc.Index + 1, doc.Length - 2).Trim();
                    found.Add((match.Groups["docs"].Index + doc.Index, new ParsedDeliverable(name, action, sentence)));
                }
            }
        }

        foreach (var (_, deliverable) in found.OrderBy(f => f.Position))
            deliverables.Add(deliverable);
    }

    /// <summary>The words before a target phrase, back to the previous clause boundary.</summary>
    private static string Subject(string sentence, int end, string boundaries)
    {
        var start = end;
        while (start > 0 && end - start < MaxSubjectLength && !boundaries.Contains(sentence[start - 1])) start--;
        var subject = sentence[start..end].Trim().Trim('"', '“', '”', '\'', '‘', '’').Trim();
        subject = StripLeading(StripTrailing(subject));
        return subject.StartsWith(Related, StringComparison.Ordinal) && start > 0
            ? WithReferent(sentence, start - 1, subject[Related.Length..], boundaries)
            : subject;
    }

    private const string Related = "相关";

    /// <summary>Verbs after which a clause names what is being handled ("研究处理人大、政协提出的意见建议").</summary>
    private static readonly string[] HandlingVerbs = ["处理", "办理", "答复", "回复", "落实"];

    /// <summary>
    /// "研究处理人大、政协提出的意见建议,相关满意率达95%以上": 相关 points back at the previous clause, so the
    /// KPI is named after what that clause handles — "人大、政协提出的意见建议满意率", not "相关满意率".
    /// </summary>
    private static string WithReferent(string sentence, int boundary, string measure, string boundaries)
    {
        var start = boundary;
        while (start > 0 && boundary - start < MaxSubjectLength && !boundaries.Contains(sentence[start - 1])) start--;
        var clause = sentence[start..boundary];
        var verbEnd = HandlingVerbs.Select(v => clause.LastIndexOf(v, StringComparison.Ordinal) is var i and >= 0 ? i + v.Length : -1).Max();
        var referent = verbEnd > 0 ? clause[verbEnd..].Trim() : "";
        return referent.Length == 0 ? Related + measure : referent + measure;
    }

    private static string StripLeading(string s)
    {
        for (var changed = true; changed && s.Length > 0;)
        {
            changed = false;
            foreach (var word in LeadingWords)
            {
                if (s.Length > word.Length && s.StartsWith(word, StringComparison.Ordinal))
                {
                    s = s[word.Length..].TrimStart();
                    changed = true;
                }
            }
        }
        return s;
    }

    private static string StripTrailing(string s)
    {
        for (var changed = true; changed && s.Length > 0;)
        {
            changed = false;
            foreach (var word in TrailingWords)
            {
                if (s.Length > word.Length && s.EndsWith(word, StringComparison.Ordinal))
                {
                    s = s[..^word.Length].TrimEnd();
                    changed = true;
                }
            }
        }
        return s;
    }

    private static bool TryNumber(string text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
}

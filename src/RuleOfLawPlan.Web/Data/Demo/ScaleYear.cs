using RuleOfLawPlan.Domain.Plans;

namespace RuleOfLawPlan.Web.Data.Demo;

/// <summary>
/// The rows of <see cref="ScaleData"/>'s plans, made in memory from one <see cref="Random"/> seeded by the options. Task
/// <c>n</c> of every year is a copy of template <c>n % 26</c> with the same lead and supporting sections (departments
/// keep their work from year to year). The current year reports as the demo year does — lead reports through the year
/// (about two thirds of the updates), supporting sections' reports, one in 25 returned and corrected, some last reports
/// left 待审核, minutes with every third lead report, a 批示 on one task in ten — and earlier years have each task's
/// accepted year-end figure.
/// </summary>
internal sealed class ScaleYear(ScaleOptions options, IReadOnlyList<PlanTask> templates, IReadOnlyList<int> sections,
    Func<int, string> reporters, string leader)
{
    private readonly Random _random = new(options.Seed);
    private readonly List<(int Lead, int[] Supports)> _layout = [];
    private int _nextTask, _nextKpi;
    private long _nextUpdate;
    private int _leadReports;

    public List<ScaleRows.TaskRow> Tasks { get; } = [];
    public List<ScaleRows.Support> Supports { get; } = [];
    public List<ScaleRows.KpiRow> Kpis { get; } = [];
    public List<ScaleRows.DeliverableRow> Deliverables { get; } = [];
    public List<ScaleRows.Reading> Readings { get; } = [];
    public List<ScaleRows.Update> Updates { get; } = [];
    public List<ScaleRows.Evidence> Evidence { get; } = [];
    public List<ScaleRows.InstructionRow> Instructions { get; } = [];
    public List<(int Id, int Lead, DateOnly? Deadline, int Percent)> TemplateFigures { get; } = [];

    public int LastTaskId => _nextTask - 1;
    public int LastKpiId => _nextKpi - 1;
    public long LastUpdateId => _nextUpdate - 1;

    public void StartIds(int task, int kpi, long update) => (_nextTask, _nextKpi, _nextUpdate) = (task, kpi, update);

    /// <summary>
    /// A copied KPI's name: unique within its plan, and the same for the same copy in every year, so the dashboard's 同比
    /// (which matches KPIs by name, kind and unit, unique on both sides) finds last year's KPI at any size. The first copy
    /// keeps the template's name, as the 2023 plan's own tasks do.
    /// </summary>
    private static string CopyName(string name, int replica) => replica == 0 ? name : $"{name}（第{replica}组）";

    /// <summary>One plan's tasks and their year; <paramref name="current"/> for the plan being viewed, which keeps its template rows.</summary>
    public void Generate(int planId, int year, IReadOnlyDictionary<int, int> areas, bool current)
    {
        var perArea = templates.GroupBy(t => t.Area.Ordinal).ToDictionary(g => g.Key, g => g.Count());
        for (var n = 0; n < options.Tasks; n++)
        {
            var template = templates[n % templates.Count];
            var replica = n / templates.Count;
            var (lead, supports) = Layout(n);
            var (kind, deadline, final) = Profile(year);
            int taskId;
            IEnumerable<(int Id, Kpi Template)> kpis;
            if (current && replica == 0)
            {
                taskId = template.Id;
                kpis = template.Kpis.Select(k => (k.Id, k));
            }
            else
            {
                taskId = _nextTask++;
                Supports.AddRange(supports.Select(s => new ScaleRows.Support(taskId, s)));
                var copies = template.Kpis.Select(k => (Id: _nextKpi++, Template: k)).ToList();
                Kpis.AddRange(copies.Select(k => new ScaleRows.KpiRow(k.Id, taskId, k.Template, CopyName(k.Template.Name, replica))));
                Deliverables.AddRange(template.Deliverables.Select(d => new ScaleRows.DeliverableRow(taskId, d)));
                kpis = copies;
            }

            var percent = current
                ? ReportYear(n, taskId, template, lead, supports, kind, deadline, final, year)
                : YearEnd(taskId, template, lead, final, year, n);
            foreach (var (kpiId, kpi) in kpis)
            {
                foreach (var reading in DemoReading.For(kpi, staysShort: _random.NextDouble() < 0.15))
                {
                    var asOf = reading.AsOf.AddYears(year - DemoYear.Year);
                    Readings.Add(new(kpiId, reading with { AsOf = asOf }, DemoTexts.KpiSource(kpi) + DemoYear.Marker, reporters(lead),
                        DemoYear.At(asOf.AddDays(5), 10)));
                }
            }
            if (current && replica == 0)
            {
                TemplateFigures.Add((taskId, lead, deadline, percent));
                continue;
            }
            var number = template.Number is int first ? first + replica * perArea[template.Area.Ordinal] : (int?)null;
            Tasks.Add(new(taskId, planId, areas[template.Area.Ordinal], number, replica * 1000 + template.SortOrder, template.Title,
                template.Body, lead, template.ResponsibleLeader ?? "分管副局长", deadline, template.ExpectedOutcome, percent));
        }
    }

    /// <summary>The current year's updates of task <paramref name="n"/>; returns the task's figure (its last accepted lead report).</summary>
    private int ReportYear(int n, int taskId, PlanTask template, int lead, int[] supports, DemoKind kind, DateOnly? deadline, int final, int year)
    {
        var count = options.Updates / options.Tasks + (n < options.Updates % options.Tasks ? 1 : 0);
        var leadCount = supports.Length == 0 ? count : Math.Max(1, count - count / 3);
        var start = new DateOnly(year, 2, 20);
        var end = kind == DemoKind.Done && deadline is { } due ? due.AddDays(-10) : new DateOnly(year, 12, 20);
        var span = end.DayNumber - start.DayNumber;
        var figure = 0;
        for (var j = 0; j < leadCount; j++)
        {
            var asOf = start.AddDays(span * (j + 1) / leadCount);
            var percent = j == leadCount - 1 ? final : Math.Clamp((int)Math.Round(final * (j + 1.0) / leadCount / 5) * 5, 5, final - 5);
            var summary = DemoTexts.Summary(template, asOf.Month, percent, n);
            var at = DemoYear.At(asOf, 10);
            if (j < leadCount - 2 && _random.NextDouble() < 0.04)
            {
                // 退回 and 更正: the correction takes the next report's place, so the count stays exact.
                var returned = _nextUpdate++;
                Updates.Add(new(returned, taskId, lead, asOf, percent, summary, reporters(lead), at, ReviewState.Returned,
                    DemoTexts.ReturnComment(asOf.Month), DemoYear.At(asOf.AddDays(2), 16), null, IsSuperseded: true));
                summary = summary.Replace(DemoYear.Marker, "", StringComparison.Ordinal) + DemoTexts.CorrectionAddendum + DemoYear.Marker;
                Updates.Add(new(_nextUpdate++, taskId, lead, asOf, percent, summary, reporters(lead), DemoYear.At(asOf.AddDays(4), 9),
                    ReviewState.Accepted, null, DemoYear.At(asOf.AddDays(5), 15), returned, false));
                figure = percent;
                j++;
                continue;
            }
            var pending = j == leadCount - 1 && kind != DemoKind.Done && _random.NextDouble() < 0.1;
            var id = _nextUpdate++;
            Updates.Add(new(id, taskId, lead, asOf, percent, summary, reporters(lead), at,
                pending ? ReviewState.Pending : ReviewState.Accepted, null, pending ? null : DemoYear.At(asOf.AddDays(2), 16), null, false));
            if (!pending) figure = percent;
            if (_leadReports++ % 3 == 0)
                Evidence.Add(new(Evidence.Count, taskId, id, $"{asOf.Month}月工作推进会会议纪要{DemoYear.Marker}.pdf", at, reporters(lead)));
        }
        var supportCount = count - leadCount;
        for (var s = 0; s < supportCount; s++)
        {
            var section = supports[s % supports.Length];
            var asOf = start.AddDays(span * (s + 1) / supportCount + 1);
            var percent = Math.Clamp((int)Math.Round(final * (s + 1.0) / supportCount / 5) * 5, 5, final);
            Updates.Add(new(_nextUpdate++, taskId, section, asOf, percent, DemoTexts.SupportSummary(template, asOf.Month, n),
                reporters(section), DemoYear.At(asOf, 11), ReviewState.Accepted, null, DemoYear.At(asOf.AddDays(2), 16), null, false));
        }
        if (_random.NextDouble() < 0.1)
        {
            var issued = DemoYear.At(start.AddDays(span / 2), 9);
            var answered = kind is DemoKind.Done or DemoKind.Ongoing;
            Instructions.Add(new(taskId, DemoTexts.Instruction(kind) + DemoYear.Marker, leader, issued,
                answered ? DemoTexts.Answer(kind) + DemoYear.Marker : null, answered ? issued.AddDays(7) : null,
                answered ? reporters(lead) : null, answered ? lead : null));
        }
        return figure;
    }

    /// <summary>An earlier year: the lead section's accepted year-end figure.</summary>
    private int YearEnd(int taskId, PlanTask template, int lead, int final, int year, int n)
    {
        var asOf = new DateOnly(year, 12, 20);
        Updates.Add(new(_nextUpdate++, taskId, lead, asOf, final, DemoTexts.Summary(template, 12, final, n), reporters(lead),
            DemoYear.At(asOf, 10), ReviewState.Accepted, null, DemoYear.At(asOf.AddDays(2), 16), null, false));
        return final;
    }

    /// <summary>How a task's year goes: mostly done by its deadline, some 常态化, about one in eight behind and one in sixteen overdue.</summary>
    private (DemoKind Kind, DateOnly? Deadline, int Final) Profile(int year)
    {
        var roll = _random.NextDouble();
        if (roll < 0.06)
        {
            var month = _random.Next(10, 12);
            return (DemoKind.Overdue, new DateOnly(year, month, DateTime.DaysInMonth(year, month)), 50 + 5 * _random.Next(7));
        }
        if (roll < 0.18) return (DemoKind.Behind, new DateOnly(year, 12, 31), 60 + 5 * _random.Next(6));
        if (roll < 0.38) return (DemoKind.Ongoing, null, 100);
        var quarterEnd = 3 * _random.Next(2, 5);
        return (DemoKind.Done, new DateOnly(year, quarterEnd, DateTime.DaysInMonth(year, quarterEnd)), 100);
    }

    /// <summary>The template's own sections for the plan's own tasks; a department and up to two others for the copies.</summary>
    private (int Lead, int[] Supports) Layout(int n)
    {
        while (_layout.Count <= n)
        {
            var i = _layout.Count;
            var source = templates[i % templates.Count];
            if (i < templates.Count && source.LeadSectionId is int own)
            {
                _layout.Add((own, [.. source.Supports.Select(s => s.SectionId)]));
                continue;
            }
            var lead = sections[_random.Next(sections.Count)];
            var supports = sections.Where(s => s != lead).OrderBy(_ => _random.Next()).Take(_random.Next(3)).ToArray();
            _layout.Add((lead, supports));
        }
        return _layout[n];
    }
}

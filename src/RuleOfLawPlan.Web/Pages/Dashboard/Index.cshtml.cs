using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RuleOfLawPlan.Domain.Plans;
using RuleOfLawPlan.Domain.Supervision;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Pages.Shared;
using RuleOfLawPlan.Web.Security;

namespace RuleOfLawPlan.Web.Pages.Dashboard;

/// <summary>
/// 领导小组驾驶舱: where a plan stands as of a day — completion, areas, KPIs, lights, what is off track and who owns it,
/// each section's record, open 批示, recent accepted updates and the annual report's deadlines. The round-trips are
/// fixed whatever the plan's size: one row per task (no updates), the lights from one facts query, and the figures
/// about updates, supports and KPI readings grouped or picked in PostgreSQL.
/// </summary>
[Authorize(Policy = Policies.Dashboard)]
public sealed class IndexModel(PlanDb db, SupervisionQuery supervision) : PageModel
{
    /// <summary>How many open 批示 and accepted updates the page lists (the counts say how many there are).</summary>
    public const int ListLength = 10;

    /// <summary>
    /// How many KPI tiles and off-track tasks the page shows before "show all": a glance, not a list, and a page whose size
    /// does not grow with a city-wide plan (800 KPIs, 500 tasks off track at 100×; docs/performance.md).
    /// </summary>
    public const int TileCount = 12, OffTrackCount = 20;

    /// <summary>The query-string value of <c>kpis</c> that shows every KPI tile.</summary>
    public const string AllKpis = "all";

    [BindProperty(SupportsGet = true, Name = "kpis")]
    public string? KpisShown { get; set; }

    public bool ShowsAllKpis => KpisShown == AllKpis;

    /// <summary>The tiles shown: every one when asked or few; else 未达标 first, then 无数据, then 达标, each in plan order.</summary>
    public IReadOnlyList<KpiTile> KpiTiles => ShowsAllKpis || Kpis.Count <= TileCount
        ? Kpis
        : [.. Kpis.OrderBy(k => k.Attainment switch { KpiAttainment.NotMet => 0, KpiAttainment.NoData => 1, _ => 2 }).Take(TileCount)];

    /// <summary>The off-track rows shown: the most pressing first (red, then the nearest deadline); the counts link to all.</summary>
    public IReadOnlyList<Item> OffTrackShown => [.. OffTrack.Take(OffTrackCount)];

    public sealed record PlanOption(int Id, int OrganizationId, int Year, string Title, PlanStatus Status);

    public sealed record TaskRow(int Id, int AreaOrdinal, string AreaTitle, int SortOrder, int? Number, string Title,
        int? LeadSectionId, string? ResponsibleLeader, DateOnly? Deadline, PlanTaskStatus Status, int PercentComplete);

    public sealed record Item(TaskRow Task, SupervisionAssessment Light);

    public sealed record AreaProgress(int Ordinal, string Title, int Tasks, int Done, int AveragePercent);

    public sealed record KpiTile(int Id, int TaskId, string Name, KpiKind Kind, KpiComparator Comparator, decimal? Target, string Unit,
        TaskTargets.Reading? Latest, TaskTargets.Reading? Previous)
    {
        public KpiAttainment Attainment => Kpi.Evaluate(Comparator, Target, Latest?.Value, Latest?.LastYearCount);

        /// <summary>The latest reading's value less the previous one's (null without two readings).</summary>
        public decimal? Change => Latest is { } latest && Previous is { } previous ? latest.Value - previous.Value : null;
    }

    /// <summary>A section's record: counts of tasks it leads by light, tasks it supports, and its updates' review.</summary>
    public sealed record SectionRow(int SectionId, int Led, int Supported, int Done, int Behind, int Overdue,
        int? DaysSinceAccepted, int Returned);

    public sealed record SectionUpdates(int SectionId, DateOnly? LastAccepted, int Returned);

    public sealed record InstructionRow(long Id, int TaskId, string Text, string Leader, DateTimeOffset At);

    public sealed record UpdateRow(long Id, int TaskId, int SectionId, DateOnly AsOf, int Percent, string Summary);

    [BindProperty(SupportsGet = true, Name = "plan")]
    public int? RequestedPlan { get; set; }

    [BindProperty(SupportsGet = true, Name = SupervisionQuery.AsOfParameter)]
    public DateOnly? RequestedAsOf { get; set; }

    public IReadOnlyList<PlanOption> Plans { get; private set; } = [];
    public PlanOption? Plan { get; private set; }
    public DateOnly AsOf { get; private set; }
    public IReadOnlyList<Item> Items { get; private set; } = [];
    public IReadOnlyList<AreaProgress> Areas { get; private set; } = [];
    public IReadOnlyList<KpiTile> Kpis { get; private set; } = [];
    public IReadOnlyDictionary<SupervisionLight, int> LightCounts { get; private set; } = new Dictionary<SupervisionLight, int>();
    public IReadOnlyList<Item> OffTrack { get; private set; } = [];
    public IReadOnlyList<SectionRow> Sections { get; private set; } = [];
    public IReadOnlyList<InstructionRow> OpenInstructions { get; private set; } = [];
    public int OpenInstructionCount { get; private set; }
    public IReadOnlyList<UpdateRow> RecentUpdates { get; private set; } = [];
    public IReadOnlyList<ReportDeadline> ReportDeadlines { get; private set; } = [];
    public SectionNames SectionNames { get; private set; } = SectionNames.None;
    public IReadOnlyList<DashboardCharts.MonthCompletion> Months { get; private set; } = [];
    public IReadOnlyList<DashboardCharts.SectionLights> SectionLights { get; private set; } = [];

    /// <summary>The organization's issued plan of the year before, whose KPIs the tiles are compared with (null: none).</summary>
    public PlanOption? PreviousPlan { get; private set; }

    /// <summary>Last year's KPI matched to a tile's, by the tile's KPI id (<see cref="YearComparison"/>).</summary>
    public IReadOnlyDictionary<int, TaskTargets.Kpi> LastYear { get; private set; } = new Dictionary<int, TaskTargets.Kpi>();

    /// <summary>The plan's task by id, for the rows that name one (批示, updates).</summary>
    public TaskRow TaskOf(int id) => _tasks[id];

    private Dictionary<int, TaskRow> _tasks = [];

    public int Done => LightCounts.GetValueOrDefault(SupervisionLight.Done);
    public int AveragePercent => Items.Count == 0 ? 0 : (int)Math.Round(Items.Average(i => i.Task.PercentComplete));

    /// <summary>The <c>asOf</c> to carry in links: only when one was asked for, so a link without it follows today.</summary>
    public string? AsOfLink => RequestedAsOf is null ? null : AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The task list's <c>role</c> values: the tasks a section leads, or those it supports.</summary>
    public const string Lead = "Lead", Support = "Support";

    /// <summary>The task list's query string for exactly the tasks a number counts (see the task list's <c>Filter</c>).</summary>
    public Dictionary<string, string> TaskList(int? area = null, int? section = null, string? role = null, SupervisionLight? light = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["plan"] = Plan?.Id.ToString(CultureInfo.InvariantCulture),
            ["area"] = area?.ToString(CultureInfo.InvariantCulture),
            ["section"] = section?.ToString(CultureInfo.InvariantCulture),
            ["role"] = role,
            ["light"] = light?.ToString(),
            ["asOf"] = AsOfLink,
        };
        return values.Where(v => !string.IsNullOrEmpty(v.Value)).ToDictionary(v => v.Key, v => v.Value!);
    }

    public static IReadOnlyList<SupervisionLight> LightsInOrder { get; } = Enum.GetValues<SupervisionLight>();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Plans = await db.Plans.AsNoTracking()
            .OrderBy(p => p.Status == PlanStatus.Active ? 0 : 1).ThenByDescending(p => p.Year).ThenByDescending(p => p.Id)
            .Select(p => new PlanOption(p.Id, p.OrganizationId, p.Year, p.Title, p.Status))
            .ToListAsync(ct);
        Plan = RequestedPlan is int planId ? Plans.FirstOrDefault(p => p.Id == planId) : Plans.Count > 0 ? Plans[0] : null;
        if (Plan is null) return RequestedPlan is null ? Page() : NotFound();
        var plan = Plan.Id;
        AsOf = supervision.AsOf(Plan.Year, RequestedAsOf, ModelState);
        var asOf = AsOf;

        var rows = await db.Tasks.AsNoTracking()
            .Where(t => t.WorkPlanId == plan)
            .OrderBy(t => t.Area.Ordinal).ThenBy(t => t.SortOrder)
            .Select(t => new TaskRow(t.Id, t.Area.Ordinal, t.Area.Title, t.SortOrder, t.Number, t.Title, t.LeadSectionId,
                t.ResponsibleLeader, t.Deadline, t.Status, t.PercentComplete))
            .ToListAsync(ct);
        var lights = await supervision.AssessPlanAsync(plan, asOf, ct);
        Items = [.. rows.Select(r => new Item(r, lights[r.Id]))];
        _tasks = rows.ToDictionary(r => r.Id);

        var supported = await db.Tasks.AsNoTracking()
            .Where(t => t.WorkPlanId == plan)
            .SelectMany(t => t.Supports)
            .GroupBy(s => s.SectionId)
            .Select(g => new { SectionId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.SectionId, g => g.Count, ct);

        // Per section, not per update: the latest accepted report is the first entry of a backward index scan
        // (ix_progress_updates_accepted_by_section) that belongs to the plan, and returned reports are few
        // (ix_progress_updates_returned_by_section), so the cost does not grow with the plan's 30 000 updates.
        var updates = await db.Sections.AsNoTracking()
            .Select(s => new SectionUpdates(s.Id,
                db.ProgressUpdates
                    .Where(u => u.SectionId == s.Id && u.Review == ReviewState.Accepted && u.AsOf <= asOf
                        && db.Tasks.Any(t => t.Id == u.PlanTaskId && t.WorkPlanId == plan))
                    .OrderByDescending(u => u.AsOf).Select(u => (DateOnly?)u.AsOf).FirstOrDefault(),
                db.ProgressUpdates.Count(u => u.SectionId == s.Id && u.Review == ReviewState.Returned && u.AsOf <= asOf
                    && db.Tasks.Any(t => t.Id == u.PlanTaskId && t.WorkPlanId == plan))))
            .ToDictionaryAsync(g => g.SectionId, ct);

        Kpis = await db.Kpis.AsNoTracking()
            .Where(k => db.Tasks.Any(t => t.Id == k.PlanTaskId && t.WorkPlanId == plan))
            .OrderBy(k => k.PlanTaskId).ThenBy(k => k.Id)
            .Select(k => new KpiTile(k.Id, k.PlanTaskId, k.Name, k.Kind, k.Comparator, k.Target, k.Unit,
                // As in TaskTargets.KpiRows: the day by max, the reading by LIMIT 1, a lateral join on the KPI's index entries.
                k.Readings.Where(r => r.AsOf == k.Readings.Where(l => l.AsOf <= asOf).Max(l => (DateOnly?)l.AsOf))
                    .OrderByDescending(r => r.RecordedAt).ThenByDescending(r => r.Id)
                    .Select(r => new TaskTargets.Reading(r.Id, r.KpiId, r.AsOf, r.Percent, r.Numerator, r.Denominator,
                        r.ThisYearCount, r.LastYearCount, r.Source, r.RecordedBy, r.RecordedAt))
                    .FirstOrDefault(),
                // The previous reading is the one standing before the latest one's day: a correction for the same day is not a change.
                k.Readings.Where(r => r.AsOf < k.Readings.Where(l => l.AsOf <= asOf).Max(l => l.AsOf))
                    .OrderByDescending(r => r.AsOf).ThenByDescending(r => r.RecordedAt).ThenByDescending(r => r.Id)
                    .Select(r => new TaskTargets.Reading(r.Id, r.KpiId, r.AsOf, r.Percent, r.Numerator, r.Denominator,
                        r.ThisYearCount, r.LastYearCount, r.Source, r.RecordedBy, r.RecordedAt))
                    .FirstOrDefault()))
            .ToListAsync(ct);

        var openInstructions = db.Instructions.AsNoTracking()
            .Where(i => i.AnsweredAt == null && db.Tasks.Any(t => t.Id == i.PlanTaskId && t.WorkPlanId == plan));
        OpenInstructions = await openInstructions
            .OrderByDescending(i => i.IssuedAt).ThenByDescending(i => i.Id)
            .Select(i => new InstructionRow(i.Id, i.PlanTaskId, i.Text, i.Leader, i.IssuedAt))
            .Take(ListLength)
            .ToListAsync(ct);
        OpenInstructionCount = await openInstructions.CountAsync(ct);

        RecentUpdates = await db.ProgressUpdates.AsNoTracking()
            .Where(u => u.Review == ReviewState.Accepted && u.AsOf <= asOf
                && db.Tasks.Any(t => t.Id == u.PlanTaskId && t.WorkPlanId == plan))
            .OrderByDescending(u => u.AsOf).ThenByDescending(u => u.ReviewedAt).ThenByDescending(u => u.Id)
            .Take(ListLength)
            .Select(u => new UpdateRow(u.Id, u.PlanTaskId, u.SectionId, u.AsOf, u.Percent, u.Summary))
            .ToListAsync(ct);
        SectionNames = await SectionNames.LoadAsync(db, ct);
        Months = await DashboardCharts.MonthEndCompletionAsync(db, plan, Plan.Year, asOf, ct);
        PreviousPlan = Plans.FirstOrDefault(p => p.OrganizationId == Plan.OrganizationId && p.Year == Plan.Year - 1 && p.Status != PlanStatus.Draft);
        // Asked even without last year's plan (it answers nothing then), so the page's round-trips never depend on the data.
        LastYear = YearComparison.Match([.. Kpis.Select(k => (k.Id, YearComparison.MatchKey.Of(k.Name, k.Kind, k.Unit)))],
            await YearComparison.KpisOfYearAsync(db, Plan.OrganizationId, Plan.Year - 1, asOf, ct));

        LightCounts = Items.GroupBy(i => i.Light.Light).ToDictionary(g => g.Key, g => g.Count());
        Areas = [.. Items.GroupBy(i => (i.Task.AreaOrdinal, i.Task.AreaTitle))
            .Select(g => new AreaProgress(g.Key.AreaOrdinal, g.Key.AreaTitle, g.Count(),
                g.Count(i => i.Light.Light == SupervisionLight.Done), (int)Math.Round(g.Average(i => i.Task.PercentComplete))))];
        OffTrack = [.. Items.Where(i => i.Light.Light is SupervisionLight.Red or SupervisionLight.Yellow)
            .OrderBy(i => i.Light.Light).ThenBy(i => i.Task.Deadline ?? DateOnly.MaxValue)
            .ThenBy(i => i.Task.AreaOrdinal).ThenBy(i => i.Task.SortOrder)];
        var led = Items.Where(i => i.Task.LeadSectionId is not null).ToLookup(i => i.Task.LeadSectionId!.Value);
        Sections = [.. led.Select(g => g.Key).Union(supported.Keys)
            .Select(id => new SectionRow(id, led[id].Count(), supported.GetValueOrDefault(id),
                led[id].Count(i => i.Light.Light == SupervisionLight.Done),
                led[id].Count(i => i.Light.Light == SupervisionLight.Yellow),
                led[id].Count(i => i.Light.Light == SupervisionLight.Red),
                updates.GetValueOrDefault(id)?.LastAccepted is { } last ? asOf.DayNumber - last.DayNumber : null,
                updates.GetValueOrDefault(id)?.Returned ?? 0))
            .OrderBy(s => SectionNames.Of(s.SectionId), StringComparer.Ordinal)];
        SectionLights = DashboardCharts.LightsBySection(Items, Sections.Select(s => s.SectionId));

        ReportDeadlines = ReportDeadline.For(Plan.Year, asOf);
        return Page();
    }
}

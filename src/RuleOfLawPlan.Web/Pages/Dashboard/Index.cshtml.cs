using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RuleOfLawPlan.Domain.Plans;
using RuleOfLawPlan.Domain.Supervision;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Pages.Shared;
using RuleOfLawPlan.Web.Security;

namespace RuleOfLawPlan.Web.Pages.Dashboard;

/// <summary>
/// 领导小组驾驶舱: where a plan stands as of a day — completion, areas, KPIs, lights, what is off track and who owns it,
/// each section's record, open 批示, recent accepted updates and the annual report's deadlines. The figures come from
/// <see cref="DashboardFigures"/>, computed once per change of the plan data (<see cref="DashboardFiguresCache"/>).
/// </summary>
[Authorize(Policy = Policies.Dashboard)]
public sealed class IndexModel(PlanDb db, SupervisionQuery supervision, DashboardFiguresCache figures) : PageModel
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
    public IReadOnlyList<KpiTile> KpiTiles => ShowsAllKpis || Figures.Kpis.Count <= TileCount
        ? Figures.Kpis
        : [.. Figures.Kpis.OrderBy(k => k.Attainment switch { KpiAttainment.NotMet => 0, KpiAttainment.NoData => 1, _ => 2 }).Take(TileCount)];

    /// <summary>The off-track rows shown: the most pressing first (red, then the nearest deadline); the counts link to all.</summary>
    public IReadOnlyList<Item> OffTrackShown => [.. Figures.OffTrack.Take(OffTrackCount)];

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

    /// <summary>What the page shows from the data (kept by <see cref="DashboardFiguresCache"/> until the data changes).</summary>
    public DashboardFigures Figures { get; private set; } = DashboardFigures.NoPlan([]);

    /// <summary>
    /// What the page's body is rendered from besides the culture: the figures, and the two choices of the visitor's that
    /// change its links and tiles. The body is kept (the <c>cache</c> tag helper) under it, so a look without a change to
    /// the data writes out HTML rendered before: at 100× rendering the 40 sections' rows costs more than the queries left.
    /// </summary>
    public string FragmentKey => $"{Figures.Stamp:N}|{AsOfLink}|{ShowsAllKpis}";

    /// <summary>
    /// How long a rendered body no one asks for is kept: briefly, as each change of the data leaves the last one (~170 KB at
    /// 100×) unused for good, and rendering again costs milliseconds, not the figures' computation.
    /// </summary>
    public static TimeSpan FragmentIdle { get; } = TimeSpan.FromMinutes(1);

    /// <summary>The <c>asOf</c> to carry in links: only when one was asked for, so a link without it follows today.</summary>
    public string? AsOfLink => RequestedAsOf is null ? null : Figures.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The task list's <c>role</c> values: the tasks a section leads, or those it supports.</summary>
    public const string Lead = "Lead", Support = "Support";

    /// <summary>The task list's query string for exactly the tasks a number counts (see the task list's <c>Filter</c>).</summary>
    public Dictionary<string, string> TaskList(int? area = null, int? section = null, string? role = null, SupervisionLight? light = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["plan"] = Figures.Plan?.Id.ToString(CultureInfo.InvariantCulture),
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
        Figures = await figures.GetAsync(db, RequestedPlan, RequestedAsOf, ct);
        if (Figures.Plan is not { } plan) return RequestedPlan is null ? Page() : NotFound();
        // The figures fell back to the default day for an out-of-range one; the form says why.
        supervision.AsOf(plan.Year, RequestedAsOf, ModelState);
        return Page();
    }
}

using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using RuleOfLawPlan.Domain.Plans;
using RuleOfLawPlan.Domain.Supervision;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Pages.Shared;
using static RuleOfLawPlan.Web.Pages.Dashboard.IndexModel;

namespace RuleOfLawPlan.Web.Pages.Dashboard;

/// <summary>
/// Everything the dashboard shows that comes from the data, for a plan as of a day: the same for every user who asks, so
/// <see cref="DashboardFiguresCache"/> keeps it until the data changes. The round-trips are fixed whatever the plan's
/// size: one row per task (no updates), the lights from one facts query, and the figures about updates, supports and KPI
/// readings grouped or picked in PostgreSQL.
/// </summary>
public sealed class DashboardFigures
{
    public static DashboardFigures NoPlan(IReadOnlyList<PlanOption> plans) => new() { Plans = plans };

    /// <summary>This computation of the figures, apart from every other: what the page's rendering is kept under.</summary>
    public Guid Stamp { get; } = Guid.NewGuid();

    public IReadOnlyList<PlanOption> Plans { get; private init; } = [];
    public PlanOption? Plan { get; private init; }
    public DateOnly AsOf { get; private init; }
    public IReadOnlyList<Item> Items { get; private init; } = [];
    public IReadOnlyList<AreaProgress> Areas { get; private init; } = [];
    public IReadOnlyList<KpiTile> Kpis { get; private init; } = [];
    public IReadOnlyDictionary<SupervisionLight, int> LightCounts { get; private init; } = new Dictionary<SupervisionLight, int>();
    public IReadOnlyList<Item> OffTrack { get; private init; } = [];
    public IReadOnlyList<SectionRow> Sections { get; private init; } = [];
    public IReadOnlyList<InstructionRow> OpenInstructions { get; private init; } = [];
    public int OpenInstructionCount { get; private init; }
    public IReadOnlyList<UpdateRow> RecentUpdates { get; private init; } = [];
    public IReadOnlyList<ReportDeadline> ReportDeadlines { get; private init; } = [];
    public SectionNames SectionNames { get; private init; } = SectionNames.None;
    public IReadOnlyList<DashboardCharts.MonthCompletion> Months { get; private init; } = [];
    public IReadOnlyList<DashboardCharts.SectionLights> SectionLights { get; private init; } = [];
    /// <summary>The organization's issued plan of the year before, whose KPIs the tiles are compared with (null: none).</summary>
    public PlanOption? PreviousPlan { get; private init; }
    /// <summary>Last year's KPI matched to a tile's, by the tile's KPI id (<see cref="YearComparison"/>).</summary>
    public IReadOnlyDictionary<int, TaskTargets.Kpi> LastYear { get; private init; } = new Dictionary<int, TaskTargets.Kpi>();
    private Dictionary<int, TaskRow> Tasks { get; init; } = [];

    /// <summary>The plan's task by id, for the rows that name one (批示, updates).</summary>
    public TaskRow TaskOf(int id) => Tasks[id];

    public int Done => LightCounts.GetValueOrDefault(SupervisionLight.Done);

    public int AveragePercent => Items.Count == 0 ? 0 : (int)Math.Round(Items.Average(i => i.Task.PercentComplete));

    /// <summary>
    /// The figures of <paramref name="requestedPlan"/> (default: the active plan, then the latest) as of
    /// <paramref name="requestedAsOf"/> (default: see <see cref="SupervisionQuery.AsOf"/>); <see cref="Plan"/> is null when
    /// there is no such plan.
    /// </summary>
    public static async Task<DashboardFigures> LoadAsync(PlanDb db, SupervisionQuery supervision, int? requestedPlan,
        DateOnly? requestedAsOf, CancellationToken ct)
    {
        var plans = await db.Plans.AsNoTracking()
            .OrderBy(p => p.Status == PlanStatus.Active ? 0 : 1).ThenByDescending(p => p.Year).ThenByDescending(p => p.Id)
            .Select(p => new PlanOption(p.Id, p.OrganizationId, p.Year, p.Title, p.Status))
            .ToListAsync(ct);
        var selected = requestedPlan is int planId ? plans.FirstOrDefault(p => p.Id == planId) : plans.Count > 0 ? plans[0] : null;
        if (selected is null) return NoPlan(plans);
        var plan = selected.Id;
        // The page reports an out-of-range day on its own form; here only the day it falls back to matters.
        var asOf = supervision.AsOf(selected.Year, requestedAsOf, new ModelStateDictionary());

        var rows = await db.Tasks.AsNoTracking()
            .Where(t => t.WorkPlanId == plan)
            .OrderBy(t => t.Area.Ordinal).ThenBy(t => t.SortOrder)
            .Select(t => new TaskRow(t.Id, t.Area.Ordinal, t.Area.Title, t.SortOrder, t.Number, t.Title, t.LeadSectionId,
                t.ResponsibleLeader, t.Deadline, t.Status, t.PercentComplete))
            .ToListAsync(ct);
        var lights = await supervision.AssessPlanAsync(plan, asOf, ct);
        List<Item> items = [.. rows.Select(r => new Item(r, lights[r.Id]))];

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

        var kpis = await db.Kpis.AsNoTracking()
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
        var openInstructionList = await openInstructions
            .OrderByDescending(i => i.IssuedAt).ThenByDescending(i => i.Id)
            .Select(i => new InstructionRow(i.Id, i.PlanTaskId, i.Text, i.Leader, i.IssuedAt))
            .Take(ListLength)
            .ToListAsync(ct);
        var openInstructionCount = await openInstructions.CountAsync(ct);

        var recentUpdates = await db.ProgressUpdates.AsNoTracking()
            .Where(u => u.Review == ReviewState.Accepted && u.AsOf <= asOf
                && db.Tasks.Any(t => t.Id == u.PlanTaskId && t.WorkPlanId == plan))
            .OrderByDescending(u => u.AsOf).ThenByDescending(u => u.ReviewedAt).ThenByDescending(u => u.Id)
            .Take(ListLength)
            .Select(u => new UpdateRow(u.Id, u.PlanTaskId, u.SectionId, u.AsOf, u.Percent, u.Summary))
            .ToListAsync(ct);
        var sectionNames = await SectionNames.LoadAsync(db, ct);
        var months = await DashboardCharts.MonthEndCompletionAsync(db, plan, selected.Year, asOf, ct);
        var previousPlan = plans.FirstOrDefault(p => p.OrganizationId == selected.OrganizationId && p.Year == selected.Year - 1
            && p.Status != PlanStatus.Draft);
        // Asked even without last year's plan (it answers nothing then), so the page's round-trips never depend on the data.
        var lastYear = YearComparison.Match([.. kpis.Select(k => (k.Id, YearComparison.MatchKey.Of(k.Name, k.Kind, k.Unit)))],
            await YearComparison.KpisOfYearAsync(db, selected.OrganizationId, selected.Year - 1, asOf, ct));

        var led = items.Where(i => i.Task.LeadSectionId is not null).ToLookup(i => i.Task.LeadSectionId!.Value);
        List<SectionRow> sections = [.. led.Select(g => g.Key).Union(supported.Keys)
            .Select(id => new SectionRow(id, led[id].Count(), supported.GetValueOrDefault(id),
                led[id].Count(i => i.Light.Light == SupervisionLight.Done),
                led[id].Count(i => i.Light.Light == SupervisionLight.Yellow),
                led[id].Count(i => i.Light.Light == SupervisionLight.Red),
                updates.GetValueOrDefault(id)?.LastAccepted is { } last ? asOf.DayNumber - last.DayNumber : null,
                updates.GetValueOrDefault(id)?.Returned ?? 0))
            .OrderBy(s => sectionNames.Of(s.SectionId), StringComparer.Ordinal)];

        return new DashboardFigures
        {
            Plans = plans,
            Plan = selected,
            AsOf = asOf,
            Items = items,
            Tasks = rows.ToDictionary(r => r.Id),
            Kpis = kpis,
            OpenInstructions = openInstructionList,
            OpenInstructionCount = openInstructionCount,
            RecentUpdates = recentUpdates,
            SectionNames = sectionNames,
            Months = months,
            PreviousPlan = previousPlan,
            LastYear = lastYear,
            LightCounts = items.GroupBy(i => i.Light.Light).ToDictionary(g => g.Key, g => g.Count()),
            Areas = [.. items.GroupBy(i => (i.Task.AreaOrdinal, i.Task.AreaTitle))
                .Select(g => new AreaProgress(g.Key.AreaOrdinal, g.Key.AreaTitle, g.Count(),
                    g.Count(i => i.Light.Light == SupervisionLight.Done), (int)Math.Round(g.Average(i => i.Task.PercentComplete))))],
            OffTrack = [.. items.Where(i => i.Light.Light is SupervisionLight.Red or SupervisionLight.Yellow)
                .OrderBy(i => i.Light.Light).ThenBy(i => i.Task.Deadline ?? DateOnly.MaxValue)
                .ThenBy(i => i.Task.AreaOrdinal).ThenBy(i => i.Task.SortOrder)],
            Sections = sections,
            SectionLights = DashboardCharts.LightsBySection(items, sections.Select(s => s.SectionId)),
            ReportDeadlines = ReportDeadline.For(selected.Year, asOf),
        };
    }
}

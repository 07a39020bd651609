using System.Linq.Expressions;
using RuleOfLawPlan.Domain.Plans;
using DomainKpi = RuleOfLawPlan.Domain.Plans.Kpi;

namespace RuleOfLawPlan.Web.Pages.Shared;

/// <summary>The KPIs and deliverables a task names, as <c>_TaskTargets</c> shows them on the overview and the task page.</summary>
public sealed record TaskTargets(IReadOnlyList<TaskTargets.Kpi> Kpis, IReadOnlyList<TaskTargets.Deliverable> Deliverables)
{
    /// <summary>A KPI with the reading that stands on the day it was read for (null: none yet).</summary>
    public sealed record Kpi(int Id, string Name, KpiComparator Comparator, decimal? Target, string Unit, string SourceSentence,
        KpiKind Kind, Reading? Latest)
    {
        /// <summary>达标 / 未达标 / 无数据, by the domain's rule.</summary>
        public KpiAttainment Attainment => DomainKpi.Evaluate(Comparator, Target, Latest?.Value, Latest?.LastYearCount);
    }

    /// <summary>A KPI reading's figures (those of its KPI's kind), where they come from, and who recorded them when.</summary>
    public sealed record Reading(long Id, int KpiId, DateOnly AsOf, decimal? Percent, int? Numerator, int? Denominator,
        int? ThisYearCount, int? LastYearCount, string Source, string RecordedBy, DateTimeOffset RecordedAt)
    {
        /// <summary>The value the target is compared with (<see cref="KpiReading.Value"/>).</summary>
        public decimal Value => KpiReading.ValueOf(Percent, Numerator, Denominator, ThisYearCount);

        /// <summary>A ratio as a percentage rounded for display; null for other kinds.</summary>
        public decimal? RatioPercent => Numerator is { } part && Denominator is { } whole ? DomainKpi.RatioPercent(part, whole) : null;

        /// <summary>佐证材料 given with the reading; filled where a page lists readings (<see cref="ReadingRows"/>), empty elsewhere.</summary>
        public IReadOnlyList<EvidenceLink> Files { get; init; } = [];
    }

    public sealed record Deliverable(string Name, DeliverableAction Action);

    public bool IsEmpty => Kpis.Count == 0 && Deliverables.Count == 0;

    /// <summary>
    /// A KPI with the reading that stands on <paramref name="asOf"/>: the latest as of that day, then the latest recorded,
    /// as <see cref="DomainKpi.LatestReading"/> picks it. Used inside the pages' projections, so it stays one query per level.
    /// </summary>
    /// <remarks>
    /// The day is picked by a correlated <c>max</c> and the reading on it by <c>LIMIT 1</c>: EF makes that a lateral join
    /// that reads a KPI's few index entries (<c>ix_kpi_readings_kpi_id_as_of_recorded_at</c>), where the plain
    /// <c>OrderBy…FirstOrDefault</c> becomes a <c>ROW_NUMBER()</c> over every reading in the database (docs/performance.md).
    /// </remarks>
    public static Expression<Func<DomainKpi, Kpi>> KpiRows(DateOnly asOf) => k => new Kpi(
        k.Id, k.Name, k.Comparator, k.Target, k.Unit, k.SourceSentence, k.Kind,
        k.Readings.Where(r => r.AsOf == k.Readings.Where(l => l.AsOf <= asOf).Max(l => (DateOnly?)l.AsOf))
            .OrderByDescending(r => r.RecordedAt).ThenByDescending(r => r.Id)
            .Select(r => new Reading(r.Id, r.KpiId, r.AsOf, r.Percent, r.Numerator, r.Denominator, r.ThisYearCount, r.LastYearCount,
                r.Source, r.RecordedBy, r.RecordedAt))
            .FirstOrDefault());

    /// <summary>A reading as pages list it (a KPI's history), with its 佐证材料 from <paramref name="evidence"/> (the context's files).</summary>
    public static Expression<Func<KpiReading, Reading>> ReadingRows(IQueryable<EvidenceFile> evidence) => r => new Reading(
        r.Id, r.KpiId, r.AsOf, r.Percent, r.Numerator, r.Denominator, r.ThisYearCount, r.LastYearCount, r.Source, r.RecordedBy, r.RecordedAt)
    {
        Files = evidence.Where(f => f.KpiReadingId == r.Id).OrderBy(f => f.Id).Select(f => new EvidenceLink(f.Id, f.FileName, f.Length)).ToList(),
    };
}

using RuleOfLawPlan.Domain.Plans;

namespace RuleOfLawPlan.Web.Data.Demo;

/// <summary>The figures of one demo KPI reading, in the shape its KPI's kind needs.</summary>
internal sealed record DemoReading(DateOnly AsOf, decimal? Percent = null, int? Numerator = null, int? Denominator = null,
    int? ThisYear = null, int? LastYear = null)
{
    private static readonly DateOnly MidYear = new(DemoYear.Year, 6, 30);
    private static readonly DateOnly ThirdQuarter = new(DemoYear.Year, 9, 30);
    private static readonly DateOnly YearEnd = new(DemoYear.Year, 12, 31);

    /// <summary>
    /// Readings at mid-year and the year's end (and the third quarter for a satisfaction rate): short of the target at
    /// mid-year and met at the end, except <paramref name="staysShort"/>, which ends the year 未达标.
    /// </summary>
    public static IReadOnlyList<DemoReading> For(Kpi kpi, bool staysShort) => (kpi.Kind, kpi.Comparator, kpi.Target) switch
    {
        (KpiKind.Percentage, KpiComparator.AtLeast, { } target) => staysShort
            ? [new(MidYear, Percent: Clamp(target - 1.2m)), new(ThirdQuarter, Percent: Clamp(target - 0.4m)), new(YearEnd, Percent: Clamp(target - 0.8m))]
            : [new(MidYear, Percent: Clamp(target - 1.5m)), new(ThirdQuarter, Percent: Clamp(target + 0.8m)), new(YearEnd, Percent: Clamp(target + 2.3m))],
        (KpiKind.Percentage, KpiComparator.AtMost, { } target) => [new(MidYear, Percent: Clamp(target + 0.5m)), new(YearEnd, Percent: Clamp(target - 1m))],
        (KpiKind.Percentage, _, { } target) => [new(MidYear, Percent: Clamp(target)), new(YearEnd, Percent: Clamp(target))],
        (KpiKind.Ratio, _, { } target) =>
        [
            new(MidYear, Numerator: (int)Math.Floor(112 * target / 100), Denominator: 112),
            new(YearEnd, Numerator: (int)Math.Ceiling(115 * target / 100) + 1, Denominator: 115),
        ],
        (KpiKind.YearOnYearCount, _, _) when kpi.Name.Contains("败诉", StringComparison.Ordinal) =>
            [new(MidYear, ThisYear: 1, LastYear: 1), new(YearEnd, ThisYear: 1, LastYear: 2)],
        (KpiKind.YearOnYearCount, _, _) => [new(MidYear, ThisYear: 4, LastYear: 5), new(YearEnd, ThisYear: 6, LastYear: 9)],
        _ => [],
    };

    private static decimal Clamp(decimal value) => Math.Clamp(value, 0m, 100m);
}

namespace RuleOfLawPlan.Domain.Supervision;

/// <summary>
/// Monthly reporting with a cut-off day (每月25日前报送). A cut-off day the month lacks (29–31) falls on the
/// month's last day, so 31 means "by the end of each month".
/// </summary>
public sealed class ReportingCalendar
{
    public const int DefaultCutOffDay = 25;

    public ReportingCalendar(int cutOffDay = DefaultCutOffDay)
    {
        if (cutOffDay is < 1 or > 31) throw new DomainException("每月报送截止日须在1日到31日之间");
        CutOffDay = cutOffDay;
    }

    public int CutOffDay { get; }

    /// <summary>The period a day falls in. Its cut-off is what is due next; on the cut-off day itself, it is due that day.</summary>
    public ReportingPeriod PeriodContaining(DateOnly date) =>
        date <= CutOffIn(date.Year, date.Month) ? PeriodFor(date.Year, date.Month) : PeriodFor(FirstOf(date).AddMonths(1));

    /// <summary>The period reported by the cut-off of the given month.</summary>
    public ReportingPeriod PeriodFor(int year, int month) => PeriodFor(new DateOnly(year, month, 1));

    public ReportingPeriod Previous(ReportingPeriod period) => PeriodContaining(period.Start.AddDays(-1));

    public ReportingPeriod Next(ReportingPeriod period) => PeriodContaining(period.CutOff.AddDays(1));

    private ReportingPeriod PeriodFor(DateOnly month)
    {
        var before = month.AddMonths(-1);
        return new ReportingPeriod(month.Year, month.Month, CutOffIn(before.Year, before.Month).AddDays(1), CutOffIn(month.Year, month.Month));
    }

    private DateOnly CutOffIn(int year, int month) => new(year, month, Math.Min(CutOffDay, DateTime.DaysInMonth(year, month)));

    private static DateOnly FirstOf(DateOnly date) => new(date.Year, date.Month, 1);
}

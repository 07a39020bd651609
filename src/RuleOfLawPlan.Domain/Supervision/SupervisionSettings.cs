namespace RuleOfLawPlan.Domain.Supervision;

/// <summary>The bureau's 督办 settings: how near a deadline turns a task blue, and the monthly cut-off day.</summary>
public sealed class SupervisionSettings
{
    public const int DefaultBlueWindowDays = 7;

    public SupervisionSettings(int blueWindowDays = DefaultBlueWindowDays, int cutOffDay = ReportingCalendar.DefaultCutOffDay)
    {
        if (blueWindowDays is < 0 or > 90) throw new DomainException("临近期限提醒天数须在0到90之间");
        BlueWindowDays = blueWindowDays;
        Calendar = new ReportingCalendar(cutOffDay);
    }

    public static SupervisionSettings Default { get; } = new();

    /// <summary>蓝灯 from this many days before the deadline up to the deadline day, both included.</summary>
    public int BlueWindowDays { get; }

    public ReportingCalendar Calendar { get; }
}

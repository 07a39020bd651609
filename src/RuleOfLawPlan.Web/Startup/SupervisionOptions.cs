namespace RuleOfLawPlan.Web.Startup;

/// <summary>
/// The bureau's 督办 settings (<c>Supervision:*</c>): how many days before a deadline a task turns blue, and the
/// monthly cut-off day of progress reports (29–31 fall on a shorter month's last day).
/// </summary>
public sealed class SupervisionOptions
{
    public const string Section = "Supervision";

    public int BlueDays { get; set; } = Domain.Supervision.SupervisionSettings.DefaultBlueWindowDays;

    public int CutoffDay { get; set; } = Domain.Supervision.ReportingCalendar.DefaultCutOffDay;
}

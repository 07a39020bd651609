namespace RuleOfLawPlan.Web.Notifications;

/// <summary>
/// A day whose reminders were all written. Recorded last, after every kind: a run cut short (a restart, a crash)
/// leaves no row, so the next check runs the day again, and the unique index on notifications drops what the
/// first attempt already wrote.
/// </summary>
public sealed class ReminderRun
{
    private ReminderRun() { }

    public ReminderRun(DateOnly day, DateTimeOffset completedAt)
    {
        Day = day;
        CompletedAt = completedAt.ToUniversalTime();
    }

    public DateOnly Day { get; private set; }
    public DateTimeOffset CompletedAt { get; private set; }
}

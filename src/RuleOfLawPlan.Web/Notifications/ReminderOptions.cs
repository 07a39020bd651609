namespace RuleOfLawPlan.Web.Notifications;

/// <summary>The <c>Reminders</c> section of configuration.</summary>
public sealed class ReminderOptions
{
    /// <summary>
    /// Whether the daily job runs on its own. The test host turns it off, so a test's notifications are the ones it
    /// asks for; a test that drives the job calls <see cref="ReminderJob.RunDueAsync"/> with its own clock.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The Shanghai time of day from which the day's reminders are written.</summary>
    public TimeOnly RunAt { get; set; } = new(7, 0);

    /// <summary>How often the job looks whether today's run is due and not yet recorded.</summary>
    public TimeSpan CheckEvery { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>报送截止日临近: from this many days before the reporting cut-off up to the cut-off day.</summary>
    public int CutOffLeadDays { get; set; } = 3;
}

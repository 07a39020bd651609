namespace RuleOfLawPlan.Web.Notifications;

public static class ReminderSetup
{
    /// <summary>
    /// The daily reminder job and its settings (<c>Reminders</c>); the 督办 settings it shares with the lights
    /// (<c>Supervision</c>) are registered once, by <see cref="Startup.SupervisionSetup"/>.
    /// </summary>
    public static WebApplicationBuilder AddReminders(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ReminderOptions>().Bind(builder.Configuration.GetSection("Reminders"));
        builder.Services.AddSingleton<ReminderJob>();
        builder.Services.AddHostedService(services => services.GetRequiredService<ReminderJob>());
        return builder;
    }
}

using Microsoft.Extensions.DependencyInjection.Extensions;
using RuleOfLawPlan.Domain.Supervision;

namespace RuleOfLawPlan.Web.Notifications;

public static class ReminderSetup
{
    /// <summary>The daily reminder job and the settings it reads (<c>Reminders</c>, <c>Supervision</c>).</summary>
    public static WebApplicationBuilder AddReminders(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ReminderOptions>().Bind(builder.Configuration.GetSection("Reminders"));
        var supervision = builder.Configuration.GetSection("Supervision");
        builder.Services.TryAddSingleton(_ => new SupervisionSettings(
            supervision.GetValue("BlueWindowDays", SupervisionSettings.DefaultBlueWindowDays),
            supervision.GetValue("CutOffDay", ReportingCalendar.DefaultCutOffDay)));
        builder.Services.AddSingleton<ReminderJob>();
        builder.Services.AddHostedService(services => services.GetRequiredService<ReminderJob>());
        return builder;
    }
}

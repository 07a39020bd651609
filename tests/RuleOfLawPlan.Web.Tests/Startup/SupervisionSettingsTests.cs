using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RuleOfLawPlan.Domain.Supervision;
using RuleOfLawPlan.Web.Startup;

namespace RuleOfLawPlan.Web.Tests.Startup;

public sealed class SupervisionSettingsTests(AppFixture app) : IClassFixture<AppFixture>
{
    /// <summary>The services <see cref="SupervisionSetup.AddSupervision"/> registers, on the given configuration alone.</summary>
    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddSupervision();
        return builder.Services.BuildServiceProvider();
    }

    [Fact]
    public void Without_settings_the_blue_window_is_7_days_and_reports_are_due_on_the_25th_for_lights_and_reminders_alike()
    {
        var settings = app.Factory.Services.GetServices<SupervisionSettings>().ShouldHaveSingleItem();

        (settings.BlueWindowDays, settings.Calendar.CutOffDay).ShouldBe((7, 25));
    }

    [Fact]
    public void The_blue_window_and_the_cut_off_day_come_from_configuration()
    {
        using var services = Services(new() { ["Supervision:BlueDays"] = "30", ["Supervision:CutoffDay"] = "31" });

        var settings = services.GetRequiredService<SupervisionSettings>();

        (settings.BlueWindowDays, settings.Calendar.CutOffDay).ShouldBe((30, 31));
    }

    [Theory]
    [InlineData("Supervision:CutoffDay", "0")]
    [InlineData("Supervision:CutoffDay", "32")]
    [InlineData("Supervision:BlueDays", "-1")]
    [InlineData("Supervision:BlueDays", "91")]
    public void A_setting_out_of_range_is_refused_naming_it(string key, string value)
    {
        using var services = Services(new() { [key] = value });

        Should.Throw<OptionsValidationException>(() => services.GetRequiredService<SupervisionSettings>()).Message.ShouldContain(key);
    }
}

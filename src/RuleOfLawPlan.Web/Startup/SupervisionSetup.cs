using Microsoft.Extensions.Options;
using RuleOfLawPlan.Domain.Supervision;
using RuleOfLawPlan.Web.Pages.Shared;

namespace RuleOfLawPlan.Web.Startup;

public static class SupervisionSetup
{
    /// <summary>
    /// <see cref="SupervisionSettings"/> from <c>Supervision:BlueDays</c> and <c>Supervision:CutoffDay</c>, checked at
    /// start: a wrong value stops the app with a message naming the setting, rather than turning every light wrong.
    /// </summary>
    public static WebApplicationBuilder AddSupervision(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SupervisionOptions>()
            .Bind(builder.Configuration.GetSection(SupervisionOptions.Section))
            .Validate(o => o.BlueDays is >= 0 and <= 90, "Supervision:BlueDays must be between 0 and 90 (days before a deadline).")
            .Validate(o => o.CutoffDay is >= 1 and <= 31, "Supervision:CutoffDay must be a day of the month, 1 to 31.")
            .ValidateOnStart();
        builder.Services.AddSingleton(services =>
        {
            var options = services.GetRequiredService<IOptions<SupervisionOptions>>().Value;
            return new SupervisionSettings(options.BlueDays, options.CutoffDay);
        });
        builder.Services.AddScoped<SupervisionQuery>();
        return builder;
    }
}

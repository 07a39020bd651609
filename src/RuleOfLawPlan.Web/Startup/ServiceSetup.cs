using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using FluentValidation;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Data.Audit;
using RuleOfLawPlan.Web.Data.LocalPostgres;
using Serilog;

namespace RuleOfLawPlan.Web.Startup;

public static class ServiceSetup
{
    public static readonly CultureInfo[] Cultures = [new("zh-CN"), new("en-US")];

    public static WebApplicationBuilder AddPlanServices(this WebApplicationBuilder builder)
    {
        // A logger of this host's own, built from its configuration: preserveStaticLogger keeps Serilog's static
        // Log.Logger out of it, so hosts sharing a process (the tests) never share or close each other's logger.
        builder.Services.AddSerilog((services, log) => log
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext()
            // The host logs a failed start with its stack trace; for a taken port Program.cs says it in one line.
            .Filter.ByExcluding(e => e.Exception is { } ex && PortInUse.IsCause(ex)),
            preserveStaticLogger: true);

        // Uses ConnectionStrings:Plan when set; otherwise starts the machine's own PostgreSQL.
        builder.AddPlanDatabaseConnection();
        var connectionString = builder.Configuration.GetConnectionString("Plan")!;
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<AuditInterceptor>();
        builder.Services.AddDbContext<PlanDb>((services, options) => PlanDbOptions.Configure(options, connectionString)
            .AddInterceptors(services.GetRequiredService<AuditInterceptor>()));

        builder.Services.AddHostedService<DatabaseInitializer>();

        builder.Services.AddDataProtection()
            .SetApplicationName("RuleOfLawPlan")
            .PersistKeysToDbContext<PlanDb>();

        builder.AddPlanSecurity();

        builder.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        builder.Services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Cultures[0]);
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            // The bureau works in Chinese whatever the browser says: only an explicit choice switches.
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });

        builder.Services.AddRazorPages()
            .AddViewLocalization()
            .AddMvcOptions(o =>
            {
                // FluentValidation owns the messages: no implicit English [Required] for non-nullable strings,
                // and the few binding errors it cannot see (a number that is not one) read in Chinese.
                o.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
                var messages = o.ModelBindingMessageProvider;
                messages.SetAttemptedValueIsInvalidAccessor((value, _) => $"“{value}”不是有效的值");
                messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"“{value}”不是有效的值");
                messages.SetUnknownValueIsInvalidAccessor(_ => "输入的值无效");
                messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "输入的值无效");
                messages.SetValueIsInvalidAccessor(value => $"“{value}”不是有效的值");
                messages.SetValueMustBeANumberAccessor(_ => "请输入数字");
                messages.SetNonPropertyValueMustBeANumberAccessor(() => "请输入数字");
                messages.SetValueMustNotBeNullAccessor(_ => "请填写此项");
                messages.SetMissingBindRequiredValueAccessor(_ => "请填写此项");
                messages.SetMissingKeyOrValueAccessor(() => "请填写此项");
                messages.SetMissingRequestBodyRequiredValueAccessor(() => "请求内容不能为空");
            });
        // Chinese text as characters, not &#x...; entities: readable source, a third of the bytes.
        builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.AddValidatorsFromAssemblyContaining<Program>(includeInternalTypes: true);
        builder.Services.AddProblemDetails();
        builder.Services.AddHealthChecks().AddDbContextCheck<PlanDb>("database");
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddScoped<Pages.Plans.PlanOverviewQuery>();
        return builder;
    }
}

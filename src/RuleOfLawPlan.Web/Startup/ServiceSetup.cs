using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;
using Microsoft.Extensions.Localization;
using RuleOfLawPlan.Web.Requests;
using FluentValidation;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Data.Audit;
using RuleOfLawPlan.Web.Data.Evidence;
using RuleOfLawPlan.Web.Data.LocalPostgres;
using RuleOfLawPlan.Web.Localization;
using RuleOfLawPlan.Web.Notifications;
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
        builder.AddReminders();
        builder.Services.AddOptions<EvidenceOptions>().Bind(builder.Configuration.GetSection(EvidenceOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();

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

        builder.Services.AddRazorPages(o =>
            {
                o.Conventions.Add(new RouteValuesFromRoute());
                o.Conventions.ConfigureFilter(new Pages.Shared.FormVersionFilter());
            })
            .AddViewLocalization()
            .AddMvcOptions(o =>
            {
                // FluentValidation owns the messages: no implicit English [Required] for non-nullable strings.
                o.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
                o.Filters.Add<HandlerRequiredFilter>();
                var plainValues = o.ModelBinderProviders.IndexOf(o.ModelBinderProviders.OfType<SimpleTypeModelBinderProvider>().Single());
                o.ModelBinderProviders.Insert(plainValues, new NormalizedTextBinderProvider());
                o.ModelBinderProviders.Insert(plainValues, new CheckboxBinderProvider());
                o.Filters.Add<LocalizeMessagesFilter>();
            });
        builder.Services.AddOptions<MvcOptions>().Configure<IStringLocalizer<SharedResource>>(BindingMessages.Use);
        // Chinese text as characters, not &#x...; entities: readable source, a third of the bytes.
        builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.AddValidatorsFromAssemblyContaining<Program>(includeInternalTypes: true);
        // Titles and details in the request's language, the same words as the error page.
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            var status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
            (context.ProblemDetails.Title, context.ProblemDetails.Detail) =
                ErrorTexts.For(status, context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>());
        });
        builder.Services.AddHealthChecks().AddDbContextCheck<PlanDb>("database");
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddSupervision();
        builder.Services.AddScoped<Pages.Reports.ReportDrafter>();
        builder.Services.AddSingleton<Pages.Dashboard.DashboardFiguresCache>();
        builder.Services.AddScoped<Pages.Reports.ReportQuery>();
        return builder;
    }
}

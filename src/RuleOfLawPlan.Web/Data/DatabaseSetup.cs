using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using RuleOfLawPlan.Domain.Import;
using RuleOfLawPlan.Domain.Organizations;
using RuleOfLawPlan.Web.Security;

namespace RuleOfLawPlan.Web.Data;

public static class DatabaseSetup
{
    public const string BureauName = "日喀则市城市管理和综合执法局";

    /// <summary>The plan document shipped with the app (data/plan-2023.txt in the repository).</summary>
    public static string ShippedPlanPath => Path.Combine(AppContext.BaseDirectory, "SeedData", "plan-2023.txt");

    public static async Task PrepareDatabaseAsync(this IServiceProvider services, IHostEnvironment environment,
        IConfiguration configuration, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanDb>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseSetup));

        // Production upgrades its schema on purpose, with the `migrate` command, after a backup.
        if (environment.IsDevelopment())
            await MigrateAsync(db, ct);

        var organization = await EnsureBureauAsync(db, ct);
        if (configuration.GetValue("Seed:ShippedPlan", true))
            await ImportShippedPlanAsync(db, organization.Id, logger, ct);
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        await accounts.EnsureRolesAsync(ct);
        await BootstrapAdmin.EnsureAsync(accounts, configuration, logger, ct);
        if (environment.IsDevelopment())
        {
            await SampleData.EnsureAsync(db, accounts, organization.Id, ct);
            if (configuration.GetValue("Seed:DemoYear", false))
            {
                await Demo.DemoYear.EnsureAsync(db, ct);
                await Demo.DemoReport.EnsureAsync(db, scope.ServiceProvider.GetRequiredService<Pages.Reports.ReportDrafter>().DraftAsync, logger, ct);
            }
        }
    }

    /// <summary>
    /// Applies pending migrations. The history table is created first: Npgsql otherwise discovers it is
    /// missing by a failing query, which logs a spurious error on every first start (npgsql/efcore.pg#3407).
    /// </summary>
    public static async Task MigrateAsync(PlanDb db, CancellationToken ct)
    {
        await db.Database.GetService<IHistoryRepository>().CreateIfNotExistsAsync(ct);
        await db.Database.MigrateAsync(ct);
    }

    public static async Task<Organization> EnsureBureauAsync(PlanDb db, CancellationToken ct)
    {
        var bureau = await db.Organizations.FirstOrDefaultAsync(o => o.Name == BureauName, ct);
        if (bureau is not null) return bureau;
        bureau = new Organization(BureauName, "市城管局");
        db.Organizations.Add(bureau);
        await db.SaveChangesAsync(ct);
        return bureau;
    }

    /// <summary>First run: the bureau's 2023 plan, imported from its document and put into execution.</summary>
    private static async Task ImportShippedPlanAsync(PlanDb db, int organizationId, ILogger logger, CancellationToken ct)
    {
        if (await db.Plans.AnyAsync(ct)) return;
        var parsed = PlanDocumentParser.Parse(await File.ReadAllBytesAsync(ShippedPlanPath, ct));
        var plan = parsed.ToDraftPlan(organizationId, fallbackYear: 2023);
        plan.Activate();
        db.Plans.Add(plan);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Imported the shipped plan {Title}: {Areas} areas, {Tasks} tasks, {Warnings} warnings",
            plan.Title, plan.Areas.Count, plan.Areas.Sum(a => a.Tasks.Count), parsed.Warnings.Count);
    }
}

using Microsoft.EntityFrameworkCore;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Data.Demo;

namespace RuleOfLawPlan.TestSupport;

/// <summary>
/// The app on <see cref="ScaleData"/>'s data at one size: the template is seeded and filled once per run (the 100×
/// fill takes some seconds), and each class gets a clone. <see cref="PlanId"/> is the plan the data is about.
/// </summary>
public abstract class ScaleAppFixture(PostgresClusterFixture cluster, ScaleOptions options) : AppFixture(cluster)
{
    public ScaleOptions Options => options;

    public int PlanId { get; private set; }

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = CreateDb();
        PlanId = await db.Plans.Where(p => p.Year == DemoYear.Year && p.Status == Domain.Plans.PlanStatus.Active).Select(p => p.Id)
            .SingleAsync(TestContext.Current.CancellationToken);
    }

    protected override Task<string> TemplateAsync(PostgresClusterFixture cluster) => FilledTemplateAsync(cluster, options);

    /// <summary>A seeded database filled by <see cref="ScaleData"/> with <paramref name="options"/>, prepared once per run.</summary>
    public static Task<string> FilledTemplateAsync(PostgresClusterFixture cluster, ScaleOptions options) =>
        cluster.GetTemplateAsync($"scale_{options.Tasks}_{options.Updates}_{options.PriorYears}_{options.Seed}", async connectionString =>
        {
            await using (var app = new PlanAppFactory(connectionString)) app.StartServer();
            await using var db = new PlanDb(PlanDbOptions.Configure(new DbContextOptionsBuilder<PlanDb>(), connectionString).Options);
            await ScaleData.FillAsync(db, options, CancellationToken.None);
        });
}

/// <summary>1×: the 2023 plan with its demo year.</summary>
public sealed class OneTimesAppFixture(PostgresClusterFixture cluster) : ScaleAppFixture(cluster, ScaleOptions.One);

/// <summary>100×: 2 600 tasks, 30 000 updates, ten earlier years.</summary>
public sealed class HundredTimesAppFixture(PostgresClusterFixture cluster) : ScaleAppFixture(cluster, ScaleOptions.Hundred);

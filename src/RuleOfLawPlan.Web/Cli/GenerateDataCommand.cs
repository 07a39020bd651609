using System.Diagnostics;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Data.Demo;

namespace RuleOfLawPlan.Web.Cli;

/// <summary>
/// <c>generate-data</c>: a developer's database at scale (<see cref="ScaleData"/>), to look at the pages with 2 600
/// tasks. Development only — it writes made-up reports that bypass the audit trail — and only into a fresh database,
/// which it prepares as a first start would, without the demo year (the generator makes the year itself).
/// </summary>
public static class GenerateDataCommand
{
    public static async Task<int> RunAsync(WebApplication app, ScaleOptions scale, TextWriter output, TextWriter error)
    {
        if (!app.Environment.IsDevelopment())
        {
            await error.WriteLineAsync("generate-data 只用于开发环境 / generate-data runs only in Development");
            return 2;
        }
        var settings = new ConfigurationBuilder().AddConfiguration(app.Configuration)
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Seed:DemoYear"] = "false" }).Build();
        await app.Services.PrepareDatabaseAsync(app.Environment, settings);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanDb>();
        var started = Stopwatch.GetTimestamp();
        try
        {
            var planId = await ScaleData.FillAsync(db, scale, CancellationToken.None);
            await output.WriteLineAsync($"已生成 / generated {scale} in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s; plan id {planId}");
            return 0;
        }
        catch (InvalidOperationException ex)
        {
            await error.WriteLineAsync(ex.Message);
            return 1;
        }
    }
}

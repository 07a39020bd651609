using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;

namespace RuleOfLawPlan.Web.Tests.Infrastructure;

/// <summary>
/// Test hosts share one process: whatever one app keeps in process-wide state (Serilog's static logger was the
/// case) another app started or stopped at the same time can break. Each app must come up and log on its own.
/// </summary>
public sealed class HostIsolationTests(PostgresClusterFixture cluster)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Several_apps_started_at_once_in_one_process_all_come_up()
    {
        var template = await AppFixture.SeededTemplateAsync(cluster);
        var databases = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => cluster.CreateDatabaseAsync(template)));
        var apps = databases.Select(d => new PlanAppFactory(cluster.ConnectionStringFor(d))).ToList();
        try
        {
            await Task.WhenAll(apps.Select(a => Task.Run(a.StartServer, Ct)));

            foreach (var app in apps)
                (await app.CreateClient().GetAsync("/healthz", Ct)).EnsureSuccessStatusCode();
        }
        finally
        {
            foreach (var app in apps) await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task Each_app_logs_its_requests_through_its_own_logger_while_another_app_runs()
    {
        var template = await AppFixture.SeededTemplateAsync(cluster);
        var logA = new LogCapture();
        var logB = new LogCapture();
        await using var a = await StartAsync(template, logA);
        await using var b = await StartAsync(template, logB);

        (await a.CreateClient().GetAsync("/healthz", Ct)).EnsureSuccessStatusCode();
        (await b.CreateClient().GetAsync("/account/login", Ct)).EnsureSuccessStatusCode();

        RequestPaths(logA).ShouldBe(["/healthz"]);
        RequestPaths(logB).ShouldBe(["/account/login"]);
    }

    private async Task<PlanAppFactory> StartAsync(string template, LogCapture sink)
    {
        // The app's logger takes the sinks registered as services (ReadFrom.Services) besides its configured ones.
        var app = new PlanAppFactory(cluster.ConnectionStringFor(await cluster.CreateDatabaseAsync(template)),
            settings: new Dictionary<string, string?> { ["Serilog:MinimumLevel:Default"] = "Information" },
            services: s => s.AddSingleton<ILogEventSink>(sink));
        app.StartServer();
        return app;
    }

    private static List<string?> RequestPaths(LogCapture log) =>
        [.. log.Events.Where(e => e.Properties.ContainsKey("RequestPath")).Select(e => LogCapture.Property(e, "RequestPath") as string)];
}

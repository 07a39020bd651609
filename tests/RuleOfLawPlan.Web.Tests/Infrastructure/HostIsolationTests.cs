using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

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
        var logA = new RecordingSink();
        var logB = new RecordingSink();
        await using var a = await StartAsync(template, logA);
        await using var b = await StartAsync(template, logB);

        (await a.CreateClient().GetAsync("/healthz", Ct)).EnsureSuccessStatusCode();
        (await b.CreateClient().GetAsync("/account/login", Ct)).EnsureSuccessStatusCode();

        logA.RequestPaths.ShouldBe(["/healthz"]);
        logB.RequestPaths.ShouldBe(["/account/login"]);
    }

    private async Task<PlanAppFactory> StartAsync(string template, RecordingSink sink)
    {
        // The app's logger takes the sinks registered as services (ReadFrom.Services) besides its configured ones.
        var app = new PlanAppFactory(cluster.ConnectionStringFor(await cluster.CreateDatabaseAsync(template)),
            settings: new Dictionary<string, string?> { ["Serilog:MinimumLevel:Default"] = "Information" },
            services: s => s.AddSingleton<ILogEventSink>(sink));
        app.StartServer();
        return app;
    }

    private sealed class RecordingSink : ILogEventSink
    {
        private readonly List<string> _paths = [];

        public IReadOnlyList<string> RequestPaths
        {
            get { lock (_paths) return [.. _paths]; }
        }

        public void Emit(LogEvent logEvent)
        {
            if (logEvent.Properties.TryGetValue("RequestPath", out var path))
                lock (_paths) _paths.Add(((ScalarValue)path).Value as string ?? "");
        }
    }
}

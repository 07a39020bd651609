using System.Data.Common;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using RuleOfLawPlan.TestSupport;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Data.Demo;

namespace RuleOfLawPlan.Benchmarks;

/// <summary>
/// Where a page's time goes, one request at a time: the time in the app from the first middleware to the response's
/// end, the time in SQL queries (from sending each to disposing its reader, so reading the rows counts as SQL), the
/// queries sent, and the bytes allocated (*by the app and the in-memory client together) and sent. What is left after SQL is authentication, the page model's work in
/// memory and rendering.
/// </summary>
internal static class PageProfile
{
    private sealed class Timings : DbCommandInterceptor
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<DbCommand, long> _started = new();
        private long _sqlTicks;
        private int _commands;

        public (double Milliseconds, int Commands) Take() =>
            (Interlocked.Exchange(ref _sqlTicks, 0) * 1000.0 / Stopwatch.Frequency, Interlocked.Exchange(ref _commands, 0));

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            _started[command] = Stopwatch.GetTimestamp();
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData,
            InterceptionResult result)
        {
            if (_started.TryRemove(command, out var started))
            {
                Interlocked.Add(ref _sqlTicks, Stopwatch.GetTimestamp() - started);
                Interlocked.Increment(ref _commands);
            }
            return base.DataReaderDisposing(command, eventData, result);
        }
    }

    /// <summary>The app's time on requests, from the first middleware on, summed.</summary>
    private sealed class ServerTime : IStartupFilter
    {
        private long _ticks;

        public double TakeMilliseconds() => Interlocked.Exchange(ref _ticks, 0) * 1000.0 / Stopwatch.Frequency;

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, following) =>
            {
                var started = Stopwatch.GetTimestamp();
                await following(context);
                Interlocked.Add(ref _ticks, Stopwatch.GetTimestamp() - started);
            });
            next(app);
        };
    }

    public static async Task RunAsync(string connectionString, ScaleOptions scale, int runs)
    {
        await using (var seeding = new PlanAppFactory(connectionString)) seeding.StartServer();
        int planId;
        await using (var db = new PlanDb(PlanDbOptions.Configure(new DbContextOptionsBuilder<PlanDb>(), connectionString).Options))
            planId = await ScaleData.FillAsync(db, scale, CancellationToken.None);

        var sql = new Timings();
        var server = new ServerTime();
        await using var app = new PlanAppFactory(connectionString, "Production", settings: new Dictionary<string, string?>(),
            services: s =>
            {
                s.ConfigureDbContext<PlanDb>(o => o.AddInterceptors(sql));
                s.AddSingleton<IStartupFilter>(server);
            });
        var client = await app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") })
            .SignInAsync("leader", SampleData.DemoPassword);
        Console.WriteLine($"Profile: {scale}, {runs} sequential requests each after {runs / 5} to warm up, Production, in memory (no sockets)");
        Console.WriteLine($"{"page",-40} {"server ms",10} {"SQL ms",8} {"commands",9} {"rest ms",8} {"alloc KB*",9} {"body KB",8}");
        // The dashboard twice: its figures kept (no change between requests), and computed again (a PlanChange committed
        // before each request, outside the timings).
        var dashboard = $"/dashboard?plan={planId}";
        foreach (var (label, path, changing) in new[]
        {
            ("/healthz", "/healthz", false), ("/notifications", "/notifications", false), ($"/plans/{planId}", $"/plans/{planId}", false),
            (dashboard, dashboard, false), (dashboard + " after a change", dashboard, true),
        })
        {
            for (var i = 0; i < runs / 5; i++) await GetAsync(client, path);
            sql.Take();
            server.TakeMilliseconds();
            var before = GC.GetTotalAllocatedBytes();
            double body = 0;
            for (var i = 0; i < runs; i++)
            {
                if (changing) await PlanChange.CommitAsync(connectionString, planId);
                body += await GetAsync(client, path);
            }
            var allocated = GC.GetTotalAllocatedBytes() - before;
            var serverMs = server.TakeMilliseconds();
            var (sqlMs, commands) = sql.Take();
            commands /= runs;
            Console.WriteLine($"{label,-40} {serverMs / runs,10:0.00} {sqlMs / runs,8:0.00} {commands,9} {(serverMs - sqlMs) / runs,8:0.00} {allocated / runs / 1024.0,9:0} {body / runs / 1024,8:0.0}");
        }
    }

    private static async Task<int> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{path}: {response.StatusCode}");
        return bytes.Length;
    }
}

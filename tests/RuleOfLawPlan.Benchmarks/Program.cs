using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using RuleOfLawPlan.Domain.Import;
using RuleOfLawPlan.TestSupport;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Data.LocalPostgres;

// Benchmarks print their figures; docs/performance.md records them. Run:
//   dotnet run -c Release --project tests/RuleOfLawPlan.Benchmarks
Console.WriteLine($"RuleOfLawPlan benchmarks — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, .NET {Environment.Version}");

var planBytes = await File.ReadAllBytesAsync(DatabaseSetup.ShippedPlanPath);
Measure("Import plan-2023.txt (parse + KPIs + deliverables)", warmup: 200, runs: 2000, () => PlanDocumentParser.Parse(planBytes));

var big = string.Concat(Enumerable.Repeat(System.Text.Encoding.UTF8.GetString(planBytes), 60));
Console.WriteLine($"  (1 MB-class input: {big.Length / 1024} K chars)");
Measure("Import 60 × plan-2023 concatenated", warmup: 3, runs: 20, () => PlanDocumentParser.Parse(big));
// Large inputs: the unit tests check what the parser makes of them, this how long it takes.
var oneLine = string.Concat(Enumerable.Repeat("深入推进依法行政,满意度达到90%", 60_000));
Measure("Import 1 MB on one line, no structure", warmup: 3, runs: 20, () => PlanDocumentParser.Parse(oneLine));
var targets = new System.Text.StringBuilder("三、重点工作\n(一)考核\n1.落实考核。");
for (var i = 0; targets.Length < 1_000_000; i++) targets.Append($"指标{i}达90%以上,制定《办法{i}》。");
var oneTask = targets.ToString();
Measure("Import 1 MB task of distinct targets", warmup: 3, runs: 20, () => PlanDocumentParser.Parse(oneTask));

var dataDir = Path.Combine(Path.GetTempPath(), "rolp-bench-" + Guid.NewGuid().ToString("N")[..8]);
await using var server = await LocalPostgresServer.StartAsync(
    new LocalPostgresOptions { DataDirectory = dataDir, Throwaway = true }, NullLogger.Instance);
try
{
    await using var app = new PlanAppFactory(server.ConnectionString);
    var client = await app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false })
        .SignInAsync("viewer", SampleData.DemoPassword);
    var overview = (await client.GetAsync("/")).Headers.Location!.OriginalString;
    await MeasureAsync($"GET {overview} (plan overview, 26 tasks)", warmup: 50, runs: 500, async () =>
    {
        var response = await client.GetAsync(overview);
        if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"{response.StatusCode}");
        await response.Content.ReadAsByteArrayAsync();
    });
    await MeasureAsync("GET /healthz (one query)", warmup: 50, runs: 500, async () => (await client.GetAsync("/healthz")).EnsureSuccessStatusCode());
}
finally
{
    await server.StopAsync();
    Directory.Delete(dataDir, recursive: true);
}

static void Measure(string name, int warmup, int runs, Action action)
{
    for (var i = 0; i < warmup; i++) action();
    var samples = new double[runs];
    for (var i = 0; i < runs; i++)
    {
        var started = Stopwatch.GetTimestamp();
        action();
        samples[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }
    Report(name, samples);
}

static async Task MeasureAsync(string name, int warmup, int runs, Func<Task> action)
{
    for (var i = 0; i < warmup; i++) await action();
    var samples = new double[runs];
    for (var i = 0; i < runs; i++)
    {
        var started = Stopwatch.GetTimestamp();
        await action();
        samples[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }
    Report(name, samples);
}

static void Report(string name, double[] samples)
{
    Array.Sort(samples);
    double At(double q) => samples[Math.Min(samples.Length - 1, (int)Math.Ceiling(q * samples.Length) - 1)];
    Console.WriteLine($"{name}: n={samples.Length} mean={samples.Average():0.000} ms p50={At(0.50):0.000} ms p95={At(0.95):0.000} ms max={samples[^1]:0.000} ms");
}

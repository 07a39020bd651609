using System.Diagnostics;
using static Timing;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using RuleOfLawPlan.Domain.Import;
using RuleOfLawPlan.TestSupport;
using RuleOfLawPlan.Benchmarks;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Data.Demo;
using RuleOfLawPlan.Web.Data.LocalPostgres;

// Benchmarks print their figures; docs/performance.md records them. Run:
//   dotnet run -c Release --project tests/RuleOfLawPlan.Benchmarks              (all)
//   dotnet run -c Release --project tests/RuleOfLawPlan.Benchmarks -- evidence  (only the evidence upload/download memory)
//   dotnet run -c Release --project tests/RuleOfLawPlan.Benchmarks -- docx      (only writing the annual report's .docx)
//   dotnet run -c Release --project tests/RuleOfLawPlan.Benchmarks -- load [--scale 1|10|100] [--seconds 20] [--connections 8]
//                                                                             (requests/s under load with wrk; docs/performance.md)
//   dotnet run -c Release --project tests/RuleOfLawPlan.Benchmarks -- profile [--scale 1] [--runs 300]
//                                                                             (where a page's time goes: SQL, the rest, allocations)
//   dotnet run -c Release --project tests/RuleOfLawPlan.Benchmarks -- report    (drafting the report from 300 tasks / 10 000 updates, and its .docx)
Console.WriteLine($"RuleOfLawPlan benchmarks — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
if (args.Contains("docx"))
{
    ReportDocxBenchmark.Run();
    return;
}
if (args.Contains("report"))
{
    var reportData = Path.Combine(Path.GetTempPath(), "rolp-bench-" + Guid.NewGuid().ToString("N")[..8]);
    await using var reportServer = await LocalPostgresServer.StartAsync(
        new LocalPostgresOptions { DataDirectory = reportData, Throwaway = true }, NullLogger.Instance);
    try
    {
        await AnnualReportBenchmark.RunAsync(reportServer.ConnectionString);
    }
    finally
    {
        await reportServer.StopAsync();
        Directory.Delete(reportData, recursive: true);
    }
    return;
}
var evidenceOnly = args.Contains("evidence");
var profileOnly = args.Contains("profile");
var loadOnly = args.Contains("load") || profileOnly;
int Option(string name, int fallback) =>
    Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;

if (!evidenceOnly && !loadOnly)
{
    var planBytes = await File.ReadAllBytesAsync(DatabaseSetup.ShippedPlanPath);
    Measure("Import plan-2023.txt (parse + KPIs + deliverables)", warmup: 200, runs: 2000, () => PlanDocumentParser.Parse(planBytes));

    var big = string.Concat(Enumerable.Repeat(System.Text.Encoding.UTF8.GetString(planBytes), 60));
    Console.WriteLine($"  (1 MB-class input: {big.Length / 1024} K chars)");
    Measure("Import 60 × plan-2023 concatenated", warmup: 3, runs: 20, () => PlanDocumentParser.Parse(big));
    // Large inputs: the unit tests check what the parser makes of them, this how long it takes.
    var oneLine = string.Concat(Enumerable.Repeat("深入推进依法行政,满意度达到90%", 60_000));
    Measure("Import 1 MB on one line, no structure", warmup: 3, runs: 20, () => PlanDocumentParser.Parse(oneLine));
    var targets = new System.Text.StringBuilder("三、重点工作\n(一)考核\n1.落实考核。");
    for (var i = 0; targets.Length < 1_000_000; i++) targets.Append(CultureInfo.InvariantCulture, $"指标{i}达90%以上,制定《办法{i}》。");
    var oneTask = targets.ToString();
    Measure("Import 1 MB task of distinct targets", warmup: 3, runs: 20, () => PlanDocumentParser.Parse(oneTask));
}

var dataDir = Path.Combine(Path.GetTempPath(), "rolp-bench-" + Guid.NewGuid().ToString("N")[..8]);
await using var server = await LocalPostgresServer.StartAsync(
    new LocalPostgresOptions { DataDirectory = dataDir, Throwaway = true }, NullLogger.Instance);
try
{
    if (profileOnly)
    {
        await PageProfile.RunAsync(server.ConnectionString, ScaleOptions.ForFactor(Option("--scale", 1)) ?? ScaleOptions.One, Option("--runs", 300));
    }
    else if (loadOnly)
    {
        await LoadBenchmark.RunAsync(server.ConnectionString, ScaleOptions.ForFactor(Option("--scale", 100)) ?? ScaleOptions.Hundred,
            Option("--seconds", 20), Option("--connections", 8));
    }
    else if (!evidenceOnly)
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
        await MeasureSignInAsync(server.ConnectionString);
    }
    if (!loadOnly) await EvidenceMemory.MeasureAsync(server.ConnectionString);
}
finally
{
    await server.StopAsync();
    Directory.Delete(dataDir, recursive: true);
}

// Sign-in: an unknown name, a disabled account and a wrong password should cost the same (docs/security.md).
static async Task MeasureSignInAsync(string connectionString)
{
    // The throttle is set out of the way, or the later samples would be fast refusals.
    await using var open = new PlanAppFactory(connectionString, settings: new Dictionary<string, string?>
    {
        ["Security:SignIn:FreeFailuresPerAccountAndAddress"] = "1000000",
        ["Security:SignIn:FailuresPerAddress"] = "1000000",
    });
    await Sql.Execute(connectionString, CopyOfViewer("bench-disabled", disabled: true, 1));
    (string Label, string User, string Password)[] cases =
    [
        ("unknown name", "no-such-user", "Wrong1234"),
        ("disabled account, wrong password", "bench-disabled1", "Wrong1234"),
        ("real account, wrong password", "viewer", "Wrong1234"),
        ("real account, right password", "viewer", SampleData.DemoPassword),
    ];
    // Round-robin, so that the machine's load drifts over all cases alike; only the POST is timed.
    var samples = cases.Select(_ => new List<double>()).ToArray();
    for (var run = -5; run < 60; run++)
    {
        for (var c = 0; c < cases.Length; c++)
        {
            var visitor = open.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Form.UserName"] = cases[c].User,
                ["Form.Password"] = cases[c].Password,
                ["__RequestVerificationToken"] = await visitor.AntiforgeryTokenAsync(),
            });
            var started = Stopwatch.GetTimestamp();
            var response = await visitor.PostAsync("/account/login", form);
            await response.Content.ReadAsByteArrayAsync();
            if (run >= 0) samples[c].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }
    for (var c = 0; c < cases.Length; c++)
        Report($"POST /account/login, {cases[c].Label}", [.. samples[c]]);

    // 50 people behind one address, with the default limits, from a clean sign-in log: each signs in once, 4 at a time.
    await Sql.Execute(connectionString, "DELETE FROM sign_in_attempts");
    await using var defaults = new PlanAppFactory(connectionString);
    await Sql.Execute(connectionString, CopyOfViewer("bench-office", disabled: false, 50));
    var begun = Stopwatch.GetTimestamp();
    var statuses = new List<HttpStatusCode>();
    foreach (var batch in Enumerable.Range(1, 50).Chunk(4))
    {
        statuses.AddRange(await Task.WhenAll(batch.Select(async n =>
            (await defaults.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).PostFormAsync("/account/login",
                new Dictionary<string, string> { ["Form.UserName"] = $"bench-office{n}", ["Form.Password"] = SampleData.DemoPassword })).StatusCode)));
    }
    Console.WriteLine($"50 sign-ins from one address, 4 at a time: {statuses.Count(s => s == HttpStatusCode.Redirect)} succeeded in {Stopwatch.GetElapsedTime(begun).TotalSeconds:0.0} s");
}

// Accounts named prefix1…prefixN with the demo viewer's role and password.
static string CopyOfViewer(string prefix, bool disabled, int count) => $"""
    INSERT INTO asp_net_users (id, user_name, normalized_user_name, email_confirmed, password_hash, security_stamp, concurrency_stamp,
        phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count, display_name, is_disabled)
    SELECT gen_random_uuid()::text, '{prefix}' || n, upper('{prefix}' || n), false, password_hash, gen_random_uuid()::text,
        gen_random_uuid()::text, false, false, false, 0, '{prefix}' || n, {(disabled ? "true" : "false")}
    FROM asp_net_users, generate_series(1, {count}) n WHERE user_name = 'viewer';
    INSERT INTO asp_net_user_roles (user_id, role_id)
    SELECT c.id, r.role_id FROM asp_net_users c, asp_net_users v JOIN asp_net_user_roles r ON r.user_id = v.id
    WHERE v.user_name = 'viewer' AND c.user_name LIKE '{prefix}%';
    """;

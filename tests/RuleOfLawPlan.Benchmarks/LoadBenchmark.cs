using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using RuleOfLawPlan.TestSupport;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Data.Demo;

namespace RuleOfLawPlan.Benchmarks;

/// <summary>
/// Requests/s and latency under load, side by side in one run: the app in Production (as behind nginx: plain HTTP on
/// loopback with <c>X-Forwarded-Proto: https</c> from a known proxy), on a database filled by <see cref="ScaleData"/>,
/// signed in as the leader, driven by wrk (one thread, a fixed number of connections) page after page, twice over, so
/// that load from elsewhere on the machine falls on every page alike. Pages: the dashboard; 通知 (<c>/notifications</c>),
/// the minimal signed-in page — the same layout (the session lookup and the bell's unread count) and one query of its
/// own; at 1× also the plan overview and <c>/healthz</c> (one query, no layout, no session). The dashboard runs twice:
/// with its figures kept between changes, and with a change committed every second.
/// </summary>
internal static partial class LoadBenchmark
{
    private sealed record Result(string Page, long Requests, double Seconds, double P50, double P95, double P99, double Mean, long Errors,
        long BytesPerResponse)
    {
        public double PerSecond => Requests / Seconds;
    }

    public static async Task RunAsync(string connectionString, ScaleOptions scale, int seconds, int connections)
    {
        Console.WriteLine($"Load: {scale}, wrk -t1 -c{connections}, {seconds} s per page and round; load average {LoadAverage()}");
        await using (var seeding = new PlanAppFactory(connectionString)) seeding.StartServer();
        var filling = Stopwatch.GetTimestamp();
        int planId;
        await using (var db = new PlanDb(PlanDbOptions.Configure(new DbContextOptionsBuilder<PlanDb>(), connectionString).Options))
            planId = await ScaleData.FillAsync(db, scale, CancellationToken.None);
        Console.WriteLine($"  data generated in {Stopwatch.GetElapsedTime(filling).TotalSeconds:0.0} s");

        await using var app = new PlanAppFactory(connectionString, "Production", kestrel: true);
        app.StartServer();
        var address = app.ServerAddress;
        var cookie = await SignInAsync(address, "leader", SampleData.DemoPassword);
        // The overview lists every task of the plan (7 MB at 100×): it is measured at 1×, where it is an everyday page.
        // The dashboard twice: as it is between changes (its figures kept, decision 025), and with a change committed every
        // second all through the run, so that the figures are computed again about once a second under load.
        (string Name, string Path)[] pages = scale.IsDemoYear
            ? [("dashboard", $"/dashboard?plan={planId}"), (DashboardChanging, $"/dashboard?plan={planId}"), ("notifications (one query)", "/notifications"), ("plan overview", $"/plans/{planId}"), ("healthz", "/healthz")]
            : [("dashboard", $"/dashboard?plan={planId}"), (DashboardChanging, $"/dashboard?plan={planId}"), ("notifications (one query)", "/notifications")];
        var sizes = new Dictionary<string, long>();
        foreach (var (name, path) in pages)
        {
            sizes[name] = await CheckAsync(address, path, cookie);
            await WrkAsync(address, path, cookie, Math.Max(3, seconds / 4), connections, name);
        }

        var results = new List<Result>();
        for (var round = 1; round <= 2; round++)
        {
            foreach (var (name, path) in pages)
            {
                using var changing = new CancellationTokenSource();
                var changes = name == DashboardChanging ? ChangeEverySecondAsync(connectionString, planId, changing.Token) : Task.FromResult(0);
                var result = await WrkAsync(address, path, cookie, seconds, connections, name);
                await changing.CancelAsync();
                if (name == DashboardChanging) Console.WriteLine($"  ({await changes} changes committed during the run)");
                // A signed-out redirect is fast and not an error to wrk: every response must be the page as checked.
                if (result.Errors > 0 || result.BytesPerResponse < sizes[name] || result.BytesPerResponse > sizes[name] + 8192)
                    throw new InvalidOperationException($"{name}: {result.Errors} errors, {result.BytesPerResponse} bytes per response, expected ~{sizes[name]}");
                results.Add(result);
                Console.WriteLine($"  round {round} {name,-26} {result.PerSecond,8:0.0} req/s  p50 {result.P50,7:0.00} ms  p95 {result.P95,7:0.00} ms  p99 {result.P99,7:0.00} ms  ({result.Requests} requests, {result.BytesPerResponse / 1024.0:0.0} KB each)");
            }
        }
        foreach (var group in results.GroupBy(r => r.Page))
        {
            var best = group.MaxBy(r => r.PerSecond)!;
            Console.WriteLine($"{group.Key}: best round {best.PerSecond:0.0} req/s, p50 {best.P50:0.00} ms, p95 {best.P95:0.00} ms, p99 {best.P99:0.00} ms");
        }
        var minimal = results.Where(r => r.Page == pages[2].Name).ToList();
        foreach (var page in new[] { "dashboard", DashboardChanging })
        {
            var dashboard = results.Where(r => r.Page == page).ToList();
            for (var i = 0; i < dashboard.Count; i++)
                Console.WriteLine($"  round {i + 1}: {page} / one-query page throughput = {dashboard[i].PerSecond / minimal[i].PerSecond:0.00}");
        }
        Console.WriteLine($"  load average after: {LoadAverage()}");
    }

    private const string DashboardChanging = "dashboard, a change each 1 s";

    /// <summary>Commits a <see cref="PlanChange"/> every second until cancelled; returns how many were committed.</summary>
    private static async Task<int> ChangeEverySecondAsync(string connectionString, int planId, CancellationToken ct)
    {
        var changes = 0;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                await PlanChange.CommitAsync(connectionString, planId);
                changes++;
            }
        }
        catch (OperationCanceledException)
        {
        }
        return changes;
    }

    /// <summary>The auth cookies of a fresh sign-in, as one Cookie header value.</summary>
    private static async Task<string> SignInAsync(Uri address, string userName, string password)
    {
        using var client = Client(address);
        var login = await client.GetAsync("/account/login");
        var antiforgery = Cookies(login);
        var token = TokenPattern().Match(await login.Content.ReadAsStringAsync()).Groups[1].Value;
        using var post = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Form.UserName"] = userName,
                ["Form.Password"] = password,
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            }),
        };
        post.Headers.Add("Cookie", antiforgery);
        var signedIn = await client.SendAsync(post);
        if (signedIn.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Sign-in answered {signedIn.StatusCode}");
        return antiforgery + "; " + Cookies(signedIn);
    }

    /// <summary>The page answers 200 to the signed-in cookie; returns its size in bytes.</summary>
    private static async Task<long> CheckAsync(Uri address, string path, string cookie)
    {
        using var client = Client(address);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        var response = await client.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"{path} answered {response.StatusCode}");
        return (await response.Content.ReadAsByteArrayAsync()).Length;
    }

    private static HttpClient Client(Uri address)
    {
        var client = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = address };
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        return client;
    }

    private static string Cookies(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Select(v => v.Split(';')[0]) : []);

    private static async Task<Result> WrkAsync(Uri address, string path, string cookie, int seconds, int connections, string name)
    {
        var script = Path.Combine(Path.GetTempPath(), "rolp-wrk-report.lua");
        await File.WriteAllTextAsync(script, """
            done = function(summary, latency, requests)
              io.write(string.format("RESULT %d %d %f %f %f %f %d %d\n", summary.requests, summary.duration,
                latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.mean,
                summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
                summary.bytes))
            end
            """);
        var start = new ProcessStartInfo("wrk")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList =
            {
                "-t1", $"-c{connections}", $"-d{seconds}s", "--timeout", "10s", "-s", script,
                "-H", $"Cookie: {cookie}", "-H", "X-Forwarded-Proto: https", new Uri(address, path).ToString(),
            },
        };
        using var wrk = Process.Start(start)!;
        var output = await wrk.StandardOutput.ReadToEndAsync();
        await wrk.WaitForExitAsync();
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("RESULT ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException("wrk: " + output + await wrk.StandardError.ReadToEndAsync());
        var f = line.Split(' ')[1..].Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var requests = (long)f[0];
        return new Result(name, requests, f[1] / 1e6, f[2] / 1000, f[3] / 1000, f[4] / 1000, f[5] / 1000, (long)f[6],
            requests == 0 ? 0 : (long)f[7] / requests);
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ')[..3]) : "n/a";

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RuleOfLawPlan.Domain.Reports;
using RuleOfLawPlan.TestSupport;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Data.Demo;
using RuleOfLawPlan.Web.Pages.Reports;

/// <summary>
/// The annual report for a year of the performance budget's size, end to end (docs/performance.md): a freshly seeded database
/// grown by <see cref="ScaleData"/> to 300 tasks and 10 000 progress updates (no earlier years), with the demo 领导履职台账
/// for part 三; then, timed separately and many times, drafting the five parts from the record (<see cref="ReportDrafter"/>,
/// what 从记录起草 runs) and writing them as the .docx (<see cref="ReportDocxWriter"/>, what the download runs), into a
/// temporary file as the download does.
/// </summary>
internal static class AnnualReportBenchmark
{
    public static readonly ScaleOptions Size = new(Tasks: 300, Updates: 10_000, PriorYears: 0);

    public static async Task RunAsync(string connectionString)
    {
        Console.WriteLine($"Machine: {CpuModel()}, load average {LoadAverage()}");
        await using var app = new PlanAppFactory(connectionString);
        app.StartServer();
        int planId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlanDb>();
            planId = await ScaleData.FillAsync(db, Size, CancellationToken.None);
            await DemoRegister.EnsureAsync(db, CancellationToken.None);
            var tasks = await db.Tasks.CountAsync(t => t.WorkPlanId == planId);
            var updates = await db.ProgressUpdates.CountAsync(u => db.Tasks.Any(t => t.Id == u.PlanTaskId && t.WorkPlanId == planId));
            var register = await db.LeadershipActivities.CountAsync(a => a.WorkPlanId == planId);
            Console.WriteLine($"Annual report at {Size}: plan {planId} has {tasks} tasks, {updates} progress updates, {register} register entries");
        }

        IReadOnlyList<DraftedPart> parts = [];
        // A scope per draft, as a request has: nothing is cached between runs but what the app caches itself.
        await Timing.MeasureAsync("Draft the annual report from the record (ReportDrafter.DraftAsync)", warmup: 3, runs: 20, async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            parts = await scope.ServiceProvider.GetRequiredService<ReportDrafter>().DraftAsync(planId, CancellationToken.None)
                ?? throw new InvalidOperationException("No plan to draft.");
        });
        var document = new ReportDocument(ReportDrafter.TitleFor("日喀则市城市管理和综合执法局", 2023), "日喀则市城市管理和综合执法局",
            new DateOnly(2024, 1, 15), [.. parts.Select(p => new ReportDocumentPart(ReportParts.Heading(p.Number), p.Text))]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  (drafted: {parts.Sum(p => p.Paragraphs.Count)} paragraphs, {document.Parts.Sum(p => p.Text.Length) / 1000} K characters; part 三 {parts.Single(p => p.Number == 3).Paragraphs.Count} paragraphs)"));

        long bytes = 0;
        Timing.Measure("Write the drafted report as .docx (ReportDocxWriter.Write)", warmup: 3, runs: 20, () =>
        {
            using var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
            ReportDocxWriter.Write(document, file);
            bytes = file.Length;
        });
        Console.WriteLine($"  (.docx of {bytes / 1024} KB)");

        await Timing.MeasureAsync("Draft and write together (one request's work)", warmup: 1, runs: 10, async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var drafted = await scope.ServiceProvider.GetRequiredService<ReportDrafter>().DraftAsync(planId, CancellationToken.None);
            using var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
            ReportDocxWriter.Write(document with { Parts = [.. drafted!.Select(p => new ReportDocumentPart(ReportParts.Heading(p.Number), p.Text))] }, file);
        });
        Console.WriteLine($"Load average at the end: {LoadAverage()}");
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string CpuModel() =>
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown"
            : "unknown";
}

using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RuleOfLawPlan.Domain.Plans;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Pages.Shared;
using RuleOfLawPlan.Web.Security;

namespace RuleOfLawPlan.Web.Pages.Plans;

/// <summary>
/// 导出工作台账: a plan's tasks with their sections, the progress updates and KPI readings dated within a range, as an
/// .xlsx for filing and printing. The office and leaders; a fixed number of queries however large the plan.
/// </summary>
[Authorize(Policy = Policies.ExportLedger)]
public sealed class LedgerModel(PlanDb db, IStringLocalizer<SharedResource> l) : PageModel
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [BindProperty(SupportsGet = true)]
    public Range Query { get; set; } = new();

    public PlanHeader Plan { get; private set; } = null!;

    public sealed record PlanHeader(int Id, string Title, int Year);

    public sealed record Range
    {
        public DateOnly? From { get; init; }
        public DateOnly? To { get; init; }
    }

    public sealed class Validator : AbstractValidator<Range>
    {
        private static readonly DateOnly Earliest = new(2000, 1, 1);
        private static readonly DateOnly Latest = new(2100, 12, 31);

        public Validator()
        {
            RuleFor(x => x.From).Cascade(CascadeMode.Stop).NotNull().WithMessage("请填写开始日期")
                .InclusiveBetween(Earliest, Latest).WithMessage("开始日期无效");
            RuleFor(x => x.To).Cascade(CascadeMode.Stop).NotNull().WithMessage("请填写结束日期")
                .InclusiveBetween(Earliest, Latest).WithMessage("结束日期无效")
                .GreaterThanOrEqualTo(x => x.From).When(x => x.From is not null).WithMessage("开始日期不能晚于结束日期");
        }
    }

    private sealed record TaskRow(int Id, int AreaOrdinal, int? Number, string Title, int? LeadSectionId, List<int> SupportingSectionIds,
        DateOnly? Deadline);

    private sealed record UpdateRow(long Id, int PlanTaskId, int SectionId, DateOnly AsOf, int Percent, string Summary, ReviewState Review,
        bool IsSuperseded, string? ReviewComment, string RecordedBy, DateTimeOffset RecordedAt);

    private sealed record ReadingRow(int PlanTaskId, string KpiName, KpiComparator Comparator, decimal? Target, string Unit,
        TaskTargets.Reading Reading);

    /// <summary>The form, with the plan's year as the range.</summary>
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadPlanAsync(id, ct) is { } missing) return missing;
        Query = new Range { From = Query.From ?? new DateOnly(Plan.Year, 1, 1), To = Query.To ?? new DateOnly(Plan.Year, 12, 31) };
        return Page();
    }

    /// <summary>The workbook, or the form again with the reason in Chinese.</summary>
    public async Task<IActionResult> OnGetDownloadAsync(int id, [FromServices] IValidator<Range> validator, CancellationToken ct)
    {
        if (await LoadPlanAsync(id, ct) is { } missing) return missing;
        if (!validator.Validate(Query).AddTo(ModelState, nameof(Query))) return Page();
        var (start, end) = (Query.From!.Value, Query.To!.Value);

        var tasks = await db.Tasks.AsNoTracking().Where(t => t.WorkPlanId == id)
            .OrderBy(t => t.Area.Ordinal).ThenBy(t => t.SortOrder)
            .Select(t => new TaskRow(t.Id, t.Area.Ordinal, t.Number, t.Title, t.LeadSectionId, t.Supports.Select(s => s.SectionId).ToList(), t.Deadline))
            .ToListAsync(ct);
        var planTasks = db.Tasks.Where(t => t.WorkPlanId == id).Select(t => t.Id);
        var updates = await db.ProgressUpdates.AsNoTracking()
            .Where(u => planTasks.Contains(u.PlanTaskId) && u.AsOf >= start && u.AsOf <= end)
            .OrderBy(u => u.AsOf).ThenBy(u => u.RecordedAt).ThenBy(u => u.Id)
            .Select(u => new UpdateRow(u.Id, u.PlanTaskId, u.SectionId, u.AsOf, u.Percent, u.Summary, u.Review, u.IsSuperseded,
                u.ReviewComment, u.RecordedBy, u.RecordedAt))
            .ToListAsync(ct);
        var readings = await (
                from r in db.KpiReadings.AsNoTracking()
                join k in db.Kpis on r.KpiId equals k.Id
                where planTasks.Contains(k.PlanTaskId) && r.AsOf >= start && r.AsOf <= end
                orderby k.PlanTaskId, k.Id, r.AsOf, r.RecordedAt, r.Id
                select new ReadingRow(k.PlanTaskId, k.Name, k.Comparator, k.Target, k.Unit, new TaskTargets.Reading(
                    r.Id, r.KpiId, r.AsOf, r.Percent, r.Numerator, r.Denominator, r.ThisYearCount, r.LastYearCount,
                    r.Source, r.RecordedBy, r.RecordedAt)))
            .ToListAsync(ct);
        // 佐证材料 of the updates and the readings in the range, in one query.
        var files = await db.EvidenceFiles.AsNoTracking()
            .Where(f => planTasks.Contains(f.PlanTaskId)
                && ((f.ProgressUpdate != null && f.ProgressUpdate.AsOf >= start && f.ProgressUpdate.AsOf <= end)
                    || (f.KpiReading != null && f.KpiReading.AsOf >= start && f.KpiReading.AsOf <= end)))
            .OrderBy(f => f.Id).Select(f => new { f.ProgressUpdateId, f.KpiReadingId, f.FileName }).ToListAsync(ct);
        var evidence = files.Where(f => f.ProgressUpdateId is not null).ToLookup(f => f.ProgressUpdateId!.Value, f => f.FileName);
        var readingEvidence = files.Where(f => f.KpiReadingId is not null).ToLookup(f => f.KpiReadingId!.Value, f => f.FileName);
        var sections = await SectionNames.LoadAsync(db, ct);

        // A temporary file, not memory: a year of a large plan's updates is several megabytes. It goes when the response is sent.
        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        using (var workbook = new XlsxWriter(file))
        {
            workbook.AddSheet(l["工作台账"], Localized(LedgerColumns), LedgerRows(tasks, updates, evidence, sections));
            workbook.AddSheet(l["指标数据"], Localized(ReadingColumns), ReadingRows(tasks, readings, readingEvidence));
        }
        file.Position = 0;
        return File(file, ContentType, l["{0}工作台账（{1}至{2}）.xlsx", Plan.Title, start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            end.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)]);
    }

    private async Task<IActionResult?> LoadPlanAsync(int id, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == id).Select(p => new PlanHeader(p.Id, p.Title, p.Year)).SingleOrDefaultAsync(ct);
        if (plan is null) return NotFound();
        Plan = plan;
        return null;
    }

    private static readonly XlsxWriter.Column[] LedgerColumns =
    [
        new("序号", 8), new("任务", 30), new("牵头科室", 14), new("配合科室", 20), new("完成时限", 12),
        new("截至日期", 12), new("填报科室", 14), new("进度（%）", 8), new("工作进展", 50), new("审核状态", 20), new("填报人", 14),
        new("佐证材料", 30),
    ];

    private static readonly XlsxWriter.Column[] ReadingColumns =
    [
        new("序号", 8), new("任务", 30), new("指标", 24), new("目标", 12), new("截至日期", 12), new("数据", 20),
        new("达标情况", 10), new("数据来源", 30), new("填报人", 14), new("填报时间", 18), new("佐证材料", 30),
    ];

    /// <summary>One row per update in the range, the task's columns on each; a task with none in the range gets one row of its own.</summary>
    private List<XlsxWriter.Column> Localized(IEnumerable<XlsxWriter.Column> columns) => [.. columns.Select(c => c with { Header = l[c.Header] })];

    private List<IReadOnlyList<XlsxWriter.Value?>> LedgerRows(List<TaskRow> tasks, List<UpdateRow> updates, ILookup<long, string> evidence,
        SectionNames sections)
    {
        var byTask = updates.ToLookup(u => u.PlanTaskId);
        var rows = new List<IReadOnlyList<XlsxWriter.Value?>>();
        foreach (var task in tasks)
        {
            XlsxWriter.Value?[] taskCells =
            [
                Text(Number(task)), Text(task.Title), Text(sections.Of(task.LeadSectionId)), Text(sections.Join(task.SupportingSectionIds)),
                task.Deadline is { } deadline ? new XlsxWriter.Day(deadline) : Text(l["常态化"]),
            ];
            // The lead section's updates first, then the supporting sections', each in date order.
            var taskUpdates = byTask[task.Id].OrderBy(u => u.SectionId == task.LeadSectionId ? 0 : 1).ToList();
            if (taskUpdates.Count == 0) rows.Add([.. taskCells, null, null, null, null, null, null, null]);
            foreach (var update in taskUpdates)
            {
                rows.Add([.. taskCells, new XlsxWriter.Day(update.AsOf), Text(sections.Of(update.SectionId)), new XlsxWriter.Number(update.Percent),
                    Text(update.Summary), Text(Review(update)), Text(update.RecordedBy), Text(string.Join("\n", evidence[update.Id]))]);
            }
        }
        return rows;
    }

    private List<IReadOnlyList<XlsxWriter.Value?>> ReadingRows(List<TaskRow> tasks, List<ReadingRow> readings, ILookup<long, string> evidence)
    {
        var order = tasks.Select((t, i) => (t.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var byId = tasks.ToDictionary(t => t.Id);
        return [.. readings.OrderBy(r => order[r.PlanTaskId]).Select(r => (IReadOnlyList<XlsxWriter.Value?>)
        [
            Text(Number(byId[r.PlanTaskId])), Text(byId[r.PlanTaskId].Title), Text(r.KpiName), Text(l[Labels.Target(r.Comparator, r.Target, r.Unit)]),
            new XlsxWriter.Day(r.Reading.AsOf), Text(Figures(r.Reading)),
            Text(l[Labels.Of(Kpi.Evaluate(r.Comparator, r.Target, r.Reading.Value, r.Reading.LastYearCount))]),
            Text(r.Reading.Source), Text(r.Reading.RecordedBy), Text(ChinaTime.Format(r.Reading.RecordedAt)),
            Text(string.Join("\n", evidence[r.Reading.Id])),
        ])];
    }

    /// <summary>"已采纳", "已退回" with the office's comment under it, "已采纳（已更正）" for one a correction replaced.</summary>
    private string Review(UpdateRow update)
    {
        string state = update.IsSuperseded ? l["{0}（已更正）", l[Labels.Of(update.Review)]] : l[Labels.Of(update.Review)];
        return string.IsNullOrEmpty(update.ReviewComment) ? state : state + "\n" + l["意见：{0}", update.ReviewComment];
    }

    private string Figures(TaskTargets.Reading reading) =>
        reading.ThisYearCount is { } thisYear ? l[Labels.YearOnYearFigures, thisYear, reading.LastYearCount!] : Labels.Figures(reading);

    /// <summary>"（六）1": where the plan puts the task.</summary>
    private static string Number(TaskRow task) => Labels.AreaOrdinal(task.AreaOrdinal) + (task.Number is int n ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : "");

    private static XlsxWriter.Text? Text(string? value) => string.IsNullOrEmpty(value) ? null : new XlsxWriter.Text(value);
}

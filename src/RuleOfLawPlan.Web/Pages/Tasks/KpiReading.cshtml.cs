using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RuleOfLawPlan.Domain.Plans;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Data.Evidence;
using RuleOfLawPlan.Web.Pages.Shared;
using RuleOfLawPlan.Web.Requests;
using RuleOfLawPlan.Web.Security;

namespace RuleOfLawPlan.Web.Pages.Tasks;

/// <summary>
/// 填报指标数据: a reading of one KPI of a task, with the figures its kind needs and its 佐证材料, by the task's lead
/// section or the office. The files are checked and stored as a progress update's are (<see cref="EvidenceUpload"/>).
/// </summary>
[Authorize(Policy = Policies.RecordKpiReadings)]
[AcceptsEvidence]
public sealed class KpiReadingModel(PlanDb db, IAuthorizationService auth, TimeProvider clock, IOptions<EvidenceOptions> evidence) : PageModel
{
    /// <summary>The key under which the validator finds the KPI's kind (<see cref="ValidationContext{T}.RootContextData"/>).</summary>
    private const string KindKey = nameof(KpiKind);

    [BindProperty]
    public Input Form { get; set; } = new();

    public PlanTask PlanTask { get; private set; } = null!;

    public Kpi Kpi { get; private set; } = null!;

    /// <summary>Where the KPI stands today, from its latest reading.</summary>
    public TaskTargets.Kpi Standing { get; private set; } = null!;

    /// <summary>The KPI's readings, newest first.</summary>
    public IReadOnlyList<TaskTargets.Reading> History { get; private set; } = [];

    public EvidenceInput EvidenceInput => new(evidence.Value, Form.Files.Count);

    public sealed record Input
    {
        public DateOnly? AsOf { get; init; }
        public decimal? Percent { get; init; }
        public int? Numerator { get; init; }
        public int? Denominator { get; init; }
        public int? ThisYearCount { get; init; }
        public int? LastYearCount { get; init; }
        [DataType(DataType.MultilineText)]
        public string Source { get; init; } = "";

        /// <summary>佐证材料, checked by <see cref="EvidenceUpload"/> (limits, kind by content) before anything is stored.</summary>
        public IReadOnlyList<IFormFile> Files { get; init; } = [];
    }

    /// <summary>Which figures are needed depends on the KPI's kind, which the handler passes in the validation context.</summary>
    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(x => x.AsOf).Cascade(CascadeMode.Stop).NotNull().WithMessage("请填写截至日期")
                .GreaterThanOrEqualTo(new DateOnly(2000, 1, 1)).WithMessage("截至日期无效")
                .Must(d => d <= ChinaTime.Today(clock)).WithMessage("截至日期不能晚于今天");
            RuleFor(x => x.Source).Must(s => !string.IsNullOrWhiteSpace(s)).WithMessage("请填写数据来源")
                .MaximumLength(500).WithMessage("数据来源不能超过500个字");

            When((_, context) => Is(context, KpiKind.Percentage), () =>
                RuleFor(x => x.Percent).Cascade(CascadeMode.Stop).NotNull().WithMessage("请填写百分比")
                    .InclusiveBetween(0m, 100m).WithMessage("百分比须在0到100之间")
                    .Must(p => decimal.Round(p!.Value, 2) == p).WithMessage("百分比最多保留两位小数"));

            When((_, context) => Is(context, KpiKind.Ratio), () =>
            {
                RuleFor(x => x.Numerator).Cascade(CascadeMode.Stop).NotNull().WithMessage("请填写分子")
                    .GreaterThanOrEqualTo(0).WithMessage("分子不能为负数");
                RuleFor(x => x.Denominator).Cascade(CascadeMode.Stop).NotNull().WithMessage("请填写分母")
                    .GreaterThan(0).WithMessage("分母须大于0");
                RuleFor(x => x.Numerator).Must((x, n) => n <= x.Denominator).WithMessage("分子不能大于分母")
                    .When(x => x.Numerator is >= 0 && x.Denominator is > 0);
            });

            When((_, context) => Is(context, KpiKind.YearOnYearCount), () =>
            {
                RuleFor(x => x.ThisYearCount).Cascade(CascadeMode.Stop).NotNull().WithMessage("请填写本年数")
                    .GreaterThanOrEqualTo(0).WithMessage("计数不能为负数");
                RuleFor(x => x.LastYearCount).Cascade(CascadeMode.Stop).NotNull().WithMessage("请填写上年数")
                    .GreaterThanOrEqualTo(0).WithMessage("计数不能为负数");
            });
        }

        private static bool Is(ValidationContext<Input> context, KpiKind kind) =>
            context.RootContextData.TryGetValue(KindKey, out var value) && value is KpiKind given && given == kind;
    }

    public async Task<IActionResult> OnGetAsync(int id, int kpiId, CancellationToken ct)
    {
        if (await LoadAsync(id, kpiId, ct) is { } refused) return refused;
        Form = new Input { AsOf = ChinaTime.Today(clock) };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int kpiId, [FromServices] IValidator<Input> validator, CancellationToken ct)
    {
        if (await LoadAsync(id, kpiId, ct) is { } refused) return refused;
        var context = new ValidationContext<Input>(Form);
        context.RootContextData[KindKey] = Kpi.Kind;
        var valid = validator.Validate(context).AddTo(ModelState);
        var upload = await EvidenceUpload.CheckAsync(Form.Files, evidence.Value, ModelState, EvidenceUpload.FilesField, ct);
        if (!valid || upload is null) return Page();

        // Only the figures of the KPI's kind are passed on: the form shows no others.
        var kind = Kpi.Kind;
        var (who, now) = (User.DisplayName(), clock.GetUtcNow());
        // A reading adds to the KPI's history whatever else was saved on the task meanwhile (another reading, a report,
        // a change of its assignment), so it is applied to the task as stored now rather than refused as a stale form.
        var result = await db.TryAppendWithEvidenceAsync(PlanTask, c => db.LoadWithKpisAsync(id, c), upload, (t, files) =>
        {
            var reading = t.RecordKpiReading(kpiId, Form.AsOf!.Value,
                kind == KpiKind.Percentage ? Form.Percent : null,
                kind == KpiKind.Ratio ? Form.Numerator : null,
                kind == KpiKind.Ratio ? Form.Denominator : null,
                kind == KpiKind.YearOnYearCount ? Form.ThisYearCount : null,
                kind == KpiKind.YearOnYearCount ? Form.LastYearCount : null,
                Form.Source, who, now);
            return [.. files.Items.Select(f => (t.AttachEvidence(reading, f.FileName, f.Kind, f.Length, f.Sha256, who, now), f))];
        }, ModelState, ct);
        if (result == SaveResult.Saved) return RedirectToPage("/Tasks/Details", null, new { id }, "kpis");
        // Nothing was stored and the context was cleared: show the KPI as stored now.
        return await LoadAsync(id, kpiId, ct) ?? Page();
    }

    /// <summary>Loads the task with its KPIs and checks the user may record for it; the page's result when not.</summary>
    private async Task<IActionResult?> LoadAsync(int id, int kpiId, CancellationToken ct)
    {
        if (await db.LoadWithKpisAsync(id, ct) is not { } task) return NotFound();
        if (!(await auth.AuthorizeAsync(User, task, TaskOperations.RecordKpiReading)).Succeeded) return Forbid();
        if (task.Kpis.FirstOrDefault(k => k.Id == kpiId) is not { } kpi) return NotFound();
        PlanTask = task;
        Kpi = kpi;
        var rows = TaskTargets.KpiRows(ChinaTime.Today(clock));
        Standing = await db.Kpis.AsNoTracking().Where(k => k.Id == kpiId).Select(rows).SingleAsync(ct);
        History = await db.KpiReadings.AsNoTracking().Where(r => r.KpiId == kpiId)
            .OrderByDescending(r => r.AsOf).ThenByDescending(r => r.RecordedAt).ThenByDescending(r => r.Id)
            .Select(TaskTargets.ReadingRows(db.EvidenceFiles)).ToListAsync(ct);
        return null;
    }
}

using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using RuleOfLawPlan.Domain.Plans;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Data.Evidence;
using RuleOfLawPlan.Web.Pages.Shared;
using RuleOfLawPlan.Web.Requests;
using RuleOfLawPlan.Web.Security;

namespace RuleOfLawPlan.Web.Pages.Tasks;

/// <summary>
/// 填报进展: a section head reports where a task their section leads or supports stands, with 佐证材料; the update
/// waits for the office's review (待审核). With <c>?corrects=</c> the form is a 更正 of one of the section's updates:
/// it opens pre-filled with it and records a new update that supersedes it.
/// </summary>
[Authorize(Policy = Policies.ReportProgress)]
[AcceptsEvidence]
public sealed class ProgressModel(PlanDb db, IAuthorizationService auth, TimeProvider clock, IOptions<EvidenceOptions> evidence) : PageModel
{
    [BindProperty]
    public Input Form { get; set; } = new();

    public PlanTask PlanTask { get; private set; } = null!;

    /// <summary>The update this form corrects, as stored; null for a new report.</summary>
    public ProgressUpdate? Corrected { get; private set; }

    public bool IsLead => PlanTask.LeadSectionId == User.SectionId();

    public EvidenceInput EvidenceInput => new(evidence.Value, Form.Files.Count);

    public sealed record Input
    {
        public int Percent { get; init; }
        public DateOnly? AsOf { get; init; }
        [DataType(DataType.MultilineText)]
        public string Summary { get; init; } = "";

        /// <summary>更正: the update this one supersedes.</summary>
        public long? Supersedes { get; init; }

        /// <summary>佐证材料, checked by <see cref="EvidenceUpload"/> (limits, kind by content) before anything is stored.</summary>
        public IReadOnlyList<IFormFile> Files { get; init; } = [];
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(x => x.Percent).InclusiveBetween(0, 100).WithMessage("完成进度须在0到100之间");
            RuleFor(x => x.AsOf).Cascade(CascadeMode.Stop).NotNull().WithMessage("请填写截至日期")
                .GreaterThanOrEqualTo(new DateOnly(2000, 1, 1)).WithMessage("截至日期无效")
                .Must(d => d <= ChinaTime.Today(clock)).WithMessage("截至日期不能晚于今天");
            RuleFor(x => x.Summary).Must(s => !string.IsNullOrWhiteSpace(s)).WithMessage("请填写工作进展")
                .MaximumLength(4_000).WithMessage("工作进展不能超过4000个字");
        }
    }

    public async Task<IActionResult> OnGetAsync(int id, long? corrects, CancellationToken ct)
    {
        if (await LoadAsync(id, corrects, ct) is { } refused) return refused;
        if (Corrected is { } corrected)
        {
            Form = new Input { Percent = corrected.Percent, AsOf = corrected.AsOf, Summary = corrected.Summary, Supersedes = corrected.Id };
            if (corrected.IsSuperseded) ModelState.AddModelError("", "该条进展已被更正，请在最新的一条上更正");
            return Page();
        }
        var sectionId = User.SectionId()!.Value;
        var lastPercent = PlanTask.Updates.Where(u => u.SectionId == sectionId).OrderBy(u => u.RecordedAt).LastOrDefault()?.Percent ?? 0;
        Form = new Input { Percent = lastPercent, AsOf = ChinaTime.Today(clock) };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, [FromServices] IValidator<Input> validator, CancellationToken ct)
    {
        if (await LoadAsync(id, Form.Supersedes, ct) is { } refused) return refused;
        var valid = validator.Validate(Form).AddTo(ModelState);
        var upload = await EvidenceUpload.CheckAsync(Form.Files, evidence.Value, ModelState, EvidenceUpload.FilesField, ct);
        if (!valid || upload is null) return Page();
        var sectionId = User.SectionId()!.Value;
        var (asOf, who, now) = (Form.AsOf!.Value, User.DisplayName(), clock.GetUtcNow());
        // A report adds to the 工作台账 whatever else was reported meanwhile (two sections posting at once both keep
        // theirs), so it is applied to the task as stored now rather than refused for the version the form was opened on.
        var result = await db.TryAppendWithEvidenceAsync(PlanTask, c => db.LoadWithUpdatesAsync(id, c), upload, (t, files) =>
        {
            var update = t.RecordProgress(sectionId, asOf, Form.Percent, Form.Summary, who, now, Form.Supersedes);
            return [.. files.Items.Select(f => (t.AttachEvidence(update, f.FileName, f.Kind, f.Length, f.Sha256, who, now), f))];
        }, ModelState, ct);
        if (result == SaveResult.Saved) return RedirectToPage("/Tasks/Details", null, new { id }, "ledger");
        // The page shows where the task stands: after a failed save, as stored now.
        return await LoadAsync(id, Form.Supersedes, ct) ?? Page();
    }

    /// <summary>Loads the task (and the update corrected) and checks it is the user's section's; the page's result when it is not.</summary>
    private async Task<IActionResult?> LoadAsync(int id, long? corrects, CancellationToken ct)
    {
        if (await db.LoadWithUpdatesAsync(id, ct) is not { } task) return NotFound();
        if (!(await auth.AuthorizeAsync(User, task, TaskOperations.ReportProgress)).Succeeded) return Forbid();
        PlanTask = task;
        if (corrects is long updateId)
        {
            // Only the section's own updates of this task are offered for correction.
            Corrected = task.Updates.FirstOrDefault(u => u.Id == updateId && u.SectionId == User.SectionId());
            if (Corrected is null) return NotFound();
        }
        return null;
    }
}

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

/// <summary>填报进展: a section head reports where a task their section leads or supports stands, with 佐证材料.</summary>
[Authorize(Policy = Policies.ReportProgress)]
[AcceptsEvidence]
public sealed class ProgressModel(PlanDb db, IAuthorizationService auth, TimeProvider clock, IOptions<EvidenceOptions> evidence) : PageModel
{
    /// <summary>The file input's name: files are bound by it, and refusals of files are shown under it.</summary>
    public const string FilesField = "Form.Files";

    [BindProperty]
    public Input Form { get; set; } = new();

    public PlanTask PlanTask { get; private set; } = null!;

    public bool IsLead => PlanTask.LeadSectionId == User.SectionId();

    public EvidenceOptions EvidenceLimits => evidence.Value;

    public sealed record Input
    {
        public int Percent { get; init; }
        public DateOnly? AsOf { get; init; }
        [DataType(DataType.MultilineText)]
        public string Summary { get; init; } = "";
        public uint Version { get; init; }

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

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        var sectionId = User.SectionId()!.Value;
        var lastPercent = IsLead
            ? PlanTask.PercentComplete
            : await db.ProgressUpdates.Where(u => u.PlanTaskId == id && u.SectionId == sectionId)
                .OrderByDescending(u => u.RecordedAt).Select(u => (int?)u.Percent).FirstOrDefaultAsync(ct) ?? 0;
        Form = new Input { Percent = lastPercent, AsOf = ChinaTime.Today(clock), Version = PlanTask.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, [FromServices] IValidator<Input> validator, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        var valid = validator.Validate(Form).AddTo(ModelState);
        var upload = await EvidenceUpload.CheckAsync(Form.Files, evidence.Value, ModelState, FilesField, ct);
        if (!valid || upload is null) return Page();
        var now = clock.GetUtcNow();
        var result = await db.TrySaveWithEvidenceAsync(PlanTask, Form.Version, upload, (t, files) =>
        {
            var update = t.RecordProgressWithoutReview(User.SectionId()!.Value, Form.AsOf!.Value, Form.Percent, Form.Summary, User.DisplayName(), now);
            return [.. files.Items.Select(f => (t.AttachEvidence(update, f.FileName, f.Kind, f.Length, f.Sha256, User.DisplayName(), now), f))];
        }, ModelState, ct);
        if (result == SaveResult.Saved) return RedirectToPage("/Tasks/Details", null, new { id }, "ledger");
        // The page shows where the task stands: after a failed save, as stored now.
        if (await db.LoadCurrentAsync(id, ct) is not { } current) return NotFound();
        PlanTask = current;
        return Page();
    }

    /// <summary>Loads the task and checks it is the user's section's; the page's result when it is not.</summary>
    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        if (await db.LoadForChangeAsync(id, ct) is not { } task) return NotFound();
        if (!(await auth.AuthorizeAsync(User, task, TaskOperations.ReportProgress)).Succeeded) return Forbid();
        PlanTask = task;
        return null;
    }
}

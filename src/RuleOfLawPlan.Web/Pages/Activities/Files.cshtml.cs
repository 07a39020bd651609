using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using RuleOfLawPlan.Domain.Activities;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Data.Evidence;
using RuleOfLawPlan.Web.Pages.Shared;
using RuleOfLawPlan.Web.Requests;
using RuleOfLawPlan.Web.Security;

namespace RuleOfLawPlan.Web.Pages.Activities;

/// <summary>上传佐证材料: the office adds files to an entry already in the register (minutes are often signed days later).</summary>
[Authorize(Policy = Policies.ManageActivities)]
[AcceptsEvidence]
public sealed class FilesModel(PlanDb db, TimeProvider clock, IOptions<EvidenceOptions> evidence) : PageModel
{
    [BindProperty]
    public Input Form { get; set; } = new();

    public sealed record Input
    {
        /// <summary>The files to add, checked by <see cref="EvidenceUpload"/> before anything is stored.</summary>
        public IReadOnlyList<IFormFile> Files { get; init; } = [];
    }

    public LeadershipActivity Activity { get; private set; } = null!;
    public EvidenceInput EvidenceInput => new(evidence.Value, Form.Files.Count);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await db.LoadForChangeAsync(id, ct) is not { } activity) return NotFound();
        Activity = activity;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await db.LoadForChangeAsync(id, ct) is not { } activity) return NotFound();
        Activity = activity;
        if (Form.Files.Count == 0) ModelState.AddModelError(EvidenceUpload.FilesField, "请选择要上传的文件");
        var upload = await EvidenceUpload.CheckAsync(Form.Files, evidence.Value, ModelState, EvidenceUpload.FilesField, ct);
        if (upload is null || !ModelState.IsValid) return Page();

        var (who, now) = (User.DisplayName(), clock.GetUtcNow());
        List<(ActivityEvidenceFile, EvidenceUpload.Item)> attached = [];
        // Adding files does not depend on what the page showed: only a change between loading and saving conflicts.
        var result = await ActivityForm.SaveWithFilesAsync(db, () => db.TrySaveAsync(activity, formVersion: null,
            a => attached = [.. upload.Items.Select(f => (a.AttachEvidence(f.FileName, f.Kind, f.Length, f.Sha256, who, now), f))],
            ModelState, ct), () => attached, ct);
        if (result == SaveResult.Saved)
        {
            TempData[nameof(IndexModel.StatusMessage)] = $"已为“{activity.Title}”上传{attached.Count}个文件";
            return RedirectToPage("/Activities/Index", new { plan = activity.WorkPlanId });
        }
        if (await db.LoadForChangeAsync(id, ct) is not { } current) return NotFound();
        Activity = current;
        return Page();
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RuleOfLawPlan.Domain.Activities;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Pages.Shared;
using RuleOfLawPlan.Web.Security;

namespace RuleOfLawPlan.Web.Pages.Activities;

/// <summary>
/// 删除佐证材料: the office removes one file from an entry (uploaded by mistake, the wrong version of the minutes) after
/// confirming which; the entry and its other files stay. The file's content goes with its row, as when a whole entry is
/// removed (the chunks' foreign key cascades); the audit trail keeps what the file was (its name, size and SHA-256).
/// </summary>
[Authorize(Policy = Policies.ManageActivities)]
public sealed class RemoveFileModel(PlanDb db) : PageModel
{
    [BindProperty]
    public Input Form { get; set; } = new();

    public sealed record Input
    {
        /// <summary>The entry's version when the confirmation was shown: a changed entry is shown again, nothing removed.</summary>
        public uint Version { get; init; }
    }

    public LeadershipActivity Activity { get; private set; } = null!;
    public ActivityEvidenceFile Removing { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, long fileId, CancellationToken ct)
    {
        if (await LoadAsync(id, fileId, ct) is { } notFound) return notFound;
        Form = new Input { Version = Activity.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, long fileId, CancellationToken ct)
    {
        if (await LoadAsync(id, fileId, ct) is { } notFound) return notFound;
        var (fileName, planId) = (Removing.FileName, Activity.WorkPlanId);
        var result = await db.TrySaveAsync(Activity, Form.Version, a => a.RemoveEvidence(fileId), ModelState, ct);
        if (result == SaveResult.Saved)
        {
            TempData[nameof(IndexModel.StatusMessage)] = $"已删除文件“{fileName}”";
            return RedirectToPage("/Activities/Index", null, new { plan = planId }, $"activity-{id}");
        }
        // Nothing was removed and the context was cleared: show the entry as stored now.
        return await LoadAsync(id, fileId, ct) ?? Page();
    }

    /// <summary>The entry and the file, which must be one of its own: another entry's file id is 404.</summary>
    private async Task<IActionResult?> LoadAsync(int id, long fileId, CancellationToken ct)
    {
        if (await db.LoadForChangeAsync(id, ct) is not { } activity) return NotFound();
        if (activity.Evidence.FirstOrDefault(f => f.Id == fileId) is not { } file) return NotFound();
        (Activity, Removing) = (activity, file);
        return null;
    }
}

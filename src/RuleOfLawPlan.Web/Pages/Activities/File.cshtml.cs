using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RuleOfLawPlan.Domain.Plans;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Data.Evidence;
using RuleOfLawPlan.Web.Pages.Shared;
using RuleOfLawPlan.Web.Security;

namespace RuleOfLawPlan.Web.Pages.Activities;

/// <summary>
/// 下载履职佐证材料: a file of a register entry, as an attachment (<see cref="EvidenceAttachment"/>), for whoever may read the
/// register. The file is looked up with its entry, so an id of another entry's file is not found.
/// </summary>
[Authorize(Policy = Policies.ReadActivities)]
public sealed class FileModel(PlanDb db) : PageModel
{
    public sealed record FileRow(long Id, string FileName, EvidenceKind Kind, long Length);

    public async Task<IActionResult> OnGetAsync(int id, long fileId, CancellationToken ct)
    {
        var file = await db.ActivityEvidenceFiles.AsNoTracking().Where(f => f.Id == fileId && f.LeadershipActivityId == id)
            .Select(f => new FileRow(f.Id, f.FileName, f.Kind, f.Length)).SingleOrDefaultAsync(ct);
        return file is null ? NotFound()
            : new EvidenceAttachment(db, EvidenceStore.ChunkTable.Activities, file.Id, file.FileName, file.Kind, file.Length);
    }
}

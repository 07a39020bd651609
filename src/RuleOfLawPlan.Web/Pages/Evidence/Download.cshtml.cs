using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RuleOfLawPlan.Domain.Plans;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Data.Evidence;
using RuleOfLawPlan.Web.Pages.Shared;
using RuleOfLawPlan.Web.Security;

namespace RuleOfLawPlan.Web.Pages.Evidence;

/// <summary>
/// 下载佐证材料: streams a file from the evidence store as an attachment (<see cref="EvidenceAttachment"/>).
/// Who may download is who may see the task: the task page's policy (every signed-in role, docs/permissions.md).
/// </summary>
[Authorize(Policy = Policies.Read)]
public sealed class DownloadModel(PlanDb db) : PageModel
{
    public sealed record FileRow(long Id, string FileName, EvidenceKind Kind, long Length);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var file = await db.EvidenceFiles.AsNoTracking().Where(f => f.Id == id)
            .Select(f => new FileRow(f.Id, f.FileName, f.Kind, f.Length)).SingleOrDefaultAsync(ct);
        return file is null ? NotFound() : new EvidenceAttachment(db, EvidenceStore.ChunkTable.Tasks, file.Id, file.FileName, file.Kind, file.Length);
    }
}

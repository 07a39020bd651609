using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using RuleOfLawPlan.Domain.Plans;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Data.Evidence;
using RuleOfLawPlan.Web.Security;

namespace RuleOfLawPlan.Web.Pages.Evidence;

/// <summary>
/// 下载佐证材料: streams a file from the evidence store as an attachment, never shown inline from the site's origin.
/// Who may download is who may see the task: the task page's policy (every signed-in role, docs/permissions.md).
/// </summary>
[Authorize(Policy = Policies.Read)]
public sealed class DownloadModel(PlanDb db) : PageModel
{
    /// <summary>
    /// The policy a download carries instead of the site's: <c>sandbox</c> treats whatever a browser might render as a
    /// page of an opaque origin (no script, no cookies, no forms), and it may load nothing.
    /// </summary>
    public const string ContentSecurityPolicy = "sandbox; default-src 'none'; frame-ancestors 'none'";

    public sealed record FileRow(long Id, string FileName, EvidenceKind Kind, long Length);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var file = await db.EvidenceFiles.AsNoTracking().Where(f => f.Id == id)
            .Select(f => new FileRow(f.Id, f.FileName, f.Kind, f.Length)).SingleOrDefaultAsync(ct);
        return file is null ? NotFound() : new Attachment(db, file);
    }

    /// <summary>The file's bytes, chunk by chunk from the store, as a download named as uploaded (filename* in UTF-8).</summary>
    private sealed class Attachment(PlanDb db, FileRow file) : IActionResult
    {
        public async Task ExecuteResultAsync(ActionContext context)
        {
            var response = context.HttpContext.Response;
            var disposition = new ContentDispositionHeaderValue("attachment");
            disposition.SetHttpFileName(file.FileName);
            response.ContentType = EvidenceFormats.MediaType(file.Kind);
            response.ContentLength = file.Length;
            response.Headers.ContentDisposition = disposition.ToString();
            response.Headers.XContentTypeOptions = "nosniff";
            response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
            response.Headers.CacheControl = "private, no-cache";
            await EvidenceStore.CopyToAsync(db, file.Id, response.Body, context.HttpContext.RequestAborted);
        }
    }
}

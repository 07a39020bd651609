using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using RuleOfLawPlan.Domain.Plans;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Data.Evidence;

namespace RuleOfLawPlan.Web.Pages.Shared;

/// <summary>
/// A stored 佐证材料 file as a download: its bytes chunk by chunk from the evidence store, as an attachment named as
/// uploaded (filename* in UTF-8), never shown inline from the site's origin. Every page that serves evidence answers with it.
/// </summary>
public sealed class EvidenceAttachment(PlanDb db, EvidenceStore.ChunkTable table, long fileId, string fileName, EvidenceKind kind, long length)
    : IActionResult
{
    /// <summary>
    /// The policy a download carries instead of the site's: <c>sandbox</c> treats whatever a browser might render as a
    /// page of an opaque origin (no script, no cookies, no forms), and it may load nothing.
    /// </summary>
    public const string ContentSecurityPolicy = "sandbox; default-src 'none'; frame-ancestors 'none'";

    public async Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(fileName);
        response.ContentType = EvidenceFormats.MediaType(kind);
        response.ContentLength = length;
        response.Headers.ContentDisposition = disposition.ToString();
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers.CacheControl = "private, no-cache";
        await EvidenceStore.CopyToAsync(db, table, fileId, response.Body, context.HttpContext.RequestAborted);
    }
}

using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RuleOfLawPlan.Web.Requests;

namespace RuleOfLawPlan.Web.Pages;

/// <summary>
/// Shown for unhandled errors and error status codes: a plain Chinese message, never a stack trace. It tells only what
/// the app itself produced (the status the exception handler or the status-code pages re-executed it for); a request
/// for /Error itself, whatever its query says (?code=302, ?code=2147483647), is answered as the page it is not: 404.
/// </summary>
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
[IgnoreAntiforgeryToken]
[AllowAnonymous]
public sealed class ErrorModel(IStringLocalizer<SharedResource> l) : PageModel
{
    public string? RequestId { get; private set; }
    public string Heading { get; private set; } = "";
    public string Explanation { get; private set; } = "";

    /// <summary>
    /// Describes the error before any handler is chosen, and, re-executed for a failed request, answers with the page
    /// whatever that request's verb was (PUT, TRACE, OPTIONS — which Razor Pages would otherwise answer 200 with no
    /// body). Asked for directly, it is a page without handlers: GET shows the 404, other verbs get the 405 of every page.
    /// </summary>
    [NonHandler]
    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        var reExecuted = HttpContext.IsErrorPageReExecution();
        var status = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalStatusCode
            ?? (reExecuted ? Response.StatusCode : StatusCodes.Status404NotFound);
        Response.StatusCode = status;
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        (Heading, Explanation) = ErrorTexts.For(status, l);
        if (reExecuted) context.Result = Page();
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace RuleOfLawPlan.Web.Requests;

/// <summary>
/// What every page does with a request that no handler of it serves, and with input it could not read. Razor Pages
/// would render the page without running any handler — on a model nothing loaded (a POST or TRACE to a GET-only page
/// was a NullReferenceException, a POST to / showed "还没有工作计划"). Registered for all pages, present and future.
/// <list type="bullet">
/// <item>No handler for the verb: 405 with <c>Allow</c> naming the page's verbs (HEAD with GET); the error page says so
/// in Chinese. A page without handler methods serves GET only.</item>
/// <item>Handlers for the verb but none of the <c>?handler=</c> name asked for: 404.</item>
/// <item>The error page, re-executed with the failed request's verb, is let through.</item>
/// <item>A value that could not be read as its type (a checkbox sent "maybe", a date that is none, a number too big):
/// the handler runs as usual — its validation (<c>AddTo</c>, which counts binding errors) refuses the form, keeping what
/// was typed, with the field's message and one at the top — and the page is answered 400 instead of 200, because the
/// request itself was malformed. A handler may forgive such a value by clearing its model error.</item>
/// </list>
/// </summary>
public sealed class HandlerRequiredFilter(IStringLocalizer<SharedResource> l) : IPageFilter
{
    private static readonly object UnreadableKey = new();

    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
    }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        // Model binding has run; validation is the handler's own (FluentValidation), so any error now is a value
        // that could not be read as its type.
        if (!context.ModelState.IsValid)
            context.HttpContext.Items[UnreadableKey] = context.ModelState.Where(e => e.Value?.ValidationState == ModelValidationState.Invalid).Select(e => e.Key).ToList();
        if (context.HandlerMethod is not null || context.HttpContext.IsErrorPageReExecution()) return;

        var verbs = Verbs(context.ActionDescriptor);
        var method = context.HttpContext.Request.Method.ToUpperInvariant();
        if (!verbs.Contains(method))
        {
            context.HttpContext.Response.Headers.Allow = string.Join(", ", verbs);
            context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
        }
        else if (context.ActionDescriptor.HandlerMethods.Count > 0)
        {
            context.Result = new NotFoundResult();
        }
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
        // Unless the handler forgave the value (the sign-in page reads an odd checkbox value as unticked), the form
        // shown again is a 400, and says at its top what hidden fields and checkboxes cannot say beside themselves.
        if (context.Result is not PageResult { StatusCode: null } page
            || context.HttpContext.Items[UnreadableKey] is not List<string> unreadable
            || !unreadable.Any(key => context.ModelState.GetFieldValidationState(key) == ModelValidationState.Invalid))
        {
            return;
        }
        page.StatusCode = StatusCodes.Status400BadRequest;
        context.ModelState.AddModelError("", l["提交的内容中有无法识别的值，请检查后重新提交。"]);
    }

    /// <summary>The verbs the page has handlers for, as an Allow header lists them.</summary>
    private static List<string> Verbs(CompiledPageActionDescriptor page)
    {
        var verbs = page.HandlerMethods.Select(h => h.HttpMethod.ToUpperInvariant()).DefaultIfEmpty("GET").Distinct().ToList();
        if (verbs.Contains("GET") && !verbs.Contains("HEAD")) verbs.Insert(verbs.IndexOf("GET") + 1, "HEAD");
        return verbs;
    }
}

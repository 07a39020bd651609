using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace RuleOfLawPlan.Web.Pages.Shared;

/// <summary>
/// A hidden <c>Form.Version</c> that is not a version ("abc", "-1": a tampered or mangled page) would only fail
/// binding on a field nobody sees, and the form would come back with no message, again and again. Every page:
/// the save is still refused (ModelState stays invalid), and the page says what happened.
/// </summary>
public sealed class FormVersionFilter : IPageFilter
{
    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
    }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        var state = context.ModelState;
        if (!state.TryGetValue(TrySaveExtensions.VersionField, out var version) || version.ValidationState != ModelValidationState.Invalid)
            return;
        version.Errors.Clear();
        version.ValidationState = ModelValidationState.Invalid;
        state.AddModelError("", TrySaveExtensions.StaleFormMessage);
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
    }
}

using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace RuleOfLawPlan.Web.Localization;

/// <summary>
/// Translates the messages on the page's form (validators', refused rules', binding errors) just before the page
/// is drawn, so page models keep adding them in Chinese and the one place that knows the user's language is here.
/// </summary>
public sealed class LocalizeMessagesFilter(IStringLocalizer<SharedResource> localizer) : IAlwaysRunResultFilter
{
    public void OnResultExecuting(ResultExecutingContext context)
    {
        foreach (var entry in context.ModelState.Values)
        {
            for (var i = 0; i < entry.Errors.Count; i++)
            {
                if (entry.Errors[i].ErrorMessage is { Length: > 0 } message)
                    entry.Errors[i] = new ModelError(localizer.Message(message));
            }
        }
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }
}

using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace RuleOfLawPlan.Web.Pages.Shared;

public static class ValidationExtensions
{
    /// <summary>
    /// Copies FluentValidation's messages onto the page's fields (bound as <paramref name="prefix"/>.Property)
    /// and says whether the input was valid.
    /// </summary>
    public static bool AddTo(this ValidationResult result, ModelStateDictionary modelState, string prefix = "Form")
    {
        foreach (var error in result.Errors)
            modelState.AddModelError(string.IsNullOrEmpty(error.PropertyName) ? "" : $"{prefix}.{error.PropertyName}", error.ErrorMessage);
        return result.IsValid && modelState.IsValid;
    }
}

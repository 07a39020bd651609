using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace RuleOfLawPlan.Web.Pages.Shared;

/// <summary>
/// Drops a validation summary that has nothing to say. ASP.NET Core renders an empty one as a placeholder
/// <c>&lt;li style="display:none"&gt;</c> for client-side validation, which we do not use and whose inline
/// style the Content-Security-Policy refuses; it would also show as an empty red alert.
/// </summary>
[HtmlTargetElement("div", Attributes = "asp-validation-summary")]
public sealed class EmptyValidationSummaryTagHelper : TagHelper
{
    // After the framework's ValidationSummaryTagHelper has marked the summary valid or not.
    public override int Order => 1000;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (output.Attributes.TryGetAttribute("class", out var classes) && Text(classes.Value).Contains("validation-summary-valid", StringComparison.Ordinal))
            output.SuppressOutput();
    }

    // The framework merges classes into an IHtmlContent, whose ToString() is not its text.
    private static string Text(object? value)
    {
        if (value is not IHtmlContent content) return value?.ToString() ?? "";
        using var writer = new StringWriter();
        content.WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }
}

using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;
using RuleOfLawPlan.Domain;

namespace RuleOfLawPlan.Web.Requests;

/// <summary>
/// Every text a request binds — form fields, query values, route values — is normalized by
/// <see cref="TextNormalizer"/> before validation, so that a validator sees what would be stored: a value of only
/// zero-width or bidi characters is empty and gets the form's "请填写…" message; a look-alike name is compared as the
/// name it looks like. Properties marked <c>[DataType(DataType.MultilineText)]</c> keep their line breaks; passwords
/// (<c>[DataType(DataType.Password)]</c>) are bound exactly as typed.
/// </summary>
public sealed class NormalizedTextBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        if (context.Metadata.ModelType != typeof(string) || context.Metadata.DataTypeName == nameof(DataType.Password)) return null;
        var multiline = context.Metadata.DataTypeName == nameof(DataType.MultilineText);
        return new NormalizedTextBinder(new SimpleTypeModelBinder(typeof(string), context.Services.GetRequiredService<ILoggerFactory>()), multiline);
    }

    private sealed class NormalizedTextBinder(IModelBinder plain, bool multiline) : IModelBinder
    {
        public async Task BindModelAsync(ModelBindingContext context)
        {
            await plain.BindModelAsync(context);
            if (context.Result.Model is not string sent) return;
            var text = TextNormalizer.Normalize(sent, multiline);
            if (text == sent) return;
            context.Result = ModelBindingResult.Success(text.Length == 0 && context.ModelMetadata.ConvertEmptyStringToNull ? null : text);
            // A form shown again shows what would be kept, not the invisible characters that were sent.
            context.ModelState.SetModelValue(context.ModelName, text, text);
        }
    }
}

/// <summary>
/// A bool that could not be read ("maybe" where a checkbox sends true/false) keeps its model error but not its raw
/// value: when the form is shown again, the checkbox tag helper converts the raw value back to bool, and a value no
/// checkbox sends threw there (a 500 on every page with a checkbox).
/// </summary>
public sealed class CheckboxBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.UnderlyingOrModelType == typeof(bool)
            ? new CheckboxBinder(new SimpleTypeModelBinder(context.Metadata.ModelType, context.Services.GetRequiredService<ILoggerFactory>()))
            : null;

    private sealed class CheckboxBinder(IModelBinder plain) : IModelBinder
    {
        public async Task BindModelAsync(ModelBindingContext context)
        {
            await plain.BindModelAsync(context);
            if (!context.Result.IsModelSet && context.ModelState.TryGetValue(context.ModelName, out var entry) && entry.Errors.Count > 0)
                context.ModelState.SetModelValue(context.ModelName, rawValue: null, entry.AttemptedValue);
        }
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace RuleOfLawPlan.Web.Requests;

/// <summary>
/// The messages model binding gives for values it cannot read (FluentValidation owns every other message): in the
/// request's language, Chinese by default. The value quoted back is cut short, so that 5 000 characters of junk do
/// not become the message.
/// </summary>
public static class BindingMessages
{
    public static void Use(MvcOptions options, IStringLocalizer<SharedResource> l)
    {
        var messages = options.ModelBindingMessageProvider;
        messages.SetAttemptedValueIsInvalidAccessor((value, _) => l["“{0}”不是有效的值", Quote(value)]);
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => l["“{0}”不是有效的值", Quote(value)]);
        messages.SetValueIsInvalidAccessor(value => l["“{0}”不是有效的值", Quote(value)]);
        messages.SetUnknownValueIsInvalidAccessor(_ => l["输入的值无效"]);
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => l["输入的值无效"]);
        messages.SetValueMustBeANumberAccessor(_ => l["请输入数字"]);
        messages.SetNonPropertyValueMustBeANumberAccessor(() => l["请输入数字"]);
        messages.SetValueMustNotBeNullAccessor(_ => l["请填写此项"]);
        messages.SetMissingBindRequiredValueAccessor(_ => l["请填写此项"]);
        messages.SetMissingKeyOrValueAccessor(() => l["请填写此项"]);
        messages.SetMissingRequestBodyRequiredValueAccessor(() => l["请求内容不能为空"]);
    }

    private static string Quote(string? value) => value is { Length: > 20 } ? value[..20] + "…" : value ?? "";
}

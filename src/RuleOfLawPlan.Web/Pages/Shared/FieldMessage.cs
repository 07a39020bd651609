using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace RuleOfLawPlan.Web.Pages.Shared;

/// <summary>Where and how a page reports a taken unique value: <c>new("Form.Name", "已有同名科室，请换一个名称")</c>.</summary>
public sealed record FieldMessage(string Field, string Message)
{
    public void AddTo(ModelStateDictionary modelState) => modelState.AddModelError(Field, Message);
}

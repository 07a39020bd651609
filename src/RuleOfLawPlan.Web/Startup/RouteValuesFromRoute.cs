using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Routing.Patterns;

namespace RuleOfLawPlan.Web.Startup;

/// <summary>
/// A handler parameter named like a value of its page's route (<c>id</c> in <c>/tasks/{id}/edit</c>) binds from
/// the route only. By default form fields come before route values, so a POST to /tasks/22/edit carrying
/// <c>id=23</c> in its body would act on task 23 — after authorizing against task 23, but not what the URL says.
/// </summary>
public sealed class RouteValuesFromRoute : IPageApplicationModelConvention
{
    public void Apply(PageApplicationModel model)
    {
        if (model.ActionDescriptor.AttributeRouteInfo?.Template is not { } template) return;
        var names = RoutePatternFactory.Parse(template).Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in model.HandlerMethods.SelectMany(h => h.Parameters).Where(p => names.Contains(p.ParameterName)))
        {
            // An explicit [FromQuery]/[FromServices]… is the author's choice; only the default "from anywhere" is narrowed.
            if (parameter.BindingInfo?.BindingSource is { } source && source != BindingSource.ModelBinding) continue;
            parameter.BindingInfo ??= new BindingInfo();
            parameter.BindingInfo.BindingSource = BindingSource.Path;
        }
    }
}

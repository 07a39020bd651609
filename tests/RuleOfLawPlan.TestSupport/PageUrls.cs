using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace RuleOfLawPlan.TestSupport;

/// <summary>Every Razor page the app maps, as a URL a GET can reach: a page added later is checked without a list to update.</summary>
public static class PageUrls
{
    public static IReadOnlyList<string> All(IServiceProvider services, string parameterValue) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>() is not { } methods || methods.HttpMethods.Contains("GET"))
            .Select(e => Url(e.RoutePattern, parameterValue))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

    private static string Url(RoutePattern pattern, string parameterValue) =>
        "/" + string.Join("/", pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart parameter => parameter.Default?.ToString() ?? parameterValue,
            _ => "",
        }))));
}

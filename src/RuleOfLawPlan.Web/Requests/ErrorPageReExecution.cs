using Microsoft.AspNetCore.Diagnostics;

namespace RuleOfLawPlan.Web.Requests;

public static class ErrorPageReExecution
{
    /// <summary>
    /// Whether the pipeline is running again to show the error page for a failed request (an exception, or an error
    /// status without a body): with the failed request's verb and body, which the checks that refused it must not
    /// refuse a second time.
    /// </summary>
    public static bool IsErrorPageReExecution(this HttpContext context) =>
        context.Features.Get<IStatusCodeReExecuteFeature>() is not null || context.Features.Get<IExceptionHandlerFeature>() is not null;
}

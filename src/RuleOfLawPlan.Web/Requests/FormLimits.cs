using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using RuleOfLawPlan.Web.Data.Evidence;

namespace RuleOfLawPlan.Web.Requests;

/// <summary>
/// Reads a posted form before the page does, so that a form over ASP.NET Core's limits (a field over 4 MB, more than
/// 1 024 fields — FormOptions) is answered 413 "提交的内容过大" and a form that cannot be parsed 400. Left to the page,
/// the antiforgery check reads the form first and turns either into its own "请求无效", and anything else that read
/// it would fail with an exception. Runs after authorization: an anonymous post to a protected page is not read at all.
/// A page marked <see cref="AcceptsEvidenceAttribute"/> may receive a body up to the evidence limits; its files are
/// spooled to temporary files by the form reader (above 64 KB), never held in memory.
/// </summary>
public sealed class FormLimits(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.HasFormContentType && !context.IsErrorPageReExecution())
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<AcceptsEvidenceAttribute>() is not null
                && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
            {
                bodyLimit.MaxRequestBodySize = context.RequestServices.GetRequiredService<IOptions<EvidenceOptions>>().Value.MaxRequestBytes;
            }

            try
            {
                await context.Request.ReadFormAsync(context.RequestAborted);
            }
            catch (InvalidDataException ex)
            {
                // The form reader says which limit in its message ("Form value length limit 4194304 exceeded.").
                context.Response.StatusCode = ex.Message.Contains("limit", StringComparison.OrdinalIgnoreCase)
                    ? StatusCodes.Status413PayloadTooLarge
                    : StatusCodes.Status400BadRequest;
                return;
            }
            catch (BadHttpRequestException ex)
            {
                // Kestrel's own limit on the body (MaxRequestBodySize, 30 MB): 413 as it says.
                context.Response.StatusCode = ex.StatusCode;
                return;
            }
        }

        await next(context);
    }
}

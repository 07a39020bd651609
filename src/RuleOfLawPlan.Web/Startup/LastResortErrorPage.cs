namespace RuleOfLawPlan.Web.Startup;

/// <summary>
/// Catches what the exception handler gives up on (an error while rendering the error page itself) and answers
/// with a fixed Chinese page. Sitting inside the developer exception page that WebApplication adds in
/// Development, it keeps stack traces and SQL out of every response in every environment.
/// </summary>
public sealed class LastResortErrorPage(RequestDelegate next, ILogger<LastResortErrorPage> logger)
{
    private const string Html =
        "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>系统出错了</title></head>" +
        "<body><h1>系统出错了</h1><p>处理请求时发生错误，已记录日志。请稍后重试，或联系系统管理员。</p></body></html>";

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception ex) when (!context.RequestAborted.IsCancellationRequested)
        {
            logger.LogError(ex, "Unhandled error the error page could not show for {Path}", context.Request.Path);
            if (context.Response.HasStarted) throw;
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(Html);
        }
    }
}

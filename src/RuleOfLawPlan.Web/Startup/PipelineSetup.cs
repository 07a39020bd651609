using Microsoft.AspNetCore.Localization;
using RuleOfLawPlan.Web.Requests;
using Serilog;

namespace RuleOfLawPlan.Web.Startup;

public static class PipelineSetup
{
    public static WebApplication UsePlanPipeline(this WebApplication app)
    {
        // First: scheme and client address as the browser sent them to nginx, for everything after.
        app.UseForwardedHeaders();
        app.UseMiddleware<LastResortErrorPage>();
        app.UseMiddleware<SecurityHeaders>();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        // The language first, so that the error page and ProblemDetails below speak it too.
        app.UseRequestLocalization();
        app.Use(RememberChosenCulture);

        // Outside the error handlers, the request log records the status the client was sent: the error page's 500 for
        // a failure (an Error), and the 499 the exception handler gives a request whose client went away (wrk closing its
        // connections, a user leaving a slow page) instead of that request's OperationCanceledException as a 500 Error.
        // Without a logger of its own the middleware writes to the static Log.Logger, which no host configures.
        app.UseSerilogRequestLogging(o => o.Logger = app.Services.GetRequiredService<Serilog.ILogger>());

        // A client that asks for JSON (and not HTML) gets RFC 9457 ProblemDetails; browsers get the Chinese error page.
        // Neither carries exception details.
        app.UseWhen(WantsProblemDetails, json =>
        {
            json.UseExceptionHandler();
            json.UseStatusCodePages();
        });
        app.UseWhen(context => !WantsProblemDetails(context), html =>
        {
            html.UseExceptionHandler("/Error");
            html.UseStatusCodePagesWithReExecute("/Error");
        });
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<FormLimits>();

        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorPages().WithStaticAssets();
        app.MapHealthChecks("/healthz").AllowAnonymous().WithMetadata(new HttpMethodMetadata(["GET", "HEAD"]));
        return app;
    }

    private static bool WantsProblemDetails(HttpContext context)
    {
        var accept = context.Request.Headers.Accept.ToString();
        return accept.Contains("json", StringComparison.OrdinalIgnoreCase) && !accept.Contains("text/html", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The footer's 中文 / English links carry ?culture=; the choice is kept in a cookie for later pages.</summary>
    private static Task RememberChosenCulture(HttpContext context, Func<Task> next)
    {
        if (context.Request.Query.TryGetValue("culture", out var culture)
            && ServiceSetup.Cultures.Any(c => c.Name == culture.ToString()))
        {
            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture.ToString())),
                new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true, Expires = DateTimeOffset.UtcNow.AddYears(1) });
        }

        return next();
    }
}

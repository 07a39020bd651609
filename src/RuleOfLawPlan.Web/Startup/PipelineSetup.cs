using Microsoft.AspNetCore.Localization;
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

        // Pages get the Chinese error page; everything else (health, future APIs) gets ProblemDetails.
        app.UseExceptionHandler("/Error");
        app.UseStatusCodePagesWithReExecute("/Error", "?code={0}");
        app.UseSerilogRequestLogging();
        app.UseRequestLocalization();
        app.Use(RememberChosenCulture);
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorPages().WithStaticAssets();
        app.MapHealthChecks("/healthz").AllowAnonymous();
        return app;
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

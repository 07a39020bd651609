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
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorPages().WithStaticAssets();
        app.MapHealthChecks("/healthz").AllowAnonymous();
        return app;
    }
}

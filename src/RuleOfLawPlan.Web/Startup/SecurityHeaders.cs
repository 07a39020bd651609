namespace RuleOfLawPlan.Web.Startup;

/// <summary>
/// The security headers every response carries: pages, static files, error pages and redirects alike.
/// They are set when the response starts, so an exception handler that clears the headers cannot drop them.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    // No 'unsafe-inline' anywhere: pages carry no inline script or style="" attribute (site.css holds the styles).
    // Bootstrap's own script sets styles through the CSSOM, which style-src does not restrict.
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static readonly IReadOnlyDictionary<string, string> Values = new Dictionary<string, string>
    {
        ["Content-Security-Policy"] = ContentSecurityPolicy,
        ["X-Content-Type-Options"] = "nosniff",
        ["Referrer-Policy"] = "strict-origin-when-cross-origin",
        ["X-Frame-Options"] = "DENY",
        ["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()",
        ["Cross-Origin-Opener-Policy"] = "same-origin",
    };

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var headers = ((HttpResponse)state).Headers;
            foreach (var (name, value) in Values)
            {
                // A response that sets a policy of its own keeps it: an evidence download's is stricter (sandbox).
                if (name == "Content-Security-Policy" && headers.ContainsKey(name)) continue;
                headers[name] = value;
            }
            return Task.CompletedTask;
        }, context.Response);
        return next(context);
    }
}

using Microsoft.AspNetCore.Identity;
using RuleOfLawPlan.Web.Data;

namespace RuleOfLawPlan.Web.Security.SignIns;

public static class SessionRotation
{
    /// <summary>
    /// Signs the user in under a new session key, after the request's session was signed out. The cookie handler of
    /// this request remembers the key it read from the request and would only renew that (deleted) session, so the
    /// sign-in runs through handlers of a fresh scope, which find no live session in the cookie and store a new one.
    /// </summary>
    public static async Task StartNewSessionAsync(this HttpContext context, AppUser user, bool persistent)
    {
        var requestServices = context.RequestServices;
        await using var scope = requestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        context.RequestServices = scope.ServiceProvider;
        try
        {
            await scope.ServiceProvider.GetRequiredService<SignInManager<AppUser>>().SignInAsync(user, persistent);
        }
        finally
        {
            context.RequestServices = requestServices;
        }
    }
}

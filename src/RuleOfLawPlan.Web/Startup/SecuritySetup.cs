using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Security;

namespace RuleOfLawPlan.Web.Startup;

public static class SecuritySetup
{
    public const string LoginRateLimit = "login";

    public static WebApplicationBuilder AddPlanSecurity(this WebApplicationBuilder builder)
    {
        builder.Services.AddIdentity<AppUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 8;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<PlanDb>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<ChineseIdentityErrorDescriber>()
            .AddClaimsPrincipalFactory<PlanClaimsPrincipalFactory>();

        // A disabled account or a changed role takes effect within a minute, not at cookie expiry (and at once
        // for the administrator's policies, which read the current roles: CurrentRoleRequirement).
        builder.Services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "rolp.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            // A signed-in user without the right gets a plain 403 (the Chinese error page), not a redirect.
            o.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        builder.Services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "rolp.af";
            o.Cookie.SecurePolicy = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        });

        builder.Services.AddAuthorizationBuilder()
            // Every page needs a signed-in user unless it says [AllowAnonymous].
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Read, p => p.RequireAuthenticatedUser())
            // What an administrator may do is checked against the roles stored now, not the cookie's.
            .AddPolicy(Policies.ManageUsers, p => p.RequireAuthenticatedUser().AddRequirements(new CurrentRoleRequirement(Roles.Admin)))
            .AddPolicy(Policies.ManageSections, p => p.RequireAuthenticatedUser().AddRequirements(new CurrentRoleRequirement(Roles.Admin)))
            .AddPolicy(Policies.ManagePlans, p => p.RequireRole(Roles.Office))
            .AddPolicy(Policies.ViewAudit, p => p.RequireAuthenticatedUser().AddRequirements(new CurrentRoleRequirement(Roles.Office, Roles.Admin)))
            .AddPolicy(Policies.ReportProgress, p => p.RequireRole(Roles.SectionHead))
            .AddPolicy(Policies.Instruct, p => p.RequireRole(Roles.Leader));
        builder.Services.AddSingleton<IAuthorizationHandler, TaskAuthorizationHandler>();
        builder.Services.AddScoped<IAuthorizationHandler, CurrentRoleHandler>();
        builder.Services.AddScoped<AccountService>();

        builder.AddPlanReverseProxy();
        builder.Services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        builder.Services.AddHttpsRedirection(o =>
        {
            o.RedirectStatusCode = StatusCodes.Status308PermanentRedirect;
            // Behind nginx the app cannot see which port serves HTTPS: 443 unless configured.
            o.HttpsPort = builder.Configuration.GetValue("ReverseProxy:HttpsPort", 443);
        });

        var permitLimit = builder.Configuration.GetValue("Security:LoginAttemptsPerMinute", 20);
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Per client address: slows password guessing across accounts, on top of per-account lockout.
            o.AddPolicy(LoginRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permitLimit, Window = TimeSpan.FromMinutes(1) }));
        });
        return builder;
    }
}

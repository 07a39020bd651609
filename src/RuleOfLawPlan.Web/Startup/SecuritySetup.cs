using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Security;
using RuleOfLawPlan.Web.Security.SignIns;

namespace RuleOfLawPlan.Web.Startup;

public static class SecuritySetup
{
    public static WebApplicationBuilder AddPlanSecurity(this WebApplicationBuilder builder)
    {
        builder.Services.AddIdentity<AppUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 8;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = false;
                // No Identity lockout options: its counter per account would let anyone lock anyone out with five wrong
                // passwords. SignInGuard throttles by account and address instead, and nothing calls AccessFailedAsync.
                o.User.RequireUniqueEmail = false;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<PlanDb>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<ChineseIdentityErrorDescriber>()
            .AddClaimsPrincipalFactory<PlanClaimsPrincipalFactory>();

        // Sessions live in the database (PostgresTicketStore): sign-out, a password change or reset and a disable end
        // them at the next request. The validator still re-reads roles and names every minute.
        builder.Services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        builder.Services.AddSingleton<PostgresTicketStore>();
        builder.Services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<PostgresTicketStore>((o, store) => o.SessionStore = store);
        builder.Services.AddOptions<SignInLimits>().Bind(builder.Configuration.GetSection(SignInLimits.Section));
        builder.Services.AddScoped<SignInGuard>();
        builder.Services.AddHostedService<SignInHousekeeping>();

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
            .AddPolicy(Policies.RecordKpiReadings, p => p.RequireRole(Roles.Office, Roles.SectionHead))
            .AddPolicy(Policies.ExportLedger, p => p.RequireRole(Roles.Office, Roles.Leader))
            .AddPolicy(Policies.Instruct, p => p.RequireRole(Roles.Leader))
            .AddPolicy(Policies.TaskList, p => p.RequireRole(Roles.Office, Roles.Leader, Roles.Admin, Roles.Viewer))
            .AddPolicy(Policies.Dashboard, p => p.RequireRole(Roles.Office, Roles.Leader, Roles.Admin, Roles.Viewer))
            .AddPolicy(Policies.MyTasks, p => p.RequireRole(Roles.SectionHead))
            .AddPolicy(Policies.Review, p => p.RequireRole(Roles.Office))
            .AddPolicy(Policies.ReadActivities, p => p.RequireRole(Roles.Office, Roles.Leader, Roles.Admin, Roles.Viewer))
            .AddPolicy(Policies.ManageActivities, p => p.RequireAuthenticatedUser().AddRequirements(new CurrentRoleRequirement(Roles.Office, Roles.Admin)))
            .AddPolicy(Policies.ReadReports, p => p.RequireRole(Roles.Office, Roles.Leader, Roles.Admin, Roles.Viewer))
            .AddPolicy(Policies.ApproveReports, p => p.RequireRole(Roles.Leader));
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

        return builder;
    }
}

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RuleOfLawPlan.Web.Data;

namespace RuleOfLawPlan.Web.Tests.Infrastructure;

/// <summary>
/// The real app on a given database, with a counter of the SQL commands it sends. <paramref name="settings"/>
/// override configuration. The login rate limit is raised by default: tests fetch antiforgery tokens from the
/// login page, and only the tests of the limiter itself want it low.
/// </summary>
public sealed class PlanAppFactory(string connectionString, string environment = "Development",
    IReadOnlyDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    public SqlCommandCounter Sql { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("ConnectionStrings:Plan", connectionString);
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Security:LoginAttemptsPerMinute", "10000");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
            services.ConfigureDbContext<PlanDb>(options => options.AddInterceptors(Sql)));
    }
}

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RuleOfLawPlan.Web.Data;

namespace RuleOfLawPlan.Web.Tests.Infrastructure;

/// <summary>The real app on a given database, with a counter of the SQL commands it sends.</summary>
public sealed class PlanAppFactory(string connectionString, string environment = "Development") : WebApplicationFactory<Program>
{
    public SqlCommandCounter Sql { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("ConnectionStrings:Plan", connectionString);
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.ConfigureTestServices(services =>
            services.ConfigureDbContext<PlanDb>(options => options.AddInterceptors(Sql)));
    }
}

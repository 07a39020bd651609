using System.Runtime.Versioning;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using RuleOfLawPlan.Web.Data.LocalPostgres;

namespace RuleOfLawPlan.Web.Tests.LocalPostgres;

[UnsupportedOSPlatform("windows")]
public sealed class LocalPostgresSetupTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private HostApplicationBuilder NewBuilder()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration["LocalPostgres:DataDirectory"] = _folder.Combine("data");
        builder.Configuration["LocalPostgres:Throwaway"] = "true";
        return builder;
    }

    [Fact]
    public async Task Without_a_connection_string_the_app_runs_its_own_server_until_the_host_stops()
    {
        var builder = NewBuilder().AddPlanDatabaseConnection(NullLoggerFactory.Instance);
        var connectionString = builder.Configuration.GetConnectionString("Plan");
        using var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);

        connectionString.ShouldNotBeNullOrEmpty();
        (await Sql.Scalar<string>(connectionString, "SELECT current_database()")).ShouldBe("ruleoflawplan");
        host.Services.GetRequiredService<LocalPostgresServer>().ConnectionString.ShouldBe(connectionString);

        await host.StopAsync(TestContext.Current.CancellationToken);

        File.Exists(_folder.Combine("data", "postmaster.pid")).ShouldBeFalse();
    }

    [Fact]
    public void A_configured_connection_string_is_used_as_it_is()
    {
        var builder = NewBuilder();
        builder.Configuration["ConnectionStrings:Plan"] = "Host=db.example.org;Database=plan;Username=plan";

        builder.AddPlanDatabaseConnection(NullLoggerFactory.Instance);

        builder.Configuration.GetConnectionString("Plan").ShouldBe("Host=db.example.org;Database=plan;Username=plan");
        builder.Services.ShouldNotContain(s => s.ServiceType == typeof(LocalPostgresServer));
        Directory.Exists(_folder.Combine("data")).ShouldBeFalse();
    }

    public void Dispose() => _folder.Dispose();
}

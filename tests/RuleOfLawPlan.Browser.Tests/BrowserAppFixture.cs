using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using RuleOfLawPlan.Web.Tests.Infrastructure;

namespace RuleOfLawPlan.Browser.Tests;

/// <summary>The real app in Development on Kestrel (a real loopback port a browser can reach).</summary>
public sealed class KestrelPlanAppFactory : WebApplicationFactory<Program>
{
    private readonly string _connectionString;

    public KestrelPlanAppFactory(string connectionString)
    {
        _connectionString = connectionString;
        UseKestrel(0);
    }

    public Uri BaseAddress => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
        .Addresses.First());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Plan", _connectionString);
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
    }
}

/// <summary>
/// One app and one database (cloned from the seeded template) per test class, so that a class may change
/// data — lock an account, say — without another class noticing.
/// </summary>
public sealed class BrowserAppFixture(PostgresClusterFixture cluster) : IAsyncLifetime
{
    private KestrelPlanAppFactory? _factory;

    public Uri BaseAddress { get; private set; } = null!;

    public IServiceProvider Services => _factory?.Services ?? throw new InvalidOperationException("The fixture is not initialized.");

    public async ValueTask InitializeAsync()
    {
        var template = await AppFixture.SeededTemplateAsync(cluster);
        _factory = new KestrelPlanAppFactory(cluster.ConnectionStringFor(await cluster.CreateDatabaseAsync(template)));
        _factory.StartServer();
        BaseAddress = _factory.BaseAddress;
    }

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null) await _factory.DisposeAsync();
    }
}

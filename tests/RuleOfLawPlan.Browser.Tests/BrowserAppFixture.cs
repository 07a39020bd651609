namespace RuleOfLawPlan.Browser.Tests;

/// <summary>
/// One app on Kestrel (a real loopback port a browser can reach) and one database (cloned from the seeded
/// template) per test class, so that a class may change data — lock an account, say — without another class noticing.
/// </summary>
public sealed class BrowserAppFixture(PostgresClusterFixture cluster) : IAsyncLifetime
{
    private PlanAppFactory? _factory;

    public Uri BaseAddress { get; private set; } = null!;

    public IServiceProvider Services => _factory?.Services ?? throw new InvalidOperationException("The fixture is not initialized.");

    public async ValueTask InitializeAsync()
    {
        var template = await AppFixture.SeededTemplateAsync(cluster);
        _factory = new PlanAppFactory(cluster.ConnectionStringFor(await cluster.CreateDatabaseAsync(template)), kestrel: true);
        _factory.StartServer();
        BaseAddress = _factory.ServerAddress;
    }

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null) await _factory.DisposeAsync();
    }
}

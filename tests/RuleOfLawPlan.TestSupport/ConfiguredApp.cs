using Microsoft.AspNetCore.Mvc.Testing;
using RuleOfLawPlan.Web.Data;

namespace RuleOfLawPlan.TestSupport;

/// <summary>
/// The app with settings or an environment of its own, on a fresh clone of the seeded template
/// (or on a given database): for the few tests that need a differently configured app.
/// </summary>
public sealed class ConfiguredApp : IAsyncDisposable
{
    private ConfiguredApp(string connectionString, PlanAppFactory factory)
    {
        ConnectionString = connectionString;
        Factory = factory;
    }

    public string ConnectionString { get; }
    public PlanAppFactory Factory { get; }

    public static async Task<ConfiguredApp> StartAsync(PostgresClusterFixture cluster,
        IReadOnlyDictionary<string, string?>? settings = null, string environment = "Development", string? connectionString = null)
    {
        connectionString ??= cluster.ConnectionStringFor(await cluster.CreateDatabaseAsync(await AppFixture.SeededTemplateAsync(cluster)));
        var factory = new PlanAppFactory(connectionString, environment, settings);
        factory.StartServer();
        return new ConfiguredApp(connectionString, factory);
    }

    public HttpClient CreateClient() => Factory.CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        BaseAddress = Factory.ClientOptions.BaseAddress,
    });

    public Task<HttpClient> SignInAsAsync(string userName, string password = SampleData.DemoPassword) =>
        CreateClient().SignInAsync(userName, password);

    public async ValueTask DisposeAsync() => await Factory.DisposeAsync();
}

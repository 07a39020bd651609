using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RuleOfLawPlan.Web.Data;

namespace RuleOfLawPlan.TestSupport;

/// <summary>
/// The app, as started in Development (migrated, with the 2023 plan and sample data), on a database of its
/// own for one test class: a clone of a template that was prepared once per run by starting the app on it.
/// <see cref="ScaleAppFixture"/> clones a template filled with data at scale instead.
/// </summary>
public class AppFixture(PostgresClusterFixture cluster) : IAsyncLifetime
{
    private readonly Dictionary<string, HttpClient> _signedIn = [];
    private PlanAppFactory? _factory;

    public string ConnectionString { get; private set; } = "";

    public PlanAppFactory Factory => _factory ?? throw new InvalidOperationException("The fixture is not initialized.");

    public SqlCommandCounter Sql => Factory.Sql;

    public virtual async ValueTask InitializeAsync()
    {
        var template = await TemplateAsync(cluster);
        ConnectionString = cluster.ConnectionStringFor(await cluster.CreateDatabaseAsync(template));
        _factory = new PlanAppFactory(ConnectionString, services: Services);
        _factory.StartServer();
    }

    /// <summary>Services a subclass puts in place of the app's own (a clock the test moves, say).</summary>
    protected virtual Action<IServiceCollection>? Services => null;

    /// <summary>The template the class's database is cloned from.</summary>
    protected virtual Task<string> TemplateAsync(PostgresClusterFixture cluster) => SeededTemplateAsync(cluster);

    /// <summary>A database as the app leaves it after its first start in Development.</summary>
    public static Task<string> SeededTemplateAsync(PostgresClusterFixture cluster) =>
        cluster.GetTemplateAsync("seeded", async connectionString =>
        {
            await using var app = new PlanAppFactory(connectionString);
            app.StartServer();
        });

    public HttpClient CreateClient() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>A new client signed in as one of the Development demo accounts (password Plan@2023).</summary>
    public Task<HttpClient> SignInAsAsync(string userName, string password = SampleData.DemoPassword) =>
        CreateClient().SignInAsync(userName, password);

    /// <summary>
    /// The class's one signed-in client for a demo account, signed in on first use: a sign-in verifies a password
    /// hash (tens of milliseconds), so tests that act as the same user many times share a client. Tests that sign out or change the account use
    /// <see cref="SignInAsAsync"/> instead.
    /// </summary>
    public async Task<HttpClient> UserAsync(string userName)
    {
        if (!_signedIn.TryGetValue(userName, out var client))
        {
            client = await SignInAsAsync(userName);
            _signedIn[userName] = client;
        }
        return client;
    }

    /// <summary>A context of its own, for arranging data and checking what the app stored.</summary>
    public PlanDb CreateDb() => new(PlanDbOptions.Configure(new DbContextOptionsBuilder<PlanDb>(), ConnectionString).Options);

    public virtual async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        foreach (var client in _signedIn.Values) client.Dispose();
        if (_factory is not null) await _factory.DisposeAsync();
    }
}

using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using RuleOfLawPlan.Web.Data.LocalPostgres;

namespace RuleOfLawPlan.TestSupport;

/// <summary>
/// One throwaway PostgreSQL cluster (fsync off) for the whole test run. Tests get databases of their own,
/// cloned from a template prepared once per run, which is far cheaper than preparing each one.
/// </summary>
public sealed class PostgresClusterFixture : IAsyncLifetime
{
    private readonly TempFolder _folder = new("rolp-tests-");
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _templates = new();
    // CREATE DATABASE … TEMPLATE fails (55006) while anyone is connected to the template; serialising the
    // creations keeps one clone from ever racing the preparation of another template.
    private readonly SemaphoreSlim _creating = new(1, 1);
    private LocalPostgresServer? _server;

    public LocalPostgresServer Server => _server ?? throw new InvalidOperationException("The cluster is not started.");

    public async ValueTask InitializeAsync()
    {
        _server = await LocalPostgresServer.StartAsync(
            new LocalPostgresOptions { DataDirectory = _folder.Combine("data"), Throwaway = true, DatabaseName = "postgres" },
            NullLogger.Instance,
            TestContext.Current.CancellationToken);
    }

    public string ConnectionStringFor(string database) => Server.ConnectionStringFor(database);

    /// <summary>Creates an empty database with a fresh name, or a copy of <paramref name="template"/>; returns its name.</summary>
    public async Task<string> CreateDatabaseAsync(string? template = null)
    {
        var name = "test_" + Guid.NewGuid().ToString("N")[..16];
        var sql = $"CREATE DATABASE {Quote(name)}" + (template is null ? "" : $" TEMPLATE {Quote(template)}");
        await _creating.WaitAsync();
        try
        {
            if (template is not null) NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(sql);
        }
        finally
        {
            _creating.Release();
        }
        return name;
    }

    /// <summary>
    /// The template database <paramref name="name"/>, prepared by <paramref name="prepare"/> (given its connection
    /// string) the first time it is asked for; later and concurrent callers wait for that one preparation.
    /// </summary>
    public Task<string> GetTemplateAsync(string name, Func<string, Task> prepare) =>
        _templates.GetOrAdd(name, n => new Lazy<Task<string>>(() => BuildTemplateAsync(n, prepare))).Value;

    private async Task<string> BuildTemplateAsync(string name, Func<string, Task> prepare)
    {
        var database = "template_" + name;
        await _creating.WaitAsync();
        try
        {
            await ExecuteAsync($"CREATE DATABASE {Quote(database)}");
        }
        finally
        {
            _creating.Release();
        }
        await prepare(ConnectionStringFor(database));
        NpgsqlConnection.ClearAllPools();
        // No connections from now on, so no stray session can make a clone fail with 55006.
        await ExecuteAsync($"ALTER DATABASE {Quote(database)} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false");
        return database;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionStringFor("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static string Quote(string identifier) => LocalPostgresServer.QuoteIdentifier(identifier);

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_server is not null) await _server.StopAsync();
        _folder.Dispose();
        _creating.Dispose();
    }
}

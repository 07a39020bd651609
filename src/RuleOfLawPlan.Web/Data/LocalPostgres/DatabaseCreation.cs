using Npgsql;

namespace RuleOfLawPlan.Web.Data.LocalPostgres;

/// <summary>Creates the app's database on the server when it is missing.</summary>
internal static class DatabaseCreation
{
    public static async Task EnsureAsync(LocalPostgresServer server, TimeSpan timeout, ILogger logger, CancellationToken ct)
    {
        var admin = new NpgsqlConnectionStringBuilder(server.ConnectionStringFor("postgres")) { Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await OpenAsync(connection, server, timeout, ct);

        await using var exists = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)", connection)
        {
            Parameters = { new() { Value = server.DatabaseName } },
        };
        if ((bool)(await exists.ExecuteScalarAsync(ct))!) return;

        await using var create = new NpgsqlCommand($"CREATE DATABASE {LocalPostgresServer.QuoteIdentifier(server.DatabaseName)}", connection);
        await create.ExecuteNonQueryAsync(ct);
        logger.LogInformation("Created database {Database}", server.DatabaseName);
    }

    // An adopted server may still be in crash recovery after the kill that orphaned it.
    private static async Task OpenAsync(NpgsqlConnection connection, LocalPostgresServer server, TimeSpan timeout, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                await connection.OpenAsync(ct);
                return;
            }
            catch (NpgsqlException e) when (server.Adopted && DateTime.UtcNow < deadline && IsNotReadyYet(e))
            {
                await Task.Delay(100, ct);
            }
            catch (NpgsqlException e)
            {
                throw new LocalPostgresException(
                    LocalPostgresMessages.CannotConnect(server.SocketDirectory, e.Message, ServerLog.Tail(server.LogFile)), e);
            }
        }
    }

    // No socket yet, or 57P03 "the database system is starting up"; any other server error is final.
    private static bool IsNotReadyYet(NpgsqlException e) => e is not PostgresException || e is PostgresException { SqlState: "57P03" };
}

using Npgsql;

namespace RuleOfLawPlan.Web.Data.LocalPostgres;

/// <summary>
/// A PostgreSQL cluster the app runs itself from the server programs installed on the machine.
/// It listens on a Unix socket only; the postmaster runs in its own session, so whoever starts it
/// must stop it (<see cref="StopAsync"/>, or dispose). A cluster left running by a killed run is adopted.
/// </summary>
/// <remarks>
/// The jobs are in classes of their own: <see cref="ClusterCreation"/> (initdb), <see cref="ClusterSettings"/>
/// (configuration and socket folder), <see cref="ServerProcess"/> (pg_ctl start, stop, finding a running server),
/// <see cref="OwnerFile"/> (which process owns it) and <see cref="DatabaseCreation"/>; messages are in
/// <see cref="LocalPostgresMessages"/>. This class puts them in order and is the handle the app keeps.
/// </remarks>
public sealed class LocalPostgresServer : IAsyncDisposable
{
    private readonly ServerProcess _process;
    private readonly ILogger _logger;
    private readonly Lock _stopGate = new();
    private Task? _stopping;

    private LocalPostgresServer(ServerProcess process, ILogger logger, string dataDirectory, string socketDirectory,
        int port, LocalPostgresOptions options, bool adopted, bool shared)
    {
        _process = process;
        _logger = logger;
        DataDirectory = dataDirectory;
        SocketDirectory = socketDirectory;
        Port = port;
        UserName = options.UserName;
        DatabaseName = options.DatabaseName;
        Adopted = adopted;
        Shared = shared;
    }

    public string DataDirectory { get; }
    public string SocketDirectory { get; }
    public int Port { get; }
    public string UserName { get; }
    public string DatabaseName { get; }

    /// <summary>True when a server left running on this data directory (by a killed run) was taken over instead of started.</summary>
    public bool Adopted { get; }

    /// <summary>
    /// True when another live process of the app owns the server (an administrator's command such as
    /// <c>create-admin</c> run while the site is up): it is used, and left running.
    /// </summary>
    public bool Shared { get; }

    /// <summary>Npgsql connection string to <see cref="DatabaseName"/> over the Unix socket.</summary>
    public string ConnectionString => ConnectionStringFor(DatabaseName);

    public string LogFile => ClusterFiles.Log(DataDirectory);

    public string ConnectionStringFor(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = SocketDirectory,
        Port = Port,
        Username = UserName,
        Database = database,
    }.ConnectionString;

    public static async Task<LocalPostgresServer> StartAsync(LocalPostgresOptions options, ILogger logger, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (OperatingSystem.IsWindows()) throw new LocalPostgresUnavailableException(LocalPostgresMessages.NeedsLinux);
        var isRoot = NativeMethods.IsRoot;
        var binDirectory = LocalPostgresPaths.FindBinDirectory(options.BinDirectory, Environment.GetEnvironmentVariable);
        var owner = ServerAccount.Resolve(isRoot, options.OsUser);
        var dataDirectory = Path.TrimEndingDirectorySeparator(Path.GetFullPath(
            options.DataDirectory is { Length: > 0 } configured
                ? configured
                : LocalPostgresPaths.DefaultDataDirectory(isRoot, Environment.GetEnvironmentVariable)));
        var pg = new PgCommandRunner(binDirectory, isRoot ? options.OsUser : null, options.CommandTimeout, logger);

        logger.LogInformation("Local PostgreSQL: data in {DataDirectory}, programs from {BinDirectory}{AsUser}",
            dataDirectory, binDirectory, isRoot ? $", run as OS user {options.OsUser}" : "");

        if (!File.Exists(ClusterFiles.Version(dataDirectory)))
        {
            await ClusterCreation.CreateAsync(pg, options, dataDirectory, owner, logger, ct);
        }

        var process = new ServerProcess(pg, dataDirectory, options.CommandTimeout);
        var running = await process.FindRunningAsync(ct);
        var sharedWith = running is null ? null : OwnerFile.LiveOwner(dataDirectory);
        if (sharedWith is int ownerPid)
            logger.LogInformation("Local PostgreSQL on {DataDirectory} belongs to the running app (process {Pid}); using it without stopping it", dataDirectory, ownerPid);
        else if (running is not null)
            logger.LogWarning("Local PostgreSQL was still running on {DataDirectory} (a previous run did not stop it); adopting it", dataDirectory);

        var (socketDirectory, port) = running ?? (LocalPostgresPaths.SocketDirectory(dataDirectory, options.Port), options.Port);
        if (running is null)
        {
            ClusterSettings.Write(dataDirectory, socketDirectory, options, owner);
            await process.StartAsync(ct);
            logger.LogInformation("Local PostgreSQL started on socket {SocketDirectory}", socketDirectory);
        }

        var server = new LocalPostgresServer(process, logger, dataDirectory, socketDirectory, port, options,
            adopted: running is not null && sharedWith is null, shared: sharedWith is not null);
        if (!server.Shared) OwnerFile.Claim(dataDirectory);
        try
        {
            await DatabaseCreation.EnsureAsync(server, options.CommandTimeout, logger, ct);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
        return server;
    }

    /// <summary>Stops the server (fast shutdown: open sessions are ended, committed data is safe). Safe to call repeatedly.</summary>
    public Task StopAsync()
    {
        lock (_stopGate)
        {
            return _stopping ??= StopCoreAsync();
        }
    }

    /// <summary>Stops the server; a failure is logged rather than thrown, as disposal happens during shutdown.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        catch (LocalPostgresException e)
        {
            _logger.LogError(e, "Local PostgreSQL on {DataDirectory} did not stop cleanly", DataDirectory);
        }
    }

    private async Task StopCoreAsync()
    {
        if (Shared)
        {
            NpgsqlConnection.ClearAllPools();
            _logger.LogInformation("Local PostgreSQL on {DataDirectory} left running for its owner", DataDirectory);
            return;
        }
        OwnerFile.Release(DataDirectory);
        if (!_process.MayBeRunning)
        {
            _logger.LogInformation("Local PostgreSQL on {DataDirectory} is not running", DataDirectory);
            return;
        }
        // Pooled connections die with the server; a later server on the same socket must not be handed them.
        NpgsqlConnection.ClearAllPools();
        await _process.StopAsync();
        _logger.LogInformation("Local PostgreSQL on {DataDirectory} stopped", DataDirectory);
    }

    internal static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}

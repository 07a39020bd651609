using System.Globalization;
using System.Runtime.Versioning;
using System.Text;
using Npgsql;

namespace RuleOfLawPlan.Web.Data.LocalPostgres;

/// <summary>
/// A PostgreSQL cluster the app runs itself from the server programs installed on the machine.
/// It listens on a Unix socket only; the postmaster runs in its own session, so whoever starts it
/// must stop it (<see cref="StopAsync"/>, or dispose). A cluster left running by a killed run is adopted.
/// </summary>
public sealed class LocalPostgresServer : IAsyncDisposable
{
    private const string SettingsFileName = "ruleoflawplan.conf";
    private const string IncludeLine = "include_if_exists = '" + SettingsFileName + "'";
    private const long LogRotateBytes = 10 * 1024 * 1024;

    private readonly PgCommandRunner _pg;
    private readonly ILogger _logger;
    private readonly TimeSpan _timeout;
    private readonly Lock _stopGate = new();
    private Task? _stopping;

    private LocalPostgresServer(PgCommandRunner pg, ILogger logger, TimeSpan timeout, string dataDirectory,
        string socketDirectory, int port, string userName, string databaseName, bool adopted, bool shared)
    {
        Shared = shared;
        _pg = pg;
        _logger = logger;
        _timeout = timeout;
        DataDirectory = dataDirectory;
        SocketDirectory = socketDirectory;
        Port = port;
        UserName = userName;
        DatabaseName = databaseName;
        Adopted = adopted;
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

    public string LogFile => LogFileOf(DataDirectory);

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
        if (OperatingSystem.IsWindows())
        {
            throw new LocalPostgresUnavailableException(
                "The embedded PostgreSQL needs Linux; on Windows set ConnectionStrings:Plan. / 内置 PostgreSQL 仅支持 Linux，Windows 下请设置 ConnectionStrings:Plan。");
        }
        var isRoot = NativeMethods.IsRoot;
        var binDirectory = LocalPostgresPaths.FindBinDirectory(options.BinDirectory, Environment.GetEnvironmentVariable);
        var owner = isRoot ? LookUpServerAccount(options.OsUser) : NativeMethods.CurrentIds;
        var dataDirectory = Path.TrimEndingDirectorySeparator(Path.GetFullPath(
            options.DataDirectory is { Length: > 0 } configured
                ? configured
                : LocalPostgresPaths.DefaultDataDirectory(isRoot, Environment.GetEnvironmentVariable)));
        var pg = new PgCommandRunner(binDirectory, isRoot ? options.OsUser : null, options.CommandTimeout, logger);

        logger.LogInformation("Local PostgreSQL: data in {DataDirectory}, programs from {BinDirectory}{AsUser}",
            dataDirectory, binDirectory, isRoot ? $", run as OS user {options.OsUser}" : "");

        if (!File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
        {
            await InitializeAsync(pg, options, dataDirectory, owner, isRoot, logger, ct);
        }

        var running = await FindRunningAsync(pg, dataDirectory, ct);
        string socketDirectory;
        int port;
        var sharedWith = running is null ? null : LiveOwner(dataDirectory);
        if (running is { } found)
        {
            (socketDirectory, port) = found;
            if (sharedWith is int ownerPid)
                logger.LogInformation("Local PostgreSQL on {DataDirectory} belongs to the running app (process {Pid}); using it without stopping it", dataDirectory, ownerPid);
            else
                logger.LogWarning("Local PostgreSQL was still running on {DataDirectory} (a previous run did not stop it); adopting it", dataDirectory);
        }
        else
        {
            socketDirectory = LocalPostgresPaths.SocketDirectory(dataDirectory, options.Port);
            port = options.Port;
            PrepareSocketDirectory(socketDirectory, owner);
            WriteSettings(dataDirectory, socketDirectory, options, owner);
            await StartServerAsync(pg, dataDirectory, options.CommandTimeout, ct);
            logger.LogInformation("Local PostgreSQL started on socket {SocketDirectory}", socketDirectory);
        }

        var server = new LocalPostgresServer(pg, logger, options.CommandTimeout, dataDirectory, socketDirectory, port,
            options.UserName, options.DatabaseName, adopted: running is not null && sharedWith is null, shared: sharedWith is not null);
        if (!server.Shared) File.WriteAllText(OwnerFileOf(dataDirectory), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        try
        {
            await server.EnsureDatabaseAsync(ct);
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
        File.Delete(OwnerFileOf(DataDirectory));
        var pidFile = PidFileOf(DataDirectory);
        if (!File.Exists(pidFile))
        {
            _logger.LogInformation("Local PostgreSQL on {DataDirectory} is not running", DataDirectory);
            return;
        }
        // Pooled connections die with the server; a later server on the same socket must not be handed them.
        NpgsqlConnection.ClearAllPools();
        // Not cancellable: a half-stopped server is worse than a slow shutdown, and -t bounds the wait.
        var result = await _pg.RunProgramAsync("pg_ctl",
            ["stop", "-D", DataDirectory, "-m", "fast", "-w", "-t", Seconds(_timeout)], CancellationToken.None);
        if (result.ExitCode != 0 && File.Exists(pidFile))
        {
            throw new LocalPostgresException(
                $"pg_ctl stop failed for {DataDirectory} (exit {result.ExitCode}): {result.Output}{LogTail(LogFile)}");
        }
        _logger.LogInformation("Local PostgreSQL on {DataDirectory} stopped", DataDirectory);
    }

    private async Task EnsureDatabaseAsync(CancellationToken ct)
    {
        var admin = new NpgsqlConnectionStringBuilder(ConnectionStringFor("postgres")) { Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await OpenWithRetryAsync(connection, ct);

        await using var exists = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)", connection)
        {
            Parameters = { new() { Value = DatabaseName } },
        };
        if ((bool)(await exists.ExecuteScalarAsync(ct))!) return;

        await using var create = new NpgsqlCommand($"CREATE DATABASE {QuoteIdentifier(DatabaseName)}", connection);
        await create.ExecuteNonQueryAsync(ct);
        _logger.LogInformation("Created database {Database}", DatabaseName);
    }

    // An adopted server may still be in crash recovery after the kill that orphaned it.
    private async Task OpenWithRetryAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + _timeout;
        while (true)
        {
            try
            {
                await connection.OpenAsync(ct);
                return;
            }
            catch (NpgsqlException e) when (Adopted && DateTime.UtcNow < deadline && IsNotReadyYet(e))
            {
                await Task.Delay(100, ct);
            }
            catch (NpgsqlException e)
            {
                throw new LocalPostgresException(
                    $"Cannot connect to the local PostgreSQL over {SocketDirectory}: {e.Message}{LogTail(LogFile)}", e);
            }
        }
    }

    // No socket yet, or 57P03 "the database system is starting up"; any other server error is final.
    private static bool IsNotReadyYet(NpgsqlException e) => e is not PostgresException || e is PostgresException { SqlState: "57P03" };

    internal static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static (uint Uid, uint Gid) LookUpServerAccount(string osUser)
    {
        var ids = NativeMethods.LookUpUser(osUser) ?? throw new LocalPostgresUnavailableException($"""
            The app runs as root, and PostgreSQL refuses to, so it runs the server as the OS user '{osUser}' (setting LocalPostgres:OsUser) — but that user does not exist.
            Installing PostgreSQL creates the user 'postgres' (Debian/Ubuntu `sudo apt-get install postgresql`; RHEL `sudo dnf install postgresql-server`).
            Or set LocalPostgres:OsUser to an existing non-root account, run the app as a normal user, or use an existing server: set ConnectionStrings:Plan,
            e.g. the environment variable ConnectionStrings__Plan="Host=db.example.org;Database=ruleoflawplan;Username=plan;Password=...".
            应用以 root 运行，而 PostgreSQL 拒绝以 root 运行，因此改用操作系统用户 '{osUser}'（配置项 LocalPostgres:OsUser）运行数据库，但该用户不存在。
            安装 PostgreSQL 会创建 postgres 用户（Debian/Ubuntu 执行 `sudo apt-get install postgresql`；RHEL 执行 `sudo dnf install postgresql-server`）。
            也可以将 LocalPostgres:OsUser 设为已有的非 root 用户、以普通用户运行本应用，或设置 ConnectionStrings:Plan 使用已有的数据库服务器，
            例如环境变量 ConnectionStrings__Plan="Host=db.example.org;Database=ruleoflawplan;Username=plan;Password=..."。
            """);
        if (ids.Uid == 0)
        {
            throw new LocalPostgresUnavailableException(
                $"LocalPostgres:OsUser '{osUser}' is root; PostgreSQL refuses to run as root. Name a non-root account. / " +
                $"LocalPostgres:OsUser '{osUser}' 是 root 用户，PostgreSQL 拒绝以 root 运行，请指定非 root 用户。");
        }
        return ids;
    }

    [UnsupportedOSPlatform("windows")]
    private static async Task InitializeAsync(PgCommandRunner pg, LocalPostgresOptions options, string dataDirectory,
        (uint Uid, uint Gid) owner, bool isRoot, ILogger logger, CancellationToken ct)
    {
        var created = !Directory.Exists(dataDirectory);
        if (!created && Directory.EnumerateFileSystemEntries(dataDirectory).Any())
        {
            throw new LocalPostgresException(
                $"'{dataDirectory}' is neither empty nor a PostgreSQL data directory (no PG_VERSION). Choose another LocalPostgres:DataDirectory. / " +
                $"'{dataDirectory}' 既不是空目录也不是 PostgreSQL 数据目录，请另行指定 LocalPostgres:DataDirectory。");
        }
        Directory.CreateDirectory(dataDirectory);
        NativeMethods.ChangeOwner(dataDirectory, owner.Uid, owner.Gid);
        File.SetUnixFileMode(dataDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        if (isRoot) await EnsureReachableAsync(pg, dataDirectory, options.OsUser, ct);

        logger.LogInformation("Creating a PostgreSQL cluster in {DataDirectory}", dataDirectory);
        List<string> arguments = ["-D", dataDirectory, "-A", "trust", "-U", options.UserName, "-E", "UTF8", "--locale=C"];
        // No fsync of the new files either, for a cluster nobody keeps.
        if (options.Throwaway) arguments.Add("--no-sync");
        var result = await pg.RunProgramAsync("initdb", arguments, ct);
        if (result.ExitCode != 0)
        {
            // A half-initialised folder would be mistaken for a cluster on the next start.
            if (created) Directory.Delete(dataDirectory, recursive: true);
            else foreach (var entry in new DirectoryInfo(dataDirectory).EnumerateFileSystemInfos()) DeleteEntry(entry);
            throw new LocalPostgresException($"initdb failed for {dataDirectory} (exit {result.ExitCode}): {result.Output}");
        }
        // Our settings go in a file of their own, rewritten at every start; postgresql.conf stays initdb's.
        await File.AppendAllTextAsync(Path.Combine(dataDirectory, "postgresql.conf"),
            $"\n# Settings managed by RuleOfLawPlan (socket only, no network)\n{IncludeLine}\n", ct);
    }

    private static void DeleteEntry(FileSystemInfo entry)
    {
        if (entry is DirectoryInfo dir) dir.Delete(recursive: true);
        else entry.Delete();
    }

    private static async Task EnsureReachableAsync(PgCommandRunner pg, string dataDirectory, string osUser, CancellationToken ct)
    {
        var result = await pg.RunAsync("test", ["-w", dataDirectory, "-a", "-x", dataDirectory], ct);
        if (result.ExitCode != 0)
        {
            throw new LocalPostgresException($"""
                The OS user '{osUser}' that runs PostgreSQL cannot reach '{dataDirectory}': every folder above it must be traversable by that user (so not under /root).
                Choose another LocalPostgres:DataDirectory; the default for root is /var/lib/ruleoflawplan/postgres.
                运行 PostgreSQL 的操作系统用户 '{osUser}' 无法访问 '{dataDirectory}'：其上每一级目录都必须允许该用户进入（因此不能位于 /root 下）。
                请另行指定 LocalPostgres:DataDirectory；root 运行时默认为 /var/lib/ruleoflawplan/postgres。
                """);
        }
    }

    /// <summary>The socket and port of a server already running on the folder, or null. A stale postmaster.pid counts as not running.</summary>
    private static async Task<(string SocketDirectory, int Port)?> FindRunningAsync(PgCommandRunner pg, string dataDirectory, CancellationToken ct)
    {
        var pidFile = PidFileOf(dataDirectory);
        if (!File.Exists(pidFile)) return null;
        // pg_ctl status: 0 = running, 3 = not running (a stale pid file is left for the postmaster to replace).
        var status = await pg.RunProgramAsync("pg_ctl", ["status", "-D", dataDirectory], ct);
        if (status.ExitCode != 0) return null;

        // postmaster.pid lines: pid, data dir, start time, port, socket dir, listen address, shmem key, status.
        var lines = await File.ReadAllLinesAsync(pidFile, ct);
        // pg_ctl (and the postmaster) take a zombie for a live server. Zombies stay where init does not reap
        // orphans (some containers); deleting the pid file ourselves could race the dead server's children.
        if (lines.Length > 0 && int.TryParse(lines[0], out var pid) && IsZombie(pid))
        {
            throw new LocalPostgresException($"""
                postmaster.pid in {dataDirectory} names process {pid}, a server that has died but was not reaped by its parent.
                Once no postgres process for this folder remains, delete {pidFile} and start again.
                {dataDirectory} 中的 postmaster.pid 指向已退出但未被回收的进程 {pid}。确认该目录没有其他 postgres 进程后，删除 {pidFile} 再启动。
                """);
        }
        if (lines.Length < 5 || !int.TryParse(lines[3], out var port) || lines[4].Length == 0)
        {
            throw new LocalPostgresException(
                $"A PostgreSQL server is running on {dataDirectory} but its postmaster.pid names no Unix socket; stop it (pg_ctl stop -D {dataDirectory}) and start again.");
        }
        return (lines[4], port);
    }

    private static bool IsZombie(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The state follows the command name, which is in parentheses and may itself contain ')'.
            return stat[stat.LastIndexOf(')') + 2] == 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    [UnsupportedOSPlatform("windows")]
    private static void PrepareSocketDirectory(string socketDirectory, (uint Uid, uint Gid) owner)
    {
        var info = Directory.CreateDirectory(socketDirectory);
        // Under /tmp someone else could have planted a link or a folder; chown refuses a folder we do not own.
        if (info.LinkTarget is not null)
        {
            throw new LocalPostgresException($"Socket folder '{socketDirectory}' is a symbolic link; remove it.");
        }
        NativeMethods.ChangeOwner(socketDirectory, owner.Uid, owner.Gid);
        // Trust authentication is safe only because no one but the owner (and root) can reach the socket.
        File.SetUnixFileMode(socketDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    [UnsupportedOSPlatform("windows")]
    private static void WriteSettings(string dataDirectory, string socketDirectory, LocalPostgresOptions options, (uint Uid, uint Gid) owner)
    {
        var settings = new StringBuilder()
            .AppendLine("# Written by RuleOfLawPlan at every start; edits here are lost.")
            .AppendLine("listen_addresses = ''")
            .AppendLine($"unix_socket_directories = '{socketDirectory.Replace("'", "''", StringComparison.Ordinal)}'")
            .AppendLine($"port = {options.Port}");
        if (options.Throwaway)
        {
            // Test clusters only: a crash may lose or corrupt data, which nobody keeps.
            settings.AppendLine("fsync = off").AppendLine("synchronous_commit = off").AppendLine("full_page_writes = off");
        }
        var path = Path.Combine(dataDirectory, SettingsFileName);
        File.WriteAllText(path, settings.ToString());
        NativeMethods.ChangeOwner(path, owner.Uid, owner.Gid);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var postgresqlConf = Path.Combine(dataDirectory, "postgresql.conf");
        if (!File.ReadLines(postgresqlConf).Any(line => line.Trim() == IncludeLine))
        {
            File.AppendAllText(postgresqlConf, $"\n{IncludeLine}\n");
        }
    }

    private static async Task StartServerAsync(PgCommandRunner pg, string dataDirectory, TimeSpan timeout, CancellationToken ct)
    {
        var logFile = LogFileOf(dataDirectory);
        // pg_ctl appends forever; one previous generation is enough for diagnosis.
        if (File.Exists(logFile) && new FileInfo(logFile).Length > LogRotateBytes)
        {
            File.Move(logFile, logFile + ".1", overwrite: true);
        }
        // -l is essential: without it the postmaster inherits our pipes and reading pg_ctl's output never ends.
        var result = await pg.RunProgramAsync("pg_ctl",
            ["start", "-w", "-D", dataDirectory, "-l", logFile, "-t", Seconds(timeout)], ct);
        if (result.ExitCode != 0)
        {
            throw new LocalPostgresException(
                $"PostgreSQL did not start on {dataDirectory} (pg_ctl exit {result.ExitCode}): {result.Output}{LogTail(logFile)}");
        }
    }

    private static string PidFileOf(string dataDirectory) => Path.Combine(dataDirectory, "postmaster.pid");

    /// <summary>Names the app process that started or adopted the server, so a second process can tell a live owner from a killed one.</summary>
    private static string OwnerFileOf(string dataDirectory) => Path.Combine(dataDirectory, "ruleoflawplan.owner");

    /// <summary>The owner process when it is another live process of this app; null when it is gone (or is us).</summary>
    private static int? LiveOwner(string dataDirectory)
    {
        try
        {
            if (!int.TryParse(File.ReadAllText(OwnerFileOf(dataDirectory)).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                || pid == Environment.ProcessId || IsZombie(pid))
                return null;
            // A recycled pid belongs to some other program; only a process of this app counts as an owner.
            var commandLine = File.ReadAllText($"/proc/{pid}/cmdline");
            return commandLine.Contains("RuleOfLawPlan", StringComparison.Ordinal) ? pid : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string LogFileOf(string dataDirectory) => Path.Combine(dataDirectory, "postgresql.log");

    private static string Seconds(TimeSpan t) => Math.Max(1, (int)Math.Ceiling(t.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);

    internal static string LogTail(string logFile, int maxLines = 30)
    {
        try
        {
            if (!File.Exists(logFile)) return "";
            using var stream = new FileStream(logFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            stream.Seek(Math.Max(0, stream.Length - 8192), SeekOrigin.Begin);
            using var reader = new StreamReader(stream);
            var lines = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(maxLines);
            return $"\n--- last lines of {logFile} ---\n{string.Join('\n', lines)}";
        }
        catch (IOException e)
        {
            return $"\n(could not read {logFile}: {e.Message})";
        }
    }
}

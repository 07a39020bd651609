using System.Globalization;

namespace RuleOfLawPlan.Web.Data.LocalPostgres;

/// <summary>
/// pg_ctl on one data directory: find a server already running there, start one, stop it.
/// The postmaster runs in its own session, so it outlives the app unless stopped here.
/// </summary>
internal sealed class ServerProcess(PgCommandRunner pg, string dataDirectory, TimeSpan timeout)
{
    private string PidFile => ClusterFiles.Pid(dataDirectory);
    private string LogFile => ClusterFiles.Log(dataDirectory);

    /// <summary>A postmaster.pid is there: a server runs, or one died without removing it.</summary>
    public bool MayBeRunning => File.Exists(PidFile);

    /// <summary>The socket and port of a server already running on the folder, or null. A stale postmaster.pid counts as not running.</summary>
    public async Task<(string SocketDirectory, int Port)?> FindRunningAsync(CancellationToken ct)
    {
        if (!MayBeRunning) return null;
        // pg_ctl status: 0 = running, 3 = not running (a stale pid file is left for the postmaster to replace).
        var status = await pg.RunProgramAsync("pg_ctl", ["status", "-D", dataDirectory], ct);
        if (status.ExitCode != 0) return null;

        // postmaster.pid lines: pid, data dir, start time, port, socket dir, listen address, shmem key, status.
        var lines = await File.ReadAllLinesAsync(PidFile, ct);
        // pg_ctl takes a zombie for a live server; deleting the pid file ourselves could race the dead server's children.
        if (lines.Length > 0 && int.TryParse(lines[0], out var pid) && ProcFs.IsZombie(pid))
        {
            throw new LocalPostgresException(LocalPostgresMessages.ZombiePostmaster(dataDirectory, pid, PidFile));
        }
        if (lines.Length < 5 || !int.TryParse(lines[3], out var port) || lines[4].Length == 0)
        {
            throw new LocalPostgresException(LocalPostgresMessages.RunningWithoutSocket(dataDirectory));
        }
        return (lines[4], port);
    }

    public async Task StartAsync(CancellationToken ct)
    {
        ServerLog.Rotate(LogFile);
        // -l is essential: without it the postmaster inherits our pipes and reading pg_ctl's output never ends.
        var result = await pg.RunProgramAsync("pg_ctl", ["start", "-w", "-D", dataDirectory, "-l", LogFile, "-t", Seconds(timeout)], ct);
        if (result.ExitCode != 0)
        {
            throw new LocalPostgresException(LocalPostgresMessages.StartFailed(dataDirectory, result, ServerLog.Tail(LogFile)));
        }
    }

    /// <summary>Fast shutdown: open sessions are ended, committed data is safe.</summary>
    public async Task StopAsync()
    {
        // Not cancellable: a half-stopped server is worse than a slow shutdown, and -t bounds the wait.
        var result = await pg.RunProgramAsync("pg_ctl", ["stop", "-D", dataDirectory, "-m", "fast", "-w", "-t", Seconds(timeout)], CancellationToken.None);
        if (result.ExitCode != 0 && File.Exists(PidFile))
        {
            throw new LocalPostgresException(LocalPostgresMessages.StopFailed(dataDirectory, result, ServerLog.Tail(LogFile)));
        }
    }

    private static string Seconds(TimeSpan t) => Math.Max(1, (int)Math.Ceiling(t.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}

using System.Runtime.Versioning;

namespace RuleOfLawPlan.Web.Data.LocalPostgres;

/// <summary>initdb in an empty (or missing) folder, which is given to the server account first.</summary>
[UnsupportedOSPlatform("windows")]
internal static class ClusterCreation
{
    public static async Task CreateAsync(PgCommandRunner pg, LocalPostgresOptions options, string dataDirectory,
        (uint Uid, uint Gid) owner, ILogger logger, CancellationToken ct)
    {
        var created = !Directory.Exists(dataDirectory);
        if (!created && Directory.EnumerateFileSystemEntries(dataDirectory).Any())
        {
            throw new LocalPostgresException(LocalPostgresMessages.NotADataDirectory(dataDirectory));
        }
        Directory.CreateDirectory(dataDirectory);
        NativeMethods.ChangeOwner(dataDirectory, owner.Uid, owner.Gid);
        File.SetUnixFileMode(dataDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        if (pg.RunAsUser is { } osUser) await EnsureReachableAsync(pg, dataDirectory, osUser, ct);

        logger.LogInformation("Creating a PostgreSQL cluster in {DataDirectory}", dataDirectory);
        List<string> arguments = ["-D", dataDirectory, "-A", "trust", "-U", options.UserName, "-E", "UTF8", "--locale=C"];
        // No fsync of the new files either, for a cluster nobody keeps.
        if (options.Throwaway) arguments.Add("--no-sync");
        var result = await pg.RunProgramAsync("initdb", arguments, ct);
        if (result.ExitCode == 0) return;

        // A half-initialised folder would be mistaken for a cluster on the next start.
        if (created) Directory.Delete(dataDirectory, recursive: true);
        else foreach (var entry in new DirectoryInfo(dataDirectory).EnumerateFileSystemInfos()) Delete(entry);
        throw new LocalPostgresException(LocalPostgresMessages.InitdbFailed(dataDirectory, result));
    }

    private static void Delete(FileSystemInfo entry)
    {
        if (entry is DirectoryInfo dir) dir.Delete(recursive: true);
        else entry.Delete();
    }

    /// <summary>Every folder above the data must be traversable by the server account, which rules out /root.</summary>
    private static async Task EnsureReachableAsync(PgCommandRunner pg, string dataDirectory, string osUser, CancellationToken ct)
    {
        var result = await pg.RunAsync("test", ["-w", dataDirectory, "-a", "-x", dataDirectory], ct);
        if (result.ExitCode != 0) throw new LocalPostgresException(LocalPostgresMessages.DataDirectoryUnreachable(dataDirectory, osUser));
    }
}

using System.Security.Cryptography;
using System.Text;

namespace RuleOfLawPlan.Web.Data.LocalPostgres;

/// <summary>Where the server programs, the data and the socket live. Pure functions of their inputs, so tests can pin them.</summary>
public static class LocalPostgresPaths
{
    private static readonly string[] Programs = ["pg_ctl", "initdb", "postgres"];

    // sun_path is 108 bytes including the terminating NUL.
    internal const int MaxSocketPathBytes = 107;

    /// <summary>
    /// As root, a folder the postgres account can reach (never under /root);
    /// otherwise the XDG data folder of the user.
    /// </summary>
    public static string DefaultDataDirectory(bool isRoot, Func<string, string?> getEnvironmentVariable)
    {
        if (isRoot) return "/var/lib/ruleoflawplan/postgres";
        var xdg = getEnvironmentVariable("XDG_DATA_HOME");
        var dataHome = !string.IsNullOrEmpty(xdg) && Path.IsPathRooted(xdg)
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        return Path.Combine(dataHome, "ruleoflawplan", "postgres");
    }

    /// <summary>
    /// A sibling of the data folder when the socket path fits in sun_path, else a short folder under /tmp
    /// named after the data folder, so two clusters never share one.
    /// </summary>
    public static string SocketDirectory(string dataDirectory, int port)
    {
        var beside = Path.TrimEndingDirectorySeparator(dataDirectory) + ".run";
        if (SocketPathFits(beside, port)) return beside;
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(dataDirectory)))[..12];
        return $"/tmp/rolp-{hash}";
    }

    internal static bool SocketPathFits(string socketDirectory, int port) =>
        Encoding.UTF8.GetByteCount($"{socketDirectory}/.s.PGSQL.{port}") <= MaxSocketPathBytes;

    /// <summary>
    /// The configured folder alone when given (so a wrong setting fails instead of silently using another
    /// version); otherwise PG_BINDIR, PATH, the highest /usr/lib/postgresql/N/bin (Debian), /usr/pgsql-N/bin (RHEL).
    /// </summary>
    public static string FindBinDirectory(string? configured, Func<string, string?> getEnvironmentVariable)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return HasServerPrograms(configured) ? Path.GetFullPath(configured) : throw Unavailable([configured]);
        }

        var candidates = new List<string>();
        if (getEnvironmentVariable("PG_BINDIR") is { Length: > 0 } fromEnv) candidates.Add(fromEnv);
        candidates.AddRange((getEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));
        candidates.AddRange(VersionedFolders("/usr/lib/postgresql", name => name, "bin"));
        candidates.AddRange(VersionedFolders("/usr", name => name.StartsWith("pgsql-", StringComparison.Ordinal) ? name[6..] : null, "bin"));

        foreach (var dir in candidates)
        {
            if (HasServerPrograms(dir)) return ResolveRealFolder(dir);
        }
        throw Unavailable(candidates.Count > 0 ? candidates : ["PATH", "/usr/lib/postgresql/<N>/bin", "/usr/pgsql-<N>/bin"]);
    }

    private static IEnumerable<string> VersionedFolders(string root, Func<string, string?> versionOf, string leaf)
    {
        if (!Directory.Exists(root)) return [];
        return Directory.EnumerateDirectories(root)
            .Select(dir => (dir, version: versionOf(Path.GetFileName(dir))))
            .Select(x => (x.dir, ok: decimal.TryParse(x.version, System.Globalization.CultureInfo.InvariantCulture, out var v), v))
            .Where(x => x.ok)
            .OrderByDescending(x => x.v)
            .Select(x => Path.Combine(x.dir, leaf));
    }

    private static bool HasServerPrograms(string dir) => Programs.All(p => IsExecutable(Path.Combine(dir, p)));

    private static bool IsExecutable(string file) =>
        File.Exists(file) && (OperatingSystem.IsWindows() ||
            (File.GetUnixFileMode(file) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0);

    // /usr/local/bin/pg_ctl is often a symlink into /usr/lib/postgresql/N/bin; logging the real folder
    // tells an operator which version runs.
    private static string ResolveRealFolder(string dir)
    {
        var pgCtl = new FileInfo(Path.Combine(dir, "pg_ctl"));
        var target = pgCtl.LinkTarget is null ? null : pgCtl.ResolveLinkTarget(returnFinalTarget: true);
        return Path.GetDirectoryName(target?.FullName) is { } real && HasServerPrograms(real) ? real : Path.GetFullPath(dir);
    }

    private static LocalPostgresUnavailableException Unavailable(IEnumerable<string> searched) =>
        new(LocalPostgresMessages.ProgramsNotFound(searched));
}

using System.Globalization;
using System.Runtime.Versioning;
using System.Text;

namespace RuleOfLawPlan.Web.Data.LocalPostgres;

/// <summary>
/// What the app sets on the server, written before every start: a settings file of its own, included from
/// postgresql.conf (which stays initdb's), and the socket folder that only the server account can enter.
/// </summary>
[UnsupportedOSPlatform("windows")]
internal static class ClusterSettings
{
    private const string IncludeLine = "include_if_exists = '" + ClusterFiles.SettingsFileName + "'";

    public static void Write(string dataDirectory, string socketDirectory, LocalPostgresOptions options, (uint Uid, uint Gid) owner)
    {
        PrepareSocketDirectory(socketDirectory, owner);

        var settings = new StringBuilder()
            .AppendLine("# Written by RuleOfLawPlan at every start; edits here are lost.")
            .AppendLine("listen_addresses = ''")
            .AppendLine(CultureInfo.InvariantCulture, $"unix_socket_directories = '{socketDirectory.Replace("'", "''", StringComparison.Ordinal)}'")
            .AppendLine(CultureInfo.InvariantCulture, $"port = {options.Port}");
        if (options.Throwaway)
        {
            // Test clusters only: a crash may lose or corrupt data, which nobody keeps.
            settings.AppendLine("fsync = off").AppendLine("synchronous_commit = off").AppendLine("full_page_writes = off");
        }
        var path = ClusterFiles.Settings(dataDirectory);
        File.WriteAllText(path, settings.ToString());
        NativeMethods.ChangeOwner(path, owner.Uid, owner.Gid);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var postgresqlConf = ClusterFiles.PostgresqlConf(dataDirectory);
        if (!File.ReadLines(postgresqlConf).Any(line => line.Trim() == IncludeLine))
        {
            File.AppendAllText(postgresqlConf, $"\n# Settings managed by RuleOfLawPlan (socket only, no network)\n{IncludeLine}\n");
        }
    }

    private static void PrepareSocketDirectory(string socketDirectory, (uint Uid, uint Gid) owner)
    {
        var info = Directory.CreateDirectory(socketDirectory);
        // Under /tmp someone else could have planted a link or a folder; chown refuses a folder we do not own.
        if (info.LinkTarget is not null) throw new LocalPostgresException(LocalPostgresMessages.SocketFolderIsLink(socketDirectory));
        NativeMethods.ChangeOwner(socketDirectory, owner.Uid, owner.Gid);
        // Trust authentication is safe only because no one but the owner (and root) can reach the socket.
        File.SetUnixFileMode(socketDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}

using System.Runtime.Versioning;
using RuleOfLawPlan.Web.Data.LocalPostgres;

namespace RuleOfLawPlan.Web.Tests.LocalPostgres;

// Unix sockets, uids and file modes: the embedded server is a Linux feature.
[UnsupportedOSPlatform("windows")]
public sealed class LocalPostgresPathsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public void As_root_the_data_lives_where_the_server_account_can_reach_it()
    {
        LocalPostgresPaths.DefaultDataDirectory(isRoot: true, _ => null).ShouldBe("/var/lib/ruleoflawplan/postgres");
    }

    [Fact]
    public void As_a_user_the_data_lives_in_the_xdg_data_folder()
    {
        LocalPostgresPaths.DefaultDataDirectory(false, v => v == "XDG_DATA_HOME" ? "/home/u/data" : null)
            .ShouldBe("/home/u/data/ruleoflawplan/postgres");
        LocalPostgresPaths.DefaultDataDirectory(false, _ => null).ShouldBe(Path.Combine(
            Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local/share/ruleoflawplan/postgres"));
    }

    [Fact]
    public void Pg_bindir_is_preferred_to_path_and_path_to_the_usual_folders()
    {
        var fromEnv = FakeBin("env");
        var fromPath = FakeBin("path");
        var incomplete = _folder.Combine("incomplete");
        Directory.CreateDirectory(incomplete);
        File.WriteAllText(Path.Combine(incomplete, "pg_ctl"), "");
        File.SetUnixFileMode(Path.Combine(incomplete, "pg_ctl"), UnixFileMode.UserExecute | UnixFileMode.UserRead);

        LocalPostgresPaths.FindBinDirectory(null, v => v switch { "PG_BINDIR" => fromEnv, "PATH" => fromPath, _ => null })
            .ShouldBe(fromEnv);
        LocalPostgresPaths.FindBinDirectory(null, v => v == "PATH" ? $"{incomplete}:{fromPath}" : null)
            .ShouldBe(fromPath);
    }

    [Fact]
    public void A_configured_bin_folder_is_the_only_one_looked_at()
    {
        var fromEnv = FakeBin("env");
        var empty = _folder.Combine("empty");
        Directory.CreateDirectory(empty);

        Should.Throw<LocalPostgresUnavailableException>(
            () => LocalPostgresPaths.FindBinDirectory(empty, v => v == "PG_BINDIR" ? fromEnv : null));
    }

    [Fact]
    public void The_socket_sits_beside_the_data_unless_its_path_would_be_too_long()
    {
        LocalPostgresPaths.SocketDirectory("/var/lib/ruleoflawplan/postgres", 5432).ShouldBe("/var/lib/ruleoflawplan/postgres.run");

        var longData = "/srv/" + new string('x', 100) + "/postgres";
        var socket = LocalPostgresPaths.SocketDirectory(longData, 5432);
        socket.ShouldStartWith("/tmp/rolp-");
        LocalPostgresPaths.SocketDirectory(longData, 5432).ShouldBe(socket);
        LocalPostgresPaths.SocketDirectory(longData + "2", 5432).ShouldNotBe(socket);
    }

    private string FakeBin(string name)
    {
        var dir = _folder.Combine(name);
        Directory.CreateDirectory(dir);
        foreach (var program in new[] { "pg_ctl", "initdb", "postgres" })
        {
            var file = Path.Combine(dir, program);
            File.WriteAllText(file, "#!/bin/sh\n");
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        return dir;
    }

    public void Dispose() => _folder.Dispose();
}

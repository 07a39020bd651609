using System.Globalization;
using System.Runtime.Versioning;
using Microsoft.Extensions.Logging.Abstractions;
using RuleOfLawPlan.Web.Data.LocalPostgres;

namespace RuleOfLawPlan.Web.Tests.LocalPostgres;

/// <summary>Each test runs a cluster of its own in a folder of its own, apart from the run's shared cluster.</summary>
// Unix sockets, uids and file modes: the embedded server is a Linux feature.
[UnsupportedOSPlatform("windows")]
public sealed class LocalPostgresServerTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private string DataDirectory => _folder.Combine("data");

    private LocalPostgresOptions Options(bool throwaway = true) =>
        new() { DataDirectory = DataDirectory, Throwaway = throwaway };

    private static Task<LocalPostgresServer> Start(LocalPostgresOptions options) =>
        LocalPostgresServer.StartAsync(options, NullLogger.Instance, TestContext.Current.CancellationToken);

    [Fact]
    public async Task Starting_on_an_empty_folder_creates_a_cluster_that_answers_on_a_socket_only()
    {
        await using var server = await Start(Options(throwaway: false));

        server.Adopted.ShouldBeFalse();
        File.Exists(Path.Combine(DataDirectory, "PG_VERSION")).ShouldBeTrue();
        server.SocketDirectory.ShouldBe(DataDirectory + ".run");
        (await Sql.Scalar<int>(server.ConnectionString, "SELECT 1")).ShouldBe(1);
        (await Sql.Scalar<string>(server.ConnectionString, "SELECT current_database()")).ShouldBe("ruleoflawplan");
        (await Sql.Scalar<string>(server.ConnectionString, "SHOW listen_addresses")).ShouldBe("");
        (await Sql.Scalar<string>(server.ConnectionString, "SHOW fsync")).ShouldBe("on");
        (await Sql.Scalar<string>(server.ConnectionString, "SHOW server_encoding")).ShouldBe("UTF8");
    }

    [Fact]
    public async Task Data_written_before_a_stop_is_there_after_the_next_start()
    {
        await using (var first = await Start(Options()))
        {
            await Sql.Execute(first.ConnectionString, "CREATE TABLE plan (title text); INSERT INTO plan VALUES ('法治建设')");
        }

        await using var second = await Start(Options());

        second.Adopted.ShouldBeFalse();
        (await Sql.Scalar<string>(second.ConnectionString, "SELECT title FROM plan")).ShouldBe("法治建设");
    }

    [Fact]
    public async Task Stopping_leaves_no_server_process_behind_and_can_be_repeated()
    {
        var server = await Start(Options());
        var pid = PostmasterPid();

        await server.StopAsync();
        await server.StopAsync();
        await server.DisposeAsync();

        File.Exists(Path.Combine(DataDirectory, "postmaster.pid")).ShouldBeFalse();
        (await ExitedWithin(pid, TimeSpan.FromSeconds(10))).ShouldBeTrue();
    }

    [Fact]
    public async Task A_command_run_while_the_app_is_up_uses_its_server_and_leaves_it_running()
    {
        var running = await Start(Options());
        var pid = PostmasterPid();
        // Another live process of the app owns the server: a stand-in whose command line names the app.
        // Its command line names the app from the start, before and after bash's exec: nothing to wait for.
        using var app = System.Diagnostics.Process.Start("bash", ["-c", "exec -a RuleOfLawPlan.Web sleep 60"]);
        await File.WriteAllTextAsync(Path.Combine(DataDirectory, "ruleoflawplan.owner"), app.Id.ToString(CultureInfo.InvariantCulture), TestContext.Current.CancellationToken);

        var command = await Start(Options());
        command.Shared.ShouldBeTrue();
        command.Adopted.ShouldBeFalse();
        await command.StopAsync();

        PostmasterPid().ShouldBe(pid);
        (await Sql.Scalar<int>(running.ConnectionString, "SELECT 1")).ShouldBe(1);
        app.Kill();
        await app.WaitForExitAsync(TestContext.Current.CancellationToken);

        // With the owner gone, the next start takes the server over and stops it.
        var next = await Start(Options());
        next.Adopted.ShouldBeTrue();
        await next.StopAsync();
        (await ExitedWithin(pid, TimeSpan.FromSeconds(10))).ShouldBeTrue();
    }

    [Fact]
    public async Task A_server_left_running_by_a_killed_run_is_adopted_and_then_stopped()
    {
        var orphan = await Start(Options());
        await Sql.Execute(orphan.ConnectionString, "CREATE TABLE kept (n int); INSERT INTO kept VALUES (42)");
        var pid = PostmasterPid();
        // The run "dies" here: the object is dropped without StopAsync, as after kill -9 of the app.

        var adopted = await Start(Options());

        adopted.Adopted.ShouldBeTrue();
        PostmasterPid().ShouldBe(pid);
        (await Sql.Scalar<int>(adopted.ConnectionString, "SELECT n FROM kept")).ShouldBe(42);
        await adopted.StopAsync();
        (await ExitedWithin(pid, TimeSpan.FromSeconds(10))).ShouldBeTrue();
        File.Exists(Path.Combine(DataDirectory, "postmaster.pid")).ShouldBeFalse();
    }

    [Fact]
    public async Task A_stale_pid_file_from_a_dead_server_does_not_prevent_a_start()
    {
        await using (var first = await Start(Options()))
        {
            await Sql.Execute(first.ConnectionString, "CREATE TABLE kept (n int); INSERT INTO kept VALUES (7)");
        }
        // What a crashed server leaves: postmaster.pid naming a process that no longer exists.
        var stalePid = FindDeadPid();
        File.WriteAllText(Path.Combine(DataDirectory, "postmaster.pid"),
            $"{stalePid}\n{DataDirectory}\n1700000000\n5432\n{DataDirectory}.run\n\n  0  0\nready   \n");

        await using var server = await Start(Options());

        server.Adopted.ShouldBeFalse();
        (await Sql.Scalar<int>(server.ConnectionString, "SELECT n FROM kept")).ShouldBe(7);
        PostmasterPid().ShouldNotBe(stalePid);
    }

    [Fact]
    public async Task A_long_data_folder_gets_a_short_socket_folder_under_tmp()
    {
        var deep = _folder.Combine(new string('d', 60), new string('e', 60), "data");
        Directory.CreateDirectory(Path.GetDirectoryName(deep)!);

        await using var server = await Start(Options() with { DataDirectory = deep });

        server.SocketDirectory.ShouldStartWith("/tmp/rolp-");
        (server.SocketDirectory + "/.s.PGSQL.5432").Length.ShouldBeLessThanOrEqualTo(107);
        (await Sql.Scalar<int>(server.ConnectionString, "SELECT 1")).ShouldBe(1);
        await server.StopAsync();
        Directory.Delete(server.SocketDirectory, recursive: true);
    }

    [Fact]
    public async Task Missing_server_programs_give_a_message_that_says_what_to_install()
    {
        var emptyBin = _folder.Combine("bin");
        Directory.CreateDirectory(emptyBin);

        var error = await Should.ThrowAsync<LocalPostgresUnavailableException>(
            () => Start(Options() with { BinDirectory = emptyBin }));

        error.Message.ShouldContain(emptyBin);
        error.Message.ShouldContain("apt-get install postgresql");
        error.Message.ShouldContain("dnf install postgresql-server");
        error.Message.ShouldContain("ConnectionStrings__Plan=");
        error.Message.ShouldContain("未找到 PostgreSQL");
        Directory.Exists(DataDirectory).ShouldBeFalse();
    }

    [Fact]
    public async Task As_root_a_missing_server_account_is_named_in_the_message()
    {
        Assert.SkipUnless(NativeMethods.IsRoot, "Only root runs the server as another account.");

        var error = await Should.ThrowAsync<LocalPostgresUnavailableException>(
            () => Start(Options() with { OsUser = "rolp-no-such-user" }));

        error.Message.ShouldContain("'rolp-no-such-user'");
        error.Message.ShouldContain("LocalPostgres:OsUser");
    }

    [Fact]
    public async Task As_root_a_data_folder_the_server_account_cannot_reach_is_refused_clearly()
    {
        Assert.SkipUnless(NativeMethods.IsRoot, "Only root can create a folder the server account cannot enter.");
        var closed = _folder.Combine("closed");
        Directory.CreateDirectory(closed);
        File.SetUnixFileMode(closed, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var error = await Should.ThrowAsync<LocalPostgresException>(
            () => Start(Options() with { DataDirectory = Path.Combine(closed, "data") }));

        error.Message.ShouldContain("cannot reach");
        error.Message.ShouldContain("/root");
    }

    private int PostmasterPid() =>
        int.Parse(File.ReadLines(Path.Combine(DataDirectory, "postmaster.pid")).First(), CultureInfo.InvariantCulture);

    // A zombie is dead too: it only waits for its parent (here possibly a non-reaping init) to collect it.
    /// <summary>
    /// pg_ctl stop -w returns once postmaster.pid is gone; the process itself ends a moment later,
    /// which a loaded machine can stretch.
    /// </summary>
    private static async Task<bool> ExitedWithin(int pid, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (IsAlive(pid))
        {
            if (DateTime.UtcNow > deadline) return false;
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
        return true;
    }

    private static bool IsAlive(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        if (!File.Exists(stat)) return false;
        try
        {
            var text = File.ReadAllText(stat);
            return text[(text.LastIndexOf(')') + 2)] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static int FindDeadPid()
    {
        for (var pid = 4_000_000; ; pid--)
        {
            if (!Directory.Exists($"/proc/{pid}")) return pid;
        }
    }

    public void Dispose() => _folder.Dispose();
}

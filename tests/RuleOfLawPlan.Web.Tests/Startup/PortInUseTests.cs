using System.Net;
using System.Net.Sockets;
using System.Runtime.Versioning;
using Microsoft.Extensions.Logging.Abstractions;
using RuleOfLawPlan.Web.Data.LocalPostgres;

namespace RuleOfLawPlan.Web.Tests.Startup;

/// <summary>The app as a newcomer starts it, as a process with its own PostgreSQL, on a port another program holds.</summary>
[UnsupportedOSPlatform("windows")]
public sealed class PortInUseTests : IAsyncDisposable
{
    private readonly TempFolder _folder = new();

    private LocalPostgresOptions Options => new() { DataDirectory = _folder.Combine("data"), Throwaway = true };

    [Fact]
    public async Task A_taken_port_is_named_in_one_line_with_how_to_choose_another_and_the_database_is_stopped()
    {
        using var other = new TcpListener(IPAddress.Loopback, 0);
        other.Start();
        var port = ((IPEndPoint)other.LocalEndpoint).Port;

        var run = await AppProcess.RunAsync(["--urls", $"http://localhost:{port}"], new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["LocalPostgres__DataDirectory"] = Options.DataDirectory!,
            ["LocalPostgres__Throwaway"] = "true",
        }, _folder.Path);

        run.ExitCode.ShouldNotBe(0);
        var line = run.Output.Split('\n').Where(l => l.Contains("已被其他程序占用")).ShouldHaveSingleItem();
        line.ShouldContain($"端口 {port} ");
        line.ShouldContain($"--urls http://localhost:{port + 1}");
        line.ShouldContain("ASPNETCORE_URLS");
        run.Output.ShouldNotContain("Exception");
        run.Output.ShouldNotContain("   at ");
        File.Exists(_folder.Combine("data", "postmaster.pid")).ShouldBeFalse();
    }

    public async ValueTask DisposeAsync()
    {
        // Should the app have left its server running, stop it here rather than leave it to the machine.
        if (File.Exists(_folder.Combine("data", "postmaster.pid")))
            await (await LocalPostgresServer.StartAsync(Options, NullLogger.Instance)).StopAsync();
        _folder.Dispose();
    }
}

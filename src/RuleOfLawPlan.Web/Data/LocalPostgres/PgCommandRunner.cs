using System.Diagnostics;

namespace RuleOfLawPlan.Web.Data.LocalPostgres;

/// <summary>
/// Runs PostgreSQL's programs, through runuser when the app is root (initdb, pg_ctl and postgres refuse uid 0).
/// Output is always captured and every call is bounded in time, so a hung child cannot hang the app.
/// </summary>
internal sealed class PgCommandRunner(string binDirectory, string? runAsUser, TimeSpan timeout, ILogger logger)
{
    private static readonly string[] RunuserFolders = ["/usr/sbin", "/sbin", "/usr/bin", "/bin"];

    /// <summary>The account the programs run as when the app is root; null when they run as the app's own user.</summary>
    public string? RunAsUser => runAsUser;

    public Task<CommandResult> RunProgramAsync(string program, IEnumerable<string> arguments, CancellationToken ct) =>
        RunAsync(Path.Combine(binDirectory, program), arguments, ct);

    /// <summary>Runs any command as the account that owns the cluster.</summary>
    public async Task<CommandResult> RunAsync(string fileName, IEnumerable<string> arguments, CancellationToken ct)
    {
        var startInfo = new ProcessStartInfo
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // The server account may not be allowed into the app's working folder; "/" it can always enter.
            WorkingDirectory = "/",
        };
        if (runAsUser is null)
        {
            startInfo.FileName = fileName;
        }
        else
        {
            startInfo.FileName = FindRunuser();
            foreach (var arg in (string[])["-u", runAsUser, "--", fileName]) startInfo.ArgumentList.Add(arg);
        }
        foreach (var arg in arguments) startInfo.ArgumentList.Add(arg);
        // English, unlocalised messages make the log tails we put in exceptions readable for anyone.
        startInfo.Environment["LC_ALL"] = "C";

        var commandLine = string.Join(' ', startInfo.ArgumentList.Prepend(startInfo.FileName));
        logger.LogDebug("Running {Command}", commandLine);
        var watch = Stopwatch.StartNew();

        using var process = Process.Start(startInfo)
            ?? throw new LocalPostgresException(LocalPostgresMessages.CouldNotRun(commandLine));
        process.StandardInput.Close();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        var stdout = process.StandardOutput.ReadToEndAsync(deadline.Token);
        var stderr = process.StandardError.ReadToEndAsync(deadline.Token);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
            var result = new CommandResult(process.ExitCode, await stdout, await stderr);
            logger.LogDebug("{Command} exited with {ExitCode} after {Elapsed} ms", commandLine, result.ExitCode, watch.ElapsedMilliseconds);
            return result;
        }
        catch (OperationCanceledException)
        {
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            if (ct.IsCancellationRequested) throw;
            throw new LocalPostgresException(LocalPostgresMessages.TimedOut(commandLine, timeout));
        }
    }

    private static string FindRunuser() =>
        RunuserFolders.Select(dir => Path.Combine(dir, "runuser")).FirstOrDefault(File.Exists)
        ?? throw new LocalPostgresUnavailableException(LocalPostgresMessages.RunuserMissing);
}

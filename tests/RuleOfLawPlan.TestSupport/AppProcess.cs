using System.Diagnostics;

namespace RuleOfLawPlan.TestSupport;

/// <summary>
/// The built app (RuleOfLawPlan.Web, copied next to the tests) run as a process of its own, for what only a
/// real process shows: its exit code and everything it prints, stack traces included.
/// </summary>
public static class AppProcess
{
    /// <summary>What the app printed and how it ended.</summary>
    public sealed record Result(int ExitCode, string StandardOutput, string StandardError)
    {
        public string Output => StandardOutput + StandardError;
    }

    // Not a speed limit: only turns a hung process into a failing test instead of a stuck run.
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(5);

    /// <param name="runAsUser">Run through runuser as this account (the caller must be root).</param>
    public static async Task<Result> RunAsync(IEnumerable<string> args, IReadOnlyDictionary<string, string> environment,
        string workingDirectory, string? runAsUser = null)
    {
        var app = Path.Combine(AppContext.BaseDirectory, "RuleOfLawPlan.Web");
        var startInfo = new ProcessStartInfo
        {
            FileName = runAsUser is null ? app : "runuser",
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        if (runAsUser is not null)
        {
            foreach (var arg in (string[])["-u", runAsUser, "--", app]) startInfo.ArgumentList.Add(arg);
        }
        foreach (var arg in args) startInfo.ArgumentList.Add(arg);
        // The app must not pick up the test run's own settings.
        foreach (var name in startInfo.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.Ordinal)
                     || k.StartsWith("ConnectionStrings__", StringComparison.Ordinal) || k.StartsWith("LocalPostgres__", StringComparison.Ordinal)).ToList())
        {
            startInfo.Environment.Remove(name);
        }
        foreach (var (name, value) in environment) startInfo.Environment[name] = value;

        using var process = Process.Start(startInfo)!;
        process.StandardInput.Close();
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        guard.CancelAfter(HangGuard);
        var stdout = process.StandardOutput.ReadToEndAsync(guard.Token);
        var stderr = process.StandardError.ReadToEndAsync(guard.Token);
        try
        {
            await process.WaitForExitAsync(guard.Token);
            return new Result(process.ExitCode, await stdout, await stderr);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
    }
}

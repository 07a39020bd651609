namespace RuleOfLawPlan.Web.Data.LocalPostgres;

/// <summary>What Linux's /proc says about another process.</summary>
internal static class ProcFs
{
    /// <summary>
    /// A zombie has exited but was not collected by its parent. pg_ctl (and the postmaster) take one for a
    /// live server; zombies stay where init does not reap orphans (some containers).
    /// </summary>
    public static bool IsZombie(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The state follows the command name, which is in parentheses and may itself contain ')'.
            return stat[stat.LastIndexOf(')') + 2] == 'Z';
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>The process's command line (arguments separated by NUL), or null when it is gone or hidden.</summary>
    public static string? CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}

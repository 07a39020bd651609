using System.Globalization;

namespace RuleOfLawPlan.Web.Data.LocalPostgres;

/// <summary>
/// <c>&lt;data&gt;/ruleoflawplan.owner</c> names the app process that started or adopted the server, so a second
/// process (an administrator's command run while the site is up) can tell a live owner from a killed one.
/// </summary>
internal static class OwnerFile
{
    public static void Claim(string dataDirectory) =>
        File.WriteAllText(ClusterFiles.Owner(dataDirectory), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));

    public static void Release(string dataDirectory) => File.Delete(ClusterFiles.Owner(dataDirectory));

    /// <summary>The owner process when it is another live process of this app; null when it is gone (or is us).</summary>
    public static int? LiveOwner(string dataDirectory)
    {
        string text;
        try
        {
            text = File.ReadAllText(ClusterFiles.Owner(dataDirectory));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        if (!int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            || pid == Environment.ProcessId || ProcFs.IsZombie(pid))
        {
            return null;
        }
        // A recycled pid belongs to some other program; only a process of this app counts as an owner.
        return ProcFs.CommandLine(pid)?.Contains("RuleOfLawPlan", StringComparison.Ordinal) == true ? pid : null;
    }
}

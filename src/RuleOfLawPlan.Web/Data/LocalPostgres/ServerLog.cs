namespace RuleOfLawPlan.Web.Data.LocalPostgres;

/// <summary>The server's log file: kept to two generations, and its last lines quoted when something fails.</summary>
internal static class ServerLog
{
    private const long RotateBytes = 10 * 1024 * 1024;

    /// <summary>pg_ctl appends forever; one previous generation is enough for diagnosis.</summary>
    public static void Rotate(string logFile)
    {
        if (File.Exists(logFile) && new FileInfo(logFile).Length > RotateBytes)
        {
            File.Move(logFile, logFile + ".1", overwrite: true);
        }
    }

    public static string Tail(string logFile, int maxLines = 30)
    {
        try
        {
            if (!File.Exists(logFile)) return "";
            using var stream = new FileStream(logFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            stream.Seek(Math.Max(0, stream.Length - 8192), SeekOrigin.Begin);
            using var reader = new StreamReader(stream);
            var lines = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(maxLines);
            return $"\n--- last lines of {logFile} ---\n{string.Join('\n', lines)}";
        }
        catch (IOException e)
        {
            return $"\n(could not read {logFile}: {e.Message})";
        }
    }
}

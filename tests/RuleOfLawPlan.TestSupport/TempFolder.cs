namespace RuleOfLawPlan.TestSupport;

/// <summary>
/// A folder under /tmp, removed on dispose. Not Directory.CreateTempSubdirectory: that one is 0700,
/// and as root the postgres account must be able to pass through it.
/// </summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder(string prefix = "rolp-test-")
    {
        Path = System.IO.Path.Combine("/tmp", prefix + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}

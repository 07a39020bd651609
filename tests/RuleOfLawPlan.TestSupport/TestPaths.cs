namespace RuleOfLawPlan.TestSupport;

public static class TestPaths
{
    /// <summary>The checkout's root folder (where RuleOfLawPlan.sln is), for tests that read the repository's own files.</summary>
    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "RuleOfLawPlan.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }
}

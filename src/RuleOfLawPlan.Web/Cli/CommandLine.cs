namespace RuleOfLawPlan.Web.Cli;

public enum CommandVerb
{
    Serve,
    Migrate,
    ImportPlan,
}

/// <summary>
/// Administrator commands in front of the usual host arguments:
/// <c>migrate</c>, <c>import-plan FILE [--dry-run]</c>. Anything else goes to the web host unchanged.
/// </summary>
public sealed record CommandLine(CommandVerb Verb, string? File, bool DryRun, string[] HostArgs, string? Error)
{
    public const string Usage = """
        用法 / usage:
          dotnet run --project src/RuleOfLawPlan.Web                         运行网站 / run the web app
          dotnet run --project src/RuleOfLawPlan.Web -- migrate              应用数据库迁移 / apply migrations
          dotnet run --project src/RuleOfLawPlan.Web -- import-plan FILE     导入计划为草稿 / import a plan as a draft
          dotnet run --project src/RuleOfLawPlan.Web -- import-plan FILE --dry-run
                                                                             只解析并输出 JSON / parse and print JSON only
        """;

    public static CommandLine Parse(string[] args)
    {
        if (args.Length == 0) return new(CommandVerb.Serve, null, false, args, null);
        switch (args[0])
        {
            case "migrate":
                return new(CommandVerb.Migrate, null, false, args[1..], null);
            case "import-plan":
                var rest = args[1..].ToList();
                var dryRun = rest.Remove("--dry-run");
                var file = rest.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
                if (file is null) return new(CommandVerb.ImportPlan, null, dryRun, [], "import-plan 需要一个文件路径 / import-plan needs a FILE");
                rest.Remove(file);
                return new(CommandVerb.ImportPlan, file, dryRun, [.. rest], null);
            default:
                return new(CommandVerb.Serve, null, false, args, null);
        }
    }
}

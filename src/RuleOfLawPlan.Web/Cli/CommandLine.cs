namespace RuleOfLawPlan.Web.Cli;

/// <summary>
/// Administrator commands in front of the usual host arguments:
/// <c>migrate</c>, <c>import-plan FILE [--dry-run]</c>, <c>create-admin USERNAME [--reset]</c>.
/// Anything else goes to the web host unchanged.
/// </summary>
public sealed record CommandLine(CommandVerb Verb, string? File, bool DryRun, string[] HostArgs, string? Error,
    string? UserName = null, bool Reset = false)
{
    public const string Usage = """
        用法 / usage:
          dotnet run --project src/RuleOfLawPlan.Web                         运行网站 / run the web app
          dotnet run --project src/RuleOfLawPlan.Web -- migrate              应用数据库迁移 / apply migrations
          dotnet run --project src/RuleOfLawPlan.Web -- import-plan FILE     导入计划为草稿 / import a plan as a draft
          dotnet run --project src/RuleOfLawPlan.Web -- import-plan FILE --dry-run
                                                                             只解析并输出 JSON / parse and print JSON only
          dotnet run --project src/RuleOfLawPlan.Web -- create-admin USERNAME [--reset]
                                                                             创建系统管理员（密码取自 ROLP_ADMIN_PASSWORD 或终端输入）
                                                                             / create an administrator (password from ROLP_ADMIN_PASSWORD or typed)
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
            case "create-admin":
                var options = args[1..].ToList();
                var reset = options.Remove("--reset");
                var userName = options.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
                if (userName is null) return new(CommandVerb.CreateAdmin, null, false, [], "create-admin 需要一个用户名 / create-admin needs a USERNAME");
                options.Remove(userName);
                return new(CommandVerb.CreateAdmin, null, false, [.. options], null, userName, reset);
            default:
                return new(CommandVerb.Serve, null, false, args, null);
        }
    }
}

using System.Globalization;
using RuleOfLawPlan.Web.Data.Demo;

namespace RuleOfLawPlan.Web.Cli;

/// <summary>
/// Administrator commands in front of the usual host arguments:
/// <c>migrate</c>, <c>import-plan FILE [--dry-run]</c>, <c>create-admin USERNAME [--reset]</c>,
/// <c>generate-data [--scale 1|10|100 | --tasks N --updates N --prior-years N] [--seed N]</c> (Development only).
/// Anything else goes to the web host unchanged.
/// </summary>
public sealed record CommandLine(CommandVerb Verb, string? File, bool DryRun, string[] HostArgs, string? Error,
    string? UserName = null, bool Reset = false, ScaleOptions? Scale = null)
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
          dotnet run --project src/RuleOfLawPlan.Web -- generate-data --scale 100 [--seed N]
          dotnet run --project src/RuleOfLawPlan.Web -- generate-data --tasks 300 --updates 10000 --prior-years 1
                                                                             开发环境：生成规模测试数据（须为新库）
                                                                             / Development: fill a fresh database with data at scale
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
            case "generate-data":
                return ParseGenerateData(args[1..]);
            default:
                return new(CommandVerb.Serve, null, false, args, null);
        }
    }

    /// <summary><c>--scale</c> takes a preset; <c>--tasks</c>, <c>--updates</c> and <c>--prior-years</c> set sizes (of the 100× preset unless given).</summary>
    private static CommandLine ParseGenerateData(string[] args)
    {
        const string Wrong = "generate-data 参数有误 / generate-data: --scale 1|10|100, or --tasks N --updates N --prior-years N, and --seed N";
        var values = new Dictionary<string, int>();
        var host = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is "--scale" or "--tasks" or "--updates" or "--prior-years" or "--seed")
            {
                if (i + 1 >= args.Length || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
                    return new(CommandVerb.GenerateData, null, false, [], Wrong);
                values[args[i]] = value;
                i++;
            }
            else
            {
                host.Add(args[i]);
            }
        }
        var preset = values.TryGetValue("--scale", out var factor) ? ScaleOptions.ForFactor(factor) : ScaleOptions.Hundred;
        if (preset is null) return new(CommandVerb.GenerateData, null, false, [], Wrong);
        var scale = preset with
        {
            Tasks = values.GetValueOrDefault("--tasks", preset.Tasks),
            Updates = values.GetValueOrDefault("--updates", preset.Updates),
            PriorYears = values.GetValueOrDefault("--prior-years", preset.PriorYears),
            Seed = values.GetValueOrDefault("--seed", preset.Seed),
        };
        return new(CommandVerb.GenerateData, null, false, [.. host], null, Scale: scale);
    }
}

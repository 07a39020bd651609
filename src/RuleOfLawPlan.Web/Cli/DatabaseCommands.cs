using Microsoft.EntityFrameworkCore;
using RuleOfLawPlan.Web.Data;

namespace RuleOfLawPlan.Web.Cli;

public static class DatabaseCommands
{
    /// <summary>Production's explicit schema upgrade: <c>RuleOfLawPlan.Web migrate</c>.</summary>
    public static async Task<int> MigrateAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanDb>();
        var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
        await DatabaseSetup.MigrateAsync(db, CancellationToken.None);
        Console.WriteLine(pending.Count == 0
            ? "数据库已是最新 / database is up to date"
            : $"已应用 {pending.Count} 个迁移 / applied: {string.Join(", ", pending)}");
        return 0;
    }
}

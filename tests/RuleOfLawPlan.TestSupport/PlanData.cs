using Microsoft.EntityFrameworkCore;
using RuleOfLawPlan.Domain.Plans;

namespace RuleOfLawPlan.TestSupport;

/// <summary>Looks up the seeded 2023 plan's tasks and sections, and reads what the app stored.</summary>
public static class PlanData
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<int> TaskIdAsync(this AppFixture app, int area, int? number)
    {
        await using var db = app.CreateDb();
        return await db.Tasks.Where(t => t.Area.Ordinal == area && t.Number == number).Select(t => t.Id).SingleAsync(Ct);
    }

    public static async Task<int> SectionIdAsync(this AppFixture app, string name)
    {
        await using var db = app.CreateDb();
        return await db.Sections.Where(s => s.Name == name).Select(s => s.Id).SingleAsync(Ct);
    }

    public static async Task<PlanTask> TaskAsync(this AppFixture app, int id)
    {
        await using var db = app.CreateDb();
        return await db.Tasks.AsNoTracking().Include(t => t.Supports).SingleAsync(t => t.Id == id, Ct);
    }

    public static async Task<int> UpdateCountAsync(this AppFixture app, int taskId)
    {
        await using var db = app.CreateDb();
        return await db.ProgressUpdates.CountAsync(u => u.PlanTaskId == taskId, Ct);
    }

    public static async Task<long> AuditCountAsync(this AppFixture app)
    {
        await using var db = app.CreateDb();
        return await db.AuditEntries.LongCountAsync(Ct);
    }

    public static async Task<uint> TaskVersionAsync(this AppFixture app, int id) => (await app.TaskAsync(id)).Version;
}

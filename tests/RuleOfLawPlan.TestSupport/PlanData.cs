using Microsoft.EntityFrameworkCore;
using System.Security.Cryptography;
using RuleOfLawPlan.Domain.Activities;
using RuleOfLawPlan.Domain.Plans;
using RuleOfLawPlan.Web.Data.Evidence;

namespace RuleOfLawPlan.TestSupport;

/// <summary>Makes the plan data a test asserts on, looks up the seeded 2023 plan's tasks and sections, and reads what the app stored.</summary>
public static class PlanData
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A task of the seeded 2023 plan (the database's first plan; tests add others), by its numbers in the document.</summary>
    public static async Task<int> TaskIdAsync(this AppFixture app, int area, int? number)
    {
        await using var db = app.CreateDb();
        return await db.Tasks.Where(t => t.WorkPlanId == db.Plans.Min(p => p.Id) && t.Area.Ordinal == area && t.Number == number)
            .Select(t => t.Id).SingleAsync(Ct);
    }

    /// <summary>
    /// A task of the test's own, assigned as given, in a plan of its own: an active plan of an earlier year, so the
    /// seeded 2023 plan stays the app's current plan. Nothing another test does changes it, and changing it changes
    /// nothing another test looks at. Made outside the app, so it leaves no audit entries.
    /// </summary>
    public static async Task<int> NewTaskAsync(this AppFixture app, string lead = "综合执法科", string[]? supporting = null,
        string? responsibleLeader = null)
    {
        supporting ??= [];
        await using var db = app.CreateDb();
        var sections = await db.Sections.Where(s => s.Name == lead || supporting.Contains(s.Name)).ToDictionaryAsync(s => s.Name, s => s.Id, Ct);
        var organizationId = await db.Organizations.Select(o => o.Id).FirstAsync(Ct);
        var plan = new WorkPlan(organizationId, 2022, "测试计划" + Guid.NewGuid().ToString("N")[..8], null, null);
        var task = plan.AddArea("测试重点工作", "").AddTask(1, "测试任务", "");
        task.Assign(sections[lead], supporting.Select(name => sections[name]), responsibleLeader, deadline: null, expectedOutcome: null);
        plan.Activate();
        db.Plans.Add(plan);
        await db.SaveChangesAsync(Ct);
        return task.Id;
    }

    /// <summary>
    /// A task of the test's own (as <see cref="NewTaskAsync"/>, led by 综合执法科 and supported by 市容环境卫生管理科) naming
    /// one KPI of each kind: 满意度 ≥ 90 % (a percentage), 法制审核人员 ≥ 5 % (a ratio) and 行政诉讼案件数 双下降 (year on year).
    /// </summary>
    public static async Task<(int TaskId, int Satisfaction, int Reviewers, int Lawsuits)> NewTaskWithKpisAsync(this AppFixture app)
    {
        await using var db = app.CreateDb();
        var sections = await db.Sections.Where(s => s.Name == "综合执法科" || s.Name == "市容环境卫生管理科").ToDictionaryAsync(s => s.Name, s => s.Id, Ct);
        var organizationId = await db.Organizations.Select(o => o.Id).FirstAsync(Ct);
        var plan = new WorkPlan(organizationId, 2022, "测试计划" + Guid.NewGuid().ToString("N")[..8], null, null);
        var task = plan.AddArea("测试重点工作", "").AddTask(1, "测试任务", "");
        task.Assign(sections["综合执法科"], [sections["市容环境卫生管理科"]], null, deadline: null, expectedOutcome: null);
        var satisfaction = task.AddKpi("城市管理行政执法社会满意度", "社会满意度达90%以上", KpiComparator.AtLeast, 90, "%", KpiKind.Percentage);
        var reviewers = task.AddKpi("法制审核人员", "不少于本单位执法人员总数的5%", KpiComparator.AtLeast, 5, "%", KpiKind.Ratio);
        var lawsuits = task.AddKpi("行政诉讼案件数", "行政诉讼案件数和败诉数“双下降”", KpiComparator.DecreaseYearOnYear, null, "", KpiKind.YearOnYearCount);
        plan.Activate();
        db.Plans.Add(plan);
        await db.SaveChangesAsync(Ct);
        return (task.Id, satisfaction.Id, reviewers.Id, lawsuits.Id);
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

    /// <summary>
    /// A progress update of the task's lead section with one evidence file, stored as the app stores it (the row and
    /// its content in one transaction), made outside the app. Returns the file's id.
    /// </summary>
    public static async Task<long> NewEvidenceAsync(this AppFixture app, int taskId, string fileName, byte[] content)
    {
        await using var db = app.CreateDb();
        var task = await db.Tasks.Include(t => t.Plan).Include(t => t.Supports).SingleAsync(t => t.Id == taskId, Ct);
        await using var transaction = await db.Database.BeginTransactionAsync(Ct);
        var update = task.RecordProgress(task.LeadSectionId!.Value, new DateOnly(2023, 6, 1), 10, "测试进展", "测试", DateTimeOffset.UtcNow);
        var kind = EvidenceFormats.Check(fileName, new MemoryStream(content));
        var file = task.AttachEvidence(update, fileName, kind, content.Length, Convert.ToHexStringLower(SHA256.HashData(content)),
            "测试", DateTimeOffset.UtcNow);
        await db.SaveChangesAsync(Ct);
        await EvidenceStore.WriteAsync(db, file.Id, new MemoryStream(content), Ct);
        await transaction.CommitAsync(Ct);
        return file.Id;
    }

    /// <summary>How many evidence rows the database holds for a task, and how many content chunks it holds in all.</summary>
    public static async Task<(int Files, int Chunks)> EvidenceCountAsync(this AppFixture app, int taskId)
    {
        await using var db = app.CreateDb();
        var files = await db.EvidenceFiles.CountAsync(f => f.PlanTaskId == taskId, Ct);
        var chunks = await db.EvidenceChunks.CountAsync(Ct);
        return (files, chunks);
    }

    /// <summary>
    /// A 领导履职台账 entry in the register of plan <paramref name="planId"/>, made outside the app (no audit entries), with
    /// one file when <paramref name="fileName"/> is given. Returns the entry's id and its file's (0 without a file).
    /// </summary>
    public static async Task<(int ActivityId, long FileId)> NewActivityAsync(this AppFixture app, int planId, string title,
        LeadershipActivityKind kind = LeadershipActivityKind.PartyGroupMeeting, string? fileName = null, byte[]? content = null)
    {
        await using var db = app.CreateDb();
        var plan = await db.Plans.SingleAsync(p => p.Id == planId, Ct);
        await using var transaction = await db.Database.BeginTransactionAsync(Ct);
        var activity = new LeadershipActivity(plan, kind, new DateOnly(plan.Year, 3, 15), title, "局党组书记、局长", "听取法治政府建设工作汇报",
            [], "测试", DateTimeOffset.UtcNow);
        ActivityEvidenceFile? file = null;
        if (fileName is not null)
        {
            content ??= EvidenceSamples.Pdf();
            var kindOfFile = EvidenceFormats.Check(fileName, new MemoryStream(content));
            file = activity.AttachEvidence(fileName, kindOfFile, content.Length, Convert.ToHexStringLower(SHA256.HashData(content)),
                "测试", DateTimeOffset.UtcNow);
        }
        db.LeadershipActivities.Add(activity);
        await db.SaveChangesAsync(Ct);
        if (file is not null)
            await EvidenceStore.WriteAsync(db, EvidenceStore.ChunkTable.Activities, file.Id, new MemoryStream(content!), Ct);
        await transaction.CommitAsync(Ct);
        return (activity.Id, file?.Id ?? 0);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RuleOfLawPlan.Domain;
using RuleOfLawPlan.Domain.Plans;
using RuleOfLawPlan.Web.Data;

namespace RuleOfLawPlan.Web.Tests.Data;

/// <summary>A change to any part of an aggregate moves its root's version (docs/decisions/012-one-version-per-aggregate.md).</summary>
public sealed class AggregateVersionTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Every_domain_entity_is_an_aggregate_root_or_a_part_whose_parents_lead_to_one()
    {
        using var db = app.CreateDb();
        var problems = new List<string>();
        var domain = db.Model.GetEntityTypes().Where(t => t.ClrType.Assembly == typeof(IAggregateRoot).Assembly).ToList();
        foreach (var type in domain)
        {
            var name = type.ClrType.Name;
            if (AggregateVersions.IsRoot(type) == AggregateVersions.IsPart(type))
            {
                problems.Add(AggregateVersions.IsRoot(type)
                    ? $"{name} is both a root and a part"
                    : $"{name} is neither an IAggregateRoot nor an IAggregatePart<TParent>: say which aggregate it belongs to");
                continue;
            }
            if (AggregateVersions.IsRoot(type))
            {
                var version = type.FindProperty(nameof(IAggregateRoot.Version));
                if (version is not { IsConcurrencyToken: true } || version.GetColumnName() != "xmin")
                    problems.Add($"{name}.Version is not the xmin concurrency token ([Timestamp] uint Version)");
                if (AggregateVersions.TouchProperty(type) is null)
                    problems.Add($"{name} has no plain column a change to its parts could mark modified");
                continue;
            }
            try
            {
                var current = (Microsoft.EntityFrameworkCore.Metadata.IReadOnlyEntityType)type;
                for (var depth = 0; !AggregateVersions.IsRoot(current); depth++)
                {
                    if (depth == 10 || !AggregateVersions.IsPart(current))
                    {
                        problems.Add($"{name}: its parents do not lead to a root ({current.ClrType.Name})");
                        break;
                    }
                    current = AggregateVersions.ParentKey(current)!.PrincipalEntityType;
                }
            }
            catch (InvalidOperationException ex)
            {
                problems.Add(ex.Message);
            }
        }

        domain.Count.ShouldBeGreaterThan(8);
        problems.ShouldBeEmpty();
    }

    [Fact]
    public void An_entity_with_a_foreign_key_into_an_aggregate_is_part_of_one_or_guards_itself()
    {
        using var db = app.CreateDb();

        var unguarded = db.Model.GetEntityTypes()
            .Where(t => !AggregateVersions.IsRoot(t) && !AggregateVersions.IsPart(t) && !t.GetProperties().Any(p => p.IsConcurrencyToken))
            .Where(t => t.GetForeignKeys().Any(k => AggregateVersions.IsRoot(k.PrincipalEntityType) || AggregateVersions.IsPart(k.PrincipalEntityType)))
            .Select(t => t.ClrType.Name)
            .ToList();

        unguarded.ShouldBeEmpty("these hang from an aggregate but neither declare IAggregatePart<TParent> nor carry a concurrency token");
    }

    /// <summary>Each case works on a task of its own (the index-th task with supporting sections).</summary>
    private static readonly string[] Cases =
    [
        "TaskSupport added", "TaskSupport removed", "Kpi added", "Deliverable added", "ProgressUpdate added", "Instruction added",
        "KeyArea added", "PlanRequirement added",
    ];

    public static TheoryData<string> CaseNames => [.. Cases];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task A_change_to_a_part_alone_moves_the_roots_version_and_writes_no_empty_audit_row(string change)
    {
        using var scope = app.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanDb>();
        var task = await db.Tasks.Include(t => t.Plan).Include(t => t.Supports)
            .Where(t => t.Supports.Any()).OrderBy(t => t.Id).Skip(Array.IndexOf(Cases, change)).FirstAsync(Ct);
        // The plan numbers a new area or requirement after those it has.
        await db.Entry(task.Plan).Collection(p => p.Areas).LoadAsync(Ct);
        await db.Entry(task.Plan).Collection(p => p.Requirements).LoadAsync(Ct);
        var supporting = task.Supports[0].SectionId;
        var assigned = task.Supports.Select(s => s.SectionId).Append(task.LeadSectionId ?? 0).ToList();
        var extraSection = await db.Sections.Where(s => !assigned.Contains(s.Id)).Select(s => s.Id).FirstAsync(Ct);
        IAggregateRoot root = change.StartsWith("KeyArea", StringComparison.Ordinal) || change.StartsWith("PlanRequirement", StringComparison.Ordinal)
            ? task.Plan
            : task;
        var (rootType, rootKey) = root is WorkPlan plan ? (nameof(WorkPlan), plan.Id) : (nameof(PlanTask), task.Id);
        var before = await VersionAsync(root);
        var rootAudits = await RootAuditCountAsync(rootType, rootKey);

        switch (change)
        {
            case "TaskSupport added": task.Assign(task.LeadSectionId, task.Supports.Select(s => s.SectionId).Append(extraSection), task.ResponsibleLeader, task.Deadline, task.ExpectedOutcome); break;
            case "TaskSupport removed": task.Assign(task.LeadSectionId, [], task.ResponsibleLeader, task.Deadline, task.ExpectedOutcome); break;
            case "Kpi added": task.AddKpi("测试指标满意率", "满意率达90%以上", KpiComparator.AtLeast, 90, "%", KpiKind.Percentage); break;
            case "Deliverable added": task.AddDeliverable("《测试管理办法》", DeliverableAction.Draft); break;
            case "ProgressUpdate added": task.RecordProgress(supporting, new DateOnly(2023, 6, 1), 30, "配合科室填报", "测试", DateTimeOffset.UtcNow); break;
            case "Instruction added": task.AddInstruction("请抓紧推进", "测试领导", DateTimeOffset.UtcNow); break;
            case "KeyArea added": task.Plan.AddArea("测试重点工作", ""); break;
            case "PlanRequirement added": task.Plan.AddRequirement("测试工作要求", ""); break;
            default: throw new ArgumentOutOfRangeException(nameof(change));
        }
        await db.SaveChangesAsync(Ct);

        (await VersionAsync(root)).ShouldNotBe(before);
        (await RootAuditCountAsync(rootType, rootKey)).ShouldBe(rootAudits, "touching the root is not a change to record");
    }

    [Fact]
    public async Task A_task_loaded_before_someone_changed_only_a_part_of_it_cannot_be_saved_over_that_change()
    {
        var taskId = await TaskIdAsync(10);
        await using var stale = app.CreateDb();
        var task = await stale.Tasks.Include(t => t.Plan).Include(t => t.Supports).SingleAsync(t => t.Id == taskId, Ct);
        await using (var other = app.CreateDb())
        {
            var same = await other.Tasks.Include(t => t.Plan).SingleAsync(t => t.Id == taskId, Ct);
            same.AddInstruction("他人先批示", "测试领导", DateTimeOffset.UtcNow);
            await other.SaveChangesAsync(Ct);
        }

        task.Assign(task.LeadSectionId, task.Supports.Select(s => s.SectionId), "过时表单改的领导", task.Deadline, task.ExpectedOutcome);

        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => stale.SaveChangesAsync(Ct));
        await using var check = app.CreateDb();
        (await check.Tasks.Where(t => t.Id == taskId).Select(t => t.ResponsibleLeader).SingleAsync(Ct)).ShouldNotBe("过时表单改的领导");
    }

    [Fact]
    public async Task An_older_version_given_as_the_original_value_refuses_a_change_to_a_part_alone()
    {
        var taskId = await TaskIdAsync(12);
        var opened = await app.TaskVersionAsync(taskId);
        await using (var other = app.CreateDb())
        {
            var same = await other.Tasks.Include(t => t.Plan).SingleAsync(t => t.Id == taskId, Ct);
            same.AddInstruction("他人先批示", "测试领导", DateTimeOffset.UtcNow);
            await other.SaveChangesAsync(Ct);
        }
        await using var db = app.CreateDb();
        var task = await db.Tasks.Include(t => t.Plan).SingleAsync(t => t.Id == taskId, Ct);

        // What TrySaveAsync does with a form's version; EF then sees the root as modified, though it writes none of its columns.
        db.Entry(task).Property(t => t.Version).OriginalValue = opened;
        task.AddInstruction("过时表单的批示", "测试领导", DateTimeOffset.UtcNow);

        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync(Ct));
        await using var check = app.CreateDb();
        (await check.Instructions.CountAsync(i => i.PlanTaskId == taskId && i.Text == "过时表单的批示", Ct)).ShouldBe(0);
    }

    [Fact]
    public async Task A_part_removed_without_loading_its_root_still_moves_the_roots_version()
    {
        var taskId = await TaskIdAsync(11);
        var before = await app.TaskVersionAsync(taskId);
        await using var db = app.CreateDb();

        db.Remove(await db.Set<TaskSupport>().FirstAsync(s => s.PlanTaskId == taskId, Ct));
        await db.SaveChangesAsync(Ct);

        (await app.TaskVersionAsync(taskId)).ShouldNotBe(before);
    }

    private async Task<int> TaskIdAsync(int index)
    {
        await using var db = app.CreateDb();
        return await db.Tasks.Where(t => t.Supports.Any()).OrderBy(t => t.Id).Skip(index).Select(t => t.Id).FirstAsync(Ct);
    }

    private async Task<uint> VersionAsync(IAggregateRoot root)
    {
        await using var db = app.CreateDb();
        return root switch
        {
            WorkPlan plan => await db.Plans.Where(p => p.Id == plan.Id).Select(p => p.Version).SingleAsync(Ct),
            PlanTask task => await db.Tasks.Where(t => t.Id == task.Id).Select(t => t.Version).SingleAsync(Ct),
            _ => throw new ArgumentOutOfRangeException(nameof(root)),
        };
    }

    private async Task<int> RootAuditCountAsync(string entityType, int key)
    {
        await using var db = app.CreateDb();
        var entityKey = key.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await db.AuditEntries.CountAsync(e => e.EntityType == entityType && e.EntityKey == entityKey, Ct);
    }
}

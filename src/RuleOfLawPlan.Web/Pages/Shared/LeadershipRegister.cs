using Microsoft.EntityFrameworkCore;
using RuleOfLawPlan.Domain.Activities;
using RuleOfLawPlan.Web.Data;

namespace RuleOfLawPlan.Web.Pages.Shared;

/// <summary>
/// 领导履职台账 as the pages that report on it read it (the register's list, part 三 of the annual report): a plan's
/// entries grouped by kind, in the order <see cref="LeadershipActivityKind"/> lists the kinds, each kind's entries by date.
/// Three queries whatever the register's size: the entries, their linked tasks, their files.
/// </summary>
public static class LeadershipRegister
{
    /// <summary>A task an entry served, with its numbered title ("（六）1.…").</summary>
    public sealed record LinkedTask(int Id, string Title);

    /// <summary>A file of an entry; download it from <c>/Activities/File</c> with the entry's id and the file's.</summary>
    public sealed record FileRow(long Id, string FileName, long Length);

    public sealed record Entry(int Id, LeadershipActivityKind Kind, DateOnly HeldOn, string Title, string ChairedBy, string Summary,
        IReadOnlyList<LinkedTask> Tasks, IReadOnlyList<FileRow> Files);

    /// <summary>One kind's entries; <see cref="ByKindAsync"/> returns every kind, with none where the register has none.</summary>
    public sealed record KindGroup(LeadershipActivityKind Kind, IReadOnlyList<Entry> Entries)
    {
        public int Count => Entries.Count;
    }

    /// <summary>Every kind in the register's order, each with the plan's entries of that kind by date (then as recorded).</summary>
    public static async Task<IReadOnlyList<KindGroup>> ByKindAsync(PlanDb db, int planId, CancellationToken ct)
    {
        var entries = await EntriesAsync(db, planId, kind: null, ct);
        return [.. Enum.GetValues<LeadershipActivityKind>().Select(k => new KindGroup(k, [.. entries.Where(e => e.Kind == k)]))];
    }

    /// <summary>The plan's entries, of one kind or all, by date (then as recorded).</summary>
    public static async Task<IReadOnlyList<Entry>> EntriesAsync(PlanDb db, int planId, LeadershipActivityKind? kind, CancellationToken ct)
    {
        var activities = db.LeadershipActivities.AsNoTracking()
            .Where(a => a.WorkPlanId == planId && (kind == null || a.Kind == kind));
        var rows = await activities.OrderBy(a => a.HeldOn).ThenBy(a => a.Id)
            .Select(a => new { a.Id, a.Kind, a.HeldOn, a.Title, a.ChairedBy, a.Summary })
            .ToListAsync(ct);
        var links = await activities.SelectMany(a => a.Tasks)
            .Join(db.Tasks, l => l.PlanTaskId, t => t.Id, (l, t) => new
            {
                l.LeadershipActivityId,
                t.Id,
                AreaOrdinal = t.Area.Ordinal,
                t.SortOrder,
                t.Number,
                t.Title,
            })
            .ToListAsync(ct);
        var files = await activities.SelectMany(a => a.Evidence)
            .OrderBy(f => f.Id)
            .Select(f => new { f.LeadershipActivityId, File = new FileRow(f.Id, f.FileName, f.Length) })
            .ToListAsync(ct);
        var tasksOf = links.OrderBy(l => l.AreaOrdinal).ThenBy(l => l.SortOrder)
            .ToLookup(l => l.LeadershipActivityId, l => new LinkedTask(l.Id, Labels.TaskTitle(l.AreaOrdinal, l.Number, l.Title)));
        var filesOf = files.ToLookup(f => f.LeadershipActivityId, f => f.File);
        return [.. rows.Select(r => new Entry(r.Id, r.Kind, r.HeldOn, r.Title, r.ChairedBy, r.Summary, [.. tasksOf[r.Id]], [.. filesOf[r.Id]]))];
    }
}

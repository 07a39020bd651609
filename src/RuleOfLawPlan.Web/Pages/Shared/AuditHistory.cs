using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using RuleOfLawPlan.Domain.Plans;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Data.Audit;

namespace RuleOfLawPlan.Web.Pages.Shared;

/// <summary>
/// Reads the audit trail for the history pages (/audit, a change set's page, a task's 修改记录): entries grouped by
/// the save that wrote them, in Chinese, with a fixed number of queries whatever the number of entries.
/// </summary>
public static class AuditHistory
{
    /// <summary>One field of an entry in words: its label, its value before and after ("" where there was none).</summary>
    /// <param name="Translatable">The values are resource keys (是/否, 未开始…), not text someone wrote.</param>
    /// <param name="Secret">Only the fact of the change was recorded (a password): show that, not a before and after.</param>
    public sealed record FieldChange(string Label, string Before, string After, bool Translatable, bool Secret = false);

    /// <summary>A page that shows an object (<c>Url.Page(Page, Values)</c>), and the place on it.</summary>
    public sealed record PageLink(string Page, object Values, string? Fragment = null);

    /// <summary>
    /// One entry as a sentence: 修改 任务 （六）1. 持续推进行政执法三项制度, with its fields; <see cref="Link"/> is where the
    /// object is seen now, if it has a page and is still there.
    /// </summary>
    public sealed record HistoryEntry(long Id, AuditAction Action, string EntityType, string? Title, PageLink? Link, int? PlanTaskId,
        string? TaskTitle, IReadOnlyList<FieldChange> Fields)
    {
        public bool IsTask => EntityType == nameof(PlanTask);
    }

    /// <summary>How many entries of one kind a change set holds besides those it shows.</summary>
    public sealed record EntryCount(AuditAction Action, string EntityType, int Count);

    /// <summary>
    /// 一次修改: the entries one save wrote (one transaction), shown as one item. <see cref="Entries"/> holds all of
    /// them; for a large set (a plan import) only its headline — the one entry of its kind, such as the plan — or none,
    /// and <see cref="Others"/> counts the rest.
    /// </summary>
    public sealed record ChangeSet(Guid Id, long FirstEntryId, DateTimeOffset At, string? UserName, int EntryCount,
        IReadOnlyList<HistoryEntry> Entries, IReadOnlyList<EntryCount> Others)
    {
        public bool IsSystem => UserName is null;
        public bool ShowsAll => Entries.Count == EntryCount;
    }

    /// <summary>A change set as the shared partial (_AuditChangeSet) shows it; on a task's page, that task is not named again.</summary>
    public sealed record ChangeSetView(ChangeSet Set, int? TaskPageId = null);

    /// <summary>A change set this small is listed whole in /audit; a larger one shows its headline and counts.</summary>
    public const int ListedWhole = 6;

    /// <summary>The words this class puts into field values itself; resource keys like the labels.</summary>
    public static readonly IReadOnlyList<string> ValueWords = ["是", "否", "已修改", "已设置"];


    private static readonly Expression<Func<AuditEntry, AuditRow>> ToRow = e =>
        new AuditRow(e.Id, e.ChangeSetId, e.At, e.UserId, e.UserName, e.Action, e.EntityType, e.EntityKey, e.PlanTaskId, e.Before, e.After);

    /// <summary>A task's history, newest save first, at most <paramref name="limit"/> entries.</summary>
    public static async Task<IReadOnlyList<ChangeSet>> ForTaskAsync(PlanDb db, int taskId, int limit, CancellationToken ct)
    {
        var rows = await db.AuditEntries.AsNoTracking().Where(e => e.PlanTaskId == taskId)
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(limit)
            .Select(ToRow).ToListAsync(ct);
        var describer = await AuditEntryDescriber.LoadAsync(db, rows, ct);
        return [.. rows.GroupBy(r => r.ChangeSetId).Select(set => Build([.. set.OrderBy(r => r.Id)], describer))];
    }

    /// <summary>The number of change sets among <paramref name="entries"/>.</summary>
    public static Task<int> CountAsync(IQueryable<AuditEntry> entries, CancellationToken ct) =>
        entries.Select(e => e.ChangeSetId).Distinct().CountAsync(ct);

    /// <summary>
    /// One page of change sets among <paramref name="entries"/> (already filtered), newest first: three queries, and
    /// one more per kind of object the page names, however many entries the sets hold.
    /// </summary>
    public static async Task<IReadOnlyList<ChangeSet>> PageAsync(PlanDb db, IQueryable<AuditEntry> entries, int skip, int take, CancellationToken ct)
    {
        var sets = await entries.GroupBy(e => e.ChangeSetId)
            .Select(g => new { Id = g.Key, At = g.Max(e => e.At), Last = g.Max(e => e.Id) })
            .OrderByDescending(s => s.At).ThenByDescending(s => s.Last)
            .Skip(skip).Take(take).ToListAsync(ct);
        var ids = sets.Select(s => s.Id).ToList();
        var kinds = (await entries.Where(e => ids.Contains(e.ChangeSetId))
                .GroupBy(e => new { e.ChangeSetId, e.Action, e.EntityType })
                .Select(g => new { g.Key.ChangeSetId, g.Key.Action, g.Key.EntityType, Count = g.Count(), First = g.Min(e => e.Id) })
                .ToListAsync(ct))
            .GroupBy(k => k.ChangeSetId)
            .ToDictionary(g => g.Key, g => g.OrderBy(k => k.First).ToList());

        var whole = kinds.Where(s => s.Value.Sum(k => k.Count) <= ListedWhole).Select(s => s.Key).ToList();
        // A large set is summed up around its one entry of a kind (the plan of an import) if it has one; its first
        // entry is read anyway, for who made the change.
        var large = kinds.Where(s => s.Value.Sum(k => k.Count) > ListedWhole).Select(s => s.Value).ToList();
        var headlines = large.Select(k => k.FirstOrDefault(x => x.Count == 1)?.First).OfType<long>().ToHashSet();
        var anchors = large.Select(k => k.Min(x => x.First)).Concat(headlines).ToList();
        var rows = await entries.Where(e => whole.Contains(e.ChangeSetId) || anchors.Contains(e.Id))
            .OrderBy(e => e.Id).Select(ToRow).ToListAsync(ct);
        var describer = await AuditEntryDescriber.LoadAsync(db, rows, ct);

        var rowsBySet = rows.ToLookup(r => r.ChangeSetId);
        return [.. sets.Select(s =>
        {
            var setKinds = kinds[s.Id];
            var count = setKinds.Sum(k => k.Count);
            var read = rowsBySet[s.Id].ToList();
            var shown = count <= ListedWhole ? read : read.Where(r => headlines.Contains(r.Id)).ToList();
            var others = count <= ListedWhole ? [] : setKinds
                .Where(k => !(k.Count == 1 && headlines.Contains(k.First)))
                .Select(k => new EntryCount(k.Action, k.EntityType, k.Count)).ToList();
            return new ChangeSet(s.Id, read[0].Id, s.At, read[0].UserId is null ? null : read[0].UserName, count,
                [.. shown.Select(describer.Describe)], others);
        })];
    }

    /// <summary>The whole change set that entry <paramref name="entryId"/> belongs to; null if there is no such entry.</summary>
    public static async Task<ChangeSet?> ChangeSetOfAsync(PlanDb db, long entryId, CancellationToken ct)
    {
        var rows = await db.AuditEntries.AsNoTracking()
            .Where(e => e.ChangeSetId == db.AuditEntries.Where(x => x.Id == entryId).Select(x => x.ChangeSetId).FirstOrDefault())
            .OrderBy(e => e.Id).Select(ToRow).ToListAsync(ct);
        if (rows.Count == 0) return null;
        var describer = await AuditEntryDescriber.LoadAsync(db, rows, ct);
        return Build(rows, describer);
    }

    private static ChangeSet Build(List<AuditRow> rows, AuditEntryDescriber describer) =>
        new(rows[0].ChangeSetId, rows[0].Id, rows.Max(r => r.At), rows[0].UserId is null ? null : rows[0].UserName, rows.Count,
            [.. rows.Select(describer.Describe)], []);
}

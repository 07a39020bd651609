namespace RuleOfLawPlan.Web.Pages.Audit;

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

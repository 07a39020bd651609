using System.Globalization;
using System.Linq.Expressions;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using RuleOfLawPlan.Domain.Plans;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Data.Audit;
using RuleOfLawPlan.Web.Security;

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

    /// <summary>One entry as a sentence: 修改 任务 （六）1. 持续推进行政执法三项制度, with its fields.</summary>
    public sealed record HistoryEntry(long Id, AuditAction Action, string EntityType, string? Title, int? PlanTaskId,
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

    private sealed record Row(long Id, Guid ChangeSetId, DateTimeOffset At, string? UserId, string UserName, AuditAction Action,
        string EntityType, string EntityKey, int? PlanTaskId, string? Before, string? After);

    private static readonly Expression<Func<AuditEntry, Row>> ToRow = e =>
        new Row(e.Id, e.ChangeSetId, e.At, e.UserId, e.UserName, e.Action, e.EntityType, e.EntityKey, e.PlanTaskId, e.Before, e.After);

    /// <summary>A task's history, newest save first, at most <paramref name="limit"/> entries.</summary>
    public static async Task<IReadOnlyList<ChangeSet>> ForTaskAsync(PlanDb db, int taskId, int limit, CancellationToken ct)
    {
        var rows = await db.AuditEntries.AsNoTracking().Where(e => e.PlanTaskId == taskId)
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(limit)
            .Select(ToRow).ToListAsync(ct);
        var describer = await Describer.LoadAsync(db, rows, ct);
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
        var describer = await Describer.LoadAsync(db, rows, ct);

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
        var describer = await Describer.LoadAsync(db, rows, ct);
        return Build(rows, describer);
    }

    private static ChangeSet Build(List<Row> rows, Describer describer) =>
        new(rows[0].ChangeSetId, rows[0].Id, rows.Max(r => r.At), rows[0].UserId is null ? null : rows[0].UserName, rows.Count,
            [.. rows.Select(describer.Describe)], []);

    /// <summary>Turns stored rows into sentences: Chinese labels and values, objects and people by name.</summary>
    private sealed class Describer(IReadOnlyDictionary<string, IEntityType> types,
        Dictionary<long, (Dictionary<string, JsonElement> Before, Dictionary<string, JsonElement> After)> values, AuditTitles titles)
    {
        private static readonly string TaskType = nameof(PlanTask);

        public static async Task<Describer> LoadAsync(PlanDb db, IReadOnlyCollection<Row> rows, CancellationToken ct)
        {
            var types = AuditedTypes.In(db.Model);
            var values = rows.ToDictionary(r => r.Id, r => (Parse(r.Before), Parse(r.After)));
            var wanted = new HashSet<(string Type, string Key)>();
            foreach (var row in rows)
            {
                if (row.PlanTaskId is int taskId) wanted.Add((TaskType, taskId.ToString(CultureInfo.InvariantCulture)));
                if (!types.TryGetValue(row.EntityType, out var type)) continue;
                var key = type.FindPrimaryKey()!.Properties;
                if (key.Count == 1) wanted.Add((row.EntityType, row.EntityKey));
                foreach (var (property, value) in KeyParts(type, row.EntityKey))
                    if (Principal(type, property) is { } principal) wanted.Add((principal, value));
                var (before, after) = values[row.Id];
                foreach (var (field, value) in before.Concat(after))
                    if (Principal(type, field) is { } principal && Raw(value) is { } raw) wanted.Add((principal, raw));
            }
            return new Describer(types, values, await AuditTitles.LoadAsync(db, wanted, ct));
        }

        public HistoryEntry Describe(Row row)
        {
            var type = types.GetValueOrDefault(row.EntityType);
            var (before, after) = values[row.Id];
            return new HistoryEntry(row.Id, row.Action, row.EntityType, Title(row, type, before, after), row.PlanTaskId,
                row.PlanTaskId is int taskId ? titles.Of(TaskType, taskId) : null, Fields(row, type, before, after));
        }

        /// <summary>
        /// The object's name as it is now; for a row made of links (配合科室, 用户角色) the names of what it links,
        /// the task left out (pages show it beside); for a deleted object the name its entry recorded.
        /// </summary>
        private string? Title(Row row, IEntityType? type, Dictionary<string, JsonElement> before, Dictionary<string, JsonElement> after)
        {
            if (type is not null && type.FindPrimaryKey()!.Properties.Count > 1)
            {
                var names = KeyParts(type, row.EntityKey)
                    .Select(p => Principal(type, p.Property) is { } principal && principal != TaskType ? titles.Of(principal, p.Value) : null)
                    .OfType<string>().ToList();
                return names.Count > 0 ? string.Join(" · ", names) : null;
            }
            return titles.Of(row.EntityType, row.EntityKey) ?? RecordedName(after) ?? RecordedName(before);
        }

        private static readonly string[] NameFields = ["Title", "Name", "DisplayName"];

        private static string? RecordedName(Dictionary<string, JsonElement> values) =>
            NameFields
                .Select(f => values.TryGetValue(f, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null)
                .FirstOrDefault(n => !string.IsNullOrEmpty(n));

        /// <summary>
        /// An update shows what changed; an insert or delete what the row held, without its generated key or its task
        /// (the page shows both), empty fields, or look-up copies (NormalizedUserName).
        /// </summary>
        private List<FieldChange> Fields(Row row, IEntityType? type, Dictionary<string, JsonElement> before, Dictionary<string, JsonElement> after)
        {
            var hidden = new HashSet<string>();
            if (row.Action != AuditAction.Update && type is not null)
            {
                if (type.FindPrimaryKey()!.Properties is [var key] && !key.IsForeignKey()) hidden.Add(key.Name);
                if (AuditedTypes.TaskLink(type) is { } link) hidden.Add(link);
            }

            var fields = new List<FieldChange>();
            // jsonb keeps keys shortest first; people read a row in the catalog's order.
            foreach (var name in after.Keys.Concat(before.Keys).Distinct().OrderBy(f => AuditLabels.Position(row.EntityType, f)))
            {
                if (hidden.Contains(name) || AuditLabels.IsDerived(name)) continue;
                var label = AuditLabels.FieldLabel(row.EntityType, name);
                if (AuditedTypes.IsSecret(row.EntityType, name))
                {
                    // Only the fact of the change was recorded.
                    fields.Add(row.Action switch
                    {
                        AuditAction.Insert => new FieldChange(label, "", "已设置", true, Secret: true),
                        AuditAction.Delete => new FieldChange(label, "已设置", "", true, Secret: true),
                        _ => new FieldChange(label, "", "已修改", true, Secret: true),
                    });
                    continue;
                }
                var (old, oldKey) = Show(type, name, before.GetValueOrDefault(name));
                var (@new, newKey) = Show(type, name, after.GetValueOrDefault(name));
                if (row.Action != AuditAction.Update && old.Length == 0 && @new.Length == 0) continue;
                fields.Add(new FieldChange(label, old, @new, oldKey || newKey));
            }
            return fields;
        }

        /// <summary>A stored value in words; true when the words are a resource key (a domain value, 是/否).</summary>
        private (string Text, bool Translatable) Show(IEntityType? type, string field, JsonElement value)
        {
            if (value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null) return ("", false);
            if (value.ValueKind == JsonValueKind.True) return ("是", true);
            if (value.ValueKind == JsonValueKind.False) return ("否", true);
            var raw = Raw(value) ?? value.GetRawText();
            if (type is not null && Principal(type, field) is { } principal) return (titles.Of(principal, raw) ?? raw, false);
            // A role's stored name is a code ("Office"); people know it by its label.
            if (type?.ClrType == typeof(IdentityRole) && field == nameof(IdentityRole.Name)) return (Roles.Label(raw), true);

            var clr = type?.FindProperty(field)?.ClrType;
            clr = clr is null ? null : Nullable.GetUnderlyingType(clr) ?? clr;
            return clr switch
            {
                { IsEnum: true } when Enum.TryParse(clr, raw, out var member) => (Labels.Of((Enum)member), true),
                not null when clr == typeof(DateOnly) && DateOnly.TryParse(raw, CultureInfo.InvariantCulture, out var date) => (Labels.ChineseDate(date), false),
                not null when clr == typeof(DateTimeOffset) && DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)
                    => (ChinaTime.Format(instant), false),
                not null when clr == typeof(decimal) && decimal.TryParse(raw, NumberStyles.Number, CultureInfo.InvariantCulture, out var number)
                    => (number.ToString("0.##", CultureInfo.InvariantCulture), false),
                _ => (raw, false),
            };
        }

        /// <summary>The stored name of the type a single-column foreign key points to (LeadSectionId → Section).</summary>
        private static string? Principal(IEntityType type, string property) =>
            type.FindProperty(property)?.GetContainingForeignKeys().FirstOrDefault(fk => fk.Properties.Count == 1) is { } fk
                ? AuditedTypes.NameOf(fk.PrincipalEntityType)
                : null;

        /// <summary>An entry's key ("12,5") split back into its key properties.</summary>
        private static IEnumerable<(string Property, string Value)> KeyParts(IEntityType type, string entityKey)
        {
            var properties = type.FindPrimaryKey()!.Properties;
            var parts = entityKey.Split(',');
            return parts.Length == properties.Count ? properties.Select((p, i) => (p.Name, parts[i])) : [];
        }

        private static string? Raw(JsonElement value) => value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };

        private static Dictionary<string, JsonElement> Parse(string? json)
        {
            if (string.IsNullOrEmpty(json)) return [];
            using var document = JsonDocument.Parse(json);
            return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());
        }
    }
}

using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using RuleOfLawPlan.Domain.Plans;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Data.Audit;
using RuleOfLawPlan.Web.Security;

namespace RuleOfLawPlan.Web.Pages.Shared;

/// <summary>Turns stored rows into sentences: Chinese labels and values, objects and people by name.</summary>
internal sealed class AuditEntryDescriber(IReadOnlyDictionary<string, IEntityType> types,
    Dictionary<long, (Dictionary<string, JsonElement> Before, Dictionary<string, JsonElement> After)> values, AuditTitles titles)
{
    private static readonly string TaskType = nameof(PlanTask);

    public static async Task<AuditEntryDescriber> LoadAsync(PlanDb db, IReadOnlyCollection<AuditRow> rows, CancellationToken ct)
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
        return new AuditEntryDescriber(types, values, await AuditTitles.LoadAsync(db, wanted, ct));
    }

    public AuditHistory.HistoryEntry Describe(AuditRow row)
    {
        var type = types.GetValueOrDefault(row.EntityType);
        var (before, after) = values[row.Id];
        return new AuditHistory.HistoryEntry(row.Id, row.Action, row.EntityType, Title(row, type, before, after),
            titles.LinkOf(row.EntityType, row.EntityKey), row.PlanTaskId,
            row.PlanTaskId is int taskId ? titles.Of(TaskType, taskId) : null, Fields(row, type, before, after));
    }

    /// <summary>
    /// The object's name as it is now; for a row made of links (配合科室, 用户角色) the names of what it links,
    /// the task left out (pages show it beside); for a deleted object the name its entry recorded.
    /// </summary>
    private string? Title(AuditRow row, IEntityType? type, Dictionary<string, JsonElement> before, Dictionary<string, JsonElement> after)
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

    private static readonly string[] NameFields = ["Title", "Name", "DisplayName", "FileName"];

    private static string? RecordedName(Dictionary<string, JsonElement> values) =>
        NameFields
            .Select(f => values.TryGetValue(f, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null)
            .FirstOrDefault(n => !string.IsNullOrEmpty(n));

    /// <summary>
    /// An update shows what changed; an insert or delete what the row held, without its generated key or its task
    /// (the page shows both), empty fields, or look-up copies (NormalizedUserName).
    /// </summary>
    private List<AuditHistory.FieldChange> Fields(AuditRow row, IEntityType? type, Dictionary<string, JsonElement> before, Dictionary<string, JsonElement> after)
    {
        var hidden = new HashSet<string>();
        if (row.Action != AuditAction.Update && type is not null)
        {
            if (type.FindPrimaryKey()!.Properties is [var key] && !key.IsForeignKey()) hidden.Add(key.Name);
            if (AuditedTypes.TaskLink(type) is { } link) hidden.Add(link);
        }

        var fields = new List<AuditHistory.FieldChange>();
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
                    AuditAction.Insert => new AuditHistory.FieldChange(label, "", "已设置", true, Secret: true),
                    AuditAction.Delete => new AuditHistory.FieldChange(label, "已设置", "", true, Secret: true),
                    _ => new AuditHistory.FieldChange(label, "", "已修改", true, Secret: true),
                });
                continue;
            }
            var (old, oldKey) = Show(type, name, before.GetValueOrDefault(name));
            var (@new, newKey) = Show(type, name, after.GetValueOrDefault(name));
            if (row.Action != AuditAction.Update && old.Length == 0 && @new.Length == 0) continue;
            fields.Add(new AuditHistory.FieldChange(label, old, @new, oldKey || newKey));
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

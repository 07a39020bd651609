using Microsoft.EntityFrameworkCore;
using RuleOfLawPlan.Web.Data;

namespace RuleOfLawPlan.Web.Pages.Shared;

/// <summary>Section names by id, for the pages that name a task's lead and supporting sections.</summary>
public sealed class SectionNames(IReadOnlyDictionary<int, string> names)
{
    public static SectionNames None { get; } = new(new Dictionary<int, string>());

    /// <summary>Every section, active or not: a task may still name one that has been deactivated.</summary>
    public static async Task<SectionNames> LoadAsync(PlanDb db, CancellationToken ct) =>
        new(await db.Sections.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, ct));

    /// <summary>The section's name; "" for none.</summary>
    public string Of(int? id) => id is int key && names.TryGetValue(key, out var name) ? name : "";

    /// <summary>"政策法规办、市容环境卫生管理科".</summary>
    public string Join(IEnumerable<int> ids) => string.Join("、", ids.Select(id => Of(id)));
}

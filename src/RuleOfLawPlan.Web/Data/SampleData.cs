using Microsoft.EntityFrameworkCore;
using RuleOfLawPlan.Domain.Organizations;

namespace RuleOfLawPlan.Web.Data;

/// <summary>
/// Development-only sections. 政策法规办 and 综合执法科 are named in the plan; the others are
/// plausible units of such a bureau, marked 示例 (IsSample) so nobody mistakes them for real data.
/// </summary>
public static class SampleData
{
    private static readonly (string Name, SectionKind Kind, bool IsSample)[] Sections =
    [
        ("政策法规办", SectionKind.Office, false),
        ("综合执法科", SectionKind.Section, false),
        ("办公室", SectionKind.Office, true),
        ("市容环境卫生管理科", SectionKind.Section, true),
        ("市政设施管理科", SectionKind.Section, true),
        ("智慧城管指挥中心", SectionKind.Center, true),
        ("城管执法大队", SectionKind.Brigade, true),
    ];

    public static async Task EnsureSectionsAsync(PlanDb db, int organizationId, CancellationToken ct)
    {
        var existing = await db.Sections.Where(s => s.OrganizationId == organizationId).Select(s => s.Name).ToListAsync(ct);
        var order = 0;
        foreach (var (name, kind, isSample) in Sections)
        {
            order += 10;
            if (!existing.Contains(name))
                db.Sections.Add(new Section(organizationId, name, kind, order, isSample));
        }

        await db.SaveChangesAsync(ct);
    }
}

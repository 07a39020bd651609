using Microsoft.EntityFrameworkCore;
using RuleOfLawPlan.Domain.Organizations;
using RuleOfLawPlan.Web.Security;

namespace RuleOfLawPlan.Web.Data;

/// <summary>
/// Development-only data. 政策法规办 and 综合执法科 are named in the plan; the other sections are plausible
/// units of such a bureau, marked 示例 (IsSample). The task assignments and demo accounts are made up too,
/// so that every role has something to do when the app is tried out.
/// </summary>
public static class SampleData
{
    public const string DemoPassword = "Plan@2023";

    private const string PolicyOffice = "政策法规办";
    private const string Enforcement = "综合执法科";
    private const string GeneralOffice = "办公室";
    private const string Sanitation = "市容环境卫生管理科";
    private const string Facilities = "市政设施管理科";
    private const string SmartCenter = "智慧城管指挥中心";
    private const string Brigade = "城管执法大队";

    private static readonly (string Name, SectionKind Kind, bool IsSample)[] Sections =
    [
        (PolicyOffice, SectionKind.Office, false),
        (Enforcement, SectionKind.Section, false),
        (GeneralOffice, SectionKind.Office, true),
        (Sanitation, SectionKind.Section, true),
        (Facilities, SectionKind.Section, true),
        (SmartCenter, SectionKind.Center, true),
        (Brigade, SectionKind.Brigade, true),
    ];

    /// <summary>(area ordinal, task number or null for every task of the area) → lead and supporting sections.</summary>
    private static readonly (int Area, int? Task, string Lead, string[] Support)[] Assignments =
    [
        (1, null, GeneralOffice, [PolicyOffice]),
        (2, null, PolicyOffice, [GeneralOffice]),
        (3, null, PolicyOffice, [GeneralOffice]),
        (4, null, PolicyOffice, [Enforcement]),
        (5, null, PolicyOffice, []),
        (6, null, Enforcement, [PolicyOffice]),
        (7, 1, Enforcement, [Sanitation]),
        (7, 2, Facilities, [Brigade]),
        (7, 3, PolicyOffice, [Enforcement]),
        (8, null, PolicyOffice, [GeneralOffice]),
        (9, null, SmartCenter, [Enforcement, Brigade]),
    ];

    /// <summary>
    /// The demo leader stands for the bureau's leadership: it holds the 领导职务 the sample assignments name as 责任领导
    /// (分管副局长), so overdue tasks of the demo year reach it.
    /// </summary>
    public const string DemoLeaderTitles = "局长、分管副局长";

    /// <summary>user name, display name, role, section.</summary>
    public static readonly (string UserName, string DisplayName, string Role, string? Section)[] DemoUsers =
    [
        ("admin", "系统管理员", Roles.Admin, null),
        ("leader", "局领导（组长）", Roles.Leader, null),
        ("office", "政策法规办干部", Roles.Office, PolicyOffice),
        ("section", "综合执法科科长", Roles.SectionHead, Enforcement),
        ("section2", "市容环境卫生管理科科长", Roles.SectionHead, Sanitation),
        ("viewer", "查看用户", Roles.Viewer, null),
    ];

    public static async Task EnsureAsync(PlanDb db, AccountService accounts, int organizationId, CancellationToken ct)
    {
        var sections = await EnsureSectionsAsync(db, organizationId, ct);
        await EnsureAssignmentsAsync(db, sections, ct);
        await EnsureDemoUsersAsync(db, accounts, sections, ct);
    }

    private static async Task<Dictionary<string, int>> EnsureSectionsAsync(PlanDb db, int organizationId, CancellationToken ct)
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
        return await db.Sections.Where(s => s.OrganizationId == organizationId).ToDictionaryAsync(s => s.Name, s => s.Id, ct);
    }

    /// <summary>Only on a first run: once anyone has assigned a task, the assignments are theirs.</summary>
    private static async Task EnsureAssignmentsAsync(PlanDb db, Dictionary<string, int> sections, CancellationToken ct)
    {
        if (await db.Tasks.AnyAsync(t => t.LeadSectionId != null, ct)) return;
        var tasks = await db.Tasks.Include(t => t.Plan).Include(t => t.Area).Include(t => t.Supports)
            .Where(t => t.Plan.Status != Domain.Plans.PlanStatus.Closed).ToListAsync(ct);
        foreach (var task in tasks)
        {
            var rule = Assignments.FirstOrDefault(a => a.Area == task.Area.Ordinal && (a.Task is null || a.Task == task.Number));
            if (rule.Lead is null) continue;
            task.Assign(sections[rule.Lead], rule.Support.Select(s => sections[s]), "分管副局长", deadline: null, expectedOutcome: null);
        }

        await db.SaveChangesAsync(ct);
    }

    private static async Task EnsureDemoUsersAsync(PlanDb db, AccountService accounts, Dictionary<string, int> sections, CancellationToken ct)
    {
        var existing = await db.Users.Select(u => u.UserName).ToListAsync(ct);
        foreach (var (userName, displayName, role, section) in DemoUsers.Where(d => !existing.Contains(d.UserName)))
        {
            var result = await accounts.CreateAsync(new NewAccount(userName, displayName, role, section is null ? null : sections[section], DemoPassword,
                role == Roles.Leader ? DemoLeaderTitles : null), ct);
            if (!result.Succeeded)
                throw new InvalidOperationException("Seeding a demo account failed: " + result);
        }
    }
}

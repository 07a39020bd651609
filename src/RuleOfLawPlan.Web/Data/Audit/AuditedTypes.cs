using Microsoft.AspNetCore.Identity;
using RuleOfLawPlan.Domain.Organizations;
using RuleOfLawPlan.Domain.Plans;

namespace RuleOfLawPlan.Web.Data.Audit;

/// <summary>Which entities the audit trail records, under which stable name, and how they belong to a task.</summary>
public static class AuditedTypes
{
    public const string UserRole = "UserRole";

    private static readonly Dictionary<Type, string> Names = new()
    {
        [typeof(Organization)] = nameof(Organization),
        [typeof(Section)] = nameof(Section),
        [typeof(WorkPlan)] = nameof(WorkPlan),
        [typeof(PlanRequirement)] = nameof(PlanRequirement),
        [typeof(KeyArea)] = nameof(KeyArea),
        [typeof(PlanTask)] = nameof(PlanTask),
        [typeof(TaskSupport)] = nameof(TaskSupport),
        [typeof(Kpi)] = nameof(Kpi),
        [typeof(Deliverable)] = nameof(Deliverable),
        [typeof(ProgressUpdate)] = nameof(ProgressUpdate),
        [typeof(Instruction)] = nameof(Instruction),
        [typeof(AppUser)] = nameof(AppUser),
        [typeof(IdentityRole)] = "Role",
        [typeof(IdentityUserRole<string>)] = UserRole,
    };

    /// <summary>Values that must never be written down; the trail records only that they changed.</summary>
    public static readonly IReadOnlySet<string> SecretProperties = new HashSet<string>
    {
        nameof(AppUser.PasswordHash), nameof(AppUser.SecurityStamp), nameof(AppUser.ConcurrencyStamp),
    };

    public const string SecretMarker = "（已更改，不记录内容）";

    public static IEnumerable<Type> All => Names.Keys;

    public static string? NameOf(Type type) => Names.GetValueOrDefault(type);

    /// <summary>Chinese label of an entity type name (a resource key).</summary>
    public static string Label(string name) => name switch
    {
        nameof(Organization) => "单位",
        nameof(Section) => "科室",
        nameof(WorkPlan) => "计划",
        nameof(PlanRequirement) => "工作要求",
        nameof(KeyArea) => "重点工作",
        nameof(PlanTask) => "任务",
        nameof(TaskSupport) => "配合科室",
        nameof(Kpi) => "指标",
        nameof(Deliverable) => "成果",
        nameof(ProgressUpdate) => "工作台账",
        nameof(Instruction) => "批示",
        nameof(AppUser) => "用户",
        "Role" => "角色",
        UserRole => "用户角色",
        _ => name,
    };

    public static IReadOnlyList<string> AllNames => [.. Names.Values];
}

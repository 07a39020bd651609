namespace RuleOfLawPlan.Web.Security;

/// <summary>The five roles of docs/permissions.md, which says what each may do. Names are stored in the database; labels are for the UI.</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string Leader = "Leader";
    public const string Office = "Office";
    public const string SectionHead = "SectionHead";
    public const string Viewer = "Viewer";

    public static readonly IReadOnlyList<string> All = [Admin, Leader, Office, SectionHead, Viewer];

    /// <summary>Section heads report for a section; the office may name its own; other roles have none.</summary>
    public static bool MayHaveSection(string role) => role is SectionHead or Office;

    /// <summary>Chinese label (a resource key).</summary>
    public static string Label(string role) => role switch
    {
        Admin => "系统管理员",
        Leader => "领导小组",
        Office => "领导小组办公室",
        SectionHead => "科室负责人",
        Viewer => "查看",
        _ => role,
    };
}

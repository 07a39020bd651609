namespace RuleOfLawPlan.Web.Security;

public static class PlanClaims
{
    public const string SectionId = "rolp:section_id";
    public const string DisplayName = "rolp:display_name";
}

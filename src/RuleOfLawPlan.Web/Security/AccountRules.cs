namespace RuleOfLawPlan.Web.Security;

/// <summary>The role/section rule, shared by the account forms' validators and <see cref="AccountService"/>.</summary>
public static class AccountRules
{
    /// <summary>The first broken rule for this role and section, or null.</summary>
    public static AccountError? RoleAndSection(string role, int? sectionId)
    {
        if (!Roles.All.Contains(role)) return new(AccountFields.Role, "请选择有效的角色");
        if (role == Roles.SectionHead && sectionId is null) return new(AccountFields.SectionId, "科室负责人必须选择所属科室");
        if (sectionId is not null && !Roles.MayHaveSection(role)) return new(AccountFields.SectionId, "只有科室负责人和领导小组办公室可以设置所属科室");
        return null;
    }
}

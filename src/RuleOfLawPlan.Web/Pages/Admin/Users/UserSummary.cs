namespace RuleOfLawPlan.Web.Pages.Admin.Users;

/// <summary>An account as the user pages show it above their forms.</summary>
/// <param name="IsThrottled">The sign-in throttle holds the account back from some address (已锁定; docs/security.md).</param>
public sealed record UserSummary(string Id, string UserName, string DisplayName, string? Role, int? SectionId, string? Section,
    bool IsDisabled, bool IsThrottled, string ConcurrencyStamp)
{
    /// <summary>正常, 已锁定 or 已停用 (a resource key).</summary>
    public string Status => UserForms.Status(IsDisabled, IsThrottled);
}

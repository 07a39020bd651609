namespace RuleOfLawPlan.Web.Security;

/// <summary>The fields an <see cref="AccountError"/> can name.</summary>
public static class AccountFields
{
    public const string Form = "";
    public const string UserName = nameof(UserName);
    public const string DisplayName = nameof(DisplayName);
    public const string Role = nameof(Role);
    public const string SectionId = nameof(SectionId);
    public const string Password = nameof(Password);
}

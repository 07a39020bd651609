using Microsoft.AspNetCore.Identity;
using RuleOfLawPlan.Domain;

namespace RuleOfLawPlan.Web.Data;

/// <summary>
/// A person who signs in. Section heads belong to the section whose tasks they report on. Changed only
/// through <see cref="Security.AccountService"/>, which also owns the account's one role.
/// </summary>
public sealed class AppUser : IdentityUser
{
    private AppUser()
    {
    }

    public AppUser(string userName, string displayName, int? sectionId) : base(userName)
    {
        DisplayName = displayName;
        SectionId = sectionId;
    }

    /// <summary>Kept normalized like every entity's text (TextNormalizer), however it is set.</summary>
    public string DisplayName
    {
        get;
        private set => field = TextNormalizer.Normalize(value);
    } = "";

    public int? SectionId { get; private set; }
    public bool IsDisabled { get; private set; }

    public void ChangeProfile(string displayName, int? sectionId)
    {
        DisplayName = displayName;
        SectionId = sectionId;
    }

    public void Disable() => IsDisabled = true;

    public void Enable() => IsDisabled = false;

    /// <summary>"政策法规办干部（office）": how the audit trail names a person, by name and by user name.</summary>
    public static string Label(string? displayName, string? userName) =>
        string.IsNullOrEmpty(displayName) ? userName ?? ""
        : string.IsNullOrEmpty(userName) || userName == displayName ? displayName
        : $"{displayName}（{userName}）";
}

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

    /// <summary>The longest list of 领导职务 kept, in characters.</summary>
    public const int MaxLeaderTitlesLength = 200;

    /// <summary>
    /// 领导职务: for a leader, the 责任领导 designations it holds as tasks write them ("局长、分管副局长"), joined with 、.
    /// A task whose 责任领导 names one of them (or the leader's 姓名) is this leader's: its overdue reminders reach it
    /// (docs/decisions/022-responsible-leaders-by-title.md). Empty for every other role.
    /// </summary>
    public string LeaderTitles { get; private set; } = "";

    public void ChangeProfile(string displayName, int? sectionId)
    {
        DisplayName = displayName;
        SectionId = sectionId;
    }

    /// <summary>Keeps each designation once, in the order given, whatever separators were typed between them.</summary>
    public void ChangeLeaderTitles(string? titles) => LeaderTitles = string.Join("、", SplitTitles(titles));

    /// <summary>
    /// The parts of a 责任领导 text or a list of 领导职务: split at 、，,；;/ and spaces, as the reminder job splits a task's
    /// 责任领导 (<c>Notifications/NotificationWriter.cs</c>), normalized, empty parts dropped.
    /// </summary>
    public static IReadOnlyList<string> SplitTitles(string? text) =>
        [.. TextNormalizer.Normalize(text ?? "").Split(TitleSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct()];

    private static readonly char[] TitleSeparators = ['、', '，', ',', '；', ';', '/', ' ', '\t', '\u3000'];

    public void Disable() => IsDisabled = true;

    public void Enable() => IsDisabled = false;

    /// <summary>"政策法规办干部（office）": how the audit trail names a person, by name and by user name.</summary>
    public static string Label(string? displayName, string? userName) =>
        string.IsNullOrEmpty(displayName) ? userName ?? ""
        : string.IsNullOrEmpty(userName) || userName == displayName ? displayName
        : $"{displayName}（{userName}）";
}

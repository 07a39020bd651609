namespace RuleOfLawPlan.Web.Data;

/// <summary>What a change came to, for the forms (<c>TrySaveAsync</c>) and for account changes alike.</summary>
public enum SaveResult
{
    Saved,
    /// <summary>A rule refused the change; its Chinese message is on the page as a model error.</summary>
    Refused,
    /// <summary>
    /// Someone changed the aggregate since the form was opened, or raced the same change; the conflict message is
    /// on the page and the form's hidden version is the stored one.
    /// </summary>
    Conflict,
    /// <summary>A value that must be unique among aggregates (a section's name) is taken; the page says so on the field.</summary>
    Duplicate,
}

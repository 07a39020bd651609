namespace RuleOfLawPlan.Web.Pages;

public enum SaveResult
{
    Saved,
    /// <summary>A rule refused the change; its Chinese message is on the page as a model error.</summary>
    Refused,
    /// <summary>Someone saved the same row since the form was opened (xmin changed).</summary>
    Conflict,
    /// <summary>A name that must be unique is taken; the page says which, in Chinese.</summary>
    Duplicate,
}

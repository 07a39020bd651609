namespace RuleOfLawPlan.Web.Security.SignIns;

public enum SignInOutcome
{
    Succeeded,
    /// <summary>A wrong password (or no such account): counts toward the throttle.</summary>
    Failed,
    /// <summary>The right password, and still no sign-in (a disabled account): not a guess, not counted.</summary>
    Refused,
    /// <summary>Refused by the throttle before any password was checked.</summary>
    Throttled,
    /// <summary>An administrator reset the password or released the account: earlier failures no longer count.</summary>
    Released,
}

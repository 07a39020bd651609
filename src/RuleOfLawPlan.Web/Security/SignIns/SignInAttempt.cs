namespace RuleOfLawPlan.Web.Security.SignIns;

/// <summary>
/// One row of the sign-in log: a password tried on the login or password page, a refusal by the throttle, or an
/// administrator releasing an account from it. Security data, not plan data: it stays out of the audit trail.
/// </summary>
public sealed class SignInAttempt
{
    private SignInAttempt()
    {
    }

    public SignInAttempt(DateTimeOffset at, string userName, string? userId, string clientAddress, SignInOutcome outcome, SignInReason reason)
    {
        At = at;
        UserName = userName.Length > MaxUserNameLength ? userName[..MaxUserNameLength] : userName;
        UserId = userId;
        ClientAddress = clientAddress;
        Outcome = outcome;
        Reason = reason;
    }

    public const int MaxUserNameLength = 256;

    public long Id { get; private set; }
    public DateTimeOffset At { get; private set; }
    /// <summary>The name as typed, normalized the way Identity looks it up (so "Admin" and "admin " are one account).</summary>
    public string UserName { get; private set; } = "";
    /// <summary>The account's id when the name is one; never shown to the person signing in.</summary>
    public string? UserId { get; private set; }
    public string ClientAddress { get; private set; } = "";
    public SignInOutcome Outcome { get; private set; }
    public SignInReason Reason { get; private set; }
}

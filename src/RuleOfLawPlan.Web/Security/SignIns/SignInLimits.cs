namespace RuleOfLawPlan.Web.Security.SignIns;

/// <summary>The throttle's settings (<c>Security:SignIn:*</c>); docs/security.md explains the model.</summary>
public sealed class SignInLimits
{
    public const string Section = "Security:SignIn";

    /// <summary>How far back failures count.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Wrong passwords for one account from one address before the delay starts.</summary>
    public int FreeFailuresPerAccountAndAddress { get; set; } = 5;

    /// <summary>The wait after the last free failure; it doubles with each further failure.</summary>
    public TimeSpan FirstDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Wrong passwords from one address, for any accounts, within <see cref="Window"/> (password spraying).</summary>
    public int FailuresPerAddress { get; set; } = 100;

    /// <summary>How long the sign-in log is kept.</summary>
    public TimeSpan LogRetention { get; set; } = TimeSpan.FromDays(365);
}

namespace RuleOfLawPlan.Web.Security.SignIns;

/// <summary>Why the throttle refuses an attempt, and for how long.</summary>
public sealed record Throttled(TimeSpan RetryAfter, SignInReason Reason)
{
    /// <summary>Whole seconds, rounded up, for the Retry-After header.</summary>
    public int Seconds => (int)Math.Ceiling(RetryAfter.TotalSeconds);

    /// <summary>"30秒" or "15分钟", for the page.</summary>
    public string Wait => Seconds < 60 ? $"{Seconds}秒" : $"{(Seconds + 59) / 60}分钟";
}

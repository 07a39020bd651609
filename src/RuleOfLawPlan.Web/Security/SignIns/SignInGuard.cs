using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RuleOfLawPlan.Web.Data;

namespace RuleOfLawPlan.Web.Security.SignIns;

/// <summary>
/// Checks passwords for the login and password pages, throttles guessing, and keeps the sign-in log.
/// Failures are counted from the log (<c>sign_in_attempts</c>), so the limits hold across app instances.
/// The model — per account and address with a doubling delay, per address across accounts, nothing that an
/// attacker elsewhere can use to lock a user out — is described in docs/security.md.
/// </summary>
public sealed class SignInGuard(PlanDb db, UserManager<AppUser> users, IHttpContextAccessor http, TimeProvider clock,
    IOptions<SignInLimits> options, ILogger<SignInGuard> logger)
{
    private static readonly Lock DummyLock = new();
    private static string? _dummyHash;
    private static readonly AppUser DummyUser = new("dummy", "", null);

    private SignInLimits Limits => options.Value;

    /// <summary>The normalized form of a typed user name: the key the throttle and the log use.</summary>
    public string Normalize(string userName) => users.NormalizeName(userName.Trim()) ?? "";

    /// <summary>Whether this account may try a password from this address now. It depends only on the name as
    /// typed, never on whether the account exists, so a refusal tells nothing about the account.</summary>
    public async Task<Throttled?> CheckAsync(string userName, string address, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var since = now - Limits.Window;
        var released = await db.SignInAttempts
            .Where(a => a.UserName == userName && a.Outcome == SignInOutcome.Released && a.At > since)
            .MaxAsync(a => (DateTimeOffset?)a.At, ct);
        var pairSince = released ?? since;

        var groups = await db.SignInAttempts
            .Where(a => a.ClientAddress == address && a.Outcome == SignInOutcome.Failed && a.At > since)
            .GroupBy(a => a.UserName == userName && a.At > pairSince)
            .Select(g => new { ThisAccount = g.Key, Count = g.Count(), Oldest = g.Min(a => a.At), Last = g.Max(a => a.At) })
            .ToListAsync(ct);

        Throttled? refusal = null;
        if (groups.FirstOrDefault(g => g.ThisAccount) is { } pair && pair.Count >= Limits.FreeFailuresPerAccountAndAddress)
        {
            var until = pair.Last + Delay(pair.Count - Limits.FreeFailuresPerAccountAndAddress);
            if (until > now) refusal = new Throttled(until - now, SignInReason.TooManyFailures);
        }
        if (groups.Sum(g => g.Count) >= Limits.FailuresPerAddress)
        {
            // A sliding window: one more attempt as soon as the oldest failure counted leaves it.
            var until = groups.Min(g => g.Oldest) + Limits.Window;
            if (until > now && (refusal is null || until - now > refusal.RetryAfter))
                refusal = new Throttled(until - now, SignInReason.TooManyFailuresFromAddress);
        }
        return refusal;
    }

    private TimeSpan Delay(int failuresBeyondFree)
    {
        var delay = Limits.FirstDelay * Math.Pow(2, Math.Min(failuresBeyondFree, 30));
        return delay < Limits.MaxDelay ? delay : Limits.MaxDelay;
    }

    /// <summary>
    /// Whether the password is the account's. With no account (or no password) a dummy hash is verified instead,
    /// so an unknown name costs the same time as a wrong password.
    /// </summary>
    public async Task<bool> CheckPasswordAsync(AppUser? user, string password)
    {
        if (user?.PasswordHash is null)
        {
            users.PasswordHasher.VerifyHashedPassword(DummyUser, DummyHash(), password);
            return false;
        }
        return await users.CheckPasswordAsync(user, password);
    }

    private string DummyHash()
    {
        lock (DummyLock)
            return _dummyHash ??= users.PasswordHasher.HashPassword(DummyUser, Convert.ToBase64String(Guid.NewGuid().ToByteArray()));
    }

    /// <summary>
    /// A refused attempt goes to the application log only: the table holds what the throttle counts, and must not
    /// grow with every request a flood sends after the throttle has stopped checking passwords.
    /// </summary>
    public void LogThrottled(string userName, string address, Throttled refusal) =>
        logger.LogWarning("Sign-in {Outcome} ({Reason}) for {UserName} from {ClientAddress}, retry after {RetryAfterSeconds} s",
            SignInOutcome.Throttled, refusal.Reason, userName, address, refusal.Seconds);

    /// <summary>Writes one row of the sign-in log, and the same as a structured log event.</summary>
    public async Task RecordAsync(string userName, string? userId, string address, SignInOutcome outcome, SignInReason reason, CancellationToken ct)
    {
        db.SignInAttempts.Add(new SignInAttempt(clock.GetUtcNow(), userName, userId, address, outcome, reason));
        await db.SaveChangesAsync(ct);
        logger.Log(outcome is SignInOutcome.Failed or SignInOutcome.Refused ? LogLevel.Warning : LogLevel.Information,
            "Sign-in {Outcome} ({Reason}) for {UserName} from {ClientAddress}", outcome, reason, userName, address);
    }

    /// <summary>
    /// An administrator's password reset or unlock: the account's earlier failures no longer count, from any address.
    /// (Failures still count toward their address's limit across accounts.)
    /// </summary>
    public async Task ReleaseAsync(AppUser user, SignInReason reason, CancellationToken ct)
    {
        var context = http.HttpContext;
        await RecordAsync(user.NormalizedUserName ?? Normalize(user.UserName ?? ""), user.Id,
            context is null ? "local" : ClientAddress.Of(context), SignInOutcome.Released, reason, ct);
        // The row names the account; who released it is in the application log (the command line: "local").
        logger.LogInformation("{Actor} released {UserName} from the sign-in throttle ({Reason})",
            context?.User.Identity?.Name ?? "local", user.UserName, reason);
    }

    /// <summary>Whether the throttle is holding back this account from some address right now (for the admin pages).</summary>
    public async Task<bool> IsThrottledAsync(string normalizedUserName, CancellationToken ct) =>
        (await ThrottledUserNamesAsync(normalizedUserName, ct)).Contains(normalizedUserName);

    /// <summary>
    /// The accounts (normalized names; one, or all when <paramref name="userName"/> is null) that the throttle is holding
    /// back from some address right now. Spraying from an address is not counted here: that holds back the address.
    /// </summary>
    public async Task<IReadOnlySet<string>> ThrottledUserNamesAsync(string? userName, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var since = now - Limits.Window;
        var free = Limits.FreeFailuresPerAccountAndAddress;
        var pairs = await db.SignInAttempts
            .Where(a => a.Outcome == SignInOutcome.Failed && a.At > since && (userName == null || a.UserName == userName)
                && !db.SignInAttempts.Any(r => r.UserName == a.UserName && r.Outcome == SignInOutcome.Released && r.At >= a.At))
            .GroupBy(a => new { a.UserName, a.ClientAddress })
            .Where(g => g.Count() >= free)
            .Select(g => new { g.Key.UserName, Count = g.Count(), Last = g.Max(a => a.At) })
            .ToListAsync(ct);
        return pairs.Where(p => p.Last + Delay(p.Count - free) > now).Select(p => p.UserName).ToHashSet();
    }
}
